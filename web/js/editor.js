// Editing a record with its etag: a form built from a field spec, the record
// read back from it, an Update with only the fields changed, and a conflict
// (409 ABORTED: someone saved first) explained with the user's input kept:
// their values beside the current ones, to overwrite or to take the current.
//
// A spec is a list of fields: {path: "address.district", label, type
// ("text", "number", "textarea", "select", "checkbox", "list", "date",
// "yearMonth"), options, required, help, col}; or {rows: "sites", label,
// columns: [field…]} for a repeated message, one line per element.

import * as api from "./api.js";
import { h, clear, dateInput, dateFromInput, alertBox } from "./ui.js";
import { field, showError, busy, splitList, joinList, messageOf, clearErrors } from "./forms.js";
import { picker } from "./picker.js";

export function getPath(record, path) {
  return path.split(".").reduce((o, k) => (o == null ? undefined : o[k]), record);
}

function setPath(record, path, value) {
  const keys = path.split(".");
  let o = record;
  for (const k of keys.slice(0, -1)) o = o[k] = o[k] || {};
  o[keys[keys.length - 1]] = value;
}

function toInput(f, v) {
  switch (f.type) {
    case "list": return joinList(v);
    case "date": return dateInput(v);
    case "yearMonth": {
      if (!v || !v.year) return "";
      const pad = (n) => String(n).padStart(2, "0");
      return `${v.year}${v.month ? "-" + pad(v.month) : ""}${v.month && v.day ? "-" + pad(v.day) : ""}`;
    }
    case "checkbox": return !!v;
    default: return v === undefined || v === null ? "" : String(v);
  }
}

function fromInput(f, input) {
  if (f.type === "checkbox") return input.checked;
  if (f.type === "picker") return input.closest(".autocomplete").value || "";
  const text = input.value.trim();
  switch (f.type) {
    case "list": return splitList(text);
    case "number": return text === "" ? 0 : Number(text);
    case "date": return dateFromInput(text);
    case "yearMonth": {
      if (!text) return undefined;
      const [year, month, day] = text.split("-").map(Number);
      return day ? { year, month, day } : month ? { year, month } : { year };
    }
    default: return text;
  }
}

// A group of checkboxes for a repeated enum (desired_partner_kinds).
function checksFor(f, name, value) {
  const chosen = new Set(value || []);
  return h("fieldset", { class: `mb-3 ${f.col || ""}`, "data-field": name },
    h("legend", { class: "form-label fs-6 mb-1" }, f.label),
    h("div", {}, f.options.map(([v, l], i) => {
      const id = `${name.replace(/[^a-zA-Z0-9]/g, "-")}-${i}-${Math.random().toString(36).slice(2, 7)}`;
      const box = h("input", { class: "form-check-input", type: "checkbox", id, name, value: v });
      box.checked = chosen.has(v);
      return h("div", { class: "form-check form-check-inline" }, box, h("label", { class: "form-check-label", for: id }, l));
    })),
    f.help ? h("div", { class: "form-text" }, f.help) : null);
}

function inputFor(f, name, value) {
  if (f.type === "checks") return checksFor(f, name, value);
  if (f.type === "picker") {
    const node = picker({ collection: f.collection, name, label: f.label, value: value || "",
                          required: f.required, filter: f.filter || {}, help: f.help });
    node.className = `mb-3 autocomplete ${f.col || ""}`;
    return node;
  }
  const type = { list: "text", yearMonth: "text", number: "number" }[f.type] || f.type || "text";
  const attrs = { ...(f.attrs || {}), "data-field": name };
  if (f.type === "yearMonth") Object.assign(attrs, { placeholder: "1972-04 または 1972", pattern: "[0-9]{4}(-[0-9]{1,2}){0,2}" });
  if (f.type === "number") Object.assign(attrs, { min: 0, step: 1 });
  const help = f.help || (f.type === "list" ? "「、」または改行で区切って複数書けます。" : undefined);
  return field(name, f.label, { type, value: toInput(f, value), required: f.required, help,
                                options: f.options, attrs, col: f.col || "", rows: f.lines });
}

function rowsEditor(spec, list) {
  const body = h("div", { class: "rows" });
  const wrapper = h("fieldset", { class: "mb-3 border rounded p-2", dataset: { rows: spec.rows } },
    h("legend", { class: "fs-6 float-none w-auto px-1 mb-1" }, spec.label), body);
  // `origin`: the element's index in the record, so that what the form does
  // not show of it is kept even when lines above it are removed.
  const add = (element, index, origin) => {
    const line = h("div", { class: "row g-2 align-items-end border-bottom mb-2 row-item",
                            dataset: { origin: origin === undefined ? "" : String(origin) } });
    for (const f of spec.columns) {
      const node = inputFor({ ...f, col: f.col || "col-md-3" }, `${spec.rows}[${index}].${f.path}`, getPath(element || {}, f.path));
      line.append(node);
    }
    const remove = h("button", { type: "button", class: "btn btn-outline-danger btn-sm mb-3" }, "この行を削除");
    remove.addEventListener("click", () => {
      line.remove();
      renumber();
    });
    line.append(h("div", { class: "col-auto" }, remove));
    body.append(line);
  };
  const renumber = () => {
    Array.from(body.children).forEach((line, i) => {
      line.querySelectorAll("[name]").forEach((input) => {
        const name = input.name.replace(/^[a-zA-Z]+\[\d+\]/, `${spec.rows}[${i}]`);
        input.name = name;
        input.dataset.field = name;
      });
    });
  };
  (list || []).forEach((element, i) => add(element, i, i));
  const more = h("button", { type: "button", class: "btn btn-outline-secondary btn-sm" }, `${spec.addLabel || "行を追加"}`);
  more.addEventListener("click", () => {
    add({}, body.children.length);
    const first = body.lastElementChild.querySelector("input, select, textarea");
    if (first) first.focus();
  });
  wrapper.append(more);
  return wrapper;
}

// The form's inputs for `spec` with `record`'s values.
export function fieldsFor(spec, record) {
  return spec.map((f) => {
    if (f.rows) return rowsEditor(f, getPath(record, f.rows));
    if (f.group) return h("div", { class: "row" }, fieldsFor(f.group, record));
    return inputFor(f, f.path, getPath(record, f.path));
  });
}

function flatSpec(spec) {
  return spec.flatMap((f) => (f.group ? flatSpec(f.group) : [f]));
}

// The record as the form says (only the spec's fields).
export function recordFrom(spec, form, original) {
  // Start from the record's own values of the fields the form touches, so
  // that parts it does not show (sdgs.goals beside sdgs.declared) are kept.
  const record = {};
  for (const f of flatSpec(spec)) {
    const top = (f.rows || f.path).split(".")[0];
    if (!(top in record) && original && original[top] !== undefined && !f.rows) {
      record[top] = JSON.parse(JSON.stringify(original[top]));
    }
  }
  for (const f of flatSpec(spec)) {
    if (f.rows) {
      const lines = Array.from(form.querySelectorAll(`[data-rows="${f.rows}"] .row-item`));
      const base = getPath(original, f.rows) || [];
      setPath(record, f.rows, lines.map((line) => {
        // Keep what the form does not show of an element that was there.
        const origin = line.dataset.origin === "" ? -1 : Number(line.dataset.origin);
        const element = JSON.parse(JSON.stringify(base[origin] || {}));
        for (const c of f.columns) {
          const input = line.querySelector(`[name$="].${c.path}"]`);
          setPath(element, c.path, fromInput(c, input));
        }
        return element;
      }));
      continue;
    }
    if (f.type === "checks") {
      const boxes = Array.from(form.querySelectorAll(`input[name="${f.path}"]`));
      setPath(record, f.path, boxes.filter((b) => b.checked).map((b) => b.value));
      continue;
    }
    const input = form.elements.namedItem(f.path);
    if (input) setPath(record, f.path, fromInput(f, input));
  }
  return record;
}

// Removes empty values, so that "" and a missing field compare equal (the
// API leaves fields at their default out).
export function prune(value) {
  if (Array.isArray(value)) return value.map(prune);
  if (value && typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const p = prune(v);
      if (p === undefined || p === "" || p === 0 || p === false || p === null) continue;
      if (typeof p === "object" && !Array.isArray(p) && !Object.keys(p).length) continue;
      if (Array.isArray(p) && !p.length) continue;
      out[k] = p;
    }
    return out;
  }
  return value;
}

const same = (a, b) => JSON.stringify(prune(a)) === JSON.stringify(prune(b));

// The top-level fields of the spec whose value differs between a and b.
export function changedFields(spec, a, b) {
  const tops = [...new Set(flatSpec(spec).map((f) => (f.rows || f.path).split(".")[0]))];
  return tops.filter((top) => !same(getPath(a, top), getPath(b, top)));
}

// Leaves of a record as [path, text] for showing side by side.
function leaves(value, path = "") {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object")) return [[path, value.join("、")]];
    return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  }
  if (value && typeof value === "object") {
    if ("year" in value && Object.keys(value).every((k) => ["year", "month", "day"].includes(k))) {
      return [[path, [value.year, value.month, value.day].filter(Boolean).join("-")]];
    }
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  }
  return [[path, value === undefined || value === null ? "" : String(value)]];
}

function labelOf(spec, path) {
  for (const f of flatSpec(spec)) {
    if (f.rows && path.startsWith(f.rows + "[")) {
      const rest = path.replace(/^[^\]]*\]\./, "");
      const column = f.columns.find((c) => c.path === rest);
      const index = Number(path.match(/\[(\d+)\]/)[1]) + 1;
      return `${f.label} ${index}行目 ${column ? column.label : rest}`;
    }
    if (f.path === path) return f.label;
  }
  return path;
}

// The table of a conflict: every field where the user's input and the
// current record differ.
function conflictTable(spec, mine, current, fields, changedByUser) {
  const rows = [];
  for (const top of fields) {
    const a = new Map(leaves(prune({ [top]: getPath(mine, top) })));
    const b = new Map(leaves(prune({ [top]: getPath(current, top) })));
    for (const path of new Set([...a.keys(), ...b.keys()])) {
      if ((a.get(path) || "") === (b.get(path) || "")) continue;
      rows.push(h("tr", {}, h("th", { scope: "row", class: "fw-normal" }, labelOf(spec, path),
        changedByUser.has(top) ? h("span", { class: "badge text-bg-warning ms-1" }, "あなたが変更") : null),
        h("td", { class: "changed" }, a.get(path) || "（空）"), h("td", {}, b.get(path) || "（空）")));
    }
  }
  return h("table", { class: "table table-sm conflict mb-2" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "項目"), h("th", { scope: "col" }, "あなたの入力"),
      h("th", { scope: "col" }, "現在の値（先に保存された内容）"))),
    h("tbody", {}, rows));
}

// An edit form for `record` (kind "organization" …) with `spec`: saves the
// fields changed, with the etag. On a conflict it says so, keeps the input,
// shows the user's values beside the current ones, and offers to save only
// what the user changed over the current record, or to take the current.
// `onSaved(record, {unchanged, fields})`.
export function editForm({ record, spec, kind, onSaved, onCancel, submitLabel = "保存する" }) {
  let started = record;  // the record as it was when the user began
  let base = record;     // the record the next save replaces (its etag)
  const form = h("form", { class: "card card-body mb-4 edit-form", novalidate: true, id: `${kind}-edit` });
  const conflict = h("div", { class: "conflict-box" });
  const cancel = h("button", { type: "button", class: "btn btn-outline-secondary" }, "やめる");
  cancel.addEventListener("click", () => onCancel && onCancel());
  form.append(conflict, ...fieldsFor(spec, record),
    h("div", { class: "d-flex gap-2" }, h("button", { type: "submit", class: "btn btn-primary" }, submitLabel), cancel));

  async function save() {
    clearErrors(form);
    const mine = recordFrom(spec, form, started);
    // What the user changed since beginning; saved over `base` (the record
    // read last), so that others' changes to other fields stay.
    const fields = changedFields(spec, started, mine).filter((f) => !same(getPath(base, f), getPath(mine, f)));
    if (!fields.length) {
      clear(conflict);
      onSaved(base, { unchanged: true });
      return;
    }
    const body = { ...prune(mine), name: base.name, etag: base.etag };
    try {
      const saved = await api.patch(api.v1(base.name), body, { updateMask: fields.join(",") });
      clear(conflict);
      started = base = saved;
      onSaved(saved, { fields });
    } catch (e) {
      if (e.status === "ABORTED") {
        await showConflict(mine);
      } else {
        showError(form, e, { prefix: kind });
      }
    }
  }

  async function showConflict(mine) {
    let current;
    try {
      current = await api.get(api.v1(base.name));
    } catch (e) {
      clear(conflict, alertBox("danger", messageOf(e)));
      return;
    }
    const mineChanged = changedFields(spec, started, mine);
    const theirsChanged = changedFields(spec, started, current);
    const fields = [...new Set([...mineChanged, ...theirsChanged])];
    const overwrite = h("button", { type: "button", class: "btn btn-warning btn-sm", id: "conflict-overwrite" },
      "あなたが変えた項目だけを、今の記録に上書きして保存する");
    const take = h("button", { type: "button", class: "btn btn-outline-secondary btn-sm", id: "conflict-reload" },
      "今の記録を読み込み直す（あなたの入力は消えます）");
    const box = alertBox("warning",
      h("h2", { class: "h6" }, "保存できませんでした: 他の人が先にこの記録を保存しました"),
      h("p", { class: "mb-2" }, "あなたが編集を始めた後に、別の人（または別のタブ）がこの記録を変更しました。",
        "あなたの入力はこのフォームにそのまま残っています。下の表で見比べてから、どちらかを選んでください。"),
      conflictTable(spec, mine, current, fields, new Set(mineChanged)),
      h("div", { class: "d-flex flex-wrap gap-2" }, overwrite, take));
    box.setAttribute("role", "alert");
    box.id = "conflict";
    clear(conflict, box);
    box.scrollIntoView({ block: "start" });
    overwrite.addEventListener("click", () => {
      base = current;
      busy(form, save);
    });
    take.addEventListener("click", () => {
      const fresh = editForm({ record: current, spec, kind, onSaved, onCancel, submitLabel });
      form.replaceWith(fresh);
    });
    overwrite.focus();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form, save);
  });
  return form;
}

// A create form: POSTs to `path` (the record as the body) and calls onSaved.
// `complete(record)` may add what the spec does not hold (a picker's value).
export function createForm({ spec, kind, path, initial = {}, onSaved, submitLabel = "登録する", extra = [],
                             complete = (r) => r }) {
  const form = h("form", { class: "card card-body mb-4", novalidate: true, id: `${kind}-create` });
  form.append(...extra, ...fieldsFor(spec, initial),
    h("div", {}, h("button", { type: "submit", class: "btn btn-primary" }, submitLabel)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form, async () => {
      clearErrors(form);
      const record = prune(complete({ ...initial, ...recordFrom(spec, form, initial) }));
      try {
        onSaved(await api.post(path, record));
      } catch (e) {
        showError(form, e, { prefix: kind });
      }
    });
  });
  return form;
}

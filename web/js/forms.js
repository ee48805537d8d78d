// Forms: values in and out, and the server's errors shown next to the field
// they concern (google.rpc.BadRequest field paths mapped to inputs).

import { ApiError } from "./api.js";
import { h, $, $$, alertBox } from "./ui.js";

// The server's English reasons in plain Japanese; others are shown as sent.
const REASONS = [
  [/^is required$/, "入力してください。"],
  [/^must be 13 digits/, "法人番号は13桁の数字です。"],
  [/check digit/, "法人番号の検査用数字が合いません。番号をお確かめください。"],
  [/^does not exist|not found/i, "指定した記録が見つかりません。"],
  [/too long|at most (\d+)/, "長すぎます。"],
  [/impossible date|not a date|invalid date/i, "日付が正しくありません。"],
  [/already/i, "すでに登録されています。"],
];

export function reasonText(description) {
  for (const [pattern, text] of REASONS) {
    if (pattern.test(description || "")) return `${text}（${description}）`;
  }
  return description;
}

// snake_case path pieces → lowerCamelCase: "address.postal_code" → "address.postalCode".
const camel = (path) => path.replace(/_([a-z])/g, (m, c) => c.toUpperCase());

// The input for a field path of the request ("organization.sites[1].address.city"),
// trying the path without its leading message name, then shorter prefixes.
function inputFor(form, path, prefix) {
  let field = camel(path);
  if (prefix && field.startsWith(prefix + ".")) field = field.slice(prefix.length + 1);
  for (let candidate = field; candidate; ) {
    const input = form.querySelector(`[data-field="${CSS.escape(candidate)}"]`) ||
                  form.querySelector(`[name="${CSS.escape(candidate)}"]`);
    if (input) return input;
    const cut = Math.max(candidate.lastIndexOf("."), candidate.lastIndexOf("["));
    candidate = cut > 0 ? candidate.slice(0, cut) : "";
  }
  return null;
}

export function clearErrors(form) {
  for (const input of $$(".is-invalid", form)) {
    input.classList.remove("is-invalid");
    input.removeAttribute("aria-invalid");
  }
  for (const node of $$(".field-error, .form-error", form)) node.remove();
}

// Shows `error` in `form`: each field violation under its input (focused,
// the first one), the rest in an alert at the top of the form.
export function showError(form, error, { prefix } = {}) {
  clearErrors(form);
  const unplaced = [];
  let first = null;
  const violations = error instanceof ApiError ? error.fieldViolations : [];
  for (const violation of violations) {
    const input = inputFor(form, violation.field || "", prefix);
    if (!input) {
      unplaced.push(`${violation.field}: ${reasonText(violation.description)}`);
      continue;
    }
    input.classList.add("is-invalid");
    input.setAttribute("aria-invalid", "true");
    const id = (input.id || input.name || "field") + "-error";
    const message = h("div", { class: "invalid-feedback field-error d-block", id },
      reasonText(violation.description));
    input.setAttribute("aria-describedby", id);
    (input.closest(".input-group") || input).after(message);
    first = first || input;
  }
  if (!violations.length || unplaced.length) {
    const box = alertBox("danger", messageOf(error), unplaced.length ? h("ul", { class: "mb-0" },
      unplaced.map((u) => h("li", {}, u))) : null);
    box.classList.add("form-error");
    form.prepend(box);
    if (!first) box.scrollIntoView({ block: "nearest" });
  }
  if (first) first.focus();
}

// A message at the top of `form` (an error of the whole form, or "保存しました").
export function showMessage(form, kind, ...children) {
  clearErrors(form);
  const box = alertBox(kind, ...children);
  box.classList.add("form-error");
  form.prepend(box);
  return box;
}

// A sentence for an error, in Japanese, with the server's words kept.
export function messageOf(error) {
  if (!(error instanceof ApiError)) return `エラーが起きました: ${error && error.message}`;
  const said = error.message ? `（サーバーの応答: ${error.message}）` : "";
  switch (error.status) {
    case "PERMISSION_DENIED":
      return `この操作をする権限がありません。${said}`;
    case "UNAUTHENTICATED":
      return "ログインが切れました。もう一度ログインしてください。";
    case "NOT_FOUND":
      return `記録が見つかりません。削除されたかもしれません。${said}`;
    case "ABORTED":
      return `他の人が先に変更を保存しました。${said}`;
    case "ALREADY_EXISTS":
      return `すでに登録されています。${said}`;
    case "INVALID_ARGUMENT":
    case "FAILED_PRECONDITION":
      return `入力内容を確認してください。${said}`;
    case "RESOURCE_EXHAUSTED":
      return `しばらく待ってからもう一度お試しください。${said}`;
    case "UNAVAILABLE":
      return `サーバーに接続できません。しばらくしてからお試しください。${said}`;
    default:
      return `エラーが起きました。${said}`;
  }
}

// An alert for an error outside a form (a refused page, a failed load).
export function errorBox(error) {
  return alertBox("danger", messageOf(error));
}

// ------------------------------------------------------------- form fields

let fieldCount = 0;
const nextId = (name) => `f-${name.replace(/[^a-zA-Z0-9]/g, "-")}-${++fieldCount}`;

// A labelled input: field("title", "件名", {required: true, value}).
// `type` "textarea" and "select" (with `options` [[value, label]…]) too;
// `help` text is tied to the input by aria-describedby.
export function field(name, labelText, options = {}) {
  const { type = "text", value = "", required = false, help, attrs = {}, col = "" } = options;
  const id = nextId(name);
  let input;
  if (type === "textarea") {
    input = h("textarea", { class: "form-control", id, name, rows: options.rows || 4, ...attrs });
    input.value = value || "";
  } else if (type === "select") {
    input = h("select", { class: "form-select", id, name, ...attrs },
      (options.options || []).map(([v, l]) => h("option", { value: v }, l)));
    input.value = value || "";
  } else if (type === "checkbox") {
    input = h("input", { class: "form-check-input", type, id, name, ...attrs });
    input.checked = !!value;
    return h("div", { class: `form-check mb-3 ${col}` }, input,
      h("label", { class: "form-check-label", for: id }, labelText));
  } else {
    input = h("input", { class: "form-control", type, id, name, ...attrs });
    input.value = value === undefined || value === null ? "" : value;
  }
  if (required) input.required = true;
  const helpNode = help ? h("div", { class: "form-text", id: id + "-help" }, help) : null;
  if (helpNode) input.setAttribute("aria-describedby", id + "-help");
  return h("div", { class: `mb-3 ${col}` },
    h("label", { class: "form-label", for: id }, labelText,
      required ? h("span", { class: "text-danger ms-1", "aria-hidden": "true" }, "*") : null),
    input, helpNode);
}

// The value of the input named `name` in `form`.
export function value(form, name) {
  const input = form.elements.namedItem(name);
  if (!input) return undefined;
  if (input.type === "checkbox") return input.checked;
  return input.value.trim();
}

// "a、b, c\n d" → ["a", "b", "c", "d"].
export function splitList(text) {
  return (text || "").split(/[、,，\n]/).map((s) => s.trim()).filter(Boolean);
}

export const joinList = (list) => (list || []).join("、");

// Options for a <select> from a label table, with an empty first choice.
export function choices(table, emptyLabel = "（指定なし）") {
  return [["", emptyLabel], ...Object.entries(table)];
}

// Disables a form's submit while `work` runs.
export async function busy(form, work) {
  const buttons = $$("button", form);
  buttons.forEach((b) => (b.disabled = true));
  try {
    return await work();
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

export { $ };

// Choosing a record by its name, with completion: an organization, a seed, a
// person, a need. A text input (role combobox) lists matches as one types
// (List with name_contains, which also matches the reading: あかおぎ finds
// 赤荻); arrow keys move, Enter chooses, Escape closes. The chosen resource
// name is kept in the element's `value`, the input shows its name.

import * as api from "./api.js";
import * as records from "./records.js";
import { h, clear } from "./ui.js";

const SOURCES = {
  organizations: { path: "/v1/organizations", key: "organizations", detail: (o) => o.address && o.address.district ? `${o.address.district}地区` : "" },
  seeds: { path: "/v1/seeds", key: "seeds", detail: () => "" },
  people: { path: "/v1/people", key: "people", detail: (p) => p.department || "" },
  needs: { path: "/v1/needs", key: "needs", detail: () => "" },
  networks: { path: "/v1/networks", key: "networks", detail: () => "" },
};

let pickers = 0;

// picker({collection: "organizations", name: "company", label: "企業", filter: {kind}, value})
export function picker({ collection = "organizations", name, label, filter = {}, value = "",
                         required = false, help, placeholder = "名前の一部や読みを入力", onChange }) {
  const source = SOURCES[collection];
  const id = `picker-${name}-${++pickers}`;
  const listId = id + "-list";
  const input = h("input", {
    class: "form-control", id, type: "text", autocomplete: "off", role: "combobox",
    "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": listId,
    placeholder, "data-field": name, name,
  });
  if (required) input.required = true;
  const list = h("div", { class: "list-group shadow-sm", id: listId, role: "listbox", hidden: true });
  const clearButton = h("button", { type: "button", class: "btn btn-outline-secondary", title: "選択を外す" }, "×");
  const group = h("div", { class: "input-group" }, input, clearButton);
  const helpNode = help ? h("div", { class: "form-text", id: id + "-help" }, help) : null;
  if (helpNode) input.setAttribute("aria-describedby", id + "-help");
  const element = h("div", { class: "mb-3 autocomplete" },
    h("label", { class: "form-label", for: id }, label,
      required ? h("span", { class: "text-danger ms-1", "aria-hidden": "true" }, "*") : null),
    group, list, helpNode);

  let chosen = "";
  let options = [];
  let active = -1;
  let timer = 0;
  let sequence = 0;

  function set(resourceName, record) {
    chosen = resourceName || "";
    element.value = chosen;
    input.dataset.value = chosen;
    if (!chosen) {
      input.value = "";
    } else if (record) {
      input.value = records.titleOf(record);
    } else {
      records.fetchRecord(chosen).then((r) => {
        if (chosen === resourceName) input.value = r ? records.titleOf(r) : resourceName;
      });
    }
  }

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    const record = options[index];
    if (!record) return;
    const before = chosen;
    set(record.name, record);
    close();
    if (onChange && before !== chosen) onChange(chosen, record);
  }

  function mark(index) {
    active = index;
    Array.from(list.children).forEach((item, i) => {
      item.classList.toggle("active", i === index);
      item.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", `${listId}-${index}`);
      list.children[index].scrollIntoView({ block: "nearest" });
    }
  }

  async function search(text) {
    const mine = ++sequence;
    let found = [];
    try {
      const page = await api.listPage(source.path, source.key,
        { ...filter, nameContains: text, pageSize: 20 });
      found = page.items;
    } catch (e) {
      found = [];
    }
    if (mine !== sequence) return;
    options = found.slice(0, 10);
    records.remember(options);
    clear(list, options.length ? options.map((record, i) => h("button", {
      type: "button", class: "list-group-item list-group-item-action", role: "option",
      id: `${listId}-${i}`, tabindex: "-1", "aria-selected": "false",
      onmousedown: (event) => event.preventDefault(),
      onclick: () => choose(i),
    }, records.titleOf(record), h("small", { class: "text-muted ms-2" }, source.detail(record))))
      : h("div", { class: "list-group-item text-muted" }, "見つかりません"));
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    mark(options.length ? 0 : -1);
  }

  input.addEventListener("input", () => {
    if (chosen) {
      const before = chosen;
      chosen = "";
      element.value = "";
      input.dataset.value = "";
      if (onChange) onChange("", null, before);
    }
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return close();
    timer = setTimeout(() => search(text), 200);
  });
  input.addEventListener("keydown", (event) => {
    if (list.hidden) {
      if (event.key === "ArrowDown" && input.value.trim()) search(input.value.trim());
      return;
    }
    if (event.key === "ArrowDown") {
      event.preventDefault();
      mark(Math.min(active + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      mark(Math.max(active - 1, 0));
    } else if (event.key === "Enter") {
      if (active >= 0) {
        event.preventDefault();
        choose(active);
      }
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 150));
  clearButton.addEventListener("click", () => {
    const before = chosen;
    set("");
    input.focus();
    if (onChange && before) onChange("", null, before);
  });

  element.input = input;
  element.set = set;
  element.value = "";
  set(value);
  return element;
}

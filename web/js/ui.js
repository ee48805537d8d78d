// Small DOM helpers for the pages: elements built from data (never HTML
// strings, so text from records cannot become markup), formats, messages.

// h("a", {href: "…", class: "x"}, "text", child …): an element. Attributes
// starting with "on" are listeners; `dataset` and `style` objects are merged;
// null/undefined/false children are skipped; arrays are flattened.
export function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === "dataset" || key === "style") {
      Object.assign(element[key], value);
    } else if (key === "class") {
      element.className = value;
    } else if (key in element && typeof value !== "string") {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? "" : value);
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(element, ...children) {
  element.replaceChildren();
  return append(element, children);
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

// The query string of this page as an object of strings.
export function params() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

// Puts `values` in the address bar (empty values removed) so the page can be
// bookmarked and pasted into an e-mail; `push` adds a history entry.
export function setParams(values, { push = false } = {}) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, value);
  }
  const text = search.toString();
  const url = location.pathname + (text ? "?" + text : "");
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// ------------------------------------------------------------- formats

export function fiscalYearLabel(year) {
  if (!year) return "";
  const reiwa = year - 2018;
  if (reiwa >= 1) return `${year}年度（令和${reiwa === 1 ? "元" : reiwa}年度）`;
  const heisei = year - 1988;
  return `${year}年度（平成${heisei}年度）`;
}

// A renkei.v1.Date ({year, month, day}) as 2024年4月1日 / 2024年4月 / 2024年.
export function dateLabel(date) {
  if (!date || !date.year) return "";
  let text = `${date.year}年`;
  if (date.month) text += `${date.month}月`;
  if (date.month && date.day) text += `${date.day}日`;
  return text;
}

// A Date as an <input type="date"> value, "" when not a full date.
export function dateInput(date) {
  if (!date || !date.year || !date.month || !date.day) return "";
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

// An <input type="date"> value as a Date, undefined when empty.
export function dateFromInput(value) {
  if (!value) return undefined;
  const [year, month, day] = value.split("-").map(Number);
  return { year, month, day };
}

// The 年度 of a Date (April starts it), 0 when the year is unknown.
export function fiscalYearOf(date) {
  if (!date || !date.year) return 0;
  return date.month && date.month < 4 ? date.year - 1 : date.year;
}

export function timeLabel(rfc3339) {
  if (!rfc3339) return "";
  const time = new Date(rfc3339);
  return time.toLocaleString("ja-JP", { dateStyle: "medium", timeStyle: "short" });
}

export function numberLabel(value, unit = "") {
  if (value === undefined || value === null || value === "") return "";
  return Number(value).toLocaleString("ja-JP") + unit;
}

export function yenLabel(value) {
  if (!value) return "";
  const yen = Number(value);
  if (yen >= 100000000) return `${(yen / 100000000).toLocaleString("ja-JP")}億円`;
  if (yen >= 10000) return `${(yen / 10000).toLocaleString("ja-JP")}万円`;
  return `${yen.toLocaleString("ja-JP")}円`;
}

export function addressLabel(address) {
  if (!address) return "";
  const text = [address.prefecture, address.city, address.street, address.building]
    .filter(Boolean)
    .join("");
  return (address.postalCode ? `〒${address.postalCode} ` : "") + text;
}

// The id of a resource name: "organizations/12" → "12".
export const idOf = (name) => (name || "").split("/").pop();

// ------------------------------------------------------------- highlighting

function foldCharacter(c) {
  let folded = c.normalize("NFKC").toLowerCase();
  folded = folded.replace(/[\u3041-\u3096]/g, (k) => String.fromCharCode(k.charCodeAt(0) + 0x60));
  return folded;
}

// `text` with every occurrence of `terms` marked (<mark>), compared after
// folding width, case and hiragana/katakana; longer terms win.
export function highlight(text, terms) {
  text = text || "";
  const characters = Array.from(text);
  let folded = "";
  const starts = [];  // index in `folded` → index in `characters`
  characters.forEach((c, i) => {
    const f = foldCharacter(c);
    for (let k = 0; k < f.length; k++) starts.push(i);
    folded += f;
  });
  const marked = new Array(characters.length).fill(false);
  const wanted = [...new Set(terms.map((t) => Array.from(t).map(foldCharacter).join("")))]
    .filter((t) => t.length > 0)
    .sort((a, b) => b.length - a.length);
  for (const term of wanted) {
    let at = folded.indexOf(term);
    while (at >= 0) {
      for (let k = at; k < at + term.length; k++) marked[starts[k]] = true;
      at = folded.indexOf(term, at + term.length);
    }
  }
  return runs(characters, marked);
}

// `text` with the code point ranges [start, end) marked (SearchHit snippets).
export function highlightRanges(text, ranges) {
  const characters = Array.from(text || "");
  const marked = new Array(characters.length).fill(false);
  for (const range of ranges || []) {
    for (let k = range.start || 0; k < (range.end || 0) && k < characters.length; k++) {
      marked[k] = true;
    }
  }
  return runs(characters, marked);
}

function runs(characters, marked) {
  const span = h("span");
  let i = 0;
  while (i < characters.length) {
    let j = i;
    while (j < characters.length && marked[j] === marked[i]) j++;
    const piece = characters.slice(i, j).join("");
    span.append(marked[i] ? h("mark", {}, piece) : document.createTextNode(piece));
    i = j;
  }
  return span;
}

// The words of SuggestForText's matched_terms: "打痕 ← 傷" gives 打痕 and 傷.
export function termWords(matchedTerms) {
  return (matchedTerms || []).flatMap((t) => t.split("←").map((s) => s.trim())).filter(Boolean);
}

// ------------------------------------------------------------- messages

export function alertBox(kind, ...children) {
  return h("div", { class: `alert alert-${kind}`, role: kind === "danger" ? "alert" : "status" },
    ...children);
}

export function spinner(text = "読み込み中…") {
  return h("div", { class: "text-muted small py-2", role: "status" },
    h("span", { class: "spinner-border spinner-border-sm me-2", "aria-hidden": "true" }), text);
}

// A Bootstrap badge.
export const badge = (text, kind = "secondary") =>
  text ? h("span", { class: `badge text-bg-${kind} me-1` }, text) : null;

// A definition list of [label, value] rows, leaving out empty values.
export function facts(rows) {
  const dl = h("dl", { class: "row facts mb-0" });
  for (const [term, value] of rows) {
    if (value === undefined || value === null || value === "" ||
        (Array.isArray(value) && value.length === 0)) {
      continue;
    }
    dl.append(h("dt", { class: "col-sm-3" }, term), h("dd", { class: "col-sm-9" }, value));
  }
  return dl;
}

// A table: columns [{label, value(row) → node|text, class}], rows.
export function table(columns, rows, { caption, empty = "該当する記録はありません。" } = {}) {
  if (!rows.length) return h("p", { class: "text-muted" }, empty);
  return h("div", { class: "table-responsive" },
    h("table", { class: "table table-sm table-hover align-middle" },
      caption ? h("caption", { class: "visually-hidden" }, caption) : null,
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col", class: c.class }, c.label)))),
      h("tbody", {}, rows.map((row) =>
        h("tr", {}, columns.map((c) => h("td", { class: c.class }, c.value(row))))))));
}

export function section(title, ...children) {
  return h("section", { class: "mb-4" }, h("h2", { class: "h5 border-bottom pb-1 mb-3" }, title),
    ...children);
}

// A chip list of words.
export function words(list, kind = "light") {
  if (!list || !list.length) return null;
  return h("span", {}, list.map((w) => h("span", { class: `badge text-bg-${kind} border me-1` }, w)));
}

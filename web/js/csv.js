// CSV for Excel: UTF-8 with a BOM (without it, Japanese Excel reads the file
// as Shift_JIS), CRLF line ends, Japanese headers, every page of the list.

import * as api from "./api.js";
import { h } from "./ui.js";
import { errorBox } from "./forms.js";

function cell(value) {
  if (value === undefined || value === null) return "";
  let text = Array.isArray(value) ? value.join("、") : String(value);
  // A cell starting with = + - @ would be a formula in Excel: keep it text.
  if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// columns: [[header, (row) → value]…]
export function toCsv(columns, rows) {
  const lines = [columns.map(([header]) => cell(header)).join(",")];
  for (const row of rows) lines.push(columns.map(([, value]) => cell(value(row))).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function download(fileName, text) {
  const blob = new Blob([text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const anchor = h("a", { href: url, download: fileName, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// A "CSV" button: `rows()` gives every row (all pages); `columns` is the
// columns, or an async function of the rows giving them (to look names up).
export function csvButton(fileName, columns, rows) {
  const button = h("button", { type: "button", class: "btn btn-outline-secondary btn-sm d-print-none" },
    "CSV ダウンロード");
  button.addEventListener("click", async () => {
    button.disabled = true;
    const original = button.textContent;
    button.textContent = "作成中…";
    try {
      const all = await rows();
      const header = typeof columns === "function" ? await columns(all) : columns;
      download(typeof fileName === "function" ? fileName() : fileName, toCsv(header, all));
    } catch (e) {
      button.after(errorBox(e));
    } finally {
      button.disabled = false;
      button.textContent = original;
    }
  });
  return button;
}

// Names for the resource names in `rows` (so a CSV shows names, not ids):
// fetches each distinct name once; returns name → title.
export async function namesOf(resourceNames) {
  const { fetchRecord, titleOf } = await import("./records.js");
  const distinct = [...new Set(resourceNames.filter(Boolean))];
  const titles = new Map();
  const queue = distinct.slice();
  async function worker() {
    while (queue.length) {
      const name = queue.shift();
      const record = await fetchRecord(name);
      titles.set(name, record ? titleOf(record) : "");
    }
  }
  await Promise.all(Array.from({ length: 6 }, worker));
  return titles;
}

export { api };

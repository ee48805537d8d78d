// Records by resource name: their pages, their names, and links to them.
// Each record is fetched once per page view (a cache of promises).

import * as api from "./api.js";
import { h } from "./ui.js";

const PAGES = {
  organizations: "/organization.html",
  people: "/person.html",
  seeds: "/seed.html",
  needs: "/need.html",
  collaborations: "/collaboration.html",
  networks: "/network.html",
};

// The page of a record: "organizations/12" → "/organization.html?id=12".
export function pageOf(name) {
  const [collection, id] = (name || "").split("/");
  const page = PAGES[collection];
  return page && id ? `${page}?id=${encodeURIComponent(id)}` : null;
}

// What a person reads as the record's name.
export function titleOf(record) {
  if (!record) return "";
  return record.displayName || record.title || record.username || record.name || "";
}

const cache = new Map();

// Puts records already at hand into the cache (a list page's records).
export function remember(...records) {
  for (const record of records.flat()) {
    if (record && record.name && !cache.has(record.name)) cache.set(record.name, Promise.resolve(record));
  }
}

// The record, or null when it does not exist or the caller may not see it.
export function fetchRecord(name) {
  if (!name) return Promise.resolve(null);
  if (!cache.has(name)) {
    cache.set(name, api.get(api.v1(name)).catch((e) => {
      if (e.httpStatus === 403 || e.httpStatus === 404) return null;
      throw e;
    }));
  }
  return cache.get(name);
}

export async function titleOfName(name) {
  const record = await fetchRecord(name);
  return record ? titleOf(record) : "";
}

// A link to the record showing its name (fetched when not given). A record
// the caller may not see shows as text saying so, without a link.
export function link(name, record) {
  const page = pageOf(name);
  const anchor = h("a", { href: page || "#", class: "record-link" }, record ? titleOf(record) : "…");
  if (record) {
    remember(record);
    return anchor;
  }
  if (!name) return h("span", { class: "text-muted" }, "—");
  fetchRecord(name).then((found) => {
    if (found) {
      anchor.textContent = titleOf(found);
    } else {
      anchor.replaceWith(h("span", { class: "text-muted" }, "（閲覧できない記録）"));
    }
  }, () => {
    anchor.textContent = "（読み込めませんでした）";
  });
  return anchor;
}

// Links for a list of names, separated by "、".
export function links(names) {
  const span = h("span");
  (names || []).forEach((name, i) => {
    if (i) span.append("、");
    span.append(link(name));
  });
  return span;
}

// Short lists the filters offer as choices, fetched once per page view.
import * as api from "./api.js";
import * as records from "./records.js";

let institutionsPromise = null;
let networksPromise = null;

// Academic and public research organizations: [[name, displayName]…].
export function institutions() {
  if (!institutionsPromise) {
    institutionsPromise = Promise.all([
      api.listAll("/v1/organizations", "organizations", { kind: "ORGANIZATION_KIND_ACADEMIC" }),
      api.listAll("/v1/organizations", "organizations", { kind: "ORGANIZATION_KIND_PUBLIC_RESEARCH" }),
    ]).then(([a, b]) => {
      records.remember(a, b);
      return [...a, ...b].map((o) => [o.name, o.displayName]);
    });
  }
  return institutionsPromise;
}

// Every network: [[name, displayName]…].
export function networks() {
  if (!networksPromise) {
    networksPromise = api.listAll("/v1/networks", "networks").then((list) => {
      records.remember(list);
      return list.map((n) => [n.name, n.displayName]);
    });
  }
  return networksPromise;
}

// The frame every page shares: the session (a signed-out user goes to the
// login page and comes back), the navigation for what the role may do, who
// is signed in, ログアウト, and the page's own content in <main>.

import * as api from "./api.js";
import { h, clear, alertBox, spinner } from "./ui.js";
import { ROLE } from "./labels.js";
import { errorBox } from "./forms.js";

// [path, label, permission, key]
const NAVIGATION = [
  ["/consult.html", "相談", "match.seeds", "consult"],
  ["/search.html", "検索", "organizations.read", "search"],
  ["/needs.html", "ニーズ", "needs.read", "needs"],
  ["/collaborations.html", "連携", "collaborations.read", "collaborations"],
  ["/networks.html", "ネットワーク", "networks.read", "networks"],
  ["/indicators.html", "指標", "indicators.read", "indicators"],
  ["/import.html", "取込", "import", "import"],
];

export class Context {
  constructor(identity, main) {
    this.identity = identity;
    this.main = main;
    this.permissions = new Set(identity.permissions || []);
  }

  can(permission) {
    return this.permissions.has(permission);
  }

  get isCompany() {
    return this.identity.role === "ROLE_COMPANY";
  }

  // The organizations a company user acts for.
  get organizations() {
    return this.identity.organizations || [];
  }

  // True when the caller may write this organization's records (with
  // `permission`: "needs.write" for its needs …).
  mayWriteFor(organization, permission = "organizations.write") {
    if (!this.can(permission)) return false;
    return !this.isCompany || this.organizations.includes(organization);
  }
}

function navigation(identity, active) {
  const permissions = new Set(identity.permissions || []);
  const items = [];
  if (identity.role === "ROLE_COMPANY") {
    for (const organization of identity.organizations || []) {
      items.push(["/organization.html?id=" + organization.split("/")[1], "自社のページ", null, "own"]);
    }
  }
  items.push(...NAVIGATION.filter(([, , permission]) => permissions.has(permission)));
  const list = h("ul", { class: "navbar-nav me-auto mb-2 mb-lg-0" },
    items.map(([path, text, , key]) => h("li", { class: "nav-item" },
      h("a", {
        class: "nav-link" + (key === active ? " active" : ""),
        href: path,
        "aria-current": key === active ? "page" : null,
      }, text))));
  const logout = h("button", { type: "button", class: "btn btn-outline-light btn-sm", id: "logout" },
    "ログアウト");
  logout.addEventListener("click", async () => {
    logout.disabled = true;
    try {
      await api.logout();
    } finally {
      location.assign("/login.html");
    }
  });
  return h("nav", { class: "navbar navbar-expand-lg navbar-dark bg-dark d-print-none", "aria-label": "メイン" },
    h("div", { class: "container-fluid" },
      h("a", { class: "navbar-brand", href: "/" }, "連携 ", h("small", { class: "text-secondary" }, "renkei")),
      h("button", {
        class: "navbar-toggler", type: "button", "data-bs-toggle": "collapse",
        "data-bs-target": "#nav", "aria-controls": "nav", "aria-expanded": "false",
        "aria-label": "メニューを開く",
      }, h("span", { class: "navbar-toggler-icon" })),
      h("div", { class: "collapse navbar-collapse", id: "nav" }, list,
        h("span", { class: "navbar-text me-3 small", id: "whoami" },
          identity.displayName || identity.username,
          h("span", { class: "badge text-bg-secondary ms-2" }, ROLE[identity.role] || identity.role)),
        logout)));
}

// Draws the frame and runs `render(ctx)`; `permission`, when given, is what
// the page needs (a role without it is told so, and nothing is called).
export async function startPage({ title, active, permission }, render) {
  document.title = `${title} — 連携 renkei`;
  const main = h("main", { class: "container-xl py-4", id: "main", tabindex: "-1" });
  const skip = h("a", { class: "visually-hidden-focusable", href: "#main" }, "本文へ移動");
  document.body.replaceChildren(skip, main);
  main.append(spinner());
  let identity;
  try {
    identity = await api.session();
  } catch (e) {
    clear(main, errorBox(e));
    return;
  }
  if (!identity) {
    location.replace(api.loginUrl());
    return;
  }
  document.body.insertBefore(navigation(identity, active), main);
  const ctx = new Context(identity, main);
  clear(main);
  if (permission && !ctx.can(permission)) {
    main.append(h("h1", { class: "h3" }, title),
      alertBox("warning", "この画面を使う権限がありません。必要な権限: ", h("code", {}, permission),
        "。コーディネーターにお問い合わせください。"));
    return;
  }
  try {
    await render(ctx);
  } catch (e) {
    console.error(e);
    main.append(errorBox(e));
  }
  document.body.dataset.ready = "true";  // for the browser tests
}

// The page heading with optional actions on the right.
export function heading(title, ...actions) {
  return h("div", { class: "d-flex flex-wrap align-items-center gap-2 mb-3" },
    h("h1", { class: "h3 me-auto mb-0" }, title), ...actions);
}

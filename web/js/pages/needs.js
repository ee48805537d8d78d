// ニーズ: the needs with their filters (受付中 by default), each open one with
// its best suggestion; register a new one. needs.html?status=NEED_STATUS_OPEN

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, badge, alertBox } from "../ui.js";
import { field, value, choices, messageOf } from "../forms.js";
import { picker } from "../picker.js";
import { csvButton, namesOf } from "../csv.js";
import * as L from "../labels.js";

startPage({ title: "ニーズ", active: "needs", permission: "needs.read" }, async (ctx) => {
  const state = params();
  if (!("status" in state)) state.status = state.all ? "" : "NEED_STATUS_OPEN";
  const register = ctx.can("needs.write")
    ? h("a", { class: "btn btn-success btn-sm", href: "/need.html?new=1", id: "new-need" }, "ニーズを登録") : null;
  ctx.main.append(heading("ニーズ", register));

  const company = ctx.isCompany ? null : picker({ name: "company", label: "企業", value: state.company || "",
                                                  filter: { kind: "ORGANIZATION_KIND_COMPANY" } });
  if (company) company.className = "mb-3 autocomplete col-md-4";
  const form = h("form", { class: "card card-body mb-3", id: "needs-form" },
    h("div", { class: "row" },
      field("status", "状況", { type: "select", options: choices(L.NEED_STATUS, "（すべて）"), value: state.status, col: "col-md-3" }),
      field("visibility", "公開範囲", { type: "select", options: choices(L.VISIBILITY, "（すべて）"), value: state.visibility, col: "col-md-3" }),
      company,
      h("div", { class: "col-md-2 align-self-end mb-3" }, h("button", { type: "submit", class: "btn btn-primary w-100" }, "表示"))));
  const results = h("div", { id: "results", "aria-live": "polite" });
  ctx.main.append(form, results);

  const filters = () => {
    const f = { status: value(form, "status"), visibility: value(form, "visibility") };
    if (company && company.value) f.company = company.value;
    return f;
  };

  // 50 needs a page (each open one asks for its best suggestion), more on request.
  async function run() {
    const f = filters();
    setParams({ ...f, status: f.status || "", all: f.status ? "" : "1" });
    const best = (n) => {
      const cell = h("div", { class: "small best" });
      if (n.status !== "NEED_STATUS_OPEN" || !ctx.mayWriteFor(n.company, "match.seeds")) return cell;
      cell.append(spinner(""));
      api.post(api.v1(n.name) + ":suggest", { pageSize: 1 }).then((answer) => {
        const s = (answer.suggestions || [])[0];
        clear(cell, s ? [records.link(s.seed.name, s.seed), h("div", { class: "text-muted" }, s.institution ? s.institution.displayName : "")]
          : h("span", { class: "text-muted" }, "なし"));
      }, (e) => clear(cell, h("span", { class: "text-danger" }, messageOf(e))));
      return cell;
    };
    const columns = [
      { label: "件名", value: (n) => records.link(n.name, n) },
      { label: "企業", value: (n) => records.link(n.company) },
      { label: "状況", value: (n) => badge(L.label(L.NEED_STATUS, n.status), n.status === "NEED_STATUS_OPEN" ? "success" : "secondary") },
      { label: "公開範囲", value: (n) => (n.visibility === "VISIBILITY_COORDINATORS" ? "コーディネーターのみ" : "公開") },
      { label: "一番の候補", value: best },
    ];
    const csv = csvButton(`ニーズ_${new Date().toISOString().slice(0, 10)}.csv`, async (rows) => {
      const names = await namesOf(rows.map((n) => n.company));
      return [
        ["件名", (n) => n.title], ["企業", (n) => names.get(n.company)],
        ["状況", (n) => L.label(L.NEED_STATUS, n.status)], ["公開範囲", (n) => L.label(L.VISIBILITY, n.visibility)],
        ["受付日", (n) => n.postedOn ? [n.postedOn.year, n.postedOn.month, n.postedOn.day].filter(Boolean).join("-") : ""],
        ["キーワード", (n) => n.keywords], ["内容", (n) => n.body],
      ];
    }, () => api.listAll("/v1/needs", "needs", f));
    const count = h("span", { class: "text-muted small me-auto", role: "status" });
    const body = h("tbody");
    const more = h("button", { type: "button", class: "btn btn-outline-primary", hidden: true }, "さらに表示");
    const empty = h("p", { class: "text-muted", hidden: true }, "条件に合うニーズはありません。");
    clear(results, h("div", { class: "d-flex align-items-center mb-2" }, count, csv),
      h("div", { class: "table-responsive" }, h("table", { class: "table table-sm table-hover align-middle" },
        h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c.label)))), body)),
      empty, h("div", { class: "text-center" }, more));
    let token = "";
    let shown = 0;
    async function page() {
      more.disabled = true;
      try {
        const answer = await api.listPage("/v1/needs", "needs", { ...f, pageSize: 50, pageToken: token });
        records.remember(answer.items);
        for (const n of answer.items) body.append(h("tr", {}, columns.map((c) => h("td", {}, c.value(n)))));
        shown += answer.items.length;
        token = answer.nextPageToken;
        // A page may come back short while more follow (needs the caller may not see).
        if (token && answer.items.length === 0) return page();
        count.textContent = `${shown}件${token ? "（続きがあります）" : ""}`;
        more.hidden = !token;
        empty.hidden = shown > 0;
      } catch (e) {
        results.append(alertBox("danger", messageOf(e)));
      } finally {
        more.disabled = false;
      }
    }
    more.addEventListener("click", page);
    await page();
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  await run();
});

// 連携: collaborations by 年度, kind and institution (the List filters),
// grouped by 年度; CSV of all. collaborations.html?year=2024&type=…&organization=organizations/1

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, alertBox, table, fiscalYearLabel, dateLabel } from "../ui.js";
import { field, value, choices, messageOf } from "../forms.js";
import { picker } from "../picker.js";
import { institutions } from "../lookups.js";
import { csvButton, namesOf } from "../csv.js";
import * as L from "../labels.js";

const thisFiscalYear = () => {
  const now = new Date();
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
};

startPage({ title: "連携", active: "collaborations", permission: "collaborations.read" }, async (ctx) => {
  const state = params();
  const create = ctx.can("collaborations.write")
    ? h("a", { class: "btn btn-success btn-sm", href: "/collaboration.html?new=1", id: "new-collaboration" }, "連携を登録") : null;
  ctx.main.append(heading("連携", create));

  const years = [["", "（すべての年度）"]];
  for (let y = thisFiscalYear() + 1; y >= 2015; y--) years.push([String(y), fiscalYearLabel(y)]);
  const institution = field("institution", "機関", { type: "select", options: [["", "（すべての機関）"]], col: "col-md-3" });
  const organization = picker({ name: "organization", label: "参加した企業・機関", value: state.organization || "" });
  organization.className = "mb-3 autocomplete col-md-3";
  const form = h("form", { class: "card card-body mb-3", id: "collaborations-form" },
    h("div", { class: "row" },
      field("year", "年度", { type: "select", options: years, value: state.year || "", col: "col-md-2" }),
      field("type", "種別", { type: "select", options: choices(L.COLLABORATION_TYPE, "（すべての種別）"), value: state.type || "", col: "col-md-2" }),
      institution, organization,
      h("div", { class: "col-md-2 align-self-end mb-3" }, h("button", { type: "submit", class: "btn btn-primary w-100" }, "表示"))));
  const results = h("div", { id: "results", "aria-live": "polite" });
  ctx.main.append(form, results);
  const list = await institutions().catch(() => []);
  const select = institution.querySelector("select");
  list.forEach(([n, t]) => select.append(h("option", { value: n }, t)));
  // An institution given in the address fills the select; any other organization the picker.
  if (state.organization && list.some(([n]) => n === state.organization)) {
    select.value = state.organization;
    organization.set("");
  }

  async function run() {
    const chosen = value(form, "institution") || organization.value;
    const filters = { fiscalYear: value(form, "year"), type: value(form, "type"), organization: chosen };
    setParams({ year: filters.fiscalYear, type: filters.type, organization: chosen });
    clear(results, spinner());
    let rows;
    try {
      rows = await api.listAll("/v1/collaborations", "collaborations", filters);
    } catch (e) {
      clear(results, alertBox("danger", messageOf(e)));
      return;
    }
    records.remember(rows);
    const byYear = new Map();
    for (const c of rows) {
      const y = c.fiscalYear || 0;
      if (!byYear.has(y)) byYear.set(y, []);
      byYear.get(y).push(c);
    }
    const csv = csvButton(`連携_${filters.fiscalYear || "全年度"}.csv`, async (all) => {
      const names = await namesOf(all.flatMap((c) => (c.participants || []).map((p) => p.organization)));
      return [
        ["年度", (c) => c.fiscalYear], ["種別", (c) => L.label(L.COLLABORATION_TYPE, c.type)], ["題名", (c) => c.title],
        ["参加機関", (c) => (c.participants || []).map((p) => `${names.get(p.organization)}${p.role ? `（${L.label(L.PARTICIPANT_ROLE, p.role)}）` : ""}`)],
        ["開始", (c) => dateLabel(c.startDate)], ["終了", (c) => dateLabel(c.endDate)], ["件数", (c) => c.caseCount || 1],
        ["制度", (c) => c.fundingProgram], ["予算（円）", (c) => c.budgetYen],
        ["成果", (c) => (c.outcomes || []).map((o) => `${L.label(L.OUTCOME_KIND, o.kind)}: ${o.title || ""}`)],
      ];
    }, async () => rows);
    const cases = rows.reduce((n, c) => n + (c.caseCount || 1), 0);
    clear(results, h("div", { class: "d-flex align-items-center mb-2" },
      h("span", { class: "text-muted small me-auto", role: "status" }, `${rows.length}件（延べ${cases}件）`), csv),
    rows.length ? [...byYear.keys()].sort((a, b) => b - a).map((y) => h("section", { class: "mb-3" },
      h("h2", { class: "h6" }, y ? fiscalYearLabel(y) : "年度不明", h("span", { class: "text-muted small ms-2" }, `${byYear.get(y).length}件`)),
      table([
        { label: "種別", value: (c) => L.label(L.COLLABORATION_TYPE, c.type), class: "text-nowrap" },
        { label: "題名", value: (c) => records.link(c.name, c) },
        { label: "参加機関", value: (c) => records.links([...new Set((c.participants || []).map((p) => p.organization))]) },
        { label: "期間", value: (c) => [dateLabel(c.startDate), dateLabel(c.endDate)].filter(Boolean).join("〜"), class: "small" },
        { label: "件数", value: (c) => String(c.caseCount || 1), class: "text-end" },
      ], byYear.get(y)))) : h("p", { class: "text-muted" }, "条件に合う連携はありません。"));
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  await run();
});

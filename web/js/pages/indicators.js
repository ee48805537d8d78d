// 指標: the city plan's figures (一関市工業振興計画) by 年度 as GetIndicators
// computes them, their trend over 年度 in Chart.js charts, and each figure
// linked to the records behind it. indicators.html?year=2024 (&detail=sdgs|bcp|products)

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, alertBox, table, section, fiscalYearLabel, fiscalYearOf,
         numberLabel, dateLabel, idOf } from "../ui.js";
import { messageOf, field, value } from "../forms.js";
import { csvButton } from "../csv.js";
import * as L from "../labels.js";

const FIRST_YEAR = 2020;
// The plan's targets for 令和8年度 (2026).
const TARGETS = { newProducts: 180, sdgs: 150, bcpShare: 0.30 };

const thisFiscalYear = () => {
  const now = new Date();
  return now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
};

const n = (v) => Number(v || 0);
const casesOf = (ind, type) => n(((ind.collaborationsByType || []).find((c) => c.type === type) || {}).cases);
const newOf = (ind) => n(ind.newProducts) + n(ind.newTechnologies);

const collaborationsUrl = (year, extra = {}) =>
  "/collaborations.html?" + new URLSearchParams({ year: String(year), ...extra }).toString();

// The rows of the figures table: [label, value(ind), url(year) | null, unit].
function rowsOf(all) {
  const types = Object.keys(L.COLLABORATION_TYPE).filter((t) =>
    all.some((ind) => casesOf(ind, t) > 0));
  const institutions = new Map();
  for (const ind of all) {
    for (const i of ind.collaborationsByInstitution || []) institutions.set(i.institution, i.displayName);
  }
  const networks = new Map();
  for (const ind of all) for (const m of ind.membersByNetwork || []) networks.set(m.network, m.displayName);
  return [
    ...types.map((t) => [L.COLLABORATION_TYPE[t], (ind) => casesOf(ind, t), (y) => collaborationsUrl(y, { type: t }), "件"]),
    ...[...institutions].map(([inst, title]) => [`${title}との連携`, (ind) => {
      const found = (ind.collaborationsByInstitution || []).find((i) => i.institution === inst);
      return found ? (found.byType || []).reduce((s, c) => s + n(c.cases), 0) : 0;
    }, (y) => collaborationsUrl(y, { organization: inst }), "件"]),
    ["試験分析件数", (ind) => n(ind.testingAnalysisCases), (y) => collaborationsUrl(y, { type: "COLLABORATION_TYPE_TESTING_ANALYSIS" }), "件"],
    ["新製品・新技術開発件数", newOf, (y) => `/indicators.html?year=${y}&detail=products`, "件"],
    ["SDGs宣言をした企業", (ind) => n(ind.sdgsCompanies), (y) => `/indicators.html?year=${y}&detail=sdgs`, "社"],
    ["BCP策定企業", (ind) => n(ind.bcpCompanies), (y) => `/indicators.html?year=${y}&detail=bcp`, "社"],
    ["BCP策定企業の割合", (ind) => Math.round(n(ind.bcpShare) * 1000) / 10, (y) => `/indicators.html?year=${y}&detail=bcp`, "%"],
    ["登録企業数", (ind) => n(ind.companies), () => "/search.html?in=organizations&kind=ORGANIZATION_KIND_COMPANY", "社"],
    ...[...networks].map(([net, title]) => [`${title} 会員数`, (ind) => n(((ind.membersByNetwork || []).find((m) => m.network === net) || {}).members),
      () => `/network.html?id=${idOf(net)}`, "社"]),
  ];
}

function chart(id, title, config) {
  const canvas = h("canvas", { id, role: "img", "aria-label": title });
  const box = h("div", { class: "col-lg-6 mb-4" }, h("h3", { class: "h6" }, title), h("div", { class: "chart-box" }, canvas));
  requestAnimationFrame(() => {
    if (window.Chart) {
      const instance = new window.Chart(canvas, { ...config, options: { maintainAspectRatio: false, animation: false, ...config.options } });
      canvas.dataset.drawn = "true";
      canvas.chart = instance;
    }
  });
  return box;
}

const target = (label, value, count) => ({
  type: "line", label, data: Array(count).fill(value), borderDash: [6, 4], borderColor: "#dc3545",
  pointRadius: 0, fill: false,
});

function charts(years, all) {
  const labels = years.map((y) => `${y}年度`);
  const palette = ["#0d6efd", "#198754", "#fd7e14", "#6f42c1", "#20c997", "#6c757d"];
  const types = Object.keys(L.COLLABORATION_TYPE).filter((t) => all.some((ind) => casesOf(ind, t) > 0));
  return h("div", { class: "row" },
    chart("chart-collaborations", "連携の件数（種別ごと）", {
      type: "bar",
      data: { labels, datasets: types.map((t, i) => ({ label: L.COLLABORATION_TYPE[t], data: all.map((ind) => casesOf(ind, t)), backgroundColor: palette[i % palette.length] })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }),
    chart("chart-new-products", "新製品・新技術開発件数（目標 令和8年度 180件）", {
      type: "line",
      data: { labels, datasets: [{ label: "新製品・新技術", data: all.map(newOf), borderColor: "#0d6efd", backgroundColor: "#0d6efd" },
                                 target("目標", TARGETS.newProducts, years.length)] },
      options: { scales: { y: { beginAtZero: true } } },
    }),
    chart("chart-sdgs", "SDGs宣言をした企業（目標 150社）", {
      type: "line",
      data: { labels, datasets: [{ label: "SDGs宣言企業", data: all.map((ind) => n(ind.sdgsCompanies)), borderColor: "#198754", backgroundColor: "#198754" },
                                 target("目標", TARGETS.sdgs, years.length)] },
      options: { scales: { y: { beginAtZero: true } } },
    }),
    chart("chart-bcp", "BCP策定企業の割合（目標 30%）", {
      type: "line",
      data: { labels, datasets: [{ label: "BCP策定企業の割合（%）", data: all.map((ind) => Math.round(n(ind.bcpShare) * 1000) / 10), borderColor: "#fd7e14", backgroundColor: "#fd7e14" },
                                 target("目標", TARGETS.bcpShare * 100, years.length)] },
      options: { scales: { y: { beginAtZero: true, suggestedMax: 40 } } },
    }),
    chart("chart-testing", "試験分析件数", {
      type: "bar",
      data: { labels, datasets: [{ label: "試験分析", data: all.map((ind) => n(ind.testingAnalysisCases)), backgroundColor: "#6f42c1" }] },
      options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }));
}

// The records behind a figure that no List filter gives: computed here from
// every company (SDGs, BCP, products) and every collaboration (outcomes).
async function detail(kind, year) {
  const end = (year + 1) * 10000 + 331;
  const key = (d) => (d && d.year ? d.year * 10000 + (d.month || 12) * 100 + (d.day || 31) : 0);
  const companies = await api.listAll("/v1/organizations", "organizations", { kind: "ORGANIZATION_KIND_COMPANY" });
  records.remember(companies);
  if (kind === "sdgs") {
    const list = companies.filter((o) => o.sdgs && o.sdgs.declared && (!o.sdgs.declaredOn || key(o.sdgs.declaredOn) <= end));
    return [`SDGs宣言をした企業（${fiscalYearLabel(year)}末まで）`, table([
      { label: "企業", value: (o) => records.link(o.name, o) },
      { label: "宣言日", value: (o) => dateLabel(o.sdgs.declaredOn) },
      { label: "目標", value: (o) => (o.sdgs.goals || []).join("・") },
    ], list)];
  }
  if (kind === "bcp") {
    const list = companies.filter((o) => o.bcp && o.bcp.status === "BCP_STATUS_ESTABLISHED" && (!o.bcp.establishedOn || key(o.bcp.establishedOn) <= end));
    return [`BCPを策定した企業（${fiscalYearLabel(year)}末まで）`, table([
      { label: "企業", value: (o) => records.link(o.name, o) },
      { label: "策定日", value: (o) => dateLabel(o.bcp.establishedOn) },
    ], list)];
  }
  const rows = [];
  for (const o of companies) {
    for (const [what, list] of [["新製品", o.products], ["新技術", o.technologies]]) {
      for (const item of list || []) {
        if (fiscalYearOf(item.developedOn) === year) rows.push({ what, title: item.displayName, record: o.name, date: item.developedOn });
      }
    }
  }
  const collaborations = await api.listAll("/v1/collaborations", "collaborations", {});
  for (const c of collaborations) {
    for (const outcome of c.outcomes || []) {
      if (["OUTCOME_KIND_NEW_PRODUCT", "OUTCOME_KIND_NEW_TECHNOLOGY"].includes(outcome.kind) && fiscalYearOf(outcome.achievedOn) === year) {
        records.remember(c);
        rows.push({ what: `${L.OUTCOME_KIND[outcome.kind]}（連携の成果）`, title: outcome.title, record: c.name, date: outcome.achievedOn });
      }
    }
  }
  return [`${fiscalYearLabel(year)}の新製品・新技術`, table([
    { label: "種類", value: (r) => r.what },
    { label: "名称", value: (r) => r.title || "" },
    { label: "企業・連携", value: (r) => records.link(r.record) },
    { label: "時期", value: (r) => dateLabel(r.date) },
  ], rows)];
}

startPage({ title: "指標", active: "indicators", permission: "indicators.read" }, async (ctx) => {
  const state = params();
  const last = thisFiscalYear();
  const year = Number(state.year) || last;
  const years = Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);
  ctx.main.append(heading("指標"), h("p", { class: "text-muted" },
    "一関市工業振興計画（令和4〜8年度）の指標を、データベースの記録から年度ごとに集計しています。数字を押すと、その元になった記録を見られます。"));
  const body = h("div", {}, spinner("集計しています…"));
  ctx.main.append(body);
  let all;
  try {
    all = await Promise.all(years.map((y) => api.get("/v1/indicators", { fiscalYear: y })));
  } catch (e) {
    clear(body, alertBox("danger", messageOf(e)));
    return;
  }
  const rows = rowsOf(all);
  const csv = csvButton("指標_年度別.csv", [["指標", (r) => r[0]], ...years.map((y, i) => [`${y}年度`, (r) => r[1](all[i])])], async () => rows);
  const figures = h("div", { class: "table-responsive" }, h("table", { class: "table table-sm table-hover", id: "figures" },
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "指標"), years.map((y) => h("th", {
      scope: "col", class: "text-end" + (y === year ? " table-primary" : "") }, h("a", { href: `/indicators.html?year=${y}` }, `${y}年度`))))),
    h("tbody", {}, rows.map(([label, get, url, unit]) => h("tr", {}, h("th", { scope: "row", class: "fw-normal" }, label),
      all.map((ind, i) => h("td", { class: "text-end" + (years[i] === year ? " table-primary" : "") },
        url ? h("a", { href: url(years[i]) }, numberLabel(get(ind), unit)) : numberLabel(get(ind), unit))))))));
  clear(body, section("推移", charts(years, all)),
    section(h("span", {}, "年度別の数字 ", csv), figures));
  if (state.detail) {
    const box = h("div", { id: "detail" }, spinner());
    body.prepend(section("この数字の元になった記録", box));
    try {
      const [title, content] = await detail(state.detail, year);
      clear(box, h("h3", { class: "h6" }, title), content);
    } catch (e) {
      clear(box, alertBox("danger", messageOf(e)));
    }
  }
});

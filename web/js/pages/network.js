// ネットワーク: one network, its members with roles and since/until, and
// the member count by 年度 (from the memberships' since/until, drawn with
// Chart.js). network.html?id=3 (&current=1: current members only)

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, alertBox, table, dateLabel, facts, section, fiscalYearLabel,
         fiscalYearOf, numberLabel } from "../ui.js";
import { messageOf } from "../forms.js";
import { csvButton, namesOf } from "../csv.js";
import * as L from "../labels.js";

// Members in each 年度: a membership counts in 年度 Y when it began before Y
// ended (or its start is unknown) and had not ended before Y began — the
// rule GetIndicators uses for members_by_network.
export function membersByYear(memberships, first, last) {
  const counts = [];
  for (let y = first; y <= last; y++) {
    const start = { year: y, month: 4, day: 1 };
    const end = { year: y + 1, month: 3, day: 31 };
    const key = (d) => (d.year || 0) * 10000 + (d.month || 1) * 100 + (d.day || 1);
    counts.push(memberships.filter((m) => (!m.since || !m.since.year || key(m.since) <= key(end)) &&
      (!m.until || !m.until.year || key(m.until) >= key(start))).length);
  }
  return counts;
}

startPage({ title: "ネットワーク", active: "networks", permission: "networks.read" }, async (ctx) => {
  const state = params();
  const name = "networks/" + state.id;
  let network;
  try {
    network = await api.get(api.v1(name));
  } catch (e) {
    ctx.main.append(heading("ネットワーク"), alertBox("danger", messageOf(e)));
    return;
  }
  records.remember(network);
  document.title = `${network.displayName} — 連携 renkei`;
  ctx.main.append(heading(network.displayName),
    section("団体について", facts([
      ["読み", network.kana], ["設立", dateLabel(network.founded)],
      ["事務局", network.secretariat ? records.link(network.secretariat) : ""],
      ["地域・分野", network.scope], ["紹介", network.description],
      ["ウェブサイト", network.url ? h("a", { href: network.url, rel: "noopener", target: "_blank" }, network.url) : ""],
      ["現会員数", numberLabel(network.memberCount || 0, "社")],
    ])));
  const chartBox = h("div", { class: "chart-box" }, h("canvas", { id: "members-chart", role: "img", "aria-label": "年度別の会員数" }));
  const yearTable = h("div");
  ctx.main.append(section("年度別の会員数", chartBox, yearTable));
  const membersBox = h("div", {}, spinner());
  ctx.main.append(section("会員", membersBox));

  const all = await api.listAll(`/v1/${name}/memberships`, "memberships");
  const organizationOf = (m) => m.organization || "organizations/" + m.name.split("/").pop();
  // The 年度 from the earliest known start (at most 15 back) to this one.
  const now = new Date();
  const last = now.getMonth() < 3 ? now.getFullYear() - 1 : now.getFullYear();
  const starts = all.map((m) => fiscalYearOf(m.since)).filter(Boolean);
  const first = Math.max(Math.min(last - 5, ...starts), last - 15);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const counts = membersByYear(all, first, last);
  yearTable.append(h("details", { class: "small" }, h("summary", {}, "表で見る"),
    table([{ label: "年度", value: (r) => fiscalYearLabel(r[0]) }, { label: "会員数", value: (r) => numberLabel(r[1], "社"), class: "text-end" }],
      years.map((y, i) => [y, counts[i]]))));
  if (window.Chart) {
    new window.Chart(document.getElementById("members-chart"), {
      type: "bar",
      data: { labels: years.map((y) => `${y}年度`), datasets: [{ label: "会員数", data: counts, backgroundColor: "#0d6efd" }] },
      options: { maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    });
  }

  const current = h("input", { class: "form-check-input", type: "checkbox", id: "current-only" });
  current.checked = state.current === "1";
  const csv = csvButton(`${network.displayName}_会員.csv`, async (rows) => {
    const names = await namesOf(rows.map(organizationOf));
    return [["会員", (m) => names.get(organizationOf(m))], ["役職", (m) => L.label(L.MEMBER_ROLE, m.role)],
            ["名簿の役職", (m) => m.roleLabel], ["入会", (m) => dateLabel(m.since)], ["退会", (m) => dateLabel(m.until)],
            ["会員番号", (m) => (m.externalIds || []).map((e) => e.value)], ["名簿", (m) => m.sourceList]];
  }, async () => shown());
  const shown = () => (current.checked ? all.filter((m) => !m.until || !m.until.year) : all);
  // 100 members at a time: each row fetches its member's name.
  const listBox = h("div");
  const draw = () => {
    setParams({ id: state.id, current: current.checked ? "1" : "" });
    const rows = shown();
    const columns = [
      { label: "会員", value: (m) => records.link(organizationOf(m)) },
      { label: "役職", value: (m) => [L.label(L.MEMBER_ROLE, m.role), m.roleLabel && m.roleLabel !== L.label(L.MEMBER_ROLE, m.role) ? `（${m.roleLabel}）` : ""].join("") },
      { label: "入会", value: (m) => dateLabel(m.since), class: "text-nowrap" },
      { label: "退会", value: (m) => (m.until && m.until.year ? dateLabel(m.until) : "在籍中"), class: "text-nowrap" },
    ];
    let at = 0;
    const body = h("tbody");
    const more = h("button", { type: "button", class: "btn btn-outline-primary btn-sm" }, "さらに表示");
    const next = () => {
      for (const m of rows.slice(at, at + 100)) body.append(h("tr", {}, columns.map((c) => h("td", { class: c.class }, c.value(m)))));
      at += 100;
      more.hidden = at >= rows.length;
    };
    more.addEventListener("click", next);
    clear(listBox, h("p", { class: "small text-muted" }, `${rows.length}社`),
      h("div", { class: "table-responsive" }, h("table", { class: "table table-sm table-hover align-middle" },
        h("thead", {}, h("tr", {}, columns.map((c) => h("th", { scope: "col" }, c.label)))), body)),
      h("div", { class: "text-center" }, more));
    next();
  };
  current.addEventListener("change", draw);
  clear(membersBox, h("div", { class: "d-flex align-items-center mb-2 gap-3" },
    h("div", { class: "form-check me-auto" }, current, h("label", { class: "form-check-label", for: "current-only" }, "在籍中の会員だけ")),
    csv), listBox);
  draw();
});

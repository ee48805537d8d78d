// シーズ: the seed sheet (title, summary, keywords, applications, equipment,
// researchers, institution, contact as visibility allows), printable on one
// page (renkei.css @media print), and the companies that could use it.
// seed.html?id=17

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, spinner, facts, section, badge, words, alertBox, dateLabel, table,
         fiscalYearLabel } from "../ui.js";
import { messageOf } from "../forms.js";
import * as L from "../labels.js";

function contactOf(person) {
  const c = person.contact || {};
  return [c.email && h("a", { href: `mailto:${c.email}` }, c.email), c.phone && `電話 ${c.phone}`]
    .filter(Boolean).flatMap((x, i) => (i ? ["　", x] : [x]));
}

async function companies(seed) {
  const answer = await api.post(api.v1(seed.name) + ":suggest", { pageSize: 10 });
  const list = answer.suggestions || [];
  if (!list.length) return h("p", { class: "text-muted" }, "候補は見つかりませんでした。");
  return h("ol", { class: "ps-3", id: "companies" }, list.map((s) => h("li", { class: "mb-2" },
    records.link(s.organization.name, s.organization),
    s.organization.address && s.organization.address.district ? h("span", { class: "text-muted small" }, `（${s.organization.address.district}地区）`) : null,
    (s.relatedNeeds || []).length ? h("span", { class: "small ms-2" }, "ニーズ: ", records.links(s.relatedNeeds)) : null,
    h("div", { class: "small text-muted" }, s.reason))));
}

async function collaborations(seed) {
  const list = await api.listAll("/v1/collaborations", "collaborations", { seed: seed.name });
  return table([
    { label: "年度", value: (c) => fiscalYearLabel(c.fiscalYear) },
    { label: "種別", value: (c) => L.label(L.COLLABORATION_TYPE, c.type) },
    { label: "題名", value: (c) => records.link(c.name, c) },
  ], list, { empty: "このシーズから生まれた連携の記録はまだありません。" });
}

startPage({ title: "シーズ", active: "search", permission: "seeds.read" }, async (ctx) => {
  const name = "seeds/" + params().id;
  let seed;
  try {
    seed = await api.get(api.v1(name));
  } catch (e) {
    ctx.main.append(heading("シーズ"), alertBox("danger", messageOf(e)));
    return;
  }
  records.remember(seed);
  document.title = `${seed.title} — シーズシート — 連携 renkei`;
  const [institution, researchers] = await Promise.all([
    records.fetchRecord(seed.institution),
    Promise.all((seed.researchers || []).map((p) => records.fetchRecord(p))),
  ]);
  const print = h("button", { type: "button", class: "btn btn-outline-secondary btn-sm", id: "print" }, "シーズシートを印刷");
  print.addEventListener("click", () => window.print());

  const people = researchers.map((p, i) => p
    ? h("div", { class: "mb-1" }, records.link(p.name, p), h("span", { class: "text-muted" }, ` ${p.department || ""} ${p.title || ""}`),
        contactOf(p).length ? h("div", { class: "small" }, contactOf(p)) : null)
    : h("div", { class: "text-muted" }, "（公開されていない研究者）"));

  const sheet = h("article", { class: "seed-sheet card card-body mb-4", id: "seed-sheet" },
    h("div", { class: "d-flex justify-content-between align-items-start" },
      h("div", {}, h("div", { class: "small text-muted" }, "シーズシート", institution ? `　${institution.displayName}` : ""),
        h("h1", { class: "h3 mb-2" }, seed.title)),
      h("div", { class: "d-print-none" }, print)),
    h("div", { class: "mb-3" },
      seed.visibility === "VISIBILITY_COORDINATORS" ? badge("コーディネーターのみ（未公開）", "warning") : null,
      badge(L.label(L.IP_STATUS, seed.ipStatus) && `知的財産: ${L.label(L.IP_STATUS, seed.ipStatus)}`, "light")),
    seed.summary ? h("section", { class: "mb-3" }, h("h2", { class: "h6 text-muted" }, "概要"), h("p", { class: "lead fs-6" }, seed.summary)) : null,
    seed.body ? h("section", { class: "mb-3" }, h("h2", { class: "h6 text-muted" }, "内容"), h("p", { style: { whiteSpace: "pre-wrap" } }, seed.body)) : null,
    h("section", { class: "mb-3" }, facts([
      ["キーワード", words(seed.keywords)],
      ["分野", (seed.fields || []).join("、")],
      ["想定用途", seed.applications && seed.applications.length ? h("ul", { class: "mb-0 ps-3" }, seed.applications.map((a) => h("li", {}, a))) : ""],
      ["保有設備", (seed.equipment || []).join("、")],
      ["知的財産", [L.label(L.IP_STATUS, seed.ipStatus), seed.ipNote].filter(Boolean).join("　")],
      ["公開日", dateLabel(seed.publishedOn)],
      ["機関", institution ? records.link(institution.name, institution) : ""],
      ["研究者・連絡先", people],
      ["機関の連絡先", institution && institution.contact ? [institution.contact.phone && `電話 ${institution.contact.phone}`, institution.contact.url].filter(Boolean).join("　") : ""],
      ["番号", (seed.externalIds || []).map((e) => e.value).join("、")],
    ])));
  ctx.main.append(sheet);

  const more = h("div", { class: "d-print-none" });
  if (ctx.can("match.companies")) {
    const body = h("div", {}, spinner("候補を探しています…"));
    more.append(section("このシーズを活用できそうな企業", body));
    companies(seed).then((n) => clear(body, n), (e) => clear(body, alertBox("danger", messageOf(e))));
  }
  if (ctx.can("collaborations.read") && !ctx.isCompany) {
    const body = h("div", {}, spinner());
    more.append(section("このシーズからの連携", body));
    collaborations(seed).then((n) => clear(body, n), (e) => clear(body, alertBox("danger", messageOf(e))));
  }
  ctx.main.append(more);
});

// 企業 (and every organization): the profile, its sites, the networks it
// belongs to, its needs with their suggestions, its collaborations by 年度,
// suggested partners; for an institution its seeds and researchers. Editing
// with the etag (editor.js: a conflict is explained, the input kept).
// organization.html?id=12 (&edit=1 opens the form)

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, facts, table, section, badge, words, alertBox,
         addressLabel, numberLabel, yenLabel, dateLabel, fiscalYearLabel, idOf } from "../ui.js";
import { messageOf, choices } from "../forms.js";
import { editForm } from "../editor.js";
import { csvButton } from "../csv.js";
import * as L from "../labels.js";

export const ORGANIZATION_SPEC = [
  { group: [
    { path: "displayName", label: "名称（法人格を含む）", required: true, col: "col-md-6" },
    { path: "kana", label: "読み（カタカナ）", col: "col-md-6" },
  ] },
  { group: [
    { path: "corporateNumber", label: "法人番号（13桁）", col: "col-md-4", attrs: { inputmode: "numeric", maxlength: 13 } },
    { path: "kind", label: "種別", type: "select", options: choices(L.ORGANIZATION_KIND, "（未設定）"), col: "col-md-4" },
    { path: "founded", label: "設立（年-月）", type: "yearMonth", col: "col-md-4" },
  ] },
  { group: [
    { path: "address.postalCode", label: "郵便番号", col: "col-md-3" },
    { path: "address.prefecture", label: "都道府県", col: "col-md-3" },
    { path: "address.city", label: "市町村", col: "col-md-3" },
    { path: "address.district", label: "地区", type: "select", col: "col-md-3",
      options: [["", "（未設定）"], ...L.DISTRICTS.map((d) => [d, d])] },
  ] },
  { group: [
    { path: "address.street", label: "町名・番地", col: "col-md-6" },
    { path: "address.building", label: "建物名", col: "col-md-6" },
  ] },
  { group: [
    { path: "contact.phone", label: "電話", type: "tel", col: "col-md-3" },
    { path: "contact.fax", label: "FAX", type: "tel", col: "col-md-3" },
    { path: "contact.email", label: "メール", type: "email", col: "col-md-3" },
    { path: "contact.url", label: "ウェブサイト", type: "url", col: "col-md-3" },
  ] },
  { group: [
    { path: "representativeTitle", label: "代表者の役職", col: "col-md-4" },
    { path: "representative", label: "代表者名", col: "col-md-4" },
    { path: "employees", label: "従業員数（人）", type: "number", col: "col-md-2" },
    { path: "capitalYen", label: "資本金（円）", type: "number", col: "col-md-2" },
  ] },
  { group: [
    { path: "industries", label: "業種（名簿の書き方）", type: "list", col: "col-md-6" },
    { path: "jsicCodes", label: "産業分類コード", type: "list", col: "col-md-6",
      help: "日本標準産業分類の2〜4桁。「、」で区切って複数書けます。" },
  ] },
  { group: [
    { path: "aliases", label: "別名・略称", type: "list", col: "col-md-6" },
    { path: "formerNames", label: "旧称", type: "list", col: "col-md-6" },
  ] },
  { path: "description", label: "紹介文", type: "textarea", lines: 3 },
  { rows: "sites", label: "事業所（本社・工場・営業所）", addLabel: "事業所を追加", columns: [
    { path: "displayName", label: "名称", col: "col-md-2" },
    { path: "kind", label: "種別", type: "select", options: choices(L.SITE_KIND, "（未設定）"), col: "col-md-2" },
    { path: "address.district", label: "地区", type: "select", options: [["", "（未設定）"], ...L.DISTRICTS.map((d) => [d, d])], col: "col-md-1" },
    { path: "address.street", label: "所在地", col: "col-md-3" },
    { path: "phone", label: "電話", col: "col-md-2" },
    { path: "manager", label: "責任者", col: "col-md-2" },
  ] },
  { rows: "products", label: "製品", addLabel: "製品を追加", columns: [
    { path: "displayName", label: "名称", col: "col-md-4" },
    { path: "description", label: "説明", col: "col-md-5" },
    { path: "developedOn", label: "開発（年-月）", type: "yearMonth", col: "col-md-2" },
  ] },
  { rows: "technologies", label: "技術", addLabel: "技術を追加", columns: [
    { path: "displayName", label: "名称", col: "col-md-4" },
    { path: "description", label: "説明", col: "col-md-5" },
    { path: "developedOn", label: "開発（年-月）", type: "yearMonth", col: "col-md-2" },
  ] },
  { rows: "certifications", label: "認証", addLabel: "認証を追加", columns: [
    { path: "displayName", label: "名称", col: "col-md-3" },
    { path: "scope", label: "範囲", col: "col-md-4" },
    { path: "certifiedOn", label: "取得（年-月）", type: "yearMonth", col: "col-md-2" },
  ] },
  { group: [
    { path: "bcp.status", label: "BCP（事業継続計画）", type: "select", options: choices(L.BCP_STATUS, "（不明）"), col: "col-md-4" },
    { path: "bcp.establishedOn", label: "BCP 策定日", type: "date", col: "col-md-4" },
    { path: "sdgs.declared", label: "SDGs宣言をしている", type: "checkbox", col: "col-md-4 align-self-end" },
  ] },
];

const offeringList = (list) => list && list.length ? h("ul", { class: "mb-0 ps-3" }, list.map((o) =>
  h("li", {}, o.displayName, o.description ? h("span", { class: "text-muted small" }, `　${o.description}`) : null,
    o.developedOn ? h("span", { class: "text-muted small" }, `（${dateLabel(o.developedOn)}）`) : null))) : null;

function profile(o) {
  return facts([
    ["読み", o.kana],
    ["種別", L.label(L.ORGANIZATION_KIND, o.kind)],
    ["法人番号", o.corporateNumber],
    ["所在地", addressLabel(o.address)],
    ["地区", o.address && o.address.district ? `${o.address.district}地区` : ""],
    ["電話・FAX", [o.contact && o.contact.phone, o.contact && o.contact.fax && `FAX ${o.contact.fax}`].filter(Boolean).join("　")],
    ["メール", o.contact && o.contact.email],
    ["ウェブサイト", o.contact && o.contact.url ? h("a", { href: o.contact.url, rel: "noopener", target: "_blank" }, o.contact.url) : ""],
    ["代表者", [o.representativeTitle, o.representative].filter(Boolean).join(" ")],
    ["従業員", o.employees ? numberLabel(o.employees, "人") : ""],
    ["資本金", yenLabel(o.capitalYen)],
    ["設立", dateLabel(o.founded)],
    ["業種", words(o.industries)],
    ["産業分類コード", (o.jsicCodes || []).join("、")],
    ["別名・略称", (o.aliases || []).join("、")],
    ["旧称", (o.formerNames || []).join("、")],
    ["製品", offeringList(o.products)],
    ["技術", offeringList(o.technologies)],
    ["認証", (o.certifications || []).map((c) => h("div", {}, c.displayName,
      c.scope ? h("span", { class: "text-muted small" }, `（${c.scope}）`) : null,
      c.certifiedOn ? h("span", { class: "text-muted small" }, ` ${dateLabel(c.certifiedOn)}取得`) : null))],
    ["SDGs宣言", o.sdgs && o.sdgs.declared ? `あり${o.sdgs.declaredOn ? `（${dateLabel(o.sdgs.declaredOn)}）` : ""}${(o.sdgs.goals || []).length ? `　目標 ${o.sdgs.goals.join("・")}` : ""}` : ""],
    ["BCP", o.bcp ? [L.label(L.BCP_STATUS, o.bcp.status), dateLabel(o.bcp.establishedOn)].filter(Boolean).join("　") : ""],
    ["紹介", o.description],
    ["外部の番号", (o.externalIds || []).map((e) => `${e.value}（${e.source}）`).join("、")],
  ]);
}

function sites(o) {
  return table([
    { label: "名称", value: (s) => s.displayName },
    { label: "種別", value: (s) => L.label(L.SITE_KIND, s.kind) },
    { label: "所在地", value: (s) => addressLabel(s.address) },
    { label: "電話", value: (s) => s.phone || "" },
    { label: "責任者", value: (s) => s.manager || "" },
    { label: "従業員", value: (s) => (s.employees ? numberLabel(s.employees, "人") : "") },
  ], o.sites || [], { empty: "事業所の登録はありません。" });
}

async function memberships(o) {
  const list = await api.listAll(`/v1/${o.name}/memberships`, "memberships");
  const networkOf = (m) => m.name.split("/memberships/")[0];
  return h("div", {}, table([
    { label: "ネットワーク", value: (m) => records.link(networkOf(m)) },
    { label: "役職", value: (m) => [L.label(L.MEMBER_ROLE, m.role), m.roleLabel && m.roleLabel !== L.label(L.MEMBER_ROLE, m.role) ? `（${m.roleLabel}）` : ""].join("") },
    { label: "入会", value: (m) => dateLabel(m.since) },
    { label: "退会", value: (m) => (m.until ? dateLabel(m.until) : "在籍中") },
    { label: "名簿", value: (m) => m.sourceList || "" },
  ], list, { empty: "所属しているネットワークはありません。" }));
}

// The needs of the company, each with its best suggestions (and the marks).
async function needs(ctx, o) {
  const list = await api.listAll("/v1/needs", "needs", { company: o.name });
  records.remember(list);
  if (!list.length) return h("p", { class: "text-muted" }, "登録されたニーズはありません。");
  const container = h("div", { id: "needs" });
  for (const need of list) {
    const item = h("div", { class: "card mb-2 need-item", dataset: { name: need.name } },
      h("div", { class: "card-body py-2" },
        h("div", { class: "d-flex flex-wrap gap-2 align-items-baseline" },
          h("h3", { class: "h6 mb-0" }, records.link(need.name, need)),
          badge(L.label(L.NEED_STATUS, need.status), need.status === "NEED_STATUS_OPEN" ? "success" : "secondary"),
          need.visibility === "VISIBILITY_COORDINATORS" ? badge("コーディネーターのみ", "warning") : badge("公開", "light")),
        h("div", { class: "suggestions small mt-1" }, spinner("提案を読み込み中…"))));
    container.append(item);
    fillSuggestions(ctx, need, item.querySelector(".suggestions"));
  }
  return container;
}

async function fillSuggestions(ctx, need, box) {
  if (!ctx.can("match.seeds") || need.status === "NEED_STATUS_CLOSED") return clear(box);
  try {
    const [answer, marks] = await Promise.all([
      api.post(api.v1(need.name) + ":suggest", { pageSize: 3 }),
      ctx.can("feedback.read") ? api.listAll("/v1/feedback", "feedback", { need: need.name }) : [],
    ]);
    const bySeed = new Map(marks.map((f) => [f.suggestion, f]));
    const shown = new Set();
    const lines = (answer.suggestions || []).map((s) => {
      shown.add(s.seed.name);
      return suggestionLine(s.seed.name, s.seed, s.institution, bySeed.get(s.seed.name), s.reason);
    });
    // Suggestions a coordinator marked that are not in the top 3 now.
    for (const [seed, feedback] of bySeed) {
      if (!shown.has(seed)) lines.push(suggestionLine(seed, null, null, feedback));
    }
    clear(box, lines.length ? h("ul", { class: "mb-0 ps-3" }, lines) : h("span", { class: "text-muted" }, "提案はまだありません。"),
      h("a", { href: `/need.html?id=${idOf(need.name)}`, class: "small" }, "提案をすべて見る・評価する"));
  } catch (e) {
    clear(box, h("span", { class: "text-danger" }, messageOf(e)));
  }
}

function suggestionLine(name, seed, institution, feedback, reason) {
  return h("li", { dataset: { seed: name } }, records.link(name, seed),
    institution ? h("span", { class: "text-muted" }, "（", records.link(institution.name, institution), "）") : null,
    feedback ? badge(L.FEEDBACK_LABEL[feedback.label] || "", "success") : null,
    reason ? h("div", { class: "text-muted" }, reason) : null);
}

async function collaborations(o) {
  const list = await api.listAll("/v1/collaborations", "collaborations", { organization: o.name });
  records.remember(list);
  if (!list.length) return h("p", { class: "text-muted" }, "連携の記録はありません。");
  const byYear = new Map();
  for (const c of list) {
    const year = c.fiscalYear || 0;
    if (!byYear.has(year)) byYear.set(year, []);
    byYear.get(year).push(c);
  }
  const years = [...byYear.keys()].sort((a, b) => b - a);
  return h("div", {}, years.map((year) => h("div", { class: "mb-3" },
    h("h3", { class: "h6" }, year ? fiscalYearLabel(year) : "年度不明", h("span", { class: "text-muted small ms-2" }, `${byYear.get(year).length}件`)),
    table([
      { label: "種別", value: (c) => L.label(L.COLLABORATION_TYPE, c.type), class: "text-nowrap" },
      { label: "題名", value: (c) => records.link(c.name, c) },
      { label: "相手", value: (c) => records.links([...new Set((c.participants || []).map((p) => p.organization))].filter((n) => n !== o.name)) },
      { label: "期間", value: (c) => [dateLabel(c.startDate), dateLabel(c.endDate)].filter(Boolean).join("〜"), class: "text-nowrap" },
    ], byYear.get(year)))));
}

async function partners(o) {
  const answer = await api.post(api.v1(o.name) + ":suggestPartners", { pageSize: 5 });
  const list = answer.suggestions || [];
  if (!list.length) return h("p", { class: "text-muted" }, "提案はありません。");
  return h("ol", { class: "ps-3" }, list.map((s) => h("li", { class: "mb-2" },
    records.link(s.organization.name, s.organization),
    s.organization.address && s.organization.address.district ? h("span", { class: "text-muted small" }, `（${s.organization.address.district}地区）`) : null,
    h("div", { class: "small text-muted" }, s.reason))));
}

async function seedsAndResearchers(o) {
  const [seeds, people] = await Promise.all([
    api.listAll("/v1/seeds", "seeds", { institution: o.name }),
    api.listAll("/v1/people", "people", { organization: o.name }),
  ]);
  records.remember(seeds, people);
  return h("div", { class: "row" },
    h("div", { class: "col-lg-7" }, h("h3", { class: "h6" }, `シーズ（${seeds.length}件）`),
      seeds.length ? h("ul", { class: "ps-3" }, seeds.map((s) => h("li", {}, records.link(s.name, s)))) : h("p", { class: "text-muted" }, "ありません。")),
    h("div", { class: "col-lg-5" }, h("h3", { class: "h6" }, `人（${people.length}人）`),
      people.length ? h("ul", { class: "ps-3" }, people.map((p) => h("li", {}, records.link(p.name, p),
        h("span", { class: "text-muted small" }, ` ${p.department || ""} ${p.title || ""}`)))) : h("p", { class: "text-muted" }, "ありません。")));
}

async function people(o) {
  const list = await api.listAll("/v1/people", "people", { organization: o.name });
  records.remember(list);
  return list.length ? h("ul", { class: "ps-3" }, list.map((p) => h("li", {}, records.link(p.name, p),
    h("span", { class: "text-muted small" }, ` ${L.label(L.PERSON_ROLE, p.role)} ${p.department || ""} ${p.title || ""}`))))
    : h("p", { class: "text-muted" }, "登録された人はいません。");
}

// A section filled when its data arrives; a refusal shows there, not for the whole page.
function lazySection(title, load, id) {
  const body = h("div", {}, spinner());
  const node = section(title, body);
  node.id = id;
  load().then((content) => clear(body, content), (e) => clear(body, alertBox("danger", messageOf(e))));
  return node;
}

startPage({ title: "企業・機関", active: "search" }, async (ctx) => {
  const state = params();
  const name = "organizations/" + state.id;
  let o;
  try {
    o = await api.get(api.v1(name));
  } catch (e) {
    ctx.main.append(heading("企業・機関"), alertBox("danger", messageOf(e)));
    return;
  }
  records.remember(o);
  document.title = `${o.displayName} — 連携 renkei`;
  const institution = ["ORGANIZATION_KIND_ACADEMIC", "ORGANIZATION_KIND_PUBLIC_RESEARCH"].includes(o.kind);
  const company = o.kind === "ORGANIZATION_KIND_COMPANY" || !o.kind;

  const view = h("div", { id: "view" });
  const notice = h("div", { id: "notice", "aria-live": "polite" });
  const edit = ctx.mayWriteFor(o.name)
    ? h("a", { class: "btn btn-primary btn-sm", href: `/organization.html?id=${state.id}&edit=1`, id: "edit" }, "編集する") : null;
  const actions = [
    edit,
    company && ctx.can("match.seeds") && !ctx.isCompany ? h("a", { class: "btn btn-outline-primary btn-sm", href: `/consult.html?company=${encodeURIComponent(o.name)}` }, "この企業の相談を始める") : null,
    company && ctx.can("needs.write") && ctx.mayWriteFor(o.name) ? h("a", { class: "btn btn-outline-success btn-sm", href: `/need.html?new=1&company=${state.id}` }, "ニーズを登録") : null,
  ];
  ctx.main.append(heading(o.displayName, ...actions), notice, view);
  if (edit) {
    edit.addEventListener("click", (event) => {
      event.preventDefault();
      openEditor();
    });
  }

  function showView(record) {
    o = record;
    clear(view,
      h("div", { class: "d-flex flex-wrap gap-1 mb-3" }, badge(L.label(L.ORGANIZATION_KIND, o.kind), "info"),
        o.address && o.address.district ? badge(`${o.address.district}地区`, "light") : null),
      section("基本情報", profile(o)),
      section("事業所", sites(o)),
      lazySection("所属しているネットワーク", () => memberships(o), "memberships"),
      institution ? lazySection("シーズと研究者", () => seedsAndResearchers(o), "seeds") : null,
      company && ctx.can("needs.read") ? lazySection("ニーズと提案されたシーズ", () => needs(ctx, o), "needs-section") : null,
      ctx.can("collaborations.read") ? lazySection("連携（年度別）", () => collaborations(o), "collaborations") : null,
      company && ctx.can("match.partners") && (!ctx.isCompany || ctx.organizations.includes(o.name))
        ? lazySection("連携先の候補（企業間連携）", () => partners(o), "partners") : null,
      !institution && ctx.can("people.read") ? lazySection("担当者", () => people(o), "people") : null);
  }

  function openEditor() {
    setParams({ id: state.id, edit: "1" });
    if (edit) edit.hidden = true;
    clear(notice);
    const form = editForm({
      record: o, spec: ORGANIZATION_SPEC, kind: "organization",
      onSaved: (saved, { unchanged } = {}) => {
        setParams({ id: state.id });
        if (edit) edit.hidden = false;
        records.remember(saved);
        clear(notice, alertBox(unchanged ? "secondary" : "success", unchanged ? "変更はありませんでした。" : "保存しました。"));
        showView(saved);
      },
      onCancel: () => {
        setParams({ id: state.id });
        if (edit) edit.hidden = false;
        showView(o);
      },
    });
    clear(view, h("h2", { class: "h5" }, "編集"), form);
    form.querySelector("input, select, textarea").focus();
  }

  if (state.edit && ctx.mayWriteFor(o.name)) openEditor();
  else showView(o);
});

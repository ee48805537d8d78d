// ニーズ: one need (its text, status, visibility), its suggested seeds with
// their reasons and marks, the collaborations that came of it; registering
// (need.html?new=1&company=12: a company for its own, a coordinator for any)
// and editing with the etag (need.html?id=5&edit=1).

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, facts, section, badge, words, alertBox, dateLabel,
         table, fiscalYearLabel, idOf } from "../ui.js";
import { messageOf, choices } from "../forms.js";
import { editForm, createForm } from "../editor.js";
import { picker } from "../picker.js";
import { renderSuggestions } from "../suggestions.js";
import * as L from "../labels.js";

const PARTNER_KINDS = Object.entries(L.ORGANIZATION_KIND).filter(([k]) => k !== "ORGANIZATION_KIND_COMPANY")
  .concat([["ORGANIZATION_KIND_COMPANY", "企業"]]);

export const NEED_SPEC = [
  { path: "title", label: "件名", required: true, help: "困りごとを一行で。例: 樹脂成形品の微細なバリを自動で見つけたい" },
  { path: "body", label: "内容", type: "textarea", lines: 6, help: "いまの状況、困っていること、目標（数値があれば）、使っている材料や工程を書いてください。" },
  { group: [
    { path: "keywords", label: "キーワード", type: "list", col: "col-md-6" },
    { path: "fields", label: "分野", type: "list", col: "col-md-6" },
  ] },
  { path: "desiredPartnerKinds", label: "希望する相手", type: "checks", options: PARTNER_KINDS, help: "選ばなければ、どの相手でも構いません。" },
  { group: [
    { path: "status", label: "状況", type: "select", options: choices(L.NEED_STATUS, "受付中（新規）"), col: "col-md-4" },
    { path: "visibility", label: "公開範囲", type: "select", options: Object.entries(L.VISIBILITY), col: "col-md-4",
      help: "「コーディネーターのみ」は、コーディネーターと自社だけが見られます。" },
    { path: "postedOn", label: "受付日", type: "date", col: "col-md-4" },
  ] },
];

function view(ctx, need) {
  return h("div", {},
    h("div", { class: "mb-3" },
      badge(L.label(L.NEED_STATUS, need.status), need.status === "NEED_STATUS_OPEN" ? "success" : "secondary"),
      need.visibility === "VISIBILITY_COORDINATORS" ? badge("コーディネーターのみ", "warning") : badge("公開", "light")),
    section("内容", facts([
      ["企業", records.link(need.company)],
      ["担当者", need.contactPerson ? records.link(need.contactPerson) : ""],
      ["内容", need.body ? h("div", { style: { whiteSpace: "pre-wrap" } }, need.body) : ""],
      ["キーワード", words(need.keywords)],
      ["分野", (need.fields || []).join("、")],
      ["希望する相手", (need.desiredPartnerKinds || []).map((k) => L.label(L.ORGANIZATION_KIND, k)).join("、") || "どこでも"],
      ["受付日", dateLabel(need.postedOn)],
    ])));
}

async function showNew(ctx, state) {
  if (!ctx.can("needs.write")) {
    ctx.main.append(heading("ニーズを登録"), alertBox("warning", "ニーズを登録する権限がありません。"));
    return;
  }
  ctx.main.append(heading("ニーズを登録"));
  const own = ctx.isCompany;
  const company = own
    ? null
    : picker({ name: "company", label: "企業", required: true, filter: { kind: "ORGANIZATION_KIND_COMPANY" },
               value: state.company ? "organizations/" + state.company : "" });
  const companyNote = own ? h("p", {}, "企業: ", records.link(ctx.organizations[0])) : null;
  const form = createForm({
    spec: NEED_SPEC, kind: "need", path: "/v1/needs",
    initial: { visibility: "VISIBILITY_COORDINATORS" },
    extra: [companyNote || company],
    complete: (record) => ({ ...record, company: own ? ctx.organizations[0] : company.value }),
    onSaved: (need) => location.assign(`/need.html?id=${idOf(need.name)}&created=1`),
  });
  ctx.main.append(form);
  (company ? company.input : form.querySelector("input")).focus();
}

startPage({ title: "ニーズ", active: "needs", permission: "needs.read" }, async (ctx) => {
  const state = params();
  if (state.new) return showNew(ctx, state);
  const name = "needs/" + state.id;
  let need;
  try {
    need = await api.get(api.v1(name));
  } catch (e) {
    ctx.main.append(heading("ニーズ"), alertBox("danger", messageOf(e)));
    return;
  }
  records.remember(need);
  document.title = `${need.title} — ニーズ — 連携 renkei`;
  const mayEdit = ctx.mayWriteFor(need.company, "needs.write");
  const edit = mayEdit ? h("a", { class: "btn btn-primary btn-sm", id: "edit", href: `/need.html?id=${state.id}&edit=1` }, "編集する") : null;
  const notice = h("div", { id: "notice", "aria-live": "polite" },
    state.created ? alertBox("success", "登録しました。下に、役に立ちそうなシーズを示します。") : null);
  const body = h("div", { id: "view" });
  ctx.main.append(heading(need.title, edit), notice, body);

  const suggestions = h("div", { id: "suggestions" });
  const extra = h("div");
  function showView(record) {
    need = record;
    clear(body, view(ctx, need), section("提案されたシーズ", suggestions), extra);
  }
  function openEditor() {
    setParams({ id: state.id, edit: "1" });
    if (edit) edit.hidden = true;
    clear(notice);
    const form = editForm({
      record: need, spec: NEED_SPEC, kind: "need",
      onSaved: (saved, { unchanged } = {}) => {
        setParams({ id: state.id });
        if (edit) edit.hidden = false;
        clear(notice, alertBox(unchanged ? "secondary" : "success", unchanged ? "変更はありませんでした。" : "保存しました。"));
        showView(saved);
        if (!unchanged) loadSuggestions();
      },
      onCancel: () => {
        setParams({ id: state.id });
        if (edit) edit.hidden = false;
        showView(need);
      },
    });
    clear(body, form);
    form.querySelector("input").focus();
  }
  if (edit) {
    edit.addEventListener("click", (event) => {
      event.preventDefault();
      openEditor();
    });
  }

  async function loadSuggestions() {
    if (!ctx.mayWriteFor(need.company, "match.seeds")) {
      clear(suggestions, h("p", { class: "text-muted" }, "提案を見る権限がありません。"));
      return;
    }
    clear(suggestions, spinner("提案を探しています…"));
    try {
      const answer = await api.post(api.v1(need.name) + ":suggest", { pageSize: 10 });
      await renderSuggestions(ctx, suggestions, answer, { need: need.name });
    } catch (e) {
      clear(suggestions, alertBox("danger", messageOf(e)));
    }
  }

  if (state.edit && mayEdit) {
    openEditor();
  } else {
    showView(need);
    loadSuggestions();
  }
  if (ctx.can("collaborations.read")) {
    const list = await api.listAll("/v1/collaborations", "collaborations", { need: need.name }).catch(() => []);
    if (list.length) {
      extra.append(section("このニーズからの連携", table([
        { label: "年度", value: (c) => fiscalYearLabel(c.fiscalYear) },
        { label: "種別", value: (c) => L.label(L.COLLABORATION_TYPE, c.type) },
        { label: "題名", value: (c) => records.link(c.name, c) },
      ], list)));
    }
  }
});

// 連携: one collaboration (type, participants, the seed and need it came
// from, period, 年度, funding, outcomes); creating one (collaboration.html?new=1,
// or &from=ID to carry a 技術相談 on into a 共同研究) and editing it with the
// etag (collaboration.html?id=3&edit=1).

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, facts, section, badge, alertBox, dateLabel, table,
         fiscalYearLabel, idOf, yenLabel } from "../ui.js";
import { messageOf, choices } from "../forms.js";
import { editForm, createForm } from "../editor.js";
import * as L from "../labels.js";

export const COLLABORATION_SPEC = [
  { group: [
    { path: "type", label: "種別", type: "select", required: true, options: choices(L.COLLABORATION_TYPE, "（選んでください）"), col: "col-md-4" },
    { path: "title", label: "題名", required: true, col: "col-md-8" },
  ] },
  { path: "summary", label: "概要", type: "textarea", lines: 3 },
  { rows: "participants", label: "参加機関", addLabel: "参加機関を追加", columns: [
    { path: "organization", label: "企業・機関", type: "picker", collection: "organizations", col: "col-md-5" },
    { path: "person", label: "担当者・研究者", type: "picker", collection: "people", col: "col-md-4" },
    { path: "role", label: "役割", type: "select", options: choices(L.PARTICIPANT_ROLE, "（未設定）"), col: "col-md-2" },
  ] },
  { group: [
    { path: "seed", label: "元になったシーズ", type: "picker", collection: "seeds", col: "col-md-6" },
    { path: "need", label: "元になったニーズ", type: "picker", collection: "needs", col: "col-md-6" },
  ] },
  { group: [
    { path: "startDate", label: "開始日", type: "date", required: true, col: "col-md-3", help: "年度は開始日から決まります（4月1日始まり）。" },
    { path: "endDate", label: "終了日", type: "date", col: "col-md-3" },
    { path: "caseCount", label: "件数", type: "number", col: "col-md-2", help: "試験分析をまとめて1件で記録するときの件数。" },
    { path: "budgetYen", label: "予算（円）", type: "number", col: "col-md-4" },
  ] },
  { path: "fundingProgram", label: "補助事業・制度", },
  { rows: "outcomes", label: "成果", addLabel: "成果を追加", columns: [
    { path: "kind", label: "種類", type: "select", options: choices(L.OUTCOME_KIND, "（未設定）"), col: "col-md-2" },
    { path: "title", label: "名称", col: "col-md-5" },
    { path: "achievedOn", label: "達成日", type: "date", col: "col-md-3" },
  ] },
];

function view(c) {
  return h("div", {},
    h("div", { class: "mb-3" }, badge(L.label(L.COLLABORATION_TYPE, c.type), "info"),
      (c.fiscalYears || []).map((y) => badge(fiscalYearLabel(y), "light"))),
    section("内容", facts([
      ["概要", c.summary],
      ["期間", [dateLabel(c.startDate), dateLabel(c.endDate)].filter(Boolean).join("〜")],
      ["年度", (c.fiscalYears || [c.fiscalYear]).filter(Boolean).map(fiscalYearLabel).join("、")],
      ["元になったシーズ", c.seed ? records.link(c.seed) : ""],
      ["元になったニーズ", c.need ? records.link(c.need) : ""],
      ["補助事業・制度", c.fundingProgram],
      ["予算", yenLabel(c.budgetYen)],
      ["件数", c.caseCount && c.caseCount > 1 ? `${c.caseCount}件` : ""],
    ])),
    section("参加機関", table([
      { label: "企業・機関", value: (p) => records.link(p.organization) },
      { label: "担当者・研究者", value: (p) => (p.person ? records.link(p.person) : "") },
      { label: "役割", value: (p) => L.label(L.PARTICIPANT_ROLE, p.role) },
    ], c.participants || [])),
    (c.outcomes || []).length ? section("成果", table([
      { label: "種類", value: (o) => L.label(L.OUTCOME_KIND, o.kind) },
      { label: "名称", value: (o) => o.title || "" },
      { label: "達成日", value: (o) => dateLabel(o.achievedOn) },
    ], c.outcomes)) : null);
}

async function showNew(ctx, state) {
  ctx.main.append(heading("連携を登録"));
  if (!ctx.can("collaborations.write")) {
    ctx.main.append(alertBox("warning", "連携を登録する権限がありません。"));
    return;
  }
  let initial = { participants: [{}, {}] };
  let note = null;
  if (state.from) {
    const from = await records.fetchRecord("collaborations/" + state.from);
    if (from) {
      initial = {
        type: from.type === "COLLABORATION_TYPE_TECHNICAL_CONSULTATION" ? "COLLABORATION_TYPE_JOINT_RESEARCH" : from.type,
        title: from.title.replace(/についての技術相談$/, "に関する共同研究"),
        participants: from.participants, seed: from.seed, need: from.need,
      };
      note = alertBox("info", "「", records.link(from.name, from), "」の参加機関・シーズ・ニーズを引き継いでいます。");
    }
  }
  const form = createForm({
    spec: COLLABORATION_SPEC, kind: "collaboration", path: "/v1/collaborations", initial,
    complete: (record) => ({ ...record, participants: (record.participants || []).filter((p) => p.organization) }),
    onSaved: (c) => location.assign(`/collaboration.html?id=${idOf(c.name)}&created=1`),
  });
  ctx.main.append(note || "", form);
  form.querySelector("select, input").focus();
}

startPage({ title: "連携", active: "collaborations", permission: "collaborations.read" }, async (ctx) => {
  const state = params();
  if (state.new) return showNew(ctx, state);
  const name = "collaborations/" + state.id;
  let c;
  try {
    c = await api.get(api.v1(name));
  } catch (e) {
    ctx.main.append(heading("連携"), alertBox("danger", messageOf(e)));
    return;
  }
  records.remember(c);
  document.title = `${c.title} — 連携 renkei`;
  const mayEdit = ctx.can("collaborations.write");
  const edit = mayEdit ? h("a", { class: "btn btn-primary btn-sm", id: "edit", href: `/collaboration.html?id=${state.id}&edit=1` }, "編集する") : null;
  const carry = mayEdit ? h("a", { class: "btn btn-outline-success btn-sm", href: `/collaboration.html?new=1&from=${state.id}` },
    c.type === "COLLABORATION_TYPE_TECHNICAL_CONSULTATION" ? "共同研究に進める（新しく登録）" : "これを元に新しく登録") : null;
  const notice = h("div", { id: "notice", "aria-live": "polite" }, state.created ? alertBox("success", "登録しました。") : null);
  const body = h("div", { id: "view" });
  ctx.main.append(heading(c.title, edit, carry), notice, body);

  const showView = (record) => {
    c = record;
    clear(body, view(c));
  };
  function openEditor() {
    setParams({ id: state.id, edit: "1" });
    if (edit) edit.hidden = true;
    clear(notice);
    const form = editForm({
      record: c, spec: COLLABORATION_SPEC, kind: "collaboration",
      onSaved: (saved, { unchanged } = {}) => {
        setParams({ id: state.id });
        if (edit) edit.hidden = false;
        clear(notice, alertBox(unchanged ? "secondary" : "success", unchanged ? "変更はありませんでした。" : "保存しました。"));
        showView(saved);
      },
      onCancel: () => {
        setParams({ id: state.id });
        if (edit) edit.hidden = false;
        showView(c);
      },
    });
    clear(body, form);
    form.querySelector("select, input").focus();
  }
  if (edit) edit.addEventListener("click", (event) => {
    event.preventDefault();
    openEditor();
  });
  if (state.edit && mayEdit) openEditor();
  else showView(c);
});

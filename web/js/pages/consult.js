// 相談 (the phone call): the problem in plain words, the company if known →
// seeds and researchers ranked with their reasons; mark each in one click;
// save the problem as a need of the company. The state is in the address
// (?text=…&company=organizations/12), so the page can be bookmarked or sent.

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, alertBox } from "../ui.js";
import { field, showError, showMessage, busy, value, choices, messageOf } from "../forms.js";
import { picker } from "../picker.js";
import { institutions } from "../lookups.js";
import { renderSuggestions, marksFor } from "../suggestions.js";
import { VISIBILITY } from "../labels.js";

startPage({ title: "相談", active: "consult", permission: "match.seeds" }, async (ctx) => {
  const state = params();
  ctx.main.append(heading("相談"),
    h("p", { class: "text-muted" }, ctx.isCompany
      ? "困っていることを、ふだんの言葉で入力してください。役に立ちそうなシーズと研究者を、理由をつけて順に示します。ニーズとして保存すると、コーディネーターが相手探しをお手伝いします。"
      : "企業の困りごとを、聞いたままの言葉で入力してください。役に立ちそうなシーズと研究者を、理由をつけて順に示します。"));

  const company = ctx.isCompany
    ? h("div", { class: "mb-3" }, h("span", { class: "form-label d-block" }, "企業"),
        records.link(ctx.organizations[0]))
    : picker({ name: "company", label: "企業（分かれば）", filter: { kind: "ORGANIZATION_KIND_COMPANY" },
               value: state.company || "", help: "選ぶと、同じ団体の会員や過去の連携、地域の近さも考えに入れます。" });
  const companyName = () => (ctx.isCompany ? ctx.organizations[0] : company.value);

  const institutionField = field("institution", "機関で絞り込む", {
    type: "select", options: [["", "（すべての機関）"]], value: state.institution || "", col: "col-md-6",
  });
  institutions().then((list) => {
    const select = institutionField.querySelector("select");
    list.forEach(([name, title]) => select.append(h("option", { value: name }, title)));
    select.value = state.institution || "";
  });

  const form = h("form", { class: "card card-body mb-4", id: "consult-form", novalidate: true },
    field("text", "相談の内容", {
      type: "textarea", rows: 4, required: true, value: state.text || "",
      attrs: { placeholder: "例: 金属部品の表面に細かい傷がつく。検査を自動化したい。" },
    }),
    company,
    h("div", { class: "row" }, institutionField,
      field("withoutThesaurus", "言い換え（シソーラス）を使わず、入力した語だけで探す",
        { type: "checkbox", value: state.exact === "1", col: "col-md-6 align-self-end" })),
    h("div", {}, h("button", { type: "submit", class: "btn btn-primary" }, "提案を見る")));

  const results = h("div", { id: "results", "aria-live": "polite" });
  const saveBox = h("div", { id: "save-need" });
  ctx.main.append(form, results, saveBox);

  let asked = null;  // what the marks are about: {queryText} or {need}

  async function suggest() {
    const text = value(form, "text");
    if (!text) {
      showError(form, new api.ApiError(400, { error: { status: "INVALID_ARGUMENT", message: "",
        details: [{ "@type": "type.googleapis.com/google.rpc.BadRequest",
                    fieldViolations: [{ field: "text", description: "相談の内容を入力してください。" }] }] } }));
      return;
    }
    const institution = value(form, "institution");
    const exact = value(form, "withoutThesaurus");
    setParams({ text, company: ctx.isCompany ? "" : companyName(), institution, exact: exact ? "1" : "",
                need: asked && asked.need && asked.text === text ? asked.need.split("/")[1] : "" });
    if (!asked || asked.text !== text) asked = { queryText: text, text };
    clear(results, spinner("提案を探しています…"));
    const request = { text, pageSize: 10 };
    if (companyName()) request.company = companyName();
    if (institution) request.filters = { institution };
    if (exact) request.options = { withoutThesaurus: true };
    try {
      const answer = await api.post("/v1/seeds:suggest", request);
      clear(results, h("h2", { class: "h5" }, "提案"));
      const list = h("div");
      results.append(list);
      await renderSuggestions(ctx, list, answer, asked.need ? { need: asked.need } : { queryText: text });
      showSaveBox();
    } catch (e) {
      clear(results, alertBox("danger", messageOf(e)));
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form, suggest);
  });

  // ---- save the problem as a need of the company
  function showSaveBox() {
    if (!ctx.can("needs.write")) return clear(saveBox);
    const text = value(form, "text");
    if (asked && asked.need) {
      return clear(saveBox, alertBox("success", "この相談はニーズ「", records.link(asked.need),
        "」として保存済みです。評価はこのニーズに記録されます。"));
    }
    const firstLine = text.split(/[。\n]/)[0].slice(0, 60);
    const saveForm = h("form", { class: "card card-body", id: "save-need-form", novalidate: true },
      h("h2", { class: "h5" }, "この相談をニーズとして保存"),
      h("p", { class: "small text-muted" },
        "企業のニーズとして登録すると、企業のページにこの相談と提案が載ります。ここで付けた評価も引き継ぎます。"),
      field("title", "件名", { required: true, value: firstLine }),
      h("p", { class: "small" }, "企業: ",
        companyName() ? records.link(companyName()) : h("span", { class: "text-danger", "data-field": "company" },
          "上の「企業」で選んでください。")),
      field("visibility", "公開範囲", { type: "select", value: "VISIBILITY_COORDINATORS",
        options: Object.entries(VISIBILITY) }),
      h("div", {}, h("button", { type: "submit", class: "btn btn-success" }, "ニーズとして保存")));
    saveForm.addEventListener("submit", (event) => {
      event.preventDefault();
      busy(saveForm, () => saveNeed(saveForm, text));
    });
    clear(saveBox, saveForm);
  }

  async function saveNeed(saveForm, text) {
    const need = {
      company: companyName(),
      title: value(saveForm, "title"),
      body: text,
      visibility: value(saveForm, "visibility"),
    };
    let created;
    try {
      created = await api.post("/v1/needs", need);
    } catch (e) {
      showError(saveForm, e, { prefix: "need" });
      return;
    }
    // The marks made on the text now belong to the need too.
    if (ctx.can("feedback.write")) {
      const cards = Array.from(results.querySelectorAll(".suggestion"));
      const marks = await marksFor({ queryText: text }, cards.map((c) => c.dataset.seed));
      for (const feedback of marks.values()) {
        await api.post("/v1/feedback", { need: created.name, queryText: text,
                                          suggestion: feedback.suggestion, label: feedback.label,
                                          note: feedback.note });
      }
    }
    asked = { need: created.name, text };
    records.remember(created);
    setParams({ ...params(), need: created.name.split("/")[1] });
    // The cards now record marks on the need; then the message stays (the
    // refresh would otherwise replace it with the saved state's).
    await suggest();
    clear(saveBox, alertBox("success", h("strong", {}, "保存しました。"), " ニーズ「",
      records.link(created.name, created), "」を ", records.link(created.company), " のページで見られます。"));
  }

  if (state.need) {
    // A saved problem: marks go to its need.
    const need = await records.fetchRecord("needs/" + state.need);
    if (need) asked = { need: need.name, text: state.text || need.body };
  }
  if (state.text) await suggest();
  else form.elements.text.focus();
});

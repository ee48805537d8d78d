// Suggested seeds (SeedSuggestion) as a coordinator reads them: rank, seed,
// institution and researchers by name, the one-line reason with the matched
// words marked, the score's parts in Japanese, the thesaurus words used; and
// one click to mark a suggestion (役に立つ / 役に立たない / 連絡した / 連携に
// なった), click again to withdraw, another to change.

import * as api from "./api.js";
import * as records from "./records.js";
import { h, clear, highlight, termWords, words, alertBox } from "./ui.js";
import { FEEDBACK_LABEL, SIGNAL } from "./labels.js";
import { messageOf } from "./forms.js";

const LABEL_STYLE = {
  FEEDBACK_LABEL_USEFUL: "success",
  FEEDBACK_LABEL_NOT_USEFUL: "secondary",
  FEEDBACK_LABEL_CONTACTED: "primary",
  FEEDBACK_LABEL_BECAME_COLLABORATION: "warning",
};

// What was asked: {need: "needs/5"} or {queryText: "…"}. Marks already made
// for it, suggestion → Feedback (the latest).
export async function marksFor(asked, suggestionNames) {
  const marks = new Map();
  const keep = (feedback) => {
    const held = marks.get(feedback.suggestion);
    if (!held || (feedback.updateTime || "") > (held.updateTime || "")) marks.set(feedback.suggestion, feedback);
  };
  if (asked.need) {
    const all = await api.listAll("/v1/feedback", "feedback", { need: asked.need });
    all.forEach(keep);
  } else {
    await Promise.all(suggestionNames.map(async (suggestion) => {
      const all = await api.listAll("/v1/feedback", "feedback", { suggestion });
      all.filter((f) => !f.need && f.queryText === asked.queryText).forEach(keep);
    }));
  }
  return marks;
}

// The expanded terms as "言い換え" chips: "打痕 ← 傷".
export function thesaurusLine(expandedTerms) {
  const used = (expandedTerms || []).filter((t) => t.includes("←"));
  if (!used.length) return null;
  return h("p", { class: "small mb-3", id: "thesaurus" },
    h("span", { class: "text-muted me-2" }, "言い換え（シソーラス）で広げた語:"),
    used.map((t) => h("span", { class: "badge text-bg-light border me-1" }, t)));
}

function signalsTable(signals, score) {
  const max = Math.max(score || 0, ...signals.map((s) => s.contribution || 0), 0.0001);
  return h("table", { class: "table table-sm small mb-2 signals" },
    h("caption", { class: "caption-top py-0" }, "点数の内訳"),
    h("tbody", {}, signals.map((s) => h("tr", {},
      h("th", { scope: "row", class: "fw-normal text-nowrap" }, SIGNAL[s.name] || s.name),
      h("td", { class: "text-nowrap", style: { width: "8rem" } },
        h("span", { class: "signal-bar", style: { width: `${Math.round(60 * (s.contribution || 0) / max)}px` } }),
        h("span", { class: "ms-1" }, (s.contribution || 0).toFixed(2))),
      h("td", {}, s.detail || "")))));
}

// The mark buttons of one suggestion.
function markButtons(ctx, asked, suggestion, marks) {
  const group = h("div", { class: "btn-group btn-group-sm flex-wrap", role: "group", "aria-label": "この提案の評価" });
  const status = h("span", { class: "small ms-2 mark-status", role: "status" });
  const container = h("div", { class: "d-flex align-items-center flex-wrap gap-1 mark" }, group, status);
  const buttons = new Map();

  function show() {
    const held = marks.get(suggestion);
    for (const [label, button] of buttons) {
      const on = !!held && held.label === label;
      button.className = `btn btn-${on ? "" : "outline-"}${LABEL_STYLE[label]}`;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    }
    container.dataset.label = held ? held.label : "";
    status.textContent = held ? `「${FEEDBACK_LABEL[held.label]}」と記録済み（もう一度押すと取り消し）` : "";
    status.className = "small ms-2 mark-status text-muted";
  }

  async function press(label) {
    const held = marks.get(suggestion);
    buttons.forEach((b) => (b.disabled = true));
    try {
      if (held && held.label === label) {
        await api.del(api.v1(held.name));
        marks.delete(suggestion);
      } else if (held) {
        const changed = await api.patch(api.v1(held.name), { label, etag: held.etag }, { updateMask: "label" });
        marks.set(suggestion, changed);
      } else {
        const feedback = { suggestion, label };
        if (asked.need) feedback.need = asked.need;
        if (asked.queryText) feedback.queryText = asked.queryText;
        marks.set(suggestion, await api.post("/v1/feedback", feedback));
      }
      show();
    } catch (e) {
      show();
      status.textContent = messageOf(e);
      status.className = "small ms-2 mark-status text-danger";
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  for (const label of Object.keys(FEEDBACK_LABEL)) {
    const button = h("button", { type: "button", dataset: { label } }, FEEDBACK_LABEL[label]);
    button.addEventListener("click", () => press(label));
    buttons.set(label, button);
    group.append(button);
  }
  show();
  return container;
}

// One suggestion as a card.
export function suggestionCard(ctx, s, { asked, marks }) {
  const seed = s.seed || {};
  records.remember(seed, s.institution, s.researchers || []);
  const terms = termWords(s.matchedTerms);
  const plain = (s.matchedTerms || []).filter((t) => !t.includes("←"));
  const thesaurus = (s.matchedTerms || []).filter((t) => t.includes("←"));
  const body = h("div", { class: "card-body" },
    h("div", { class: "d-flex gap-3" },
      h("div", { class: "display-6 text-muted lh-1", "aria-label": `${s.rank}位` }, String(s.rank)),
      h("div", { class: "flex-grow-1" },
        h("h3", { class: "h5 mb-1" }, records.link(seed.name, seed)),
        h("div", { class: "small mb-2" },
          s.institution ? records.link(s.institution.name, s.institution) : records.link(seed.institution),
          (s.researchers || []).map((p) => h("span", {}, "　", records.link(p.name, p),
            p.title ? h("span", { class: "text-muted" }, ` ${p.title}`) : null))),
        h("p", { class: "reason mb-2" }, highlight(s.reason, terms)),
        seed.summary ? h("p", { class: "small text-body-secondary mb-2" }, highlight(seed.summary, terms)) : null,
        h("div", { class: "small mb-2" },
          plain.length ? h("span", { class: "me-3" }, h("span", { class: "text-muted" }, "一致した語: "), words(plain, "warning")) : null,
          thesaurus.length ? h("span", {}, h("span", { class: "text-muted" }, "言い換えで一致: "), words(thesaurus)) : null),
        h("details", { class: "small mb-2" },
          h("summary", {}, `点数 ${(s.score || 0).toFixed(2)} の内訳`),
          signalsTable(s.signals || [], s.score)),
        ctx.can("feedback.write") ? markButtons(ctx, asked, seed.name, marks) : null)));
  return h("article", { class: "card suggestion mb-3", dataset: { seed: seed.name } }, body);
}

// The list of suggestions, or a message when there are none.
export async function renderSuggestions(ctx, container, answer, asked) {
  const suggestions = answer.suggestions || [];
  if (!suggestions.length) {
    clear(container, alertBox("secondary",
      "合う提案が見つかりませんでした。言葉を変える（例: 具体的な材料名や工程名を入れる）とよいかもしれません。"));
    return;
  }
  let marks = new Map();
  if (ctx.can("feedback.read")) {
    marks = await marksFor(asked, suggestions.map((s) => s.seed && s.seed.name));
  }
  clear(container, thesaurusLine(answer.expandedTerms),
    suggestions.map((s) => suggestionCard(ctx, s, { asked, marks })));
}

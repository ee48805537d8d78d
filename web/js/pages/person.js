// 研究者・担当者: the profile (contact details as visibility allows), their
// seeds and collaborations. person.html?id=7

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, spinner, facts, section, badge, words, alertBox, table, fiscalYearLabel } from "../ui.js";
import { messageOf } from "../forms.js";
import * as L from "../labels.js";

startPage({ title: "研究者・担当者", active: "search", permission: "people.read" }, async (ctx) => {
  const name = "people/" + params().id;
  let p;
  try {
    p = await api.get(api.v1(name));
  } catch (e) {
    ctx.main.append(heading("研究者・担当者"), alertBox("danger", messageOf(e)));
    return;
  }
  records.remember(p);
  document.title = `${p.displayName} — 連携 renkei`;
  const c = p.contact || {};
  ctx.main.append(heading(p.displayName),
    h("div", { class: "mb-3" }, badge(L.label(L.PERSON_ROLE, p.role), "info")),
    section("プロフィール", facts([
      ["読み", p.kana],
      ["所属", records.link(p.organization)],
      ["部署・系", p.department],
      ["職名", p.title],
      ["分野", (p.fields || []).join("、")],
      ["キーワード", words(p.keywords)],
      ["紹介", p.profile],
      ["メール", c.email ? h("a", { href: `mailto:${c.email}` }, c.email) : ""],
      ["電話", c.phone],
      ["連絡先", c.email || c.phone ? "" : h("span", { class: "text-muted" }, "連絡先は公開されていません。コーディネーターにお問い合わせください。")],
    ])));
  if (ctx.can("seeds.read")) {
    const body = h("div", {}, spinner());
    ctx.main.append(section("シーズ", body));
    api.listAll("/v1/seeds", "seeds", { researcher: name }).then((list) => clear(body, list.length
      ? h("ul", { class: "ps-3" }, list.map((s) => h("li", {}, records.link(s.name, s),
          s.summary ? h("div", { class: "small text-muted" }, s.summary.slice(0, 90) + (s.summary.length > 90 ? "…" : "")) : null)))
      : h("p", { class: "text-muted" }, "登録されたシーズはありません。")),
    (e) => clear(body, alertBox("danger", messageOf(e))));
  }
  if (ctx.can("collaborations.read")) {
    const body = h("div", {}, spinner());
    ctx.main.append(section("連携", body));
    api.listAll("/v1/collaborations", "collaborations", { person: name }).then((list) => clear(body, table([
      { label: "年度", value: (x) => fiscalYearLabel(x.fiscalYear) },
      { label: "種別", value: (x) => L.label(L.COLLABORATION_TYPE, x.type) },
      { label: "題名", value: (x) => records.link(x.name, x) },
    ], list)), (e) => clear(body, alertBox("danger", messageOf(e))));
  }
});

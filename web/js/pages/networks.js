// ネットワーク: every network with its founding, secretariat and current
// member count; CSV. networks.html

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, spinner, alertBox, table, dateLabel, numberLabel } from "../ui.js";
import { messageOf } from "../forms.js";
import { csvButton, namesOf } from "../csv.js";

startPage({ title: "ネットワーク", active: "networks", permission: "networks.read" }, async (ctx) => {
  ctx.main.append(heading("ネットワーク"), h("p", { class: "text-muted" },
    "産学官金連携の団体と会員です。同じ企業が多くの団体に入っています。"));
  const results = h("div", { id: "results" }, spinner());
  ctx.main.append(results);
  let list;
  try {
    list = await api.listAll("/v1/networks", "networks");
  } catch (e) {
    clear(results, alertBox("danger", messageOf(e)));
    return;
  }
  records.remember(list);
  const csv = csvButton("ネットワーク一覧.csv", async (rows) => {
    const names = await namesOf(rows.map((n) => n.secretariat));
    return [["名称", (n) => n.displayName], ["設立", (n) => dateLabel(n.founded)], ["事務局", (n) => names.get(n.secretariat)],
            ["地域・分野", (n) => n.scope], ["現会員数", (n) => n.memberCount || 0], ["URL", (n) => n.url]];
  }, async () => list);
  clear(results, h("div", { class: "d-flex mb-2" }, h("span", { class: "text-muted small me-auto" }, `${list.length}団体`), csv),
    table([
      { label: "名称", value: (n) => records.link(n.name, n) },
      { label: "設立", value: (n) => dateLabel(n.founded), class: "text-nowrap" },
      { label: "事務局", value: (n) => (n.secretariat ? records.link(n.secretariat) : "") },
      { label: "地域・分野", value: (n) => n.scope || "" },
      { label: "現会員数", value: (n) => numberLabel(n.memberCount || 0, "社"), class: "text-end text-nowrap" },
    ], list));
});

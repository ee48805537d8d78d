// ホーム: where to start, for what the role may do.
import { startPage, heading } from "../app.js";
import { h } from "../ui.js";

const CARDS = [
  ["/consult.html", "相談", "match.seeds", "企業からの相談内容を入力すると、役に立ちそうなシーズと研究者を理由つきで提案します。"],
  ["/search.html", "検索", "organizations.read", "企業・機関、シーズ、ニーズ、人を、地区・業種・機関などで絞り込んで探します。"],
  ["/needs.html", "ニーズ", "needs.read", "企業のニーズ（困りごと）を登録・編集し、受付中のニーズと一番の候補を見ます。"],
  ["/collaborations.html", "連携", "collaborations.read", "共同研究・技術相談・試験分析などの連携を年度ごとに見て、登録・編集します。"],
  ["/networks.html", "ネットワーク", "networks.read", "団体と会員（役職・入会・退会）、年度ごとの会員数を見ます。"],
  ["/indicators.html", "指標", "indicators.read", "工業振興計画の指標を年度ごとに集計し、推移をグラフで示します。"],
  ["/import.html", "取込", "import", "団体の会員名簿（CSV・Excel）を取り込み、同じ企業かどうか迷う行を画面で判断します。"],
];

startPage({ title: "ホーム", active: "home" }, async (ctx) => {
  ctx.main.append(heading(`ようこそ、${ctx.identity.displayName || ctx.identity.username}さん`));
  const cards = h("div", { class: "row row-cols-1 row-cols-md-2 row-cols-lg-3 g-3" });
  if (ctx.isCompany) {
    for (const organization of ctx.organizations) {
      cards.append(card("/organization.html?id=" + organization.split("/")[1], "自社のページ",
        "会社の情報の確認と編集、ニーズと提案されたシーズ、連携の記録を見ます。"));
    }
    cards.append(card("/need.html?new=1", "ニーズを登録", "困りごとを書いて登録すると、役に立ちそうなシーズが提案されます。"));
  }
  for (const [path, title, permission, text] of CARDS) {
    if (ctx.can(permission)) cards.append(card(path, title, text));
  }
  ctx.main.append(cards);
});

function card(path, title, text) {
  return h("div", { class: "col" },
    h("div", { class: "card h-100" }, h("div", { class: "card-body" },
      h("h2", { class: "h5 card-title" }, h("a", { href: path, class: "stretched-link" }, title)),
      h("p", { class: "card-text text-muted small" }, text))));
}

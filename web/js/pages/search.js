// 検索: organizations, seeds, needs and people, with the List filters; a
// query uses SearchService (results with snippets, the matched words marked),
// no query lists with the filters alone. Every list downloads as CSV.
// State in the address: search.html?in=seeds&q=外観検査&institution=organizations/1

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, highlightRanges, badge, words, alertBox,
         addressLabel, numberLabel } from "../ui.js";
import { field, value, choices, messageOf } from "../forms.js";
import { picker } from "../picker.js";
import { csvButton, namesOf } from "../csv.js";
import { institutions, networks } from "../lookups.js";
import * as L from "../labels.js";

// What each tab searches: the routes, the filters (as form fields), a row's
// rendering and its CSV columns.
const KINDS = {
  organizations: {
    label: "企業・機関",
    list: "/v1/organizations", listKey: "organizations",
    search: "/v1/organizations:search", record: (r) => r.organization,
    filters: (state) => [
      field("kind", "種別", { type: "select", options: choices(L.ORGANIZATION_KIND), value: state.kind, col: "col-md-3" }),
      field("district", "地区", { type: "select", options: [["", "（指定なし）"], ...L.DISTRICTS.map((d) => [d, d])], value: state.district, col: "col-md-3" }),
      field("jsicCode", "業種（産業分類コード）", { value: state.jsicCode, col: "col-md-3",
        help: "日本標準産業分類の2〜4桁。例: 18 プラスチック製品、28 電子部品",
        attrs: { inputmode: "numeric", pattern: "[0-9]{2,4}" } }),
      field("certification", "認証", { value: state.certification, col: "col-md-3", attrs: { placeholder: "ISO 9001" } }),
      selectFromList("network", "ネットワーク（現会員）", networks, state.network, "col-md-6"),
    ],
    filterKeys: ["kind", "district", "jsicCode", "certification", "network"],
    render: (o) => [
      h("div", { class: "d-flex flex-wrap align-items-baseline gap-2" },
        h("h3", { class: "h6 mb-0" }, records.link(o.name, o)),
        badge(L.label(L.ORGANIZATION_KIND, o.kind), "info"),
        o.address && o.address.district ? badge(`${o.address.district}地区`, "light") : null),
      h("div", { class: "small text-muted" }, [addressLabel(o.address),
        (o.industries || []).join("・"), o.employees ? `従業員 ${numberLabel(o.employees, "人")}` : ""]
        .filter(Boolean).join("　")),
    ],
    csv: (names) => [
      ["名称", (o) => o.displayName], ["読み", (o) => o.kana],
      ["種別", (o) => L.label(L.ORGANIZATION_KIND, o.kind)], ["法人番号", (o) => o.corporateNumber],
      ["地区", (o) => o.address && o.address.district], ["住所", (o) => addressLabel(o.address)],
      ["電話", (o) => o.contact && o.contact.phone], ["業種", (o) => o.industries],
      ["産業分類コード", (o) => o.jsicCodes], ["従業員数", (o) => o.employees],
      ["資本金（円）", (o) => o.capitalYen], ["代表者", (o) => [o.representativeTitle, o.representative].filter(Boolean).join(" ")],
      ["認証", (o) => (o.certifications || []).map((c) => c.displayName)],
      ["URL", (o) => o.contact && o.contact.url],
    ],
    names: () => [],
  },
  seeds: {
    label: "シーズ",
    list: "/v1/seeds", listKey: "seeds",
    search: "/v1/seeds:search", record: (r) => r.seed,
    filters: (state) => [
      selectFromList("institution", "機関", institutions, state.institution, "col-md-4"),
      field("field", "分野", { value: state.field, col: "col-md-4", attrs: { placeholder: "情報・ソフトウエア系" } }),
      field("keyword", "キーワード", { value: state.keyword, col: "col-md-4" }),
    ],
    filterKeys: ["institution", "field", "keyword"],
    render: (s) => [
      h("h3", { class: "h6 mb-0" }, records.link(s.name, s)),
      h("div", { class: "small" }, records.link(s.institution), "　", records.links(s.researchers)),
      h("div", { class: "small" }, words(s.keywords)),
    ],
    csv: (names) => [
      ["題名", (s) => s.title], ["機関", (s) => names.get(s.institution)],
      ["研究者", (s) => (s.researchers || []).map((p) => names.get(p))],
      ["キーワード", (s) => s.keywords], ["分野", (s) => s.fields], ["想定用途", (s) => s.applications],
      ["保有設備", (s) => s.equipment], ["知的財産", (s) => L.label(L.IP_STATUS, s.ipStatus)], ["概要", (s) => s.summary],
    ],
    names: (rows) => rows.flatMap((s) => [s.institution, ...(s.researchers || [])]),
  },
  needs: {
    label: "ニーズ",
    list: "/v1/needs", listKey: "needs",
    search: "/v1/needs:search", record: (r) => r.need,
    filters: (state) => [
      Object.assign(picker({ name: "company", label: "企業", filter: { kind: "ORGANIZATION_KIND_COMPANY" }, value: state.company || "" }), { className: "mb-3 autocomplete col-md-4" }),
      field("status", "状況", { type: "select", options: choices(L.NEED_STATUS), value: state.status, col: "col-md-4" }),
      field("visibility", "公開範囲", { type: "select", options: choices(L.VISIBILITY), value: state.visibility, col: "col-md-4" }),
    ],
    filterKeys: ["company", "status", "visibility"],
    render: (n) => [
      h("div", { class: "d-flex flex-wrap align-items-baseline gap-2" },
        h("h3", { class: "h6 mb-0" }, records.link(n.name, n)),
        badge(L.label(L.NEED_STATUS, n.status), n.status === "NEED_STATUS_OPEN" ? "success" : "secondary"),
        n.visibility === "VISIBILITY_COORDINATORS" ? badge("コーディネーターのみ", "warning") : null),
      h("div", { class: "small" }, records.link(n.company)),
    ],
    csv: (names) => [
      ["件名", (n) => n.title], ["企業", (n) => names.get(n.company)],
      ["状況", (n) => L.label(L.NEED_STATUS, n.status)], ["公開範囲", (n) => L.label(L.VISIBILITY, n.visibility)],
      ["キーワード", (n) => n.keywords], ["分野", (n) => n.fields], ["内容", (n) => n.body],
    ],
    names: (rows) => rows.map((n) => n.company),
  },
  people: {
    label: "人",
    list: "/v1/people", listKey: "people",
    search: "/v1/people:search", record: (r) => r.person,
    filters: (state) => [
      Object.assign(picker({ name: "organization", label: "所属", value: state.organization || "" }), { className: "mb-3 autocomplete col-md-4" }),
      field("role", "役割", { type: "select", options: choices(L.PERSON_ROLE), value: state.role, col: "col-md-4" }),
      field("department", "部署・系", { value: state.department, col: "col-md-4" }),
    ],
    filterKeys: ["organization", "role", "department"],
    render: (p) => [
      h("div", { class: "d-flex flex-wrap align-items-baseline gap-2" },
        h("h3", { class: "h6 mb-0" }, records.link(p.name, p)),
        badge(L.label(L.PERSON_ROLE, p.role), "light")),
      h("div", { class: "small" }, records.link(p.organization), "　", p.department || "", " ", p.title || ""),
    ],
    csv: (names) => [
      ["氏名", (p) => p.displayName], ["読み", (p) => p.kana], ["役割", (p) => L.label(L.PERSON_ROLE, p.role)],
      ["所属", (p) => names.get(p.organization)], ["部署・系", (p) => p.department], ["職名", (p) => p.title],
      ["分野", (p) => p.fields], ["キーワード", (p) => p.keywords],
      ["メール", (p) => p.contact && p.contact.email], ["電話", (p) => p.contact && p.contact.phone],
    ],
    names: (rows) => rows.map((p) => p.organization),
  },
};

function selectFromList(name, labelText, load, current, col) {
  const wrapper = field(name, labelText, { type: "select", options: [["", "（指定なし）"]], value: current, col });
  load().then((list) => {
    const select = wrapper.querySelector("select");
    list.forEach(([v, l]) => select.append(h("option", { value: v }, l)));
    select.value = current || "";
  });
  return wrapper;
}

startPage({ title: "検索", active: "search", permission: "organizations.read" }, async (ctx) => {
  const state = params();
  const tab = KINDS[state.in] ? state.in : "organizations";
  const kind = KINDS[tab];
  ctx.main.append(heading("検索"));

  const tabs = h("ul", { class: "nav nav-tabs mb-3" }, Object.entries(KINDS)
    .filter(([key]) => key !== "needs" || ctx.can("needs.read"))
    .filter(([key]) => key !== "seeds" || ctx.can("seeds.read"))
    .filter(([key]) => key !== "people" || ctx.can("people.read"))
    .map(([key, k]) => h("li", { class: "nav-item" }, h("a", {
      class: "nav-link" + (key === tab ? " active" : ""), "aria-current": key === tab ? "page" : null,
      href: "/search.html?in=" + key + (state.q ? "&q=" + encodeURIComponent(state.q) : ""),
    }, k.label))));

  const form = h("form", { class: "card card-body mb-3", id: "search-form", role: "search" },
    h("div", { class: "row" },
      field("q", "言葉で探す（名前・読み・内容）", { type: "search", value: state.q, col: "col-md-9",
        attrs: { placeholder: tab === "organizations" ? "例: 射出成形、あかおぎ" : "例: 外観検査 自動化" } }),
      h("div", { class: "col-md-3 align-self-end mb-3" },
        h("button", { type: "submit", class: "btn btn-primary w-100" }, "検索"))),
    h("div", { class: "row" }, kind.filters(state)));
  const results = h("div", { id: "results", "aria-live": "polite" });
  ctx.main.append(tabs, form, results);

  function current() {
    const values = { in: tab, q: value(form, "q") };
    for (const key of kind.filterKeys) {
      const picked = form.querySelector(`[data-field="${key}"]`);
      values[key] = picked && picked.closest(".autocomplete") ? picked.closest(".autocomplete").value : value(form, key);
    }
    return values;
  }

  // The API's request for the filters (search routes and list routes take the same names).
  function request(values) {
    const query = {};
    for (const key of kind.filterKeys) if (values[key]) query[key] = values[key];
    return query;
  }

  async function run() {
    const values = current();
    setParams(values);
    const filters = request(values);
    clear(results, spinner());
    const list = h("div", { class: "list-group mb-3", id: "result-list" });
    const more = h("button", { type: "button", class: "btn btn-outline-primary", hidden: true }, "さらに表示");
    const count = h("span", { class: "text-muted small me-auto", role: "status" });
    const fileName = () => `${kind.label}_${values.q || "一覧"}_${new Date().toISOString().slice(0, 10)}.csv`;
    const csv = csvButton(fileName, async (rows) => kind.csv(await namesOf(kind.names(rows))),
      () => all(values, filters));
    let shown = 0;
    let token = "";
    const seen = new Set();
    async function page() {
      more.disabled = true;
      try {
        const { items, nextPageToken } = await fetchPage(values, filters, token);
        token = nextPageToken;
        for (const item of items) {
          const record = item.record;
          if (seen.has(record.name)) continue;
          seen.add(record.name);
          records.remember(record);
          list.append(h("div", { class: "list-group-item", dataset: { name: record.name } },
            kind.render(record), snippets(item.hit), item.byName ? h("div", { class: "small text-muted" }, "名前・読みが一致") : null));
          shown++;
        }
        count.textContent = `${shown}件を表示${token ? "（続きがあります）" : ""}`;
        more.hidden = !token;
        if (!shown) list.replaceWith(alertBox("secondary", "見つかりませんでした。言葉や条件を変えてお試しください。"));
      } catch (e) {
        results.append(alertBox("danger", messageOf(e)));
      } finally {
        more.disabled = false;
      }
    }
    more.addEventListener("click", page);
    clear(results, h("div", { class: "d-flex align-items-center mb-2 gap-2" }, count, csv), list,
      h("div", { class: "text-center" }, more));
    await page();
  }

  // One page: {items: [{record, hit, byName}], nextPageToken}.
  async function fetchPage(values, filters, token) {
    if (!values.q) {
      const page = await api.listPage(kind.list, kind.listKey, { ...filters, pageSize: 50, pageToken: token });
      return { items: page.items.map((record) => ({ record })), nextPageToken: page.nextPageToken };
    }
    const answer = await api.get(kind.search, { query: values.q, ...filters, pageSize: 20, pageToken: token });
    const items = (answer.results || []).map((r) => ({ record: kind.record(r), hit: r.hit }));
    if (tab === "organizations" && !token) {
      // SearchOrganizations does not find a company by part of its reading
      // (あかおぎ → 赤荻): the name filter does, so its matches come too.
      const byName = await api.listPage(kind.list, kind.listKey, { ...filters, nameContains: values.q, pageSize: 20 });
      const found = new Set(items.map((i) => i.record.name));
      items.push(...byName.items.filter((o) => !found.has(o.name)).map((record) => ({ record, byName: true })));
    }
    return { items, nextPageToken: answer.nextPageToken || "" };
  }

  // Every result, all pages (for the CSV).
  async function all(values, filters) {
    const rows = [];
    let token = "";
    const seen = new Set();
    do {
      const page = values.q
        ? await fetchPage(values, filters, token)
        : await api.listPage(kind.list, kind.listKey, { ...filters, pageSize: 1000, pageToken: token })
            .then((p) => ({ items: p.items.map((record) => ({ record })), nextPageToken: p.nextPageToken }));
      for (const item of page.items) {
        if (!seen.has(item.record.name)) rows.push(item.record);
        seen.add(item.record.name);
      }
      token = page.nextPageToken;
    } while (token);
    return rows;
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  await run();
});

function snippets(hit) {
  if (!hit || !hit.snippets || !hit.snippets.length) return null;
  return h("div", { class: "small mt-1 snippets" }, hit.snippets.slice(0, 2).map((s) => h("div", {},
    h("span", { class: "text-muted me-1" }, `${L.SNIPPET_FIELD[s.field] || s.field}:`),
    highlightRanges(s.text, s.highlights))));
}

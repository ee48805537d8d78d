// 取込: upload a member list (CSV in CP932 or UTF-8, .xlsx), see the dry run
// (created / linked / updated / ambiguous / rejected, with the evidence),
// decide each ambiguous row by choosing a candidate shown side by side with
// the row (name, address, phone, representative), then apply. The same
// server-side import as renkei-import, through POST /v1/imports:file. A
// member list may be synced: members of the previous list of the same name
// that this one no longer has are ended (until = today), more than a third of
// the network's members only when the user confirms (confirmLargeSync).
// import.html?kind=members&network=networks/2

import * as api from "../api.js";
import * as records from "../records.js";
import { startPage, heading } from "../app.js";
import { h, clear, params, setParams, spinner, alertBox, table, section, addressLabel, badge } from "../ui.js";
import { field, value, showError, clearErrors, busy, messageOf, showMessage } from "../forms.js";
import { networks } from "../lookups.js";
import { csvButton } from "../csv.js";
import * as L from "../labels.js";

const KINDS = [["members", "団体の会員名簿"], ["organizations", "企業の一覧（製造業データベース）"]];
const KIND_ENUM = { members: "IMPORT_KIND_MEMBERS", organizations: "IMPORT_KIND_ORGANIZATIONS" };
const ACTION_STYLE = {
  IMPORT_ACTION_CREATED: "primary", IMPORT_ACTION_LINKED: "secondary", IMPORT_ACTION_UPDATED: "info",
  IMPORT_ACTION_AMBIGUOUS: "warning", IMPORT_ACTION_REJECTED: "danger", IMPORT_ACTION_SKIPPED: "light",
  IMPORT_ACTION_UNMATCHED: "light",
};

function readBase64(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

const phoneOf = (o) => (o && ((o.contact && o.contact.phone) || ((o.sites || [])[0] || {}).phone)) || "";
const representativeOf = (o) => (o ? [o.representativeTitle, o.representative].filter(Boolean).join(" ") : "");

// A record name the page can link: organizations/12; "new:3" is a record
// the dry run would create.
function recordCell(name) {
  if (!name) return "";
  if (name.startsWith("new:")) return h("span", { class: "text-muted" }, `新規（${name.slice(4)}）`);
  return records.link(name);
}

// A membership (networks/2/memberships/17) by its organization's name.
const memberCell = (membership) => records.link(`organizations/${membership.split("/").pop()}`);

// The source lists the network's memberships came from, newest first: the
// names a sync compares with.
async function sourceListsOf(network) {
  if (!network) return [];
  const newest = new Map();
  for (const m of await api.listAll(`/v1/${network}/memberships`, "memberships")) {
    if (!m.sourceList) continue;
    const time = m.updateTime || "";
    if (!newest.has(m.sourceList) || newest.get(m.sourceList) < time) newest.set(m.sourceList, time);
  }
  return [...newest.entries()].sort((a, b) => (a[1] < b[1] ? 1 : -1)).map(([list]) => list);
}

// What a sync did or would do: its message, the memberships it ends, and
// those held back for a confirmation (more than a third of the members).
function syncPart(summary, applied) {
  if (!summary || !summary.syncMessage) return null;
  const ended = summary.membershipsEnded || [], held = summary.membershipsNotEnded || [];
  const parts = [alertBox(held.length ? "warning" : "info", summary.syncMessage)];
  if (ended.length) {
    parts.push(h("p", { class: "mb-1" }, `${applied ? "退会扱いにした" : "退会扱いになる"}会員（${ended.length}社）:`),
      h("ul", { id: "sync-ended" }, ended.map((m) => h("li", {}, memberCell(m)))));
  }
  if (held.length) {
    parts.push(h("p", { class: "mb-1" }, `名簿にないが、会員の3分の1を超えるため退会扱いにしていない会員（${held.length}社）:`),
      h("ul", { id: "sync-held" }, held.map((m) => h("li", {}, memberCell(m)))));
  }
  return section("名簿にない会員（同期）", ...parts);
}

// The row and its candidates side by side, with a choice for each.
async function ambiguousCard(outcome, row, index) {
  const candidates = outcome.candidates || [];
  const held = await Promise.all(candidates.map((c) => c.organization.startsWith("new:") ? null : records.fetchRecord(c.organization)));
  const group = `decision-${outcome.row}`;
  const radio = (value, labelText, checked = false) => {
    const id = `${group}-${value.replace(/[^a-z0-9]/gi, "-")}`;
    const input = h("input", { class: "form-check-input", type: "radio", name: group, id, value });
    input.checked = checked;
    return h("div", { class: "form-check" }, input, h("label", { class: "form-check-label", for: id }, labelText));
  };
  const fileOrg = (row && row.organization) || {};
  const lines = [
    ["名称", (o, c) => (o ? o.displayName : c ? c.displayName : "")],
    ["所在地", (o) => addressLabel(o && o.address)],
    ["電話", (o) => phoneOf(o)],
    ["代表者", (o) => representativeOf(o)],
    ["法人番号", (o) => (o && o.corporateNumber) || ""],
  ];
  const head = h("tr", {}, h("th", { scope: "col" }, ""),
    h("th", { scope: "col" }, `ファイルの${row ? row.line : outcome.row}行目`),
    candidates.map((c, i) => h("th", { scope: "col" }, `候補${i + 1}`, held[i] ? h("div", { class: "fw-normal small" }, records.link(c.organization, held[i])) : null)));
  const body = lines.map(([label, get]) => h("tr", {}, h("th", { scope: "row", class: "fw-normal text-muted" }, label),
    h("td", {}, get(fileOrg), row && row.siteLabel && label === "名称" ? h("div", { class: "small text-muted" }, `事業所: ${row.siteLabel}`) : null),
    candidates.map((c, i) => {
      const mine = String(get(fileOrg) || "");
      const theirs = String(get(held[i], c) || "");
      return h("td", { class: mine && theirs && mine !== theirs ? "diff" : "" }, theirs);
    })));
  const evidence = h("tr", {}, h("th", { scope: "row", class: "fw-normal text-muted" }, "一致の根拠"), h("td", {}, ""),
    candidates.map((c) => h("td", { class: "small" }, c.evidence || "", h("div", { class: "text-muted" }, `一致度 ${Math.round((c.score || 0) * 100)}%`))));
  const choose = h("tr", {}, h("th", { scope: "row", class: "fw-normal text-muted" }, "判断"), h("td", {},
    radio("create", "新しい企業として登録"), radio("skip", "この行は取り込まない")),
  candidates.map((c, i) => h("td", {}, radio(`link:${c.organization}`, `候補${i + 1}と同じ企業`))));
  return h("fieldset", { class: "card card-body mb-3 ambiguous", dataset: { row: String(outcome.row) } },
    h("legend", { class: "h6" }, `${index + 1}. ${fileOrg.displayName || `${outcome.row}行目`}`,
      h("span", { class: "small text-muted ms-2" }, outcome.evidence || "")),
    h("div", { class: "table-responsive" }, h("table", { class: "table table-sm candidate-table mb-0" },
      h("thead", {}, head), h("tbody", {}, body, evidence, choose))));
}

// Problems where Excel shows them: the line and the column letter.
function problemTable(problems, id) {
  const t = table([
    { label: "行", value: (p) => String(p.line || "") }, { label: "列", value: (p) => p.column || "" },
    { label: "内容", value: (p) => p.message || "" },
  ], problems);
  t.id = id;
  return t;
}

function summaryLine(summary) {
  const s = summary || {};
  const item = (label, count, style) => h("li", { class: "list-inline-item" }, badge(`${label} ${Number(count || 0)}`, style));
  return h("ul", { class: "list-inline mb-2", id: "summary" },
    item("行", s.rows, "dark"), item("新規作成", s.created, "primary"), item("既存と一致", s.linked, "secondary"),
    item("既存を更新", s.updated, "info"), item("判断が必要", s.ambiguous, "warning"), item("不正な行", s.rejected, "danger"),
    s.skipped ? item("取り込まない", s.skipped, "light") : null,
    item("会員登録（新規）", s.membershipsCreated, "success"), item("会員情報の更新", s.membershipsUpdated, "info"));
}

startPage({ title: "取込", active: "import", permission: "import" }, async (ctx) => {
  const state = params();
  ctx.main.append(heading("取込"), h("p", { class: "text-muted" },
    "団体から届いた会員名簿（Excel で保存した CSV〈Shift_JIS でも UTF-8 でも可〉や .xlsx）を読み込みます。",
    "まず確認だけを行い（何も書き込みません）、同じ企業かどうか迷う行を判断してから取り込みます。"));
  const networkField = field("network", "ネットワーク（会員名簿の団体）", { type: "select", options: [["", "（選んでください）"]], col: "col-md-6" });
  const form = h("form", { class: "card card-body mb-4", id: "import-form", novalidate: true },
    h("div", { class: "row" },
      field("kind", "名簿の種類", { type: "select", options: KINDS, value: state.kind || "members", col: "col-md-6" }),
      networkField),
    h("div", { class: "row", id: "sync-fields" },
      field("sync", "前回の名簿にあって今回ない会員を退会扱いにする（同期）", { type: "checkbox", col: "col-md-6" }),
      field("sourceList", "名簿の名前（前回と同じ名前で比べます）", { col: "col-md-6", attrs: { list: "source-lists" },
        help: "空ならファイル名。年度でファイル名が変わるときは、前回の名前を選んでください。" }),
      h("datalist", { id: "source-lists" })),
    field("file", "ファイル", { type: "file", required: true, attrs: { accept: ".csv,.txt,.tsv,.xlsx,text/csv" },
      help: "1行目〜数行目の表題や空行、列の並びは自動で読み取ります。" }),
    h("div", {}, h("button", { type: "submit", class: "btn btn-primary" }, "確認する（まだ取り込みません）")));
  const result = h("div", { id: "result", "aria-live": "polite" });
  ctx.main.append(form, result);
  const select = networkField.querySelector("select");
  (await networks()).forEach(([n, t]) => select.append(h("option", { value: n }, t)));
  select.value = state.network || "";
  const syncFields = form.querySelector("#sync-fields");
  const toggle = () => {
    networkField.hidden = syncFields.hidden = value(form, "kind") !== "members";
  };
  form.elements.kind.addEventListener("change", toggle);
  toggle();
  // The names earlier lists of the network were imported under, newest first.
  const offerSourceLists = async () => {
    const lists = await sourceListsOf(select.value).catch(() => []);
    clear(form.querySelector("#source-lists"), lists.map((l) => h("option", { value: l })));
  };
  select.addEventListener("change", offerSourceLists);
  offerSourceLists();

  let upload = null;  // {kind, network, sync, sourceList, fileName, content (base64)}

  // ImportService.ImportFile: the whole file, read and resolved by the server.
  async function send(dryRun, decisions = [], skipInvalid = false, confirmLargeSync = false) {
    const header = { kind: KIND_ENUM[upload.kind], dryRun, decisions };
    if (upload.kind === "members") {
      Object.assign(header, { network: upload.network, sync: upload.sync, confirmLargeSync });
      if (upload.sourceList) header.sourceList = upload.sourceList;
    }
    return api.post("/v1/imports:file", { header, fileName: upload.fileName, content: upload.content, skipInvalid });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(form, async () => {
      const file = form.elements.file.files[0];
      const kind = value(form, "kind");
      const network = value(form, "network");
      setParams({ kind, network });
      const violations = [];
      if (!file) violations.push({ field: "file", description: "ファイルを選んでください。" });
      if (kind === "members" && !network) violations.push({ field: "network", description: "ネットワークを選んでください。" });
      if (violations.length) {
        showError(form, new api.ApiError(400, { error: { status: "INVALID_ARGUMENT", details: [
          { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: violations }] } }));
        return;
      }
      upload = { kind, network, sync: value(form, "sync"), sourceList: value(form, "sourceList"),
        fileName: file.name, content: await readBase64(file) };
      clear(result, spinner("ファイルを読み、照合しています…"));
      try {
        const answer = await send(true);
        clearErrors(form);
        await showDryRun(answer);
      } catch (e) {
        clear(result);
        showError(form, e, { prefix: "" });
      }
    });
  });

  async function showDryRun(answer) {
    // rows: [{line, row: ImportRow}] — the file line beside what was read.
    const rowsByNumber = new Map((answer.rows || []).map((r) => [Number(r.row.row), { ...r.row, line: r.line }]));
    const outcomes = answer.outcomes || [];
    const problems = answer.problems || [];
    const invalid = problems.filter((p) => !p.warning);
    const warnings = problems.filter((p) => p.warning);
    const ambiguous = outcomes.filter((o) => o.action === "IMPORT_ACTION_AMBIGUOUS");
    const parts = [h("h2", { class: "h5" }, "確認の結果（まだ何も書き込んでいません）"),
      answer.layout ? h("p", { class: "small text-muted", id: "layout" }, `ファイルの読み方: ${answer.layout}`) : null,
      summaryLine(answer.summary)];
    if (invalid.length) {
      parts.push(alertBox("danger", h("strong", {}, `${invalid.length}か所に誤りがあります。`),
        " ファイルを直してもう一度確認するか、誤りのある行を除いて取り込んでください。"),
      problemTable(invalid, "invalid"));
    }
    if (warnings.length) {
      parts.push(alertBox("warning", "次のセルは読めない値のため空として扱います（取り込みは続けられます）。"),
        problemTable(warnings, "warnings"));
    }
    const decisionsBox = h("div", { id: "decisions" });
    if (ambiguous.length) {
      parts.push(section(`判断が必要な行（${ambiguous.length}行）`, h("p", { class: "small" },
        "名簿の行と、データベースにある候補を並べました。違う値は黄色です。同じ企業なら候補を、別の企業なら「新しい企業として登録」を選んでください。"),
      decisionsBox));
      for (const [i, outcome] of ambiguous.entries()) {
        decisionsBox.append(await ambiguousCard(outcome, rowsByNumber.get(Number(outcome.row)), i));
      }
    }
    const outcomeRows = outcomes.map((o) => ({ ...o, file: rowsByNumber.get(Number(o.row)) }));
    parts.push(section("行ごとの結果", h("div", { class: "mb-2" }, csvButton("取込の確認結果.csv", [
      ["行", (o) => (o.file && o.file.line) || o.row], ["名簿の名称", (o) => o.file && o.file.organization && o.file.organization.displayName],
      ["結果", (o) => L.label(L.IMPORT_ACTION, o.action)], ["記録", (o) => o.name], ["根拠", (o) => o.evidence],
      ["変わる項目", (o) => o.changedFields], ["理由", (o) => o.message],
    ], async () => outcomeRows)), table([
      { label: "行", value: (o) => String((o.file && o.file.line) || o.row) },
      { label: "名簿の名称", value: (o) => (o.file && o.file.organization ? o.file.organization.displayName : "") },
      { label: "結果", value: (o) => badge(L.label(L.IMPORT_ACTION, o.action), ACTION_STYLE[o.action] || "light") },
      { label: "データベースの記録", value: (o) => recordCell(o.name) },
      { label: "根拠・理由", value: (o) => h("span", { class: "small" }, o.message || o.evidence || "",
        (o.changedFields || []).length ? h("div", { class: "text-muted" }, `変わる項目: ${o.changedFields.join("、")}`) : null) },
    ], outcomeRows)));
    parts.push(syncPart(answer.summary, false));
    const held = (answer.summary && answer.summary.membershipsNotEnded) || [];
    const confirmLarge = held.length ? field("confirmLargeSync",
      `名簿にない${held.length}社も退会扱いにする（会員の3分の1を超えます。名簿が全員分であることを確かめてください）`,
      { type: "checkbox" }) : null;
    const apply = h("button", { type: "button", class: "btn btn-success", id: "apply" },
      invalid.length ? "誤りのある行を除いて取り込む" : "この内容で取り込む");
    const applyBox = h("div", { class: "card card-body mb-4", id: "apply-box" }, confirmLarge, apply);
    parts.push(applyBox);
    clear(result, parts);
    apply.addEventListener("click", () => busy(applyBox, async () => {
      const decisions = [];
      let undecided = 0;
      for (const card of decisionsBox.querySelectorAll(".ambiguous")) {
        const chosen = card.querySelector("input[type=radio]:checked");
        const row = Number(card.dataset.row);
        if (!chosen) {
          undecided++;
          continue;
        }
        if (chosen.value === "create") decisions.push({ row, create: true });
        else if (chosen.value === "skip") decisions.push({ row, skip: true });
        else decisions.push({ row, link: chosen.value.slice(5) });
      }
      if (undecided && !confirm(`判断していない行が${undecided}行あります。その行は取り込まずに進めますか？`)) return;
      try {
        const confirmed = !!confirmLarge && confirmLarge.querySelector("input").checked;
        const answer = await send(false, decisions, invalid.length > 0, confirmed);
        showApplied(answer);
      } catch (e) {
        showMessage(applyBox, "danger", messageOf(e));
      }
    }));
  }

  function showApplied(answer) {
    const outcomes = answer.outcomes || [];
    clear(result, alertBox("success", h("strong", {}, "取り込みました。")), summaryLine(answer.summary),
      table([
        { label: "行", value: (o) => String(o.row) },
        { label: "結果", value: (o) => badge(L.label(L.IMPORT_ACTION, o.action), ACTION_STYLE[o.action] || "light") },
        { label: "記録", value: (o) => recordCell(o.name) },
        { label: "根拠・理由", value: (o) => h("span", { class: "small" }, o.message || o.evidence || "") },
      ], outcomes),
      syncPart(answer.summary, true),
      upload.network ? h("p", {}, h("a", { href: `/network.html?id=${upload.network.split("/")[1]}` }, "ネットワークの会員を見る")) : null);
    result.id = "result";
    result.dataset.applied = "true";
  }
});

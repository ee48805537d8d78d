#!/usr/bin/python3
"""The pages in a real browser: Debian's chromium driven by python3-selenium
(chromedriver from PATH, no download), against a real renkei-server started
with the demo data and the pages of web/.

What a coordinator and a company do, end to end:
- the phone call: a problem typed in, a company chosen by completion (keys
  only), suggestions with reasons and marked words, one marked useful, the
  problem saved as a need, the company's page listing the need with it;
- a mark changed and withdrawn;
- a company user registers a need and cannot open another company's
  coordinators-only need, by page or by JSON;
- a member list synced: members the previous list had and this one has not
  are named, and ended only when the user confirms (more than a third);
- a member list uploaded (POST /v1/imports:file), its ambiguous row decided
  in the page;
- two tabs editing one organization: the second save is refused with an
  explanation and its text kept, then saved over the other's change;
- the indicators page draws its charts from GetIndicators; a CSV download is
  UTF-8 with a BOM and holds every record of the list;
- forms: every input labelled, keyboard use, the server's errors next to the
  field they concern, nothing written;
- a signed-out visit goes to the login page and back to the page asked for.
Assertions are on the DOM and on the store (the JSON API with the first
administrator's token), never on pixels. A screenshot of each page is saved
under --screenshots (docs/web/*.png come from here).

Run: /usr/bin/python3 browser_test.py --server PATH --web_dir web/ --screenshots DIR
"""

import argparse
import base64
import csv
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ARGS = None
WAIT = 20  # seconds for anything the page does

PROBLEM = "金属部品の表面に細かい傷がつく、検査を自動化したい"


class Server:
    """renkei-server with the demo data, HTTP on a free port, the pages of --web_dir."""

    def __init__(self, data_dir):
        self.data_dir = data_dir
        self.process = subprocess.Popen(
            [ARGS.server, "--demo", "--data_dir", data_dir, "--listen", "127.0.0.1:0",
             "--http", "127.0.0.1:0", "--web_dir", ARGS.web_dir],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
        self.http_port = None
        for line in self.process.stderr:
            match = re.search(r"HTTP on http://[0-9.]+:([0-9]+)/", line)
            if match:
                self.http_port = int(match.group(1))
                break
        if not self.http_port:
            self.process.kill()
            raise RuntimeError("renkei-server did not start")
        with open(os.path.join(data_dir, "admin.token"), encoding="ascii") as f:
            self.token = f.read().strip()
        self.base = f"http://127.0.0.1:{self.http_port}"

    def call(self, method, path, body=None, params=None):
        """The JSON API as the administrator: (status, JSON)."""
        url = self.base + path + ("?" + urllib.parse.urlencode(params, doseq=True) if params else "")
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(url, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as e:
            text = e.read()
            try:
                return e.code, json.loads(text or b"{}")
            except ValueError:
                return e.code, {"raw": text.decode(errors="replace")}

    def get(self, path, **params):
        status, answer = self.call("GET", path, params=params or None)
        if status != 200:
            raise AssertionError(f"GET {path}: {status} {answer}")
        return answer

    def list_all(self, path, key, **params):
        items, token = [], ""
        while True:
            answer = self.get(path, pageSize=1000, pageToken=token, **params)
            items += answer.get(key, [])
            token = answer.get("nextPageToken", "")
            if not token:
                return items

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.stderr.read()
        self.process.stderr.close()
        return self.process.wait(timeout=30)


def start_browser(profile, downloads):
    options = Options()
    options.binary_location = ARGS.chromium
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--lang=ja-JP", "--window-size=1280,1000",
                     f"--user-data-dir={profile}"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "intl.accept_languages": "ja-JP,ja",
    })
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(ARGS.chromedriver), options=options)
    # Headless Chromium saves downloads only when told where.
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="renkei-browser-")
        cls.downloads = os.path.join(cls.tmp, "downloads")
        os.makedirs(cls.downloads)
        os.makedirs(ARGS.screenshots, exist_ok=True)
        cls.server = Server(os.path.join(cls.tmp, "data"))
        try:
            cls.driver = start_browser(os.path.join(cls.tmp, "profile"), cls.downloads)
        except Exception:
            cls.server.stop()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        exit_code = cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)
        assert exit_code == 0, f"renkei-server exited with {exit_code}"

    def setUp(self):
        self.d = self.driver
        self.d.switch_to.window(self.d.window_handles[0])
        self.d.delete_all_cookies()

    def tearDown(self):
        # Script errors of the pages fail the test that caused them.
        errors = [e["message"] for e in self.d.get_log("browser")
                  if e["level"] == "SEVERE" and "Failed to load resource" not in e["message"]]
        for handle in self.d.window_handles[1:]:
            self.d.switch_to.window(handle)
            self.d.close()
        self.d.switch_to.window(self.d.window_handles[0])
        self.assertEqual(errors, [], "errors in the browser's console")

    # ---------------------------------------------------------------- helpers

    def url(self, path):
        return self.server.base + path

    def wait(self, condition, timeout=WAIT, message=""):
        try:
            return WebDriverWait(self.d, timeout).until(condition, message)
        except TimeoutException:
            # What the page showed and logged, to tell a slow page from a broken one.
            shown = self.d.execute_script("return document.body ? document.body.innerText : ''")
            logged = [e["message"] for e in self.d.get_log("browser")][-5:]
            raise AssertionError(f"{message} (after {timeout} s) on {self.d.current_url}\n"
                                 f"page: {shown[-1500:]}\nconsole: {logged}") from None

    def find(self, selector, timeout=WAIT):
        return self.wait(lambda d: d.find_element(By.CSS_SELECTOR, selector), timeout,
                         f"no element {selector} on {self.d.current_url}")

    def finds(self, selector):
        return self.d.find_elements(By.CSS_SELECTOR, selector)

    def visible(self, selector, timeout=WAIT):
        def shown(d):
            found = [e for e in d.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]
            return found[0] if found else False
        return self.wait(shown, timeout, f"{selector} not shown on {self.d.current_url}")

    def ready(self):
        """Waits until the page's frame has run its content."""
        self.wait(lambda d: d.execute_script("return document.body.dataset.ready === 'true'"),
                  message=f"{self.d.current_url} did not finish")

    def open(self, path):
        self.d.get(self.url(path))
        self.ready()

    def login(self, user, path="/"):
        """Signs in from the login page with the keyboard only, then opens `path`."""
        self.d.get(self.url("/login.html?next=" + urllib.parse.quote(path)))
        username = self.find("input[name=username]")
        self.wait(lambda d: d.switch_to.active_element == username, message="user name not focused")
        username.send_keys(user, Keys.TAB)
        self.d.switch_to.active_element.send_keys(f"{user}-demo", Keys.ENTER)
        self.wait(lambda d: urllib.parse.urlparse(d.current_url).path == urllib.parse.urlparse(path).path,
                  message=f"login as {user} did not lead to {path}")
        self.ready()

    def click(self, element):
        """Clicks `element` after scrolling it to the middle of the window
        (at once: Bootstrap makes scrolling smooth, and a click during the
        animation lands elsewhere)."""
        self.d.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
        element.click()

    def screenshot(self, name):
        """The whole page, as docs/web/NAME.png shows it: the viewport made as
        tall as the page for the picture, then given back."""
        height = self.d.execute_script(
            "window.scrollTo(0, 0); return document.documentElement.scrollHeight")
        self.d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": 1280, "height": min(height, 2400), "deviceScaleFactor": 1, "mobile": False})
        try:
            shot = self.d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
        finally:
            self.d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        with open(os.path.join(ARGS.screenshots, f"{name}.png"), "wb") as f:
            f.write(base64.b64decode(shot["data"]))

    def fetch_json(self, method, path):
        """A JSON call made by the page's own session (cookie + CSRF): (status, body)."""
        return self.d.execute_async_script("""
            const [method, path, done] = arguments;
            fetch(path, {method, credentials: "same-origin"})
              .then(async (r) => done([r.status, await r.text()]), (e) => done([0, String(e)]));
        """, method, path)

    def choose_organization(self, picker_input, typed, wanted):
        """Types into a completion box and picks `wanted` with the arrow keys and Enter."""
        picker_input.clear()
        picker_input.send_keys(typed)
        listbox = self.d.find_element(By.ID, picker_input.get_attribute("aria-controls"))
        self.wait(lambda d: listbox.is_displayed() and wanted in listbox.text,
                  message=f"{wanted} not offered for {typed}")
        options = listbox.find_elements(By.CSS_SELECTOR, "[role=option]")
        index = [o.text.startswith(wanted) for o in options].index(True)
        for _ in range(index):
            picker_input.send_keys(Keys.ARROW_DOWN)
        picker_input.send_keys(Keys.ENTER)
        self.wait(lambda d: picker_input.get_attribute("data-value"), message="nothing chosen")
        return picker_input.get_attribute("data-value")

    # ---------------------------------------------------------------- tests

    def test_consult_end_to_end(self):
        self.login("coordinator", "/consult.html")
        self.find("#consult-form textarea[name=text]").send_keys(PROBLEM)
        company = self.find("#consult-form input[role=combobox]")
        chosen = self.choose_organization(company, "いわい", "株式会社磐井化成")
        self.assertEqual(chosen, "organizations/12")
        self.click(self.find("#consult-form button[type=submit]"))

        cards = self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#results .suggestion"),
                          message="no suggestions")
        self.assertGreaterEqual(len(cards), 3)
        first = cards[0]
        seed = first.get_attribute("data-seed")
        self.assertRegex(seed, r"^seeds/\d+$")
        # The reason, the matched words marked, the score's parts in Japanese,
        # the thesaurus words used, names linked (never ids).
        reason = first.find_element(By.CSS_SELECTOR, ".reason")
        self.assertIn("一致", reason.text)
        self.assertTrue(reason.find_elements(By.TAG_NAME, "mark"))
        self.assertIn("言い換え", self.find("#thesaurus").text)
        self.click(first.find_element(By.TAG_NAME, "summary"))
        self.assertIn("本文の一致", first.find_element(By.CSS_SELECTOR, ".signals").text)
        title = first.find_element(By.CSS_SELECTOR, "h3 a")
        self.assertEqual(title.text, self.server.get(f"/v1/{seed}")["title"])
        self.assertNotIn("seeds/", first.text)
        self.assertNotIn("organizations/", first.text)
        self.assertEqual(urllib.parse.parse_qs(urllib.parse.urlparse(self.d.current_url).query)["company"],
                         ["organizations/12"])

        # One click marks it useful; the store has it.
        self.click(first.find_element(By.CSS_SELECTOR, "button[data-label=FEEDBACK_LABEL_USEFUL]"))
        self.wait(lambda d: first.find_element(By.CSS_SELECTOR, ".mark").get_attribute("data-label")
                  == "FEEDBACK_LABEL_USEFUL", message="mark not shown")
        marks = [f for f in self.server.list_all("/v1/feedback", "feedback", suggestion=seed)
                 if f.get("queryText") == PROBLEM]
        self.assertEqual([f["label"] for f in marks], ["FEEDBACK_LABEL_USEFUL"])
        self.screenshot("consult")

        # Saved as a need of the company.
        save = self.find("#save-need-form")
        title_input = save.find_element(By.NAME, "title")
        title_input.clear()
        title_input.send_keys("金属部品の細かい傷の検査を自動化したい")
        self.click(save.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        self.wait(lambda d: "保存しました" in d.find_element(By.ID, "save-need").text, message="need not saved")
        needs = [n for n in self.server.list_all("/v1/needs", "needs", company="organizations/12")
                 if n["title"] == "金属部品の細かい傷の検査を自動化したい"]
        self.assertEqual(len(needs), 1)
        need = needs[0]
        self.assertEqual(need["body"], PROBLEM)
        self.assertEqual(need.get("visibility"), "VISIBILITY_COORDINATORS")
        need_marks = self.server.list_all("/v1/feedback", "feedback", need=need["name"])
        self.assertIn((seed, "FEEDBACK_LABEL_USEFUL"), [(f["suggestion"], f["label"]) for f in need_marks])
        self.assertIn("need=" + need["name"].split("/")[1], self.d.current_url)

        # The company's page lists the need with that suggestion and its mark.
        self.open("/organization.html?id=12")
        item = self.find(f'.need-item[data-name="{need["name"]}"]')
        line = self.wait(lambda d: item.find_elements(By.CSS_SELECTOR, f'li[data-seed="{seed}"]'),
                         message="the suggestion is not listed with the need")[0]
        self.assertIn("役に立つ", line.text)
        self.assertIn(self.server.get(f"/v1/{seed}")["title"], line.text)
        self.wait(lambda d: "読み込み中" not in d.find_element(By.ID, "main").text)
        self.screenshot("organization")

    def test_mark_changed_and_withdrawn(self):
        text = "めっき排水のニッケルを減らしたい"
        self.login("coordinator", "/consult.html?text=" + urllib.parse.quote(text))
        card = self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#results .suggestion"))[0]
        seed = card.get_attribute("data-seed")
        mark = card.find_element(By.CSS_SELECTOR, ".mark")

        def stored():
            return [f["label"] for f in self.server.list_all("/v1/feedback", "feedback", suggestion=seed)
                    if f.get("queryText") == text and not f.get("need")]

        self.click(card.find_element(By.CSS_SELECTOR, "button[data-label=FEEDBACK_LABEL_USEFUL]"))
        self.wait(lambda d: mark.get_attribute("data-label") == "FEEDBACK_LABEL_USEFUL")
        self.click(card.find_element(By.CSS_SELECTOR, "button[data-label=FEEDBACK_LABEL_CONTACTED]"))
        self.wait(lambda d: mark.get_attribute("data-label") == "FEEDBACK_LABEL_CONTACTED")
        self.assertEqual(stored(), ["FEEDBACK_LABEL_CONTACTED"])
        self.click(card.find_element(By.CSS_SELECTOR, "button[data-label=FEEDBACK_LABEL_CONTACTED]"))
        self.wait(lambda d: mark.get_attribute("data-label") == "")
        self.assertEqual(stored(), [])
        # After a reload the page shows what the store holds.
        self.d.refresh()
        self.ready()
        card = self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, f'#results .suggestion[data-seed="{seed}"]'))[0]
        self.assertEqual(card.find_element(By.CSS_SELECTOR, ".mark").get_attribute("data-label"), "")

    def test_company_registers_need_and_cannot_open_another_companys(self):
        self.login("iwai-kasei", "/")
        nav = self.find("nav").text
        self.assertIn("自社のページ", nav)
        self.assertNotIn("取込", nav)   # no import permission
        self.assertNotIn("指標", nav)   # no indicators permission
        self.open("/need.html?new=1")
        form = self.find("#need-create")
        self.assertIn("株式会社磐井化成", form.text)
        self.assertFalse(form.find_elements(By.CSS_SELECTOR, "input[role=combobox][name=company]"))
        form.find_element(By.NAME, "title").send_keys("成形品のショートショットを自動で見つけたい")
        form.find_element(By.NAME, "body").send_keys("射出成形の充填不足を全数で見分けたい。")
        self.screenshot("need-new")
        self.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        self.wait(lambda d: "created=1" in d.current_url, message="the need was not registered")
        self.ready()
        need_id = urllib.parse.parse_qs(urllib.parse.urlparse(self.d.current_url).query)["id"][0]
        need = self.server.get(f"/v1/needs/{need_id}")
        self.assertEqual(need["company"], "organizations/12")
        self.assertEqual(need["title"], "成形品のショートショットを自動で見つけたい")
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions .suggestion"),
                  message="no suggestions for the company's own need")
        # No marks for a company: it may not record feedback.
        self.assertFalse(self.finds("#suggestions .mark"))
        self.screenshot("need")

        # needs/2 is 須川電子's coordinators-only need.
        self.assertEqual(self.server.get("/v1/needs/2")["visibility"], "VISIBILITY_COORDINATORS")
        self.open("/need.html?id=2")
        refusal = self.find("#main .alert-danger")
        self.assertIn("権限がありません", refusal.text)
        self.assertNotIn(self.server.get("/v1/needs/2")["title"], self.find("#main").text)
        status, body = self.fetch_json("GET", "/v1/needs/2")
        self.assertEqual(status, 403)
        self.assertEqual(json.loads(body)["error"]["status"], "PERMISSION_DENIED")
        self.open("/needs.html?all=1")
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#results table, #results p"))
        self.assertFalse(self.finds('#results a[href="/need.html?id=2"]'))
        self.assertTrue(self.finds(f'#results a[href="/need.html?id={need_id}"]'))

    def test_import_with_an_ambiguous_row_decided_in_the_page(self):
        # A list of three: two held companies as the list writes them, and
        # 赤荻プレス with a Sendai address and another phone (ambiguous).
        path = os.path.join(self.tmp, "両磐_追加名簿.csv")
        with open(path, "w", encoding="cp932", newline="") as f:
            f.write("会員番号,事業所名,フリガナ,所在地,電話番号,代表者\r\n")
            f.write("101,(株)磐井化成,ｲﾜｲｶｾｲ,岩手県一関市赤荻字笹谷331,0191-23-4581,千葉 正和\r\n")
            f.write("102,株式会社赤荻プレス,,宮城県仙台市青葉区1,022-111-1111,\r\n")
        before = {m["organization"] for m in self.server.list_all("/v1/networks/2/memberships", "memberships")}
        self.assertNotIn("organizations/22", before)
        self.login("coordinator", "/import.html?kind=members&network=networks/2")
        form = self.find("#import-form")
        self.wait(lambda d: form.find_element(By.NAME, "network").get_attribute("value") == "networks/2")
        form.find_element(By.NAME, "file").send_keys(path)
        self.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        card = self.find("#decisions .ambiguous")
        self.assertIn("株式会社赤荻プレス", card.text)
        self.assertIn("宮城県仙台市青葉区1", card.text)          # the row
        self.assertIn("株式会社赤荻プレス工業", card.text)        # the candidate, by name
        self.assertIn("赤荻字堺150", card.text)                  # the candidate's address
        self.assertIn("0191-23-1522", card.text)                 # and phone
        self.screenshot("import")
        # Nothing written by the dry run.
        after_dry_run = {m["organization"] for m in self.server.list_all("/v1/networks/2/memberships", "memberships")}
        self.assertEqual(after_dry_run, before)
        self.click(card.find_element(By.CSS_SELECTOR, 'input[value="link:organizations/22"]'))
        self.click(self.find("#apply"))
        self.wait(lambda d: d.find_element(By.ID, "result").get_attribute("data-applied") == "true",
                  message="the import was not applied")
        after = {m["organization"] for m in self.server.list_all("/v1/networks/2/memberships", "memberships")}
        self.assertIn("organizations/22", after)
        self.screenshot("import-applied")

    def test_import_sync_ends_members_left_out_only_when_confirmed(self):
        # Last year's list of a new network (three members, imported through
        # the API under the name 同期テスト会名簿), then this year's file, of
        # another name, with one of them: two of three would end, more than a
        # third, so the page asks before ending them.
        status, network = self.server.call("POST", "/v1/networks", {"displayName": "同期テスト会"})
        self.assertEqual(status, 200, network)
        header = "会員名,法人番号,電話番号\r\n"
        rows = {12: "株式会社磐井化成,2990001001391,0191-23-4581\r\n",
                13: "須川電子工業株式会社,2990001001482,0191-24-3300\r\n",
                14: "株式会社厳美精密,2990001001573,0191-29-2215\r\n"}
        last_year = (header + "".join(rows.values())).encode("utf-8")
        status, answer = self.server.call("POST", "/v1/imports:file", {
            "header": {"kind": "IMPORT_KIND_MEMBERS", "network": network["name"], "sourceList": "同期テスト会名簿"},
            "fileName": "同期テスト会名簿_2026.csv", "content": base64.b64encode(last_year).decode()})
        self.assertEqual(status, 200, answer)
        members = lambda: {m["organization"]: m.get("until") for m in
                           self.server.list_all(f"/v1/{network['name']}/memberships", "memberships")}
        self.assertEqual(set(members()), {f"organizations/{i}" for i in rows})
        path = os.path.join(self.tmp, "同期テスト会名簿_2027.csv")
        with open(path, "w", encoding="cp932", newline="") as f:
            f.write(header + rows[12])
        self.login("coordinator", f"/import.html?kind=members&network={network['name']}")
        form = self.find("#import-form")
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, '#source-lists option[value="同期テスト会名簿"]'),
                  message="the network's earlier list name is not offered")
        self.click(form.find_element(By.NAME, "sync"))
        form.find_element(By.NAME, "sourceList").send_keys("同期テスト会名簿")
        form.find_element(By.NAME, "file").send_keys(path)
        self.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        held = self.find("#sync-held")
        self.wait(lambda d: "須川電子工業株式会社" in held.text and "株式会社厳美精密" in held.text,
                  message="the members left out are not named")
        self.assertEqual(self.d.find_elements(By.ID, "sync-ended"), [])
        self.assertTrue(all(until is None for until in members().values()))  # the dry run wrote nothing
        # Applied without the confirmation: nothing ends.
        self.click(self.find("#apply"))
        self.wait(lambda d: d.find_element(By.ID, "result").get_attribute("data-applied") == "true",
                  message="the import was not applied")
        self.assertTrue(all(until is None for until in members().values()))
        # Again, confirmed: the two end, the one listed stays.
        self.open(f"/import.html?kind=members&network={network['name']}")
        form = self.find("#import-form")
        self.click(form.find_element(By.NAME, "sync"))
        form.find_element(By.NAME, "sourceList").send_keys("同期テスト会名簿")
        form.find_element(By.NAME, "file").send_keys(path)
        self.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        self.find("#sync-held")
        self.click(self.find("input[name=confirmLargeSync]"))
        self.click(self.find("#apply"))
        self.wait(lambda d: d.find_element(By.ID, "result").get_attribute("data-applied") == "true",
                  message="the confirmed import was not applied")
        ended = self.find("#sync-ended")
        self.wait(lambda d: "須川電子工業株式会社" in ended.text, message="the ended members are not named")
        after = members()
        self.assertIsNone(after["organizations/12"])
        self.assertIsNotNone(after["organizations/13"])
        self.assertIsNotNone(after["organizations/14"])

    def test_two_tabs_editing_one_organization(self):
        org = "organizations/20"
        held = self.server.get(f"/v1/{org}")
        self.login("coordinator", "/organization.html?id=20&edit=1")
        first_tab = self.d.current_window_handle
        self.d.switch_to.new_window("tab")
        self.open("/organization.html?id=20&edit=1")
        # The second tab saves first: employees.
        employees = self.find("#organization-edit input[name=employees]")
        employees.clear()
        employees.send_keys("77")
        self.click(self.find("#organization-edit button[type=submit]"))
        self.wait(lambda d: "保存しました" in d.find_element(By.ID, "notice").text)
        self.assertEqual(self.server.get(f"/v1/{org}")["employees"], 77)

        # The first tab, opened before that save, changes the description.
        self.d.switch_to.window(first_tab)
        text = "最初のタブで書いた紹介文です。消えてはいけません。"
        description = self.find("#organization-edit textarea[name=description]")
        description.clear()
        description.send_keys(text)
        self.click(self.find("#organization-edit button[type=submit]"))
        conflict = self.visible("#conflict")
        self.assertIn("他の人が先にこの記録を保存しました", conflict.text)
        self.assertIn("あなたの入力はこのフォームにそのまま残っています", conflict.text)
        self.assertIn("従業員数", conflict.text)      # their change, beside
        self.assertIn("77", conflict.text)
        self.assertIn("紹介文", conflict.text)        # the user's
        self.assertEqual(self.find("#organization-edit textarea[name=description]").get_attribute("value"), text)
        stored = self.server.get(f"/v1/{org}")
        self.assertEqual(stored.get("description", ""), held.get("description", ""))
        self.screenshot("organization-conflict")

        # Saving only what this tab changed keeps the other tab's change.
        self.click(self.find("#conflict-overwrite"))
        self.wait(lambda d: "保存しました" in d.find_element(By.ID, "notice").text)
        stored = self.server.get(f"/v1/{org}")
        self.assertEqual(stored["description"], text)
        self.assertEqual(stored["employees"], 77)

    def test_indicators_draw_charts_and_csv_downloads(self):
        self.login("coordinator", "/indicators.html?year=2024")
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "canvas[data-drawn=true]")) >= 5,
                  message="charts not drawn")
        drawn = self.d.execute_script("""
            const chart = Chart.getChart("chart-sdgs");
            return chart.data.datasets[0].data;""")
        labels = self.d.execute_script('return Chart.getChart("chart-sdgs").data.labels')
        year_index = labels.index("2024年度")
        self.assertEqual(drawn[year_index], int(self.server.get("/v1/indicators", fiscalYear=2024).get("sdgsCompanies", 0)))
        # A figure links to the records behind it.
        link = self.find('#figures a[href^="/collaborations.html?year=2024&type=COLLABORATION_TYPE_JOINT_RESEARCH"]')
        expected = self.server.list_all("/v1/collaborations", "collaborations", fiscalYear=2024,
                                        type="COLLABORATION_TYPE_JOINT_RESEARCH")
        self.assertEqual(link.text, f"{len(expected)}件")
        self.screenshot("indicators")
        self.click(link)
        self.ready()
        self.wait(lambda d: "件（延べ" in d.find_element(By.ID, "results").text)
        self.assertEqual(len(self.finds("#results tbody tr")), len(expected))
        self.screenshot("collaborations")

        # Every organization of 一関 district, as Excel reads it.
        self.open("/search.html?in=organizations&district=" + urllib.parse.quote("一関"))
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#result-list .list-group-item"))
        for name in os.listdir(self.downloads):
            os.remove(os.path.join(self.downloads, name))
        self.click(self.find("#results button.btn-outline-secondary"))

        def downloaded(_):
            files = [f for f in os.listdir(self.downloads) if f.endswith(".csv")]
            return files[0] if files else False
        name = WebDriverWait(self.d, WAIT).until(downloaded, "no CSV downloaded")
        with open(os.path.join(self.downloads, name), "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"), "no BOM")
        rows = list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline="")))
        self.assertEqual(rows[0][:3], ["名称", "読み", "種別"])
        expected = self.server.list_all("/v1/organizations", "organizations", district="一関")
        self.assertGreater(len(expected), 20)  # more than one page of the page's list
        self.assertEqual(sorted(r[0] for r in rows[1:]), sorted(o["displayName"] for o in expected))
        self.assertIn(b"\r\n", data)

    def test_forms_labels_keyboard_and_errors_next_to_fields(self):
        self.login("coordinator", "/organization.html?id=13&edit=1")
        unlabelled = self.d.execute_script("""
            return Array.from(document.querySelectorAll("main input, main select, main textarea"))
              .filter((e) => e.type !== "hidden")
              .filter((e) => !(e.id && document.querySelector(`label[for="${CSS.escape(e.id)}"]`))
                          && !e.getAttribute("aria-label") && !e.closest("label"))
              .map((e) => e.name || e.outerHTML.slice(0, 80));""")
        self.assertEqual(unlabelled, [])
        held = self.server.get("/v1/organizations/13")
        # The server refuses a bad 法人番号 and an empty name: each error under its field.
        number = self.find("#organization-edit input[name=corporateNumber]")
        number.clear()
        number.send_keys("123")
        name = self.find("#organization-edit input[name=displayName]")
        name.clear()
        number.send_keys(Keys.ENTER)  # submits from the keyboard
        error = self.visible("#organization-edit .field-error")
        errors = {e.get_attribute("id"): e.text for e in self.finds("#organization-edit .field-error")}
        self.assertEqual(len(errors), 2, errors)
        number_error = self.d.execute_script("return arguments[0].nextElementSibling", number)
        self.assertIn("法人番号は13桁", number_error.text)
        self.assertEqual(number.get_attribute("aria-invalid"), "true")
        self.assertIn(number_error.get_attribute("id"), number.get_attribute("aria-describedby"))
        name_error = self.d.execute_script("return arguments[0].nextElementSibling", name)
        self.assertIn("入力してください", name_error.text)
        self.assertIn(self.d.switch_to.active_element, (name, number))
        self.assertEqual(self.server.get("/v1/organizations/13")["etag"], held["etag"])  # nothing written
        self.screenshot("organization-edit-errors")

        # A need without a title: the error under 件名, the company chosen by keys.
        self.open("/need.html?new=1")
        form = self.find("#need-create")
        self.choose_organization(form.find_element(By.CSS_SELECTOR, "input[role=combobox]"), "すかわ", "須川電子工業株式会社")
        count = len(self.server.list_all("/v1/needs", "needs"))
        self.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        title = form.find_element(By.NAME, "title")
        self.wait(lambda d: title.get_attribute("aria-invalid") == "true", message="no error on 件名")
        self.assertIn("入力してください", self.d.execute_script(
            "return arguments[0].parentElement.querySelector('.field-error').textContent", title))
        self.assertEqual(len(self.server.list_all("/v1/needs", "needs")), count)

    def test_signed_out_visit_returns_after_login(self):
        self.d.get(self.url("/network.html?id=2"))
        self.wait(lambda d: urllib.parse.urlparse(d.current_url).path == "/login.html")
        self.assertIn("next=%2Fnetwork.html%3Fid%3D2", self.d.current_url)
        self.screenshot("login")
        self.find("input[name=username]").send_keys("reader", Keys.TAB)
        self.d.switch_to.active_element.send_keys("wrong", Keys.ENTER)
        self.assertIn("ユーザー名またはパスワードが違います", self.visible("#login-form .alert-danger").text)
        password = self.find("input[name=password]")
        password.clear()
        password.send_keys("reader-demo", Keys.ENTER)
        self.wait(lambda d: urllib.parse.urlparse(d.current_url).path == "/network.html")
        self.ready()
        self.assertIn("id=2", self.d.current_url)
        self.assertIn("両磐インダストリアルプラザ", self.find("h1").text)
        # The session ends while a page is open (expired, or signed out in
        # another tab): its next call leads to the login page, then back.
        self.open("/search.html?in=people")
        self.d.delete_all_cookies()
        query = self.find("#search-form input[name=q]")
        query.send_keys("たかはし", Keys.ENTER)
        self.wait(lambda d: urllib.parse.urlparse(d.current_url).path == "/login.html")
        self.assertIn("next=%2Fsearch.html%3Fin%3Dpeople%26q%3D", self.d.current_url)
        self.find("input[name=username]").send_keys("reader", Keys.TAB)
        self.d.switch_to.active_element.send_keys("reader-demo", Keys.ENTER)
        self.wait(lambda d: urllib.parse.urlparse(d.current_url).path == "/search.html")
        self.ready()
        self.wait(lambda d: "高橋 涼" in d.find_element(By.ID, "results").text)

    def test_every_page_for_the_docs(self):
        """Each page once, for docs/web: it loads without an error and shows names, not ids."""
        self.login("coordinator", "/")
        self.screenshot("home")
        pages = [
            ("search", "/search.html?in=seeds&q=" + urllib.parse.quote("外観検査")),
            ("search-reading", "/search.html?in=organizations&q=" + urllib.parse.quote("あかおぎ")),
            ("seed", "/seed.html?id=17"),
            ("person", "/person.html?id=7"),
            ("needs", "/needs.html"),
            ("collaboration", "/collaboration.html?id=15"),
            ("networks", "/networks.html"),
            ("network", "/network.html?id=2"),
            ("indicators-detail", "/indicators.html?year=2024&detail=sdgs"),
        ]
        for name, path in pages:
            self.open(path)
            self.wait(lambda d: not d.find_elements(By.CSS_SELECTOR, "#main .spinner-border"),
                      message=f"{path} still loading")
            self.wait(lambda d: "…" not in "".join(a.text for a in d.find_elements(By.CSS_SELECTOR, "a.record-link")),
                      message=f"{path}: names still loading")
            text = self.find("#main").text
            self.assertIsNone(re.search(r"\b(organizations|seeds|needs|people|networks)/\d+", text),
                              f"{path} shows a bare id")
            self.assertFalse(self.finds("#main .alert-danger"), f"{path} shows an error")
            self.screenshot(name)
        # 赤荻 is found by its reading.
        self.open("/search.html?in=organizations&q=" + urllib.parse.quote("あかおぎ"))
        self.wait(lambda d: "株式会社赤荻プレス工業" in d.find_element(By.ID, "results").text)
        # The seed sheet prints on one page without the navigation.
        self.open("/seed.html?id=17")
        self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        try:
            self.assertFalse(self.find("nav").is_displayed())
            self.assertFalse(self.find("#print").is_displayed())
            pdf = self.d.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
            pages_printed = base64.b64decode(pdf["data"]).count(b"/Type /Page\n") or \
                len(re.findall(rb"/Type\s*/Page[^s]", base64.b64decode(pdf["data"])))
            self.assertEqual(pages_printed, 1, "the シーズシート does not fit one page")
            self.screenshot("seed-print")
        finally:
            self.d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def main():
    global ARGS
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--web_dir", required=True)
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == "__main__":
    main()

"""`rectlint serve` as a user starts it: a real server process on loopback, its logs and its
temporary folder searched for draft text, and the page driven in headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # a live server in its own process, and a browser: seconds each

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

import wordgen  # noqa: E402 - after the skip
from conftest import ROOT  # noqa: E402

MARK = "某某乡镇测试标记七七七"  # draft text that must never reach a log or a file


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, folder: Path, tmp: Path | None = None, args=()):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.tmp = tmp or Path(tempfile.mkdtemp(prefix="rl-"))  # short: the fork server's socket lives here
        self.log_path = folder / "server.log"
        self._log = open(self.log_path, "wb")
        env = {**os.environ, "TMPDIR": str(self.tmp), "RECTLINT_TOKEN": ""}
        self.process = subprocess.Popen([sys.executable, "-m", "rectlint", "serve", "--port", str(self.port), *args],
                                        stdout=self._log, stderr=subprocess.STDOUT, cwd=folder, env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.05)
        self.stop()
        pytest.fail("rectlint serve did not start:\n" + self.log())

    def post(self, path: str, body: bytes, content_type: str) -> tuple[int, bytes]:
        request = urllib.request.Request(self.url + path, body, {"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def log(self) -> str:
        return self.log_path.read_bytes().decode("utf-8", "replace")


@pytest.fixture
def server(tmp_path):
    s = Server(tmp_path)
    yield s
    if s.process.poll() is None:
        s.stop()


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = "rectlint-test-boundary"
    head = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode("utf-8")
    return head + data + f"\r\n--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_no_draft_text_reaches_the_logs_or_the_disk(server, tmp_path):
    draft = f"关于{MARK}整改情况的通报\n一、整改情况\n（一）{MARK}。2025年2月30日已完成。\n"
    name = f"{MARK}.txt"
    big = (draft * 12000).encode("utf-8")  # about 2 MB: past the size a form would spool to disk
    for data in (draft.encode("utf-8"), big, draft.encode("utf-8") + bytes(range(32)) * 64):
        status, _ = server.post("/v1/check", *_multipart(name, data))
        assert status in (200, 422)
        leftovers = [p for p in server.tmp.rglob("*") if p.is_file() and MARK.encode() in p.read_bytes()]
        assert leftovers == []
    body = ('{"text": "%s", "filename": "%s"}' % (draft.replace("\n", "\\n"), name)).encode("utf-8")
    assert server.post("/v1/check?format=html", body, "application/json")[0] == 200
    word = tmp_path / "w.docx"
    wordgen.build(word)
    assert server.post("/v1/annotate", *_multipart(name.replace(".txt", ".docx"), word.read_bytes()))[0] == 200
    server.stop()
    log = server.log()
    assert log.count("POST /v1/") == 5 and "rectlint.serve: check 200" in log
    assert MARK not in log and "2025年2月30日" not in log and "台账" not in log


def test_a_temporary_folder_too_long_for_a_socket_falls_back_to_spawned_processes(tmp_path):
    deep = tmp_path / ("d" * 120)
    deep.mkdir()
    server = Server(tmp_path, deep)
    try:
        status, body = server.post("/v1/check", '{"text": "2025年2月30日完成。"}'.encode(), "application/json")
        assert status == 200 and b"invalid-date" in body
    finally:
        server.stop()


# -- the page in a real browser -----------------------------------------------------------

def _browser():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not browser or not driver:
        pytest.skip("no chromium and chromedriver here (Debian packages chromium, chromium-driver; .ci/run installs them)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (the test extra has it)")
    return browser, driver, webdriver


def _chrome(tmp_path, downloads: Path):
    """Headless Chromium that downloads into `downloads` and keeps its console log."""
    browser, driver, webdriver = _browser()
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1400", "--lang=zh-CN"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium must not look for a driver to download
    return webdriver.Chrome(service=Service(driver), options=options)


def test_the_page_checks_a_word_draft_and_downloads_the_annotated_copy(server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    draft = tmp_path / "整改通报草稿.docx"
    wordgen.build(draft)
    shots = Path(os.environ.get("RECTLINT_SCREENSHOTS", tmp_path))
    chrome = _chrome(tmp_path, downloads)
    try:
        wait = WebDriverWait(chrome, 30)
        chrome.get(server.url + "/")
        assert "整改通报检查" in chrome.title
        chrome.save_screenshot(str(shots / "serve-page.png"))
        chrome.find_element(By.ID, "file").send_keys(str(draft))
        chrome.find_element(By.ID, "check").click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "检查完成"))
        wait.until(ready.visibility_of_element_located((By.ID, "download")))
        chrome.switch_to.frame(chrome.find_element(By.ID, "report"))
        marks = chrome.find_elements(By.CSS_SELECTOR, "mark")
        broken = [m for m in marks if "2026年4月31日" in m.text]
        assert broken, [m.text for m in marks]
        chrome.execute_script("arguments[0].scrollIntoView({block: 'center'})", broken[0])
        chrome.switch_to.default_content()
        chrome.save_screenshot(str(shots / "serve-report.png"))
        chrome.find_element(By.ID, "download").click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "批注稿已下载"))
        target = downloads / "整改通报草稿.rectlint.docx"
        WebDriverWait(chrome, 30).until(lambda _: target.exists() and target.stat().st_size > 0)
        chrome.save_screenshot(str(shots / "serve-downloaded.png"))
        with zipfile.ZipFile(target) as archive:
            comments = archive.read("word/comments.xml").decode("utf-8")
        assert "2026年4月31日" in comments or "4月31日" in comments
        logs = chrome.get_log("browser") if hasattr(chrome, "get_log") else []
        assert not [entry for entry in logs if entry.get("level") == "SEVERE"], logs
    finally:
        chrome.quit()
    assert ROOT.is_dir()


def test_the_page_scrolls_once_offers_repairs_that_need_review_and_the_repaired_text(server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    downloads = tmp_path / "downloads"
    downloads.mkdir()
    shots = Path(os.environ.get("RECTLINT_SCREENSHOTS", tmp_path))
    # A long text: a safe repair (the comma), one that needs review (台帐) and many findings below.
    text = "组织学习,提升水平。建立问题整改台帐。\n" + "".join(f"{n}.2025年2月30日召开第{n}次会议。\n" for n in range(1, 40))
    chrome = _chrome(tmp_path, downloads)
    try:
        wait = WebDriverWait(chrome, 30)
        chrome.get(server.url + "/")
        chrome.find_element(By.ID, "text").send_keys(text)
        chrome.find_element(By.ID, "check").click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "检查完成"))
        wait.until(lambda c: c.execute_script("return document.getElementById('report').offsetHeight") > 600)
        # One scroll: the frame is as tall as its report, and the page is what scrolls.
        inner, frame, page, view = chrome.execute_script(
            "const r = document.getElementById('report');"
            "return [r.contentDocument.documentElement.scrollHeight, r.clientHeight,"
            " document.scrollingElement.scrollHeight, window.innerHeight];")
        assert inner <= frame + 1 and page > view, (inner, frame, page, view)
        chrome.save_screenshot(str(shots / "serve-one-scroll.png"))
        # A finding's number in the text leads to its entry in the list below: the page scrolls there.
        chrome.switch_to.frame(chrome.find_element(By.ID, "report"))
        chrome.find_elements(By.CSS_SELECTOR, "sup.to a")[0].click()
        wait.until(lambda c: c.execute_script("return location.hash") == "#l1")  # the entry is the :target
        chrome.switch_to.default_content()
        wait.until(lambda c: c.execute_script("return window.scrollY") > 600)
        # The repaired text, safe repairs only, then with those that need review.
        chrome.find_element(By.ID, "download-text").click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "已下载修改后的文本"))
        target = downloads / "修改后的文稿.txt"
        wait.until(lambda _: target.exists() and target.stat().st_size > 0)
        assert target.read_text(encoding="utf-8").startswith("组织学习，提升水平。建立问题整改台帐。")
        target.unlink()
        chrome.find_element(By.ID, "unsafe").click()
        chrome.find_element(By.ID, "download-text").click()
        wait.until(lambda _: target.exists() and target.stat().st_size > 0)
        assert target.read_text(encoding="utf-8").startswith("组织学习，提升水平。建立问题整改台账。")
        # A Word draft whose only repair needs review gets it as a tracked change when asked.
        import docx

        draft = tmp_path / "台账.docx"
        document = docx.Document()
        document.add_paragraph("建立问题整改台帐，逐项销号。")
        document.save(draft)
        chrome.find_element(By.ID, "file").send_keys(str(draft))
        chrome.find_element(By.ID, "check").click()
        wait.until(ready.visibility_of_element_located((By.ID, "download")))
        assert chrome.find_element(By.ID, "unsafe").is_selected() and chrome.find_element(By.ID, "revisions").is_selected()
        chrome.find_element(By.ID, "download").click()
        wait.until(ready.text_to_be_present_in_element((By.ID, "status"), "1 处修订"))
        copy = downloads / "台账.rectlint.docx"
        wait.until(lambda _: copy.exists() and copy.stat().st_size > 0)
        with zipfile.ZipFile(copy) as archive:
            assert "<w:ins " in archive.read("word/document.xml").decode("utf-8")
        # The API's docs page: FastAPI's Swagger UI, every file from this server.
        chrome.get(server.url + "/docs")
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".swagger-ui .info .title")))
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".opblock")))
        assert "rectlint" in chrome.find_element(By.CSS_SELECTOR, ".swagger-ui .info .title").text
        chrome.save_screenshot(str(shots / "serve-docs.png"))
        loaded = chrome.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        assert loaded and all(url.startswith(server.url) for url in loaded), loaded
        logs = chrome.get_log("browser")
        assert not [entry for entry in logs if entry.get("level") == "SEVERE"], logs
    finally:
        chrome.quit()

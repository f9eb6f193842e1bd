"""`rectlint serve` through the ASGI test client: every endpoint, every error path, the token,
the size and time limits, configuration and corpus index, and the OpenAPI description."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

pytest.importorskip("fastapi")
jsonschema = pytest.importorskip("jsonschema")

import wordgen  # noqa: E402 - after the skip
from conftest import EXAMPLES, ROOT, run_cli  # noqa: E402
from starlette.testclient import TestClient  # noqa: E402

from rectlint.config import load_config  # noqa: E402
from rectlint.serve import Settings  # noqa: E402
from rectlint.serve.app import create_app  # noqa: E402

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SPEC = json.loads((ROOT / "docs" / "openapi.json").read_text(encoding="utf-8"))
BROKEN = "关于整改进展情况的通报\n一、整改情况\n（一）关于台账不全的问题。2025年2月30日已完成整改。\n"
TOKEN = "t" * 24


def conforms(body, schema: str) -> None:
    """The body matches the description's schema of that name (refs resolved in the description)."""
    jsonschema.Draft202012Validator({"$ref": f"#/components/schemas/{schema}", "components": SPEC["components"]}
                                    ).validate(body)


LOCAL = "http://127.0.0.1:8080"  # the address a browser on this machine sends as Host


def client_for(**settings) -> TestClient:
    return TestClient(create_app(Settings(workers=1, **settings)), base_url=LOCAL, raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client():
    with client_for() as c:
        yield c


@pytest.fixture(scope="module")
def word_draft(tmp_path_factory):
    path = tmp_path_factory.mktemp("word") / "草稿.docx"
    wordgen.build(path)
    return path.read_bytes()


def error_of(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    conforms(body, "ErrorBody")
    assert body["error"]["code"] == code and "Traceback" not in response.text
    return body["error"]


# -- the endpoints -------------------------------------------------------------------------

def test_health(client):
    body = client.get("/healthz").json()
    conforms(body, "Health")
    assert body["status"] == "ok" and body["workers"] == 1


def test_check_json_text_returns_the_contract_and_the_document(client):
    response = client.post("/v1/check", json={"text": BROKEN, "filename": "d.txt"})
    assert response.status_code == 200
    body = response.json()
    conforms(body, "CheckResult")
    dates = [f for f in body["findings"] if f["rule"] == "invalid-date"]
    assert [(f["path"], f["line"], f["column"]) for f in dates] == [("d.txt", 3, 14)]
    assert dates[0]["message"].startswith("无效日期")
    assert body["document"]["format"] == "txt" and body["document"]["failed"] is True
    assert body["document"]["severities"]["error"] >= 1


def test_check_matches_the_command_line_on_the_examples(client):
    for path in sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.md")):
        response = client.post("/v1/check", files={"file": (path.name, path.read_bytes())})
        cli = json.loads(run_cli(path.name, "--format", "json", "--no-cache", cwd=EXAMPLES).stdout)
        assert response.json()["findings"] == cli, path.name


def test_check_options_select_ignore_kind_lang_and_as_of(client):
    asked = {"text": BROKEN, "select": ["date"], "lang": "en", "kind": "news", "as_of": "2025-01-01"}
    body = client.post("/v1/check", json=asked).json()
    assert {f["category"] for f in body["findings"]} == {"date"}
    assert body["document"]["kind"] == "news" and body["document"]["detected"] is False
    assert [f["message"] for f in body["findings"]] == ["invalid date '2025年2月30日': month 2 has no day 30"]
    ignored = client.post("/v1/check", data={"text": BROKEN, "ignore": "invalid-date,structure"}).json()
    assert not any(f["rule"] == "invalid-date" or f["category"] == "structure" for f in ignored["findings"])


def test_check_reads_every_upload_format(client, word_draft):
    page = "<html><body><p>关于整改情况的通报</p><p>2025年2月30日已完成。</p></body></html>".encode()
    for name, data, fmt in (("a.txt", BROKEN.encode("gb18030"), "txt"), ("a.md", BROKEN.encode(), "md"),
                            ("a.html", page, "html"), ("草稿.docx", word_draft, "docx")):
        body = client.post("/v1/check", files={"file": (name, data)}).json()
        conforms(body, "CheckResult")
        assert body["document"]["format"] == fmt and body["document"]["path"] == name
        assert any(f["rule"] == "invalid-date" for f in body["findings"]), name
    docx = client.post("/v1/check", files={"file": ("草稿.docx", word_draft)}).json()
    assert any(f.get("place", {}).get("part") == "footnote" for f in docx["findings"])


def test_a_page_sent_as_text_is_read_as_a_page_and_an_empty_file_field_is_no_file(client):
    page = "<html><body><p>关于整改情况的通报</p><p>2025年2月30日已完成。</p></body></html>"
    body = client.post("/v1/check", json={"text": page, "filename": "p.html"}).json()
    dates = [(f["line"], f["column"]) for f in body["findings"] if f["rule"] == "invalid-date"]
    assert body["document"]["format"] == "html" and dates == [(1, page.index("2025") + 1)]
    body = client.post("/v1/check", files={"file": ("", b"")}, data={"text": BROKEN}).json()
    assert body["document"]["path"] == "draft.txt" and body["findings"]


def test_a_path_in_the_upload_name_is_dropped(client):
    body = client.post("/v1/check", files={"file": ("../../etc/d.txt", BROKEN.encode())}).json()
    assert body["document"]["path"] == "d.txt"


def test_check_as_html_report(client):
    response = client.post("/v1/check?format=html", data={"text": BROKEN})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "<mark" in response.text and "2025年2月30日" in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_annotate_returns_the_commented_docx(client, word_draft):
    response = client.post("/v1/annotate", files={"file": ("草稿.docx", word_draft, DOCX)},
                           data={"revisions": "true"})
    assert response.status_code == 200 and response.headers["content-type"] == DOCX
    assert "filename*=UTF-8''%E8%8D%89%E7%A8%BF.rectlint.docx" in response.headers["content-disposition"]
    comments = int(response.headers["x-rectlint-comments"])
    assert comments == int(response.headers["x-rectlint-findings"]) > 0
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        assert archive.read("word/comments.xml").count(b"<w:comment ") == comments


def test_rules_and_one_rule(client):
    listed = client.get("/v1/rules").json()
    for item in listed:
        conforms(item, "RuleSummary")
    assert "invalid-date" in {r["id"] for r in listed}
    one = client.get("/v1/rules/invalid-date", params={"lang": "en"}).json()
    conforms(one, "RuleDetail")
    assert one["category"] == "date" and "Bad:" in one["documentation"]
    error_of(client.get("/v1/rules/no-such-rule"), 404, "unknown-rule")
    error_of(client.get("/v1/rules", params={"lang": "fr"}), 422, "invalid")


def test_the_page_is_chinese_and_loads_nothing_from_elsewhere(client):
    page = client.get("/")
    assert page.status_code == 200 and "整改通报检查" in page.text
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "http" not in csp
    for name in ("page.js", "page.css"):
        asset = client.get(f"/page/{name}")
        assert asset.status_code == 200
        assert "http://" not in asset.text and "https://" not in asset.text
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/page/../app.py").status_code == 404


def test_the_served_description_is_the_one_in_the_repository(client):
    served = client.get("/openapi.json").json()
    assert served == SPEC, "regenerate it: rectlint serve --openapi > docs/openapi.json"
    printed = run_cli("serve", "--openapi")
    assert printed.returncode == 0 and json.loads(printed.stdout) == SPEC


# -- bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize("name,data,code", [
    ("x.txt", bytes(range(256)) * 8, "input"),  # binary
    ("x.txt", b"\x81\x30" * 3 + b"\xff\xfe\xfd" * 50, "input"),  # undecodable
    ("x.docx", b"PK\x03\x04 not really a zip", "input"),  # damaged .docx
    ("x.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "input"),  # old or encrypted Word
])
def test_unreadable_files_get_the_command_lines_line_in_both_languages(client, tmp_path, name, data, code):
    error = error_of(client.post("/v1/check", files={"file": (name, data)}), 422, code)
    (tmp_path / name).write_bytes(data)
    cli_zh = run_cli(tmp_path / name).stderr.decode("utf-8").strip()
    assert error["message"] == error["zh"] and cli_zh.endswith(error["zh"].split("：", 1)[1])
    english = client.post("/v1/check?lang=en", files={"file": (name, data)}).json()["error"]
    assert english["message"] == english["en"] != english["zh"]


def test_bad_requests(client):
    error_of(client.post("/v1/check", content=b"{not json", headers={"content-type": "application/json"}),
             400, "bad-json")
    error_of(client.post("/v1/check", json={"text": BROKEN, "kind": "memo"}), 422, "invalid")
    error_of(client.post("/v1/check", json={"txt": BROKEN}), 422, "invalid")
    error_of(client.post("/v1/check", json={"text": BROKEN, "select": ["no-such-rule"]}), 422, "invalid")
    error_of(client.post("/v1/check", content=BROKEN.encode(), headers={"content-type": "text/plain"}),
             415, "unsupported-type")
    error_of(client.post("/v1/check", data={"kind": "audit"}), 422, "no-input")
    error_of(client.post("/v1/annotate", files={"file": ("a.txt", BROKEN.encode())}), 415, "not-docx")
    error_of(client.post("/v1/annotate", json={"text": BROKEN}), 415, "unsupported-type")
    message = client.post("/v1/check", json={"txt": BROKEN}, headers={"accept-language": "en-GB"}).json()
    assert message["error"]["message"] == message["error"]["en"]


# -- limits, token, configuration ---------------------------------------------------------

def test_oversized_requests_get_413_whether_or_not_they_say_their_length():
    with client_for(max_mib=0.01) as c:
        big = ("2025年2月30日完成。" * 1000).encode()
        error_of(c.post("/v1/check", files={"file": ("a.txt", big)}), 413, "too-large")

        def chunks():  # no Content-Length: the limit is counted as the body arrives
            for _ in range(40):
                yield b"x" * 1024

        error_of(c.post("/v1/check", content=chunks(), headers={"content-type": "application/json"}),
                 413, "too-large")
        assert c.post("/v1/check", json={"text": BROKEN}).status_code == 200


def test_a_check_over_the_time_limit_gets_503_and_the_server_goes_on():
    settings = Settings(workers=1, timeout=0.005)
    with TestClient(create_app(settings), base_url=LOCAL) as c:
        long_draft = (EXAMPLES / "draft-with-defects.txt").read_text(encoding="utf-8") * 30
        error_of(c.post("/v1/check", json={"text": long_draft}), 503, "timeout")
        settings.timeout = 30  # its process was replaced; the next check is answered
        assert c.post("/v1/check", json={"text": BROKEN}).status_code == 200


def test_the_token_guards_the_api_but_not_the_page():
    with client_for(token=TOKEN) as c:
        error = error_of(c.post("/v1/check", json={"text": BROKEN}), 401, "token")
        assert error["zh"] and error["en"]
        assert c.get("/v1/rules", headers={"authorization": "Bearer " + "x" * 24}).status_code == 401
        ok = {"authorization": f"Bearer {TOKEN}"}
        assert c.post("/v1/check", json={"text": BROKEN}, headers=ok).status_code == 200
        assert c.get("/v1/rules/invalid-date", headers=ok).status_code == 200
        assert c.get("/healthz").status_code == 200
        page = c.get("/")
        assert page.status_code == 200 and 'data-token="required"' in page.text


def test_without_a_token_only_requests_addressed_to_loopback_are_answered(client):
    # DNS rebinding: a page whose name now resolves to 127.0.0.1 posts to the server; the browser
    # sends the page's own name as Host.
    for host in ("evil.example:8080", "evil.example", "127.0.0.1.evil.example", "10.0.0.5:8080", "[2001:db8::1]:80"):
        error = error_of(client.post("/v1/check", json={"text": BROKEN}, headers={"host": host}), 403, "host")
        assert host.split(":")[0].strip("[") in error["zh"] and "DNS" in error["en"]
        assert client.get("/v1/rules", headers={"host": host}).status_code == 403
    for host in ("127.0.0.1:8080", "localhost:8080", "LOCALHOST", "[::1]:8080", "127.0.0.2"):
        assert client.post("/v1/check", json={"text": BROKEN}, headers={"host": host}).status_code == 200, host
    assert client.get("/", headers={"host": "evil.example"}).status_code == 200  # the page holds nothing
    with client_for(token=TOKEN) as c:  # with a token, the token is the guard, whatever the name
        ok = {"authorization": f"Bearer {TOKEN}", "host": "rectlint.example.org"}
        assert c.post("/v1/check", json={"text": BROKEN}, headers=ok).status_code == 200


def test_off_loopback_it_refuses_to_start_without_a_token():
    for host in ("0.0.0.0", "192.0.2.10", "::", "example.org"):
        result = run_cli("serve", "--host", host, env={"RECTLINT_TOKEN": ""})
        assert result.returncode == 2, host
        assert "RECTLINT_TOKEN" in result.stderr.decode("utf-8") and b"Traceback" not in result.stderr
    short = run_cli("serve", "--host", "0.0.0.0", "--token", "abc", "--lang", "en")
    assert short.returncode == 2 and b"at least 16 characters" in short.stderr


def test_configuration_and_corpus_index_apply_as_on_the_command_line(tmp_path):
    config = tmp_path / ".rectlint.yaml"
    config.write_text("ignore: [invalid-date]\n", encoding="utf-8")
    with client_for(config=load_config(config)) as c:
        body = c.post("/v1/check", json={"text": BROKEN}).json()
        assert body["findings"] and not any(f["rule"] == "invalid-date" for f in body["findings"])
    index = tmp_path / "i.sqlite"
    assert run_cli("index", "add", "--index", index, EXAMPLES / "clean-notice.txt").returncode == 0
    lines = (EXAMPLES / "clean-notice.txt").read_text(encoding="utf-8").splitlines()
    draft = "关于整改情况的通报\n\n一、整改情况\n1.问题。\n" + lines[24] + "\n"
    with client_for(against=str(index)) as c:
        found = c.post("/v1/check", json={"text": draft, "select": ["duplicate"]}).json()["findings"]
        assert [f["related"][0]["line"] for f in found] == [25]
    missing = run_cli("serve", "--against", tmp_path / "none.sqlite")
    assert missing.returncode == 2 and "索引不存在".encode() in missing.stderr


def test_requests_beyond_the_lint_processes_and_the_queue_get_503_busy(monkeypatch):
    import threading

    from rectlint.serve.pool import Pool

    entered, release = threading.Event(), threading.Event()

    async def held(self, job, timeout):  # a lint process that stays busy until released
        import asyncio

        entered.set()
        await asyncio.to_thread(release.wait, 10)
        return {"findings": []}

    monkeypatch.setattr(Pool, "run", held)
    c = client_for(queue=0)  # one lint process, no waiting place
    first = {}
    worker = threading.Thread(target=lambda: first.update(r=c.post("/v1/check", json={"text": "整改情况。"})))
    worker.start()
    assert entered.wait(10)
    busy = c.post("/v1/check", json={"text": "整改情况。"})
    error = error_of(busy, 503, "busy")
    assert busy.headers["retry-after"] == "1" and "1 个请求" in error["zh"]
    release.set()
    worker.join(10)
    assert first["r"].status_code == 200
    assert c.post("/v1/check", json={"text": "整改情况。"}).status_code == 200  # its place is free again


# -- the repaired text, the choice of repairs that need review, the docs page (issue 34) -------

def test_fix_returns_the_repaired_text_safe_by_default_and_unsafe_when_asked(client):
    text = "组织学习,提升水平。2025年3月18召开会议。\n"
    safe = client.post("/v1/fix", json={"text": text})
    assert safe.status_code == 200 and safe.headers["content-type"].startswith("text/plain")
    assert safe.text == "组织学习，提升水平。2025年3月18召开会议。\n"
    assert safe.headers["x-rectlint-fixes"] == "1" and int(safe.headers["x-rectlint-findings"]) >= 1
    both = client.post("/v1/fix", params={"unsafe_fixes": "true"}, json={"text": text})
    assert both.text == "组织学习，提升水平。2025年3月18日召开会议。\n" and both.headers["x-rectlint-fixes"] == "2"
    form = client.post("/v1/fix", data={"text": text, "unsafe_fixes": "true"})
    assert form.text == both.text and "attachment" in form.headers["content-disposition"]


def test_fix_is_for_text_drafts_only(client, word_draft):
    answer = client.post("/v1/fix", files={"file": ("草稿.docx", word_draft, DOCX)})
    error = error_of(answer, 415, "not-text")
    assert "批注稿" in error["zh"]


def test_a_word_draft_whose_repairs_all_need_review_gets_tracked_changes_when_asked(client):
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("建立问题整改台帐，逐项销号。")  # 台帐 → 台账: a repair that needs review
    document.save(buffer)
    upload = {"file": ("草稿.docx", buffer.getvalue(), DOCX)}
    safe_only = client.post("/v1/annotate", files=upload, data={"revisions": "true"})
    assert safe_only.headers["x-rectlint-revisions"] == "0"
    reviewed = client.post("/v1/annotate", files=upload, data={"revisions": "true", "unsafe_fixes": "true"})
    assert reviewed.headers["x-rectlint-revisions"] == "1"


def test_the_page_offers_repairs_that_need_review_and_the_repaired_text_in_one_scroll(client):
    page = client.get("/").text
    assert 'id="unsafe"' in page and 'id="download-text"' in page
    assert 'sandbox="allow-same-origin"' in page and "allow-scripts" not in page
    assert "height: 75vh" not in client.get("/page/page.css").text


def test_docs_serves_fastapis_docs_page_with_its_assets_from_this_server(client):
    docs = client.get("/docs")
    assert docs.status_code == 200 and "SwaggerUIBundle" in docs.text
    csp = docs.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self' 'sha256-" in csp and "http" not in csp
    assert "http://" not in docs.text and "https://" not in docs.text  # nothing from other origins
    import re

    for url in re.findall(r'(?:src|href)="([^"]+)"', docs.text):
        asset = client.get(url)
        assert url.startswith("/docs/assets/") and asset.status_code == 200 and len(asset.content) > 1000, url
    assert client.get("/docs/assets/../app.py").status_code == 404
    assert client.get("/docs/assets/redoc.standalone.js").status_code == 404

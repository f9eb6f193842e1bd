import json

import pytest
import regex

from conftest import EXAMPLES, ROOT, run_cli

SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-2.1.0.json"
KEYS = {"path", "line", "column", "end_line", "end_column", "rule", "category",
        "severity", "message", "suggestion", "related"}
CATEGORIES = {"date", "ordinal", "status", "structure", "duplicate", "number",
              "punctuation", "placeholder", "privacy", "wording", "internal"}


def examples_json():
    return json.loads(run_cli(EXAMPLES, "--format", "json").stdout)


def test_json_follows_the_contract():
    findings = examples_json()
    assert findings
    for f in findings:
        assert set(f) == KEYS | {"document"}
        assert set(f["document"]) == {"kind", "completeness", "detected"}
        assert f["category"] in CATEGORIES
        assert f["severity"] in {"error", "warning", "info"}
        assert 1 <= f["line"] <= f["end_line"]
        assert f["column"] >= 1 and f["end_column"] >= 1
        assert f["suggestion"] is None or isinstance(f["suggestion"], str)
        for r in f["related"]:
            assert set(r) == {"path", "line", "column", "end_line", "end_column"}
    keys = [(f["path"], f["line"], f["column"]) for f in findings]
    assert keys == sorted(keys)


def test_json_end_column_is_inclusive(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("学习《条例\n", encoding="utf-8")
    (f,) = json.loads(run_cli(draft, "--format", "json", "--select", "punctuation").stdout)
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (1, 3, 1, 3)


def test_sarif_validates_against_the_official_schema():
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA}")
    jsonschema = pytest.importorskip("jsonschema")
    log = json.loads(run_cli(EXAMPLES, "--format", "sarif").stdout)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["results"] and all(r["ruleId"] for r in run["results"])
    region = run["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["endColumn"] > region["startColumn"] or region["endLine"] > region["startLine"]


_URI_CHARS = regex.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


def _uris(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "uri":
                yield value
            yield from _uris(value)
    elif isinstance(node, list):
        for value in node:
            yield from _uris(value)


def test_sarif_for_code_scanning_encodes_paths_fingerprints_fixes_and_failures(tmp_path):
    folder = tmp_path / "整改 通报"
    folder.mkdir()
    (folder / "草稿 #1.txt").write_text("关于整改情况的通报\n\n2025年2月30日召开会议，讨论整改(第一批)问题。\n",
                                       encoding="utf-8")
    (folder / "坏.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00\x00")
    result = run_cli("整改 通报", "--format", "sarif", "--no-cache", cwd=tmp_path)
    log = json.loads(result.stdout)
    if SCHEMA.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = log["runs"][0]
    assert all(_URI_CHARS.match(uri) for uri in _uris(log)), list(_uris(log))
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "%E6%95%B4%E6%94%B9%20%E9%80%9A%E6%8A%A5/%E8%8D%89%E7%A8%BF%20%231.txt",
                        "uriBaseId": "%SRCROOT%"}
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert all(r["partialFingerprints"]["rectlintContext/v1"] for r in run["results"])
    (fixed,) = [r for r in run["results"] if r["ruleId"] == "punctuation-width"]
    replacements = fixed["fixes"][0]["artifactChanges"][0]["replacements"]
    assert [r["insertedContent"]["text"] for r in replacements] == ["（", "）"]
    (notice,) = run["invocations"][0]["toolExecutionNotifications"]
    assert "坏.txt" in notice["message"]["text"] and run["invocations"][0]["executionSuccessful"] is False
    for rule in run["tool"]["driver"]["rules"]:
        assert len(rule["fullDescription"]["text"]) <= 1000
        assert rule["help"]["markdown"] and regex.search(r"\p{Han}", rule["shortDescription"]["text"])


def test_sarif_fingerprints_survive_lines_moving(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("2025年2月30日召开会议。\n", encoding="utf-8")
    before = json.loads(run_cli(draft, "--format", "sarif", cwd=tmp_path).stdout)["runs"][0]["results"]
    draft.write_text("会前开展调研。\n\n2025年2月30日召开会议。\n", encoding="utf-8")
    after = json.loads(run_cli(draft, "--format", "sarif", cwd=tmp_path).stdout)["runs"][0]["results"]
    assert before and [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert before[0]["locations"] != after[0]["locations"]


def test_github_annotations(tmp_path):
    draft = tmp_path / "d,1.txt"
    draft.write_text("学习《条例\n", encoding="utf-8")
    out = run_cli(draft, "--format", "github", "--select", "punctuation").stdout.decode("utf-8").strip()
    assert out.startswith("::warning file=")
    assert "d%2C1.txt,line=1,col=3,endLine=1,endColumn=3,title=rectlint paired-punctuation::" in out


def test_no_colour_when_not_a_tty_or_no_color(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("学习《条例\n", encoding="utf-8")
    assert b"\x1b[" not in run_cli(draft, env={"NO_COLOR": "1"}).stdout


def test_github_step_summary_is_appended_when_the_variable_is_set(tmp_path):
    summary = tmp_path / "summary.md"
    run_cli(EXAMPLES, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("### rectlint") and "| 日期 |" in text


@pytest.mark.parametrize("fmt", ["text", "github", "json", "jsonl"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_streamed_run_prints_the_bytes_of_the_whole_render(fmt, jobs):
    from rectlint.api import Linter
    from rectlint.output import fix_hint
    from rectlint.report import RunInfo, Tally, reporter, render

    assert reporter(fmt).STREAMING
    result = Linter().lint_paths([str(EXAMPLES)])
    run = RunInfo({p: d.document for p, d in result.documents.items()}, result.rules, "zh")
    streamed = run_cli(EXAMPLES, "--format", fmt, "--no-cache", "-j", jobs).stdout.decode("utf-8")
    whole = render(fmt, result.findings, run)
    if fmt == "text":  # the hint about fixes follows the report
        whole += fix_hint(Tally(result.findings), "zh", False)
    assert streamed == whole and streamed


def test_files_are_reported_in_path_order_however_they_are_named(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("学习《条例\n", encoding="utf-8")
    out = run_cli(tmp_path / "b.txt", tmp_path / "a.txt", "--format", "jsonl", "--no-cache").stdout
    paths = [json.loads(line)["path"] for line in out.splitlines() if json.loads(line)["type"] == "document"]
    assert paths == sorted(paths) and len(paths) == 2


def test_json_lines_have_a_record_per_finding_per_document_and_a_summary():
    out = run_cli(EXAMPLES, "--format", "jsonl", "--no-cache").stdout.decode("utf-8")
    records = [json.loads(line) for line in out.splitlines()]
    array = json.loads(run_cli(EXAMPLES, "--format", "json", "--no-cache").stdout)
    findings = [r for r in records if r["type"] == "finding"]
    documents = [r for r in records if r["type"] == "document"]
    assert [{k: v for k, v in r.items() if k != "type"} for r in findings] == [
        {k: v for k, v in f.items() if k != "document"} for f in array]
    assert sum(d["findings"] for d in documents) == len(findings)
    assert {"kind", "completeness", "severities"} <= set(documents[0])
    summary = records[-1]
    assert summary["type"] == "summary" and summary["version"] == 1
    assert summary["findings"] == len(findings) and summary["documents"] == len(documents)


def test_every_severity_and_category_has_a_label_in_both_languages():
    from rectlint.finding import CATEGORIES as ALL_CATEGORIES, SEVERITIES
    from rectlint.messages import CATALOGUES

    for catalogue in CATALOGUES.values():
        assert {f"severity.{s}" for s in SEVERITIES} <= set(catalogue)
        assert {f"severity-heading.{s}" for s in SEVERITIES} <= set(catalogue)
        assert {f"category.{c}" for c in ALL_CATEGORIES} <= set(catalogue)


def test_sarif_rules_link_their_documentation_when_the_package_declares_it(monkeypatch):
    from rectlint.api import Linter
    from rectlint.report import RunInfo, render
    from rectlint.report import sarif

    result = Linter().lint_text("2025年2月30日召开会议。", "d.txt")
    run = RunInfo(documents={"d.txt": result.document}, rules=[a.rule for a in result.rules], lang="zh")
    rules = json.loads(render("sarif", result.findings, run))["runs"][0]["tool"]["driver"]["rules"]
    assert rules and all("helpUri" not in rule for rule in rules)  # no URL is invented
    monkeypatch.setattr(sarif, "_docs_url", lambda: "https://example.org/rectlint/rules/")
    rules = json.loads(render("sarif", result.findings, run))["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["helpUri"] for rule in rules] == [f"https://example.org/rectlint/rules#{rule['id']}" for rule in rules]

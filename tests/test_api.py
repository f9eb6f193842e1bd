"""The library API (rectlint.api) is the one way to lint: the CLI's results are its results.

tests/snapshots/findings.json holds every finding on examples/, the quality corpus and the seeds
as they were before the API existed; the refactors since must not change one. Set
RECTLINT_REGEN=1 to rewrite it after a reviewed rule change. The seeds are published text, so
their findings are kept as a hash of the message, suggestion and edits, not as text.
"""

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from rectlint import document
from rectlint.api import LintContext, Linter
from rectlint.config import Config
from rectlint.finding import Fix

import corpus_files
from conftest import EXAMPLES, ROOT, SEEDS, run_cli

SNAPSHOT = ROOT / "tests" / "snapshots" / "findings.json"
SEEDS_ARG = os.path.relpath(SEEDS, ROOT)  # ../shared/seeds, as a user beside the project types it


def _seed_path(path: str) -> str:
    return "seeds/" + Path(path).name if Path(path).parent == Path(SEEDS_ARG) else path


def _record(finding, document) -> dict:
    record = finding.as_dict("zh")
    record["path"] = _seed_path(record["path"])
    for related in record["related"]:
        related["path"] = _seed_path(related["path"])
    record.pop("message")
    record["zh"], record["en"] = finding.zh, finding.en
    fix = finding.fix
    record["fix"] = {"applicability": fix.applicability, "edits": [list(e) for e in fix.edits]} if fix else None
    record["document"] = document.info.as_dict()
    if record["path"].startswith("seeds/"):
        text = {k: record.pop(k) for k in ("zh", "en", "suggestion")}
        text["edits"] = record["fix"].pop("edits") if fix else None
        record["text_sha256"] = hashlib.sha256(
            json.dumps(text, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    return record


# "offsets": every document is held as a long one is (document.Lines), with the same findings.
@pytest.mark.parametrize("lazy_from", [None, 0], ids=["lists", "offsets"])
def test_findings_on_examples_corpus_and_seeds_are_unchanged(monkeypatch, lazy_from):
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    monkeypatch.chdir(ROOT)
    if lazy_from is not None:
        monkeypatch.setattr(document, "LAZY_LINES", lazy_from)
    linter = Linter()
    result = linter.lint_paths(["examples", SEEDS_ARG])
    assert result.errors == []
    got = [_record(f, result.documents[f.path].document) for f in result.findings]
    for path in corpus_files.notices():  # read without their header comments, as the corpus tests do
        fmt, text, _ = corpus_files.read(path)
        item = linter.lint_text(text, os.path.relpath(path, ROOT), fmt)
        got += [_record(f, item.document) for f in item.findings]
    got.sort(key=lambda r: (r["path"], r["line"], r["column"], r["rule"], r.get("zh", "")))
    if os.environ.get("RECTLINT_REGEN"):
        SNAPSHOT.write_text(json.dumps(got, ensure_ascii=False, indent=1), encoding="utf-8")
    assert got == json.loads(SNAPSHOT.read_text(encoding="utf-8"))


def test_a_folder_linted_through_the_library_equals_the_command_line():
    cli = json.loads(run_cli(EXAMPLES, "--format", "json", "--lang", "en").stdout)
    result = Linter().lint_paths([str(EXAMPLES)])
    lib = [{**f.as_dict("en"), "document": result.documents[f.path].document.info.as_dict()}
           for f in result.findings]
    assert lib == cli and lib


def test_lint_text_returns_findings_and_the_document():
    item = Linter(Config(), select=["date"]).lint_text("2025年2月30日召开会议。", "note.txt")
    assert [f.rule for f in item.findings] == ["invalid-date"]
    assert item.document.text.startswith("2025年") and item.path == "note.txt"


def test_context_as_of_reaches_the_rule_that_takes_it():
    text = ("关于巡察整改进展情况的通报\n\n2026年3月3日至4月30日，巡察组开展巡察。2026年6月3日，巡察组反馈了意见。"
            "\n\n某单位\n2025年12月1日\n")
    plain = Linter(Config(), ["date-chronology"]).lint_text(text).findings
    later = Linter(Config(), ["date-chronology"], context=LintContext(as_of=dt.date(2026, 7, 1))).lint_text(text)
    assert [f.rule for f in plain] == ["date-chronology"] and later.findings == []


def test_context_kind_overrides_detection():
    news = "某县召开巡察整改推进会\n\n近日，某县召开巡察整改推进会。会议由县委副书记主持。\n"
    item = Linter(Config(), context=LintContext(kind="inspection")).lint_text(news)
    assert (item.document.info.kind, item.document.info.detected) == ("inspection", False)
    assert item.context.kind is None  # the rules read the kind in one place: document.info.kind


def test_unreadable_path_is_one_error_and_the_rest_are_linted(tmp_path):
    (tmp_path / "ok.txt").write_text("学习《条例\n", encoding="utf-8")
    seen = []
    result = Linter(Config()).lint_paths([str(tmp_path / "missing.txt"), str(tmp_path)], on_error=seen.append)
    assert len(result.errors) == 1 and seen == result.errors and "missing.txt" in result.errors[0]
    assert [f.rule for f in result.findings] == ["paired-punctuation"]


def test_a_fix_is_decided_per_hit():
    with pytest.raises(ValueError):
        Fix.replace(0, 1, "x", "maybe")
    fix = Fix.replace(0, 1, "，", "unsafe")
    assert not fix.applies() and fix.applies(unsafe=True)
    assert not Fix.replace(0, 1, "，", "display-only").applies(unsafe=True)


def test_lint_bytes_reads_content_held_in_memory_as_the_file_would_be():
    from rectlint.errors import InputError

    linter = Linter(Config())
    for path in sorted(EXAMPLES.glob("*.txt")) + sorted(EXAMPLES.glob("*.md")):
        from_disk = Linter(Config()).lint_paths([str(path)]).documents[str(path)].findings
        in_memory = linter.lint_bytes(path.read_bytes(), str(path)).findings
        assert [f.as_dict() for f in in_memory] == [f.as_dict() for f in from_disk]
    gbk = linter.lint_bytes("2025年2月30日召开会议。".encode("gb18030"), "d.txt")
    assert [f.rule for f in gbk.findings] == ["invalid-date"]
    page = linter.lint_bytes("<p>x</p><p>2025年2月30日召开会议。</p>".encode(), "d.bin", kind="html")
    assert page.document.kind == "html" and page.findings[0].column == 12
    with pytest.raises(InputError):
        linter.lint_bytes(bytes(range(256)) * 4, "d.txt")


# -- the whole check: Linter.check ---------------------------------------------------------

def test_check_runs_the_baseline_the_fixes_and_the_verdict_the_command_line_runs(tmp_path):
    from rectlint.api import CheckOptions

    draft = tmp_path / "d.txt"
    draft.write_text("组织学习《条例》，，提升水平。2025年2月30日召开会议。\n", encoding="utf-8")
    linter = Linter(Config())
    baseline = tmp_path / "baseline.json"
    written = linter.check([str(draft)], CheckOptions(write_baseline=str(baseline)))
    assert written.baseline_written == len(written.result.findings) > 0 and written.status == 0
    assert linter.check([str(draft)], CheckOptions(baseline=str(baseline))).findings == []

    plain = linter.check([str(draft)])
    assert plain.status == 1 and plain.findings == plain.result.findings
    assert linter.check([str(draft)], CheckOptions(exit_zero=True)).status == 0
    shown = linter.check([str(draft)], CheckOptions(diff=True))
    assert shown.status == 1 and str(draft) in shown.fixed and "，，" in draft.read_text(encoding="utf-8")
    fixed = linter.check([str(draft)], CheckOptions(fix=True))
    assert fixed.applied == 1 and "，，" not in draft.read_text(encoding="utf-8")
    assert {f.rule for f in fixed.findings} == {f.rule for f in plain.findings} - {"doubled-punctuation"}


def test_check_refuses_one_named_copy_for_several_drafts_before_writing_a_fix(tmp_path):
    from rectlint.api import CheckOptions
    from rectlint.errors import UsageError

    drafts = [tmp_path / "a.txt", tmp_path / "b.txt"]
    for draft in drafts:
        draft.write_text("组织学习《条例》，，提升水平。\n", encoding="utf-8")
    with pytest.raises(UsageError):
        Linter(Config()).check(list(map(str, drafts)), CheckOptions(fix=True, annotate_to=str(tmp_path / "x.docx")))
    assert all("，，" in d.read_text(encoding="utf-8") for d in drafts)


def test_the_command_line_holds_no_baseline_fix_or_annotation_logic():
    """cli.py parses arguments into CheckOptions and prints; Linter.check does the work."""
    import ast

    tree = ast.parse((ROOT / "lint" / "cli.py").read_text(encoding="utf-8"))
    imported = {(node.module, alias.name) for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                for alias in node.names}
    assert not {module for module, _ in imported} & {"baseline", "docx_annotate", "atomic"}
    assert {name for module, name in imported if module == "fixes"} <= {"diff"}  # printing a diff only

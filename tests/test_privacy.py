"""Personal data never leaves the draft: no output format, baseline or index holds the raw digits."""

import json
import sqlite3

from conftest import run_cli

ID = "440300198506171232"
MOBILE = "158-6745-3421"
CARD = "6228 4800 1234 5671"
DRAFT = (f"经核实，当事人身份证号码{ID}，手机{MOBILE}，收款卡号{CARD}，已退赔。\n"
         "组织学习《条例，提升水平。\n")
RAW = [ID, MOBILE, CARD, "15867453421", "6228480012345671", "6745", "19850617", "80012345"]


def _clean(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    return not any(raw in text for raw in RAW)


def test_no_output_format_prints_the_raw_numbers(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    for fmt in ("text", "json", "sarif", "github", "html"):
        out = run_cli(draft, "--format", fmt)
        assert out.returncode == 1
        assert _clean(out.stdout) and _clean(out.stderr), fmt
    text = run_cli(draft).stdout.decode("utf-8")
    assert "440*" in text and "1232" in text  # the snippet shows the mask, in place


def test_the_baseline_and_its_unused_entries_hold_no_raw_numbers(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    assert run_cli(draft, "--write-baseline", baseline).returncode == 0
    assert _clean(baseline.read_bytes())
    assert json.loads(run_cli(draft, "--baseline", baseline, "--format", "json").stdout) == []
    draft.write_text("组织学习《条例》。\n", encoding="utf-8")
    for fmt in ("json", "sarif", "github", "text"):
        out = run_cli(draft, "--baseline", baseline, "--format", fmt)
        assert b"unused-baseline-entry" in out.stdout and _clean(out.stdout), fmt


def test_the_corpus_index_holds_no_raw_numbers(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    index = tmp_path / "corpus.sqlite"
    assert run_cli("index", "add", "--index", index, draft).returncode == 0
    with sqlite3.connect(index) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _clean(index.read_bytes())

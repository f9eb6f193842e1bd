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


# -- numbers as people write them: full-width digits, spaces, hyphens (issue 37) -------------------

WRITTEN = {
    "５１０１０４１９８８１１２２３３４５": "510104198811223345",  # a full-width ID
    "320106 19771130 321X": "32010619771130321X",  # an ID in groups, with its X
    "350203-1992-0715-1289": "350203199207151289",
    "１８６６５４３２１０９": "18665432109",  # a full-width mobile
    "136\u30000755\u30001234": "13607551234",  # a mobile spaced with U+3000
    "6214 8301 0234 5678 909": "6214830102345678909",  # a 19-digit card in fours
}
LOOKALIKES = ["420106197904028878", "0791-6123456", "6214 8301 0234 5678 908", "12388"]
DRAFT_WRITTEN = ("关于巡察整改进展情况的通报\n\n一、整改落实情况\n\n（一）关于资金退赔的问题。\n\n"
                 + "".join(f"{i + 1}.当事人号码{n}，组织学习《条例，已退赔。\n" for i, n in enumerate(WRITTEN))
                 + "".join(f"编号{n}，已归档。\n" for n in LOOKALIKES) + "\n中共某局党组\n2025年10月9日\n")


def _raw_forms():
    """Every number as written, as bare digits, and the middle digits a mask hides."""
    forms = []
    for written, digits in WRITTEN.items():
        forms += [written, digits] + ([digits[3:-4]] if len(digits) > 11 else [])
        forms.append(written.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}))
    return forms


def _clean_of_written(data: bytes) -> bool:
    text = data.decode("utf-8", "replace")
    return not [raw for raw in _raw_forms() if raw in text]


def test_numbers_in_full_width_or_in_groups_are_flagged_and_look_alikes_are_not():
    from conftest import lint
    found = lint(DRAFT_WRITTEN, "personal-data")
    assert len(found) == len(WRITTEN)
    assert sorted(f.line for f in found) == list(range(7, 7 + len(WRITTEN)))


def test_no_output_format_prints_numbers_written_in_full_width_or_groups(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT_WRITTEN, encoding="utf-8")
    for args in (["--format", "text"], ["--format", "json"], ["--format", "jsonl"], ["--format", "sarif"],
                 ["--format", "github"], ["--format", "html"], ["--show-fixes"], ["--explain-outline"],
                 ["--select", "punctuation"], ["--diff", "--select", "punctuation"]):
        out = run_cli(draft, "--no-cache", *args)
        assert out.returncode in (0, 1), (args, out.stderr)
        if "--diff" not in args:  # a diff is the draft itself, changed
            assert _clean_of_written(out.stdout) and _clean_of_written(out.stderr), args


def test_the_quote_of_a_word_finding_is_masked_in_every_format(tmp_path):
    import docx
    document = docx.Document()
    for line in DRAFT_WRITTEN.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "d.docx"
    document.save(path)
    for fmt in ("json", "jsonl", "sarif", "text"):
        out = run_cli(path, "--no-cache", "--format", fmt)
        assert out.returncode == 1 and b"quote" in out.stdout or fmt == "text", fmt
        assert _clean_of_written(out.stdout), fmt


def test_the_cache_holds_no_raw_numbers(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT_WRITTEN + DRAFT, encoding="utf-8")
    cache = tmp_path / "cache"
    first = run_cli(draft, "--cache-dir", cache, "--format", "json")
    again = run_cli(draft, "--cache-dir", cache, "--format", "json")
    assert first.stdout == again.stdout and first.returncode == 1
    entries = [p for p in cache.rglob("*") if p.is_file()]
    assert entries
    for entry in entries:
        data = entry.read_bytes()
        assert _clean_of_written(data) and _clean(data), entry


def test_the_corpus_index_holds_no_numbers_written_in_full_width_or_groups(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DRAFT_WRITTEN, encoding="utf-8")
    index = tmp_path / "corpus.sqlite"
    assert run_cli("index", "add", "--index", index, draft).returncode == 0
    with sqlite3.connect(index) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert _clean_of_written(index.read_bytes())

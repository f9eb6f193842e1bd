"""rectlint.patterns keeps compiled patterns between runs, as Python keeps bytecode."""

import sys

import pytest
import regex

from rectlint import patterns


@pytest.fixture
def fresh(monkeypatch, tmp_path):
    """An empty table whose file lives under tmp_path, written as bytecode would be."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("LOCALAPPDATA", raising=False)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(patterns, "_table", None)
    monkeypatch.setattr(patterns, "_used", set())
    monkeypatch.setattr(patterns, "_added", False)

    def restart():  # what the next process sees
        monkeypatch.setattr(patterns, "_table", None)
        monkeypatch.setattr(patterns, "_used", set())
        monkeypatch.setattr(patterns, "_added", False)
    return restart


SOURCE = r"(?<=\p{Han})(\d{1,2})月(?P<day>\d{1,2})日"


def test_a_pattern_from_the_table_matches_as_the_compiled_one(fresh, tmp_path):
    first = patterns.compile(SOURCE, regex.I)
    patterns._save()
    assert patterns.table_path().startswith(str(tmp_path))
    fresh()
    again = patterns.compile(SOURCE, regex.I)
    assert again is not first and patterns._added is False  # read from the file, not compiled
    text = "于2025年3月12日完成，4月1日复查"
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)] == [(6, 11)]
    assert again.groupindex == first.groupindex and again.flags == first.flags


def test_a_damaged_or_foreign_table_is_ignored(fresh):
    patterns.compile(SOURCE)
    patterns._save()
    with open(patterns.table_path(), "wb") as f:
        f.write(b"\x80\x04not a pickle")
    fresh()
    assert patterns.compile(SOURCE).search("于3月12日").group("day") == "12"
    assert patterns._added is True


def test_an_edited_pattern_is_compiled_afresh(fresh):
    patterns.compile(SOURCE)
    patterns._save()
    fresh()
    edited = patterns.compile(SOURCE.replace("月", "月份"))
    assert patterns._added is True and edited.search("于3月份12日")


def test_nothing_is_written_where_python_writes_no_bytecode(fresh, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    patterns.compile(SOURCE)
    patterns._save()
    with pytest.raises(FileNotFoundError):
        open(patterns.table_path(), "rb")


def test_a_reading_is_kept_like_a_pattern(fresh):
    reads = []

    def read(text):
        reads.append(text)
        return None if text == "empty" else text.split(",")

    assert patterns.kept("a,b", "split", read) == ["a", "b"]
    assert patterns.kept("empty", "split", read) is None
    patterns._save()
    fresh()
    assert patterns.kept("a,b", "split", read) == ["a", "b"]
    assert patterns.kept("empty", "split", read) is None
    assert reads == ["a,b", "empty"] and patterns._added is False  # both from the file
    assert patterns.kept("a,b,c", "split", read) == ["a", "b", "c"] and patterns._added is True


def test_a_second_run_reads_the_table_and_finds_the_same(tmp_path):
    """End to end: the first process writes the table as it exits, the second loads it."""
    import os
    import subprocess

    from conftest import ROOT

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = str(tmp_path)
    cmd = [sys.executable, "-m", "rectlint", "--no-cache", "--format", "json", "examples"]
    first = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
    tables = list((tmp_path / "rectlint").glob("patterns-*.pickle"))
    assert len(tables) == 1 and tables[0].stat().st_size > 10_000
    second = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True)
    assert first.returncode == second.returncode == 1
    assert first.stdout == second.stdout and first.stdout.count(b'"rule"') > 10
    # With the built-in pack kept too, a run that reads no configuration never imports yaml.
    draft = tmp_path / "draft" / "notice.txt"
    draft.parent.mkdir()
    draft.write_text((ROOT / "examples" / "draft-with-defects.txt").read_text(encoding="utf-8"), encoding="utf-8")
    # Nor pathlib, pickle, pkgutil or calendar, each of which costs a cold start milliseconds
    # (an editable install may import pathlib before rectlint starts: only what the run added counts).
    costly = ["yaml", "pathlib", "pickle", "pkgutil", "calendar"]
    script = ("import sys\nbefore = set(sys.modules)\nfrom rectlint.cli import main\ntry:\n    main()\n"
              "except SystemExit:\n    pass\n"
              f"sys.stderr.write('imported: %s' % sorted(set({costly!r}) & (set(sys.modules) - before)))\n")
    for run in range(2):  # the first run keeps its reading of the pack, the second uses it
        third = subprocess.run([sys.executable, "-c", script, "--no-cache", "notice.txt"], cwd=draft.parent,
                               env=env, capture_output=True)
    assert b"imported: []" in third.stderr and third.stdout.count(b"[") > 5


# -- line patterns: one search over many lines finds what a search per line finds -------------

def _texts():
    """Text that line patterns match: the corpus, examples, seeds, every string in the tests
    (the rules' defective and clean snippets among them) and the rules' documented examples,
    each as written and width-folded."""
    import ast

    from rectlint.registry import all_rules

    from rectlint.text import fold
    from conftest import EXAMPLES, ROOT, SEEDS

    files = [*(ROOT / "tests" / "corpus").iterdir(), *EXAMPLES.glob("*.txt"), *EXAMPLES.glob("*.md"),
             *(SEEDS.glob("*.txt") if SEEDS.is_dir() else ())]
    texts = [p.read_text(encoding="utf-8") for p in files if p.suffix in (".txt", ".md")]
    for test in [*(ROOT / "tests").glob("test_*.py"), *(ROOT / "tests" / "rules").glob("test_*.py")]:
        texts += [node.value for node in ast.walk(ast.parse(test.read_text(encoding="utf-8")))
                  if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 3]
    texts += [rule.doc + "\n" + (rule.doc_zh or "") for rule in all_rules().values()]
    return list(dict.fromkeys(t for text in texts for t in (text, fold(text))))  # each once, in order


def _line_by_line(pattern, doc):
    return [m.span() for line in doc.lines for m in pattern.finditer(doc.text, line.start, line.end)]


def _at_once(pattern, doc):
    found = doc.matches(pattern, doc.lines, doc.text)
    return [m.span() for number in sorted(found) for m in found[number]]


def _broken(text, cuts, rng):
    """text with a line break (\\n, \\r\\n or \\r) put in at each cut."""
    out, last = [], 0
    for cut in sorted(c for c in set(cuts) if 0 < c < len(text)):
        out += [text[last:cut], rng.choice(["\n", "\r\n", "\r"])]
        last = cut
    return "".join(out + [text[last:]])


# Where a pattern is most likely to read a line break: at, just before and just after a match's
# ends, and inside it.
_CUTS = (lambda a, b: a - 1, lambda a, b: a, lambda a, b: (a + b) // 2, lambda a, b: b,
         lambda a, b: b + 1, lambda a, b: b + 2)


def test_a_line_pattern_finds_in_one_search_what_it_finds_line_by_line():
    import random

    from rectlint.document import Document
    from rectlint.registry import all_rules

    all_rules()  # every rule module imported: their line patterns are registered
    rng = random.Random(7)
    # Each text as it is and with breaks at random.
    docs = [Document(t) for text in _texts()
            for t in (text, _broken(text, [rng.randrange(len(text) + 1) for _ in range(len(text) // 9)], rng))]
    assert patterns.LINE_PATTERNS
    for pattern in patterns.LINE_PATTERNS:
        matched = 0
        for doc in docs:
            spans = _line_by_line(pattern, doc)
            assert _at_once(pattern, doc) == spans, (pattern.pattern, doc.text)
            if not spans:
                continue
            matched += 1
            assert all(a < b for a, b in spans), pattern.pattern  # never an empty match
            if matched > 60:  # breaks cut in around the matches of 60 texts: enough, and quick
                continue
            for cut in _CUTS:
                variant = Document(_broken(doc.text, [cut(a, b) for a, b in spans], rng))
                assert _at_once(pattern, variant) == _line_by_line(pattern, variant), (pattern.pattern, variant.text)
        assert matched, f"no test text matches {pattern.pattern!r}"


def test_only_a_line_pattern_is_searched_over_many_lines():
    from rectlint.document import Document

    doc = Document("第一行\n第二行\n")
    with pytest.raises(ValueError):
        doc.matches(patterns.compile(r"行\s第"), doc.lines)

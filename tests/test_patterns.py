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

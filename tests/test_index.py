"""The corpus index keeps itself consistent: one transaction per document, read-only readers,
foreign files refused, interrupts rolled back."""

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import EXAMPLES, ROOT, run_cli
from drafts import notice


def _notices(folder, n):
    folder.mkdir()
    for i in range(n):
        body = "".join(f"第{i}号单位第{j}项整改措施：建立第{i * 31 + j}号台账，每月核对{j}次并通报结果。" for j in range(40))
        (folder / f"n{i:03}.txt").write_text(f"关于巡察整改情况的通报\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_an_interrupted_add_leaves_the_index_consistent(tmp_path):
    drafts = _notices(tmp_path / "drafts", 120)
    index = tmp_path / "corpus.sqlite"
    rng = random.Random(7)
    for _ in range(20):
        proc = subprocess.Popen([sys.executable, "-m", "rectlint", "index", "add", "--index", str(index), str(drafts)],
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.5))
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        if index.exists():
            check = run_cli("index", "check", "--index", index)
            assert check.returncode == 0, check.stdout.decode()
    # Removing half and re-adding all leaves it consistent too.
    for path in sorted(drafts.iterdir())[::2]:
        run_cli("index", "remove", "--index", index, path.as_posix())
    assert run_cli("index", "add", "--index", index, drafts).returncode == 0
    assert run_cli("index", "check", "--index", index).returncode == 0


def test_readers_never_create_or_change_an_index(tmp_path):
    missing = tmp_path / "none.sqlite"
    for args in (["index", "list"], ["index", "stats"], ["index", "check"]):
        result = run_cli(*args, "--index", missing)
        assert result.returncode == 2 and not missing.exists()
    draft = tmp_path / "d.txt"
    draft.write_text("关于巡察整改情况的通报\n\n整改情况。\n", encoding="utf-8")
    assert run_cli(draft, "--against", missing).returncode == 2 and not missing.exists()


def test_a_file_that_is_not_an_index_is_refused_and_left_alone(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t(x)")
    draft = tmp_path / "d.txt"
    draft.write_text("关于巡察整改情况的通报\n\n整改情况。\n", encoding="utf-8")
    for target in (empty, other):
        before = target.read_bytes()
        for args in (["index", "add", "--index", target, draft], ["index", "list", "--index", target],
                     [draft, "--against", target]):
            result = run_cli(*args)
            assert result.returncode == 2 and "不是 rectlint 索引".encode() in result.stderr
        assert target.read_bytes() == before


def test_a_reader_works_while_a_writer_holds_the_index(tmp_path):
    drafts = _notices(tmp_path / "drafts", 5)
    index = tmp_path / "corpus.sqlite"
    assert run_cli("index", "add", "--index", index, drafts).returncode == 0
    writer = sqlite3.connect(index, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE meta SET value = value WHERE key = 'kind'")
    try:
        listed = run_cli("index", "list", "--index", index)
        assert listed.returncode == 0 and listed.stdout.count(b"\n") == 5
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_repair_rebuilds_document_frequencies(tmp_path):
    drafts = _notices(tmp_path / "drafts", 3)
    index = tmp_path / "corpus.sqlite"
    run_cli("index", "add", "--index", index, drafts)
    with sqlite3.connect(index) as db:
        db.execute("UPDATE df SET docs = docs + 5 WHERE hash IN (SELECT hash FROM df LIMIT 3)")
    assert run_cli("index", "check", "--index", index).returncode == 1
    assert run_cli("index", "repair", "--index", index).returncode == 0
    assert run_cli("index", "check", "--index", index).returncode == 0



def test_index_commands_are_idempotent_and_manage_documents(tmp_path):
    index = tmp_path / "i.sqlite"
    n = len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")])
    first = run_cli("index", "add", "--index", index, EXAMPLES)
    assert first.returncode == 0 and f"{n} 个已加入".encode() in first.stdout
    again = run_cli("index", "add", "--index", index, EXAMPLES, "--lang", "en")
    assert f"0 added, 0 updated, {n} unchanged".encode() in again.stdout
    listing = run_cli("index", "list", "--index", index).stdout.decode("utf-8")
    assert listing.count("\n") == n
    stats = run_cli("index", "stats", "--index", index).stdout.decode("utf-8")
    assert f"文档数：{n}" in stats
    removed = run_cli("index", "remove", "--index", index, EXAMPLES / "clean-notice.txt")
    stats = run_cli("index", "stats", "--index", index, "--lang", "en").stdout.decode()
    assert removed.returncode == 0 and f"documents: {n - 1}" in stats


def test_changed_document_is_updated_in_place(tmp_path):
    index = tmp_path / "i.sqlite"
    draft = tmp_path / "d.txt"
    draft.write_text(notice("甲", "建立台账。"), encoding="utf-8")
    run_cli("index", "add", "--index", index, draft)
    draft.write_text(notice("甲", "建立台账并定期核对。"), encoding="utf-8")
    assert "0 个已加入，1 个已更新".encode() in run_cli("index", "add", "--index", index, draft).stdout
    assert "documents: 1" in run_cli("index", "stats", "--index", index, "--lang", "en").stdout.decode()


def test_against_on_the_command_line(tmp_path):
    index = tmp_path / "i.sqlite"
    run_cli("index", "add", "--index", index, EXAMPLES / "clean-notice.txt")
    draft = tmp_path / "d.txt"
    lines = (EXAMPLES / "clean-notice.txt").read_text(encoding="utf-8").splitlines()
    draft.write_text("关于整改情况的通报\n\n一、整改情况\n1.问题。\n" + lines[24] + "\n", encoding="utf-8")
    found = json.loads(run_cli(draft, "--against", index, "--select", "duplicate", "--format", "json").stdout)
    assert [f["related"][0]["line"] for f in found] == [25]
    assert found[0]["related"][0]["path"].endswith("clean-notice.txt")


def test_missing_index_is_an_input_error(tmp_path):
    result = run_cli(EXAMPLES / "clean-notice.txt", "--against", tmp_path / "none.sqlite")
    assert result.returncode == 2 and "索引不存在".encode() in result.stderr


# -- damage (issue 37) -------------------------------------------------------------------------------

def _damaged_index(tmp_path):
    """An index of three notices and a draft that shares a passage with each, with one page of
    the postings overwritten: the draft's lookups pass through it."""
    drafts = _notices(tmp_path / "drafts", 3)
    index = tmp_path / "corpus.sqlite"
    assert run_cli("index", "add", "--index", index, drafts).returncode == 0
    draft = tmp_path / "d.txt"
    shared = [path.read_text(encoding="utf-8").splitlines()[2][:300] for path in sorted(drafts.iterdir())]
    draft.write_text("关于巡察整改情况的通报\n\n" + "\n\n".join(shared) + "\n", encoding="utf-8")
    with sqlite3.connect(index) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'fps'").fetchone()[0]
    data = bytearray(index.read_bytes())
    rng = random.Random(2)
    data[(root - 1) * page_size:root * page_size] = bytes(rng.randrange(256) for _ in range(page_size))
    index.write_bytes(bytes(data))
    return drafts, index, draft


def test_a_damaged_index_is_refused_by_writers_and_named_for_repair(tmp_path):
    drafts, index, draft = _damaged_index(tmp_path)
    before = index.read_bytes()
    added = run_cli("index", "add", "--index", index, drafts)
    assert added.returncode == 2 and b"index repair" in added.stderr and index.read_bytes() == before
    checked = run_cli("index", "check", "--index", index)
    assert checked.returncode == 1 and b"damaged" in checked.stdout


def test_a_reader_of_a_damaged_index_says_so_instead_of_answering_in_part(tmp_path):
    drafts, index, draft = _damaged_index(tmp_path)
    good = tmp_path / "e.txt"
    good.write_text("组织学习《条例。\n", encoding="utf-8")
    out = run_cli(draft, good, "--against", index, "--select", "corpus-overlap", "--format", "json")
    assert out.returncode == 2 and b"index repair" in out.stderr and json.loads(out.stdout) == []
    assert b"internal" not in out.stdout + out.stderr


def test_repair_rebuilds_a_damaged_index_from_what_can_be_read(tmp_path):
    drafts, index, draft = _damaged_index(tmp_path)
    repaired = run_cli("index", "repair", "--index", index)
    assert "已修复" in repaired.stdout.decode("utf-8")
    assert run_cli("index", "check", "--index", index).returncode == 0
    assert run_cli("index", "add", "--index", index, drafts).returncode == 0  # what was not kept
    found = json.loads(run_cli(draft, "--against", index, "--select", "corpus-overlap", "--format", "json").stdout)
    assert len({f["related"][0]["path"] for f in found}) == 3


def test_names_read_back_from_the_index_are_escaped(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    forged = drafts / "a\n::error file=x::forged.txt"
    body = "".join(f"第{j}项整改措施：建立第{j}号台账，每月核对{j}次并通报结果。" for j in range(12))
    forged.write_text(f"关于巡察整改情况的通报\n\n{body}\n", encoding="utf-8")
    index = tmp_path / "corpus.sqlite"
    assert run_cli("index", "add", "--index", index, drafts).returncode == 0
    listed = run_cli("index", "list", "--index", index).stdout.decode("utf-8")
    assert listed.count("\n") == 1 and "\\n::error" in listed
    draft = tmp_path / "d.txt"
    draft.write_text(f"关于巡察整改情况的通报\n\n{body[:200]}\n", encoding="utf-8")
    for fmt in ("text", "github"):
        out = run_cli(draft, "--against", index, "--select", "corpus-overlap", "--format", fmt).stdout.decode("utf-8")
        assert "corpus-overlap" in out and not any(line.startswith("::error file=x") for line in out.splitlines())

"""Many files: parallel workers, the per-file cache and streamed output give the same findings as
one serial run. (Speed is measured in bench/scale.py, never asserted here.)"""

import json
import shutil

import pytest

from rectlint.api import Linter
from rectlint.cache import Cache

from conftest import EXAMPLES, ROOT, run_cli

CORPUS = ROOT / "tests" / "corpus"


@pytest.fixture
def folder(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    sources = [p for p in sorted([*CORPUS.iterdir(), *EXAMPLES.iterdir()]) if p.suffix in (".txt", ".md")]
    for i, path in enumerate(sources * 2):
        (drafts / f"d{i:03}{path.suffix}").write_text(path.read_text(encoding="utf-8") + f"\n（稿{i}）\n",
                                                    encoding="utf-8")
    return drafts


def _json(*args, cwd):
    result = run_cli(*args, "--format", "json", cwd=cwd)
    return json.loads(result.stdout), result.returncode


def test_parallel_cached_and_serial_runs_agree(folder, tmp_path):
    serial = _json(folder, "-j", "1", "--no-cache", cwd=tmp_path)
    assert serial[0], "the drafts have findings to compare"
    parallel = _json(folder, "-j", "2", "--no-cache", cwd=tmp_path)
    cold = _json(folder, "-j", "2", "--cache-dir", tmp_path / "cache", cwd=tmp_path)
    warm = _json(folder, "-j", "2", "--cache-dir", tmp_path / "cache", cwd=tmp_path)
    assert serial == parallel == cold == warm


def test_a_changed_file_or_configuration_is_linted_again(folder, tmp_path):
    cache = tmp_path / "cache"
    draft = folder / "d000.txt"
    draft.write_text("学习《条例\n", encoding="utf-8")
    first, _ = _json(draft, "--cache-dir", cache, cwd=tmp_path)
    draft.write_text("学习《条例》\n", encoding="utf-8")
    assert _json(draft, "--cache-dir", cache, cwd=tmp_path)[0] == []
    draft.write_text("学习《条例\n", encoding="utf-8")
    assert _json(draft, "--cache-dir", cache, cwd=tmp_path)[0] == first
    (folder / ".rectlint.yaml").write_text("ignore: [punctuation]\n", encoding="utf-8")
    assert _json(draft, "--cache-dir", cache, cwd=tmp_path)[0] == []


def test_corrupt_or_foreign_cache_entries_are_ignored(folder, tmp_path):
    cache = tmp_path / "cache"
    expected = _json(folder, "--cache-dir", cache, cwd=tmp_path)
    entries = list(cache.rglob("*.json"))
    assert entries
    for i, entry in enumerate(entries):
        entry.write_text(["{", "[]", '{"key": "another"}', '{"key": 1, "findings": 2}'][i % 4], encoding="utf-8")
    assert _json(folder, "--cache-dir", cache, cwd=tmp_path) == expected


def test_a_cache_that_cannot_be_written_only_slows_the_run(folder, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert _json(folder, "--cache-dir", blocked / "cache", cwd=tmp_path) == _json(folder, "--no-cache", cwd=tmp_path)


def test_streamed_text_equals_the_text_printed_at_once(folder, tmp_path):
    streamed = run_cli(folder, "-j", "2", "--no-cache", cwd=tmp_path).stdout
    # A baseline that accepts nothing keeps the run unstreamed; the output must not differ.
    empty = tmp_path / "empty-baseline.json"
    empty.write_text('{"version": 2, "entries": []}', encoding="utf-8")
    whole = run_cli(folder, "--baseline", empty, "--no-cache", cwd=tmp_path).stdout
    assert streamed == whole and streamed.count(b"\n") > 10


def test_views_keep_what_reporters_need_and_not_the_texts(folder):
    result = Linter(keep_documents=False).lint_paths([str(folder)])
    item = next(d for d in result.documents.values() if d.findings)
    assert not hasattr(item.document, "text")
    f = item.findings[0]
    assert item.document.lines[f.line - 1].text and item.document.info.kind


def test_library_cache_round_trips_findings_exactly(folder, tmp_path):
    fresh = Linter(keep_documents=False, cache_dir=tmp_path / "c").lint_paths([str(folder)])
    again = Linter(keep_documents=False, cache_dir=tmp_path / "c").lint_paths([str(folder)])
    assert fresh.findings == again.findings
    assert [d.document.info for d in fresh.documents.values()] == [d.document.info for d in again.documents.values()]
    assert isinstance(Cache(tmp_path / "c").get("0" * 64, "x"), type(None))
    shutil.rmtree(tmp_path / "c")


class _Terminal:
    def __init__(self, tty=True):
        self.tty, self.written = tty, ""

    def isatty(self):
        return self.tty

    def write(self, text):
        self.written += text

    def flush(self):
        pass


def _ticks(stream, seconds, monkeypatch, ci=None):
    from rectlint.progress import Progress

    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    now = [0.0]
    progress = Progress("zh", stream, delay=2.0, clock=lambda: now[0])
    for done in range(1, 11):
        now[0] = done * seconds
        progress(done, 10)
    progress.clear()
    return stream.written


def test_a_long_run_on_a_terminal_shows_progress_then_clears_it(monkeypatch):
    written = _ticks(_Terminal(), 0.5, monkeypatch)
    assert "已检查 10/10 个文件" in written and "已检查 3/10" not in written  # not before two seconds
    assert written.endswith("\r\x1b[K")


@pytest.mark.parametrize("tty, ci, seconds", [(False, None, 1.0), (True, "true", 1.0), (True, None, 0.1)])
def test_no_progress_off_a_terminal_in_ci_or_on_a_short_run(monkeypatch, tty, ci, seconds):
    assert _ticks(_Terminal(tty), seconds, monkeypatch, ci) == ""


def test_every_core_is_used_only_for_enough_text_to_repay_starting_the_processes(tmp_path, monkeypatch):
    import multiprocessing
    import os

    from rectlint import api
    from rectlint.reader import Source

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("workers are forked; this platform cannot fork")
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    text = (CORPUS / "c01-province-xunshi-result-lines.txt").read_text(encoding="utf-8")
    sources = []
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
        sources.append(Source(str(tmp_path / f"{i}.txt"), "txt"))
    assert sum((tmp_path / f"{i}.txt").stat().st_size for i in range(6)) < api.WORKERS_REPAID_BYTES
    assert Linter(jobs=0, keep_documents=False)._workers(sources, False) == 1  # serial is faster
    assert Linter(jobs=2, keep_documents=False)._workers(sources, False) == 2  # -j 2 as asked
    (tmp_path / "long.txt").write_text(text * (api.WORKERS_REPAID_BYTES // len(text.encode()) + 1), encoding="utf-8")
    sources.append(Source(str(tmp_path / "long.txt"), "txt"))
    assert Linter(jobs=0, keep_documents=False)._workers(sources, False) == 2
    assert Linter(jobs=1, keep_documents=False)._workers(sources, False) == 1


def test_the_code_fingerprint_follows_every_edit_of_a_rule_or_pack(tmp_path):
    import os

    from rectlint.cache import tree_fingerprint

    (tmp_path / "rules").mkdir()
    rule, pack = tmp_path / "rules" / "a_rule.py", tmp_path / "rules" / "wording.yaml"
    rule.write_text("ID = 'a'\n", encoding="utf-8")
    pack.write_text("[]\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not code\n", encoding="utf-8")
    first = tree_fingerprint([tmp_path])
    assert tree_fingerprint([tmp_path]) == first
    (tmp_path / "notes.txt").write_text("still not code\n", encoding="utf-8")
    assert tree_fingerprint([tmp_path]) == first
    seen = {first}
    for edit in (lambda: rule.write_text("ID = 'b'\n", encoding="utf-8"),  # same size
                 lambda: pack.write_text("[1]\n", encoding="utf-8"),
                 lambda: (tmp_path / "rules" / "b_rule.py").write_text("", encoding="utf-8")):
        edit()
        for path in tmp_path.rglob("*"):  # the edit's own time, as an editor's save would give it
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + len(seen)))
        now = tree_fingerprint([tmp_path])
        assert now not in seen
        seen.add(now)


def test_an_entry_that_cannot_be_put_in_place_leaves_no_temporary_file(tmp_path, monkeypatch):
    import os

    from rectlint.reader import Source

    linter = Linter(keep_documents=False, cache_dir=tmp_path / "cache")
    draft = tmp_path / "d.txt"
    draft.write_text("学习《条例\n", encoding="utf-8")

    def refuse(*args):
        raise PermissionError("read-only")
    monkeypatch.setattr(os, "replace", refuse)
    assert linter._lint_source(Source(str(draft), "txt")).findings  # linted all the same
    left = [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert sorted(left) == [".gitignore", "CACHEDIR.TAG"]  # the folder's own marks, no temporary file

"""The corpus index keeps itself consistent on both engines (an SQLite file, a PostgreSQL
database started by the session's fixture): one transaction per document or batch, read-only
readers, foreign databases refused, interrupts and killed writers rolled back, document
frequencies exact under concurrent writers."""

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
from pgcluster import raw

from rectlint.corpus import Corpus


HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 2000)]
COMMON_MEASURES = ["建立健全长效机制，由分管领导牵头落实整改责任。", "每月召开专题推进会，逐项对账销号。",
                   "组织全体干部开展警示教育，以案促改。", "修订完善内部管理制度七项，堵塞管理漏洞。",
                   "对照问题清单开展回头看，防止问题反弹回潮。", "将整改情况纳入年度考核，压实主体责任。"]


def _notices(folder, n, first=0):
    folder.mkdir()
    for i in range(first, first + n):
        body = "".join(f"第{i}号单位第{j}项整改措施：建立第{i * 31 + j}号台账，每月核对{j}次并通报结果。" for j in range(40))
        (folder / f"n{i:03}.txt").write_text(f"关于巡察整改情况的通报\n\n{body}\n", encoding="utf-8")
    return folder


def _cli(*args):
    return subprocess.Popen([sys.executable, "-m", "rectlint", *map(str, args)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _df(index):
    """Every document frequency: on PostgreSQL, df and the moves still waiting in df_pending."""
    if index.startswith("postgresql://"):
        return sorted(raw(index, "SELECT hash, sum(docs)::int FROM (SELECT hash, docs FROM df UNION ALL "
                                 "SELECT hash, docs FROM df_pending) u GROUP BY hash HAVING sum(docs) <> 0"))
    return sorted(raw(index, "SELECT hash, docs FROM df"))


def _folded(index):
    """The index, its PostgreSQL moves folded into df: damage done to df below is damage to
    every frequency it holds."""
    if index.startswith("postgresql://"):
        with Corpus(index) as writer:
            writer.engine.fold(wait=True)
    return index


def _exists(index) -> bool:
    if index.startswith("postgresql://"):
        return bool(raw(index, "SELECT to_regclass('meta') IS NOT NULL")[0][0])
    from pathlib import Path

    return Path(index).exists()


@pytest.mark.slow
def test_interrupted_and_killed_writers_leave_the_index_consistent(index_at, tmp_path):
    drafts = _notices(tmp_path / "drafts", 100)
    rng = random.Random(7)
    for round_ in range(6):  # Ctrl-C and kill -9 in turn, at random moments of an add
        proc = _cli("index", "add", "--index", index_at, drafts)
        time.sleep(rng.uniform(0.4, 1.6))
        proc.send_signal(signal.SIGKILL if round_ % 2 else signal.SIGINT)
        proc.wait(timeout=60)
        if _exists(index_at):
            check = run_cli("index", "check", "--index", index_at)
            assert check.returncode == 0, check.stdout.decode()
    # Removing half and re-adding all leaves it consistent too.
    assert run_cli("index", "remove", "--index", index_at, *sorted(drafts.iterdir())[::2]).returncode in (0, 1)
    assert run_cli("index", "add", "--index", index_at, drafts).returncode == 0
    assert run_cli("index", "check", "--index", index_at).returncode == 0
    assert len(raw(index_at, "SELECT path FROM docs")) == 100


REMOVER = """
import sys, time
from rectlint.corpus import Corpus
with Corpus(sys.argv[1]) as corpus:
    for _ in range(6):
        for path in sys.argv[2:]:
            corpus.remove(path)
        time.sleep(0.2)
"""


@pytest.mark.slow
def test_four_writers_on_overlapping_folders_end_with_exact_document_frequencies(index_at, tmp_path):
    folders = []
    for w in range(4):  # writer w adds notices 10w .. 10w + 19: each overlaps its neighbour by half
        folder = tmp_path / f"w{w}"
        folder.mkdir()
        for i in range(10 * w, 10 * w + 20):
            shared = "".join(COMMON_MEASURES[k % len(COMMON_MEASURES)] for k in range(i % 5, i % 5 + 3))
            own = "".join(random.Random(i).choice(HAN) for _ in range(300))
            (folder / f"n{i:03}.txt").write_text(f"关于巡察整改情况的通报\n\n{shared}{own}。\n", encoding="utf-8")
        folders.append(folder)
    # Writer w adds folders w and w + 1: every notice is added by two writers at once, while a
    # fifth removes some of them again and again.
    Corpus(index_at, create=True).close()
    procs = [_cli("index", "add", "--index", index_at, folders[w], folders[(w + 1) % 4]) for w in range(4)]
    removed = sorted(folders[1].iterdir())[::3]
    remover = subprocess.Popen([sys.executable, "-c", REMOVER, index_at, *map(str, removed)], cwd=ROOT)
    assert [proc.wait(timeout=120) for proc in procs] == [0, 0, 0, 0] and remover.wait(timeout=120) == 0
    assert run_cli("index", "check", "--index", index_at).returncode == 0
    assert run_cli("index", "add", "--index", index_at, folders[1]).returncode == 0  # the removed, back
    # The frequencies equal those of the same documents added by one writer.
    one = str(tmp_path / "serial.sqlite")
    assert run_cli("index", "add", "--index", one, *folders).returncode == 0
    assert len(raw(index_at, "SELECT path FROM docs")) == 80
    assert _df(index_at) == _df(one) and len(_df(one)) > 100


@pytest.mark.slow
def test_readers_during_writes_see_only_whole_documents(index_at, tmp_path):
    drafts = _notices(tmp_path / "drafts", 60)
    Corpus(index_at, create=True).close()
    writers = [_cli("index", "add", "--index", index_at, drafts) for _ in range(2)]
    seen, deadline = set(), time.time() + 60
    with Corpus(index_at, readonly=True) as reader:
        whole = ("SELECT (SELECT COUNT(*) FROM docs), (SELECT COALESCE(SUM(length(hashes) / 8), 0) FROM docs), "
                 "(SELECT COUNT(*) FROM (SELECT DISTINCT hash, doc FROM fps) AS pairs)")
        while any(w.poll() is None for w in writers) and time.time() < deadline:
            docs, expected, posted = reader.engine.read(lambda: reader.engine.run(whole).fetchone())
            assert expected == posted, f"{docs} documents: {expected} fingerprints listed, {posted} posted"
            assert reader.check() == []
            seen.add(docs)
    assert all(w.wait(timeout=60) == 0 for w in writers)
    assert len(seen) > 1  # the reader did look while the writers were at work


def test_readers_never_create_or_change_an_index(index_at, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("关于巡察整改情况的通报\n\n整改情况。\n", encoding="utf-8")
    for args in (["index", "list"], ["index", "stats"], ["index", "check"], ["index", "copies"]):
        result = run_cli(*args, "--index", index_at)
        assert result.returncode == 2 and "索引不存在".encode() in result.stderr, result.stderr.decode()
        assert not _exists(index_at)
    assert run_cli(draft, "--against", index_at).returncode == 2 and not _exists(index_at)


def test_read_only_sessions_cannot_write(index_at):
    Corpus(index_at, create=True).close()
    with Corpus(index_at, readonly=True) as reader:
        with pytest.raises(reader.engine.Error):
            reader.engine.read(lambda: reader.engine.run("INSERT INTO meta(key, value) VALUES('x', 'y')"))
    assert raw(index_at, "SELECT COUNT(*) FROM meta") == [(2,)]


def test_a_database_that_is_not_an_index_is_refused_and_left_alone(index_at, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("关于巡察整改情况的通报\n\n整改情况。\n", encoding="utf-8")
    targets = []
    if index_at.startswith("postgresql://"):
        raw(index_at, "CREATE TABLE accounts(name text)")
        targets.append(index_at)
    else:
        empty = tmp_path / "empty.sqlite"
        empty.write_bytes(b"")
        other = tmp_path / "other.sqlite"
        with sqlite3.connect(other) as db:
            db.execute("CREATE TABLE t(x)")
        targets += [str(empty), str(other)]
    for target in targets:
        before = target.startswith("postgresql://") or open(target, "rb").read()
        for args in (["index", "add", "--index", target, draft], ["index", "list", "--index", target],
                     [draft, "--against", target], ["index", "copy", target, str(tmp_path / "x.sqlite")]):
            result = run_cli(*args)
            assert result.returncode == 2 and "不是 rectlint 索引".encode() in result.stderr, result.stderr.decode()
        if target.startswith("postgresql://"):
            assert raw(target, "SELECT to_regclass('docs')") == [(None,)]
        else:
            assert open(target, "rb").read() == before


def test_an_index_from_a_newer_rectlint_is_refused(index_at):
    Corpus(index_at, create=True).close()
    raw(index_at, "UPDATE meta SET value = '99' WHERE key = 'version'")
    for args in (["index", "list"], ["index", "add"]):
        result = run_cli(*args, "--index", index_at, *([EXAMPLES / "clean-notice.txt"] if args[1] == "add" else []))
        assert result.returncode == 2 and "较新的 rectlint".encode() in result.stderr
    english = run_cli("index", "stats", "--index", index_at, "--lang", "en")
    assert b"made by a newer rectlint" in english.stderr
    assert raw(index_at, "SELECT value FROM meta WHERE key = 'version'") == [("99",)]


def test_a_version_2_index_is_read_as_it_is_and_migrated_by_a_writer(tmp_path):
    index = tmp_path / "v2.sqlite"
    with sqlite3.connect(index) as db:  # the schema rectlint 0.2 wrote
        db.executescript("""
            CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
            CREATE TABLE docs(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha TEXT NOT NULL,
                              chars INTEGER NOT NULL, added TEXT NOT NULL, hashes BLOB NOT NULL);
            CREATE TABLE fps(hash INTEGER NOT NULL, doc INTEGER NOT NULL, line INTEGER NOT NULL,
                             col INTEGER NOT NULL, end_col INTEGER NOT NULL,
                             PRIMARY KEY(hash, doc, line, col)) WITHOUT ROWID;
            CREATE TABLE df(hash INTEGER PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
            INSERT INTO meta VALUES('kind', 'rectlint-corpus'), ('version', '2');
            INSERT INTO docs VALUES(1, 'old.txt', 'x', 10, '2025-01-01T00:00:00+00:00', x'0100000000000000');
            INSERT INTO fps VALUES(1, 1, 1, 1, 8);
            INSERT INTO df VALUES(1, 1);""")
    listed = run_cli("index", "list", "--index", index)
    assert listed.returncode == 0 and b"old.txt" in listed.stdout
    assert raw(str(index), "SELECT value FROM meta WHERE key = 'version'") == [("2",)]  # a reader changed nothing
    assert run_cli("index", "add", "--index", index, EXAMPLES / "clean-notice.txt").returncode == 0
    assert raw(str(index), "SELECT value FROM meta WHERE key = 'version'") == [("4",)]
    assert run_cli("index", "check", "--index", index).returncode == 0


class Rollback(Exception):
    pass


def test_a_reader_works_while_a_writer_holds_the_index(index_at, tmp_path):
    drafts = _notices(tmp_path / "drafts", 5)
    assert run_cli("index", "add", "--index", index_at, drafts).returncode == 0
    with Corpus(_folded(index_at)) as writer:
        def held():
            writer.engine.run("UPDATE meta SET value = value WHERE key = 'kind'")
            writer.engine.run("DELETE FROM df WHERE hash IN (SELECT hash FROM df LIMIT 5)")
            listed = run_cli("index", "list", "--index", index_at)
            assert listed.returncode == 0 and listed.stdout.count(b"\n") == 5
            assert run_cli("index", "check", "--index", index_at).returncode == 0  # the change is not seen
            raise Rollback

        with pytest.raises(Rollback):
            writer.engine.write(held)
    assert run_cli("index", "check", "--index", index_at).returncode == 0


def test_repair_rebuilds_document_frequencies(index_at, tmp_path):
    drafts = _notices(tmp_path / "drafts", 3)
    run_cli("index", "add", "--index", index_at, drafts)
    raw(_folded(index_at), "UPDATE df SET docs = docs + 5 WHERE hash IN (SELECT hash FROM df ORDER BY hash LIMIT 3)")
    check = run_cli("index", "check", "--index", index_at)
    assert check.returncode == 1 and "文档频率记为".encode() in check.stdout
    assert run_cli("index", "repair", "--index", index_at).returncode == 0
    assert run_cli("index", "check", "--index", index_at).returncode == 0


def test_index_commands_are_idempotent_and_manage_documents(index_at):
    n = len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")])
    first = run_cli("index", "add", "--index", index_at, EXAMPLES)
    assert first.returncode == 0 and f"{n} 个已加入".encode() in first.stdout
    again = run_cli("index", "add", "--index", index_at, EXAMPLES, "--lang", "en")
    assert f"0 added, 0 updated, {n} unchanged".encode() in again.stdout
    listing = run_cli("index", "list", "--index", index_at).stdout.decode("utf-8")
    assert listing.count("\n") == n
    stats = run_cli("index", "stats", "--index", index_at, "--lang", "en").stdout.decode("utf-8")
    assert f"documents: {n}" in stats
    removed = run_cli("index", "remove", "--index", index_at, EXAMPLES / "clean-notice.txt")
    stats = run_cli("index", "stats", "--index", index_at).stdout.decode()
    assert removed.returncode == 0 and f"文档数：{n - 1}" in stats
    missing = run_cli("index", "remove", "--index", index_at, EXAMPLES / "clean-notice.txt")
    assert missing.returncode == 1 and "不在索引中".encode() in missing.stderr


def test_changed_document_is_updated_in_place(index_at, tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(notice("甲", "建立台账。"), encoding="utf-8")
    run_cli("index", "add", "--index", index_at, draft)
    draft.write_text(notice("甲", "建立台账并定期核对。"), encoding="utf-8")
    assert b"0 added, 1 updated" in run_cli("index", "add", "--index", index_at, draft, "--lang", "en").stdout
    assert "文档数：1".encode() in run_cli("index", "stats", "--index", index_at).stdout
    assert run_cli("index", "check", "--index", index_at).returncode == 0


def test_each_notice_records_its_issuer_and_date(index_at, tmp_path):
    signed = tmp_path / "signed.txt"
    signed.write_text("中共某县水利局党组关于巡察整改进展情况的通报\n\n一、整改情况\n\n1.问题。\n\n整改情况：建立台账。\n\n"
                      "中共某县水利局党组\n2025年6月3日\n", encoding="utf-8")
    titled = tmp_path / "titled.txt"
    titled.write_text("某县审计局关于审计整改情况的公告\n\n整改情况：已完成。\n", encoding="utf-8")
    chinese = tmp_path / "chinese.txt"
    chinese.write_text("关于巡察整改进展情况的通报\n\n整改情况：建立台账。\n\n中共某镇委员会\n二〇二五年十一月二十日\n",
                       encoding="utf-8")
    assert run_cli("index", "add", "--index", index_at, tmp_path).returncode == 0
    listed = {d["path"].rsplit("/", 1)[-1]: d for d in
              json.loads(run_cli("index", "list", "--index", index_at, "--format", "json").stdout)}
    assert (listed["signed.txt"]["issuer"], listed["signed.txt"]["issued"]) == ("中共某县水利局党组", "2025-06-03")
    assert (listed["titled.txt"]["issuer"], listed["titled.txt"]["issued"]) == ("某县审计局", None)
    assert (listed["chinese.txt"]["issuer"], listed["chinese.txt"]["issued"]) == ("中共某镇委员会", "2025-11-20")
    # --issuer names the unit where the text does not, and a re-add with it updates only that.
    given = run_cli("index", "add", "--index", index_at, "--issuer", "某县水利局", signed, "--lang", "en")
    assert b"0 added, 1 updated" in given.stdout
    listed = json.loads(run_cli("index", "list", "--index", index_at, "--format", "json").stdout)
    assert [d["issuer"] for d in listed if d["path"].endswith("signed.txt")] == ["某县水利局"]
    assert b"0 added, 0 updated, 1 unchanged" in run_cli("index", "add", "--index", index_at, signed,
                                                         "--lang", "en").stdout


def test_against_on_the_command_line_and_in_the_configuration(index_at, tmp_path):
    run_cli("index", "add", "--index", index_at, EXAMPLES / "clean-notice.txt")
    draft = tmp_path / "d.txt"
    lines = (EXAMPLES / "clean-notice.txt").read_text(encoding="utf-8").splitlines()
    draft.write_text("关于整改情况的通报\n\n一、整改情况\n1.问题。\n" + lines[24] + "\n", encoding="utf-8")
    found = json.loads(run_cli(draft, "--against", index_at, "--select", "duplicate", "--format", "json").stdout)
    assert [f["related"][0]["line"] for f in found] == [25]
    assert found[0]["related"][0]["path"].endswith("clean-notice.txt")
    against = index_at if index_at.startswith("postgresql://") else "corpus.sqlite"
    (tmp_path / ".rectlint.yaml").write_text(f"against: {against}\n", encoding="utf-8")
    configured = json.loads(run_cli(draft, "--select", "duplicate", "--format", "json").stdout)
    assert [f["related"][0]["line"] for f in configured] == [25]


def test_missing_index_is_an_input_error(tmp_path, postgres):
    result = run_cli(EXAMPLES / "clean-notice.txt", "--against", tmp_path / "none.sqlite")
    assert result.returncode == 2 and "索引不存在".encode() in result.stderr
    empty = postgres.url(postgres.new_database())
    result = run_cli(EXAMPLES / "clean-notice.txt", "--against", empty)
    assert result.returncode == 2 and "索引不存在".encode() in result.stderr


COPIED = "建立问题清单、任务清单和责任清单，实行挂图作战、对账销号，每月召开推进会听取进展，逐项跟踪销号直到全部完成。"


def _unit(folder, name, unit, measures, date):
    text = (f"中共{unit}党组关于巡察整改进展情况的通报\n\n一、整改情况\n\n1.问题。\n\n整改结果：已完成整改。\n\n"
            f"整改情况：{measures}\n\n欢迎广大干部群众对巡察整改落实情况进行监督，如有意见建议请及时向我们反映。\n\n"
            f"中共{unit}党组\n{date}\n")
    (folder / name).write_text(text, encoding="utf-8")


def _copying_units(folder):
    """Nine units' notices: three share COPIED, two of them from one issuer."""
    folder.mkdir()
    own = "结合本单位实际，第{0}单位采取了编号为{0}的专门措施，内容与其他单位各不相同{1}。"
    for i in range(6):  # the closing formula is in all of them: boilerplate, never a copy
        _unit(folder, f"u{i}.txt", f"第{i}局", own.format(i, "甲乙丙丁戊己"[i]), f"2025年{i + 3}月1日")
    _unit(folder, "source.txt", "源头局", COPIED + own.format(7, "庚"), "2025年2月1日")
    _unit(folder, "copier.txt", "照搬局", own.format(8, "辛") + COPIED, "2025年9月1日")
    _unit(folder, "sibling.txt", "源头局", COPIED + own.format(9, "壬"), "2025年3月1日")  # same issuer as source
    return folder


def test_copies_lists_pairs_of_units_sharing_passages(index_at, tmp_path):
    folder = _copying_units(tmp_path / "notices")
    assert run_cli("index", "add", "--index", index_at, folder).returncode == 0
    found = json.loads(run_cli("index", "copies", "--index", index_at, "--format", "json").stdout)
    pairs = [(c["a"]["path"].rsplit("/", 1)[-1], c["b"]["path"].rsplit("/", 1)[-1]) for c in found]
    assert sorted(pairs) == [("sibling.txt", "copier.txt"), ("source.txt", "copier.txt")]
    first = next(c for c in found if c["a"]["path"].endswith("source.txt"))
    assert first["earlier"] == "a" and first["a"]["issuer"] == "中共源头局党组" and first["a"]["issued"] == "2025-02-01"
    assert 0.3 < first["a"]["share"] <= 1 and first["passages"][0]["a"]["text"].startswith(COPIED[:-1])
    assert first["passages"][0]["a"]["line"] == 9
    text = run_cli("index", "copies", "--index", index_at).stdout.decode("utf-8")
    assert "中共源头局党组在先" in text and "共 2 对" in text
    assert "copier.txt:9:" in text
    page = run_cli("index", "copies", "--index", index_at, "--format", "html").stdout.decode("utf-8")
    assert page.count('class="pair"') == 2 and '<mark class="shared">' in page and "中共照搬局党组" in page
    # The filters: a share above any pair's, an issuer, a day after every copy.
    assert "共 0 对" in run_cli("index", "copies", "--index", index_at, "--min-share", "0.99").stdout.decode()
    only = json.loads(run_cli("index", "copies", "--index", index_at, "--issuer", "照搬", "--since", "2025-08-01",
                              "--format", "json").stdout)
    assert len(only) == 2
    assert json.loads(run_cli("index", "copies", "--index", index_at, "--since", "2025-10-01",
                              "--format", "json").stdout) == []
    assert json.loads(run_cli("index", "copies", "--index", index_at, "--issuer", "第0局",
                              "--format", "json").stdout) == []


def test_an_index_created_while_a_writer_looks_is_taken_for_an_index(postgres):
    """A writer opening a new database reads what is there in two statements. Another writer's
    creation, committed between them, must be seen as an index, not as a foreign database:
    4 writers opening one new database at once refused it now and then."""
    from rectlint.corpus import engine_for

    url = postgres.url(postgres.new_database())
    engine = engine_for(url)
    engine.open(create=True, readonly=False)
    looked = engine.db.execute
    calls = []

    def execute(*args, **kwargs):
        found = looked(*args, **kwargs)
        calls.append(args[0])
        if len(calls) == 1:
            Corpus(url, create=True).close()  # the other writer's creation commits just now
        return found

    engine.db.execute = execute
    meta = engine.read_meta()
    engine.db.execute = looked
    engine.close()
    assert meta is not None and meta.get("kind") == "rectlint-corpus", meta


def test_moves_waiting_in_df_pending_are_read_exactly(postgres, tmp_path):
    """A PostgreSQL writer leaves its document-frequency moves in df_pending until it folds
    them: meanwhile readers see the same frequencies, lookups, copies and check as after."""
    from rectlint.conventions.fingerprint import document_fingerprints
    from rectlint.copies import find
    from rectlint.document import Document

    url = postgres.url(postgres.new_database())
    hashes = [h for h, _, _ in document_fingerprints(Document(COPIED, "draft.txt"))]

    def seen():
        with Corpus(url, readonly=True) as reader:
            pairs = sorted((c.a.path, c.b.path) for c in find(reader)[0])
            return (reader.stats()["distinct hashes"], reader.check(), pairs,
                    {h: sorted(p) for h, p in reader.matches(hashes, 4).items()}, reader.matches(hashes, 3))

    writer = Corpus(url, create=True)
    writer.add_paths([_copying_units(tmp_path / "notices")], on_error=pytest.fail)
    assert raw(url, "SELECT count(*) FROM df") == [(0,)] and raw(url, "SELECT count(*) FROM df_pending")[0][0] > 20
    waiting = seen()
    writer.engine.fold(wait=True)
    assert raw(url, "SELECT count(*) FROM df_pending") == [(0,)] and raw(url, "SELECT count(*) FROM df")[0][0] > 20
    assert seen() == waiting
    writer.close()
    distinct, problems, pairs, in_three, under_three = waiting
    assert problems == [] and len(pairs) == 2 and in_three and under_three == {}
    assert {len(p) for p in in_three.values()} == {3}  # COPIED is in three notices


def test_a_version_3_postgresql_index_is_read_as_it_is_and_migrated_by_a_writer(postgres):
    url = postgres.url(postgres.new_database())
    assert run_cli("index", "add", "--index", url, EXAMPLES / "clean-notice.txt").returncode == 0
    raw(_folded(url), "DROP TABLE df_pending")  # what rectlint wrote before version 4
    raw(url, "UPDATE meta SET value = '3' WHERE key = 'version'")
    for command in ("stats", "check", "list"):
        assert run_cli("index", command, "--index", url).returncode == 0
    assert raw(url, "SELECT value FROM meta WHERE key = 'version'") == [("3",)]  # readers changed nothing
    assert run_cli("index", "add", "--index", url, EXAMPLES / "draft-with-defects.txt").returncode == 0
    assert raw(url, "SELECT value FROM meta WHERE key = 'version'") == [("4",)]
    assert raw(url, "SELECT to_regclass('df_pending') IS NOT NULL") == [(True,)]
    assert run_cli("index", "check", "--index", url).returncode == 0


def test_the_index_keeps_no_raw_personal_numbers(index_at, tmp_path):
    from rectlint.corpus import unpack_text

    draft = tmp_path / "d.txt"
    draft.write_text("经核实，当事人身份证号码440300198506171232，手机158-6745-3421，卡号6228 4800 1234 5671。\n",
                     encoding="utf-8")
    assert run_cli("index", "add", "--index", index_at, draft).returncode == 0
    (body,) = raw(index_at, "SELECT body FROM docs")[0]
    stored = unpack_text(body)
    assert "当事人身份证号码" in stored
    assert not any(raw_number in stored for raw_number in ("1985", "6745", "1234", "5671", "0300"))


def test_copy_moves_an_index_between_engines_both_ways(tmp_path, postgres):
    sqlite_index = str(tmp_path / "a.sqlite")
    assert run_cli("index", "add", "--index", sqlite_index, EXAMPLES).returncode == 0
    url = postgres.url(postgres.new_database())
    moved = run_cli("index", "copy", sqlite_index, url)
    assert moved.returncode == 0 and "复制 4 篇".encode() in moved.stdout
    again = run_cli("index", "copy", sqlite_index, url, "--lang", "en")
    assert b"0 copied, 0 replaced, 4 already there unchanged" in again.stdout
    back = str(tmp_path / "b.sqlite")
    assert run_cli("index", "copy", url, back).returncode == 0
    listings = [run_cli("index", "list", "--index", where, "--format", "json").stdout for where in (sqlite_index, url, back)]
    assert json.loads(listings[0]) == json.loads(listings[1]) == json.loads(listings[2])
    assert _df(sqlite_index) == _df(url) == _df(back)
    for where in (url, back):
        assert run_cli("index", "check", "--index", where).returncode == 0
    same = run_cli("index", "copy", url, url)
    assert same.returncode == 2


def _leaks(result, secrets) -> list:
    shown = (result.stdout + result.stderr).decode("utf-8", "replace")
    return [s for s in secrets if s in shown]


@pytest.mark.slow
def test_a_password_never_appears_in_output_or_errors(postgres, tmp_path):
    from urllib.parse import quote

    from pgcluster import PASSWORD_ROLE, _free_port

    secret = postgres.password
    secrets = [secret, quote(secret, safe=""), secret[3:-3]]
    url = postgres.url(postgres.new_database(), user=PASSWORD_ROLE, password=secret)
    draft = tmp_path / "d.txt"
    lines = (EXAMPLES / "clean-notice.txt").read_text(encoding="utf-8").splitlines()
    draft.write_text("关于整改情况的通报\n\n一、整改情况\n1.问题。\n" + lines[24] + "\n", encoding="utf-8")
    working = [("index", "add", "--index", url, EXAMPLES), ("index", "list", "--index", url),
               ("index", "stats", "--index", url), ("index", "check", "--index", url),
               ("index", "repair", "--index", url), ("index", "copies", "--index", url, "--format", "html"),
               ("index", "remove", "--index", url, "none.txt"), (draft, "--against", url, "--format", "json"),
               (draft, "--against", url), ("index", "copy", url, tmp_path / "x.sqlite")]
    for args in working:
        result = run_cli(*args)
        assert result.returncode in (0, 1) and not _leaks(result, secrets), (args, result.stderr)
    assert "postgresql://secretive:***@".encode() in run_cli("index", "stats", "--index", url).stdout
    failing = {
        "拒绝登录": postgres.url("postgres", user=PASSWORD_ROLE, password=secret + "x"),
        "连不上 PostgreSQL 服务器": f"postgresql://{PASSWORD_ROLE}:{secret}@127.0.0.1:{_free_port()}/db",
        "没有这个数据库": postgres.url("nope", user=PASSWORD_ROLE, password=secret),
        "地址写法有误": f"postgresql://{PASSWORD_ROLE}:{secret}%zz@127.0.0.1:{postgres.port}/db",
        "不是 rectlint 索引": postgres.url("postgres", user=PASSWORD_ROLE, password=secret) + "?password=" + secret,
    }
    raw(postgres.url("postgres"), "CREATE TABLE IF NOT EXISTS accounts(name text)")
    for words, bad in failing.items():
        every = words == "拒绝登录"  # each command once; the other failures through one of them
        for args in (("index", "list", "--index", bad), ("index", "add", "--index", bad, draft),
                     (draft, "--against", bad), ("serve", "--against", bad), ("index", "copy", bad, url))[:5 if every else 1]:
            result = run_cli(*args)
            assert result.returncode == 2 and words.encode() in result.stderr, (words, args, result.stderr.decode())
            assert not _leaks(result, [*secrets, secret[::-1]]) and b"Traceback" not in result.stderr, result.stderr
        english = run_cli("index", "list", "--index", bad, "--lang", "en")
        assert english.returncode == 2 and not _leaks(english, secrets) and "：".encode() not in english.stderr
    # From PGPASSWORD or a password file instead of the URL, as libpq reads them.
    bare = url.replace(f":{secret}@", "@")
    refused = run_cli("index", "list", "--index", bare, "--lang", "en", env={"PGPASSWORD": secret[::-1]})
    assert b"refused the login" in refused.stderr and not _leaks(refused, [secret[::-1]])
    assert run_cli("index", "list", "--index", bare, env={"PGPASSWORD": secret}).returncode == 0
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{postgres.port}:*:{PASSWORD_ROLE}:{secret}\n", encoding="utf-8")
    passfile.chmod(0o600)
    listed = run_cli("index", "list", "--index", bare, env={"PGPASSFILE": str(passfile)})
    assert listed.returncode == 0 and b"clean-notice.txt" in listed.stdout and not _leaks(listed, secrets)


def test_without_psycopg_a_postgresql_index_names_the_extra():
    code = ("import sys; sys.modules['psycopg'] = None\nfrom rectlint.cli import main\n"
            "main(['index', 'list', '--index', 'postgresql://u:pw@127.0.0.1:1/db'])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT)
    assert result.returncode == 2 and "rectlint[postgres]" in result.stderr.decode("utf-8")
    assert "需要 psycopg".encode() in result.stderr and b"Traceback" not in result.stderr


def test_a_long_lived_reader_survives_a_lost_connection(postgres):
    url = postgres.url(postgres.new_database())
    assert run_cli("index", "add", "--index", url, EXAMPLES / "clean-notice.txt").returncode == 0
    with Corpus(url, readonly=True) as reader:
        assert len(reader.documents()) == 1
        postgres.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'rectlint'")
        assert len(reader.documents()) == 1  # opened again, once


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
    assert checked.returncode == 1 and "索引已损坏".encode() in checked.stdout
    checked = run_cli("index", "check", "--index", index, "--lang", "en")
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
    assert repaired.returncode == (1 if "未能保留".encode() in repaired.stdout else 0)
    assert run_cli("index", "check", "--index", index).returncode == 0
    assert run_cli("index", "add", "--index", index, drafts).returncode == 0  # what was not kept
    found = json.loads(run_cli(draft, "--against", index, "--select", "corpus-overlap", "--format", "json").stdout)
    assert len({f["related"][0]["path"] for f in found}) == 3


def _indexed_with_a_draft(index_at, tmp_path):
    """Three notices indexed, and a draft quoting the first: (that notice's path, the draft)."""
    drafts = _notices(tmp_path / "drafts", 3)
    assert run_cli("index", "add", "--index", index_at, drafts).returncode == 0
    draft = tmp_path / "d.txt"
    first = sorted(drafts.iterdir())[0]
    draft.write_text("关于巡察整改情况的通报\n\n" + first.read_text(encoding="utf-8").splitlines()[2][:300] + "\n",
                     encoding="utf-8")
    return first, draft


def test_lost_postings_are_damage_on_either_engine_and_repair_puts_them_right(index_at, tmp_path):
    """What applies on PostgreSQL too: a lookup is checked against the document frequencies."""
    first, draft = _indexed_with_a_draft(index_at, tmp_path)
    doc = raw(index_at, "SELECT id FROM docs WHERE path = ?", (first.as_posix(),))[0][0]
    raw(index_at, "DELETE FROM fps WHERE doc = ?", (doc,))  # its postings lost, its frequencies kept
    out = run_cli(draft, "--against", index_at, "--select", "corpus-overlap", "--format", "json")
    assert out.returncode == 2 and b"index repair" in out.stderr and json.loads(out.stdout) == []
    assert run_cli("index", "check", "--index", index_at).returncode == 1
    repaired = run_cli("index", "repair", "--index", index_at)
    assert repaired.returncode == 0 and "已修复".encode() in repaired.stdout
    assert run_cli("index", "check", "--index", index_at).returncode == 0
    after = run_cli(draft, "--against", index_at, "--select", "corpus-overlap")
    assert after.returncode in (0, 1) and b"index repair" not in after.stderr


def test_lost_frequencies_are_damage_to_a_lookup_on_sqlite_and_to_check_on_both(index_at, tmp_path):
    first, draft = _indexed_with_a_draft(index_at, tmp_path)
    raw(_folded(index_at), "DELETE FROM df")  # every frequency lost, the postings kept
    out = run_cli(draft, "--against", index_at, "--select", "corpus-overlap", "--format", "json")
    if index_at.startswith("postgresql://"):  # the server keeps its pages whole: left to index check
        assert out.returncode == 0 and json.loads(out.stdout) == []
    else:
        assert out.returncode == 2 and b"index repair" in out.stderr
    assert run_cli("index", "check", "--index", index_at).returncode == 1
    assert run_cli("index", "repair", "--index", index_at).returncode == 0
    found = json.loads(run_cli(draft, "--against", index_at, "--select", "corpus-overlap", "--format", "json").stdout)
    assert first.as_posix() in {f["related"][0]["path"] for f in found}


def test_names_read_back_from_the_index_are_escaped(index_at, tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    forged = drafts / "a\n::error file=x::forged.txt"
    body = "".join(f"第{j}项整改措施：建立第{j}号台账，每月核对{j}次并通报结果。" for j in range(12))
    forged.write_text(f"关于巡察整改情况的通报\n\n{body}\n", encoding="utf-8")
    index = index_at
    assert run_cli("index", "add", "--index", index, drafts).returncode == 0
    listed = run_cli("index", "list", "--index", index).stdout.decode("utf-8")
    assert listed.count("\n") == 1 and "\\n::error" in listed
    draft = tmp_path / "d.txt"
    draft.write_text(f"关于巡察整改情况的通报\n\n{body[:200]}\n", encoding="utf-8")
    for fmt in ("text", "github"):
        out = run_cli(draft, "--against", index, "--select", "corpus-overlap", "--format", fmt).stdout.decode("utf-8")
        assert "corpus-overlap" in out and not any(line.startswith("::error file=x") for line in out.splitlines())

"""The corpus index at the scale of a province, on SQLite and PostgreSQL side by side. Not a test.

    python bench/index_scale.py [--notices 100000] [--url postgresql://…] [--queries 400]

Builds a synthetic province: `--notices` notices of 5,000-odd issuers (about 20 each), made by
recombining the sentences of the clean corpus notices (tests/corpus) and mutating them (one
character in six replaced), under frames of the genre (title, lead, items, supervision block,
signature, 成文日期). Two per cent of the notices copy two or three measures paragraphs
verbatim from an earlier notice of another issuer: those (source, copier) pairs are the planted
copying that `index copies` must find.

Then, on each engine in turn (SQLite in a temporary file; PostgreSQL in a throwaway cluster
started with the server's durable defaults, or the database at --url):
  - ingest: the province added by 4 writers; then equal fresh slices added by 1 and by 4
    writers, one notice per transaction (editors adding their notices) and in the engine's
    folder batches (one person adding a folder), entries prepared (fingerprinted) beforehand, as
    each editor's machine prepares its own, so the rate is the index's; and the same end to end
    (reading and fingerprinting in the writers) for comparison;
  - --against: the index lookup for 10 KB drafts (each holding two passages of indexed notices)
    with 1 and 8 concurrent readers, p50 and p95; and the whole corpus-overlap check with 1;
  - index copies: time, recall and precision against the planted pairs;
  - size of the index.
"""

from __future__ import annotations

import argparse
import array
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import corpus_files  # noqa: E402
from rectlint.corpus import Corpus, Entry, pack_hashes  # noqa: E402
from rectlint.document import Document  # noqa: E402

HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
PLACES = "青柳桃松云龙江河湖山石金银玉凤鹤梅兰竹菊春秋东西南北平安永泰兴华新丰宁远清明阳光"
LEVELS = ("县", "区", "市")
BUREAUS = ("农业农村局", "教育体育局", "市场监督管理局", "自然资源和规划局", "人力资源和社会保障局", "交通运输局",
           "水利局", "卫生健康委员会", "住房和城乡建设局", "商务局", "审计局", "财政局", "民政局", "司法局",
           "生态环境局", "文化广电旅游局", "应急管理局", "统计局", "医疗保障局", "林业局", "退役军人事务局",
           "行政审批局", "数据资源局", "供销合作社", "人民法院", "人民检察院", "档案馆", "机关事务管理局")
PER_ISSUER = 20
COPY_SHARE = 0.02  # of notices that copy from another issuer's
WRITERS, READERS = 4, 8


# -- the synthetic province --------------------------------------------------------
def material() -> dict:
    """Sentence pools from the clean corpus: problems, measures, leads."""
    from rectlint.conventions.fingerprint import comparable_units

    problems, measures, leads = set(), set(), set()
    for path in corpus_files.notices():
        fmt, text, doc = corpus_files.read(path)
        if fmt not in ("txt", "md"):
            continue
        outline = doc.outline
        for item in outline.items:
            head = item.line.text.strip()
            if 8 <= len(head) <= 80:
                problems.add(head.lstrip("0123456789.、（）() ").strip())
        for start, end, item, heading in comparable_units(doc):
            if item is None or heading:
                continue
            for sentence in text[start:end].replace("；", "。").split("。"):
                if 12 <= len(sentence) <= 90:
                    measures.add(sentence.strip() + "。")
        for line in outline.lead:
            if 30 <= len(line.text) <= 300:
                leads.add(line.text.strip())
    return {"problems": sorted(problems), "measures": sorted(measures), "leads": sorted(leads)}


def issuer(u: int) -> str:
    a, b = divmod(u % (len(PLACES) ** 2), len(PLACES))
    place = PLACES[a] + PLACES[b] + LEVELS[u // len(PLACES) ** 2 % 3]
    return f"中共{place}{BUREAUS[u // (len(PLACES) ** 2 * 3) % len(BUREAUS)]}党组"


def plan(n: int, seed: int = 1) -> dict:
    """Who issued each notice and when, and which notices copy which (copier -> source)."""
    rng = random.Random(seed)
    dates = [(2021 + rng.randrange(5), 1 + rng.randrange(12), 1 + rng.randrange(28)) for _ in range(n)]
    copiers = rng.sample(range(n), int(n * COPY_SHARE))
    taken = set(copiers)
    copies = {}
    for c in copiers:
        while True:
            s = rng.randrange(n)
            if s not in taken and s // PER_ISSUER != c // PER_ISSUER:
                break
        taken.add(s)
        if dates[s] >= dates[c]:  # the source is the earlier notice
            dates[s] = (dates[c][0] - 1, *dates[c][1:])
        copies[c] = (s, rng.sample(range(5), rng.choice((2, 3))))
    return {"n": n, "dates": dates, "copies": copies}


def _mutated(sentence: str, rng: random.Random) -> str:
    return "".join(rng.choice(HAN) if "\u4e00" <= ch <= "\u9fff" and rng.random() < 1 / 6 else ch for ch in sentence)


def _measures(i: int, pools: dict) -> list[str]:
    rng = random.Random(i * 7919 + 11)
    return ["".join(_mutated(rng.choice(pools["measures"]), rng) for _ in range(rng.choice((2, 3))))
            for _ in range(5)]


def notice(i: int, pools: dict, province: dict) -> str:
    rng = random.Random(i)
    unit = issuer(i // PER_ISSUER)
    y, m, d = province["dates"][i]
    measures = _measures(i, pools)
    if i in province["copies"]:
        source, items = province["copies"][i]
        theirs = _measures(source, pools)
        for k in items:
            measures[k] = theirs[k]
    lead = rng.choice(pools["leads"])
    body = "".join(f"{k + 1}.{_mutated(rng.choice(pools['problems']), rng)}\n\n整改结果：已完成整改。\n\n"
                   f"整改情况：{measures[k]}\n\n" for k in range(5))
    return (f"{unit}关于巡察反馈意见整改进展情况的通报\n\n{lead}\n\n一、整改落实情况\n\n{body}"
            f"欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0791-8{i % 1000000:06d}。\n\n"
            f"{unit}\n{y}年{m}月{d}日\n")


def draft(q: int, pools: dict, province: dict) -> str:
    """A 10 KB draft (about 3,400 characters): new measures, and two passages of indexed notices."""
    rng = random.Random(10_000_000 + q)
    parts = [_mutated(rng.choice(pools["measures"]), rng) for _ in range(60)]
    for _ in range(2):
        parts.insert(rng.randrange(len(parts)), _measures(rng.randrange(province["n"]), pools)[rng.randrange(5)])
    body, k = [], 1
    while parts:
        body.append(f"{k}.问题{k}。\n\n整改情况：{''.join(parts[:3])}\n\n")
        parts, k = parts[3:], k + 1
    text = "关于巡察反馈意见整改进展情况的通报\n\n一、整改落实情况\n\n" + "".join(body) + "中共某单位党组\n2025年12月1日\n"
    while len(text.encode("utf-8")) < 10_000:
        text = text.replace("\n\n中共某单位", f"\n\n{k}.问题{k}。\n\n整改情况：{_mutated(rng.choice(pools['measures']), rng)}"
                            "\n\n中共某单位", 1)
        k += 1
    return text


# -- prepared entries ------------------------------------------------------------
class Prepared:
    """An index Entry kept compactly between fingerprinting and storing."""

    __slots__ = ("path", "sha", "chars", "added", "hashes", "issuer", "issued", "body", "given_issuer", "_rows")

    def __init__(self, entry: Entry):
        for name in ("path", "sha", "chars", "added", "issuer", "issued", "body", "given_issuer"):
            setattr(self, name, getattr(entry, name))
        self.hashes = array.array("q", entry.hashes)
        self._rows = array.array("q", [x for row in entry.rows for x in row])

    @property
    def rows(self):
        r = self._rows
        return [tuple(r[i:i + 4]) for i in range(0, len(r), 4)]

    def values(self) -> tuple:
        return (self.path, self.sha, self.chars, self.added, pack_hashes(self.hashes), self.issuer, self.issued,
                self.body)


_G: dict = {}  # what forked workers inherit


def _prepare(i: int) -> Prepared:
    text = notice(i, _G["pools"], _G["province"])
    return Prepared(Entry(f"province/{i // PER_ISSUER:05d}/{i:06d}.txt", Document(text, f"{i}.txt")))


def prepare(indices, processes: int) -> list:
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        return pool.map(_prepare, indices, chunksize=256)


def _write(args) -> int:
    location, indices, from_text, size = args
    corpus = Corpus(location, create=True)
    size = size or corpus.engine.BATCH
    batch = []
    for i in indices:
        batch.append(_prepare(i) if from_text else _G["prepared"][i])
        if len(batch) >= size:
            corpus.add_entries(batch)
            batch = []
    if batch:
        corpus.add_entries(batch)
    corpus.close()
    return len(indices)


def _busy() -> float | None:
    """Seconds of CPU the whole machine has been busy (every core; Linux), or None."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(x) for x in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


CORES_BUSY: dict = {}  # (writers, batch) -> cores the machine kept busy while they added


def ingest(location: str, indices: list, writers: int, from_text: bool = False, batch: int = 0) -> float:
    """Notices per second, `writers` processes adding interleaved shares of `indices`, `batch`
    notices per transaction (0: the engine's batch for a folder). The cores the machine kept busy
    meanwhile (writers, server and anything else) go to CORES_BUSY: one writer and its server
    take turns, so they keep about one core busy, and 4 writers can gain at most what the other
    cores give."""
    shares = [indices[w::writers] for w in range(writers)]
    busy, t0 = _busy(), time.perf_counter()
    with multiprocessing.get_context("fork").Pool(writers) as pool:
        pool.map(_write, [(location, share, from_text, batch) for share in shares], chunksize=1)
    wall = time.perf_counter() - t0
    after = _busy()
    if busy is not None and after is not None:
        CORES_BUSY[writers, batch] = (after - busy) / wall
    return len(indices) / wall


# -- readers ----------------------------------------------------------------------
def _read(args) -> list:
    location, queries, whole = args
    corpus = Corpus(location, readonly=True)
    times = []
    if whole:
        from rectlint.api import LintContext, Linter
        from rectlint.config import Config

        linter = Linter(Config(), ["corpus-overlap"], context=LintContext(corpus=corpus))
        for q in queries:
            t0 = time.perf_counter()
            found = linter.lint_text(_G["drafts"][q], "draft.txt").findings
            times.append((time.perf_counter() - t0) * 1000)
            assert found, "the draft's passages of indexed notices must be found"
    else:
        for q in queries:
            hashes = _G["draft_hashes"][q]
            t0 = time.perf_counter()
            found = corpus.matches(hashes, 5)
            times.append((time.perf_counter() - t0) * 1000)
            assert found, "the draft's passages of indexed notices must be found"
    corpus.close()
    return times


def against(location: str, queries: int, readers: int, whole: bool = False) -> tuple[float, float]:
    per = [list(range(r, queries, readers)) for r in range(readers)]
    with multiprocessing.get_context("fork").Pool(readers) as pool:
        pool.map(_read, [(location, q[:3], whole) for q in per])  # warm: connections, first pages
        times = [t for part in pool.map(_read, [(location, q, whole) for q in per]) for t in part]
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def copies(location: str, province: dict) -> tuple[float, float, float, int]:
    from rectlint.copies import find

    truth = {tuple(sorted((f"{s:06d}", f"{c:06d}"))) for c, (s, _) in province["copies"].items()}
    with Corpus(location, readonly=True) as corpus:
        t0 = time.perf_counter()
        found, _ = find(corpus)
        seconds = time.perf_counter() - t0
    listed = {tuple(sorted(Path(side.path).stem for side in (c.a, c.b))) for c in found}
    hits = len(listed & truth)
    return seconds, hits / len(truth), hits / max(1, len(listed)), len(listed)


def settle(location: str) -> None:
    """After a bulk load, what the engine's own maintenance does in time (PostgreSQL's autovacuum:
    statistics and the visibility map; SQLite's checkpoint), done now so readers are timed on a
    settled index rather than against the maintenance."""
    import psycopg

    if location.startswith("postgresql://"):
        with psycopg.connect(location, autocommit=True) as db:
            db.execute("VACUUM (ANALYZE)")
            db.execute("CHECKPOINT")
    else:
        import sqlite3

        with sqlite3.connect(location) as db:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def waiting_moves(location: str) -> int:
    """Frequency moves the writers left in df_pending (PostgreSQL), which readers sum in."""
    if not location.startswith("postgresql://"):
        return 0
    import psycopg

    with psycopg.connect(location) as db:
        return db.execute("SELECT count(*) FROM df_pending").fetchone()[0]


# -- the run -------------------------------------------------------------------------
def run(engine: str, location: str, province: dict, n: int, extra: int, queries: int) -> dict:
    out = {}
    print(f"[{engine}] building the province ({n} notices, {WRITERS} writers)…", file=sys.stderr, flush=True)
    out["build"] = ingest(location, list(range(n)), WRITERS)
    slices = [list(range(n + k * extra, n + (k + 1) * extra)) for k in range(4)]
    out["ingest 1"] = ingest(location, slices[0], 1, batch=1)
    out["ingest 4"] = ingest(location, slices[1], WRITERS, batch=1)
    out["folder 1"] = ingest(location, slices[2], 1)
    out["folder 4"] = ingest(location, slices[3], WRITERS)
    out["busy"] = dict(CORES_BUSY)
    small = max(200, extra // 4)
    e2e_1 = list(range(n + 4 * extra, n + 4 * extra + small))
    e2e_4 = list(range(n + 4 * extra + small, n + 4 * extra + 2 * small))
    out["e2e 1"] = ingest(location, e2e_1, 1, from_text=True)
    out["e2e 4"] = ingest(location, e2e_4, WRITERS, from_text=True)
    settle(location)
    out["waiting"] = waiting_moves(location)
    print(f"[{engine}] readers…", file=sys.stderr, flush=True)
    out["against 1"] = against(location, queries, 1)
    out["against 8"] = against(location, queries, READERS)
    out["whole 1"] = against(location, min(queries, 100), 1, whole=True)
    print(f"[{engine}] copies…", file=sys.stderr, flush=True)
    out["copies"] = copies(location, province)
    with Corpus(location, readonly=True) as corpus:
        stats = corpus.stats()
    out["size"] = stats["bytes on disk"]
    out["documents"] = stats["documents"]
    out["fingerprints"] = stats["fingerprints"]
    return out


def _cores(r: dict, batch: int) -> str:
    busy = r.get("busy", {})
    if (1, batch) not in busy or (WRITERS, batch) not in busy:
        return "–"
    return f"{busy[1, batch]:.2f} / {busy[WRITERS, batch]:.2f}"


def table(results: dict, n: int) -> str:
    engines = list(results)
    rows = [("documents", lambda r: f"{r['documents']:,}"), ("postings", lambda r: f"{r['fingerprints']:,}"),
            (f"build, {WRITERS} writers (notices/s)", lambda r: f"{r['build']:.0f}"),
            ("ingest, 1 notice a transaction, 1 writer (notices/s)", lambda r: f"{r['ingest 1']:.0f}"),
            (f"ingest, 1 notice a transaction, {WRITERS} writers", lambda r: f"{r['ingest 4']:.0f}"),
            ("  ratio 4 / 1", lambda r: f"{r['ingest 4'] / r['ingest 1']:.2f}"),
            ("  cores busy, 1 / 4 writers", lambda r: _cores(r, 1)),
            ("ingest, folder batches, 1 writer (notices/s)", lambda r: f"{r['folder 1']:.0f}"),
            (f"ingest, folder batches, {WRITERS} writers", lambda r: f"{r['folder 4']:.0f}"),
            ("  ratio 4 / 1", lambda r: f"{r['folder 4'] / r['folder 1']:.2f}"),
            ("  cores busy, 1 / 4 writers", lambda r: _cores(r, 0)),
            ("add end to end, 1 writer (notices/s)", lambda r: f"{r['e2e 1']:.0f}"),
            (f"add end to end, {WRITERS} writers (notices/s)", lambda r: f"{r['e2e 4']:.0f}"),
            ("frequency moves waiting while readers run", lambda r: f"{r['waiting']:,}"),
            ("--against lookup, 1 reader p50/p95 (ms)", lambda r: "{:.1f} / {:.1f}".format(*r["against 1"])),
            (f"--against lookup, {READERS} readers p50/p95 (ms)", lambda r: "{:.1f} / {:.1f}".format(*r["against 8"])),
            ("whole check of the draft, 1 reader p50/p95 (ms)", lambda r: "{:.1f} / {:.1f}".format(*r["whole 1"])),
            ("index copies (s)", lambda r: f"{r['copies'][0]:.1f}"),
            ("  pairs listed", lambda r: f"{r['copies'][3]:,}"),
            ("  recall / precision", lambda r: f"{r['copies'][1]:.3f} / {r['copies'][2]:.3f}"),
            ("size (MiB)", lambda r: f"{r['size'] / 2**20:.0f}")]
    width = max(len(name) for name, _ in rows)
    lines = [f"{'':<{width}}  " + "  ".join(f"{e:>16}" for e in engines)]
    for name, cell in rows:
        lines.append(f"{name:<{width}}  " + "  ".join(f"{cell(results[e]):>16}" for e in engines))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notices", type=int, default=100_000)
    ap.add_argument("--extra", type=int, default=2_000, help="notices per ingest slice (1 and 4 writers)")
    ap.add_argument("--queries", type=int, default=400)
    ap.add_argument("--url", default=None, help="an empty PostgreSQL database to use instead of a throwaway cluster")
    ap.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    args = ap.parse_args()
    n, extra = args.notices, args.extra
    load = os.getloadavg()
    total = n + 4 * extra + 2 * max(200, extra // 4)
    _G["pools"] = pools = material()
    _G["province"] = province = plan(total)
    # Plant only inside the province itself: the extra slices are notices of their own.
    province["copies"] = {c: v for c, v in province["copies"].items() if c < n and v[0] < n}
    print(f"pools: {len(pools['problems'])} problems, {len(pools['measures'])} measures, {len(pools['leads'])} leads; "
          f"{len(province['copies'])} planted copying pairs", file=sys.stderr, flush=True)
    _G["drafts"] = [draft(q, pools, province) for q in range(args.queries)]
    from rectlint.conventions.fingerprint import document_fingerprints

    _G["draft_hashes"] = [[h for h, _, _ in document_fingerprints(Document(t, "draft.txt"))] for t in _G["drafts"]]
    t0 = time.perf_counter()
    _G["prepared"] = dict(zip(range(n + 4 * extra), prepare(range(n + 4 * extra), os.cpu_count() or 1)))
    print(f"prepared {n + 4 * extra} entries in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    results, cluster = {}, None
    with tempfile.TemporaryDirectory() as tmp:
        for engine in args.engines:
            if engine == "sqlite":
                location = str(Path(tmp) / "province.sqlite")
            elif args.url:
                location = args.url
            else:
                from pgcluster import Cluster

                # The server's durable defaults (fsync, synchronous_commit); memory for its cache.
                cluster = Cluster(durable=True, settings="-c shared_buffers=1GB -c max_wal_size=4GB")
                location = cluster.url(cluster.new_database())
            try:
                results[engine] = run(engine, location, province, n, extra, args.queries)
            finally:
                if cluster is not None:
                    cluster.stop()
                    cluster = None
    print(f"\n{n:,} notices, {len(province['copies']):,} planted copying pairs, {os.cpu_count()} cores, "
          f"drafts of {min(len(d.encode()) for d in _G['drafts']):,} bytes or more; load average at the start "
          f"{load[0]:.1f}, at the end {os.getloadavg()[0]:.1f} (other work on the machine shares its cores)")
    print(table(results, n))


if __name__ == "__main__":
    main()

"""Corpus index figures: build throughput, query latency, size on disk. Not a test.

    python bench/bench_corpus.py [--sizes 10000 100000] [--queries 20]

Generates synthetic notices (a shared frame of boilerplate lines plus measures
made of random Chinese text), indexes them with `Corpus.add`, then times the
corpus-overlap lookup for drafts that reuse a paragraph of an indexed notice.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from rectlint.api import LintContext, Linter
from rectlint.config import Config
from rectlint.corpus import Corpus
from rectlint.document import Document

HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
FRAME = ("关于{n}号单位巡察整改进展情况的通报\n\n根据统一部署，巡察组开展巡察并反馈了意见。现将整改进展情况予以公布。\n\n"
         "一、整改情况\n\n")
CLOSE = "\n欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0791-6123456。\n\n中共某单位党组\n2025年10月9日\n"


def measure(rng: random.Random) -> str:
    return "".join(rng.choice(HAN) for _ in range(rng.randint(60, 120))) + "。"


def notice(n: int, rng: random.Random) -> str:
    items = "".join(f"{i}.问题{i}。\n\n整改结果：已完成整改。\n\n整改情况：{measure(rng)}\n\n" for i in range(1, 5))
    return FRAME.format(n=n) + items + CLOSE


def build(path: Path, count: int, seed: int = 1) -> tuple[float, list[str]]:
    rng = random.Random(seed)
    corpus = Corpus(path, create=True)
    kept = []
    t0 = time.perf_counter()
    for n in range(count):
        text = notice(n, rng)
        doc = Document(text, f"n{n}.txt")
        corpus.add(f"n{n}.txt", doc)
        if n % max(1, count // 50) == 0:
            kept.append(text)
    corpus.close()
    return time.perf_counter() - t0, kept


def query(path: Path, kept: list[str], queries: int) -> list[float]:
    corpus = Corpus(path)
    linter = Linter(Config(), ["corpus-overlap"], context=LintContext(corpus=corpus))
    times = []
    for text in kept[:queries]:
        reused = text.split("整改情况：")[2].split("\n")[0]
        draft = FRAME.format(n="新") + f"1.问题。\n\n整改结果：已完成整改。\n\n整改情况：{reused}\n" + CLOSE
        t0 = time.perf_counter()
        found = linter.lint_text(draft, "draft.txt").findings
        times.append((time.perf_counter() - t0) * 1000)
        assert found, "the reused paragraph must be found"
    corpus.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"corpus-{size}.sqlite"
            seconds, kept = build(path, size)
            times = query(path, kept, args.queries)
            print(f"{size} notices: build {seconds:.1f} s ({size / seconds:.0f} documents/s), "
                  f"index {path.stat().st_size / 2**20:.1f} MiB; query median {statistics.median(times):.1f} ms, "
                  f"max {max(times):.1f} ms over {len(times)} drafts")


if __name__ == "__main__":
    main()

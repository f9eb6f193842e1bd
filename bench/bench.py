"""Throughput and latency figures for rectlint. Not a test: it prints numbers.

    python bench/bench.py [--files 2000] [--megabytes 10] [--startup-samples 40]

It lints (1) the examples repeated until the corpus holds at least 10 MB, for
MB/s, and (2) 2,000 separate draft files, for per-document latency, in process
(median, p95) and as one `rectlint` process per file (with start-up).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rectlint.api import Linter
from rectlint.config import Config

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def drafts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".txt", ".md")]


def lint_text(text: str, linter) -> int:
    return len(linter.lint_text(text, "bench.txt").findings)


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--megabytes", type=float, default=10)
    ap.add_argument("--startup-samples", type=int, default=40)
    args = ap.parse_args()
    rules = Linter(Config())
    texts = drafts()

    total, count, findings = 0, 0, 0
    start = time.perf_counter()
    while total < args.megabytes * 2**20:
        text = texts[count % len(texts)]
        findings += lint_text(text, rules)
        total += len(text.encode("utf-8"))
        count += 1
    elapsed = time.perf_counter() - start
    print(f"throughput: {total / 2**20:.1f} MB in {count} documents, {elapsed:.2f} s, "
          f"{total / 2**20 / elapsed:.2f} MB/s, {findings} findings")

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.files):
            path = Path(tmp) / f"draft-{i:05d}.txt"
            path.write_text(texts[i % len(texts)], encoding="utf-8")
            paths.append(path)
        latencies = []
        for path in paths:
            t0 = time.perf_counter()
            lint_text(path.read_text(encoding="utf-8"), rules)
            latencies.append((time.perf_counter() - t0) * 1000)
        print(f"in-process, {len(paths)} files: median {statistics.median(latencies):.2f} ms, "
              f"p95 {pct(latencies, 0.95):.2f} ms per document")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "rectlint", "--exit-zero", "--format", "json", tmp],
                       capture_output=True, check=True)
        whole = time.perf_counter() - t0
        print(f"one process over {len(paths)} files: {whole:.2f} s, {whole / len(paths) * 1000:.2f} ms per document")
        startups = []
        for path in paths[:args.startup_samples]:
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "rectlint", "--exit-zero", str(path)],
                           capture_output=True, check=True)
            startups.append((time.perf_counter() - t0) * 1000)
        print(f"one process per file ({len(startups)} samples): median {statistics.median(startups):.0f} ms, "
              f"p95 {pct(startups, 0.95):.0f} ms per document")


if __name__ == "__main__":
    main()

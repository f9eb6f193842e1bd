"""Speed and scale, side by side in one run. Not a test: it prints a table.

- a folder of 2,000 separate notice files: rectlint (all default rules, no cache) against
  AutoCorrect's lint (autocorrect-py, the tool a user would pick instead; installed only for this
  benchmark with `pip install autocorrect-py`), in files/s and MB/s;
- one 42 KB notice from a cold command line, against the bare import floor (click, regex, yaml);
- a warm re-run over the 2,000 unchanged files, reading the cache;
- peak memory of a JSON run over 1,000 and 10,000 files.

The files are the clean notices of tests/corpus, each made unique by a last line, so that no
two files share a cache entry. Run it from an installed (not editable) rectlint for figures a
user would see:  python bench/scale.py [--files 2000] [--big 10000]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}  # as installed: .pyc used


def make_folder(folder: Path, count: int) -> int:
    folder.mkdir(parents=True)
    sources = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.iterdir()) if p.suffix in (".txt", ".md")]
    size = 0
    for i in range(count):
        data = (sources[i % len(sources)] + f"\n（第{i}份文稿）\n").encode("utf-8")
        (folder / f"n{i:05}.txt").write_bytes(data)
        size += len(data)
    return size


def big_notice(path: Path, target: int = 42_000) -> None:
    """One long notice of about 42 KB: the corpus's items under one title and lead."""
    head = (CORPUS / "c01-province-xunshi-result-lines.txt").read_text(encoding="utf-8")
    body, n = [head], 0
    while sum(len(b.encode()) for b in body) < target:
        n += 1
        body.append(f"\n{n + 10}.第{n}项问题的说明。\n整改结果：已完成整改。\n"
                    f"整改情况：一是建立第{n}项工作台账，逐项明确责任人和完成时限。二是每月核对进展，"
                    f"及时通报并督促落实，确保整改到位。\n")
    path.write_text("".join(body), encoding="utf-8")


def rectlint(*args) -> list[str]:
    return [sys.executable, "-m", "rectlint", *map(str, args)]


def timed(cmd, cwd) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def peak_kib(cmd, cwd) -> int | None:
    """Peak resident memory of a command and its workers, from GNU time."""
    if not shutil.which("time") and not Path("/usr/bin/time").exists():
        return None
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *cmd], cwd=cwd, env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def autocorrect_rate(folder: Path) -> float | None:
    script = ("import sys, time, pathlib, autocorrect_py as a\n"
              "files = sorted(pathlib.Path(sys.argv[1]).iterdir())\n"
              "t = time.perf_counter()\n"
              "for f in files: a.lint_for(f.read_text(encoding='utf-8'), str(f))\n"
              "print(time.perf_counter() - t)\n")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", script, str(folder)], env=ENV, capture_output=True, text=True)
    if out.returncode != 0:
        return None
    return time.perf_counter() - start  # the whole process, as rectlint's figure is


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--big", type=int, default=10_000, help="files in the large memory run")
    ap.add_argument("--repeat", type=int, default=11, help="cold single-file runs (the median is shown)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rectlint-scale-"))
    try:
        folder = work / "notices"
        size = make_folder(folder, args.files)
        mb = size / 1e6
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
              f"{args.files} files, {mb:.1f} MB\n")
        print(f"{'run':<46} {'seconds':>8} {'files/s':>8} {'MB/s':>6}")

        def row(name, seconds, files=args.files, size_mb=mb):
            print(f"{name:<46} {seconds:>8.2f} {files / seconds:>8.0f} {size_mb / seconds:>6.2f}")

        serial = timed(rectlint("--format", "json", "--no-cache", "-j", "1", folder), work)
        row("rectlint, 1 process, no cache", serial)
        parallel = timed(rectlint("--format", "json", "--no-cache", folder), work)
        row(f"rectlint, -j {os.cpu_count()}, no cache", parallel)
        ac = autocorrect_rate(folder)
        if ac is None:
            print(f"{'autocorrect-py lint':<46} {'not installed (pip install autocorrect-py)':>24}")
        else:
            row("autocorrect-py lint, 1 process", ac)
            print(f"{'  throughput ratio rectlint / autocorrect':<46} {ac / parallel:>8.2f}")
        cache = work / "cache"
        timed(rectlint("--format", "json", "--cache-dir", cache, folder), work)
        row("rectlint, warm cache (unchanged files)", timed(rectlint("--format", "json", "--cache-dir", cache, folder),
                                                             work))

        big = work / "big.txt"
        big_notice(big)
        # Floor and cold runs take turns, so that a machine slowing down mid-run weighs on both alike.
        floors, colds = [], []
        for _ in range(args.repeat):
            floors.append(timed([sys.executable, "-c", "import click, regex, yaml"], work))
            colds.append(timed(rectlint("--no-cache", "--exit-zero", big), work))
        floor, cold = statistics.median(floors), statistics.median(colds)
        print(f"\none {big.stat().st_size / 1000:.0f} KB notice, cold: {cold * 1000:.0f} ms median; "
              f"import floor (click, regex, yaml) {floor * 1000:.0f} ms; ratio {cold / floor:.2f}")

        thousand = work / "thousand"
        make_folder(thousand, 1000)
        small = peak_kib(rectlint("--format", "json", "--no-cache", thousand), work)
        many = work / "many"
        make_folder(many, args.big)
        large = peak_kib(rectlint("--format", "json", "--no-cache", many), work)
        if small and large:
            print(f"peak memory, JSON output: 1000 files {small / 1024:.0f} MiB, "
                  f"{args.big} files {large / 1024:.0f} MiB (ratio {large / small:.2f})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Adversarial inputs at 20 KB and 200 KB: every rule and the HTML report must stay linear.

    python bench/worst_case.py [--small 20000] [--factor 10]

Each input is linted with every default rule (and, for the first, rendered as the HTML
report). A linear pass takes about `factor` times as long on the large input as on the small
one; the table prints the ratio, flags any input above 10×, and fits the exponent of time
against size over four sizes, which one disturbed run moves less than the ratio. Not a test:
it prints numbers.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
import time

from rectlint.api import Linter
from rectlint.config import Config
from rectlint.report import RunInfo, render


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


INPUTS = [
    # (name, builder of a text of about n characters, also render HTML)
    ("20,480 '(' (HTML report)", lambda n: _repeat("(", n), True),
    ("one run of letters", lambda n: _repeat("a", n), False),
    ("one run of digits", lambda n: _repeat("7", n), False),
    ("letters and @ (an e-mail guard)", lambda n: _repeat("ab.c+d", n - 1) + "@", False),
    ("one line of Han, no punctuation", lambda n: _repeat("整改落实情况持续推进", n), False),
    ("one line of 一是二是 markers", lambda n: _repeat("一是二是四是", n), False),
    ("headings 1. 2. … on short lines", lambda n: "".join(f"{i % 99 + 1}.整改\n" for i in range(n // 6)), False),
    ("glued digit dates on one line", lambda n: _repeat("2025324日至56", n), False),
    ("dates 2025年3月1日 on one line", lambda n: _repeat("2025年3月1日", n), False),
    ("unclosed 《 on one line", lambda n: _repeat("《条例", n), False),
    ("openers, then closers of another kind", lambda n: "《" * (n // 2) + ")" * (n // 2), False),
    ("one paragraph repeated", lambda n: _repeat("整改情况：制定文件制发三级审核制度，实行撰稿人初审、分管领导复审。\n", n), False),
    ("status labels on every line", lambda n: _repeat("1.问题。\n整改结果：已完成。\n", n), False),
    ("第 and digits", lambda n: _repeat("第1第2第", n), False),
    ("mixed widths and brackets", lambda n: _repeat("（一)，,（1）【】“\"", n), False),
]


def timed(text: str, html: bool, linter, repeat: int = 3) -> float:
    """The best of `repeat` runs: the least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # start each run from the same heap, not from the last one's garbage
        start = time.perf_counter()
        item = linter.lint_text(text, "worst.txt")
        if html:
            render("html", item.findings, RunInfo({item.path: item.document}))
        best = min(best, time.perf_counter() - start)
    return best


def exponent(sizes, times) -> float:
    """The least-squares slope of log time against log size: 1.0 is linear, 2.0 quadratic."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=20_000, help="characters in the small input")
    ap.add_argument("--factor", type=int, default=10, help="how many times larger the large input is")
    args = ap.parse_args()
    linter = Linter(Config())
    sizes = [args.small, args.small * args.factor // 4, args.small * args.factor // 2, args.small * args.factor]
    print(f"{'input':<38} {'20 KB':>8} {'200 KB':>8} {'ratio':>6} {'exponent':>8}")
    worst = 0.0
    for name, build, html in INPUTS:
        times = [timed(build(n), html, linter) for n in sizes]
        ratio = times[-1] / max(times[0], 1e-6)
        slope = exponent(sizes, times)
        worst = max(worst, slope)
        flag = "" if ratio <= 10 else "  (ratio above 10)"
        print(f"{name:<38} {times[0] * 1000:>6.0f}ms {times[-1] * 1000:>6.0f}ms {ratio:>5.1f}× {slope:>8.2f}{flag}")
    print(f"largest exponent: {worst:.2f} (1.00 is linear; fitted over {', '.join(f'{n // 1000} KB' for n in sizes)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

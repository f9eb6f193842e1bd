"""Adversarial inputs in every format: time must stay linear, memory bounded. Not a test: it prints numbers.

    python bench/worst_case.py [--small 50000] [--cases NAME,...] [--no-memory]

Time: each input is linted through the library as an upload would be (Linter.lint_bytes, every
default rule; the first is also rendered as the HTML report) at a size and at four times it;
the table gives both times, their ratio (at most 5 is the goal: linear work with room for
the machine's noise) and the exponent of time against size fitted over 1×, 2× and 4×.

Memory: `rectlint --no-cache -q` on a 10 MiB input of each format, in a process of its own,
its peak resident size (ru_maxrss); the goal is under 300 MiB.

The cases are the attacks of issue 37 beside the earlier ones: list numbering that starts at
10^10 in letters, a header part that expands many-fold, a long chain of basedOn styles, a page
flooded with `<a`, unclosed scripts and styles, a page with a span per character, a table
flattened into one line and a run of dates (each with a copy elsewhere: the duplicate
detector), runs of ①.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import hostile  # noqa: E402

from rectlint.errors import InputError
from rectlint.api import Linter  # noqa: E402
from rectlint.config import Config  # noqa: E402
from rectlint.report import RunInfo, render  # noqa: E402

HEAD = "关于巡察整改进展情况的通报\n\n一、整改落实情况\n\n（一）关于台账管理不规范的问题。\n\n整改情况：已完成。\n\n"
TAIL = "\n\n中共某局党组\n\n2025年10月9日\n"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _text(build):
    return lambda n: build(n).encode("utf-8")


def _docx_paragraphs(n: int) -> bytes:
    paras = "".join(hostile.paragraph(f"第{i}段，整改情况：已完成，建立台账并每月核对。") for i in range(n // 30))
    return hostile.docx({"word/document.xml": hostile.body(paras)})


def _page(n: int) -> bytes:
    return hostile.page("".join(f"<p class='x'><span>第{i}段，</span>整改情况：已完成，建立台账并每月核对。</p>\n"
                                for i in range(n // 30))).encode("utf-8")


INPUTS = [
    # (name, format, builder of an input of about n characters)
    ("20,480 '(' (HTML report)", "txt", _text(lambda n: _repeat("(", n))),
    ("one run of letters", "txt", _text(lambda n: _repeat("a", n))),
    ("one run of digits", "txt", _text(lambda n: _repeat("7", n))),
    ("letters and @ (an e-mail guard)", "txt", _text(lambda n: _repeat("ab.c+d", n - 1) + "@")),
    ("one line of Han, no punctuation", "txt", _text(lambda n: _repeat("整改落实情况持续推进", n))),
    ("one line of 一是二是 markers", "txt", _text(lambda n: _repeat("一是二是四是", n))),
    ("headings 1. 2. … on short lines", "txt", _text(lambda n: "".join(f"{i % 99 + 1}.整改\n" for i in range(n // 6)))),
    ("glued digit dates on one line", "txt", _text(lambda n: _repeat("2025324日至56", n))),
    ("dates 2025年3月1日 on one line", "txt", _text(lambda n: _repeat("2025年3月1日", n))),
    ("unclosed 《 on one line", "txt", _text(lambda n: _repeat("《条例", n))),
    ("openers, then closers of another kind", "txt", _text(lambda n: "《" * (n // 2) + ")" * (n // 2))),
    ("one paragraph repeated", "txt", _text(lambda n: _repeat("整改情况：制定文件制发三级审核制度，实行撰稿人初审、分管领导复审。\n", n))),
    ("status labels on every line", "txt", _text(lambda n: _repeat("1.问题。\n整改结果：已完成。\n", n))),
    ("第 and digits", "txt", _text(lambda n: _repeat("第1第2第", n))),
    ("mixed widths and brackets", "txt", _text(lambda n: _repeat("（一)，,（1）【】“\"", n))),
    ("personal numbers, spaced and full-width", "txt",
     _text(lambda n: _repeat("110101 19900307 4477 １３９１２３４５６７８ 6214 8301 0234 5678 909 ", n))),
    # one line of many candidates, each judged by looking around it: placeholders (inside quoted
    # samples or not), list ordinals k. glued to words, clause numbers opening lines
    ("placeholders and quoted samples on one line", "txt", _text(lambda n: _repeat("共XX个，如“XX局”、“XX办”", n))),
    ("ordinals k. glued to words on one line", "txt", _text(lambda n: _repeat("已完成整改名称4.审计", n))),
    ("clause numbers opening short lines", "txt", _text(lambda n: _repeat("8.3长效治理，已完成整改3个\n", n))),
    # one paragraph of totals and their parts, each part looking back for the total it counts
    ("totals and parts in one paragraph", "txt", _text(lambda n: _repeat("反馈问题4个，涉及5人，已完成整改3个，正在整改1个，", n))),
    ("counting sentences in one paragraph", "txt", _text(lambda n: _repeat("审计发现问题4个，已整改4个。修订制度5项。", n))),
    ("e-mail addresses and file names among counts", "txt",
     _text(lambda n: _repeat("反馈问题4个，已完成整改3个，邮箱a1.b2@163.com，附件v2.1.3.xlsx，", n))),
    ("two marks after every count on one line", "txt", _text(lambda n: _repeat("等六个方面存在的56个具体问题,。", n))),
    ("table rows with quotes flattened onto one line", "txt",
     _text(lambda n: _repeat("1 | 社区“三务”公开不及时 | 每月10日前公开党务、居务、财务 | 2025年9月 | 已完成", n))),
    # issue 37: the duplicate detector on text that repeats itself
    ("a table flattened into one line, copied", "txt",
     _text(lambda n: HEAD + _repeat("12，", n) + "\n\n" + "12，" * 25 + TAIL)),
    ("a run of dates, copied", "txt",
     _text(lambda n: HEAD + _repeat("2025年3月1日", n) + "\n\n" + "2025年3月1日" * 25 + TAIL)),
    ("runs of ①, copied", "txt", _text(lambda n: HEAD + _repeat("①整改②落实③", n) + "\n\n" + "①整改②落实③" * 25 + TAIL)),
    # issue 37: .docx readers
    ("docx: paragraphs of a notice", "docx", _docx_paragraphs),
    ("docx: list numbered from 10^10 in letters", "docx", lambda n: hostile.numbering_bomb(n // 20, varied=True)),
    ("docx: a chain of basedOn styles", "docx", lambda n: hostile.style_chain(n // 40, n // 40)),
    ("docx: a header expanding many-fold", "docx", lambda n: hostile.header_bomb(n * 48 / 8 / 2**20)),
    # issue 37: .html reader
    ("html: a page of paragraphs", "html", _page),
    ("html: a flood of <a", "html", lambda n: hostile.tag_flood(n // 2).encode("utf-8")),
    ("html: unclosed scripts and styles", "html", lambda n: hostile.unclosed_raw(n // 50).encode("utf-8")),
    ("html: a span per character", "html",
     lambda n: ("<p>" + "".join(f"<span>{c}</span>" for c in _repeat("整改情况已完成建立台账", n // 13)) + "</p>").encode()),
]


def timed(data: bytes, name: str, html: bool, linter, repeat: int = 3) -> float:
    """The best of `repeat` runs: the least disturbed by the machine."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()  # start each run from the same heap, not from the last one's garbage
        start = time.perf_counter()
        try:
            item = linter.lint_bytes(data, name)
        except InputError:  # refused (a zip bomb past MAX_RATIO): the reader's bounded answer, timed
            best = min(best, time.perf_counter() - start)
            continue
        if html:
            render("html", item.findings, RunInfo({item.path: item.document}))
        best = min(best, time.perf_counter() - start)
    return best


def exponent(sizes, times) -> float:
    """The least-squares slope of log time against log size: 1.0 is linear, 2.0 quadratic."""
    xs, ys = [math.log(n) for n in sizes], [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


# -- memory --------------------------------------------------------------------------------------

def _corpus_text() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus").glob("*.txt"))]
    return "\n".join(texts)


def ten_mib(fmt: str, size: int = 10 * 2**20) -> bytes:
    """A 10 MiB input of a format (or `size` bytes), made of the corpus notices (each copy
    numbered, so that it is not all boilerplate)."""
    text, out, i = _corpus_text(), [], 0
    if fmt == "short lines":
        unit = "整改\n".encode()
        return (unit * (size // len(unit) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")
    if fmt in ("txt", "md"):
        total = 0  # kept as it grows: summing the pieces at each step made 10 MiB of short lines quadratic
        while total < size:
            out.append(f"（第{i}份）\n{text}\n".encode("utf-8"))
            total += len(out[-1])
            i += 1
        return b"".join(out)[:size].decode("utf-8", "ignore").encode("utf-8")
    if fmt == "html":
        lines = [line for line in text.splitlines() if line.strip()]
        parts, total = [], 0
        while total < size:
            line = lines[i % len(lines)]
            chunk = (f'<p class="MsoNormal" style="text-indent:2em;line-height:28pt"><span style="font-family:'
                     f'仿宋_GB2312;font-size:16pt">{line}</span></p>\n')
            parts.append(chunk)
            total += len(chunk.encode())
            i += 1
        return hostile.page("".join(parts)).encode("utf-8")[:size]
    # docx: paragraphs with the run properties Word writes, until the archive is 10 MiB
    lines = [line for line in text.splitlines() if line.strip()]
    import random

    rng = random.Random(1)
    paras, data = [], b""
    step = 4000
    while len(data) < size:
        for _ in range(step):
            line = lines[i % len(lines)] + f"（{rng.getrandbits(24):x}）"
            paras.append('<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="仿宋_GB2312" '
                         f'w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr><w:t>{line}</w:t></w:r></w:p>')
            i += 1
        data = hostile.docx({"word/document.xml": hostile.body("".join(paras))})
    return data


# The child's own peak: Linux's ru_maxrss keeps, across exec, the peak of the process that forked
# it, here this bench holding the inputs it built (a 10 MiB page read as 399 MiB after the .docx
# was built, 157 MiB on its own). VmHWM is the peak of the running program only.
_PEAK = ("import resource, sys\nfrom rectlint.cli import main\n"
         "def peak():\n"
         "    try:\n"
         "        with open('/proc/self/status') as status:\n"
         "            return next(int(line.split()[1]) for line in status if line.startswith('VmHWM:'))\n"
         "    except (OSError, StopIteration):  # not Linux\n"
         "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
         "try:\n    main(['--no-cache', '-q', '--exit-zero', sys.argv[1]])\n"
         "except SystemExit as exc:\n"
         "    print(exc.code, peak(), file=sys.stderr)\n")


def peak_mib(path: Path) -> tuple[float, int, float]:
    """(peak MiB, exit code, seconds) of `rectlint --no-cache -q` on a file, in its own process."""
    code = _PEAK
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True)
    rc, rss = out.stderr.strip().splitlines()[-1].split()
    return int(rss) / 1024, int(rc), time.perf_counter() - started


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=50_000, help="characters in the small input")
    ap.add_argument("--cases", default="", help="only the cases whose names contain one of these (comma-separated)")
    ap.add_argument("--no-memory", action="store_true", help="skip the 10 MiB memory runs")
    ap.add_argument("--no-time", action="store_true", help="skip the timed cases")
    args = ap.parse_args()
    chosen = [c for c in args.cases.split(",") if c]
    linter = Linter(Config())
    worst_ratio = 0.0
    if not args.no_time:
        sizes = [args.small, args.small * 2, args.small * 4]
        print(f"{'input':<44} {'1×':>8} {'4×':>8} {'ratio':>6} {'exponent':>8}")
        for k, (name, fmt, build) in enumerate(INPUTS):
            if chosen and not any(c in name for c in chosen):
                continue
            times = [timed(build(n), f"worst.{fmt}", k == 0, linter) for n in sizes]
            ratio = times[-1] / max(times[0], 1e-6)
            worst_ratio = max(worst_ratio, ratio)
            flag = "" if ratio <= 5 else "  (over 5)"
            print(f"{name:<44} {times[0] * 1000:>6.0f}ms {times[-1] * 1000:>6.0f}ms {ratio:>5.1f}× "
                  f"{exponent(sizes, times):>8.2f}{flag}", flush=True)
        print(f"largest ratio at 4× the size: {worst_ratio:.1f} (goal: at most 5)\n")
    if not args.no_memory:
        print(f"{'10 MiB input':<16} {'peak':>9} {'time':>7}  exit")
        worst = 0.0
        with tempfile.TemporaryDirectory() as folder:
            for fmt in ("txt", "md", "docx", "html", "short lines"):
                path = Path(folder) / f"ten.{'txt' if fmt == 'short lines' else fmt}"
                path.write_bytes(ten_mib(fmt))
                mib, rc, seconds = peak_mib(path)
                worst = max(worst, mib)
                print(f"{fmt:<16} {mib:>5.0f} MiB {seconds:>6.1f}s  {rc}   ({path.stat().st_size / 2**20:.1f} MiB file)",
                      flush=True)
        print(f"largest peak of the five inputs: {worst:.0f} MiB (goal: under 300)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The long fuzz campaign: internal errors per 10,000 inputs, and whether safe fixes converge.

    python bench/fuzz.py [--inputs 20000] [--seed 1]

Inputs are of three kinds, in turn: clean corpus notices and examples mutated the way
conversions break them (characters lost, doubled, swapped, widths flipped, lines glued or
split); structured notices assembled from headings up to 999 in every marker style, dates
whole and broken, 一是 runs, brackets, statuses and counts; and random text over the
characters notices are made of. Each is linted with every default rule; a finding of
category `internal` is a rectlint bug. Then the safe fixes are applied until none is left
(at most 5 passes). Not a test: the CI runs a small Hypothesis budget of the same kind.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from rectlint.api import Linter
from rectlint.config import Config
from rectlint.fixes import apply_edits, chosen_edits
from rectlint.reader import Source, kind_of, load
from rectlint.text import int_to_cn

ROOT = Path(__file__).resolve().parent.parent
CN_STYLES = ["{cn}、", "（{cn}）", "({cn})", "{cn}.", "（{cn}", "{cn}）", "问题{cn}：", "第{cn}，"]
N_STYLES = ["{n}.", "{n}、", "（{n}）", "({n})", "{n})", "{n}.（{n}）", "问题{n}：", "{n}"]
WORDS = ["整改情况：", "台账管理不规范。", "整改结果：已完成整改。", "阶段性完成", "正在整改", "县委第二巡察组",
         "反馈意见", "欢迎监督。", "截止目前", "《条例", "条例》", "“两个维护”", "4个意识", "XX", "胡某某",
         "联系电话：0791-6123456", "13912345678", "110101199003074477", "jd@example.cn", "，，", "。。", "(", ")",
         "【已完成】", "预计年底前完成", "共12人，其中", "占比50%", "完成率66.7%", "反馈3个问题，已完成2个",
         "巡视", "市届人大常委会", "第次会议"]
DATE_SHAPES = ["{y}年{m}月{d}日", "{y}{m}{d}日", "{y}年{m}{d}", "{y}{m}{d}", "{y}年{m}月", "{m}月{d}日至{m}月{d}日",
               "{y}.{m}.{d}", "{m}月{d}日{m}月{d}日", "--{y}{m}{d}日", "〔{y}{m}号", "二〇二五年十一月二十日"]
CHARS = ("一二三四五六七八九十是第年月日至—～（）()【】《》“”、，。；：:;,.整改情况结果已完成阶段性正在巡察组"
         "通报关于某XX×\n\r\t \u3000\u00a00123456789")


def date(rng):
    return rng.choice(DATE_SHAPES).format(y=rng.randint(1990, 2099), m=rng.randint(0, 13), d=rng.randint(0, 32))


def structured(rng) -> str:
    lines = [rng.choice(["关于巡察整改进展情况的通报", "关于审计查出问题整改情况的报告", "某区召开推进会", ""])]
    for _ in range(rng.randint(0, 30)):
        kind = rng.random()
        if kind < 0.35:
            n = rng.randint(0, 999)
            marker = (rng.choice(CN_STYLES).format(cn=int_to_cn(n)) if rng.random() < 0.5
                      else rng.choice(N_STYLES).format(n=n))
            lines.append(marker + rng.choice(WORDS))
        elif kind < 0.5:
            lines.append(date(rng))
        else:
            parts = [rng.choice([rng.choice(WORDS), date(rng), f"{int_to_cn(rng.randint(0, 999))}是",
                                 str(rng.randint(0, 5000))]) for _ in range(rng.randint(1, 8))]
            lines.append("".join(parts) + rng.choice(["。", "；", "", "，"]))
    if rng.random() < 0.5:
        lines += ["中共某局党组", date(rng)]
    return rng.choice(["\n", "\n\n", "\r\n"]).join(lines)


def mutated(rng, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 40)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.35:
            del chars[i]  # a mark lost in conversion
        elif op < 0.5:
            chars.insert(i, chars[i])
        elif op < 0.6 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op < 0.75:
            ch = chars[i]
            chars[i] = chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else chr(ord(ch) - 0xFEE0) if "！" <= ch <= "～" else ch
        elif op < 0.85:
            chars[i] = rng.choice("\n年月日至、（）《》“”，。")
        else:
            chars.insert(i, rng.choice(CHARS))
    return "".join(chars)


def noise(rng) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 400)))


def lint(text: str, linter):
    return linter.lint_text(text, "fuzz.txt").findings


def converges(text: str, linter, passes: int = 5) -> bool:
    for _ in range(passes):
        new, _ = apply_edits(text, chosen_edits(lint(text, linter), unsafe=False))
        if new == text:
            return True
        text = new
    return False


def sources() -> list[str]:
    paths = sorted((ROOT / "tests" / "corpus").iterdir()) + sorted((ROOT / "examples").iterdir())
    out = []
    for path in paths:
        if kind_of(path) in ("txt", "md"):
            out.append(load(Source(str(path), kind_of(path)))[0].text)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    linter = Linter(Config())
    clean = sources()
    internal, diverged, started = [], 0, time.perf_counter()
    for i in range(args.inputs):
        kind = i % 3
        text = mutated(rng, rng.choice(clean)) if kind == 0 else structured(rng) if kind == 1 else noise(rng)
        crashed = [f for f in lint(text, linter) if f.category == "internal"]
        if crashed:
            internal.append((i, crashed[0].en, text[:120]))
        elif not converges(text, linter):
            diverged += 1
    elapsed = time.perf_counter() - started
    per = 10_000 / max(args.inputs, 1)
    print(f"{args.inputs} inputs in {elapsed:.0f} s: {len(internal)} with internal errors "
          f"({len(internal) * per:.1f} per 10,000); safe fixes did not converge on {diverged} "
          f"({diverged * per:.1f} per 10,000)")
    for i, message, text in internal[:10]:
        print(f"  input {i}: {message}\n    {text!r}")
    return 1 if internal or diverged else 0


if __name__ == "__main__":
    sys.exit(main())

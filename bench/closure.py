"""Edit closure: does every small corruption of a well-formed mention draw a finding, and does
every edit that leaves it well formed draw none? Not a test: it prints tables.

    python bench/closure.py [--family dates,counts] [--jobs 2] [--sample N] [--show 5]

For each family (a module in bench/oracles/), every mention the family's oracle finds in the
clean corpus notices (tests/corpus/, .txt and .md) is edited in every single-character way the
family allows:

- delete      a character of the mention;
- duplicate   a character of the mention, written twice;
- transpose   two neighbouring characters (inside the mention, or its first or last character
              with the character outside it);
- substitute  a character of the mention by any other character of the family's ALPHABET;
- insert      a character of the family's INSERTS at any boundary of or inside the mention.

The oracle (written apart from the rules: no module under bench/oracles/ imports rectlint)
judges each edited notice:

- "ok"      still well formed and consistent: the notice must draw no finding it did not draw
            before, of any rule and any severity;
- "broken"  must draw a new error or warning overlapping the edited span (or one of the spans
            the oracle names, for an inconsistency whose other end is elsewhere);
- "style"   well formed but against a style convention: must draw a new finding of any
            severity there.

A family module may also offer whole-notice `variants` (paraphrases, the notice re-rendered in
another house style): each must draw no error or warning at all.

Per family and edit kind it prints flagged / should-flag and false flags / well-formed, and it
writes every result to bench/out/closure.json. Edits that give a text already produced for the
same mention are counted once.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_files  # noqa: E402

EDIT_KINDS = ("delete", "duplicate", "transpose", "substitute", "insert")
TEXT_FORMATS = ("txt", "md")
OUT = Path(__file__).resolve().parent / "out"


def families(names: list[str] | None) -> list:
    folder = Path(__file__).resolve().parent / "oracles"
    found = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    chosen = [n for n in found if not n.startswith("_")] if not names else [n for n in found if n in names]
    missing = set(names or ()) - set(found)
    if missing:
        sys.exit(f"closure: no oracle for {', '.join(sorted(missing))}; have {', '.join(found)}")
    return [importlib.import_module(f"oracles.{name}") for name in chosen]


def edits(text: str, start: int, end: int, alphabet: str, inserts: str):
    """(kind, new text, edited span in the new text) for every single edit of text[start:end]."""
    for i in range(start, end):
        ch = text[i]
        yield "delete", text[:i] + text[i + 1:], (start, max(start + 1, end - 1))
        yield "duplicate", text[:i] + ch + text[i:], (start, end + 1)
        for sub in alphabet:
            if sub != ch:
                yield "substitute", text[:i] + sub + text[i + 1:], (start, end)
    for i in range(max(start - 1, 0), min(end, len(text) - 1)):
        if text[i] != text[i + 1]:
            yield "transpose", text[:i] + text[i + 1] + text[i] + text[i + 2:], (min(i, start), max(i + 2, end))
    for i in range(start, end + 1):
        for ins in inserts:
            yield "insert", text[:i] + ins + text[i:], (start, end + 1)


def delta_at(old: str, new: str) -> tuple[int, int]:
    """(position, length change) of the single edit that turns old into new."""
    i = 0
    n = min(len(old), len(new))
    while i < n and old[i] == new[i]:
        i += 1
    return i, len(new) - len(old)


# -- linting, in worker processes -------------------------------------------------------------

_linter = None


def _lint(text: str, path: str, fmt: str) -> list[tuple[str, str, int, int]]:
    """(rule, severity, start, end) of every finding, offsets into text."""
    global _linter
    if _linter is None:
        from rectlint.api import Linter
        from rectlint.config import Config

        _linter = Linter(Config())
    result = _linter.lint_text(text, path, fmt)
    lines = result.document.lines
    out = []
    for f in result.findings:
        start = lines[f.line - 1].start + f.column - 1
        end = lines[f.end_line - 1].start + f.end_column
        out.append((f.rule, f.severity, start, end))
    return out


def _job(task):
    """Lint one edited notice and score it against its verdict."""
    family, kind, path, fmt, old_findings, new, pos, delta, verdict, spans, label = task
    found = _lint(new, path, fmt)
    before = Counter(old_findings)
    new_ones = []
    for rule, sev, s, e in found:
        ms = s - delta if s >= pos + max(delta, 0) else s
        me = e - delta if e > pos else e
        key = (rule, sev, ms, me)
        if before[key]:
            before[key] -= 1
        else:
            new_ones.append((rule, sev, s, e))
    if verdict == "ok":
        hit = [f for f in new_ones]
    else:
        wanted = ("error", "warning") if verdict == "broken" else ("error", "warning", "info")
        hit = [f for f in new_ones if f[1] in wanted
               and any(f[2] < e + 1 and s - 1 < f[3] for s, e in spans)]
    return family, kind, verdict, bool(hit), path, label, new, spans, hit[:3]


def _variant_job(task):
    family, label, path, fmt, text = task
    loud = [f for f in _lint(text, path, fmt) if f[1] != "info"]
    return family, label, path, loud[:3], text


# -- the run ----------------------------------------------------------------------------------

def tasks_for(family, docs, sample: int | None, rng: random.Random):
    for path, fmt, text, old in docs:
        spans = family.mentions(text)
        if sample is not None and len(spans) > sample:
            spans = sorted(rng.sample(spans, sample))
        for start, end in spans:
            seen = set()
            for kind, new, span in edits(text, start, end, family.ALPHABET, family.INSERTS):
                if new in seen or new == text:
                    continue
                seen.add(new)
                pos, delta = delta_at(text, new)
                got = family.judge(new, span, text, (start, end))
                verdict, where = (got, [span]) if isinstance(got, str) else got
                label = f"{text[start:end]} -> {new[span[0]:span[1]]}"
                yield (family.NAME, kind, str(path), fmt, old, new, pos, delta, verdict, where, label)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--family", help="comma-separated oracle names (default: all)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--sample", type=int, help="at most N mentions per notice and family")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=int, default=0, help="print N misses and N false flags per row")
    ap.add_argument("--corpus", type=Path, default=corpus_files.CORPUS)
    args = ap.parse_args()
    fams = families(args.family.split(",") if args.family else None)
    rng = random.Random(args.seed)

    docs = []
    for path in corpus_files.notices(args.corpus):
        fmt, text, _ = corpus_files.read(path)
        if fmt in TEXT_FORMATS:
            docs.append((path.name, fmt, text, tuple(_lint(text, path.name, fmt))))

    tasks = [t for fam in fams if hasattr(fam, "mentions") for t in tasks_for(fam, docs, args.sample, rng)]
    vtasks = [(fam.NAME, label, path, fmt, new) for fam in fams if hasattr(fam, "variants")
              for path, fmt, text, _ in docs for label, new in fam.variants(text, fmt)]
    if args.jobs > 1:
        import multiprocessing

        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            results = pool.map(_job, tasks, chunksize=64)
            vresults = pool.map(_variant_job, vtasks, chunksize=8)
    else:
        results = [_job(t) for t in tasks]
        vresults = [_variant_job(t) for t in vtasks]

    table = defaultdict(lambda: [0, 0, 0, 0])  # should-flag, flagged, well-formed, false flags
    examples = defaultdict(list)
    for family, kind, verdict, hit, path, label, new, spans, why in results:
        row = table[family, kind]
        if verdict == "ok":
            row[2] += 1
            row[3] += hit
            if hit:
                examples[family, kind, "false"].append((path, label, why))
        else:
            row[0] += 1
            row[1] += hit
            if not hit:
                examples[family, kind, "miss"].append((path, label, why))

    print(f"{'family':<12} {'edit':<11} {'flagged / should-flag':>24} {'rate':>6}   "
          f"{'false flags / well-formed':>26} {'rate':>6}")
    worst = 1.0
    for fam in fams:
        for kind in EDIT_KINDS:
            should, flagged, ok, false = table[fam.NAME, kind]
            if not should and not ok:
                continue
            recall = flagged / should if should else 1.0
            fp = false / ok if ok else 0.0
            worst = min(worst, recall)
            print(f"{fam.NAME:<12} {kind:<11} {flagged:>11} / {should:<10} {recall:>6.3f}   "
                  f"{false:>12} / {ok:<11} {fp:>6.3f}")
            for what in ("miss", "false"):
                for path, label, why in examples[fam.NAME, kind, what][:args.show]:
                    print(f"    {what}: {path}: {label}  {why or ''}")
    vcount = Counter(r[0] for r in vresults)
    vloud = Counter(r[0] for r in vresults if r[3])
    for name in sorted(vcount):
        print(f"{name:<12} {'variants':<11} {'':>24} {'':>6}   {vloud[name]:>12} / {vcount[name]:<11} "
              f"{vloud[name] / vcount[name]:>6.3f}")
        for family, label, path, loud, _ in [r for r in vresults if r[0] == name and r[3]][:args.show]:
            print(f"    loud: {path}: {label}: {loud}")

    OUT.mkdir(exist_ok=True)
    (OUT / "closure.json").write_text(json.dumps({
        "edits": [{"family": r[0], "kind": r[1], "verdict": r[2], "flagged": r[3], "path": r[4],
                   "edit": r[5], "findings": r[8]} for r in results],
        "variants": [{"family": r[0], "variant": r[1], "path": r[2], "findings": r[3]} for r in vresults],
    }, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What a near-miss date should have been: the well-formed mentions a small edit of it gives.

A run that holds a date but does not parse (date_grammar) is asked two things, in order:
1. which units restore it: 年, 月 or 日 put back between digits that lost them (2025324日 →
   2025年3月24日, 2025年3月24日至56 → …至5月6日);
2. failing that, which single edit (a character deleted, two swapped, a unit or a joiner put
   in its place, a Chinese numeral written in digits), with units restored after it if need be.
Every result is read by the same grammar; only well-formed, existing dates whose years fit the
document stay, and a range must run forwards. One reading is a repair; several are listed; none
leaves the finding without a suggestion (docs/conventions.md#dates).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

from ..text import cn_to_int
from .date_grammar import (CN_DIGITS, CN_VALUE, RANGE_JOINER, UNITS, Bad, Broken, Written, YearWindow, _fast, ends,
                           parse, tokens)

JOINERS = ("至", "到", "—", "–", "~", "-")

_ORDER = "年月日"
_LIMIT = 400  # candidates tried at most for one run: a run is short; a pathological one is not read
_LONGEST = 28  # characters: a longer run is reported without readings


def repair(text: str, start: int, end: int, years, why: str) -> list:
    """The Broken records of one run: one for the run, or one per end of a range whose ends
    were each repaired on their own (2025324日至56: 2025年3月24日, then 5月6日)."""
    out = []
    for a, b, readings, kind, whole in _repairs(text[start:end], tuple(years.years), why):
        broken = Broken(start + a, start + b, list(readings), kind)
        if whole is not None:
            broken.run, broken.whole = (start, end), whole  # the whole run's repair, for the chronology
        out.append(broken)
    return out


@lru_cache(maxsize=4096)
def _repairs(s: str, seen: tuple, why: str) -> tuple:
    """(start, end, readings, kind, the whole run's one repair) of each finding in a run s, offsets
    into s, among a document's years. Kept: a draft repeats its broken shapes, and a batch of
    drafts from one desk repeats them across files."""
    if s[-1] in JOINERS:
        return ((0, len(s), (), "dangling-joiner", None),)  # the end is lost: deleting 至 is no repair
    if len(s) > _LONGEST:
        return ((0, len(s), (), _kind_of(why), None),)
    years = YearWindow(seen)
    found = _readings(s, years)
    if not found:
        return ((0, len(s), (), _kind_of(why), None),)
    kinds = {kind for _, kind in found}
    readings = _by_meaning([r for r, _ in found], years)
    kind = kinds.pop() if len(kinds) == 1 else "malformed"
    whole = readings[0] if len(readings) == 1 and "、" not in readings[0] else None
    if len(readings) == 1:
        split = _split(s, readings[0])
        if split:
            return tuple((a, b, (r,), kind if k is None else k, whole) for a, b, r, k in split)
    return ((0, len(s), tuple(readings), kind, whole),)


def _kind_of(why: str) -> str:
    """What to call a near miss no edit repairs, from where the grammar stopped."""
    return {"lost-unit": "lost", "more": "malformed", "stray-digit": "malformed", "numeral": "malformed",
            "order": "swapped", "count": "lost"}.get(why, why)


def _by_meaning(readings: list[str], years) -> list[str]:
    """The readings, one for each set of dates they name (2025年4—10月 and 2025年4月—10月 are one),
    the shortest first written."""
    seen, out = {}, []
    for r in sorted(readings, key=len):
        parts = [well_formed(x, years) for x in r.split("、")]
        key = (tuple((p.year, p.month, p.day) for w in parts for p in w.pieces), "、" in r)
        if key not in seen:
            seen[key] = r
            out.append(r)
    return out


def well_formed(s: str, years) -> Written | None:
    key = (s, tuple(years.years))
    got = _SEEN.get(key, _SEEN)
    if got is _SEEN:
        if len(_SEEN) > 20000:
            _SEEN.clear()
        got = _SEEN[key] = _well_formed(s, years)
    return got


_SEEN: dict = {}


def _well_formed(s: str, years) -> Written | None:
    """s read as one whole mention that exists and runs forwards, or None. A repair is the date
    alone: the preposition before a run (截至) is left out of it before it is repaired."""
    if not s or not (s[0].isdigit() or s[0] in CN_DIGITS):
        return None
    w = _fast(s, 0, len(s))
    if w is None:
        try:
            w = parse(tokens(s, 0, len(s)), s)
        except Bad:
            return None
    if w.invalid or "short-year" in w.notes or "padded" in w.notes:
        return None
    for p in w.pieces:
        if p.year is not None and not years.likely(p.year):
            return None
    if w.is_range:
        a, b = ends(w)
        if b <= a:
            return None
    return w


def _readings(s: str, years) -> list[tuple[str, str]]:
    """(reading, kind of edit) of every repair of the cheapest class."""
    out = [(t, "lost") for t in _restored(s) if well_formed(t, years)]
    if out:
        return out
    edits = list(_one_edit(s))
    out = [(t, kind) for t, kind in edits if well_formed(t, years)]
    if out:
        return _with_lists(out, years)
    out = []
    for t, kind in edits[:_LIMIT]:
        if kind in _RESTORED_AFTER:
            out += [(u, kind) for u in _restored(t) if well_formed(u, years)]
    return _with_lists(out, years)


# The slips that come together with lost units in one converted run: a joiner lost with them
# (2025952025911日), a stray digit or mark. A unit replaced or swapped as well is two slips, and
# its "repair" (20253日 → 2025年3月) would be a guess.
_RESTORED_AFTER = ("lost-joiner", "stray-digit", "stray-mark", "mixed-numerals")


def _with_lists(found, years):
    """A joiner put between two whole dates may as well have been a 顿号: both are readings."""
    out = list(found)
    for t, kind in found:
        if kind == "lost-joiner":
            a, _, b = t.partition(RANGE_JOINER)
            if well_formed(a, years) and well_formed(b, years):
                out.append((f"{a}、{b}", kind))
    return out


def _restored(s: str):
    """s with units put back into its digit runs, in every way the order of units allows."""
    spans = []
    i = 0
    while i < len(s):
        if s[i].isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    if not spans:
        return
    choices = []
    for a, b in spans:
        prev = s[a - 1] if a else ""
        nxt = s[b] if b < len(s) else ""
        choices.append(_splits(s[a:b], prev, nxt))
    count = 0
    for combo in product(*choices):
        if not any(inserted for _, inserted in combo):
            continue
        out, pos = [], 0
        for (a, b), (written, _) in zip(spans, combo):
            out.append(s[pos:a])
            out.append(written)
            pos = b
        out.append(s[pos:])
        yield "".join(out)
        count += 1
        if count >= _LIMIT:
            return


def _splits(digits: str, prev: str, nxt: str) -> list[tuple[str, int]]:
    """Ways to write a digit run as consecutive fields each with its unit: (text, units added).
    The field after a unit is the next one (年 → 月); a unit that follows the run ends it."""
    out = [(digits, 0)]
    if prev and prev in UNITS:
        firsts = [_ORDER.index("日" if prev == "号" else prev) + 1]
    elif len(digits) > 4 and digits[:2] in ("19", "20"):
        firsts = [0]  # 2025324: a year leads; 20月25日… never exists
    else:
        firsts = [0, 1, 2]
    last = _ORDER.index("日" if nxt == "号" else nxt) if nxt and nxt in UNITS else None
    for first in firsts:
        if first > 2:
            continue
        _fields(digits, first, last, "", 0, out, nxt in JOINERS)
    return out


def _fields(rest: str, field: int, last, written: str, added: int, out: list, bare: bool) -> None:
    if field > 2:
        return
    sizes = (4,) if field == 0 else (1, 2)
    for size in sizes:
        if size > len(rest):
            continue
        part, tail = rest[:size], rest[size:]
        if part[0] == "0" or (field == 1 and not 1 <= int(part) <= 12) or (field == 2 and not 1 <= int(part) <= 31):
            continue
        if not tail:
            if last is None:
                out.append((written + part + _ORDER[field], added + 1))
                if bare and field and added:
                    out.append((written + part, added))  # 2025年4—10月: the start borrows the end's unit
            elif last == field and added:
                out.append((written + part, added))
            continue
        _fields(tail, field + 1, last, written + part + _ORDER[field], added + 1, out, bare)


def _one_edit(s: str):
    """(edited s, kind) for every single edit a slip of the keyboard or a conversion makes."""
    n = len(s)
    for i in range(n):
        ch = s[i]
        if ch.isdigit():
            kind = "stray-digit"
        elif ch in UNITS:
            kind = "doubled" if (i > 0 and s[i - 1] == ch) or (i + 1 < n and s[i + 1] == ch) else "stray-unit"
        else:
            kind = "stray-mark"
        yield s[:i] + s[i + 1:], kind
    for i in range(n - 1):
        if s[i] != s[i + 1]:
            yield s[:i] + s[i + 1] + s[i] + s[i + 2:], "swapped"
    units = [i for i, ch in enumerate(s) if ch in UNITS]
    for x in range(len(units)):
        for y in range(x + 1, len(units)):
            i, j = units[x], units[y]
            if s[i] != s[j]:
                yield s[:i] + s[j] + s[i + 1:j] + s[i] + s[j + 1:], "swapped"
    for i in units:
        for u in _ORDER:
            if u != s[i]:
                yield s[:i] + u + s[i + 1:], "wrong-unit"
    for i in range(n):
        if s[i] in CN_DIGITS + "十":
            j = i
            while j < n and s[j] in CN_DIGITS + "十":
                j += 1
            if i == 0 or s[i - 1] not in CN_DIGITS + "十":
                value = cn_to_int(s[i:j]) if "〇" not in s[i:j] and "零" not in s[i:j] else None
                if value is None and all(c in CN_DIGITS for c in s[i:j]):
                    digits = "".join(str(CN_VALUE[c]) for c in s[i:j])
                    yield s[:i] + digits + s[j:], "mixed-numerals"
                elif value is not None:
                    yield s[:i] + str(value) + s[j:], "mixed-numerals"
    for i in range(1, n):
        if s[i - 1] in "日月年号" and s[i].isdigit():
            yield s[:i] + RANGE_JOINER + s[i:], "lost-joiner"
        if s[i - 1].isdigit() and s[i].isdigit():
            yield s[:i] + RANGE_JOINER + s[i:], "lost-joiner"
        if s[i] in "—–~-.·/" and s[i - 1].isdigit():
            yield s[:i] + RANGE_JOINER + s[i + 1:], "wrong-joiner"


def _split(s: str, reading: str):
    """A repaired range whose joiner stands where it stood, reported end by end: (start, end,
    reading, kind) for each end that changed."""
    w = well_formed(reading, _Any())
    if w is None or not w.is_range:
        return None
    joiner = w.joiner
    left_r, _, right_r = reading.partition(joiner)
    if s.count(joiner) != 1:
        return None
    left_s, _, right_s = s.partition(joiner)
    if not left_s or not right_s or left_r[-1:].isdigit():
        return None  # 2025年4—10月: the start shares the end's unit
    if not _units(left_s) and not _units(right_s):
        return None
    out = []
    if left_s != left_r:
        out.append((0, len(left_s), left_r, None))
    if right_s != right_r:
        b = len(left_s) + len(joiner)
        out.append((b, b + len(right_s), right_r, "range-end" if not _units(right_s) else None))
    return out


def _units(s: str) -> str:
    return "".join(c for c in s if c in UNITS)


class _Any:
    """Every year is likely: for reading a repair that is already chosen."""

    years = ("any",)

    def likely(self, year):
        return True

"""Text normalisation, shingles and winnowing for the duplication rules (not a rule).

Normalised text keeps only letters and Han characters, with digits folded to 0
and the inside of 《…》 collapsed to one mark, so that a passage pasted with its
figures changed, or citing another regulation, still lines up with its source.
Each normalised character remembers its offset in the original, so a match maps
back to exact positions and to the figure or title written there
(`Segment.written`): whether two aligned passages are the same words or one
template with other figures is told from those.
See docs/conventions.md#copies.
"""

from __future__ import annotations

import zlib
from functools import lru_cache

import regex

from .. import patterns
from rectlint.conventions.status import MEASURE_LABEL, STATUS_LABEL


K = 8  # characters per k-gram
WINDOW = 6  # winnowing window: shared runs of K + WINDOW - 1 = 13 characters are always seen

# Exactly the characters str.isalnum() and str.isdigit() accept (tests/test_conventions.py checks
# every assigned code point): letters, Han and digits are compared; punctuation and spaces are not.
_WORD = patterns.compile(r"[\p{L}\p{N}]+")
_TOKEN = patterns.compile(r"《|》|" + _WORD.pattern)  # the words, and the title marks that fold a title
_DIGIT = patterns.compile(r"[\p{Numeric_Type=Digit}\p{Numeric_Type=Decimal}]")
_CLAUSE_END = patterns.compile(r"[。,;]")


class Segment:
    """A stretch of normalised text and where each of its characters came from."""

    __slots__ = ("text", "_offsets", "_origin")

    def __init__(self, text: str, offsets: list | None = None, origin: tuple | None = None):
        self.text = text  # normalised characters
        self._offsets = offsets
        self._origin = origin  # (folded, start, end, first, last): how to find the offsets when asked

    @property
    def offsets(self) -> list:
        """Original offset of each character. Most segments are never reported, so these are
        found only when asked."""
        if self._offsets is None:
            folded, start, end, first, last = self._origin
            every: list = []
            for m in _WORD.finditer(folded, start, end):
                every.extend(range(m.start(), m.end()))
            self._offsets = every[first:last]
        return self._offsets

    def written(self, folded: str, i: int) -> str:
        """Normalised character i as the text writes it: a digit as written (normalised text
        reads every digit as 0), a cited title whole (normalised text reads each as one 《).
        `folded` is the Document's folded text the segment was made from."""
        ch = self.text[i]
        if ch != "0" and ch != "《":
            return ch
        at = self.offsets[i]
        if ch == "0":
            return folded[at]
        close = folded.find("》", at)
        return folded[at:close + 1] if close >= 0 else folded[at:]


@lru_cache(maxsize=32)
def _stop_pattern(phrases: tuple):
    return patterns.compile("|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True)))


def normalise(folded: str, start: int, end: int, stop_phrases=()) -> list[Segment]:
    """Normalised segments of folded[start:end] (a Document's `folded` text); stop phrases split them."""
    if folded.find("《", start, end) >= 0:
        norm, offsets = _with_titles(folded, start, end)
    else:
        norm, offsets = _zero_digits("".join(_WORD.findall(folded, start, end))), None
    cuts = [m.span() for m in _stop_pattern(tuple(stop_phrases)).finditer(norm)] if stop_phrases else []
    segments, pos = [], 0
    for a, b in [*cuts, (len(norm), len(norm))]:
        if a > pos:
            if offsets is None:
                segments.append(Segment(norm[pos:a], origin=(folded, start, end, pos, a)))
            else:
                segments.append(Segment(norm[pos:a], offsets[pos:a]))
        pos = max(pos, b)
    return segments


def _with_titles(folded: str, start: int, end: int) -> tuple[str, list]:
    """Normalised text and offsets of a span that holds 《: each title becomes one 《."""
    chars, offsets = [], []
    depth = 0
    for m in _TOKEN.finditer(folded, start, end):
        token = m.group()
        if token == "《":
            depth += 1
            if depth == 1:
                chars.append(token)
                offsets.append(m.start())
        elif token == "》":
            depth = max(0, depth - 1)
        elif not depth:
            chars.append(token)
            offsets.extend(range(m.start(), m.end()))
    return _zero_digits("".join(chars)), offsets


def _zero_digits(text: str) -> str:
    # A digit is never alphabetic: most lines of Han text are, and skip the scan.
    return text if text.isalpha() else _DIGIT.sub("0", text)


def comparable_units(doc):
    """Spans compared for copies: (start, end, item, whether it is the item's heading line).

    Body lines, and heading lines after their title; status lines (整改结果：已完成。) repeat by
    design and labels (整改情况：) are template, so neither is compared; what a status line goes
    on to say after its status clause (完成情况：已完成，盘活闲置用地326亩…) is. Yielded one by one:
    a long draft's, held as tuples all at once, took 90 bytes a line.
    """
    outline = doc.outline
    item_of = {}
    for item in outline.items:
        item_of[item.line.number] = item
        for line in item.body:
            item_of[line.number] = item
    headings = {h.line.number: h for h in outline.headings}
    closing = {line.number for line in (*outline.signature, *outline.supervision)}
    if outline.title is not None:
        closing.add(outline.title.number)
    for line in doc.body_lines():
        if line.number in closing:
            continue
        start = line.start
        status = STATUS_LABEL.match(doc.folded, line.start, line.end)
        if status:
            clause = _CLAUSE_END.search(doc.folded, status.end(), line.end)
            if clause is None:
                continue
            start = clause.end()
        label = MEASURE_LABEL.match(doc.folded, line.start, line.end)
        if label:
            start = label.end()
        if line.number in headings:
            stop = doc.folded.find("。", headings[line.number].marker_end, line.end)
            if stop < 0:
                continue
            start = stop + 1
        item = item_of.get(line.number)
        yield start, line.end, item, item is not None and item.line.number == line.number


def kgram_hash(gram: str) -> int:
    return zlib.crc32(gram.encode("utf-8"))


def winnow(segment: Segment, k: int = K, window: int = WINDOW) -> list[tuple[int, int]]:
    """(hash, index of the k-gram) fingerprints chosen by winnowing (Schleimer et al. 2003)."""
    text = segment.text
    hashes = [kgram_hash(text[i:i + k]) for i in range(len(text) - k + 1)]
    if not hashes:
        return []
    if len(hashes) <= window:
        i = min(range(len(hashes)), key=lambda j: (hashes[j], -j))
        return [(hashes[i], i)]
    chosen, last = [], -1
    for lo in range(len(hashes) - window + 1):
        best = lo
        for j in range(lo, lo + window):
            if hashes[j] <= hashes[best]:
                best = j  # rightmost minimum, as in the paper
        if best != last:
            chosen.append((hashes[best], best))
            last = best
    return chosen


def document_fingerprints(doc) -> list[tuple[int, int, int]]:
    """(hash, start, end) of the winnowed fingerprints of a notice's comparable text.

    start/end are offsets in doc.text of the k-gram's first and last characters + 1.
    """
    out = []
    for start, end, _, _ in comparable_units(doc):
        for seg in normalise(doc.folded, start, end):
            for h, i in winnow(seg):
                out.append((h, seg.offsets[i], seg.offsets[i + K - 1] + 1))
    return out

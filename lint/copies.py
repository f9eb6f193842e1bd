"""Copying between units: pairs of indexed notices from different issuers that share passages
(`rectlint index copies`).

Only hashes found in 2 to `boilerplate-docs` − 1 notices are read, through the index of shared
hashes: the genre's fixed formulas, found in many notices, are left out by document frequency
as `--against` leaves them out. Each pair's fingerprints are joined into passages on each side
(neighbours on one line no more than GAP characters apart, as corpus-overlap joins them), then
widened to the whole stretch of identical text around them; a passage shorter than `min-chars`
on either side is a chance phrase, not a copy. A notice's share is the part of its fingerprints
that lie in the passages it shares with the other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from .conventions.fingerprint import K

GAP = 10  # characters bridged between fingerprints of one passage (as corpus-overlap)


@dataclass
class Side:
    id: int
    path: str
    issuer: str | None
    issued: str | None  # ISO date
    fingerprints: int
    share: float = 0.0


@dataclass
class Passage:
    a: tuple  # (line, column, end column) in the first notice
    b: tuple
    marks_a: list = field(default_factory=list)  # (column, end column) of the shared fingerprints
    marks_b: list = field(default_factory=list)
    hashes: set = field(default_factory=set)  # the fingerprints it shares

    @property
    def chars(self) -> int:
        return max(self.a[2] - self.a[1], self.b[2] - self.b[1]) + 1


@dataclass
class Copy:
    a: Side  # the earlier notice, where the dates say
    b: Side
    passages: list
    earlier: str | None  # "a", or None when the dates do not say

    @property
    def share(self) -> float:
        return max(self.a.share, self.b.share)


def _same_issuer(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a == b


def _runs(places) -> list:
    """Places (line, col, end_col, hash), sorted, joined into runs [line, col, end_col, hashes, marks]."""
    runs = []
    for line, col, end, h in places:
        last = runs[-1] if runs else None
        if last is not None and last[0] == line and col <= last[2] + GAP:
            last[2] = max(last[2], end)
            last[3].add(h)
            last[4].append((col, end, h))
        else:
            runs.append([line, col, end, {h}, [(col, end, h)]])
    return runs


# Fingerprints start up to WINDOW - 1 k-grams into a shared stretch and end as far before its
# end: a candidate passage may measure this much less than the stretch, until widened.
SLACK = 12


def _pair(a: Side, b: Side, hashes: set, by_hash: dict, min_chars: int) -> Copy | None:
    def places(doc, wanted):
        return sorted((line, col, end, h) for h in wanted for d, line, col, end in by_hash[h] if d == doc)

    passages = []
    for run in _runs(places(a.id, hashes)):
        if run[2] - run[1] + 1 < min_chars:
            continue
        counterparts = _runs(places(b.id, run[3]))
        best = max(counterparts, key=lambda r: (r[2] - r[1], -r[0]))
        if best[2] - best[1] + 1 < min_chars:
            continue
        common = run[3] & best[3]
        passages.append(Passage((run[0], run[1], run[2]), (best[0], best[1], best[2]),
                                [(c, e) for c, e, h in run[4] if h in common],
                                [(c, e) for c, e, h in best[4] if h in common], common))
    if not passages:
        return None
    _shares(a, b, passages)
    earlier = None
    if a.issued and b.issued and a.issued != b.issued:
        earlier = "a" if a.issued < b.issued else "b"
    if earlier == "b":
        a, b = b, a
        passages = [Passage(p.b, p.a, p.marks_b, p.marks_a, p.hashes) for p in passages]
        earlier = "a"
    passages.sort(key=lambda p: p.a)
    return Copy(a, b, passages, earlier)


def _shares(a: Side, b: Side, passages) -> None:
    shared = set().union(*(p.hashes for p in passages))
    a.share = len(shared) / max(1, a.fingerprints)
    b.share = len(shared) / max(1, b.fingerprints)


def _settle(copy: Copy, text_a: str | None, text_b: str | None, min_chars: int) -> bool:
    """Widen the candidate passages to the whole stretches the texts share, keep those of
    `min_chars` or more on both sides (by their fingerprints where the index holds no text), and
    the shares of what is kept; False when none is left."""
    if text_a is not None and text_b is not None:
        _extend(copy, text_a, text_b)
    copy.passages = [p for p in copy.passages if min(p.a[2] - p.a[1], p.b[2] - p.b[1]) + 1 >= min_chars]
    if copy.passages:
        _shares(copy.a, copy.b, copy.passages)
    return bool(copy.passages)


def _extend(copy: Copy, text_a: str | None, text_b: str | None) -> None:
    """Widen each passage to the whole run of identical characters around it: fingerprints
    start a few characters into a copied stretch and end a few before its end."""
    if text_a is None or text_b is None:
        return
    from .document import _split_lines

    lines_a, lines_b = _split_lines(text_a), _split_lines(text_b)
    for p in copy.passages:
        if not (0 < p.a[0] <= len(lines_a) and 0 < p.b[0] <= len(lines_b)):
            continue
        la, lb = lines_a[p.a[0] - 1].text, lines_b[p.b[0] - 1].text
        (a0, a1), (b0, b1) = (p.a[1] - 1, p.a[2]), (p.b[1] - 1, p.b[2])  # 0-based, end exclusive
        while a0 > 0 and b0 > 0 and la[a0 - 1] == lb[b0 - 1]:
            a0, b0 = a0 - 1, b0 - 1
        while a1 < len(la) and b1 < len(lb) and la[a1] == lb[b1]:
            a1, b1 = a1 + 1, b1 + 1
        p.a, p.b = (p.a[0], a0 + 1, a1), (p.b[0], b0 + 1, b1)


def find(corpus, min_share: float = 0.05, issuer: str | None = None, since: dt.date | None = None,
         boilerplate_docs: int = 5, min_chars: int = 20) -> tuple[list, dict]:
    """(copies sorted by share, {document id: its text or None}) of an opened Corpus."""
    def work(postings, docs, bodies):
        by_hash = defaultdict(list)
        for h, doc, line, col, end in postings():
            by_hash[h].append((doc, line, col, end))
        meta = docs({d for places in by_hash.values() for d, *_ in places})
        pairs = defaultdict(set)
        for h, places in by_hash.items():
            ids = sorted({d for d, *_ in places})
            for i, a in enumerate(ids):
                for b in ids[i + 1:]:
                    if not _same_issuer(meta[a][1], meta[b][1]):
                        pairs[(a, b)].add(h)
        candidates = []
        for (a, b), hashes in pairs.items():
            if len(hashes) < 2:  # one fingerprint is a phrase of at most 13 characters
                continue
            copy = _pair(Side(a, *meta[a]), Side(b, *meta[b]), hashes, by_hash, max(K, min_chars - SLACK))
            if copy is not None and _wanted(copy, min_share, issuer, since):  # its shares can only fall
                candidates.append(copy)
        texts = bodies({d for c in candidates for d in (c.a.id, c.b.id)})
        found = [c for c in candidates if _settle(c, texts.get(c.a.id), texts.get(c.b.id), min_chars)
                 and _wanted(c, min_share, issuer, since)]
        found.sort(key=lambda c: (-c.share, -min(c.a.share, c.b.share), c.a.path, c.b.path))
        return found, {d: texts[d] for c in found for d in (c.a.id, c.b.id)}

    return corpus.shared(boilerplate_docs, work)


def _wanted(copy: Copy, min_share: float, issuer: str | None, since: dt.date | None) -> bool:
    if copy.share < min_share:
        return False
    if issuer and not any(issuer in (side.issuer or "") for side in (copy.a, copy.b)):
        return False
    if since is not None:
        dates = [side.issued for side in (copy.a, copy.b) if side.issued]
        if not dates or max(dates) < since.isoformat():
            return False
    return True

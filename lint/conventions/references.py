"""A passage two paragraphs share that is a reference back, not a copy (not a rule itself).

A copy is pasted by clauses: where the same words were pasted, at least one of the two places holds
them as a whole clause, mark to mark. A list of names joined by 、 (bodies, titles, set phrases)
written again inside two different clause frames is the text naming the same things twice
(分别报送市委巡察办、市纪委监委对口联系室、市委组织部审核。… 根据市委巡察办、市纪委监委对口联系室、
市委组织部审核意见，…): a reference back, in the order the story goes.

A copy of a clause numbered in one place (六是卫健委主要负责人对A、B、C进行提醒谈话。) and carried on
in the other (三是卫健委主要负责人对A、B、C进行提醒谈话1次。) holds the whole clause in the first: it
is a copy. Offsets are into `Document.folded` (ASCII ,;:!?() and 。).
"""

from __future__ import annotations

from .. import patterns

_CLAUSE_MARKS = frozenset(",;:。!?\n")
_ORDINAL = patterns.compile(r"(?:[一二三四五六七八九十]+是|[第其][一二三四五六七八九十]+|首先|其次|再次|最后"
                            r"|\(?[0-9一二三四五六七八九十]{1,3}[)、.]|[①-⑳])?")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the clause around text[start:end]: from the mark before it to the mark after."""
    a = start
    while a > 0 and text[a - 1] not in _CLAUSE_MARKS:
        a -= 1
    b = end
    while b < len(text) and text[b] not in _CLAUSE_MARKS:
        b += 1
    return a, b


def _whole(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is its clause, but for spaces, the ordinal that opens it (六是…, （二）…:
    序次语 number a clause, they are no part of what it says) and one character at either edge,
    where a run of shared characters may stop short of a word."""
    a, b = _clause(text, start, end)
    while a < start and text[a] in " \t　":
        a += 1
    ordinal = _ORDINAL.match(text, a, b)
    content = ordinal.end() if ordinal is not None else a
    while b > end and text[b - 1] in " \t　":
        b -= 1
    return start - content <= 1 and b - end <= 1


def reference_back(text: str, later: tuple[int, int], earlier: tuple[int, int]) -> bool:
    """Whether a passage found in two places is a 、-list named again inside another clause frame:
    no clause mark inside it, a 、 in it, and neither place holding it as a whole clause."""
    s, e = later
    if text.find("、", s, e) < 0 or any(ch in _CLAUSE_MARKS for ch in text[s:e]):
        return False
    return not _whole(text, *later) and not _whole(text, *earlier)

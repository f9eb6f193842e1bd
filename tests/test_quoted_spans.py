"""The outline's quoted spans (where no in-text marker is read) in linear time, as the pattern
reads them: bench/worst_case.py found the pattern quadratic on a line of openers with no closer."""

import random

import regex

from rectlint.outline import _quoted

# What a quoted span is, as the outline once searched for it (quadratic on 《《《… with no 》).
_QUOTED = regex.compile(r"《[^》\r\n]*》|“[^”\r\n]*”")


def test_quoted_spans_are_the_patterns():
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice("《》“”a，") for _ in range(rng.randrange(30)))
        assert _quoted(text, 0, len(text)) == [(m.start(), m.end()) for m in _QUOTED.finditer(text)], text

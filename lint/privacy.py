"""Personal data never leaves the draft: the numbers `personal-data` finds are masked in every
snippet a reporter prints, and baselines keep a hash of the text they accept, not the text."""

from __future__ import annotations

from collections import defaultdict

RULE = "personal-data"


def mask_digits(span: str) -> str:
    """158-6745-3421 → 158-****-3421: the first three and last four digits stay, separators too."""
    positions = [i for i, ch in enumerate(span) if ch.isdigit()]
    hidden = set(positions[3:-4]) if len(positions) > 7 else set(positions)
    return "".join("*" if i in hidden else ch for i, ch in enumerate(span))


def masked_lines(findings) -> dict:
    """(path, line number) -> [(start column, end column)] of personal data to mask, 1-based, inclusive."""
    spans = defaultdict(list)
    for f in findings:
        if f.rule == RULE and f.line == f.end_line:
            spans[(f.path, f.line)].append((f.column, f.end_column))
    return spans


def redact(text: str, spans) -> str:
    """A line with the given spans (1-based columns, inclusive) masked, each character kept in place."""
    for start, end in spans:
        a, b = start - 1, min(len(text), end)
        text = text[:a] + mask_digits(text[a:b]) + text[b:]
    return text


def digest(text: str) -> str:
    """What a baseline keeps of the text it accepts."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

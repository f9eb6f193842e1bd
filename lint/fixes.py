"""Apply findings' edits to a draft: atomically, keeping its encoding, BOM and line endings."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .atomic import replace_file
from .decode import Decoded, encode
from .errors import InputError
from .messages import said
from .text import printable

if TYPE_CHECKING:
    from pathlib import Path


def applies(finding, unsafe: bool) -> bool:
    """Whether this run's fix options apply the finding's edits."""
    return finding.fix is not None and finding.fix.applies(unsafe)


def chosen_edits(findings, unsafe: bool) -> list[tuple[int, int, str]]:
    return [edit for f in findings if applies(f, unsafe) for edit in f.fix.edits]


def apply_edits(text: str, edits) -> tuple[str, int]:
    """Apply non-overlapping edits (the first of two overlapping ones wins)."""
    out, pos, applied = [], 0, 0
    for start, end, replacement in sorted(set(edits), key=lambda e: (e[0], e[1])):
        if start < pos:
            continue
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
        applied += 1
    out.append(text[pos:])
    return "".join(out), applied


def write_atomic(path: str | Path, data: bytes, expected: tuple | None = None) -> int:
    """Replace a draft's bytes, respecting the file; returns how many other hard links the file
    had (they keep the old bytes).

    A symbolic link is written through to its target. A read-only file is refused, and so is
    one that changed since it was read (`expected` is its size, mtime and hash then): checked
    first, and again once the new content is written, just before the rename. The new content
    goes to a temporary file beside the target, which takes the target's mode, owner (where
    permitted) and extended attributes before it is renamed over it. A file is never rewritten
    in place, where an interrupted write would tear it: a file with other hard links is replaced
    like any other, and the links keep the old content (the caller says so).
    """
    shown = printable(str(path))
    target = os.path.realpath(path)
    st = os.stat(target)
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise InputError(said("input.read-only", name=shown))

    def unchanged() -> None:
        if expected is None:
            return
        try:
            now = os.stat(target)
            with open(target, "rb") as handle:
                current = handle.read()
        except OSError:
            raise InputError(said("input.changed", name=shown)) from None
        if (now.st_size, now.st_mtime_ns) != expected[:2] or current != expected[2]:
            raise InputError(said("input.changed", name=shown))

    unchanged()
    replace_file(target, data, st, check=unchanged)
    return st.st_nlink - 1


def fix_file(path: str, decoded: Decoded, new_text: str) -> int:
    """Write a fixed draft back; returns how many other hard links keep the old text."""
    return write_atomic(path, encode(decoded, new_text), decoded.origin)


def diff(path: str, old: str, new: str) -> str:
    import difflib  # only for --diff: a plain fix never needs it

    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}"))


MAX_PASSES = 5  # a fix can reveal or unblock another; passes stop when nothing changes


@dataclass
class FixOutcome:
    findings: list  # what is left: the fixed texts' findings, and the others' as they were
    fixed: dict = field(default_factory=dict)  # path -> (old text, new text)
    applied: int = 0  # edits applied over all passes
    not_fixable: list = field(default_factory=list)  # paths with fixes that are never rewritten
    errors: list = field(default_factory=list)  # one line for each draft that could not be written
    notes: list = field(default_factory=list)  # what a reader must know of a write (links broken)


def converge(item, found, unsafe: bool = False, accepted=None) -> tuple:
    """Apply the chosen fixes of a linted document's findings (`found`) pass after pass, each
    pass on the text the last one left, until none is left (a fix can reveal or unblock
    another). Returns (text, edits applied, the text's Document, its findings, filtered by
    `accepted`)."""
    accepted = accepted or (lambda relinted: relinted)
    text, current, applied, doc = item.document.text, found, 0, item.document
    for _ in range(MAX_PASSES):
        new, count = apply_edits(text, chosen_edits(current, unsafe))
        if new == text:
            break
        text, applied = new, applied + count
        doc, relinted = item.relint(text)
        current = accepted(relinted)
    return text, applied, doc, current


def fix_result(result, findings, unsafe: bool = False, write: bool = True, accepted=None) -> FixOutcome:
    """Apply the chosen fixes of `findings` (a lint Result's, perhaps filtered by a baseline)
    until they converge, and write the drafts back unless `write` is False. `accepted` filters
    the findings of each fixed text the same way."""
    by_path: dict = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    outcome = FixOutcome([])
    for path, found in by_path.items():
        item = result.documents.get(path)
        decoded = item.decoded if item is not None else None
        if decoded is None or path == "-":
            if chosen_edits(found, unsafe) and decoded is None:
                outcome.not_fixable.append(path)
            outcome.findings.extend(found)
            continue
        old = item.document.text
        text, applied, doc, current = converge(item, found, unsafe, accepted)
        if text == old:
            outcome.findings.extend(found)
            continue
        if write:
            try:
                links = fix_file(path, decoded, text)
                if links:
                    outcome.notes.append(said("input.links-broken", name=printable(path), count=links))
            except InputError as exc:
                outcome.errors.append(exc.message)
                outcome.findings.extend(found)
                continue
            item.document, item.findings = doc, current
        outcome.fixed[path] = (old, text)
        outcome.applied += applied
        outcome.findings.extend(current)
    return outcome

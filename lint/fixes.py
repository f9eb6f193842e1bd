"""Apply findings' edits to a draft: atomically, keeping its encoding, BOM and line endings."""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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


def write_atomic(path: str | Path, data: bytes, expected: tuple | None = None) -> None:
    """Replace a draft's bytes, respecting the file.

    A symbolic link is written through to its target. A read-only file is refused, and so is
    one that changed since it was read (`expected` is its size, mtime and hash then). The new
    content goes to a temporary file beside the target, which takes the target's mode, owner
    (where permitted) and extended attributes before it is renamed over it; a file with other
    hard links is rewritten in place instead, so that every link sees the fix.
    """
    shown = printable(str(path))
    target = os.path.realpath(path)
    st = os.stat(target)
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise InputError(said("input.read-only", name=shown))
    if expected is not None:
        with open(target, "rb") as handle:
            current = handle.read()
        if (st.st_size, st.st_mtime_ns) != expected[:2] or current != expected[2]:
            raise InputError(said("input.changed", name=shown))
    if st.st_nlink > 1:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
        return
    replace_file(target, data, st)


def replace_file(target: str | Path, data: bytes, like=None, sync: bool = True, like_path=None) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`, so that a
    reader sees the old bytes or the new, never part. With `like` (a stat: the old file's, or the
    draft's for a copy made of it at `like_path`), the new file takes its mode, owner and extended
    attributes; without, the mode a new file gets (0666 less the umask), as `open` would give it,
    not the 0600 of a temporary file. `sync=False` skips the fsync, for a file that may be lost in
    a crash (a cache entry: a missing one is linted again)."""
    folder, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".rectlint", dir=folder or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        if like is not None:
            _copy_metadata(like_path or target, tmp, like)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux); else
    set and put back at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _copy_metadata(source: str | Path, tmp: str, st) -> None:
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except (PermissionError, AttributeError):
        pass  # only the owner's own files, then; the mode still carries over
    if hasattr(os, "listxattr"):
        try:
            for name in os.listxattr(source):
                os.setxattr(tmp, name, os.getxattr(source, name))
        except OSError:
            pass  # a file system without extended attributes


def fix_file(path: str, decoded: Decoded, new_text: str) -> None:
    write_atomic(path, encode(decoded, new_text), decoded.origin)


def diff(path: str, old: str, new: str) -> str:
    import difflib  # only for --diff: the atomic writes here serve the cache and pattern table too

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
                fix_file(path, decoded, text)
            except InputError as exc:
                outcome.errors.append(exc.message)
                outcome.findings.extend(found)
                continue
            item.document, item.findings = doc, current
        outcome.fixed[path] = (old, text)
        outcome.applied += applied
        outcome.findings.extend(current)
    return outcome

"""Apply findings' edits to a draft: atomically, keeping its encoding, BOM and line endings."""

from __future__ import annotations

import difflib
import os
import tempfile
from pathlib import Path

from .decode import Decoded, encode


def applies(finding, unsafe: bool) -> bool:
    """Whether this run's fix options apply the finding's edits."""
    return bool(finding.edits) and (finding.fix_safe or unsafe)


def chosen_edits(findings, unsafe: bool) -> list[tuple[int, int, str]]:
    return [edit for f in findings if applies(f, unsafe) for edit in f.edits]


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


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it."""
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".rectlint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_file(path: str, decoded: Decoded, new_text: str) -> None:
    write_atomic(Path(path), encode(decoded, new_text))


def diff(path: str, old: str, new: str) -> str:
    return "".join(difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}"))

"""Find the drafts named on the command line and read them into Documents."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from .decode import Decoded, decode
from .document import Document
from .errors import InputError

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                 ".html": "html", ".htm": "html"}
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".rectlint"}
MAX_BYTES = 50 * 1024 * 1024


@dataclass
class Source:
    path: str  # as given, or as found below a given folder
    kind: str


def kind_of(path: Path) -> str | None:
    return TEXT_SUFFIXES.get(path.suffix.lower())


def collect(paths, excluded) -> list[Source]:
    """Expand folders; `excluded(Path)` says whether a file found in a folder is skipped.

    A file named explicitly is always read, whatever its suffix, as ruff does.
    """
    out: list[Source] = []
    for given in paths:
        if given == "-":
            out.append(Source("-", "txt"))
            continue
        path = Path(given)
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if any(part in SKIP_DIRS for part in found.relative_to(path).parts[:-1]):
                    continue
                kind = kind_of(found)
                if kind and found.is_file() and not excluded(found):
                    out.append(Source(str(found), kind))
        elif path.is_file():
            out.append(Source(given, kind_of(path) or "txt"))
        elif path.exists():
            raise InputError(f"{given}: not a regular file or folder")
        else:
            raise InputError(f"{given}: no such file or folder")
    return out


def read_bytes(source: Source) -> bytes:
    if source.path == "-":
        return sys.stdin.buffer.read()
    try:
        path = Path(source.path)
        if path.stat().st_size > MAX_BYTES:
            raise InputError(f"{source.path}: larger than {MAX_BYTES // 2**20} MiB; not a draft")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{source.path}: cannot read: {exc.strerror or exc}") from None


def load(source: Source, warn=None) -> tuple[Document, Decoded | None]:
    """Read a source; `decoded` is None for formats that are never written back."""
    data = read_bytes(source)
    if source.kind == "docx":
        from .docx_reader import read_docx

        text, warnings = read_docx(data, source.path)
        for warning in warnings:
            if warn is not None:
                warn(warning)
        return Document(text, source.path, "docx"), None
    decoded = decode(data, source.path)
    if source.kind == "html":
        from .html_reader import html_to_text

        return Document(html_to_text(decoded.text), source.path, "html"), None
    return Document(decoded.text, source.path, source.kind), decoded

"""Find the drafts named on the command line and read them into Documents."""

from __future__ import annotations

import os
import sys

from .decode import Decoded, decode
from .document import Document
from .errors import InputError
from .messages import said
from .place import WORD_KINDS  # read as a .docx: paragraphs, parts, comments
from .record import Record
from .text import printable

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".docx": "docx",
                 ".html": "html", ".htm": "html",
                 # converted by LibreOffice (convert.py), then read as a .docx
                 ".doc": "doc", ".wps": "wps", ".odt": "odt", ".rtf": "rtf", ".docm": "docm",
                 ".pdf": "pdf", ".ofd": "ofd"}
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".rectlint"}
MAX_BYTES = 50 * 1024 * 1024


class Source(Record):
    """A draft to read: a path, or standard input."""

    FIELDS = ("path", "kind", "stdin")

    def __init__(self, path: str, kind: str, stdin: bool = False):
        self.path = path  # as given, or as found below a given folder; for standard input "-" or --stdin-filename
        self.kind = kind
        self.stdin = stdin

    @property
    def from_stdin(self) -> bool:
        return self.stdin or self.path == "-"


def kind_of(path) -> str | None:
    """The format a file's suffix names (a str or os.PathLike path), or None."""
    return TEXT_SUFFIXES.get(os.path.splitext(os.fspath(path))[1].lower())


# Files a folder may hold that are not drafts rectlint reads but could be taken for one: each is
# named when skipped (reader.Skipped), where any other file is only counted.
IMAGES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".heic"}
DOCUMENTS = {".xls", ".xlsx", ".et", ".ppt", ".pptx", ".dps", ".wpt", ".dot", ".dotx", ".uot", ".uof",
             ".xps", ".oxps", ".ceb", ".caj", ".epub", ".djvu", ".pages", ".zip", ".rar", ".7z"}


class Skipped(Record):
    """A file a folder walk did not read: `why` is "format" (a document format rectlint does not
    read), "image", "link" (a symbolic link out of the folder), "excluded" (by the
    configuration), or "other" (not a document: only counted)."""

    FIELDS = ("path", "why")

    def __init__(self, path: str, why: str):
        self.path = path
        self.why = why


def collect(paths, excluded, on_error=None, follow_symlinks: bool = False, on_skip=None,
            force_exclude: bool = False) -> list[Source]:
    """Expand folders; `excluded(Path)` says whether a file found in a folder is skipped.

    A file named explicitly is read whatever its suffix, as ruff does, and excluded only with
    `force_exclude` (as pre-commit names every file it passes). A path that
    cannot be read is passed to `on_error(message)` and the others are still collected (without
    `on_error` it raises InputError). A folder walk does not follow symbolic links out of the
    folder unless `follow_symlinks` is set. Each file a walk leaves out goes to `on_skip(Skipped)`.
    """
    out: list[Source] = []
    for given in paths:
        if given == "-":
            out.append(Source("-", "txt"))
            continue
        # os.path, not pathlib, for a file named: a run over one draft never imports pathlib.
        path = os.fspath(given)
        try:
            if os.path.isdir(path):
                out.extend(_walk(path, excluded, follow_symlinks, on_skip))
            elif os.path.isfile(path):
                if force_exclude and excluded_file(path, excluded, on_skip):
                    continue
                out.append(Source(given, kind_of(path) or "txt"))
            elif os.path.exists(path):
                raise InputError(said("input.not-a-file", name=printable(given)))
            else:
                raise InputError(said("input.missing", name=printable(given)))
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc.message)
    return sorted(out, key=lambda s: s.path)  # reports come out in path order, however given


def excluded_file(path: str, excluded, on_skip=None) -> bool:
    from pathlib import Path

    if not excluded(Path(path)):
        return False
    if on_skip is not None:
        on_skip(Skipped(path, "excluded"))
    return True


def _walk(root: str, excluded, follow_symlinks: bool, on_skip=None):
    from pathlib import Path  # `excluded` is given a Path

    root = Path(root)
    top = root.resolve()
    found = []
    skip = on_skip or (lambda skipped: None)
    for folder, dirs, files in os.walk(root, followlinks=follow_symlinks):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(files):
            path = Path(folder) / name
            kind = kind_of(path)
            if not kind:
                if not name.startswith("."):  # a dotfile (.rectlint.yaml, .gitignore) is no draft
                    suffix = path.suffix.lower()
                    skip(Skipped(str(path), "image" if suffix in IMAGES else "format" if suffix in DOCUMENTS
                                 else "other"))
                continue
            if excluded(path):
                skip(Skipped(str(path), "excluded"))
                continue
            if path.is_symlink() and not follow_symlinks:
                target = path.resolve()
                if top != target and top not in target.parents:
                    skip(Skipped(str(path), "link"))
                    continue  # a link out of the folder: its target was not asked for
            if path.is_file():
                found.append(Source(str(path), kind))
    return found


def read_bytes(source: Source, max_bytes: int = MAX_BYTES) -> bytes:
    mib = f"{max_bytes / 2**20:g}"
    if source.from_stdin:  # read in pieces: a limit of many GiB must not be asked for at once
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = sys.stdin.buffer.read(min(max_bytes + 1 - total, 2**20))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise InputError(said("input.stdin-too-large", mib=mib))
        return b"".join(chunks)
    try:
        if os.stat(source.path).st_size > max_bytes:
            raise InputError(said("input.too-large", name=printable(source.path), mib=mib))
        with open(source.path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise InputError(said("input.unreadable", name=printable(source.path), reason=exc.strerror or exc)) from None


def origin(path: str, data: bytes) -> tuple:
    """What identifies the file's content as read: size, modification time and the bytes
    themselves (held only while the document is, and compared only when a fix writes)."""
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, data


def load(source: Source, warn=None, max_bytes: int = MAX_BYTES,
         notice_kind: str | None = None) -> tuple[Document, Decoded | None]:
    """Read a source; `decoded` is None for formats that are never written back."""
    return parse(source, read_bytes(source, max_bytes), warn, notice_kind, max_bytes)


def _word(source: Source, data: bytes, warn, notice_kind: str | None, max_bytes: int = MAX_BYTES) -> Document:
    """A .docx, or a file LibreOffice converts to one: a legacy .doc or .wps, .odt, .rtf, .docm,
    and a Word 97-2003 file saved under a .docx name."""
    from .docx_reader import OLE, read_docx

    kind, converted = source.kind, None
    if kind == "docx" and data.startswith(OLE) and _WORD_STREAM in data:
        kind = "doc"  # a Word 97-2003 file under a .docx name
    if kind != "docx":
        from .convert import to_docx

        if data.startswith(OLE) and _ENCRYPTED_PACKAGE in data:
            raise InputError(said("input.encrypted-word", name=printable(source.path)))
        converted = to_docx(data, source.path, kind)
        data = converted.docx
    read = read_docx(data, printable(source.path), max_bytes)
    for warning in read.warnings:
        if warn is not None:
            warn(warning)
    doc = Document(read.text, source.path, source.kind, notice_kind, parts=read.parts)
    doc.converted = converted  # the .docx an annotated copy is written from
    return doc


# Stream names in a compound file's directory (UTF-16): a Word 97 document; an encrypted .docx.
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def parse(source: Source, data: bytes, warn=None, notice_kind: str | None = None,
          max_bytes: int = MAX_BYTES) -> tuple[Document, Decoded | None]:
    """A Document from a source's bytes, as read by read_bytes. No reader produces more text
    than a text file of `max_bytes` could hold."""
    if source.kind in WORD_KINDS:
        return _word(source, data, warn, notice_kind, max_bytes), None
    if source.kind in ("pdf", "ofd"):
        if source.kind == "pdf":
            from .pdf_reader import read_pdf as read_paged
        else:
            from .ofd_reader import read_ofd as read_paged
        read = read_paged(data, source.path)
        for warning in read.warnings:
            if warn is not None:
                warn(warning)
        doc = Document(read.text, source.path, source.kind, notice_kind)
        doc.pages = read.pages  # where each character stood: page and line (place.py)
        return doc, None
    decoded = decode(data, printable(source.path))
    if source.kind == "html":
        from .html_reader import read_html

        text, source_map = read_html(decoded.text)
        if not text.strip():
            raise InputError(said("input.empty-page", name=printable(source.path)))
        return Document(text, source.path, "html", notice_kind, source=source_map), None
    if not source.from_stdin:  # a draft that --fix may rewrite: remember what it was
        decoded.origin = origin(source.path, data)
    return Document(decoded.text, source.path, source.kind, notice_kind), decoded

"""Reading the clean corpus notices of tests/corpus/, for the tests and the bench scripts.

A notice may open with a header comment saying which issuer and layout it imitates and where that
style was seen: leading lines starting with "# " in a .txt file, one leading <!-- … --> block in a
.md or .html file. The comment is no part of the notice: its lines are read as blank lines, so line
numbers stay those of the file. A .docx is read as it is.
"""

from __future__ import annotations

from pathlib import Path

from rectlint.reader import Source, kind_of, load

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def notices(folder: Path = CORPUS) -> list[Path]:
    return sorted(p for p in folder.iterdir() if kind_of(p))


def header_end(text: str, fmt: str) -> int:
    """Offset just past the header comment (0 when there is none)."""
    if fmt == "txt":
        pos = 0
        while text.startswith("# ", pos):
            nl = text.find("\n", pos)
            if nl < 0:
                return len(text)
            pos = nl + 1
        return pos
    if fmt in ("md", "html") and text.lstrip("\ufeff").startswith("<!--"):
        close = text.find("-->")
        return close + 3 if close >= 0 else 0
    return 0


def blank_header(text: str, fmt: str) -> str:
    end = header_end(text, fmt)
    if not end:
        return text
    return "".join("\n" if ch == "\n" else "" for ch in text[:end]) + text[end:]


def read(path: Path):
    """(format, text, Document) of a corpus notice, its header comment blanked."""
    fmt = kind_of(path)
    doc, _ = load(Source(str(path), fmt))
    if fmt in ("txt", "md"):
        text = blank_header(doc.text, fmt)
        if text != doc.text:
            from rectlint.document import Document
            doc = Document(text, str(path), fmt)
    return fmt, doc.text, doc

"""Text of a .docx: body paragraphs and table cells in document order, one per line.

Line N of the Document is the N-th paragraph in that order, so a finding's
line is the paragraph number and its column counts within the paragraph.
python-docx parses the XML without resolving external entities; the archive is
checked first, so that a damaged, encrypted or oversized file is an input
error and a zip bomb is never inflated.
"""

from __future__ import annotations

import io
import zipfile

from .errors import InputError

MAX_UNCOMPRESSED = 200 * 2**20
MAX_RATIO = 200
MAX_MEMBERS = 5000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files are OLE containers


def _check_archive(data: bytes, name: str) -> list[str]:
    if data.startswith(_OLE):
        raise InputError(f"{name}: encrypted or old-format Word file; save it as an unencrypted .docx")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(f"{name}: not a .docx (damaged or not a zip archive)") from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(f"{name}: too many parts in the archive ({len(members)}); refusing it")
    total = 0
    for info in members:
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
            raise InputError(f"{name}: part {info.filename} expands {info.file_size // info.compress_size}-fold; "
                             "refusing a possible zip bomb")
    if total > MAX_UNCOMPRESSED:
        raise InputError(f"{name}: expands to {total // 2**20} MiB; larger than a draft should be")
    if "word/document.xml" not in archive.namelist():
        raise InputError(f"{name}: not a Word document (no word/document.xml)")
    warnings = []
    if b"<!DOCTYPE" in archive.read("word/document.xml")[:4096].upper():
        warnings.append(f"{name}: its XML declares a DOCTYPE; entities are not resolved, so text "
                        "after an entity reference may be missing")
    return warnings


def _paragraph_text(paragraph) -> str:
    # A soft line break inside a paragraph would shift every later line number.
    return paragraph.text.replace("\r", " ").replace("\n", " ")


def _blocks(container, seen):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            yield Paragraph(child, None)
        elif tag == "tbl":
            for row in Table(child, None).rows:
                for cell in row.cells:
                    # A merged cell appears once per grid column. The set keeps the lxml
                    # proxies alive, so the same cell always comes back as the same object.
                    if cell._tc in seen:
                        continue
                    seen.add(cell._tc)
                    yield from _blocks(cell._tc, seen)
        elif tag == "sdt":
            content = child.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent")
            if content is not None:
                yield from _blocks(content, seen)


def read_docx(data: bytes, name: str) -> tuple[str, list[str]]:
    warnings = _check_archive(data, name)
    try:
        import docx
    except ImportError:
        raise InputError(f"{name}: reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(io.BytesIO(data))
        lines = [_paragraph_text(p) for p in _blocks(document.element.body, set())]
    except InputError:
        raise
    except Exception as exc:  # python-docx raises many kinds on broken parts
        raise InputError(f"{name}: damaged .docx ({type(exc).__name__}: {exc})") from None
    return "\n".join(lines), warnings

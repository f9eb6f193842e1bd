"""Text of a .docx: body paragraphs and table cells in document order, one per line.

Line N of the Document is the N-th paragraph in that order, so a finding's
line is the paragraph number and its column counts within the paragraph.
The document part is streamed with lxml (python-docx's XML parser) without
resolving entities, block by block, so memory follows the text rather than the
XML; the archive is checked first, so that a damaged, encrypted or oversized
file is an input error and a zip bomb is never inflated.
"""

from __future__ import annotations

import io
import zipfile

from .errors import InputError
from .messages import said

MAX_UNCOMPRESSED = 200 * 2**20
MAX_RATIO = 200
MAX_MEMBERS = 5000
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc files are OLE containers


def _check_archive(data: bytes, name: str) -> list[str]:
    if data.startswith(_OLE):
        raise InputError(said("input.old-word", name=name))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InputError(said("input.not-zip", name=name)) from None
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(said("input.too-many-parts", name=name, count=len(members)))
    total = 0
    for info in members:
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
            raise InputError(said("input.zip-bomb", name=name, part=info.filename,
                                  ratio=info.file_size // info.compress_size))
    if total > MAX_UNCOMPRESSED:
        raise InputError(said("input.too-large-unpacked", name=name, mib=total // 2**20))
    if "word/document.xml" not in archive.namelist():
        raise InputError(said("input.not-word", name=name))
    warnings = []
    if b"<!DOCTYPE" in archive.read("word/document.xml")[:4096].upper():
        warnings.append(f"{name}: its XML declares a DOCTYPE; entities are not resolved, so text "
                        "after an entity reference may be missing")
    return warnings


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_RUN_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "br": " ", _W + "cr": " ", _W + "noBreakHyphen": "-"}


def _run_text(run) -> str:
    out = []
    for child in run:
        if child.tag in _RUN_TEXT:
            out.append(child.text or "" if _RUN_TEXT[child.tag] is None else _RUN_TEXT[child.tag])
    return "".join(out)


def _paragraph_text(p) -> str:
    """A paragraph's visible runs, as python-docx reads them: its own runs and those of its
    hyperlinks. A soft line break counts as a space, so later line numbers do not shift."""
    out = []
    for child in p:
        if child.tag == _W + "r":
            out.append(_run_text(child))
        elif child.tag == _W + "hyperlink":
            out.extend(_run_text(run) for run in child if run.tag == _W + "r")
    return "".join(out).replace("\r", " ").replace("\n", " ")


def _continued_cell(tc) -> bool:
    """A cell that continues a vertical merge shows the cell above; it is read once, there."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(_W + "val", "continue") != "restart"


def _blocks(container):
    """Paragraph elements in document order: body paragraphs, then table cells row by row."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            yield child
        elif tag == _W + "tbl":
            for tr in child.iterfind(_W + "tr"):
                for tc in tr.iterfind(_W + "tc"):
                    if not _continued_cell(tc):
                        yield from _blocks(tc)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _blocks(content)


def _body_lines(stream) -> list[str]:
    """Stream the document part: each top-level block of the body is read and then freed, so
    memory follows the text, not the size of the XML."""
    from lxml import etree

    lines = []
    depth = 0
    for event, element in etree.iterparse(stream, events=("start", "end"), resolve_entities=False,
                                          no_network=True, huge_tree=False):
        if event == "start":
            depth += 1
            continue
        depth -= 1
        # document(1) > body(2) > block(3): a finished block is read whole, then dropped.
        if depth == 2 and element.getparent() is not None and element.getparent().tag == _W + "body":
            lines.extend(_paragraph_text(p) for p in _blocks([element]))
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
    return lines


def read_docx(data: bytes, name: str) -> tuple[str, list[str]]:
    warnings = _check_archive(data, name)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/document.xml") as stream:
            lines = _body_lines(stream)
    except ImportError:
        raise InputError(said("input.needs-docx", name=name)) from None
    except Exception as exc:  # a broken part raises many kinds
        raise InputError(said("input.damaged-docx", name=name, error=f"{type(exc).__name__}: {exc}")) from None
    return "\n".join(lines), warnings

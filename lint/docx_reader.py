"""Text of a .docx as Word shows it: body paragraphs and table cells in document order, one
per line, then text boxes, headers, footers, footnotes and endnotes.

Line N of the Document is the N-th paragraph of the body in that order, so a finding's line
is the paragraph number and its column counts within the paragraph. Tracked insertions are
in the text and tracked deletions are not; automatic numbering is written out as its marker
(docx_numbering); a field shows its result. The parts after the body are listed in `parts`,
so the outline leaves them out. The document part is streamed with lxml (python-docx's XML
parser) without resolving entities, block by block, so memory follows the text rather than
the XML; the archive is checked first, so that a damaged, encrypted or oversized file is an
input error and a zip bomb is never inflated.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

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
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_RUN_TEXT = {_W + "t": None, _W + "tab": "\t", _W + "br": " ", _W + "cr": " ", _W + "noBreakHyphen": "-"}
# Wrappers whose runs Word shows: tracked insertions and moves, links, tags, simple fields.
_SHOWN = {_W + tag for tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir")}


@dataclass
class Part:
    """Lines first..last (1-based, inclusive) of the text came from a part other than the body:
    a text box, header, footer, footnote or endnote (`index` counts parts of that kind)."""

    kind: str
    index: int
    first: int
    last: int


def _hidden(run) -> bool:
    vanish = run.find(f"{_W}rPr/{_W}vanish")
    return vanish is not None and vanish.get(_W + "val", "true") not in ("0", "false", "off")


def _run_text(run, fields: list) -> str:
    """A run's shown text. `fields` is the stack of open complex fields, True while one is in its
    instructions: Word shows a field's result, never its code."""
    out = []
    for child in run:
        tag = child.tag
        if tag == _W + "fldChar":
            kind = child.get(_W + "fldCharType")
            if kind == "begin":
                fields.append(True)
            elif kind == "separate" and fields:
                fields[-1] = False
            elif kind == "end" and fields:
                fields.pop()
        elif tag in _RUN_TEXT and not any(fields):
            out.append(child.text or "" if _RUN_TEXT[tag] is None else _RUN_TEXT[tag])
    return "".join(out)


def segments(p) -> list:
    """(run, text) for each run of paragraph `p` that Word shows, in order: its own runs and those
    in tracked insertions, moves, links, content controls and simple fields. Tracked deletions,
    hidden text and field codes are left out."""
    out: list = []
    _walk(p, out, [])
    return out


def _walk(parent, out: list, fields: list) -> None:
    for child in parent:
        tag = child.tag
        if tag == _W + "r":
            text = _run_text(child, fields)
            if text and not _hidden(child):
                out.append((child, text))
        elif tag in _SHOWN:
            _walk(child, out, fields)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                _walk(content, out, fields)


def _paragraph_text(p, numbering=None) -> str:
    """The paragraph as Word shows it: its list marker, then its shown runs. A soft line break
    counts as a space, so later line numbers do not shift."""
    marker = numbering.marker(p) if numbering is not None else ""
    return marker + "".join(text for _, text in segments(p)).replace("\r", " ").replace("\n", " ")


def text_boxes(p) -> list:
    """The text box contents anchored in paragraph `p`; a box drawn twice (the DrawingML shape and
    its VML fallback) is read once."""
    return [box for box in p.iter(_W + "txbxContent")
            if not any(a.tag == _MC_FALLBACK for a in box.iterancestors())]


def _continued_cell(tc) -> bool:
    """A cell that continues a vertical merge shows the cell above; it is read once, there."""
    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(_W + "val", "continue") != "restart"


def blocks(container):
    """Paragraph elements in document order: body paragraphs, then table cells row by row."""
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            yield child
        elif tag == _W + "tbl":
            for tr in child.iterfind(_W + "tr"):
                for tc in tr.iterfind(_W + "tc"):
                    if not _continued_cell(tc):
                        yield from blocks(tc)
        elif tag == _W + "sdt":
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from blocks(content)


def _body_lines(stream, numbering, boxes: list) -> list[str]:
    """Stream the document part: each top-level block of the body is read and then freed, so
    memory follows the text, not the size of the XML. Text boxes go to `boxes`, as lists of lines."""
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
            for p in blocks([element]):
                lines.append(_paragraph_text(p, numbering))
                for box in text_boxes(p):
                    boxes.append([_paragraph_text(q, numbering) for q in blocks(box)])
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
    return lines


def _part_names(names, kind: str) -> list[str]:
    found = [n for n in names if n.startswith(f"word/{kind}") and n.endswith(".xml") and "/" not in n[5:]]
    return sorted(found, key=lambda n: (len(n), n))  # header2 before header10


def _notes(xml: bytes, kind: str, numbering) -> list[list[str]]:
    from lxml import etree

    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    return [[_paragraph_text(p, numbering) for p in blocks(note)] for note in root.iterfind(_W + kind)
            if note.get(_W + "type") in (None, "normal")]  # not the separator lines


def _other_parts(archive, numbering, boxes) -> list[tuple[str, list[str]]]:
    """(kind, lines) of every part read after the body: text boxes, headers, footers, footnotes,
    endnotes. A header or footer repeated for first, odd and even pages is read once."""
    from lxml import etree

    names = archive.namelist()
    out = [("textbox", box) for box in boxes]
    for kind in ("header", "footer"):
        seen = set()
        for name in _part_names(names, kind):
            root = etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True))
            lines = [_paragraph_text(p) for p in blocks(root)]
            key = tuple(line.strip() for line in lines if line.strip())
            if key and key not in seen:
                seen.add(key)
                out.append((kind, lines))
    for kind in ("footnote", "endnote"):
        name = f"word/{kind}s.xml"
        if name in names:
            out.extend((kind, note) for note in _notes(archive.read(name), kind, numbering))
    return out


@dataclass
class DocxText:
    text: str
    warnings: list
    parts: list  # Part: where the lines after the body came from


def _optional(archive, name: str) -> bytes | None:
    return archive.read(name) if name in archive.namelist() else None


def read_docx(data: bytes, name: str) -> DocxText:
    """The body as Word shows it, one paragraph per line, then text boxes, headers, footers,
    footnotes and endnotes, each non-blank paragraph on its own line (see `parts`)."""
    warnings = _check_archive(data, name)
    try:
        from .docx_numbering import Numbering

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            numbering = Numbering.parse(_optional(archive, "word/numbering.xml"),
                                        _optional(archive, "word/styles.xml"))
            boxes: list = []
            with archive.open("word/document.xml") as stream:
                lines = _body_lines(stream, numbering, boxes)
            others = _other_parts(archive, numbering, boxes)
    except ImportError:
        raise InputError(said("input.needs-docx", name=name)) from None
    except Exception as exc:  # a broken part raises many kinds
        raise InputError(said("input.damaged-docx", name=name, error=f"{type(exc).__name__}: {exc}")) from None
    parts, counts = [], {}
    for kind, part_lines in others:
        shown = [line for line in part_lines if line.strip()]
        if shown:
            counts[kind] = counts.get(kind, 0) + 1
            parts.append(Part(kind, counts[kind], len(lines) + 1, len(lines) + len(shown)))
            lines.extend(shown)
    return DocxText("\n".join(lines), warnings, parts)

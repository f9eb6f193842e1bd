"""Text of a .docx as Word shows it: body paragraphs and table cells in document order, one
per line, then text boxes, headers, footers, footnotes and endnotes.

Line N of the Document is the N-th paragraph of the body in that order, so a finding's line
is the paragraph number and its column counts within the paragraph. Tracked insertions are
in the text and tracked deletions are not; automatic numbering is written out as its marker
(docx_numbering); a field shows its result. The parts after the body are listed in `parts`,
so the outline leaves them out. Every part (document, headers, footers, footnotes, endnotes) is
streamed with lxml (python-docx's XML parser) without resolving entities, paragraph by
paragraph, so memory follows the text rather than the XML; the archive is checked first, so
that a damaged, encrypted or oversized file is an input error and a zip bomb is never
inflated; and the text produced is bounded too (`max_chars`), since list markers and repeated
headers make text that the archive's sizes do not show.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from .errors import InputError
from .messages import said
from .text import printable

MAX_UNCOMPRESSED = 200 * 2**20
MAX_RATIO = 200
MAX_MEMBERS = 5000
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Word 97-2003, WPS, or an encrypted .docx


def _check_archive(archive, name: str) -> list[str]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(said("input.too-many-parts", name=name, count=len(members)))
    total = 0
    for info in members:
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
            raise InputError(said("input.zip-bomb", name=name, part=printable(info.filename)[:80],
                                  ratio=info.file_size // info.compress_size))
    # zipfile inflates no member past the size its central directory declares, so the declared
    # sizes bound what is inflated.
    if total > MAX_UNCOMPRESSED:
        raise InputError(said("input.too-large-unpacked", name=name, mib=total // 2**20))
    if "word/document.xml" not in archive.namelist():
        raise InputError(said("input.not-word", name=name))
    warnings = []
    with archive.open("word/document.xml") as stream:
        head = stream.read(4096)
    if b"<!DOCTYPE" in head.upper():
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


# Tag names, made once: a paragraph is read in a few microseconds, and every concatenation counts.
_R, _SDT, _SDT_CONTENT, _FLD_CHAR, _FLD_TYPE, _VAL = (
    _W + "r", _W + "sdt", _W + "sdtContent", _W + "fldChar", _W + "fldCharType", _W + "val")
_VANISH = f"{_W}rPr/{_W}vanish"


def _hidden(run) -> bool:
    vanish = run.find(_VANISH)
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _run_text(run, fields: list) -> str:
    """A run's shown text. `fields` is the stack of open complex fields, True while one is in its
    instructions: Word shows a field's result, never its code."""
    out = []
    for child in run:
        tag = child.tag
        if tag == _FLD_CHAR:
            kind = child.get(_FLD_TYPE)
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
        if tag == _R:
            text = _run_text(child, fields)
            if text and not _hidden(child):
                out.append((child, text))
        elif tag in _SHOWN:
            _walk(child, out, fields)
        elif tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                _walk(content, out, fields)


def _paragraph_text(p, numbering=None) -> str:
    """The paragraph as Word shows it: its list marker, then its shown runs. A soft line break
    counts as a space, so later line numbers do not shift."""
    marker = numbering.marker(p) if numbering is not None else ""
    text = marker + "".join([text for _, text in segments(p)])
    return text.replace("\r", " ").replace("\n", " ") if "\r" in text or "\n" in text else text


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


# What a paragraph Word shows in its part may stand in, below each kind of element: the part's
# root (body, header, footer, note), table cells and content controls, as `blocks` walks them.
_HOLDS = {_W + "p": {_W + "tc", _W + "sdtContent"}, _W + "tbl": {_W + "tc", _W + "sdtContent"},
          _W + "sdt": {_W + "tc", _W + "sdtContent"}, _W + "tc": {_W + "tr"}, _W + "tr": {_W + "tbl"},
          _W + "sdtContent": {_W + "sdt"}}
_AT_ROOT = {_W + "p", _W + "tbl", _W + "sdt"}


def _placed(element, roots) -> tuple[bool, bool]:
    """Whether a paragraph, table, row, cell or content control stands where `blocks` walks
    from the part's root (through tables and content controls only), and whether it stands in
    a cell that continues a vertical merge (its paragraphs are read once, above)."""
    child, parent, merged = element, element.getparent(), False
    while parent is not None:
        tag = parent.tag
        if tag in roots:
            return child.tag in _AT_ROOT, merged
        if tag not in _HOLDS.get(child.tag, ()):
            return False, False
        if tag == _W + "tc" and not merged:
            merged = _continued_cell(parent)
        child, parent = parent, parent.getparent()
    return False, False


def _drop(element) -> None:
    """Free a block that has been read, and the read blocks before it (a cell's properties stay:
    the cell's later paragraphs ask whether it continues a merge)."""
    element.clear(keep_tail=False)
    parent, earlier = element.getparent(), element.getprevious()
    while earlier is not None:
        before = earlier.getprevious()
        if earlier.tag != _W + "tcPr":
            parent.remove(earlier)
        earlier = before


class _Budget:
    """The characters a .docx may still produce: its text is bounded like a text file's bytes."""

    def __init__(self, max_chars: int, name: str):
        self.left, self.max_chars, self.name = max_chars, max_chars, name

    def take(self, line: str) -> str:
        self.left -= len(line) + 1
        if self.left < 0:
            raise InputError(said("input.text-too-large", name=self.name,
                                  mib=f"{self.max_chars / 2**20:g}"))
        return line


def _stream(stream, roots, numbering, budget, boxes=None, notes=None):
    """Read a part paragraph by paragraph: the lines of its block paragraphs in order, each read
    as it ends and then freed, so memory follows the text, not the size of the XML. Text boxes
    anchored in a paragraph are read after it (into `boxes`, as lists of lines). With `notes`,
    the roots are footnotes or endnotes: each note's lines become one list in `notes` (the
    separator lines between notes and body are not notes)."""
    from lxml import etree

    lines: list[str] = []
    # Only the elements that hold blocks raise events: the rest of the XML stays in lxml's C code.
    for _, element in etree.iterparse(stream, events=("end",), tag=[*_HOLDS, *roots], resolve_entities=False,
                                      no_network=True, huge_tree=False):
        if element.tag in roots:
            if notes is not None:
                if element.get(_W + "type") in (None, "normal"):  # not a separator line
                    notes.append(lines)
                lines = []
                _drop(element)
            continue
        placed, merged = _placed(element, roots)
        if not placed:
            continue  # inside a paragraph or a text box: read with the paragraph that holds it
        if element.tag == _W + "p" and not merged:
            lines.append(budget.take(_paragraph_text(element, numbering)))
            for box in text_boxes(element) if boxes is not None else ():
                boxes.append([budget.take(_paragraph_text(q, numbering)) for q in blocks(box)])
        _drop(element)
    return lines


def _part_names(names, kind: str) -> list[str]:
    found = [n for n in names if n.startswith(f"word/{kind}") and n.endswith(".xml") and "/" not in n[5:]]
    return sorted(found, key=lambda n: (len(n), n))  # header2 before header10


def _other_parts(archive, numbering, boxes, budget) -> list[tuple[str, list[str]]]:
    """(kind, lines) of every part read after the body: text boxes, headers, footers, footnotes,
    endnotes. A header or footer repeated for first, odd and even pages is read once."""
    names = archive.namelist()
    out = [("textbox", box) for box in boxes]
    for kind, root in (("header", "hdr"), ("footer", "ftr")):
        seen = set()
        for name in _part_names(names, kind):
            with archive.open(name) as stream:
                lines = _stream(stream, {_W + root}, None, budget)
            key = tuple(line.strip() for line in lines if line.strip())
            if key and key not in seen:
                seen.add(key)
                out.append((kind, lines))
    for kind in ("footnote", "endnote"):
        name = f"word/{kind}s.xml"
        if name in names:
            notes: list = []
            with archive.open(name) as stream:
                _stream(stream, {_W + kind}, numbering, budget, notes=notes)
            out.extend((kind, note) for note in notes)
    return out


@dataclass
class DocxText:
    text: str
    warnings: list
    parts: list  # Part: where the lines after the body came from


def _optional(archive, name: str) -> bytes | None:
    return archive.read(name) if name in archive.namelist() else None


def _opened(archive, name: str, names):
    """The part as a stream, or a context holding None when the archive lacks it."""
    from contextlib import nullcontext

    return archive.open(name) if name in names else nullcontext()


MAX_CHARS = 50 * 2**20  # the text a .docx may produce, as a text file's bytes are bounded


def read_docx(data: bytes, name: str, max_chars: int = MAX_CHARS) -> DocxText:
    """The body as Word shows it, one paragraph per line, then text boxes, headers, footers,
    footnotes and endnotes, each non-blank paragraph on its own line (see `parts`). Text beyond
    `max_chars` characters is an input error, as a text file over the size limit is."""
    if data.startswith(OLE):
        raise InputError(said("input.old-word", name=name))
    try:
        from .docx_numbering import Numbering

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            warnings = _check_archive(archive, name)
            names = set(archive.namelist())
            with _opened(archive, "word/numbering.xml", names) as numbers, \
                    _opened(archive, "word/styles.xml", names) as styles:
                numbering = Numbering.parse(numbers, styles)
            budget = _Budget(max_chars, name)
            boxes: list = []
            with archive.open("word/document.xml") as stream:
                lines = _stream(stream, {_W + "body"}, numbering, budget, boxes)
            others = _other_parts(archive, numbering, boxes, budget)
    except InputError:
        raise
    except ImportError:
        raise InputError(said("input.needs-docx", name=name)) from None
    except zipfile.BadZipFile:
        raise InputError(said("input.not-zip", name=name)) from None
    except Exception as exc:  # noqa: BLE001 - a broken part raises many kinds
        raise InputError(said("input.damaged-docx", name=name, error=why(exc))) from None
    parts, counts = [], {}
    for kind, part_lines in others:
        shown = [line for line in part_lines if line.strip()]
        if shown:
            counts[kind] = counts.get(kind, 0) + 1
            parts.append(Part(kind, counts[kind], len(lines) + 1, len(lines) + len(shown)))
            lines.extend(shown)
    return DocxText("\n".join(lines), warnings, parts)


def why(exc: BaseException) -> str:
    """What went wrong in a reader, said without a word of the input: an exception's own text
    may quote it (lxml quotes names, int() quotes the digits it could not read)."""
    line = getattr(exc, "lineno", None) if type(exc).__name__ == "XMLSyntaxError" else None
    return f"{type(exc).__name__}, XML line {line}" if line else type(exc).__name__

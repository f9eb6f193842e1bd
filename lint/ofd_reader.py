"""Text of an OFD file (GB/T 33190-2016, the national fixed-layout format that government
document systems export), read with the standard library's zipfile and lxml.

An OFD file is a zip package. OFD.xml names each document's root (DocBody/DocRoot); the
document (Document.xml) lists its pages in order (Pages/Page, BaseLoc) and the templates they
draw on (CommonData/TemplatePage); a page's content holds layers of objects, among them text
objects (TextObject: Boundary, Size, CTM) whose TextCode elements give a run of characters,
its start (X, Y: the baseline, in the object's box) and the advances between its characters
(DeltaX, with the "g count value" shorthand). Coordinates are millimetres from the page's top
left. The characters are grouped into lines by baseline and then read like a PDF's lines
(`pages.lay_out`): the same frame, the same paragraphs.

The package is checked as a .docx is (docx_reader's bounds on parts, sizes and ratios), and XML
entities are never resolved.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

import regex

from .errors import InputError
from .messages import said
from .pages import NO_LINE_START, Page, PageLine

# Elements are matched by local name: GB/T 33190's namespace is http://www.ofdspec.org/2016, but
# producers that declare another one (or none) are still read.
_NS = "{*}"
_NUMBER = regex.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_CJK_START = 0x2E80
A4 = (210.0, 297.0)


def _floats(text: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(text or "")]


def delta_x(text: str | None) -> list[float]:
    """DeltaX as a list of advances: "g 3 3.5" stands for 3.5 three times (GB/T 33190 §11.3)."""
    out, tokens = [], (text or "").split()
    k = 0
    while k < len(tokens):
        if tokens[k] == "g" and k + 2 < len(tokens):
            out.extend([float(tokens[k + 2])] * int(float(tokens[k + 1])))
            k += 3
        else:
            out.append(float(tokens[k]))
            k += 1
    return out


class _Package:
    """The zip package, checked before anything is inflated: within the bounds a .docx is held
    to (parts, expanded size, expansion ratio), and with an OFD.xml at its root."""

    def __init__(self, data: bytes, name: str):
        from .docx_reader import MAX_MEMBERS, MAX_RATIO, MAX_UNCOMPRESSED

        self.name = name
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile:
            raise InputError(said("input.not-ofd", name=name)) from None
        members = self.archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise InputError(said("input.too-many-parts", name=name, count=len(members)))
        for info in members:
            if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 2**20:
                raise InputError(said("input.zip-bomb", name=name, part=info.filename,
                                      ratio=info.file_size // info.compress_size))
        total = sum(info.file_size for info in members)
        if total > MAX_UNCOMPRESSED:
            raise InputError(said("input.too-large-unpacked", name=name, mib=total // 2**20))
        self.names = {n.lstrip("/"): n for n in self.archive.namelist()}
        if "OFD.xml" not in self.names:
            raise InputError(said("input.not-ofd", name=name))

    def xml(self, path: str):
        from lxml import etree

        member = self.names.get(path.lstrip("/"))
        if member is None:
            raise InputError(said("input.damaged-ofd", name=self.name, error=f"no part {path}"))
        return etree.fromstring(self.archive.read(member),
                                etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))


def _resolve(base: str, location: str) -> str:
    """A BaseLoc or DocRoot as a path in the package: absolute from the root, else relative to
    the folder of the part that names it."""
    location = location.replace("\\", "/")
    if location.startswith("/"):
        return posixpath.normpath(location).lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), location)).lstrip("/")


def _box(element, path: str) -> tuple[float, float] | None:
    """(width, height) of the PhysicalBox at `path` below `element` (a page's Area, the
    document's PageArea), if it gives one."""
    found = element.find(path) if element is not None else None
    values = _floats(found.text) if found is not None else []
    return (values[2], values[3]) if len(values) == 4 else None


def _size(obj) -> float:
    """A text object's type size in mm (3.5, about 10 pt, where it gives none)."""
    return float(obj.get("Size") or obj.get("size") or 0) or 3.5


def _glyphs(obj) -> list[tuple[str, float, float, float]]:
    """(character, x, baseline y, advance) of a TextObject's characters, on the page, in mm."""
    boundary = _floats(obj.get("Boundary"))
    bx, by = (boundary[0], boundary[1]) if len(boundary) >= 2 else (0.0, 0.0)
    ctm = _floats(obj.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    size = _size(obj)
    out = []
    x = y = 0.0
    for code in obj.iterfind(f"{_NS}TextCode"):
        text = code.text or ""
        if code.get("X") is not None:
            x = float(code.get("X"))
        if code.get("Y") is not None:
            y = float(code.get("Y"))
        advances = delta_x(code.get("DeltaX"))
        for k, char in enumerate(text):
            advance = advances[k] if k < len(advances) else size if ord(char) >= _CJK_START else size / 2
            px, py = a * x + c * y + e, b * x + d * y + f
            scale = abs(a) or 1.0
            out.append((char, bx + px, by + py, advance * scale))
            x += advance
    return out


def _objects(root):
    """Text objects of a page or template, in the order drawn (layers, page blocks)."""
    content = root.find(f"{_NS}Content")
    if content is None:
        return
    for obj in content.iter(f"{_NS}TextObject"):
        yield obj


def _lines(objects) -> list[PageLine]:
    """Characters grouped into lines: characters drawn one after another, left to right, whose
    heights overlap by half or more stand on one line (a run in another font may sit a little
    higher or lower on it)."""
    lines: list[PageLine] = []
    current: list = []  # (char, x, y, advance, size)
    top = bottom = 0.0  # the current line's extent down the page
    for obj in objects:
        size = _size(obj)
        ctm = _floats(obj.get("CTM"))
        size *= abs(ctm[0]) if len(ctm) == 6 and ctm[0] else 1.0
        for char, x, y, advance in _glyphs(obj):
            a, b = y - 0.88 * size, y + 0.12 * size  # the character's extent about its baseline
            if current:
                last = current[-1]
                overlap = min(b, bottom) - max(a, top)
                if overlap < 0.5 * min(b - a, bottom - top) or x < last[1] - 0.1:
                    lines.append(_line(current))
                    current = []
                elif x - (last[1] + last[3]) > 0.8 * size and not char.isspace() and not last[0].isspace():
                    current.append((" ", last[1] + last[3], last[2], 0.0, size))
            if not current:
                top, bottom = a, b
            top, bottom = min(top, a), max(bottom, b)
            current.append((char, x, y, advance, size))
    if current:
        lines.append(_line(current))
    return [line for line in lines if line.text.strip()]


def _line(chars: list) -> PageLine:
    text = "".join(c[0] for c in chars)
    shown = [c for c in chars if not c[0].isspace()] or chars
    size = sorted(c[4] for c in shown)[len(shown) // 2]
    x0 = shown[0][1]
    edge = shown[0][1] + shown[0][3]
    first = shown[0][0]
    for char, x, _, advance, _ in shown[1:]:
        if (ord(first) < _CJK_START and ord(char) < _CJK_START) or char in NO_LINE_START:
            edge = x + advance
        else:
            break
    y = shown[0][2]
    return PageLine(text, x0, max(c[1] + c[3] for c in shown), y - 0.88 * size, y + 0.12 * size, size, edge - x0)


def read_ofd(data: bytes, name: str):
    """The text of the first document's pages, the frame left out, one paragraph per line."""
    from .pdf_reader import paged

    try:
        package = _Package(data, name)
        ofd = package.xml("OFD.xml")
        root = ofd.find(f"{_NS}DocBody/{_NS}DocRoot")
        if root is None or not (root.text or "").strip():
            raise InputError(said("input.damaged-ofd", name=name, error="OFD.xml names no DocRoot"))
        document_path = _resolve("OFD.xml", root.text.strip())
        document = package.xml(document_path)
        common = document.find(f"{_NS}CommonData")
        size = _box(common, f"{_NS}PageArea/{_NS}PhysicalBox") or A4
        templates = {}
        if common is not None:
            for template in common.iterfind(f"{_NS}TemplatePage"):
                if template.get("BaseLoc"):
                    templates[template.get("ID")] = _resolve(document_path, template.get("BaseLoc"))
        pages, blank = [], []
        for number, entry in enumerate(document.iterfind(f"{_NS}Pages/{_NS}Page"), 1):
            page_path = _resolve(document_path, entry.get("BaseLoc", ""))
            page = package.xml(page_path)
            # Templates hold what pages share (headers, footers, page numbers): drawn under the
            # page's content unless their ZOrder is Foreground.
            under, over = [], []
            for used in page.iterfind(f"{_NS}Template"):
                if used.get("TemplateID") in templates:
                    drawn = list(_objects(package.xml(templates[used.get("TemplateID")])))
                    (over if used.get("ZOrder") == "Foreground" else under).extend(drawn)
            objects = [*under, *_objects(page), *over]
            width, height = _box(page, f"{_NS}Area/{_NS}PhysicalBox") or size
            lines = _lines(objects)
            pages.append(Page(width, height, lines))
            if not lines:
                blank.append(number)
    except InputError:
        raise
    except Exception as exc:  # a broken part raises many kinds
        raise InputError(said("input.damaged-ofd", name=name, error=f"{type(exc).__name__}: {exc}")) from None
    return paged(pages, blank, name, "ofd")

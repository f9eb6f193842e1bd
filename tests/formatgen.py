"""Notices in every format a notice comes in, made for the tests and the bench.

`notice_docx` writes a notice as editors set one in Word (GB/T 9704: 16 pt, the title centred,
every other paragraph indented by two characters), optionally with a running header and page
numbers in the footer. `soffice_convert` has the real LibreOffice write .doc, .odt, .rtf or .pdf
from such files. `notice_ofd` lays a notice out on A4 pages as an OFD producer does (GB/T
33190-2016: OFD.xml, Document.xml, one Content.xml per page, TextObject/TextCode in mm, a
page-number footer in a template). `scanned_pdf` is a page holding only an image.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import regex
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SIZE = 16  # points: 三号, the size of a 公文's text


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _page_field(paragraph) -> None:
    paragraph.add_run("－ ")
    paragraph._p.append(parse_xml(f'<w:fldSimple {W_NS} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
    paragraph.add_run(" －")


def notice_docx(path: Path, lines: list[str], header: str | None = None, page_numbers: bool = False) -> Path:
    """A .docx of `lines` (blank ones left out), one paragraph each."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.size = Pt(SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")
    first = True
    for line in lines:
        if not line.strip():
            continue
        paragraph = document.add_paragraph(line.strip())
        if first:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            first = False
        else:
            paragraph.paragraph_format.first_line_indent = Pt(2 * SIZE)
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
        section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if page_numbers:
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(footer)
    document.save(path)
    return path


def soffice_convert(files: list[Path], target: str, outdir: Path) -> list[Path]:
    """The real LibreOffice writes each file as `target` (doc, odt, rtf, pdf) into `outdir`,
    all in one start, with a throwaway profile."""
    with tempfile.TemporaryDirectory(prefix="rectlint-test-office-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                        "--norestore", "--convert-to", target, "--outdir", str(outdir), *map(str, files)],
                       check=True, capture_output=True, timeout=300, env={**os.environ, "TMPDIR": profile})
    return [outdir / (f.stem + "." + target) for f in files]


# -- OFD --------------------------------------------------------------------------------------

OFD_NS = "http://www.ofdspec.org/2016"
A4 = (210.0, 297.0)
MARGIN_LEFT, MARGIN_TOP, TEXT_WIDTH = 28.0, 37.0, 156.0  # GB/T 9704's text area on A4, in mm
CHAR = 5.6  # mm: a 16 pt character
LINE = 10.0  # mm between baselines: 22 lines on a page
LINES_PER_PAGE = 22


_UNIT = regex.compile(r"[!-~]+[，。、；：？！）》”]?|.[，。、；：？！）》”]*", regex.S)


def _width(text: str) -> float:
    return sum(CHAR if ord(c) >= 0x2E80 else CHAR / 2 for c in text)


def _wrap(text: str, first_indent: int) -> list[tuple[float, str]]:
    """(x offset, text) of the lines of one paragraph, broken as a word processor breaks them: a
    Latin word or number, or a character with the punctuation after it, is never split; Latin
    characters take half a character's width."""
    lines, current, width = [], "", first_indent * CHAR
    indent = first_indent * CHAR
    for unit in _UNIT.findall(text):
        w = _width(unit)
        if width + w > TEXT_WIDTH + 1e-6 and current:
            lines.append((indent, current))
            current, width, indent = "", 0.0, 0.0
        current += unit
        width += w
    if current:
        lines.append((indent, current))
    return lines


def _text_object(obj_id: int, x: float, baseline: float, text: str) -> str:
    from xml.sax.saxutils import escape

    deltas = " ".join(f"{CHAR if ord(c) >= 0x2E80 else CHAR / 2:g}" for c in text[:-1])
    return (f'<ofd:TextObject ID="{obj_id}" Boundary="{x:g} {baseline - CHAR:g} {TEXT_WIDTH:g} {CHAR * 1.4:g}" '
            f'Font="3" Size="{CHAR:g}"><ofd:TextCode X="0" Y="{CHAR:g}" DeltaX="{deltas}">'
            f"{escape(text)}</ofd:TextCode></ofd:TextObject>")


def notice_ofd(path: Path, lines: list[str], header: str | None = None) -> Path:
    """An OFD file of `lines` laid out as a 公文 (title centred, paragraphs indented two
    characters, 22 lines a page), a page number 「－ N －」 on every page, and `header` above the
    text of every page through a template."""
    placed: list[tuple[float, str]] = []
    for number, line in enumerate(l for l in lines if l.strip()):
        text = line.strip()
        if number == 0:
            width = _width(text)
            placed.extend(_wrap(text, 0) if width > TEXT_WIDTH else [((TEXT_WIDTH - width) / 2, text)])
        else:
            placed.extend(_wrap(text, 2))
    pages = [placed[i:i + LINES_PER_PAGE] for i in range(0, len(placed), LINES_PER_PAGE)]
    head = f'<?xml version="1.0" encoding="UTF-8"?>\n'
    ids = iter(range(100, 100000))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as ofd:
        ofd.writestr("OFD.xml", head + f'<ofd:OFD xmlns:ofd="{OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
                     '<ofd:DocInfo><ofd:DocID>0c2a4b3e5d6f</ofd:DocID><ofd:Creator>rectlint tests</ofd:Creator>'
                     '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_entries = "".join(f'<ofd:Page ID="{10 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
                               for n in range(len(pages)))
        template = ('<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if header else "")
        ofd.writestr("Doc_0/Document.xml", head + f'<ofd:Document xmlns:ofd="{OFD_NS}"><ofd:CommonData>'
                     f'<ofd:MaxUnitID>{100000}</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {A4[0]:g} {A4[1]:g}'
                     '</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
                     f'{template}</ofd:CommonData><ofd:Pages>{page_entries}</ofd:Pages></ofd:Document>')
        ofd.writestr("Doc_0/PublicRes.xml", head + f'<ofd:Res xmlns:ofd="{OFD_NS}" BaseLoc="Res"><ofd:Fonts>'
                     '<ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>')
        if header:
            ofd.writestr("Doc_0/Tpls/Tpl_0/Content.xml", head + f'<ofd:Page xmlns:ofd="{OFD_NS}"><ofd:Content>'
                         f'<ofd:Layer ID="5">{_text_object(6, MARGIN_LEFT, 20.0, header)}</ofd:Layer>'
                         '</ofd:Content></ofd:Page>')
        for n, page in enumerate(pages):
            objects = [_text_object(next(ids), MARGIN_LEFT + x, MARGIN_TOP + (k + 1) * LINE, text)
                       for k, (x, text) in enumerate(page)]
            number = f"－ {n + 1} －"
            objects.append(_text_object(next(ids), A4[0] / 2 - 8, A4[1] - 20, number))
            used = '<ofd:Template TemplateID="2" ZOrder="Background"/>' if header else ""
            ofd.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", head + f'<ofd:Page xmlns:ofd="{OFD_NS}">{used}'
                         f'<ofd:Content><ofd:Layer ID="{next(ids)}">{"".join(objects)}</ofd:Layer></ofd:Content>'
                         '</ofd:Page>')
    return path


# -- a scan -----------------------------------------------------------------------------------

def scanned_pdf(path: Path) -> Path:
    """A one-page PDF holding only an image, as a scanner writes: no text layer."""
    image = bytes([0, 255, 255, 0])
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 4 >>\nstream\n" + image + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path

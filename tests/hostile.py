"""Hostile inputs, built small: the attacks of issue 37 as bytes, for the tests and the bench.

Each builder takes a size (paragraphs, characters, links in a chain) so that a test can use a
small one and bench/worst_case.py a large one.
"""

from __future__ import annotations

import io
import zipfile

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(parts: dict, deflate: bool = True) -> bytes:
    """A .docx of the given parts (name -> XML text); word/document.xml is required."""
    out = io.BytesIO()
    method = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
    with zipfile.ZipFile(out, "w", method) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        for name, xml in parts.items():
            archive.writestr(name, xml.encode("utf-8") if isinstance(xml, str) else xml)
    return out.getvalue()


def body(paragraphs: str) -> str:
    return f'<?xml version="1.0"?><w:document {NS}><w:body>{paragraphs}</w:body></w:document>'


def paragraph(text: str, num: int | None = None, style: str | None = None) -> str:
    ppr = ""
    if num is not None or style is not None:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>' if num is not None else "") + "</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


def numbering(start: int, fmt: str, text: str = "%1.") -> str:
    return (f'<?xml version="1.0"?><w:numbering {NS}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
            f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
            '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>')


def numbering_bomb(paragraphs: int = 20, start: int = 10**10, fmt: str = "lowerLetter", varied: bool = False) -> bytes:
    """List numbering that starts at `start` in letter format: Word would show a marker of
    start/26 letters before each paragraph. `varied`: each paragraph with a few digits of its
    own, so that a long list stays within the expansion ratio and is read, not refused."""
    import random

    rng = random.Random(1)
    paras = "".join(paragraph(f"整改情况{rng.getrandbits(20):05x}。" if varied else "整改情况。", num=1)
                    for _ in range(paragraphs))
    return docx({"word/document.xml": body(paras), "word/numbering.xml": numbering(start, fmt)})


def header_bomb(mib: float = 20, body_paragraphs: int = 3) -> bytes:
    """A small archive whose header part expands to `mib` MiB of short paragraphs, each with a
    few varied digits, so that it stays within the per-part expansion ratio."""
    import random

    rng = random.Random(1)
    count = int(mib * 2**20) // 48
    paras = "".join(f"<w:p><w:r><w:t>整改{rng.getrandbits(20):05x}</w:t></w:r></w:p>" for _ in range(count))
    header = f'<?xml version="1.0"?><w:hdr {NS}>{paras}</w:hdr>'
    return docx({"word/document.xml": body(paragraph("整改情况。") * body_paragraphs), "word/header1.xml": header})


def style_chain(links: int = 1000, paragraphs: int = 1000) -> bytes:
    """Styles each basedOn the next, the last one numbered, and paragraphs of the first style."""
    styles = "".join(f'<w:style w:styleId="s{i}"><w:basedOn w:val="s{i + 1}"/></w:style>' for i in range(links))
    styles += (f'<w:style w:styleId="s{links}"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
               "</w:numPr></w:pPr></w:style>")
    paras = "".join(paragraph("整改情况。", style="s0") for _ in range(paragraphs))
    return docx({"word/document.xml": body(paras), "word/numbering.xml": numbering(1, "decimal"),
                 "word/styles.xml": f'<?xml version="1.0"?><w:styles {NS}>{styles}</w:styles>'})


def damaged_crc(data: bytes | None = None) -> bytes:
    """A .docx whose document part fails its CRC: one byte of the stored XML changed."""
    data = data or docx({"word/document.xml": body(paragraph("整改情况：已完成。") * 5)}, deflate=False)
    at = data.find(b"<w:body>") + 3
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1:]


def damaged_local_header(data: bytes | None = None) -> bytes:
    """A .docx whose document part's local header is broken (its signature overwritten)."""
    data = data or docx({"word/document.xml": body(paragraph("整改情况：已完成。") * 5)})
    archive = zipfile.ZipFile(io.BytesIO(data))
    offset = archive.getinfo("word/document.xml").header_offset
    return data[:offset] + b"XXXX" + data[offset + 4:]


def page(paragraphs: str) -> str:
    return f"<html><head><title>通报</title></head><body>{paragraphs}</body></html>"


def unclosed_raw(n: int) -> str:
    """Unclosed <script> and <style> elements, each before a paragraph of text."""
    return "".join(f"<script>var a{i} = 1;<p>第{i}段正文，整改情况。</p><style>p {{}}" for i in range(n))


def tag_flood(n: int) -> str:
    """`<a` over and over, never closed."""
    return "<p>正文。</p>" + "<a" * n


def bogus_marked_section(secret: str = "110101199003074477") -> str:
    """A page holding `<![` followed by neither CDATA nor a conditional comment."""
    return page(f"<p>整改情况：已完成。</p><![{secret} oops]><p>联系电话：0791-6123456。</p>")

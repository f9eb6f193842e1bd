"""Text of a PDF, read with pypdfium2 (PDFium, the engine of Chrome's PDF viewer).

PDFium gives each page's characters in reading order, with the line breaks it finds and the
box of each character. Spaces that PDFium adds where it sees a gap (between a Chinese character
and a digit set apart by the layout's spacing, 2025 年) are not in the text: only a real space,
or a gap between two Latin words or numbers, is kept. The lines then go to `pages.lay_out`,
which leaves out the page frame and joins the paragraphs. A PDF without a text layer (a scan)
is an input error, never a clean result: rectlint does no OCR.

pypdfium2 is imported only when a PDF is read.
"""

from __future__ import annotations

from .errors import InputError
from .messages import said
from .pages import NO_LINE_START, Page, PageLine, lay_out
from .record import Record

_BREAKS = {"\r", "\n", "\x02"}  # \x02: PDFium's mark for a hyphen that ended a line
_CJK_START = 0x2E80


class PagedText(Record):
    FIELDS = ("text", "pages", "warnings")

    def __init__(self, text: str, pages, warnings: list):
        self.text = text
        self.pages = pages  # the PageMap
        self.warnings = warnings


def _open(data: bytes, name: str):
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError(said("input.needs-pdfium", name=name)) from None
    try:
        return pdfium, pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == 4:  # FPDF_ERR_PASSWORD
            raise InputError(said("input.encrypted-pdf", name=name)) from None
        raise InputError(said("input.damaged-pdf", name=name, error=str(exc))) from None


def _keep_space(chars: list, k: int) -> bool:
    """Whether a space PDFium put at chars[k] (for a gap it saw) separated two words."""
    before = next((c for c in reversed(chars[:k]) if not c[0].isspace()), None)
    after = next((c for c in chars[k + 1:] if not c[0].isspace()), None)
    return (before is not None and after is not None and ord(before[0][-1]) < _CJK_START
            and ord(after[0][0]) < _CJK_START)


def _page_lines(pdfium, page) -> list[PageLine]:
    raw = pdfium.raw
    textpage = page.get_textpage()
    height = page.get_height()
    lines, chars = [], []  # chars: (character, generated, box, size) of the current line

    def close():
        if chars:
            line = _line(chars, height)
            if line is not None:
                lines.append(line)
            chars.clear()
    try:
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(textpage, i)
            char = chr(code) if 0 < code < 0x110000 else "\ufffd"
            generated = bool(raw.FPDFText_IsGenerated(textpage, i))
            if char in _BREAKS:
                close()
                continue
            if char.isspace():
                chars.append((" ", generated, None, 0.0))
                continue
            if code < 32 or char == "\ufffe":
                continue
            chars.append((char, False, textpage.get_charbox(i, loose=True), raw.FPDFText_GetFontSize(textpage, i)))
        close()
    finally:
        textpage.close()
    return lines


def _line(chars: list, height: float) -> PageLine | None:
    text = "".join(c for k, (c, generated, _, _) in enumerate(chars)
                   if not generated or _keep_space(chars, k))
    boxes = [(box, size) for _, _, box, size in chars if box is not None]
    if not text.strip() or not boxes:
        return None
    sizes = sorted(size for _, size in boxes)
    x0 = min(b[0] for b, _ in boxes)
    return PageLine(text, x0, max(b[2] for b, _ in boxes),
                    height - max(b[3] for b, _ in boxes), height - min(b[1] for b, _ in boxes),
                    sizes[len(sizes) // 2], _lead([(c, box) for c, _, box, _ in chars if box is not None]) - x0)


def _lead(chars: list) -> float:
    """The right edge of the line's first unbreakable piece: a Latin word or number, or a Chinese
    character with the punctuation that may not begin a line after it."""
    first, box = chars[0]
    edge = box[2]
    for char, box in chars[1:]:
        if (ord(first) < _CJK_START and ord(char) < _CJK_START) or char in NO_LINE_START:
            edge = box[2]
        else:
            break
    return edge


def read_pdf(data: bytes, name: str) -> PagedText:
    """The text of every page, the frame left out, one paragraph per line."""
    pdfium, pdf = _open(data, name)
    try:
        pages, blank = [], []
        for number in range(len(pdf)):
            page = pdf[number]
            try:
                lines = _page_lines(pdfium, page)
                pages.append(Page(page.get_width(), page.get_height(), lines))
            finally:
                page.close()
            if not lines:
                blank.append(number + 1)
    except InputError:
        raise
    except Exception as exc:  # a damaged page raises what PDFium raises
        raise InputError(said("input.damaged-pdf", name=name, error=f"{type(exc).__name__}: {exc}")) from None
    finally:
        pdf.close()
    return paged(pages, blank, name, "pdf")


def paged(pages: list, blank: list, name: str, fmt: str) -> PagedText:
    """The laid-out text of pages read from a PDF or an OFD file; a file with no text at all
    is a scan, and pages without text are named in a warning."""
    text, where = lay_out(pages)
    if not text.strip():
        raise InputError(said("input.scanned", name=name, format=fmt.upper()))
    warnings = []
    if blank:
        warnings.append(said("input.pages-without-text", name=name, pages=", ".join(map(str, blank))))
    return PagedText(text, where, warnings)

"""Findings written back into a copy of the .docx: a Word comment (批注) on each flagged span,
and, when asked, the certain repairs as tracked changes (修订) to accept or reject one by one.

python-docx (1.2) adds the comments: it creates or extends the comments part and places the
range marks. It cannot anchor a comment on part of a run, nor write a tracked change, so runs
are split and w:del/w:ins are written as plain OOXML. The text is found exactly as the reader
found it (docx_reader.segments), so a finding's column is a position in the same runs.
Everything else in the file (styles, tables, headers, existing comments) is left as it was.
"""

from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .docx_numbering import Numbering
from .docx_reader import _RUN_TEXT, _W, _optional, blocks, segments, text_boxes
from .messages import text

AUTHOR, INITIALS = "rectlint", "RL"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass
class Annotated:
    data: bytes
    comments: int = 0
    revisions: int = 0
    skipped: list = field(default_factory=list)  # repairs not written as revisions (across paragraphs, markers)


def _body_paragraphs(body, numbering) -> tuple[list, list[int]]:
    """Body paragraphs in the reader's order and the length of each one's list marker, counted as
    the reader counted them (text boxes number in their place)."""
    paragraphs, markers = [], []
    for p in blocks(body):
        paragraphs.append(p)
        markers.append(len(numbering.marker(p)))
        for box in text_boxes(p):
            for q in blocks(box):
                numbering.marker(q)
    return paragraphs, markers


def _visible_length(child) -> int:
    tag = child.tag
    if tag not in _RUN_TEXT:
        return 0
    return len(child.text or "") if _RUN_TEXT[tag] is None else 1


def _split(run, at: int):
    """Split w:r `run` after `at` shown characters; returns the second run (inserted after it).
    A run holding a field mark is never split: it is returned whole."""
    if at <= 0 or any(c.tag == _W + "fldChar" for c in run):
        return run
    second = deepcopy(run)
    for keep_first, target in ((True, run), (False, second)):
        seen = 0
        for child in list(target):
            if child.tag == _W + "rPr":
                continue
            n = _visible_length(child)
            a, b = seen, seen + n
            seen = b
            if n == 0:
                if (keep_first and a >= at) or (not keep_first and a < at):
                    target.remove(child)
                continue
            if keep_first and a >= at or not keep_first and b <= at:
                target.remove(child)
            elif a < at < b:  # a w:t holding the split point
                child.text = child.text[:at - a] if keep_first else child.text[at - a:]
                child.set(_XML_SPACE, "preserve")
    run.addnext(second)
    return second


def _runs_for(p, start: int, end: int) -> list:
    """The runs of paragraph `p` that hold shown characters start..end, split at both ends."""
    out, pos = [], 0
    for run, shown in segments(p):
        a, b = pos, pos + len(shown)
        pos = b
        if b <= start or a >= end:
            continue
        if a < start:
            run = _split(run, start - a)
            a = start
        if b > end:
            _split(run, end - a)
        out.append(run)
    return out


class _Writer:
    def __init__(self, data: bytes, lang: str):
        import docx  # python-docx: imported only when a copy is annotated

        self.document = docx.Document(io.BytesIO(data))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            numbering = Numbering.parse(_optional(archive, "word/numbering.xml"), _optional(archive, "word/styles.xml"))
        self.paragraphs, self.markers = _body_paragraphs(self.document.element.body, numbering)
        self.lang = lang
        self.revision_id = 9000 + sum(1 for _ in self.document.element.body.iter(_W + "ins", _W + "del"))
        self.stamp = datetime.now(timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")

    def _span(self, line: int, first: int, last: int):
        """Runs of body line `line` between columns first..last (0-based, end exclusive), less the
        list marker; the whole paragraph's runs when the span is the marker itself."""
        p = self.paragraphs[line - 1]
        marker = self.markers[line - 1]
        start, end = max(0, first - marker), max(0, last - marker)
        runs = _runs_for(p, start, end) if end > start else []
        return runs or [run for run, _ in segments(p)]

    def comment(self, finding, doc) -> bool:
        from docx.text.run import Run

        part = doc.part_of(finding.line)
        runs = []
        if part is None and finding.line <= len(self.paragraphs):
            runs = self._span(finding.line, finding.column - 1,
                              finding.end_column if finding.end_line == finding.line else 10**9)
            if finding.end_line != finding.line and finding.end_line <= len(self.paragraphs) \
                    and doc.part_of(finding.end_line) is None:
                runs += self._span(finding.end_line, 0, finding.end_column)[-1:]
        if not runs:  # a header, footnote or text box: Word takes comments in the body only
            runs = next((shown for shown in ([run for run, _ in segments(p)] for p in self.paragraphs) if shown), [])
        if not runs:
            return False
        body = self.document.part
        comment = self.document.add_comment([Run(runs[0], body), Run(runs[-1], body)],
                                            text=self._message(finding, part), author=AUTHOR, initials=INITIALS)
        if finding.suggestion:
            comment.add_paragraph(text("report.suggestion", self.lang) + finding.suggestion)
        comment.add_paragraph(f"[{finding.rule}]")
        return True

    def _message(self, finding, part) -> str:
        message = finding.message(self.lang)
        if part is not None and finding.place:
            from .report.labels import where
            message = where(finding.place, self.lang) + " " + text("report.quote", self.lang,
                                                                    text=finding.place["quote"]) + " " + message
        return message

    def revise(self, finding, doc, taken: list) -> int:
        """The finding's repair as tracked changes; 0 when an edit cannot be one: it crosses
        paragraphs or runs of different kinds, lies outside the body, touches a list marker or
        overlaps a repair already written (`taken`: the (start, end) written so far)."""
        planned = []
        for start, end, new in finding.fix.edits:
            line = doc.line_at(start)
            if (doc.part_of(line.number) is not None or end > line.end or line.number > len(self.paragraphs)
                    or any(start < b and a < max(end, start + 1) for a, b in taken)):
                return 0
            marker = self.markers[line.number - 1]
            a, b = start - line.start - marker, end - line.start - marker
            p = self.paragraphs[line.number - 1]
            if a < 0 or len({run.getparent() for run in _runs_for(p, a, b)}) > 1:
                return 0
            planned.append((p, a, b, new))
        for p, a, b, new in sorted(planned, key=lambda e: -e[1]):  # right to left keeps offsets
            self._replace(p, a, b, new)
        taken.extend((s, max(e, s + 1)) for s, e, _ in finding.fix.edits)
        return len(planned)

    def _mark(self, tag: str):
        self.revision_id += 1
        return self.document.element.makeelement(_W + tag, {
            _W + "id": str(self.revision_id), _W + "author": AUTHOR, _W + "date": self.stamp})

    def _replace(self, p, a: int, b: int, new: str) -> None:
        """Characters a..b of paragraph `p` become `new`: the old runs go into a w:del, and a run
        formatted as the first of them (or as the run it is inserted before) into a w:ins."""
        old = _runs_for(p, a, b) if b > a else []
        following = old or _runs_for(p, a, a + 1)
        template = following[0] if following else None
        place = None
        if old:
            place = self._mark("del")
            old[0].addprevious(place)
            for run in old:
                for t in run.iter(_W + "t"):
                    t.tag = _W + "delText"
                place.append(run)
        if not new:
            return
        inserted = self._mark("ins")
        run = inserted.makeelement(_W + "r", {})
        if template is not None and template.find(_W + "rPr") is not None:
            run.append(deepcopy(template.find(_W + "rPr")))
        t = run.makeelement(_W + "t", {_XML_SPACE: "preserve"})
        t.text = new
        run.append(t)
        inserted.append(run)
        if place is not None:
            place.addnext(inserted)
        elif template is not None:
            template.addprevious(inserted)
        else:
            p.append(inserted)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def annotate(data: bytes, doc, findings, lang: str = "zh", revisions: bool = False,
             unsafe: bool = False) -> Annotated:
    """A copy of the .docx `data` (read as `doc`) with one comment per finding and, with
    `revisions`, each applicable repair as tracked changes."""
    writer = _Writer(data, lang)
    out = Annotated(b"")
    for f in findings:  # comments first: their columns count the text as it was read
        out.comments += writer.comment(f, doc)
    if revisions:
        taken: list = []
        for f in sorted((f for f in findings if f.fix is not None and f.fix.applies(unsafe)),
                        key=lambda f: -f.fix.edits[0][0]):  # from the end: earlier offsets stay put
            written = writer.revise(f, doc, taken)
            out.revisions += written
            if not written:
                out.skipped.append(f)
    out.data = writer.save()
    return out


def annotated_name(path: str) -> str:
    """draft.docx → draft.rectlint.docx, beside it; a converted draft's copy is a .docx too
    (draft.doc → draft.rectlint.docx)."""
    from pathlib import Path

    p = Path(path)
    return str(p.with_name(p.stem + ".rectlint.docx"))


def write_annotated(path: str, target: str, doc, findings, lang: str = "zh", revisions: bool = False,
                    unsafe: bool = False) -> Annotated:
    """Annotate the .docx at `path` into `target`, never over `path`; the write is atomic. The
    file must still be what was linted."""
    from pathlib import Path

    from .docx_reader import read_docx
    from .errors import InputError
    from .atomic import replace_file
    from .messages import said
    from .text import printable

    source, out = Path(path), Path(target)
    if out.exists() and out.resolve() == source.resolve():
        raise InputError(said("annotate.over-original", name=printable(path)))
    data = source.read_bytes()
    converted = getattr(doc, "converted", None)
    if converted is not None:  # a .doc, .wps, .odt, .rtf: the copy is written from its .docx conversion
        import hashlib

        if hashlib.sha256(data).hexdigest() != converted.sha256:
            raise InputError(said("input.changed", name=printable(path)))
        data = converted.docx
    elif read_docx(data, path).text != doc.text:
        raise InputError(said("input.changed", name=printable(path)))
    result = annotate(data, doc, findings, lang, revisions, unsafe)
    # The copy is read where the draft is: it takes the draft's mode (not a temporary file's 0600).
    replace_file(out, result.data, like=source.stat(), like_path=source)
    return result

"""`rectlint index copies` as text, JSON and an HTML page in the report's style: for each pair of
notices, both passages side by side with the shared words marked. Every string from the index
is escaped (file names as on the command line, text as HTML)."""

from __future__ import annotations

import json
from html import escape

from rectlint import __version__
from rectlint.document import _split_lines
from rectlint.messages import text
from rectlint.text import printable

from .html_report import CSS

QUOTE = 40  # characters of a passage quoted in the text report


def _lines(body: str | None) -> list | None:
    return None if body is None else _split_lines(body)


def _snippet(lines, place) -> str | None:
    line, col, end = place
    if lines is None or not 0 < line <= len(lines):
        return None
    return lines[line - 1].text[col - 1:end]


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _who(side, lang: str) -> str:
    return side.issuer or text("copies.unknown-issuer", lang)


def render_text(copies, bodies: dict, lang: str) -> str:
    out = []
    for n, copy in enumerate(copies, 1):
        a, b = copy.a, copy.b
        order = (text("copies.earlier", lang, first=_who(a, lang), date=a.issued, later=b.issued)
                 if copy.earlier else text("copies.no-order", lang))
        out.append(text("copies.head", lang, n=n, passages=len(copy.passages), a=_who(a, lang), share_a=_percent(a.share),
                        b=_who(b, lang), share_b=_percent(b.share), order=order))
        for side in (a, b):
            out.append(f"    {_who(side, lang)}  {side.issued or '-'}  {printable(side.path)}")
        la, lb = _lines(bodies.get(a.id)), _lines(bodies.get(b.id))
        for p in copy.passages:
            quote = _snippet(la, p.a) or _snippet(lb, p.b)
            shown = "" if quote is None else "  “" + (quote if len(quote) <= QUOTE else quote[:QUOTE] + "…") + "”"
            out.append(f"    {printable(a.path)}:{p.a[0]}:{p.a[1]}-{p.a[2]} ⇔ "
                       f"{printable(b.path)}:{p.b[0]}:{p.b[1]}-{p.b[2]}{shown}")
    out.append(text("copies.count", lang, count=len(copies)))
    return "\n".join(out) + "\n"


def _side_json(side) -> dict:
    return {"path": side.path, "issuer": side.issuer, "issued": side.issued, "share": round(side.share, 4),
            "fingerprints": side.fingerprints}


def _place_json(lines, place) -> dict:
    return {"line": place[0], "column": place[1], "end_column": place[2], "text": _snippet(lines, place)}


def render_json(copies, bodies: dict) -> str:
    items = []
    for copy in copies:
        la, lb = _lines(bodies.get(copy.a.id)), _lines(bodies.get(copy.b.id))
        items.append({"share": round(copy.share, 4), "earlier": copy.earlier, "a": _side_json(copy.a),
                      "b": _side_json(copy.b),
                      "passages": [{"a": _place_json(la, p.a), "b": _place_json(lb, p.b), "chars": p.chars}
                                   for p in copy.passages]})
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


PAGE_CSS = """
.pair{margin:1.2rem 0 2rem} .pair h2 .share{color:#b36b00;margin-left:.6rem}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:.8rem} .meta{font-size:.85rem;color:#555;margin:.2rem 0}
.passage{border:1px solid #ddd;border-radius:6px;background:#fcfcfc;padding:.4rem .6rem;white-space:pre-wrap;
 word-break:break-all;font-size:.95rem} .passage .ln{color:#999;font-family:monospace;margin-right:.5rem}
.passage .out{color:#9a9a9a} mark.shared{background:#4cc9f0;border-radius:3px;padding:0 1px}
.missing{color:#999;font-style:italic}
"""


MIN_MARK = 3  # characters: a shorter common run between two passages is chance, not shared wording


def _shared_words(la, lb, passage) -> tuple[list, list] | None:
    """(column, end column) of the runs the two passages have in common, found by comparing
    their texts; None where the index holds no text of either."""
    a, b = _snippet(la, passage.a), _snippet(lb, passage.b)
    if a is None or b is None:
        return None
    from difflib import SequenceMatcher

    blocks = [m for m in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks() if m.size >= MIN_MARK]
    return ([(passage.a[1] + m.a, passage.a[1] + m.a + m.size - 1) for m in blocks],
            [(passage.b[1] + m.b, passage.b[1] + m.b + m.size - 1) for m in blocks])


def _passage_html(lines, place, marks, lang: str) -> str:
    line, col, end = place
    if lines is None or not 0 < line <= len(lines):
        return f'<div class="passage missing">{escape(text("copies.no-text", lang))}</div>'
    whole = lines[line - 1].text
    shared = [False] * len(whole)
    for c, e in marks:
        for i in range(max(0, c - 1), min(len(whole), e)):
            shared[i] = True
    parts, i = [], 0
    while i < len(whole):  # the passage marked, with the rest of its line muted around it
        j = i
        inside = col - 1 <= i < end
        while j < len(whole) and shared[j] == shared[i] and (col - 1 <= j < end) == inside:
            j += 1
        piece = escape(whole[i:j])
        parts.append(f'<mark class="shared">{piece}</mark>' if shared[i] and inside
                     else piece if inside else f'<span class="out">{piece}</span>')
        i = j
    return f'<div class="passage"><span class="ln">{line}</span>{"".join(parts)}</div>'


def render_html(copies, bodies: dict, lang: str) -> str:
    heading = escape(text("copies.title", lang))
    sections = []
    for n, copy in enumerate(copies, 1):
        la, lb = _lines(bodies.get(copy.a.id)), _lines(bodies.get(copy.b.id))
        cells = []
        for side in (copy.a, copy.b):
            cells.append(f'<div><div class="meta"><b>{escape(_who(side, lang))}</b> · {escape(side.issued or "-")} · '
                         f'{escape(printable(side.path))} · {escape(text("copies.share", lang, share=_percent(side.share)))}'
                         "</div></div>")
        rows = [f'<div class="sides">{"".join(cells)}</div>']
        for p in copy.passages:
            marks_a, marks_b = _shared_words(la, lb, p) or (p.marks_a, p.marks_b)
            rows.append(f'<div class="sides">{_passage_html(la, p.a, marks_a, lang)}'
                        f'{_passage_html(lb, p.b, marks_b, lang)}</div>')
        order = (text("copies.earlier", lang, first=_who(copy.a, lang), date=copy.a.issued, later=copy.b.issued)
                 if copy.earlier else text("copies.no-order", lang))
        sections.append(f'<section class="pair" id="p{n}"><h2>{n}. {escape(_who(copy.a, lang))} ⇔ '
                        f'{escape(_who(copy.b, lang))}<span class="share">{_percent(copy.share)}</span></h2>'
                        f'<p class="meta">{escape(order)}</p>{"".join(rows)}</section>')
    intro = escape(text("copies.count", lang, count=len(copies)))
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f'<meta name="generator" content="rectlint {__version__}"><title>{heading}</title>'
            f'<style>{CSS}{PAGE_CSS}</style></head><body><h1>{heading}</h1><p>{intro}</p>'
            + "".join(sections) + "</body></html>\n")

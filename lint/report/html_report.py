"""A single self-contained HTML page for editors: the draft with its findings marked in place.

Inline CSS only: no network, no JavaScript. Hovering or clicking (focusing) a
mark shows its message and suggestion. Every string from a draft is escaped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from rectlint import __version__
from rectlint.finding import CATEGORIES
from rectlint.messages import text
from rectlint.privacy import masked_lines, redact

from . import labels

COLORS = {
    "date": "#f9c74f", "ordinal": "#90be6d", "status": "#f8961e", "structure": "#c77dff",
    "duplicate": "#4cc9f0", "number": "#f94144", "punctuation": "#43aa8b", "placeholder": "#ff70a6",
    "privacy": "#9d0208", "wording": "#577590", "internal": "#adb5bd",
}

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
 margin:2rem auto;max-width:70rem;color:#222;line-height:1.6;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2.5rem;border-bottom:2px solid #ddd}
table.summary{border-collapse:collapse;margin:1rem 0} table.summary th,table.summary td{border:1px solid #ccc;
 padding:.25rem .7rem;text-align:right} table.summary th:first-child,table.summary td:first-child{text-align:left}
.swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.4em;vertical-align:-.1em}
.doc{border:1px solid #ddd;border-radius:6px;padding:.5rem 0;background:#fcfcfc;font-size:.95rem}
.line{display:flex;white-space:pre-wrap;word-break:break-all} .line:hover{background:#f3f3f3}
.ln{flex:0 0 3.5rem;color:#999;text-align:right;padding-right:.8rem;user-select:none;font-family:monospace}
.tx{flex:1;padding-right:.8rem}
mark{position:relative;border-radius:3px;padding:0 1px;cursor:help;color:inherit}
mark.error{outline:2px solid #d00} mark.info{opacity:.75}
mark .tip{display:none;position:absolute;left:0;top:1.6em;z-index:10;min-width:18rem;max-width:32rem;
 background:#fff;color:#222;border:1px solid #888;border-radius:4px;padding:.4rem .6rem;
 box-shadow:0 2px 8px rgba(0,0,0,.25);white-space:normal;font-size:.85rem;line-height:1.45}
mark:hover .tip,mark:focus .tip,mark:target .tip{display:block} mark:target{outline:2px dashed #333}
.tip b{font-family:monospace} .sug{color:#056d2c}
ul.findings{padding-left:1.2rem} ul.findings li{margin:.15rem 0} .rule{font-family:monospace;color:#555}
.sev-error{color:#c00;font-weight:bold} .sev-warning{color:#b36b00} .sev-info{color:#245}
"""


def _label(category: str, lang: str) -> str:
    return category if lang == "en" else f"{labels.category(category, lang)}（{category}）"


def _tip(f, lang: str) -> str:
    sev = labels.severity(f.severity, lang)
    out = f"<b>[{escape(f.rule)}]</b> {escape(sev)}：{escape(f.message(lang))}"
    if f.suggestion is not None:
        out += f'<br><span class="sug">{_suggestion(f, lang)}</span>'
    return out


def _suggestion(f, lang: str) -> str:
    return escape(labels.word("suggestion", lang)) + (escape(f.suggestion) or labels.word("delete", lang))


def _line_html(text: str, marks: list, lang: str) -> str:
    """One line with its findings' spans marked; marks are (start, end, finding, anchor) in code points.

    A sweep over the cut points keeps the marks covering each piece, so the work grows with the
    line and its marks, not with their product."""
    if not marks:
        return escape(text)
    starts, ends = defaultdict(list), defaultdict(list)
    for i, m in enumerate(marks):
        starts[m[0]].append(i)
        ends[m[1]].append(i)
    cuts = sorted({0, len(text), *starts, *ends})
    active: dict = {}  # mark index -> mark, in the order the marks were given
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for i in ends.get(a, ()):
            active.pop(i, None)
        for i in starts.get(a, ()):
            active[i] = marks[i]
        if a >= b:
            continue
        piece = escape(text[a:b])
        if not active:
            out.append(piece)
            continue
        covering = [active[i] for i in sorted(active)]
        first = covering[0]
        f = first[2]
        anchor = f' id="{first[3]}"' if a == first[0] else ""
        tips = "<hr>".join(_tip(m[2], lang) for m in covering)
        out.append(f'<mark{anchor} tabindex="0" class="{f.severity}" style="background:{COLORS[f.category]}66;'
                   f'border-bottom:2px solid {COLORS[f.category]}">{piece}<span class="tip">{tips}</span></mark>')
    return "".join(out)


def _document(path, doc, findings, lang, start_index):
    per_line = defaultdict(list)
    anchors = {}
    for i, f in enumerate(findings, start_index):
        anchors[id(f)] = f"f{i}"
        for number in range(f.line, f.end_line + 1):
            if not 0 < number <= len(doc.shown_lines):
                continue
            line_text = doc.shown_lines[number - 1].text
            if not line_text:
                continue
            start = f.column - 1 if number == f.line else 0
            end = max(f.end_column if number == f.end_line else len(line_text), start + 1)
            per_line[number].append((min(start, len(line_text) - 1), min(end, len(line_text)), f, f"f{i}"))
    masked = masked_lines(findings)
    rows = []
    for line in doc.shown_lines:
        shown = redact(line.text, masked.get((path, line.number), ()))
        rows.append(f'<div class="line"><span class="ln">{line.number}</span>'
                    f'<span class="tx">{_line_html(shown, per_line.get(line.number, []), lang)}</span></div>')
    grouped = defaultdict(list)
    for f in findings:
        grouped[f.category].append(f)
    listing = []
    for category in [c for c in CATEGORIES if c in grouped]:
        items = []
        for f in grouped[category]:
            sev = labels.severity(f.severity, lang)
            sug = ""
            if f.suggestion is not None:
                sug = f' — <span class="sug">{_suggestion(f, lang)}</span>'
            items.append(f'<li><a href="#{anchors[id(f)]}">{f.line}:{f.column}</a> '
                         f'<span class="sev-{f.severity}">{escape(sev)}</span> <span class="rule">[{escape(f.rule)}]</span> '
                         f'{escape(f.message(lang))}{sug}</li>')
        listing.append(f'<h3><span class="swatch" style="background:{COLORS[category]}"></span>'
                       f'{escape(_label(category, lang))} · {len(grouped[category])}</h3><ul class="findings">{"".join(items)}</ul>')
    title = labels.word("by-category", lang)
    return (f'<section><h2>{escape(path)}</h2><div class="doc">{"".join(rows)}</div>'
            f'<h3>{title}</h3>{"".join(listing) or "<p>—</p>"}</section>')


def render(findings, run) -> str:
    docs, lang = run.documents, run.lang
    by_path = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    counts = Counter((f.category, f.severity) for f in findings)
    head = (labels.word("category-heading", lang), *(labels.severity_heading(s, lang) for s in ("error", "warning", "info")),
            labels.word("total", lang))
    rows = []
    for category in CATEGORIES:
        row = [counts[(category, s)] for s in ("error", "warning", "info")]
        if sum(row):
            rows.append(f'<tr><td><span class="swatch" style="background:{COLORS[category]}"></span>'
                        f'{escape(_label(category, lang))}</td>' + "".join(f"<td>{n}</td>" for n in row)
                        + f"<td>{sum(row)}</td></tr>")
    total = [sum(counts[(c, s)] for c in CATEGORIES) for s in ("error", "warning", "info")]
    rows.append("<tr><th>" + head[4] + "</th>" + "".join(f"<th>{n}</th>" for n in total)
                + f"<th>{sum(total)}</th></tr>")
    sections, index = [], 1
    for path in sorted(docs):
        sections.append(_document(path, docs[path], by_path.get(path, []), lang, index))
        index += len(by_path.get(path, []))
    heading = labels.word("title", lang)
    intro = text("report.html-intro", lang, findings=len(findings), documents=len(docs))
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f'<meta name="generator" content="rectlint {__version__}"><title>{heading}</title><style>{CSS}</style></head>'
            f'<body><h1>{heading}</h1><p>{intro}</p><table class="summary"><tr>'
            + "".join(f"<th>{h}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>"
            + "".join(sections) + "</body></html>\n")

"""A single self-contained HTML page for editors: the draft with its findings marked in place.

Inline CSS only: no network, no JavaScript. Hovering or clicking (focusing) a mark shows its
message and suggestion; its small number links to the finding in the list below the draft,
which links back. The list is in document order, findings that differ only in what they
quote are one line with a count (opened to show each), and check boxes at the top hide
categories and severities (CSS :has(), so the filter needs no script). A web page's frame
(navigation, footer) is shown muted; a mark on one character is boxed so it can be seen.
Every string from a draft is escaped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from html import escape

from .. import patterns
from rectlint import __version__
from rectlint.document import Document
from rectlint.finding import CATEGORIES
from rectlint.messages import text
from rectlint.privacy import masked_lines, redact

from . import STALE, labels

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
mark:hover .tip,mark:focus .tip{display:block} .anchor:target+mark{outline:2px dashed #333}
.tip b{font-family:monospace} .sug{color:#056d2c}
ul.findings{padding-left:1.2rem} ul.findings li{margin:.15rem 0} .rule{font-family:monospace;color:#555}
.sev-error{color:#c00;font-weight:bold} .sev-warning{color:#b36b00} .sev-info{color:#245}
.line.frame{color:#9a9a9a;background:#f4f4f4;font-size:.85rem} .line.frame .ln::after{content:"·"}
mark.one{padding:0 .3em;outline:2px solid currentColor;outline-offset:-1px}
sup.to{font-size:.65rem;margin-left:1px;user-select:none} sup.to a{color:#555;text-decoration:none}
li:target,details:target{background:#fff3bf} .count{font-weight:bold;color:#555} .at{font-family:monospace}
details ol{margin:.2rem 0} .filters{position:sticky;top:0;background:#fff;z-index:20;padding:.4rem 0;
 border-bottom:1px solid #ddd;font-size:.9rem} .filters label{margin-right:.9rem;white-space:nowrap}
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
    """One line with its findings' spans marked. Marks are (start, end, finding, anchor, number) in
    code points: `anchor` (the span's first line) is the id the list links to, `number` (its last
    line) the small link back to the list.

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
            if marks[i][3]:
                out.append(f'<span class="anchor" id="{marks[i][3]}"></span>')
        if a >= b:
            continue
        piece = escape(text[a:b])
        if active:
            covering = [active[i] for i in sorted(active)]
            f = covering[0][2]
            one = " one" if any(m[1] - m[0] == 1 for m in covering) else ""
            tips = "<hr>".join(_tip(m[2], lang) for m in covering)
            piece = (f'<mark tabindex="0" class="{_classes(f)}{one}" style="background:{COLORS[f.category]}66;'
                     f'border-bottom:2px solid {COLORS[f.category]};color:inherit">{piece}'
                     f'<span class="tip">{tips}</span></mark>')
        out.append(piece)
        for i in ends.get(b, ()):
            m = marks[i]
            if m[4] is not None:
                out.append(f'<sup class="to {_classes(m[2])}"><a href="#l{m[4]}">{m[4]}</a></sup>')
    return "".join(out)


def _classes(f) -> str:
    return f"{f.severity} c-{f.category} s-{f.severity}"


_QUOTED = patterns.compile(r"“[^”]*”|「[^」]*」|'[^']*'")


def _same(f, lang: str) -> tuple:
    """What findings share to be one line of the list: rule, severity and message, whatever the
    message quotes (问题“1)”… and 问题“2)”… are the same finding at two places)."""
    return f.rule, f.severity, _QUOTED.sub("“…”", f.message(lang))


def _listing(findings, numbers: dict, lang: str) -> str:
    """The findings in document order, alike ones collapsed into one line with a count."""
    groups: dict = {}
    for f in findings:
        groups.setdefault(_same(f, lang), []).append(f)
    items = []
    for (rule, sev, message), members in groups.items():
        head = (f'<span class="sev-{sev}">{escape(labels.severity(sev, lang))}</span> '
                f'<span class="rule">[{escape(rule)}]</span> ')
        first = members[0]
        if len(members) == 1:
            sug = f' — <span class="sug">{_suggestion(first, lang)}</span>' if first.suggestion is not None else ""
            items.append(f'<li id="l{numbers[id(first)]}" class="{_classes(first)}">'
                         f'<a class="at" href="#f{numbers[id(first)]}">{first.line}:{first.column}</a> '
                         f'{head}{escape(first.message(lang))}{sug}</li>')
            continue
        each = "".join(f'<li id="l{numbers[id(f)]}"><a class="at" href="#f{numbers[id(f)]}">{f.line}:{f.column}</a> '
                       f'{escape(f.message(lang))}'
                       + (f' — <span class="sug">{_suggestion(f, lang)}</span>' if f.suggestion is not None else "")
                       + "</li>" for f in members)
        items.append(f'<li class="{_classes(first)}"><details><summary><a class="at" href="#f{numbers[id(first)]}">'
                     f'{first.line}:{first.column}</a> {head}{escape(message)} <span class="count">×{len(members)}'
                     f'</span></summary><ol>{each}</ol></details></li>')
    return f'<ul class="findings">{"".join(items)}</ul>'


def _document(path, doc, findings, lang, start_index):
    per_line = defaultdict(list)
    numbers = {}
    lines = doc.shown_lines
    for i, f in enumerate(findings, start_index):
        numbers[id(f)] = i
        for number in range(f.line, f.end_line + 1):
            if not 0 < number <= len(lines):
                continue
            line_text = lines[number - 1].text
            if not line_text:
                continue
            start = f.column - 1 if number == f.line else 0
            end = max(f.end_column if number == f.end_line else len(line_text), start + 1)
            per_line[number].append((min(start, len(line_text) - 1), min(end, len(line_text)), f,
                                     f"f{i}" if number == f.line else None, i if number == f.end_line else None))
    masked = masked_lines(findings)
    # A web page's frame is muted. Its line numbers count the text, so they are of no use on a page
    # shown by its source lines, and a view kept without the text has no outline.
    frame = doc.frame if isinstance(doc, Document) and doc.source is None else set()
    rows = []
    for line in lines:
        shown = redact(line.text, masked.get((path, line.number), ()))
        muted = " frame" if line.number in frame else ""
        rows.append(f'<div class="line{muted}"><span class="ln">{line.number}</span>'
                    f'<span class="tx">{_line_html(shown, per_line.get(line.number, []), lang)}</span></div>')
    title = labels.word("in-order", lang)
    return (f'<section><h2>{escape(path)}</h2><div class="doc">{"".join(rows)}</div>'
            f'<h3>{title}</h3>{_listing(findings, numbers, lang) if findings else "<p>—</p>"}</section>')


def _filters(findings, lang: str) -> tuple[str, str]:
    """Check boxes for the categories and severities found, and the CSS that hides what is unchecked."""
    categories = [c for c in CATEGORIES if any(f.category == c for f in findings)]
    severities = [s for s in ("error", "warning", "info") if any(f.severity == s for f in findings)]
    boxes, css = [], []
    for kind, values, name in (("c", categories, lambda c: _label(c, lang)),
                               ("s", severities, lambda s: labels.severity(s, lang))):
        for value in values:
            box = f"show-{kind}-{value}"
            swatch = (f'<span class="swatch" style="background:{COLORS[value]}"></span>' if kind == "c" else "")
            boxes.append(f'<label><input type="checkbox" id="{box}" checked> {swatch}{escape(name(value))}</label>')
            css.append(f"body:has(#{box}:not(:checked)) li.{kind}-{value},"
                       f"body:has(#{box}:not(:checked)) sup.{kind}-{value}{{display:none}}"
                       f"body:has(#{box}:not(:checked)) mark.{kind}-{value}{{background:none!important;"
                       f"border-bottom-color:transparent!important;outline:none}}")
    label = escape(labels.word("filter", lang))
    return f'<div class="filters">{label} {"".join(boxes)}</div>', "".join(css)


def render(findings, run) -> str:
    docs, lang = run.documents, run.lang
    by_path = defaultdict(list)
    for f in findings:
        by_path[f.path].append(f)
    counts = Counter((f.category, f.severity) for f in findings if f.rule != STALE)
    stale = sum(f.rule == STALE for f in findings)
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
    filters, filter_css = _filters(findings, lang)
    sections, index = [], 1
    for path in sorted(docs):
        sections.append(_document(path, docs[path], by_path.get(path, []), lang, index))
        index += len(by_path.get(path, []))
    heading = labels.word("title", lang)
    intro = text("report.html-intro", lang, findings=len(findings) - stale, documents=len(docs))
    return (f'<!DOCTYPE html>\n<html lang="{"en" if lang == "en" else "zh-CN"}"><head><meta charset="utf-8">'
            f'<meta name="generator" content="rectlint {__version__}"><title>{heading}</title><style>{CSS}{filter_css}'
            f'</style></head><body><h1>{heading}</h1><p>{intro}</p>{filters}<table class="summary"><tr>'
            + "".join(f"<th>{h}</th>" for h in head) + "</tr>" + "".join(rows) + "</table>"
            + (f"<p>{escape(text('report.stale', lang, count=stale))}</p>" if stale else "")
            + "".join(sections) + "</body></html>\n")

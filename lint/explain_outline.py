"""`rectlint --explain-outline`: the document as rectlint reads it, for debugging a finding."""

from __future__ import annotations


def _clip(text: str, width: int = 40) -> str:
    text = text.strip()
    return text if len(text) <= width else text[:width] + "…"


def _depth(h) -> int:
    """How deep a heading stands in the document's own nesting of forms."""
    depth = 0
    while h.parent is not None:
        depth, h = depth + 1, h.parent
    return depth


def describe(doc) -> str:
    info, outline = doc.info, doc.outline
    out = [f"{doc.path}",
           f"  kind: {info.kind}{'' if info.detected else ' (set by configuration)'}",
           f"  completeness: {info.completeness}",
           f"  page frame: {len(outline.frame)} lines" + (" (a web page)" if outline.page else "")]
    if info.reasons:
        out.append(f"  because: {'; '.join(info.reasons)}")
    out.append(f"  title: {_clip(outline.title.text) if outline.title else '(none)'}")
    if outline.lead:
        out.append(f"  lead: lines {outline.lead[0].number}-{outline.lead[-1].number}")
    items = set(map(id, outline.items))
    for h in outline.headings:
        mark = ""
        if id(h) in items:
            mark = f"  [item; status: {h.status.text} ({h.status.form})]" if h.status else "  [item; no status]"
        elif h is outline.items_section:
            mark = "  [problems section]"
        broken = f" (broken: {h.broken}, read as {h.want})" if h.broken else ""
        out.append(f"  {h.line.number:>5} {'  ' * _depth(h)}{_clip(h.line.text)}{broken}{mark}")
    for run in outline.runs:
        shown = " ".join(doc.text[m.start:m.end] + (f"[{m.fault or m.slip}]" if m.fault or m.slip else "")
                         for m in run.markers)
        out.append(f"  run {run.scheme} at line {doc.position(run.markers[0].start)[0]}: {_clip(shown, 60)}")
    for name, lines in (("supervision", outline.supervision), ("signature", outline.signature)):
        if lines:
            out.append(f"  {name}: lines {', '.join(str(line.number) for line in lines)}")
    if outline.date_line is not None:
        out.append(f"  date line: {outline.date_line.number}")
    return "\n".join(out)

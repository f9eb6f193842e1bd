"""`rectlint --explain-outline`: the document as rectlint reads it, for debugging a finding."""

from __future__ import annotations

from .messages import in_language, phrase, text


def _clip(text: str, width: int = 40) -> str:
    from .privacy import mask  # an outline shows the draft's words, never its personal numbers

    text = mask(text.strip())
    return text if len(text) <= width else text[:width] + "…"


def _depth(h) -> int:
    """How deep a heading stands in the document's own nesting of forms."""
    depth = 0
    while h.parent is not None:
        depth, h = depth + 1, h.parent
    return depth


def describe(doc, lang: str = "zh") -> str:
    info, outline = doc.info, doc.outline

    def say(message_id: str, **args) -> str:
        return text(message_id, lang, **args)

    out = [f"{doc.path}",
           say("outline.kind", kind=info.kind, label=phrase("kind." + info.kind),
               how="" if info.detected else phrase("outline.set-by-config")),
           say("outline.completeness", completeness=info.completeness,
               label=phrase("completeness." + info.completeness)),
           say("outline.frame", count=len(outline.frame), page=phrase("outline.web-page") if outline.page else "")]
    if info.reasons:
        out.append(say("outline.because", reasons=[in_language(r, lang) for r in info.reasons]))
    out.append(say("outline.title", title=_clip(outline.title.text) if outline.title else phrase("outline.none")))
    if outline.lead:
        out.append(say("outline.lead", first=outline.lead[0].number, last=outline.lead[-1].number))
    items = set(map(id, outline.items))
    for h in outline.headings:
        mark = ""
        if id(h) in items:
            mark = (say("outline.item-status", status=h.status.text, form=phrase("outline.form." + h.status.form))
                    if h.status else say("outline.item-no-status"))
        elif h is outline.items_section:
            mark = say("outline.problems-section")
        broken = say("outline.broken", how=_broken(h, lang)) if h.broken else ""
        out.append(f"  {h.line.number:>5} {'  ' * _depth(h)}{_clip(h.line.text)}{broken}{mark}")
    for run in outline.runs:
        faulty = say("outline.run-fault")
        shown = " ".join(doc.text[m.start:m.end] + (faulty if m.fault or m.slip else "") for m in run.markers)
        out.append(say("outline.run", line=doc.position(run.markers[0].start)[0], markers=_clip(shown, 60)))
    for key, lines in (("outline.supervision", outline.supervision), ("outline.signature", outline.signature)):
        if lines:
            out.append(say(key, lines=[str(line.number) for line in lines]))
    if outline.date_line is not None:
        out.append(say("outline.date-line", line=outline.date_line.number))
    return "\n".join(out)


def _broken(h, lang: str) -> str:
    """How a broken marker broke and what it is read as, in the words of broken-heading-marker."""
    try:
        how = text("broken-heading-marker.what." + h.broken, lang, chars=h.detail)
    except KeyError:
        how = h.broken
    return text("outline.read-as", lang, how=how, want=h.want) if h.want else how

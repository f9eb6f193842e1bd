"""Run the active rules over a Document and turn their hits into findings."""

from __future__ import annotations

from .context import LintContext
from .document import Document
from .finding import Finding, Hit, Location
from .messages import say
from .place import place

CONTEXT_CHARS = 12


def to_finding(doc: Document, active, hit: Hit) -> Finding:
    line, col, end_line, end_col = doc.location(hit.start, hit.end)
    related = []
    for r in hit.related:
        if isinstance(r, Location):
            related.append(r)
        else:
            rl, rc, rel, rec = doc.location(r[0], r[1])
            related.append(Location(doc.path, rl, rc, rel, rec))
    line_obj = doc.line_at(hit.start)
    lo = max(line_obj.start, hit.start - CONTEXT_CHARS)
    hi = min(doc.line_at(hit.end).end, hit.end + CONTEXT_CHARS)
    return Finding(
        path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
        rule=active.rule.id, category=hit.category or active.rule.category,
        severity=hit.severity or active.severity, zh=hit.zh, en=hit.en,
        suggestion=hit.suggestion, related=related,
        context=hit.key if hit.key is not None else
        doc.text[lo:hit.start] + "\x00" + doc.text[hit.start:hit.end] + "\x00" + doc.text[hit.end:hi],
        fix=hit.fix,
        place=place(doc, hit.start, hit.end),
    )


def _internal(doc: Document, rule_id: str, exc: Exception) -> Finding:
    return Finding(
        path=doc.path, line=1, column=1, end_line=1, end_column=1,
        rule=rule_id, category="internal", severity="error",
        **say("internal.crash", rule=rule_id, error=f"{type(exc).__name__}: {exc}"),
    )


def run_rules(doc: Document, rules, context=None) -> list[Finding]:
    """Every rule runs; one that raises becomes a single `internal` finding. `context` (a
    LintContext) goes to the rules that take it."""
    context = context or LintContext()
    findings: list[Finding] = []
    try:
        frame = doc.frame
    except Exception as exc:  # noqa: BLE001 - the outline is code too; keep going without it
        frame = set()
        findings.append(_internal(doc, "outline", exc))
    for active in rules:
        try:
            hits = (active.rule.check(doc, active.options, context) if active.rule.takes_context
                    else active.rule.check(doc, active.options))
            for hit in hits:
                if not active.rule.frame and doc.line_at(hit.start).number in frame:
                    continue
                findings.append(to_finding(doc, active, hit))
        except Exception as exc:  # noqa: BLE001 - a rule bug must not end the run
            findings.append(_internal(doc, active.rule.id, exc))
    findings.sort(key=Finding.sort_key)
    return findings

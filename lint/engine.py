"""Run the active rules over a Document and turn their hits into findings."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right

from .context import LintContext
from .document import READINGS, Document
from .errors import InputError
from .finding import Finding, Hit, Location, sort_findings
from .heap import release
from .messages import say
from .place import place, place_dict
from .privacy import mask, masked_line, masked_text

CONTEXT_CHARS = 12


def to_finding(doc: Document, active, hit: Hit) -> Finding:
    line, col, end_line, end_col = doc.location(hit.start, hit.end)
    if end_line == line:
        end_line = line  # one int for both, and for the place: a long draft's lines make new ones
    related = [] if hit.related else ()
    for r in hit.related:
        if isinstance(r, Location):
            related.append(r)
        else:
            rl, rc, rel, rec = doc.location(r[0], r[1])
            related.append(Location(doc.path, rl, rc, rel, rec, place_dict(doc, r[0], r[1])))
    line_obj = doc.line_at(hit.start)
    lo = max(line_obj.start, hit.start - CONTEXT_CHARS)
    hi = min(doc.line_at(hit.end).end, hit.end + CONTEXT_CHARS)
    # Every text taken from the draft has its personal numbers masked, here where the finding is
    # made: messages, suggestion, the quote of its place, and the context a baseline or the cache
    # keeps (cut from masked lines, so that a number cut in two is masked whole).
    if hit.key is not None:
        context = hit.key
    else:
        one = masked_line(doc, lo, hi)
        if one is not None:  # cut when asked, from the masked line the document keeps
            context = Cut(one[0], one[1], one[1] + hi - lo, hit.start - lo, hit.end - lo)
        else:
            context = Cut(masked_text(doc, lo, hi), 0, hi - lo, hit.start - lo, hit.end - lo).text()
    return Finding(
        path=doc.path, line=line, column=col, end_line=end_line, end_column=end_col,
        rule=active.rule.id, category=hit.category or active.rule.category,
        severity=hit.severity or active.severity, zh=mask(hit.zh), en=mask(hit.en),
        suggestion=mask(hit.suggestion) if hit.suggestion else hit.suggestion, related=related,
        context=context, fix=hit.fix, place=place(doc, hit.start, hit.end, None if doc.source else line),
    )


class Cut:
    """A finding's context, kept as the masked line it is cut from (shared by the findings on
    that line) and where: line[lo:hi] is the text around the span, start and end are the span's
    edges in it. `text` is the context: the span between two NULs."""

    __slots__ = ("line", "lo", "hi", "start", "end")

    def __init__(self, line: str, lo: int, hi: int, start: int, end: int):
        self.line, self.lo, self.hi, self.start, self.end = line, lo, hi, start, end

    def text(self) -> str:
        text, start, end = self.line[self.lo:self.hi], self.start, self.end
        return text[:start] + "\x00" + text[start:end] + "\x00" + text[end:]


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
    # The spans of the findings that have no key, for settle: in arrays, where a tuple each with
    # its two offsets was 120 bytes a finding at the peak of a long draft.
    keyless: list[Finding] = []
    starts, ends = array("q"), array("q")
    try:
        frame = doc.frame
    except Exception as exc:  # noqa: BLE001 - the outline is code too; keep going without it
        frame = set()
        findings.append(_internal(doc, "outline", exc))
    rules, last = _ordered(rules)
    for k, active in enumerate(rules):
        try:
            hits = (active.rule.check(doc, active.options, context) if active.rule.takes_context
                    else active.rule.check(doc, active.options))
            for hit in hits:
                if not active.rule.frame and doc.line_at(hit.start).number in frame:
                    continue
                finding = to_finding(doc, active, hit)
                findings.append(finding)
                if hit.key is None:  # its span, not the Hit: a long draft's hits are let go as made
                    keyless.append(finding)
                    starts.append(hit.start)
                    ends.append(hit.end)
        except InputError:  # what the rule was given to read (the corpus index) is damaged: the
            raise           # document's error, not a bug of the rule
        except Exception as exc:  # noqa: BLE001 - a rule bug must not end the run
            findings.append(_internal(doc, active.rule.id, exc))
        doc.drop([name for name in READINGS if last.get(name) == k])
        release(len(doc.text))
    settle(doc, keyless, starts, ends, findings)
    release(len(doc.text))
    sort_findings(findings)
    return findings


# The last order made, for the rules it was made of (their ids, held alive by it): a run passes
# the same rules document after document.
_memo: tuple = ((), [], {})


def _ordered(rules) -> tuple[list, dict]:
    """The rules in the order they run, and for each shared reading of the text (READINGS) the
    place of the last rule that may ask for it, after which it is let go. The readers of one
    reading run together, the readers of the first first and the rules that ask for none last:
    a long draft's dates were held through the rules after them (26 MiB of a 10 MiB .docx, and
    its counts 26 more). Findings are sorted once made, so the order changes none."""
    global _memo
    rules = list(rules)
    key = tuple(map(id, rules))
    memo = _memo
    if memo[0] == key:
        return memo[1], memo[2]

    def group(active) -> int:
        reads = getattr(active.rule, "reads", None)
        if reads is None:
            return 0  # it does not say: among the first, and every reading kept until it has run
        return next((i for i, name in enumerate(READINGS) if name in reads), len(READINGS))

    ordered = sorted(rules, key=group)
    last = {}
    for k, active in enumerate(ordered):
        reads = getattr(active.rule, "reads", None)
        for name in READINGS:
            if reads is None or name in reads:
                last[name] = k
    _memo = (key, ordered, last)
    return ordered, last


def settle(doc: Document, keyless: list, starts: array, ends: array, findings) -> None:
    """Give each finding the context it will have once rectlint's own certain repairs (safe and
    unsafe, of every finding) on its lines are made: the flagged text and its surroundings,
    repaired, cut around the repaired span. A baseline keyed on it still knows the finding
    after `--fix` (or an editor) made those repairs: 台帐 → 台账 inside an accepted duplicate
    paragraph leaves the duplicate accepted. `keyless`: the findings that have no key, their
    spans at `starts` and `ends`; the repairs are those of all `findings`."""
    # A sorted list, each edit once (a set of a long draft's 90,000 edits was 4 MiB more).
    edits = sorted(edit for f in findings if f.fix is not None and f.fix.applicability in ("safe", "unsafe")
                   for edit in f.fix.edits)
    edits = [edit for k, edit in enumerate(edits) if not k or edit != edits[k - 1]]
    if not edits:
        return
    at = [a for a, _, _ in edits]
    # Only the last stretch of lines repaired is kept: each rule's findings come in the order of
    # their lines, and a long draft's repaired lines, all kept until the last finding, were the
    # peak of its whole run.
    last, line = None, None
    for finding, start, end in zip(keyless, starts, ends):
        lo, hi = doc.line_at(start).start, doc.line_at(end).end
        if (lo, hi) != last:
            inside = [(a - lo, b - lo, new) for a, b, new in edits[bisect_left(at, lo):bisect_right(at, hi)]
                      if b <= hi]
            last, line = (lo, hi), _Repaired(masked_text(doc, lo, hi), inside) if inside else None
        if line is not None:
            finding.settled = line.context(start - lo, end - lo)


class _Repaired:
    """A stretch of text with edits made (of two that overlap, the first), and where a span of
    the old text went in the new."""

    def __init__(self, text: str, edits):
        out, pos, shift = [], 0, 0
        self.applied = []  # (start, end, length of the replacement, shift before it)
        for a, b, new in edits:
            if a < pos:
                continue
            out.extend((text[pos:a], new))
            self.applied.append((a, b, len(new), shift))
            pos, shift = b, shift + len(new) - (b - a)
        out.append(text[pos:])
        self.text = "".join(out)
        self.ends = [b for _, b, _, _ in self.applied]

    def _moved(self, p: int, end: bool) -> int:
        """Where old position p lies in the new text: past every repair that ends by it (an
        insertion at p counts for a span's end, not its start); an edge inside a repaired
        stretch moves to that stretch's edge."""
        k = bisect_right(self.ends, p)
        while not end and k and self.applied[k - 1][0] == self.applied[k - 1][1] == p:
            k -= 1
        if k < len(self.applied) and self.applied[k][0] < p:  # inside the next repair
            a, _, length, shift = self.applied[k]
            return a + shift + (length if end else 0)
        if not k:
            return p
        _, b, length, shift = self.applied[k - 1]
        return p + shift + length - (b - self.applied[k - 1][0])

    def context(self, start: int, end: int) -> str:
        start, end = self._moved(start, False), self._moved(end, True)
        end = max(start, end)
        text = self.text
        return text[max(0, start - CONTEXT_CHARS):start] + "\x00" + text[start:end] + "\x00" + text[end:end + CONTEXT_CHARS]

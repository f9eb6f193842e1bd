"""Declarative wording rules (existence, substitution, consistency) defined in YAML.

Packs ship as rules/*.yaml; users add entries under `wording:` in .rectlint.yaml.
Each entry becomes a Rule of category `wording`, documented and tested from its
own summary, why and examples, like a Python rule.
"""

from __future__ import annotations

import time
from collections import Counter

import regex

from . import patterns
from .errors import ConfigError
from .finding import SEVERITIES, Fix, Hit
from .messages import CATALOGUES, said, say
from .rule import Rule

KINDS = ("existence", "substitution", "consistency")
_KEYS = {"id", "kind", "summary", "why", "summary_zh", "why_zh", "severity", "message", "swap", "tokens", "either", "examples"}
_ID = patterns.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Seconds a wording rule's own patterns may search one document. A configuration arrives in a pull
# request, and a pattern such as (a|aa)+$ takes time exponential in the line: past the limit
# the search stops and the rule says so, once.
PATTERN_SECONDS = 1.0


def _compile(pattern, where: str, line: bool):
    if not isinstance(pattern, str) or not pattern:
        raise ConfigError(said("wording.pattern-not-text", where=where, pattern=pattern))
    try:
        return patterns.line_pattern(pattern) if line else patterns.compile(pattern)
    except regex.error as exc:
        raise ConfigError(said("wording.bad-pattern", where=where, pattern=pattern, error=exc)) from None


def _doc(entry) -> str:
    lines = [entry.get("summary") or entry["id"], "", "Why: " + (entry.get("why") or "house style").strip(), ""]
    examples = entry.get("examples") or {}
    lines += [f"Bad:  {text}" for text in examples.get("bad", [])]
    lines += [f"Good: {text}" for text in examples.get("good", [])]
    return "\n".join(lines)


def _doc_zh(entry) -> str:
    """The Chinese documentation, when the entry gives summary_zh (why_zh optional)."""
    if not entry.get("summary_zh"):
        return ""
    return "\n".join([entry["summary_zh"], "", "依据：" + (entry.get("why_zh") or "本单位文风要求").strip()])


def build_rule(entry, where: str, builtin: bool = False) -> Rule:
    """A wording rule from a pack or configuration entry. A built-in pack's patterns are line
    patterns (tests/test_patterns.py checks them); a user's may read a line break, and are
    searched line by line."""
    if not isinstance(entry, dict):
        raise ConfigError(said("wording.not-mapping", where=where))
    unknown = set(entry) - _KEYS
    if unknown:
        raise ConfigError(said("wording.unknown-key", where=where, key=sorted(unknown)[0],
                               keys=", ".join(sorted(_KEYS))))
    rule_id, kind = entry.get("id"), entry.get("kind")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise ConfigError(said("wording.bad-id", where=where, id=rule_id))
    if kind not in KINDS:
        raise ConfigError(said("wording.bad-kind", where=where, id=rule_id, kinds=", ".join(KINDS)))
    severity = entry.get("severity", "warning")
    if severity not in SEVERITIES:
        raise ConfigError(said("wording.bad-severity", where=where, id=rule_id, severities=", ".join(SEVERITIES)))
    message = entry.get("message") or {}
    where = f"{where} ({rule_id})"
    _check_types(entry, message, where)
    if kind == "existence":
        tokens = entry.get("tokens")
        if not isinstance(tokens, list) or not tokens:
            raise ConfigError(said("wording.needs-tokens", where=where))
        check = _existence([_compile(t, where, builtin) for t in tokens], message)
    elif kind == "substitution":
        swap = entry.get("swap")
        if not isinstance(swap, dict) or not swap:
            raise ConfigError(said("wording.needs-swap", where=where))
        if not all(isinstance(v, str) and v for v in swap.values()):
            raise ConfigError(said("wording.empty-right", where=where))
        check = _substitution([(_compile(k, where, builtin), v) for k, v in swap.items()], message)
    else:
        either = entry.get("either")
        if not isinstance(either, list) or len(either) != 2:
            raise ConfigError(said("wording.needs-either", where=where))
        check = _consistency([_compile(e, where, builtin) for e in either], message)
    return Rule(id=rule_id, category="wording", severity=severity, options={}, choices={},
                doc=_doc(entry), check=check, source=where, doc_zh=_doc_zh(entry), reads=frozenset())


def _check_types(entry, message, where: str) -> None:
    """Every value of a wording rule has the type its key promises (a pack is user input)."""
    for key in ("summary", "why", "summary_zh", "why_zh"):
        if key in entry and not isinstance(entry[key], str):
            raise ConfigError(said("wording.not-text", where=where, key=key, value=entry[key]))
    if not isinstance(message, dict) or not all(k in CATALOGUES and isinstance(v, str) for k, v in message.items()):
        raise ConfigError(said("wording.bad-message", where=where))
    examples = entry.get("examples") or {}
    if not isinstance(examples, dict) or not all(
            k in ("bad", "good") and isinstance(v, list) and all(isinstance(t, str) for t in v)
            for k, v in examples.items()):
        raise ConfigError(said("wording.bad-examples", where=where))


def _message(own: dict, default: str, **args) -> dict:
    """The entry's own message where it gives one, the catalogue's otherwise, per language."""
    return {**say(default, **args), **own}


def _by_line(doc, pattern, lines, deadline: float) -> dict:
    """{line number: matches} of a pattern in the given lines. A configuration's pattern searches
    until `deadline` (time.monotonic) at most: past it, TimeoutError."""
    if pattern in patterns.LINE_PATTERNS:
        return doc.matches(pattern, lines)
    found = {}
    for line in lines:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        hits = list(pattern.finditer(doc.folded, line.start, line.end, timeout=left))
        if hits:
            found[line.number] = hits
    return found


def _bounded(check):
    """A wording check under PATTERN_SECONDS: a search that runs out of time is one finding of
    the rule, at the start of the document, in place of its matches."""
    def bounded(doc, options):
        try:
            hits = list(check(doc, options, time.monotonic() + PATTERN_SECONDS))
        except TimeoutError:
            hits = [Hit(0, 1, severity="error", **say("wording.timeout", seconds=f"{PATTERN_SECONDS:g}"))]
        return iter(hits)
    return bounded


def _existence(tokens, message):
    @_bounded
    def check(doc, options, deadline):
        lines = doc.body_lines()
        found = [_by_line(doc, pattern, lines, deadline) for pattern in tokens]
        for line in lines if any(found) else ():
            for by_line in found:
                for m in by_line.get(line.number, ()):
                    written = doc.text[m.start():m.end()]
                    yield Hit(m.start(), m.end(), **_message(message, "wording.existence", written=written))
    return check


def _substitution(pairs, message):
    @_bounded
    def check(doc, options, deadline):
        lines = doc.body_lines()
        found = [(_by_line(doc, pattern, lines, deadline), right) for pattern, right in pairs]
        for line in lines if any(by_line for by_line, _ in found) else ():
            for by_line, right in found:
                for m in by_line.get(line.number, ()):
                    written = doc.text[m.start():m.end()]
                    yield Hit(m.start(), m.end(),
                              **_message(message, "wording.substitution", written=written, right=right),
                              suggestion=right,
                              fix=Fix.replace(m.start(), m.end(), right, "unsafe"))
    return check


def _consistency(either, message):
    @_bounded
    def check(doc, options, deadline):
        lines = doc.body_lines()
        hits = [[m for found in _by_line(doc, p, lines, deadline).values() for m in found] for p in either]
        if not hits[0] or not hits[1]:
            return
        keep = 0 if len(hits[0]) >= len(hits[1]) else 1
        main = Counter(doc.text[m.start():m.end()] for m in hits[keep]).most_common(1)[0][0]
        for m in hits[1 - keep]:
            written = doc.text[m.start():m.end()]
            yield Hit(m.start(), m.end(),
                      **_message(message, "wording.consistency", main=main, written=written),
                      suggestion=main, fix=Fix.replace(m.start(), m.end(), main, "unsafe"))
    return check


def load_pack(path) -> list[Rule]:
    """The rules of a pack shipped as rules/*.yaml. Every run reads the built-in pack, so its parsed
    text is kept between runs (patterns.kept): a run without a configuration never imports yaml."""
    def parse(text):
        import yaml

        # libyaml's loader, where installed, reads the pack in a tenth of the time, and gives the
        # same data as the pure-Python SafeLoader.
        try:
            return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
        except yaml.YAMLError as exc:
            raise ConfigError(said("config.bad-yaml", where=path, problem=exc)) from None

    with open(path, encoding="utf-8") as handle:
        data = patterns.kept(handle.read(), "yaml", parse)
    if not isinstance(data, list):
        raise ConfigError(said("wording.not-list", path=path))
    return [build_rule(entry, f"{path}:{i + 1}", builtin=True) for i, entry in enumerate(data)]

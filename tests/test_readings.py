"""The readings of a text that rules share (Document.dates, Document.counts) are let go after the
last rule that asks for them; each rule says which it asks for (READS), and says it truly."""

from pathlib import Path

from rectlint import document
from rectlint.context import LintContext
from rectlint.document import READINGS, Document
from rectlint.engine import _ordered, run_rules
from rectlint.registry import all_rules
from rectlint.rule import Rule

ROOT = Path(__file__).resolve().parent.parent


def _texts():
    for path in sorted((ROOT / "tests" / "corpus").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "examples").glob("*.txt")):
        yield path.read_text(encoding="utf-8")


def test_every_built_in_rule_says_which_readings_it_asks_for_and_asks_for_no_other(monkeypatch):
    asked: dict = {}
    current = [None]
    for name in READINGS:
        made = document.Document.__dict__[name]

        def read(self, made=made, name=name):
            asked.setdefault(current[0], set()).add(name)
            return made.__get__(self, type(self))

        monkeypatch.setattr(document.Document, name, property(read))
    rules = all_rules()
    for text in _texts():
        doc = Document(text, "draft.txt")
        for rule in rules.values():
            current[0] = rule.id
            args = (doc, rule.options, LintContext()) if rule.takes_context else (doc, rule.options)
            list(rule.check(*args))
    for rule in rules.values():
        assert rule.reads is not None, rule.id
        assert asked.get(rule.id, set()) <= rule.reads, rule.id
    assert asked.get("date-chronology") == {"dates"} and asked.get("number-arithmetic") == {"counts"}


def _rule(rule_id, reads, check=lambda doc, options: iter(())):
    return type("Active", (), {"rule": Rule(rule_id, "date", "error", {}, {}, "", check, reads=reads),
                               "options": {}, "severity": "error"})()


def test_a_reading_is_let_go_after_its_last_reader_and_kept_for_a_rule_that_does_not_say():
    seen = []
    dated = _rule("dated", frozenset({"dates"}), lambda doc, options: iter(doc.dates.written[:0]))
    plain = _rule("plain", frozenset(), lambda doc, options: iter(seen.append("dates" in doc.__dict__) or ()))
    unsaid = _rule("unsaid", None)
    rules, last = _ordered([plain, dated, unsaid])
    assert [a.rule.id for a in rules] == ["dated", "unsaid", "plain"] and last == {"dates": 1, "counts": 1}
    assert _ordered([plain, dated, unsaid]) == (rules, last)  # the same rules again: the same order
    assert _ordered([plain, dated]) == ([dated, plain], {"dates": 0})
    doc = Document("2025年3月1日召开会议。\n", "draft.txt")
    run_rules(doc, [plain, dated])
    assert seen == [False] and "dates" not in doc.__dict__ and doc.dates.written  # read again when asked


def test_a_rule_that_is_no_last_reader_lets_nothing_go():
    outlined = _rule("outlined", frozenset(), lambda doc, options: iter(() if doc.outline else ()))
    doc = Document("关于整改情况的通报\n一、整改情况\n", "draft.txt")
    outline = doc.outline
    run_rules(doc, [outlined, outlined])
    assert doc.outline is outline

"""Record-based classes behave as the dataclasses they replace: repr, equality, hashing."""

import pickle

import pytest

from rectlint.conventions.dates import Day, Mention
from rectlint.document import Document, Line
from rectlint.kind import DocInfo


def test_repr_and_equality_follow_the_fields():
    line = Line(3, 10, 14, "整改情况")
    assert repr(line) == "Line(number=3, start=10, end=14, text='整改情况')"
    assert line == Line(3, 10, 14, "整改情况") and line != Line(3, 10, 14, "整改结果")
    assert line != (3, 10, 14, "整改情况")  # another type is never equal
    assert DocInfo("inspection", "complete").reasons == []
    assert DocInfo("inspection", "complete").reasons is not DocInfo("inspection", "complete").reasons
    with pytest.raises(TypeError):
        hash(Mention(0, 9, 2025, 3, 1))  # mutable records are unhashable, as mutable dataclasses are


def test_a_day_is_a_value():
    assert Day(2025, 3) == Day(2025, 3, None) and len({Day(2025, 3, 1), Day(2025, 3, 1)}) == 1
    with pytest.raises(AttributeError):
        Day(2025, 3).day = 4


def test_headings_are_compared_by_identity_and_shown_without_recursion():
    doc = Document("关于巡察整改情况的通报\n一、整改落实情况\n（一）问题一\n整改结果：已完成。\n")
    section = doc.outline.root.children[0]
    assert section == section and section != doc.outline.root and len({section, section.children[0]}) == 2
    assert repr(section).startswith("Heading(line=Line(number=2")


def test_lines_pickle_as_they_are():
    line = Line(1, 0, 4, "整改情况")
    copy = pickle.loads(pickle.dumps(line))
    assert copy == line and copy.blank is False


def test_every_record_shows_and_compares_what_it_is_made_of():
    import importlib
    import inspect
    import pkgutil

    import rectlint
    from rectlint.record import FrozenRecord, Record

    for info in pkgutil.walk_packages(rectlint.__path__, "rectlint."):
        if not info.name.startswith(("rectlint.serve", "rectlint.docx", "rectlint.rules", "rectlint.__main__")):
            importlib.import_module(info.name)
    classes = [c for c in (*Record.__subclasses__(), *FrozenRecord.__subclasses__()) if c is not FrozenRecord]
    assert len(classes) >= 23
    for cls in classes:
        made_of = [name for name in inspect.signature(cls.__init__).parameters if name != "self"]
        if cls.__name__ == "Heading":  # shown without its parent (which would recurse), with its status
            made_of = [name for name in made_of if name != "parent"] + ["status"]
        if cls.__name__ == "Paragraph":  # made of where its lines stand in its document's, shown by them
            made_of = ["start", "end", "lines"]
        if cls.__name__ == "HeldLine":  # made of where it stands among its document's lines, shown as a Line
            made_of = ["number", "start", "end", "text"]
        if cls.__name__ == "DocumentResult":  # its finding filter is not shown, as the dataclass had it
            made_of.remove("keep")
        assert list(cls.FIELDS) == made_of, cls


def test_replace_copies_what_init_takes_even_when_it_is_not_shown():
    from rectlint.api import Linter
    from rectlint.record import replace

    item = Linter(ignore=["date-style"]).lint_text("2025年2月30日召开专题会议。", "draft.txt")
    copy = replace(item, path="other.txt")
    assert copy.path == "other.txt" and copy.keep is item.keep and copy.findings is item.findings


def test_frozen_records_are_values_that_pickle_and_replace():
    from rectlint.context import LintContext
    from rectlint.finding import Fix
    from rectlint.record import replace

    fix = Fix([(0, 1, "，")], "unsafe")
    assert fix.edits == ((0, 1, "，"),) and pickle.loads(pickle.dumps(fix)) == fix
    assert hash(fix) == hash(Fix(((0, 1, "，"),), "unsafe"))
    with pytest.raises(AttributeError):
        fix.applicability = "safe"
    with pytest.raises(ValueError):
        Fix([], "maybe")
    context = LintContext(kind="audit")
    assert replace(context, kind="inspection") == LintContext(kind="inspection") and context.kind == "audit"
    match context:
        case LintContext(as_of, kind):
            assert (as_of, kind) == (None, "audit")

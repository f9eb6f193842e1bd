"""Domain knowledge lives in one place: every status word, label and range joiner that code
matches on is spelled in one module of rectlint.conventions, and the engine never imports
from rules/.

Docstrings and the messages a rule prints may quote the words; patterns may not.
"""

import ast
from pathlib import Path

import pytest
import regex

from rectlint.conventions import status

ROOT = Path(__file__).resolve().parent.parent
# The message catalogues hold nothing but messages.
CODE = sorted({*ROOT.glob("lint/**/*.py"), *ROOT.glob("rules/*.py")} - {*ROOT.glob("lint/messages/*.py")})
MESSAGE_KEYWORDS = {"zh", "en", "suggestion"}


def _pattern_strings(path: Path):
    """String constants that code matches on: not docstrings, not messages."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
        if isinstance(node, ast.keyword) and node.arg in MESSAGE_KEYWORDS:
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.JoinedStr) and not _is_pattern(node):
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "expanduser":
            skip.update(id(n) for n in ast.walk(node))  # "~" there is the home folder
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip \
                and not _is_prose(node.value):
            yield node.lineno, node.value


def _is_pattern(node) -> bool:
    """An f-string builds a pattern when its text has regex syntax; otherwise it is a message."""
    text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
    return any(mark in text for mark in ("(?", "[", "\\", "|"))


def _is_prose(text: str) -> bool:
    # Patterns read folded text, which has no full-width comma, colon or bracket; a Chinese
    # message quotes the word it names (缺少“至”), an English one is words and spaces.
    return (any(mark in text for mark in "，：（）") or regex.search(r"“[^”\[\]]{1,8}”", text) is not None
            or regex.search(r"[a-z]{2,} [a-z]{2,} ", text) is not None)


def _where(term, home, pattern=None):
    found = []
    for path in CODE:
        if path.name == "__init__.py" and not path.read_text(encoding="utf-8").strip():
            continue
        rel = path.relative_to(ROOT).as_posix()
        if rel == home:
            continue
        found += [f"{rel}:{line}" for line, text in _pattern_strings(path)
                  if (pattern.search(text) if pattern else term in text)]
    return found


# "完成" alone is too common a word (完成率, 前完成) to own; the terms that name a status are.
WORDS = sorted(t for t in status.VOCABULARY if len(t) > 2)
# A label is a word before a colon (整改结果：); 整改情况 in a title is not one.
LABELS = sorted({*status.MEASURE_LABELS, *status.STATUS_LABELS})


@pytest.mark.parametrize("term", WORDS)
def test_status_words_are_spelled_in_conventions_status_only(term):
    assert _where(term, "lint/conventions/status.py") == []


@pytest.mark.parametrize("label", LABELS)
def test_status_labels_are_spelled_in_conventions_status_only(label):
    assert _where(label, "lint/conventions/status.py", regex.compile(label + r".{0,12}[:：]")) == []


@pytest.mark.parametrize("joiner", ["至", "～", "~"])
def test_range_joiners_are_spelled_in_conventions_dates_only(joiner):
    # 截至 (up to) is a word of its own, not a joiner.
    assert _where(joiner, "lint/conventions/dates.py", regex.compile(rf"(?<!截){joiner}")) == []


def test_the_engine_never_imports_from_rules():
    # The registry finds the rules by walking the package; nothing else reaches into it.
    for path in set(ROOT.glob("lint/**/*.py")) - {ROOT / "lint/registry.py"}:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith(("rectlint.rules", "rules")), path
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("rectlint.rules") for a in node.names), path


def test_rules_get_the_run_through_a_declared_context_not_a_settings_bag():
    for path in CODE:
        assert not regex.search(r"\.settings\b|getattr\(\w+, \"settings", path.read_text(encoding="utf-8")), path


def test_every_citation_of_the_conventions_document_resolves():
    doc = (ROOT / "docs" / "conventions.md").read_text(encoding="utf-8")
    anchors = {regex.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-")
               for h in regex.findall(r"^#+ (.+)$", doc, flags=regex.M)}
    for path in CODE:
        text = path.read_text(encoding="utf-8")
        assert "domain.md" not in text, f"{path} cites a file outside the repository"
        for anchor in regex.findall(r"docs/conventions\.md#([\w-]+)", text):
            assert anchor in anchors, f"{path}: no section #{anchor}"


def test_fingerprint_classes_are_exactly_the_characters_python_calls_alnum_and_digit():
    # normalise() scans with two patterns instead of asking str.isalnum()/isdigit() of each
    # character; they must agree on every code point this Python's Unicode data assigns.
    import unicodedata

    from rectlint.conventions import fingerprint

    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) == "Cn":
            continue
        assert ch.isalnum() == bool(fingerprint._TOKEN.fullmatch(ch) and ch not in "《》"), hex(cp)
        assert ch.isdigit() == bool(fingerprint._DIGIT.match(ch)), hex(cp)
        assert not (ch.isdigit() and ch.isalpha()), hex(cp)  # _zero_digits skips alphabetic text
        assert bool(fingerprint._TOKEN.fullmatch(ch)) == bool(fingerprint._WORD.fullmatch(ch) or ch in "《》"), hex(cp)


def test_every_heading_and_broken_marker_starts_with_a_marker_start():
    # MARKER_START is the cheap test the outline makes before reading a line's marker.
    import random

    from rectlint.conventions.markers import MARKER_START, near_miss, read_heading, starts_like_marker

    wants = [("", "二", "、"), ("(", "二", ")"), ("", "2", "."), ("", "2", ")"), ("问题", "二", ":"),
             ("问题", "2", ":"), ("第", "二", ","), ("", "②", ""), ("", "二", "是")]
    rng = random.Random(5)
    alphabet = "一二三四五六七八九十0123456789()、.:,;问题第关于是个年月“\"《台账不规范①②⑴ 反馈存在"
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12)))
        if read_heading(text, 0, len(text)) or any(near_miss(text, 0, len(text), w, True) for w in wants):
            assert MARKER_START.match(text), text
        assert starts_like_marker(text, 0) == bool(MARKER_START.match(text)), text


def test_month_days_are_the_calendars():
    import calendar

    from rectlint.conventions.dates import month_days

    assert all(month_days(year, month) == calendar.monthrange(year, month)[1]
               for year in range(1, 3001) for month in range(1, 13))
    assert month_days(None, 2) == 29 and month_days(None, 4) == 30


@pytest.mark.parametrize("text,want,what,end", [
    ("(二台账", ("(", "二", ")"), "lost-close", 2),
    ("二)台账", ("(", "二", ")"), "lost-open", 2),
    (")台账", ("(", "二", ")"), "lost-numeral", 1),
    ("二台账", ("(", "二", ")"), "glued", 1),
    ("(二二)台账", ("(", "二", ")"), "doubled", 4),
    ("二()台账", ("(", "二", ")"), "swapped", 3),
    ("((二)台账", ("(", "二", ")"), "doubled", 4),
    ("、(二)台账", ("(", "二", ")"), "stray", 4),
    ("三一下一步工作", ("", "三", "、"), "wrong", 2),
    ("问题二台账不规范", ("问题", "二", ":"), "lost-mark", 3),
    ("二推行电子台账", ("", "二", "是"), "lost-mark", 1),
    ("二推是行电子台账", ("", "二", "是"), "swapped", 3),
    ("2三救能力不强", ("", "2", ")"), "lost-close", 1),
])
def test_a_slip_of_the_expected_marker_is_read_as_it(text, want, what, end):
    from rectlint.conventions.markers import near_miss

    read = near_miss(text, 0, len(text), want, short=True)
    assert (read.what, read.end) == (what, end)


@pytest.mark.parametrize("text,want", [
    ("三个方面问题整改到位", ("", "三", "、")), ("三年来无新增问题", ("", "三", "是")),
    ("3家单位完成整改", ("", "3", ".")), ("12月召开会议", ("", "1", ".")),
    ("一定期开展检查", ("", "一", "是")), ("第三批党员已发展", ("第", "三", ",")),
    ("三会一课制度执行到位", ("(", "三", ")")), ("是否存在问题", ("", "二", "是")),
    ("(二)、组织领导", ("(", "二", ")")),
])
def test_quantities_names_and_words_are_no_slips(text, want):
    from rectlint.conventions.markers import near_miss

    assert near_miss(text, 0, len(text), want, short=True) is None


@pytest.mark.parametrize("text", ["市委第三、第五巡察组", "第四、五巡察组", "巡察一组", "十届区委第三轮巡察一组", "十四五",
                                  "第一书记", "第一时间", "第二批", "一把手", "“一岗双责”", "三重一大", "统一是非",
                                  "之一是", "独一无二是"])
def test_ordinals_in_names_and_words_are_no_markers(text):
    from rectlint.conventions.markers import read_inline
    from rectlint.text import fold

    folded = fold("，" + text)
    assert all(read_inline(folded, i, len(folded), 1) is None for i in range(1, len(folded)))


def test_group_conventions():
    from types import SimpleNamespace

    from rectlint.conventions.markers import group_faults

    def groups(*numbers, tops=None):
        out = []
        for i, run in enumerate(numbers):
            out.append([SimpleNamespace(number=n, last=n, top=(tops or [0] * len(numbers))[i]) for n in run])
        return out

    def faults(gs):
        return [(h.number, want, kind) for h, want, kind in group_faults(gs, lambda g: g[0].top)]

    assert faults(groups([1, 2], [1, 2], [1])) == []  # restart under each parent
    assert faults(groups([1, 2], [3, 4], [5])) == []  # run on
    assert faults(groups([1, 2], [3], [1, 2], tops=[0, 0, 1])) == []  # run on within a section
    assert faults(groups([1, 2], [1, 2], [3])) == [(3, 1, "skips")]
    assert faults(groups([1, 3], [1])) == [(3, 2, "skips")]
    assert faults(groups([2], [3])) == [(2, 1, "skips")]

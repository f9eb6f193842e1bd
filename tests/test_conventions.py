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
        if rel in ((home,) if isinstance(home, str) else home):
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


DATE_MODULES = ("lint/conventions/dates.py", "lint/conventions/date_grammar.py", "lint/conventions/date_repair.py",
                "lint/conventions/chronology.py")


@pytest.mark.parametrize("joiner", ["至", "～", "~"])
def test_range_joiners_are_spelled_in_the_date_conventions_only(joiner):
    # 截至 (up to) is a word of its own, not a joiner; so are 寄至, 发至, 送至, 邮件至 (send to).
    assert _where(joiner, DATE_MODULES, regex.compile(rf"(?<![截寄发送件]){joiner}")) == []


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


# -- the date grammar ---------------------------------------------------------------------------

def _doc(text):
    from rectlint.document import Document

    return Document(text)


def test_mentions_in_gives_each_end_of_a_range_with_what_it_leaves_out_carried():
    from rectlint.conventions.dates import carry_years, mentions_in, to_date

    text = "2025年3月10日至12日开展巡察，2025年4—10月整改，7月8日反馈。"
    found = carry_years(mentions_in(_doc(text), 0, len(text)))
    assert [(m.year, m.month, m.day) for m in found] == [
        (2025, 3, 10), (2025, 3, 12), (2025, 4, None), (2025, 10, None), (2025, 7, 8)]
    assert to_date(found[1]).isoformat() == "2025-03-12"


def test_mentions_repaired_reads_a_broken_date_with_one_repair_as_that_repair():
    from rectlint.conventions.dates import mentions_repaired

    text = "2025年3月，于2025324日进驻，2025112召开会议。"
    got = [(m.year, m.month, m.day) for m in mentions_repaired(_doc(text), 0, len(text))]
    assert got == [(2025, 3, None), (2025, 3, 24)]  # 2025112 has two readings: none is taken


def test_the_chronology_names_each_date_by_its_place_and_words():
    from rectlint.conventions.chronology import read_chronology

    text = ("关于巡察整改进展情况的通报\n\n2025年3月3日至4月30日，巡察组开展巡察。2025年6月3日，巡察组反馈了意见。\n\n"
            "一、整改情况\n\n截至2025年10月15日，已完成3个。预计2026年3月前完成。2025年7月10日召开会议。\n\n"
            "中共某局党组\n2025年10月20日\n")
    chron = read_chronology(_doc(text))
    assert [d.role for d in chron.dated] == ["inspection", "feedback", "counted", "plan", "done", "signed"]
    assert chron.notice.isoformat() == "2025-10-20"


# Properties: every well-formed date is quiet, and every unit doubled or lost is found.

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@st.composite
def written_dates(draw):
    from rectlint.conventions.dates import month_days

    year = draw(st.integers(2000, 2030))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, month_days(year, month)))
    form = draw(st.sampled_from(["ymd", "ym", "md", "range-md", "range-d", "range-m"]))
    if form == "ymd":
        return f"{year}年{month}月{day}日"
    if form == "ym":
        return f"{year}年{month}月"
    if form == "md":
        return f"{month}月{day}日"
    if form == "range-d" and day < month_days(year, month):
        end = draw(st.integers(day + 1, month_days(year, month)))
        return f"{year}年{month}月{day}日{draw(st.sampled_from(['至', '—', '～', '到']))}{end}日"
    if form == "range-m" and month < 12:
        return f"{year}年{month}月至{draw(st.integers(month + 1, 12))}月"
    if month < 12:
        end = draw(st.integers(month + 1, 12))
        return f"{year}年{month}月{day}日至{end}月{min(day, month_days(year, end))}日"
    return f"{year}年{month}月{day}日"


DATE_RULES = ("broken-date", "invalid-date", "date-style", "date-range-order", "date-chronology")
_DATE_LINTER = []


def _date_findings(text):
    """The date rules' findings on a text (one Linter for every example: they are many)."""
    if not _DATE_LINTER:
        from rectlint.api import Linter
        from rectlint.config import Config

        _DATE_LINTER.append(Linter(Config(), list(DATE_RULES)))
    return _DATE_LINTER[0].lint_text(text, "draft.txt", "txt").findings


@settings(max_examples=100, deadline=None)
@given(written_dates(), st.sampled_from(["于{}召开会议。", "{}，巡察组进驻。", "截至{}，已完成3项。"]))
def test_every_well_formed_date_is_quiet(date, sentence):
    if sentence.startswith("截至") and any(j in date for j in "至—～到"):
        sentence = "于{}召开会议。"  # 截至 takes a point in time, not a range
    text = sentence.format(date)
    assert [f.rule for f in _date_findings(text)] == [], text


@settings(max_examples=100, deadline=None)
@given(written_dates(), st.data())
def test_a_unit_doubled_or_lost_is_found_where_it_was(date, data):
    units = [i for i, ch in enumerate(date) if ch in "年月日"]
    i = data.draw(st.sampled_from(units))
    # A unit lost between two numbers of the first date glues them (2025年3月 → 20253月); one lost
    # elsewhere may leave another date (1月1日 → 11日, 至2月1日 → 至21日, 2025年1至2月).
    first = min([date.find(j) for j in "至—～到" if j in date] or [len(date)])
    loses = "年" in date and i < first and i + 1 < len(date) and date[i + 1].isdigit()
    how = data.draw(st.sampled_from(["double", "lose"] if loses else ["double"]))
    broken = date[:i] + date[i] + date[i:] if how == "double" else date[:i] + date[i + 1:]
    text = f"于{broken}召开会议。"
    found = [f for f in _date_findings(text) if f.severity != "info"]
    assert found and all(1 <= f.column <= len(broken) + 2 for f in found), text


_FIELDS = st.sampled_from(["", "2025年", "1999年"]), st.sampled_from(["", "2月", "12月", "13月", "03月"]), \
    st.sampled_from(["", "9日", "29日", "30日", "31日", "0日"])


@settings(max_examples=300, deadline=None)
@given(st.tuples(*_FIELDS), st.sampled_from(["", "至", "—", "-", "～"]), st.tuples(*_FIELDS))
def test_the_fast_reading_of_the_commonest_shapes_is_the_parsers(start, joiner, end):
    from rectlint.conventions import date_grammar as g

    from rectlint.text import fold

    text = fold("".join(start) + (joiner + "".join(end) if joiner else ""))  # rules read folded text
    if not text:
        return
    fast = g._fast(text, 0, len(text))
    if fast is None:
        return
    slow = g.parse(g.tokens(text, 0, len(text)), text)  # the fast reading is a parse: no Bad here

    def shape(w):
        return (w.start, w.end, w.joiner, sorted(w.notes), [(p.year, p.month, p.day, p.units, p.start, p.end,
                                                            sorted(p.digits.items())) for p in w.pieces],
                [(w.pieces.index(p), what) for p, what in w.invalid])

    assert shape(fast) == shape(slow), text


# -- the status grammar (docs/conventions.md#status) ---------------------------------------------

SUBJECTS = ["", "该问题", "此项", "该项整改", "这一问题", "上述问题", "目前，该问题", "截至目前，此项"]
DONE = ["已完成", "已完成整改", "已整改完成", "已整改到位", "已整改完毕", "已办结", "已销号", "已全部整改到位",
        "已整改", "已解决", "已落实到位"]
OPEN = [("基本完成", "partial"), ("已阶段性完成整改", "partial"), ("初步完成", "partial"),
        ("正在整改", "ongoing"), ("正在持续整改中", "ongoing"), ("正持续推进", "ongoing"), ("整改中", "ongoing"),
        ("按期推进中", "ongoing"), ("持续办理中", "ongoing"), ("计划于2026年6月底前完成", "ongoing"),
        ("需长期坚持", "long"), ("尚未完成", "not")]


@pytest.mark.parametrize("subject", SUBJECTS)
@pytest.mark.parametrize("done", DONE)
def test_every_subject_with_every_done_predicate_reads_as_done(subject, done):
    reading = status.read(subject + done)
    assert reading is not None and reading.klass == "done" and reading.term == "已完成整改"
    assert status.is_complete(subject + done, status.COMPLETE)


@pytest.mark.parametrize("subject", SUBJECTS[:4])
@pytest.mark.parametrize("words,klass", OPEN)
def test_open_statuses_read_with_their_class(subject, words, klass):
    reading = status.read(subject + words)
    assert reading is not None and reading.klass == klass
    assert not status.is_complete(subject + words, status.COMPLETE)


@pytest.mark.parametrize("words", ["已完成整改，需长期坚持", "已基本完成整改，需长期坚持", "阶段性完成，计划于2026年6月底前全面完成",
                                   "目前该问题正持续推进，首期培训计划于2026年3月底前完成"])
def test_continuations_read(words):
    reading = status.read(words)
    assert reading is not None and reading.plan is None


@pytest.mark.parametrize("words", ["已完成，计划于2026年3月底前完成招聘", "已完成整改，正在推进", "已办结，尚未销号"])
def test_done_with_a_plan_reads_as_a_contradiction(words):
    reading = status.read(words)
    assert reading is not None and reading.klass == "done" and reading.plan is not None


@pytest.mark.parametrize("words", ["已完整改", "已完", "已已完成", "该问已完成整改", "已完成，整改", "正整改", "已完结", "已成完整改"])
def test_garbled_statuses(words):
    assert status.read(words) is None and status.garbled(words)


@pytest.mark.parametrize("words", ["已建立台账", "已完成资产清查", "整改", "问题", "一是建立台账", "持续推进制度建设"])
def test_measures_are_neither_statuses_nor_garbled_ones(words):
    assert status.read(words) is None and not status.garbled(words)


@pytest.mark.parametrize("words", ["已成", "正整改", "此项需长期坚", "按推进中", "已经完", "此项已完"])
def test_near_misses_of_a_status(words):
    assert status.read(words) is None and status.nearly(words)


@pytest.mark.parametrize("words", ["全面整改", "全面落实", "按时完成", "整改落实", "立即整改", "此项工作", "已完成"])
def test_measure_verbs_and_whole_statuses_are_no_near_misses(words):
    assert not status.nearly(words)


def test_terms_name_the_vocabulary_terms_a_status_stands_for():
    assert "正在整改" in status.terms("持续推进") and "持续整改" in status.terms("正在整改")
    assert status.terms("已完成整改，长期坚持")[0] == "已完成整改" and "长期坚持" in status.terms("已完成整改，长期坚持")
    assert status.terms("已完结") == ["已完结"]
    assert status.in_vocabulary("已整改完毕", ["已完成整改"]) and not status.in_vocabulary("已整改完毕", ["正在整改"])


def test_every_reading_stands_for_a_term_of_the_vocabulary():
    for words in DONE + [w for w, _ in OPEN]:
        assert status.read(words).term in status.VOCABULARY


def test_full_and_half_width_marks_read_alike():
    assert status.read("此项已基本完成整改，需长期坚持") == status.read("此项已基本完成整改,需长期坚持")


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

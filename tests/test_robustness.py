"""Whatever the input, no exception escapes; a crashing rule is contained."""

import string

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectlint.api import Linter
from rectlint.config import ActiveRule, Config, active_rules
from rectlint.decode import decode
from rectlint.document import Document
from rectlint.engine import run_rules
from rectlint.errors import InputError
from rectlint.rule import Rule

from notice_strategy import notices

# Text drawn mostly from the characters notices are made of, so rules' patterns are exercised.
NOTICE_CHARS = ("一二三四五六七八九十是第年月日至—～（）()【】《》“”、，。；：:;,."
                "整改情况结果已完成阶段性正在巡察组通报关于某XX×\n\r\t \u3000\u00a0" + string.digits)
notice_text = st.text(alphabet=st.sampled_from(NOTICE_CHARS), max_size=400)
LINTER = Linter(Config())


def lint_all(text, kind="txt"):
    return LINTER.lint_text(text, "p.txt", kind).findings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(notice_text, st.text(max_size=300)), st.sampled_from(["txt", "md"]))
def test_any_text_lints_without_internal_errors(text, kind):
    findings = lint_all(text, kind)
    assert not [f for f in findings if f.category == "internal"], findings
    for f in findings:
        assert 1 <= f.line <= f.end_line
        assert f.column >= 1


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_either_decode_or_raise_input_error(data):
    try:
        decoded = decode(data, "x.txt")
    except InputError:
        return
    lint_all(decoded.text)


def test_a_crashing_rule_becomes_one_internal_finding_and_others_still_run():
    def boom(doc, options):
        yield from ()
        raise RuntimeError("bad rule")

    broken = Rule("boom", "punctuation", "warning", {}, {}, "doc", boom)
    doc = Document("学习《条例\n", "p.txt")
    findings = run_rules(doc, [ActiveRule(broken, "warning", {}), *active_rules(Config(), ["paired-punctuation"])])
    internal = [f for f in findings if f.category == "internal"]
    assert len(internal) == 1 and internal[0].rule == "boom" and "bad rule" in internal[0].en
    assert any(f.rule == "paired-punctuation" for f in findings)


# -- crashes found by attacking rectlint, each now a regression test ---------------------------

def test_heading_numbers_of_a_hundred_and_more_do_not_crash(tmp_path):
    from conftest import run_cli
    draft = tmp_path / "d.txt"
    draft.write_text("关于巡察整改情况的通报\n\n一、整改\n\n99.整改\n\n100.整改\n\n1.整改\n", encoding="utf-8")
    result = run_cli(draft, "--format", "json")
    assert b"internal" not in result.stdout and result.returncode in (0, 1)


def test_int_to_cn_writes_every_ordinal():
    from rectlint.text import int_to_cn
    assert [int_to_cn(n) for n in (10, 19, 100, 105, 110, 999, 1010)] == [
        "十", "十九", "一百", "一百零五", "一百一十", "九百九十九", "一千零一十"]


def test_a_datetime_as_of_in_the_config_is_its_day(tmp_path):
    from conftest import EXAMPLES, run_cli
    (tmp_path / ".rectlint.yaml").write_text("as-of: 2025-12-31 10:00:00\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text((EXAMPLES / "clean-notice.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = run_cli(draft, "--format", "json")
    assert result.returncode == 0 and b"internal" not in result.stdout


@pytest.mark.parametrize("entry", [
    "{id: a-b, kind: existence, tokens: [1, 2]}",
    "{id: a-b, kind: substitution, swap: {x: 3}}",
    "{id: a-b, kind: consistency, either: [x, 2]}",
    "{id: a-b, kind: existence, tokens: [x], message: {zh: 1}}",
    "{id: a-b, kind: existence, tokens: [x], examples: {bad: x}}",
    "{id: a-b, kind: existence, tokens: [x], summary: [1]}",
])
def test_wording_entries_of_the_wrong_type_are_config_errors(tmp_path, entry):
    from conftest import run_cli
    (tmp_path / ".rectlint.yaml").write_text(f"wording:\n  - {entry}\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("整改情况。\n", encoding="utf-8")
    result = run_cli(draft)
    assert result.returncode == 2 and b"Traceback" not in result.stderr and b"internal" not in result.stderr


@pytest.mark.parametrize("page", [
    "<html><head><title>通报</title><body><p>组织学习《条例，提升水平。</p>",  # </head> implied
    "<head><meta charset=utf-8><p>组织学习《条例，提升水平。</p>",
    "<p>一、整改</p><svg><g><p>组织学习《条例，提升水平。</p>",  # unclosed foreign content
    "<p>一、整改</p><script>var x = 1;<p>组织学习《条例，提升水平。</p>",  # unclosed script
])
def test_pages_with_implied_or_unclosed_elements_yield_their_text(tmp_path, page):
    from conftest import run_cli
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    result = run_cli(path, "--format", "json")
    assert result.returncode == 1
    assert "paired-punctuation" in {f["rule"] for f in __import__("json").loads(result.stdout)}


def test_a_page_without_text_is_an_input_error(tmp_path):
    from conftest import run_cli
    path = tmp_path / "p.html"
    path.write_text("<html><head><script>var x;</script></head><body><img src=a.png></body></html>",
                    encoding="utf-8")
    result = run_cli(path)
    assert result.returncode == 2 and "网页中没有可检查的正文" in result.stderr.decode("utf-8")
    assert b"shows no text" in run_cli(path, "--lang", "en").stderr


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notices())
def test_structured_notices_lint_without_internal_errors_and_safe_fixes_converge(text):
    findings = lint_all(text)
    assert not [f for f in findings if f.category == "internal"], [f.zh for f in findings if f.category == "internal"]
    assert converge(text) is not None


def converge(text, passes=5):
    """Apply the safe fixes until none is left; the fixed text, or None when they do not converge."""
    from rectlint.fixes import apply_edits, chosen_edits
    for _ in range(passes):
        edits = chosen_edits(lint_all(text), unsafe=False)
        new, _ = apply_edits(text, edits)
        if new == text:
            return text
        text = new
    return None

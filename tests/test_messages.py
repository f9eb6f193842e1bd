"""One message catalogue per language: the same ids, the same placeholders, all of them used,
and no built-in rule writing its messages inline."""

import ast
import string
from pathlib import Path

import pytest

from rectlint.messages import CATALOGUES, Phrase, phrase, say, text

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted({*ROOT.glob("lint/**/*.py"), *ROOT.glob("rules/*.py")} - {*ROOT.glob("lint/messages/*.py")})


def _placeholders(template: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_both_catalogues_have_the_same_ids():
    zh, en = CATALOGUES["zh"], CATALOGUES["en"]
    assert sorted(set(zh) - set(en)) == [], "missing in en.py"
    assert sorted(set(en) - set(zh)) == [], "missing in zh.py"


@pytest.mark.parametrize("message_id", sorted(CATALOGUES["zh"]))
def test_a_message_has_the_same_placeholders_in_both_languages(message_id):
    assert _placeholders(CATALOGUES["zh"][message_id]) == _placeholders(CATALOGUES["en"][message_id])


def _string_constants():
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield node.value


def test_every_message_is_used():
    """An id is written out where it is said, or its family ("broken-date.what.") is."""
    used = set(_string_constants())
    unused = [message_id for message_id in CATALOGUES["zh"]
              if message_id not in used and message_id.rsplit(".", 1)[0] + "." not in used]
    assert unused == []


def test_built_in_rules_take_their_messages_from_the_catalogue():
    for path in sorted(ROOT.glob("rules/*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword):
                assert node.arg not in ("zh", "en"), f"{path.name}:{node.lineno} writes a message inline"


def test_lists_are_joined_by_the_placeholders_separator_and_phrases_follow_the_language():
    missing = ["一是", phrase("inline-enumeration.range", first="三是", last="六是")]
    said = say("inline-enumeration.late-start", first="七是", missing=missing)
    assert said["zh"] == "段内序号从“七是”开始，缺少“一是”“三是至六是”"
    assert said["en"] == "enumeration starts at 七是; 一是, 三是 to 六是 missing"


def test_a_phrase_cannot_be_formatted_outside_a_message():
    with pytest.raises(TypeError):
        format(Phrase("report.finding", {}), "")


def test_text_defaults_to_chinese_for_any_language_but_english():
    assert text("severity.error", "fr") == text("severity.error") == "错误"
    assert text("severity.error", "en") == "error"


def test_an_unreadable_input_is_one_line_in_the_readers_language_and_english_to_the_library(tmp_path):
    import pickle

    from conftest import run_cli
    from rectlint.api import Linter
    from rectlint.messages import Said, in_language

    for i in range(4):  # enough files for worker processes
        (tmp_path / f"{i}.txt").write_text("组织学习《条例》，提升水平。\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    for jobs in ("1", "2"):
        result = run_cli(tmp_path, "-j", jobs, "--no-cache")
        assert "bad.txt：二进制数据，不是文本文稿" in result.stderr.decode("utf-8"), jobs
        assert b"binary data" in run_cli(tmp_path, "-j", jobs, "--no-cache", "--lang", "en").stderr
    sarif = run_cli(tmp_path, "--format", "sarif", "--no-cache").stdout.decode("utf-8")
    assert "二进制数据" in sarif
    (error,) = Linter().lint_paths([str(tmp_path / "bad.txt")]).errors
    assert error.endswith("binary data, not a text draft") and isinstance(error, Said)
    assert in_language(pickle.loads(pickle.dumps(error)), "zh").endswith("二进制数据，不是文本文稿")


def test_an_error_in_a_configuration_is_told_in_the_language_that_file_asks_for(tmp_path):
    from conftest import run_cli

    (tmp_path / "notice.txt").write_text("关于巡察整改进展情况的通报\n", encoding="utf-8")
    (tmp_path / ".rectlint.yaml").write_text("lang: en\nselct: [date]\n", encoding="utf-8")
    said = run_cli("notice.txt", cwd=tmp_path)
    assert said.returncode == 2 and b"unknown key 'selct'" in said.stderr
    assert "未知".encode() in run_cli("--lang", "zh", "notice.txt", cwd=tmp_path).stderr  # --lang wins
    (tmp_path / ".rectlint.yaml").write_text("selct: [date]\n", encoding="utf-8")
    assert "未知".encode() in run_cli("notice.txt", cwd=tmp_path).stderr  # Chinese by default

"""Wording rules: the shipped pack's own examples, and user rules in .rectlint.yaml."""

import json

import pytest

from rectlint.api import Linter
from rectlint.config import ConfigError, load_config

from conftest import run_cli


def lint_with(cfg, text):
    return Linter(cfg, ["wording"]).lint_text(text, "d.txt").findings


def write(tmp_path, text):
    path = tmp_path / ".rectlint.yaml"
    path.write_text(text, encoding="utf-8")
    return path


USER = """
wording:
  - id: wo-zhongxin
    kind: consistency
    summary: one name for ourselves
    why: a notice speaks of its own body one way
    either: ["我中心", "我院"]
    examples:
      bad: ["我中心成立小组，我院制定方案。"]
      good: ["我中心成立小组，我中心制定方案。"]
  - id: no-jiben
    kind: existence
    severity: info
    tokens: ["基本上"]
  - id: zhengzhi
    kind: substitution
    swap: {"整治到位": "整改到位"}
rules:
  no-jiben:
    severity: warning
"""


def test_user_wording_rules_from_config(tmp_path):
    cfg = load_config(write(tmp_path, USER))
    found = lint_with(cfg, "我中心成立小组，我院制定方案，基本上整治到位，我中心跟踪。")
    by_rule = {f.rule: f for f in found}
    assert by_rule["wo-zhongxin"].suggestion == "我中心"
    assert by_rule["no-jiben"].severity == "warning"
    assert by_rule["zhengzhi"].suggestion == "整改到位"


def test_user_wording_rule_runs_from_the_command_line(tmp_path):
    write(tmp_path, USER)
    draft = tmp_path / "d.txt"
    draft.write_text("问题已整治到位。\n", encoding="utf-8")
    found = json.loads(run_cli(draft, "--format", "json", "--select", "zhengzhi").stdout)
    assert [f["rule"] for f in found] == ["zhengzhi"]


@pytest.mark.parametrize("text,words", [
    ("wording:\n  - id: Bad_Id\n    kind: existence\n    tokens: [a]\n", "kebab-case"),
    ("wording:\n  - id: a\n    kind: maybe\n", "kind must be one of"),
    ("wording:\n  - id: a\n    kind: existence\n", "list of tokens"),
    ("wording:\n  - id: a\n    kind: substitution\n    swap: {'(': b}\n", "bad pattern"),
    ("wording:\n  - id: taizhang\n    kind: existence\n    tokens: [a]\n", "already taken"),
    ("wording:\n  - id: a\n    kind: existence\n    tokens: [a]\n    colour: red\n", "unknown key"),
])
def test_bad_wording_rules_name_file_and_line(tmp_path, text, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert str(info.value).startswith(f"{path}:2") and words in str(info.value)

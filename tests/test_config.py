import pytest

from rectlint.config import active_rules, find_config, load_config
from rectlint.errors import ConfigError, UsageError
from rectlint.registry import all_rules


def write(tmp_path, text, name=".rectlint.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text,line,words", [
    ("selct: [date]\n", 1, "unknown key 'selct'"),
    ("select: [date]\nrules:\n  no-such-rule: {}\n", 3, "unknown rule 'no-such-rule'"),
    ("rules:\n  paired-punctuation:\n    severity: fatal\n", 3, "severity must be one of"),
    ("rules:\n  paired-punctuation:\n    colour: red\n", 3, "has no option 'colour'"),
    ("fail-on: sometimes\n", 1, "'fail-on' must be"),
    ("ignore: [nonsense]\n", 1, "unknown rule or category 'nonsense'"),
    ("as-of: yesterday\n", 1, "YYYY-MM-DD"),
    ("- just\n- a list\n", 1, "expected a mapping"),
    ("select: [a]\nselect: [b]\n", 2, "given twice"),
])
def test_bad_config_names_file_line_and_expectation(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}:{line}:"), message
    assert words in message


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "select: [date\nfail-on: error\n")
    with pytest.raises(ConfigError, match=r"\.rectlint\.yaml:\d+: invalid YAML"):
        load_config(path)


def test_config_is_found_by_walking_up(tmp_path):
    write(tmp_path, "ignore: [punctuation]\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    cfg = find_config(deep)
    assert cfg.ignore == ["punctuation"]
    assert "paired-punctuation" not in {a.rule.id for a in active_rules(cfg)}


def test_pyproject_tool_section(tmp_path):
    path = write(tmp_path, '[tool.rectlint]\nfail-on = "error"\n\n[tool.rectlint.rules.paired-punctuation]\nseverity = "info"\n',
                 "pyproject.toml")
    cfg = load_config(path)
    assert cfg.fail_on == "error"
    (active,) = [a for a in active_rules(cfg) if a.rule.id == "paired-punctuation"]
    assert active.severity == "info"


def test_pyproject_errors_name_the_file(tmp_path):
    path = write(tmp_path, '[tool.rectlint]\nfail-on = "never"\n', "pyproject.toml")
    with pytest.raises(ConfigError, match=r"pyproject\.toml:2: 'fail-on' must be"):
        load_config(path)


def test_cli_select_replaces_and_ignore_adds(tmp_path):
    cfg = load_config(write(tmp_path, "select: [punctuation]\n"))
    ids = {a.rule.id for a in active_rules(cfg, ignore=["paired-punctuation"])}
    assert ids and "paired-punctuation" not in ids
    assert {all_rules()[i].category for i in ids} == {"punctuation"}
    assert {a.rule.category for a in active_rules(cfg, select=["punctuation"])} == {"punctuation"}


def test_unknown_selector_on_the_command_line_is_a_usage_error(tmp_path):
    cfg = load_config(write(tmp_path, ""))
    with pytest.raises(UsageError, match="nope"):
        active_rules(cfg, select=["nope"])

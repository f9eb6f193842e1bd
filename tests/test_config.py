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


# -- per-file-ignores and extends --------------------------------------------------------

DRAFT = "（一）关于问题一\n整改措施：2025年3月完成制度修订。\n整改情况：已完成整改。\n"
BROKEN = "一、整改进展\n（一）关于台帐管理的问题\n已于2025年4月31日完成整改。\n"


def _rules_found(linter, path):
    return {f.rule for f in linter.lint_paths([str(path)]).findings}


def test_per_file_ignores_drop_rules_and_categories_for_matching_files_only(tmp_path):
    from rectlint.api import Linter

    write(tmp_path, 'per-file-ignores:\n  "archive/*": [date]\n  "*.md": invalid-date\n')
    (tmp_path / "archive").mkdir()
    for name in ("archive/old.txt", "new.txt", "note.md"):
        (tmp_path / name).write_text(BROKEN, encoding="utf-8")
    linter = Linter()
    assert "invalid-date" in _rules_found(linter, tmp_path / "new.txt")
    assert not _rules_found(linter, tmp_path / "archive" / "old.txt") & {"invalid-date"}
    assert "invalid-date" not in _rules_found(linter, tmp_path / "note.md")
    assert "taizhang" in _rules_found(linter, tmp_path / "archive" / "old.txt")  # other categories stay


def test_per_file_ignores_win_over_select_as_in_ruff(tmp_path):
    from rectlint.api import Linter

    write(tmp_path, 'per-file-ignores:\n  "old-*.txt": [invalid-date]\n')
    (tmp_path / "old-1.txt").write_text(BROKEN, encoding="utf-8")
    assert _rules_found(Linter(select=["invalid-date"]), tmp_path / "old-1.txt") == set()


def test_per_file_ignores_apply_to_the_stdin_filename(tmp_path):
    from conftest import run_cli

    write(tmp_path, 'per-file-ignores:\n  "drafts/*": [date]\n')
    for name, flagged in (("drafts/a.txt", False), ("a.txt", True)):
        run = run_cli("--format", "json", "--stdin-filename", name, input=BROKEN.encode(), cwd=tmp_path)
        assert (b"invalid-date" in run.stdout) is flagged, run.stderr


def test_per_file_ignores_in_pyproject(tmp_path):
    path = write(tmp_path, '[tool.rectlint.per-file-ignores]\n"archive/*" = ["date", "ordinal"]\n',
                 "pyproject.toml")
    cfg = load_config(path)
    assert cfg.ignored_in(str(tmp_path / "archive" / "x.txt")) == ["date", "ordinal"]
    assert cfg.ignored_in(str(tmp_path / "x.txt")) == []


@pytest.mark.parametrize("text,words", [
    ("per-file-ignores: [date]\n", "'per-file-ignores' must be"),
    ('per-file-ignores:\n  "a/*": [no-such-rule]\n', "unknown rule or category 'no-such-rule'"),
    ('per-file-ignores:\n  "a/*": {date: 1}\n', "map a glob pattern to a list"),
    ("extends: 3\n", "'extends' must be"),
    ("extends: missing.yaml\n", "which is not a file"),
])
def test_bad_per_file_ignores_and_extends(tmp_path, text, words):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError, match=r"\.rectlint\.yaml:\d+: ") as info:
        load_config(path)
    assert words in str(info.value)


def test_a_subfolder_config_extends_its_parent(tmp_path):
    write(tmp_path, "ignore: [wording]\nexclude: ['archive/*']\nrules:\n  paired-punctuation:\n"
                    "    severity: info\n    max-per-paragraph: 2\nwording:\n  - id: wo-yuan\n    kind: consistency\n"
                    "    either: [我中心, 我院]\n")
    sub = tmp_path / "sub"
    sub.mkdir()
    write(sub, "extends: ../.rectlint.yaml\nfail-on: error\nrules:\n  paired-punctuation:\n    max-per-paragraph: 5\n")
    cfg = find_config(sub)
    assert cfg.ignore == ["wording"] and cfg.fail_on == "error"
    assert cfg.rules["paired-punctuation"] == {"severity": "info", "max-per-paragraph": 5}
    assert [r.id for r in cfg.wording] == ["wo-yuan"]
    # The parent's patterns stay relative to the parent's folder.
    assert cfg.excludes(tmp_path / "archive" / "a.txt")
    assert not cfg.excludes(sub / "archive" / "a.txt")
    assert cfg.sources == [str(sub / ".rectlint.yaml"), str(tmp_path / ".rectlint.yaml")]


def test_keys_set_in_the_extending_file_replace_the_inherited_ones(tmp_path):
    base = write(tmp_path, "ignore: [wording]\nselect: [date]\n", "base.yaml")
    path = write(tmp_path, f"extends: {base.name}\nignore: [punctuation]\n")
    cfg = load_config(path)
    assert cfg.ignore == ["punctuation"] and cfg.select == ["date"]


def test_extends_reads_pyproject_and_refuses_cycles(tmp_path):
    write(tmp_path, '[tool.rectlint]\nfail-on = "info"\n', "pyproject.toml")
    assert load_config(write(tmp_path, "extends: pyproject.toml\n")).fail_on == "info"
    write(tmp_path, "extends: b.yaml\n", "a.yaml")
    write(tmp_path, "extends: a.yaml\n", "b.yaml")
    with pytest.raises(ConfigError, match="leads back to"):
        load_config(tmp_path / "a.yaml")
    write(tmp_path, "[project]\nname = 'x'\n", "pyproject.toml")
    with pytest.raises(ConfigError, match=r"no \[tool.rectlint\] table"):
        load_config(write(tmp_path, "extends: pyproject.toml\n"))


def test_a_wording_rule_may_not_be_defined_twice_along_extends(tmp_path):
    entry = "wording:\n  - id: wo-yuan\n    kind: consistency\n    either: [我中心, 我院]\n"
    write(tmp_path, entry, "base.yaml")
    with pytest.raises(ConfigError, match="already taken"):
        load_config(write(tmp_path, "extends: base.yaml\n" + entry))


def test_the_cache_key_changes_when_an_extended_file_changes(tmp_path):
    from rectlint.cache import _config_bytes

    base = write(tmp_path, "fail-on: error\n", "base.yaml")
    path = write(tmp_path, "extends: base.yaml\n")
    before = _config_bytes(load_config(path))
    base.write_text("fail-on: info\n", encoding="utf-8")
    assert _config_bytes(load_config(path)) != before


def test_an_error_names_a_configuration_deep_in_folders_whole_with_its_line(tmp_path):
    deep = tmp_path.joinpath(*["一个很长的文件夹名称" * 2] * 6)
    deep.mkdir(parents=True)
    path = write(deep, "select: [a]\nselect: [b]\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert len(str(path)) > 80 and str(info.value).startswith(f"{path}:2:")

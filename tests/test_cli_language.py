"""The command line speaks the message language throughout: its help (click's own words
included), its errors, what it says on stderr and the index commands' output are Chinese by
default and English with --lang en. In-process, so the whole file takes about a second."""

import re

import click
import pytest
from click.testing import CliRunner

from rectlint.cli import cli, main
from rectlint.registry import all_rules

from conftest import EXAMPLES

# ASCII that may stand in Chinese help: names of things, not English prose.
NAMES = {"rectlint", "Word", "GitHub", "Actions", "MiB", "HTTP", "SQLite", "PostgreSQL", "postgresql", "OpenAPI",
         "Authorization", "Bearer",
         "v1", "pre", "commit", "select", "ignore", "exclude"}


def _commands(group=cli, path=()):
    """Every command's path below the group, the group itself included."""
    yield path
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))
        elif name != "check":  # `rectlint --help` is check's help
            yield (*path, name)


def _allowed_words(command) -> set:
    words = set(NAMES) | {w for rule in all_rules() for w in rule.split("-")} | set(COMMANDS)
    for param in command.params:
        choices = getattr(param.type, "choices", ())
        words.update(str(c) for c in choices)
    return words


def _english(help_text: str, allowed: set) -> list:
    """ASCII words of the help outside option names, metavars, [choices and defaults], suffixes
    and the names allowed."""
    found = []
    for run in re.findall(r"[!-~]+", re.sub(r"\[[^\]]*\]", " ", help_text)):
        if run.startswith(("-", ".", "/")) or not re.search(r"[A-Za-z]", run):
            continue
        for word in re.findall(r"[A-Za-z][A-Za-z0-9_]*", run):
            if not (word.isupper() or word in allowed):
                found.append(word)
    return found


COMMANDS = {"check", *(name for path in _commands() for name in path)}


@pytest.mark.parametrize("path", list(_commands()), ids=lambda p: " ".join(p) or "rectlint")
def test_every_commands_help_is_chinese_but_for_names(path):
    runner = CliRunner()
    shown = runner.invoke(cli, [*path, "--help"], prog_name="rectlint")
    assert shown.exit_code == 0, shown.output
    command = cli
    for name in path:
        command = command.get_command(click.Context(command), name)
    if not path:
        command = cli.get_command(click.Context(cli), "check")
    assert _english(shown.output, _allowed_words(command)) == [], shown.output
    english = runner.invoke(cli, [*path, "--help", "--lang", "en"], prog_name="rectlint").output
    assert "Show this message and exit." in english and "显示本帮助并退出" not in english


def _run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main([str(a) for a in args])
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


@pytest.mark.parametrize("args, zh, en", [
    (["--nosuch"], "rectlint: 没有选项 '--nosuch'。是否想用 '--no-cache'？", "No such option '--nosuch'. Did you mean"),
    (["explain"], "rectlint: 缺少参数 'RULE'。", "Missing argument 'RULE'."),
    (["--format", "xml", "."], "'--format' 的值无效：'xml' 不是 ", "Invalid value for '--format': 'xml' is not one of"),
    (["-j", "-1", "."], "'-j' / '--jobs' 的值无效：-1 不在 x>=0 范围内。", "-1 is not in the range x>=0."),
    (["explain", "no-such-rule"], "rectlint: 没有名为 no-such-rule 的规则；规则列表见 rectlint rules",
     "rectlint: unknown rule 'no-such-rule'; see 'rectlint rules'"),
    (["index", "add"], "rectlint: 缺少参数 'PATH...'。", "Missing argument 'PATH...'."),
])
def test_a_command_line_that_does_not_parse_is_told_in_the_message_language(capsys, args, zh, en):
    code, _, err = _run(capsys, *args)
    assert code == 2 and zh in err, err
    code, _, err = _run(capsys, *args, "--lang", "en")
    assert code == 2 and en in err, err


def test_what_a_run_says_on_stderr_is_in_the_message_language(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("RECTLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "empty").mkdir()
    assert "没有可检查的文稿：" in _run(capsys, tmp_path / "empty")[2]
    draft = tmp_path / "d.txt"
    draft.write_text("组织学习,提升水平。\n", encoding="utf-8")
    baseline = tmp_path / "b.json"
    assert "已将 1 个问题记入基线" in _run(capsys, draft, "--write-baseline", baseline)[2]
    assert "1 findings recorded in" in _run(capsys, draft, "--write-baseline", baseline, "--lang", "en")[2]
    assert "rectlint: 已应用 1 处修复" in _run(capsys, draft, "--fix")[2]
    draft.write_text("组织学习,提升水平。\n", encoding="utf-8")
    assert "rectlint: applied 1 fixes" in _run(capsys, draft, "--fix", "--lang", "en")[2]


def test_explain_outline_is_in_the_message_language(capsys):
    code, out, _ = _run(capsys, "--explain-outline", EXAMPLES / "draft-with-defects.txt")
    assert code == 0
    assert "类别：巡视巡察整改通报（inspection）" in out and "判断依据：有通报的组成部分：整改通报的标题、" in out
    assert "[问题条目；整改状态：已完成整改（单独一行）]" in out and "（序号残缺：缺少左括号和序号，应为“（二）”）" in out
    # (Without the file's path: a checkout may sit in a folder named status.)
    assert not re.search(r"\b(kind|lines|item|status|because)\b", out.replace(str(EXAMPLES), ""))
    out = _run(capsys, "--explain-outline", "--lang", "en", EXAMPLES / "draft-with-defects.txt")[1]
    assert "kind: inspection (an inspection rectification notice)" in out and "because: notice parts: title, " in out


def test_the_index_commands_speak_the_message_language(tmp_path, capsys):
    index = tmp_path / "corpus.sqlite"
    code, out, _ = _run(capsys, "index", "add", "--index", index, EXAMPLES / "draft-with-defects.txt")
    assert code == 0 and "1 个已加入，0 个已更新，0 个未变" in out
    assert "个指纹" in _run(capsys, "index", "list", "--index", index)[1]
    assert "文档数：1" in _run(capsys, "index", "stats", "--index", index)[1]
    assert _run(capsys, "index", "check", "--index", index)[1].strip() == "索引一致"
    assert _run(capsys, "index", "check", "--index", index, "--lang", "en")[1].strip() == "the index is consistent"
    assert _run(capsys, "index", "remove", "--index", index, "nowhere.txt")[1].strip() == "已移除 0 个"

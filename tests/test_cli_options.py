"""The one command surface and the conveniences users of ruff expect."""

import json

import pytest

from conftest import run_cli

DRAFT = "2025年2月30日召开会议，讨论整改(第一批)问题。\n"  # an error, and a safely fixable width
UNSAFE_ONLY = "经核查，截止目前已完成整改。\n"  # a repair that changes text: unsafe


def _draft(tmp_path, text=DRAFT, name="d.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_help_shows_every_lint_option_with_its_help_and_the_commands_beneath():
    from rectlint.cli import check

    out = run_cli("--help").stdout.decode("utf-8")
    assert out.startswith("用法：rectlint [OPTIONS] [PATH]...")
    for param in check.params:
        if param.param_type_name == "option":
            assert param.help, f"{param.opts} has no help text"
            assert any(opt in out for opt in param.opts), f"{param.opts} missing from rectlint --help"
    commands = out[out.index("命令："):]
    assert all(name in commands for name in ("rules", "explain", "index"))
    assert run_cli("--help").stdout == run_cli("check", "--help").stdout
    english = run_cli("--lang", "en", "--help").stdout.decode("utf-8")
    assert english.startswith("Usage: rectlint [OPTIONS] [PATH]...") and "Commands:" in english


def test_quiet_prints_the_summary_only(tmp_path):
    out = run_cli(_draft(tmp_path), "-q").stdout.decode("utf-8")
    assert out.startswith("发现 2 个问题") and "[invalid-date]" not in out


def test_statistics_count_findings_per_rule_and_mark_the_fixable(tmp_path):
    out = run_cli(_draft(tmp_path), "--statistics", "--select", "date,punctuation").stdout.decode("utf-8")
    rows = [line.split() for line in out.splitlines() if line.strip() and not line.startswith("[*]")]
    assert ["1", "invalid-date", "日期"] == rows[0][:3] or ["1", "invalid-date", "日期"] == rows[1][:3]
    assert any(row[1] == "punctuation-width" and row[2] == "[*]" for row in rows)
    data = json.loads(run_cli(_draft(tmp_path), "--statistics", "--format", "json").stdout)
    assert {"rule": "punctuation-width", "category": "punctuation", "count": 1, "fixable": 1} in data


def test_output_file_takes_the_report_and_standard_output_stays_empty(tmp_path):
    report = tmp_path / "out" / "report.json"
    report.parent.mkdir()
    result = run_cli(_draft(tmp_path), "--format", "json", "-o", report)
    assert result.returncode == 1 and result.stdout == b""
    assert {f["rule"] for f in json.loads(report.read_text(encoding="utf-8"))} >= {"invalid-date"}


def test_stdin_filename_gives_standard_input_a_path_its_config_and_format(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / ".rectlint.yaml").write_text("ignore: [date]\n", encoding="utf-8")
    result = run_cli("--stdin-filename", sub / "draft.md", "--format", "json", input=DRAFT.encode("utf-8"))
    found = json.loads(result.stdout)
    assert {f["path"] for f in found} == {str(sub / "draft.md")}
    assert "invalid-date" not in {f["rule"] for f in found}  # the folder's configuration applied


def test_fixable_findings_carry_a_mark_and_the_summary_says_how_to_fix(tmp_path):
    out = run_cli(_draft(tmp_path)).stdout.decode("utf-8")
    assert "[punctuation-width] [*]" in out and "[invalid-date] [*]" not in out
    assert "[*] 1 个问题可用 --fix 修复" in out
    shown = run_cli(_draft(tmp_path), "--show-fixes").stdout.decode("utf-8")
    assert "= 修复：“(”→“（”；“)”→“）”" in shown
    english = run_cli(_draft(tmp_path), "--lang", "en").stdout.decode("utf-8")
    assert "[*] 1 fixable with the --fix option." in english


def test_diff_with_only_unsafe_repairs_says_so(tmp_path):
    draft = _draft(tmp_path, UNSAFE_ONLY)
    result = run_cli(draft, "--diff")
    assert result.returncode == 0 and result.stdout == b""
    assert "可用 --unsafe-fixes 修复" in result.stderr.decode("utf-8")
    assert b"+" in run_cli(draft, "--diff", "--unsafe-fixes").stdout


@pytest.mark.parametrize("args, env, coloured", [
    (["--color", "always"], {}, True),
    (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1"}, True),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
    ([], {"FORCE_COLOR": "1", "NO_COLOR": ""}, True),  # an empty NO_COLOR does not count (no-color.org)
    ([], {}, False),  # not a terminal
])
def test_colour_follows_the_option_then_no_color_and_force_color(tmp_path, args, env, coloured):
    clean = {"NO_COLOR": "", "FORCE_COLOR": ""}
    out = run_cli(_draft(tmp_path), *args, env={**clean, **env}).stdout
    assert (b"\x1b[" in out) == coloured

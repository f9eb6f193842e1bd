import codecs
import json

import pytest

from conftest import EXAMPLES, run_cli

DEFECT = "关于整改情况的通报\n\n一、情况\n\n组织学习《党组工作条例，提升水平。\n"


def one_clear_line(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    return lines[0]


def test_examples_folder_exits_1_and_the_clean_example_exits_0():
    assert run_cli("examples").returncode == 1
    assert run_cli(EXAMPLES / "clean-notice.txt").returncode == 0


def test_text_output_names_path_line_column_severity_rule(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DEFECT, encoding="utf-8")
    out = run_cli(draft, "--select", "punctuation").stdout.decode("utf-8")
    first = out.splitlines()[0]
    assert first.startswith(f"{draft}:5:5: 警告 [paired-punctuation] ")
    assert "标点 1" in out.splitlines()[-1]
    english = run_cli(draft, "--select", "punctuation", "--lang", "en").stdout.decode("utf-8")
    assert english.startswith(f"{draft}:5:5: warning [paired-punctuation] ")
    assert "punctuation 1" in english.splitlines()[-1]


def test_caret_aligns_by_display_width(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("组织学习《条例\n", encoding="utf-8")
    lines = run_cli(draft, "--select", "paired-punctuation").stdout.decode("utf-8").splitlines()
    source, carets = lines[1], lines[2]
    # Four CJK characters before the mark take eight cells.
    assert source.split("| ", 1)[1] == "组织学习《条例"
    assert carets.split("| ", 1)[1] == " " * 8 + "^^"


def test_english_messages(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(DEFECT, encoding="utf-8")
    out = run_cli(draft, "--lang", "en", "--format", "json", "--select", "punctuation").stdout
    assert json.loads(out)[0]["message"] == "'《' has no matching '》'"


def test_stdin_is_read_as_dash():
    result = run_cli("-", "--format", "json", "--select", "punctuation", input=DEFECT.encode("utf-8"))
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["path"] == "-"


@pytest.mark.parametrize("flag,code", [("--exit-zero", 0), ("--fail-on=error", 0), ("--fail-on=info", 1)])
def test_fail_level_and_exit_zero(tmp_path, flag, code):
    draft = tmp_path / "d.txt"
    draft.write_text(DEFECT, encoding="utf-8")
    assert run_cli(draft, flag).returncode == code


def test_binary_file_is_exit_2_with_one_line(tmp_path):
    blob = tmp_path / "scan.txt"
    blob.write_bytes(b"\x00\x01\x02PK\x03\x04" * 20)
    result = run_cli(blob)
    assert result.returncode == 2
    assert "二进制数据" in one_clear_line(result.stderr)


def test_missing_path_is_exit_2(tmp_path):
    result = run_cli(tmp_path / "nope.txt")
    assert result.returncode == 2
    assert "文件或文件夹不存在" in one_clear_line(result.stderr)


def test_gb18030_draft_is_linted_like_utf8(tmp_path):
    draft = tmp_path / "gb.txt"
    draft.write_bytes(DEFECT.encode("gb18030"))
    result = run_cli(draft, "--format", "json", "--select", "punctuation")
    assert result.returncode == 1
    finding = json.loads(result.stdout)[0]
    assert (finding["line"], finding["column"]) == (5, 5)


def test_utf16_draft_is_linted_like_utf8(tmp_path):
    draft = tmp_path / "u16.txt"
    draft.write_bytes(codecs.BOM_UTF16_LE + DEFECT.replace("\n", "\r\n").encode("utf-16-le"))
    finding = json.loads(run_cli(draft, "--format", "json", "--select", "punctuation").stdout)[0]
    assert (finding["line"], finding["column"]) == (5, 5)


def test_empty_file_has_nothing_to_lint_and_exits_0(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run_cli(empty)
    assert result.returncode == 0
    assert result.stderr == b""


def test_broken_config_is_exit_2_naming_file_and_line(tmp_path):
    (tmp_path / ".rectlint.yaml").write_text("select: [date\nignore: x\n", encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text(DEFECT, encoding="utf-8")
    result = run_cli(draft)
    assert result.returncode == 2
    line = one_clear_line(result.stderr)
    assert ".rectlint.yaml:2：" in line and "YAML 格式错误" in line  # in Chinese unless told otherwise
    english = one_clear_line(run_cli(draft, "--lang", "en").stderr)
    assert ".rectlint.yaml:2: invalid YAML" in english


def test_unknown_rule_in_select_is_exit_2(tmp_path):
    result = run_cli(EXAMPLES / "clean-notice.txt", "--select", "no-such-rule")
    assert result.returncode == 2
    assert "no-such-rule" in one_clear_line(result.stderr)


def test_without_a_path_the_current_folder_is_linted(tmp_path):
    (tmp_path / "d.txt").write_text(DEFECT, encoding="utf-8")
    result = run_cli(cwd=tmp_path)
    assert result.returncode == 1 and b"d.txt:5:5:" in result.stdout


def test_version_rules_and_explain():
    assert run_cli("--version").stdout.decode().startswith("rectlint, version")
    listing = run_cli("rules").stdout.decode("utf-8")
    assert "paired-punctuation" in listing
    doc = run_cli("explain", "paired-punctuation").stdout.decode("utf-8")
    assert "错误：" in doc and "正确：" in doc and "类别：标点" in doc
    doc = run_cli("explain", "paired-punctuation", "--lang", "en").stdout.decode("utf-8")
    assert "Bad:" in doc and "Good:" in doc
    unknown = run_cli("explain", "nope")
    assert unknown.returncode == 2 and "nope" in one_clear_line(unknown.stderr)


def test_folder_recursion_honours_excludes(tmp_path):
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.txt").write_text(DEFECT, encoding="utf-8")
    (tmp_path / "b.md").write_text(DEFECT, encoding="utf-8")
    (tmp_path / "c.docx.bak").write_text(DEFECT, encoding="utf-8")
    (tmp_path / ".rectlint.yaml").write_text("exclude: ['old/*']\n", encoding="utf-8")
    paths = {f["path"] for f in json.loads(run_cli(tmp_path, "--format", "json").stdout)}
    assert paths == {str(tmp_path / "b.md")}


def test_select_and_ignore_filter_by_the_category_printed_on_each_finding(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("关于巡察整改进展情况的通报\n\n一、组织情况\n\n反馈的4个具体问题，已完成3个，完成率50%。\n\n"
                     "二、整改落实情况\n\n1.问题甲。\n整改结果：已完成。\n2.问题乙。\n整改结果：已完成。\n"
                     "3.问题丙。\n整改结果：已完成。\n\n三、下一步打算\n\n持续巩固。\n", encoding="utf-8")

    every = json.loads(run_cli(draft, "--format", "json").stdout)
    assert {"number", "structure"} <= {f["category"] for f in every if f["rule"] == "summary-counts"}
    only_number = json.loads(run_cli(draft, "--format", "json", "--select", "number").stdout)
    assert only_number and {f["category"] for f in only_number} == {"number"}
    no_structure = json.loads(run_cli(draft, "--format", "json", "--ignore", "structure").stdout)
    assert "structure" not in {f["category"] for f in no_structure}
    # A rule named outright is more specific than a category, as in ruff.
    named = json.loads(run_cli(draft, "--format", "json", "--select", "summary-counts", "--ignore", "structure").stdout)
    assert "structure" in {f["category"] for f in named}


def test_a_missing_path_is_reported_and_the_others_are_still_linted(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("组织学习《条例，提升水平。\n", encoding="utf-8")
    result = run_cli(good, tmp_path / "missing.txt", "--format", "json")
    assert result.returncode == 2
    assert "missing.txt：文件或文件夹不存在" in result.stderr.decode("utf-8")
    assert [f["rule"] for f in json.loads(result.stdout)] == ["paired-punctuation"]
    english = run_cli(good, tmp_path / "missing.txt", "--lang", "en")
    assert b"missing.txt: no such file or folder" in english.stderr
    text = run_cli(tmp_path / "missing.txt", "--lang", "en").stdout.decode()
    assert "No findings." not in text and "could not be linted" in text


def test_an_empty_selection_says_that_nothing_was_linted(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_cli(tmp_path / "empty")
    assert result.returncode == 0 and "没有可检查的文稿".encode() in result.stderr
    result = run_cli(tmp_path / "empty", "--lang", "en")
    assert result.returncode == 0 and b"nothing to lint" in result.stderr


def test_control_characters_in_file_names_are_escaped(tmp_path):
    name = "d\n::error file=x::forged.txt"
    (tmp_path / name).write_text("组织学习《条例，提升水平。\n", encoding="utf-8")
    for fmt in ("text", "github"):
        out = run_cli(tmp_path, "--format", fmt).stdout.decode("utf-8")
        assert not any(line.startswith("::error file=x") for line in out.splitlines())


def test_folder_walks_do_not_follow_links_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("组织学习《条例，提升水平。\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "inside.txt").write_text("组织学习《条例》，提升水平。\n", encoding="utf-8")
    (tree / "link.txt").symlink_to(outside / "secret.txt")
    (tree / "linkdir").symlink_to(outside, target_is_directory=True)
    out = run_cli(tree, "--format", "json").stdout
    assert json.loads(out) == []
    followed = json.loads(run_cli(tree, "--format", "json", "--follow-symlinks").stdout)
    assert {f["rule"] for f in followed} == {"paired-punctuation"}


def test_input_size_caps_apply_to_files_and_stdin(tmp_path):
    big = "整改情况：一是建立台账。\n" * 200
    draft = tmp_path / "d.txt"
    draft.write_text(big, encoding="utf-8")
    for args, stdin in (([draft, "--max-mib", "0.001"], None), (["-", "--max-mib", "0.001"], big.encode())):
        result = run_cli(*args, input=stdin)
        assert result.returncode == 2 and b"max-mib" in result.stderr
    (tmp_path / ".rectlint.yaml").write_text("max-mib: 0.001\n", encoding="utf-8")
    assert run_cli(draft).returncode == 2
    assert run_cli(draft, "--max-mib", "1").returncode in (0, 1)


@pytest.mark.parametrize("name,content,words", [
    ("pyproject.toml", b"[tool.rectlint]\nignore = [\"\xff\xfe\"]\n", "无法读取配置".encode()),
    (".rectlint.yaml", b"as-of: 2025-02-30\n", "无效的值".encode()),
])
def test_environmental_and_configuration_failures_are_one_line_not_internal_errors(tmp_path, name, content, words):
    (tmp_path / name).write_bytes(content)
    draft = tmp_path / "d.txt"
    draft.write_text("整改情况。\n", encoding="utf-8")
    result = run_cli(draft)
    assert result.returncode == 2 and words in result.stderr
    assert b"internal error" not in result.stderr and result.stderr.count(b"\n") == 1


def test_a_baseline_or_index_of_bad_bytes_is_an_input_error(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("整改情况。\n", encoding="utf-8")
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\xff\xfe\x00garbage" * 50)
    for args in (["--baseline", junk], ["--against", junk]):
        result = run_cli(draft, *args)
        assert result.returncode == 2 and b"internal error" not in result.stderr

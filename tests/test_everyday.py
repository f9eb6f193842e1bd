"""Everyday use without surprises (issue 34): hints that fit the file, places instead of lines in
Word, exclude that holds for files named on the command line, written files that keep the
draft's permissions, a cache that hides itself from git, -q -o, baselines that survive
rectlint's own fixes and say apart what went stale, SARIF's machine fields and clean rule texts.
In-process where it can be, so the file stays fast."""

import json
import os
import stat

import docx
import pytest

from rectlint.cli import main
from rectlint.registry import all_rules
from rectlint.text import display_width

ITEM = "整改情况：已完成整改。组织全体干部逐条学习财务管理制度，建立问题整改台帐，对照清单逐项销号，确保整改到位。"
NOTICE = ["关于某县委巡察整改进展情况的通报", "一、整改工作", "（一）关于制度执行不严的问题。", ITEM,
          "（二）关于台账管理不规范的问题。", ITEM]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RECTLINT_CACHE_DIR", str(tmp_path / "cache"))


def _run(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main([str(a) for a in args])
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def _docx(path, paragraphs=NOTICE):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(path)
    return path


# -- hints fit the file --------------------------------------------------------------------

def test_a_word_drafts_repairs_are_offered_as_tracked_changes_never_as_fix(tmp_path, capsys):
    draft = _docx(tmp_path / "通报.docx")
    out = _run(capsys, draft, "--select", "wording")[1]
    assert "--fix 修复" not in out and "--unsafe-fixes 修复" not in out
    assert "2 个问题可用 --annotate --fix-as-revisions --unsafe-fixes 写成修订" in out
    out = _run(capsys, draft, "--select", "wording", "--lang", "en")[1]
    assert "--annotate --fix-as-revisions --unsafe-fixes" in out and "with --unsafe-fixes (" not in out
    # written as revisions already: nothing left to offer
    out = _run(capsys, draft, "--select", "wording", "--annotate", "--fix-as-revisions", "--unsafe-fixes")[1]
    assert "--annotate" not in out


def test_a_text_and_a_word_draft_each_get_their_own_hint(tmp_path, capsys):
    text = tmp_path / "a.txt"
    text.write_text("组织学习,提升水平。\n", encoding="utf-8")
    out = _run(capsys, text, _docx(tmp_path / "b.docx", ["组织学习,提升水平。"]), "--select", "punctuation-width")[1]
    assert "[*] 1 个问题可用 --fix 修复。" in out
    assert "[*] 1 个问题可用 --annotate --fix-as-revisions 写成 Word 修订" in out


def test_a_web_page_gets_no_hint_to_fix_what_is_never_rewritten(tmp_path, capsys):
    page = tmp_path / "p.html"
    page.write_text("<html><body><p>组织学习,提升水平。</p></body></html>", encoding="utf-8")
    out = _run(capsys, page, "--select", "punctuation-width")[1]
    assert "发现 1 个问题" in out and "--fix" not in out and "--annotate" not in out


def test_in_word_a_duplicate_names_the_paragraph_and_heading_path_of_its_other_copy(tmp_path, capsys):
    draft = _docx(tmp_path / "通报.docx")
    out = _run(capsys, draft, "--select", "duplicate-passage")[1]
    assert "本段与第 4 段（一、→（一））的内容重复" in out and "行" not in out.split("\n")[0]
    assert "= 另见 第 4 段（一、→（一））" in out
    out = _run(capsys, draft, "--select", "duplicate-passage", "--lang", "en")[1]
    assert "passage repeats paragraph 4 (under 一、 → （一）)" in out
    _run(capsys, draft, "--select", "duplicate-passage", "--annotate")
    comments = docx.Document(tmp_path / "通报.rectlint.docx").comments
    said = [p.text for c in comments for p in c.paragraphs]
    assert any("第 4 段（一、→（一））" in line for line in said) and not any("第4行" in line for line in said)


def test_in_a_text_a_duplicate_still_names_its_line(tmp_path, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("\n".join(NOTICE) + "\n", encoding="utf-8")
    assert "本段与第4行的内容重复" in _run(capsys, draft, "--select", "duplicate-passage")[1]


# -- exclude holds for files named on the command line, with --force-exclude ------------------

def test_force_exclude_holds_exclude_for_files_named_on_the_command_line(tmp_path, capsys, monkeypatch):
    (tmp_path / ".rectlint.yaml").write_text('exclude: ["归档/*"]\n', encoding="utf-8")
    (tmp_path / "归档").mkdir()
    old = tmp_path / "归档" / "旧稿.txt"
    old.write_text("2025年2月30日召开会议。\n", encoding="utf-8")
    fresh = tmp_path / "新稿.txt"
    fresh.write_text("2025年4月31日召开会议。\n", encoding="utf-8")
    code, out, _ = _run(capsys, tmp_path)  # a folder walk leaves the archive out
    assert code == 1 and "新稿.txt" in out and "旧稿.txt" not in out
    code, out, _ = _run(capsys, old)  # named, without --force-exclude: linted, as ruff does
    assert code == 1 and "旧稿.txt:1:1" in out
    code, out, err = _run(capsys, "--force-exclude", old, fresh)
    assert code == 1 and "旧稿.txt" not in out and "新稿.txt:1:1" in out
    assert "旧稿.txt：按配置的 exclude 排除" in err
    code, out, err = _run(capsys, "--force-exclude", old)
    assert code == 0 and "旧稿.txt" not in out and "没有可检查的文稿" not in err
    monkeypatch.setattr("sys.stdin", open(old, encoding="utf-8"))
    code, out, _ = _run(capsys, "--force-exclude", "--stdin-filename", old)
    assert code == 0 and "旧稿.txt:" not in out


def test_the_pre_commit_hook_passes_force_exclude():
    from conftest import ROOT

    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: rectlint --force-exclude" in hook


# -- written files keep the draft's permissions; the cache keeps the umask and hides itself ----

def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.mark.parametrize("mode", [0o644, 0o664, 0o640])
def test_an_annotated_copy_keeps_the_drafts_permissions(tmp_path, capsys, umask_022, mode):
    draft = _docx(tmp_path / "通报.docx")
    os.chmod(draft, mode)
    _run(capsys, draft, "--annotate")
    assert _mode(tmp_path / "通报.rectlint.docx") == mode
    _run(capsys, draft, "--format", "docx", "-o", tmp_path / "审阅稿.docx")
    assert _mode(tmp_path / "审阅稿.docx") == mode


def test_a_report_file_and_the_cache_take_the_umask(tmp_path, capsys, umask_022):
    draft = tmp_path / "d.txt"
    draft.write_text("组织学习,提升水平。\n", encoding="utf-8")
    os.chmod(draft, 0o600)  # a report is no copy of a draft: it is made as any new file
    _run(capsys, draft, "-o", tmp_path / "report.json", "--format", "json", "--cache-dir", tmp_path / "cache")
    assert _mode(tmp_path / "report.json") == 0o644
    entries = [p for p in (tmp_path / "cache").rglob("*.json")]
    assert entries and all(_mode(p) == 0o644 for p in entries)


def test_the_cache_folder_holds_its_own_gitignore(tmp_path, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("组织学习,提升水平。\n", encoding="utf-8")
    _run(capsys, draft, "--cache-dir", tmp_path / ".rectlint_cache")
    ignore = (tmp_path / ".rectlint_cache" / ".gitignore").read_text(encoding="utf-8")
    assert "*" in ignore.splitlines()
    assert (tmp_path / ".rectlint_cache" / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")


# -- -q -o: the report whole in the file, the summary on the terminal -------------------------

@pytest.mark.parametrize("fmt", ["json", "text"])
def test_quiet_with_an_output_file_writes_the_report_and_shows_the_summary(tmp_path, capsys, fmt):
    draft = tmp_path / "d.txt"
    draft.write_text("组织学习,提升水平。2025年2月30日召开会议。\n", encoding="utf-8")
    report = tmp_path / f"report.{fmt}"
    code, out, _ = _run(capsys, "-q", "-o", report, "--format", fmt, draft)
    assert code == 1 and out.startswith("发现 2 个问题（错误 1，")
    written = report.read_text(encoding="utf-8")
    if fmt == "json":
        assert len(json.loads(written)) == 2
    else:
        assert "[invalid-date]" in written and "[punctuation-width]" in written


# -- baselines: stale entries said apart, entries that survive rectlint's own repairs ----------

def _notice(tmp_path):
    draft = tmp_path / "通报.txt"
    draft.write_text("\n".join(NOTICE) + "\n", encoding="utf-8")
    return draft


def test_a_stale_baseline_entry_has_its_own_summary_line_and_is_no_internal_error(tmp_path, capsys):
    draft, baseline = _notice(tmp_path), tmp_path / "baseline.json"
    _run(capsys, "--write-baseline", baseline, draft)
    draft.write_text(draft.read_text(encoding="utf-8").replace("（一）关于", "（一）有关"), encoding="utf-8")
    draft.write_text("\n".join(NOTICE[:4]) + "\n", encoding="utf-8")  # the copy is gone: its entry is stale
    code, out, _ = _run(capsys, "--baseline", baseline, draft)
    summary = out.splitlines()[-2:]
    assert summary[0] == "未发现问题。" and summary[1].startswith("已失效的基线条目 2 条")
    assert "内部错误" not in out
    out = _run(capsys, "--baseline", baseline, draft, "--lang", "en")[1]
    assert "No findings." in out and "2 stale baseline entries" in out and "internal" not in out.splitlines()[-1]


@pytest.mark.parametrize("how", ["--fix", "by hand"])
def test_a_baseline_entry_survives_the_repairs_rectlint_makes_inside_its_span(tmp_path, capsys, how):
    draft, baseline = _notice(tmp_path), tmp_path / "baseline.json"
    _run(capsys, "--write-baseline", baseline, draft)
    assert "settled" in baseline.read_text(encoding="utf-8")
    if how == "--fix":
        assert "已应用 2 处修复" in _run(capsys, "--fix", "--unsafe-fixes", draft)[2]
    else:
        draft.write_text(draft.read_text(encoding="utf-8").replace("台帐", "台账"), encoding="utf-8")
    assert "台帐" not in draft.read_text(encoding="utf-8")
    code, out, _ = _run(capsys, "--baseline", baseline, draft)
    assert "[duplicate-passage]" not in out  # still accepted: the fix changed no more than rectlint asked
    assert code == 0 and "已失效的基线条目 1 条" in out  # the 台帐 findings are gone: their entry is stale


def test_an_entry_of_a_baseline_without_settled_contexts_still_matches(tmp_path, capsys):
    draft, baseline = _notice(tmp_path), tmp_path / "baseline.json"
    _run(capsys, "--write-baseline", baseline, draft)
    data = json.loads(baseline.read_text(encoding="utf-8"))
    for entry in data["entries"]:
        entry.pop("settled", None)  # as rectlint 0.2 wrote it
    baseline.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = _run(capsys, "--baseline", baseline, draft)
    assert code == 0 and out.strip() == "未发现问题。"


# -- SARIF: machine fields in the contract's words ---------------------------------------------

def test_sarif_properties_hold_the_english_level_and_the_message_the_chinese(tmp_path, capsys):
    draft = tmp_path / "d.txt"
    draft.write_text("2025年2月30日召开会议。\n", encoding="utf-8")
    log = json.loads(_run(capsys, "--format", "sarif", draft)[1])
    result = log["runs"][0]["results"][0]
    assert result["properties"]["severity"] == "error" and result["level"] == "error"
    assert "2月没有30日" in result["message"]["text"]


# -- clean texts ---------------------------------------------------------------------------

CLOSING = tuple("，。、；：？！）》」』】〕〉”’…")


def _prose(text: str):
    """The lines of a rule's page but its examples (an example may start with ）: it shows the defect)."""
    example = False
    for line in text.splitlines():
        label = line.lstrip("- *").startswith(("Bad", "Good", "错误", "正确"))
        example = label or (example and line[:1].isspace())
        if not example:
            yield line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_line_of_a_rules_documentation_starts_with_closing_punctuation(capsys, lang, monkeypatch):
    """Every rule, including ones added later: the rendered explain page and SARIF help."""
    monkeypatch.setenv("COLUMNS", "60")  # narrow, so that many lines are wrapped
    from rectlint.report import RunInfo, render

    rules = list(all_rules().values())
    sarif = json.loads(render("sarif", [], RunInfo(rules=rules, lang=lang)))
    for rule in rules:
        shown = _run(capsys, "explain", rule.id, "--lang", lang)[1]
        descriptor = next(d for d in sarif["runs"][0]["tool"]["driver"]["rules"] if d["id"] == rule.id)
        for where, text in (("explain", shown), ("help", descriptor["help"]["text"]),
                            ("markdown", descriptor["help"]["markdown"])):
            bad = [line for line in _prose(text) if line.lstrip().startswith(CLOSING)]
            assert bad == [], f"{rule.id} {where}: {bad}"
        width = max(display_width(line) for line in list(_prose(shown))[1:])  # the head line is not wrapped
        assert width <= 60, rule.id


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_rule_summaries_are_whole_sentences(capsys, lang):
    out = _run(capsys, "rules", "--lang", lang)[1]
    for line in out.splitlines():
        assert line.endswith(("。", ".", "？", "?")), line
        summary = all_rules()[line.split()[0]].summary_in(lang)
        assert summary[0].isupper() or not summary[0].isascii() or lang == "zh", line

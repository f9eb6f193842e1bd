"""The editorial review gate: .docx and .html input, the HTML report, baselines and fixes."""

import io
import os
import stat
import json
import shutil
import subprocess
import zipfile

import pytest

from conftest import EXAMPLES, run_cli

docx = pytest.importorskip("docx")


def findings(*args):
    result = run_cli(*args, "--format", "json", "--lang", "en")
    return result, json.loads(result.stdout or b"[]")


# -- .docx -------------------------------------------------------------------------

def make_docx(path, paragraphs, table=None):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.save(path)


def test_docx_broken_date_in_the_third_paragraph_is_reported_at_line_3(tmp_path):
    path = tmp_path / "draft.docx"
    make_docx(path, ["关于巡察整改进展情况的通报", "局党组高度重视整改工作。", "2025717召开党组会研究整改。"])
    _, found = findings(path, "--select", "broken-date")
    assert [(f["line"], f["column"], f["suggestion"]) for f in found] == [(3, 1, "2025年7月17日")]


def test_docx_table_cells_follow_the_body_in_document_order(tmp_path):
    path = tmp_path / "draft.docx"
    make_docx(path, ["关于巡察整改进展情况的通报", "正文。"], table=[["问题", "措施"], ["台账", "20257月起建立台账"]])
    _, found = findings(path, "--select", "broken-date")
    assert [(f["line"], f["column"]) for f in found] == [(6, 1)]


@pytest.mark.parametrize("data,words", [
    (b"this is not a zip archive at all", "damaged"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "encrypted"),
])
def test_damaged_or_encrypted_docx_is_an_input_error(tmp_path, data, words):
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    result = run_cli(path)
    assert result.returncode == 2
    line = result.stderr.decode("utf-8").strip()
    assert words in line and "\n" not in line and "Traceback" not in line


def test_zip_bomb_is_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/zero.bin", b"\0" * (40 * 2**20))
    path.write_bytes(buffer.getvalue())
    result = run_cli(path)
    assert result.returncode == 2 and "疑似压缩炸弹" in result.stderr.decode("utf-8")
    assert b"zip bomb" in run_cli(path, "--lang", "en").stderr


def test_docx_is_never_rewritten(tmp_path):
    path = tmp_path / "draft.docx"
    make_docx(path, ["关于整改情况的通报", "一是建立台账，二是定期核对,三是跟踪问效。"])
    before = path.read_bytes()
    result = run_cli(path, "--fix", "--select", "punctuation", "--lang", "en")
    assert path.read_bytes() == before
    assert b"not rewritten" in result.stderr
    assert "未改写" in run_cli(path, "--fix", "--select", "punctuation").stderr.decode("utf-8")


# -- .html -------------------------------------------------------------------------

def page_of(text):
    body = "".join(f"<p>{line}</p>\n" if line.strip() else "" for line in text.splitlines())
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>通报</title>"
            "<style>p{margin:0}</style><script>var x = '2025717召开';</script></head><body>"
            "<div class='nav'>您当前的位置：首页 &gt; 信息公开</div>\n" + body +
            "<div class='footer'>ICP备案编号：某ICP备12345678号</div></body></html>")


def key(found):
    return sorted((f["rule"], f["message"], f["suggestion"]) for f in found)


def test_saved_html_page_lints_like_its_text(tmp_path):
    text = (EXAMPLES / "draft-with-defects.txt").read_text(encoding="utf-8")
    page = tmp_path / "notice.html"
    page.write_text(page_of(text), encoding="utf-8")
    _, from_text = findings(EXAMPLES / "draft-with-defects.txt")
    _, from_page = findings(page)
    assert key(from_page) == key(from_text)


# -- the HTML report ---------------------------------------------------------------

def report_of(tmp_path, text):
    draft = tmp_path / "d.txt"
    draft.write_text(text, encoding="utf-8")
    return run_cli(draft, EXAMPLES / "draft-with-defects.txt", "--format", "html").stdout.decode("utf-8")


def test_html_report_escapes_the_draft_and_is_self_contained(tmp_path):
    report = report_of(tmp_path, "关于整改情况的通报\n<script>alert(1)</script>学习《条例\n")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert "<script" not in report.lower()
    assert "http://" not in report and "https://" not in report and "<link" not in report
    assert "<mark" in report and "class=\"tip\"" in report


def test_html_report_summarises_and_groups_by_category(tmp_path):
    report = report_of(tmp_path, "关于整改情况的通报\n")
    assert "日期（date）" in report and "序号（ordinal）" in report and "合计" in report


def chromium():
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.slow
def test_html_report_renders_in_headless_chromium(tmp_path):
    browser = chromium()
    if browser is None:
        pytest.skip("no chromium on this machine (Debian package 'chromium'; .ci/run installs it)")
    report = tmp_path / "report.html"
    report.write_text(report_of(tmp_path, "关于整改情况的通报\n<script>alert(1)</script>\n"), encoding="utf-8")
    shot = tmp_path / "report.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1280,1400",
                    f"--screenshot={shot}", report.as_uri()], capture_output=True, timeout=120)
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


# -- baselines ---------------------------------------------------------------------

def test_baseline_survives_edits_and_reports_only_new_findings(tmp_path):
    draft = tmp_path / "draft.txt"
    original = (EXAMPLES / "draft-with-defects.txt").read_text(encoding="utf-8")
    draft.write_text(original, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    written = run_cli(draft, "--write-baseline", baseline)
    assert written.returncode == 0 and baseline.is_file()
    assert run_cli(draft, "--baseline", baseline).returncode == 0
    draft.write_text("\n（征求意见稿）\n\n" + original, encoding="utf-8")
    assert run_cli(draft, "--baseline", baseline).returncode == 0
    draft.write_text("\n（征求意见稿）\n\n" + original.replace("整改情况：一是组织执法人员", "整改情况：一是20258月组织执法人员"),
                     encoding="utf-8")
    result, found = findings(draft, "--baseline", baseline)
    assert result.returncode == 1
    assert [f["rule"] for f in found] == ["broken-date"] and "20258月" in found[0]["message"]


def test_baseline_entry_that_no_longer_matches_is_an_unused_suppression(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text("关于整改情况的通报\n\n学习《条例，提升水平。\n", encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    run_cli(draft, "--write-baseline", baseline, "--select", "paired-punctuation")
    draft.write_text("关于整改情况的通报\n\n学习《条例》，提升水平。\n", encoding="utf-8")
    result, found = findings(draft, "--baseline", baseline, "--select", "paired-punctuation")
    assert result.returncode == 0
    assert [(f["rule"], f["severity"]) for f in found] == [("unused-baseline-entry", "info")]


def test_broken_baseline_is_an_input_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{nope", encoding="utf-8")
    result = run_cli(EXAMPLES / "clean-notice.txt", "--baseline", bad)
    assert result.returncode == 2 and "不是 rectlint 基线文件".encode() in result.stderr


# -- fixes -------------------------------------------------------------------------

DRAFT = "关于整改情况的通报\r\n\r\n一是建立台账，二是定期核对,三是跟踪问效，，四是抓落实。\r\n2025717召开会议。\r\n"


def test_fix_keeps_gb18030_and_crlf_byte_for_byte_outside_the_fixes(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode("gb18030"))
    result = run_cli(path, "--fix")
    expected = DRAFT.replace("核对,三", "核对，三").replace("问效，，四", "问效，四")
    assert path.read_bytes() == expected.encode("gb18030")
    assert "已应用 2 处修复".encode() in result.stderr
    assert not list(tmp_path.glob(".d.txt.*")), "no temporary file is left behind"


def test_unsafe_fixes_only_when_asked(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode("utf-8"))
    run_cli(path, "--fix")
    assert "2025717召开" in path.read_text(encoding="utf-8")
    run_cli(path, "--fix", "--unsafe-fixes")
    assert "2025年7月17日召开" in path.read_text(encoding="utf-8")


def test_diff_shows_without_writing(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode("utf-8-sig"))
    result = run_cli(path, "--diff")
    assert result.returncode == 1
    assert "-一是建立台账，二是定期核对,三是" in result.stdout.decode("utf-8")
    assert path.read_bytes() == DRAFT.encode("utf-8-sig")


def test_fix_keeps_the_bom(tmp_path):
    path = tmp_path / "d.txt"
    path.write_bytes(DRAFT.encode("utf-8-sig"))
    run_cli(path, "--fix")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


# -- writes that respect the file ---------------------------------------------------------------

FIXABLE = "组织学习《条例》，，提升水平。\n"


def test_fix_writes_through_a_symlink_to_its_target(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(FIXABLE, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run_cli(link, "--fix")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "组织学习《条例》，提升水平。\n"


def test_fix_refuses_a_read_only_file(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(FIXABLE, encoding="utf-8")
    draft.chmod(0o444)
    result = run_cli(draft, "--fix", "--lang", "en")
    assert result.returncode == 2 and b"read-only" in result.stderr
    assert "文件只读，未改写" in run_cli(draft, "--fix").stderr.decode("utf-8")
    assert draft.read_text(encoding="utf-8") == FIXABLE


def test_fix_keeps_mode_hard_links_and_extended_attributes(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text(FIXABLE, encoding="utf-8")
    draft.chmod(0o640)
    xattr = False
    try:
        os.setxattr(draft, "user.rectlint-test", b"kept")
        xattr = True
    except (OSError, AttributeError):
        pass  # this file system keeps no user attributes
    run_cli(draft, "--fix")
    assert draft.read_text(encoding="utf-8") == "组织学习《条例》，提升水平。\n"
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    if xattr:
        assert os.getxattr(draft, "user.rectlint-test") == b"kept"


def test_fix_never_rewrites_a_hard_linked_draft_in_place(tmp_path):
    """In place, an interrupted write tore the draft (6 of 6 tries under kill -9): the fix is a
    new file renamed over the draft, and the other links keep the old text, as rectlint says."""
    draft = tmp_path / "d.txt"
    draft.write_text(FIXABLE, encoding="utf-8")
    other = tmp_path / "other.txt"
    os.link(draft, other)
    inode = draft.stat().st_ino
    result = run_cli(draft, "--fix")
    assert draft.read_text(encoding="utf-8") == "组织学习《条例》，提升水平。\n" and draft.stat().st_ino != inode
    assert other.read_text(encoding="utf-8") == FIXABLE
    assert "硬链接".encode() in result.stderr


def test_fix_checks_again_for_a_change_just_before_the_rename(tmp_path, monkeypatch):
    from rectlint import atomic, fixes
    from rectlint.errors import InputError
    from rectlint.reader import Source, load

    draft = tmp_path / "d.txt"
    draft.write_text(FIXABLE, encoding="utf-8")
    doc, decoded = load(Source(str(draft), "txt"))
    copy = atomic._copy_metadata

    def saved_meanwhile(source, tmp, st):  # an editor saves while the fixed text is being written
        copy(source, tmp, st)
        with open(source, "w", encoding="utf-8") as handle:
            handle.write("编辑刚刚保存的内容。\n")

    monkeypatch.setattr(atomic, "_copy_metadata", saved_meanwhile)
    with pytest.raises(InputError, match="changed since"):
        fixes.fix_file(str(draft), decoded, "组织学习《条例》，提升水平。\n")
    assert draft.read_text(encoding="utf-8") == "编辑刚刚保存的内容。\n"
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]  # no temporary file left behind


def test_fix_refuses_a_file_changed_since_it_was_read(tmp_path):
    from rectlint.errors import InputError
    from rectlint.fixes import fix_file
    from rectlint.reader import Source, load

    draft = tmp_path / "d.txt"
    draft.write_text(FIXABLE, encoding="utf-8")
    doc, decoded = load(Source(str(draft), "txt"))
    draft.write_text("编辑刚刚保存的内容。\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed since"):
        fix_file(str(draft), decoded, "组织学习《条例》，提升水平。\n")
    assert draft.read_text(encoding="utf-8") == "编辑刚刚保存的内容。\n"


def test_fix_refuses_a_same_size_edit_with_the_old_modification_time(tmp_path):
    import os

    from rectlint.errors import InputError
    from rectlint.fixes import fix_file
    from rectlint.reader import Source, load

    draft = tmp_path / "d.txt"
    draft.write_text(FIXABLE, encoding="utf-8")
    before = draft.stat()
    doc, decoded = load(Source(str(draft), "txt"))
    edited = FIXABLE.replace("学习", "研究")  # same length in bytes
    draft.write_text(edited, encoding="utf-8")
    os.utime(draft, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(InputError, match="changed since"):
        fix_file(str(draft), decoded, "组织学习《条例》，提升水平。\n")
    assert draft.read_text(encoding="utf-8") == edited


def test_fixes_converge_and_only_applied_fixes_are_reported(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("关于整改情况的通报\n\n组织学习,,提升水平;;落实责任。。\n", encoding="utf-8")
    result = run_cli(draft, "--fix", "--format", "json")
    left = json.loads(result.stdout)
    again = json.loads(run_cli(draft, "--format", "json").stdout)
    assert left == again  # what is reported is what the fixed file still has
    fixable = {"doubled-punctuation", "punctuation-width"}
    assert not [f for f in again if f["rule"] in fixable]


def test_docx_is_streamed_with_the_same_text_as_python_docx_reads(tmp_path):
    # Runs, a tab, a hyperlink-free paragraph, a table with a vertical and a horizontal merge.
    from rectlint.docx_reader import read_docx
    document = docx.Document()
    document.add_paragraph("标题")
    para = document.add_paragraph("正文")
    para.add_run("加粗").bold = True
    para.add_run("\t制表")
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"格{r}{c}"
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(2, 1).merge(table.cell(2, 2))
    document.add_paragraph("后文")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_docx(buffer.getvalue(), "x.docx").text
    expected = [p.text for p in document.paragraphs[:2]] + ["格00", "格10", "格01", "格02", "格11", "格12",
                                                           "格20", "格21", "格22", "后文"]
    assert text.split("\n") == expected

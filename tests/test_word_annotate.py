"""Findings written back into a copy of the .docx as Word comments and tracked changes."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile

import pytest

docx = pytest.importorskip("docx")

import wordgen  # noqa: E402 - after the skip
from conftest import run_cli  # noqa: E402
from lxml import etree  # noqa: E402

from rectlint.api import Linter  # noqa: E402
from rectlint.docx_reader import read_docx  # noqa: E402

W = wordgen.W


def _commented(path) -> dict:
    """comment id -> the body text its range covers (tracked deletions left out)."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    open_ids, covered = set(), {}
    for el in root.iter(W + "commentRangeStart", W + "commentRangeEnd", W + "t", W + "p"):
        cid = el.get(W + "id")
        if el.tag == W + "commentRangeStart":
            open_ids.add(cid)
            covered[cid] = ""
        elif el.tag == W + "commentRangeEnd":
            open_ids.discard(cid)
        elif el.tag == W + "t":
            for i in open_ids:
                covered[i] += el.text or ""
    return covered


def _draft(tmp_path, name="draft.docx"):
    path = tmp_path / name
    wordgen.build(path)
    return path


def test_every_finding_is_one_comment_on_the_flagged_text_and_the_original_is_untouched(tmp_path):
    path = _draft(tmp_path)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    done = run_cli("--no-cache", "--annotate", str(path))
    assert done.returncode == 1, done.stderr.decode()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    annotated = tmp_path / "draft.rectlint.docx"
    assert "已写出" in done.stderr.decode() and annotated.exists()

    findings = Linter().lint_paths([str(path)]).documents[str(path)].findings
    reopened = docx.Document(str(annotated))
    comments = list(reopened.comments)
    assert len(comments) == len(findings)
    assert all(c.author == "rectlint" for c in comments)
    visible = wordgen.visible().split("\n")
    covered = _commented(annotated)
    for finding, comment in zip(findings, comments):
        assert finding.zh in comment.text and f"[{finding.rule}]" in comment.text
        if finding.suggestion:
            assert finding.suggestion in comment.text
        if finding.line < 20 and finding.end_line == finding.line:  # in the body: anchored on the span
            flagged = visible[finding.line - 1][finding.column - 1:finding.end_column]
            assert covered[str(comment.comment_id)] == flagged
    note = comments[-1]
    assert note.text.startswith("位置：脚注 1")  # a footnote's finding says where it is


def test_the_annotated_copy_reads_and_lints_as_the_original(tmp_path):
    path = _draft(tmp_path)
    run_cli("--no-cache", "--annotate", str(path))
    annotated = tmp_path / "draft.rectlint.docx"
    assert read_docx(annotated.read_bytes(), "a").text == read_docx(path.read_bytes(), "o").text
    linter = Linter()
    key = lambda f: (f.line, f.column, f.rule, f.zh)  # noqa: E731
    assert [key(f) for f in linter.lint_paths([str(annotated)]).findings] == \
        [key(f) for f in linter.lint_paths([str(path)]).findings]


def test_formatting_tables_headers_and_existing_comments_are_kept(tmp_path):
    path = _draft(tmp_path)
    document = docx.Document(str(path))
    first = document.paragraphs[0]
    first.runs[0].bold = True
    document.add_comment(first.runs, text="请核对标题", author="编辑")
    document.save(str(path))
    run_cli("--no-cache", "--annotate", str(path))
    before, after = docx.Document(str(path)), docx.Document(str(tmp_path / "draft.rectlint.docx"))
    assert [(c.author, c.text) for c in after.comments][:1] == [("编辑", "请核对标题")]
    assert after.paragraphs[0].runs[0].bold
    assert [p.style.name for p in after.paragraphs] == [p.style.name for p in before.paragraphs]
    assert [[c.text for c in row.cells] for row in after.tables[0].rows] == \
        [[c.text for c in row.cells] for row in before.tables[0].rows]
    assert after.sections[0].header.paragraphs[0].text == before.sections[0].header.paragraphs[0].text
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(tmp_path / "draft.rectlint.docx") as new:
        assert set(old.namelist()) <= set(new.namelist())
        assert old.read("word/footnotes.xml") == new.read("word/footnotes.xml")


FIXABLE = ["关于巡察整改进展情况的通报",
           "一是建立台账,二是定期核对,三是加强督促。",
           "整改时限为2026年4月31日。"]


def _fixable(tmp_path):
    document = docx.Document()
    for text in FIXABLE:
        paragraph = document.add_paragraph()
        half = len(text) // 2  # two runs, so that a repair may cross a run boundary
        paragraph.add_run(text[:half])
        paragraph.add_run(text[half:]).italic = True
    path = tmp_path / "fix.docx"
    document.save(str(path))
    return path


def _reject(data: bytes) -> bytes:
    """The document with every tracked change rejected: insertions dropped, deletions restored."""
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for ins in list(root.iter(W + "ins")):
        ins.getparent().remove(ins)
    for deleted in list(root.iter(W + "del")):
        for t in deleted.iter(W + "delText"):
            t.tag = W + "t"
        parent, index = deleted.getparent(), deleted.getparent().index(deleted)
        for offset, child in enumerate(list(deleted)):
            parent.insert(index + offset, child)
        parent.remove(deleted)
    parts["word/document.xml"] = etree.tostring(root)
    out = __import__("io").BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_repairs_as_tracked_changes_accept_to_the_fixed_text_and_reject_to_the_original(tmp_path):
    path = _fixable(tmp_path)
    done = run_cli("--no-cache", "--annotate", "--fix-as-revisions", str(path))
    assert "处修订" in done.stderr.decode()
    revised = (tmp_path / "fix.rectlint.docx").read_bytes()
    plain = tmp_path / "fix.txt"
    plain.write_text("\n".join(FIXABLE), encoding="utf-8")
    run_cli("--no-cache", "--fix", str(plain))
    accepted = read_docx(revised, "r").text  # the reader shows insertions and drops deletions
    assert accepted == plain.read_text(encoding="utf-8")
    assert "一是建立台账，二是定期核对，三是" in accepted
    assert read_docx(_reject(revised), "r").text == "\n".join(FIXABLE)
    with zipfile.ZipFile(tmp_path / "fix.rectlint.docx") as archive:
        xml = archive.read("word/document.xml").decode()
    assert 'w:author="rectlint"' in xml and "<w:i/>" in xml.split("<w:ins")[2]  # the run's format is kept


def test_unsafe_repairs_are_revisions_only_when_asked(tmp_path):
    path = _fixable(tmp_path)
    safe = run_cli("--no-cache", "--annotate", "--fix-as-revisions", str(path)).stderr.decode()
    unsafe = run_cli("--no-cache", "--annotate", "--fix-as-revisions", "--unsafe-fixes", str(path)).stderr.decode()
    count = lambda err: int(err.split("条批注，")[1].split(" 处修订")[0])  # noqa: E731
    assert count(unsafe) >= count(safe) > 0


def test_format_docx_writes_to_the_output_file_and_needs_one(tmp_path):
    path = _draft(tmp_path)
    target = tmp_path / "reviewed.docx"
    done = run_cli("--no-cache", "--format", "docx", "-o", str(target), str(path))
    assert target.exists() and len(docx.Document(str(target)).comments) > 0
    assert "发现" in done.stdout.decode()  # the text report still goes to standard output
    missing = run_cli("--no-cache", "--format", "docx", str(path))
    assert missing.returncode == 2 and "-o" in missing.stderr.decode()
    over = run_cli("--no-cache", "--format", "docx", "-o", str(path), str(path))
    assert over.returncode == 2 and "原文件" in over.stderr.decode()


def test_annotate_skips_plain_text_drafts(tmp_path):
    plain = tmp_path / "a.txt"
    plain.write_text("整改时限为2026年4月31日。\n", encoding="utf-8")
    run_cli("--no-cache", "--annotate", str(plain))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def _soffice():
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.slow
def test_libreoffice_converts_the_annotated_copy_to_pdf(tmp_path):
    office = _soffice()
    if not office:
        pytest.skip("no LibreOffice on this machine (Debian package 'libreoffice-writer-nogui'; .ci/run installs it)")
    path = _draft(tmp_path)
    run_cli("--no-cache", "--annotate", "--fix-as-revisions", str(path))
    profile = tmp_path / "profile"
    done = subprocess.run([office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path / "pdf"), str(tmp_path / "draft.rectlint.docx")],
                          capture_output=True, timeout=180)
    pdf = tmp_path / "pdf" / "draft.rectlint.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr.decode(errors="replace")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000

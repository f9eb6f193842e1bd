"""Every file a notice comes in: the same notice as .docx and as the .doc, .odt, .rtf and .pdf
that the real LibreOffice writes from it, and as an OFD file, gives the same findings, each
placed in its format's own terms; a scan, a missing LibreOffice, a folder of unreadable drafts
are never a clean result.

The conversions start LibreOffice (seconds each), so they are made once for the session
(`made`) and marked slow: `pytest -m 'not slow'` skips them while working.
"""

from __future__ import annotations

import json
import sys

import pytest

from conftest import ROOT, run_cli
from corpus_files import CORPUS, read
from formatgen import notice_docx, notice_ofd, scanned_pdf, soffice, soffice_convert
from rectlint.api import Linter
from rectlint.config import Config

sys.path.insert(0, str(ROOT / "bench"))
import quality  # noqa: E402  (the defect operators of bench/quality.py)

NOTICES = ("c01-province-xunshi-result-lines", "c05-state-enterprise-prose-status", "c27-province-xunshi-progress")
DEFECTS = (quality.lose_year_month, quality.skip_item_number, quality.drop_status, quality.double_full_stop,
           quality.taizhang, quality.jiezhi, quality.placeholder, quality.lose_bracket)
CONVERTED = ("doc", "odt", "rtf")
HEADER = "某县委巡察工作领导小组办公室"


def defective(stem: str) -> list[str]:
    """A corpus notice with every defect of DEFECTS that finds a place in it."""
    _, text, _ = read(CORPUS / f"{stem}.txt")
    for operator in DEFECTS:
        hit = operator(text)
        if hit is not None:
            text = hit[0]
    return text.splitlines()


def long_paragraphs() -> list[str]:
    """A corpus notice whose prose lines are run together three at a time (headings stay on their
    own), with the prose of another notice as one paragraph longer than a page, so that page
    breaks fall inside paragraphs."""
    import regex

    lines = [line.strip() for line in read(CORPUS / f"{NOTICES[0]}.txt")[1].splitlines() if line.strip()]
    out, prose = [lines[0]], []
    for line in lines[1:]:
        if regex.match(r"[一二三四五六七八九十]+、|（|\d+[.、]", line):
            out.extend(["".join(prose)] if prose else [])
            out.append(line)
            prose = []
        else:
            prose.append(line)
            if len(prose) == 3:
                out.append("".join(prose))
                prose = []
    out += ["".join(prose)] if prose else []
    # and one paragraph longer than a page, which a page break must cut
    other = [line.strip() for line in read(CORPUS / f"{NOTICES[1]}.txt")[1].splitlines()[1:] if line.strip()]
    return [*out[:3], "".join(line for line in other if not regex.match(r"[一二三四五六七八九十]+、|（", line)),
            *out[3:]]


def quoted(result) -> set[tuple[str, str]]:
    """(rule, quoted text) of a document's findings, whatever the format's positions."""
    doc, out = result.document, set()
    for f in result.findings:
        first, last = doc.lines[f.line - 1], doc.lines[f.end_line - 1]
        out.add((f.rule, doc.text[first.start + f.column - 1:last.start + f.end_column]))
    return out


needs_office = pytest.mark.skipif(soffice() is None, reason="no LibreOffice on this machine (Debian package "
                                  "'libreoffice-writer-nogui'; .ci/run installs it)")


@pytest.fixture(scope="session")
def made(tmp_path_factory):
    """The three notices with their defects as .docx, .doc, .odt, .rtf and .pdf (LibreOffice writes
    all but the .docx: one start per format), a long notice with a running header and page
    numbers as .docx and .pdf, and every file linted by one Linter (its conversions batched)."""
    if soffice() is None:
        pytest.skip("no LibreOffice on this machine")
    folder = tmp_path_factory.mktemp("formats")
    sources = [notice_docx(folder / f"{stem}.docx", defective(stem)) for stem in NOTICES]
    framed = notice_docx(folder / "framed.docx", long_paragraphs(), header=HEADER, page_numbers=True)
    for target in CONVERTED:
        soffice_convert(sources, target, folder)
    soffice_convert([*sources, framed], "pdf", folder)
    result = Linter(Config()).lint_paths([str(folder)])
    assert result.errors == []
    return folder, result.documents


@pytest.mark.slow
@needs_office
@pytest.mark.parametrize("fmt", [*CONVERTED, "pdf"])
def test_every_format_gives_the_findings_of_the_docx(made, fmt):
    folder, documents = made
    for stem in NOTICES:
        docx = documents[str(folder / f"{stem}.docx")]
        other = documents[str(folder / f"{stem}.{fmt}")]
        wanted = quoted(docx)
        assert len({rule for rule, _ in wanted}) >= 4 and "broken-date" in {rule for rule, _ in wanted}, stem
        assert quoted(other) == wanted, stem
        body = docx.document.text  # the notice has no header: its text is the body
        assert other.document.text == body, stem


@pytest.mark.slow
@needs_office
def test_positions_are_in_each_formats_own_terms(made):
    folder, documents = made
    stem = NOTICES[0]
    for fmt in ("docx", *CONVERTED):
        for f in documents[str(folder / f"{stem}.{fmt}")].findings:
            assert set(f.place) == {"part", "part_index", "paragraph", "headings", "quote"}, fmt
    pdf = documents[str(folder / f"{stem}.pdf")]
    pages = set()
    for f in pdf.findings:
        assert set(f.place) == {"page", "line"} and f.place["line"] >= 1
        pages.add(f.place["page"])
    assert len(pages) > 1  # the findings are spread over the pages, each placed on its own


@pytest.mark.slow
@needs_office
def test_a_pdfs_running_header_and_page_numbers_are_frame_and_a_paragraph_spans_the_break(made):
    folder, documents = made
    pdf = documents[str(folder / "framed.pdf")]
    docx = documents[str(folder / "framed.docx")]
    body = docx.document.text.split("\n")[:docx.document.body_end - 1]
    assert pdf.document.text == "\n".join(body)  # no header, no page number, every paragraph whole
    assert HEADER not in pdf.document.text and "－" not in pdf.document.text
    where = pdf.document.pages
    crossing = [n for n in range(len(where.places)) if len({page for page, _ in where.places[n]}) > 1]
    assert crossing, "no paragraph crosses a page break: make the notice longer"
    assert not [f for f in pdf.findings if f.place["page"] > 1 and HEADER in f.message("zh")]


@pytest.mark.slow
@needs_office
def test_the_command_line_places_a_pdf_finding_on_its_page_and_line(made):
    folder, _ = made
    out = run_cli(folder / f"{NOTICES[0]}.pdf", "--no-cache", "--format", "json")
    found = json.loads(out.stdout)
    assert out.returncode == 1 and found and all(set(f["place"]) == {"page", "line"} for f in found)
    text = run_cli(folder / f"{NOTICES[0]}.pdf", "--no-cache").stdout.decode("utf-8")
    first = found[0]["place"]
    assert f"位置：第 {first['page']} 页第 {first['line']} 行" in text


@pytest.mark.slow
@needs_office
def test_annotate_writes_a_commented_docx_beside_a_doc(made, tmp_path):
    import docx

    folder, _ = made
    draft = tmp_path / "draft.doc"
    draft.write_bytes((folder / f"{NOTICES[0]}.doc").read_bytes())
    result = run_cli(draft, "--annotate", "--no-cache")
    assert result.returncode == 1, result.stderr.decode("utf-8")
    copy = tmp_path / "draft.rectlint.docx"
    comments = docx.Document(copy).comments
    assert len(list(comments)) == len(json.loads(run_cli(folder / f"{NOTICES[0]}.docx", "--format", "json",
                                                         "--no-cache").stdout))
    assert draft.read_bytes() == (folder / f"{NOTICES[0]}.doc").read_bytes()


@pytest.mark.slow
@needs_office
def test_an_ofd_file_gives_the_findings_of_the_docx(made, tmp_path):
    folder, documents = made
    for stem in NOTICES:
        ofd = notice_ofd(tmp_path / f"{stem}.ofd", defective(stem), header=HEADER)
        got = Linter(Config()).lint_paths([str(ofd)]).documents[str(ofd)]
        docx = documents[str(folder / f"{stem}.docx")]
        assert got.document.text == docx.document.text, stem
        assert quoted(got) == quoted(docx), stem
        assert all(set(f.place) == {"page", "line"} for f in got.findings)


# -- without LibreOffice, and files with nothing to read: fast -----------------------------------

def test_an_ofd_file_is_read_in_page_order_without_its_frame(tmp_path):
    lines = defective(NOTICES[0])
    ofd = notice_ofd(tmp_path / "n.ofd", lines, header=HEADER)
    doc = Linter(Config()).lint_paths([str(ofd)]).documents[str(ofd)].document
    assert doc.text == "\n".join(line.strip() for line in lines if line.strip())
    assert len({page for places in doc.pages.places for page, _ in places}) > 1


def test_a_scanned_pdf_is_exit_2_with_the_chinese_line(tmp_path):
    scan = scanned_pdf(tmp_path / "scan.pdf")
    result = run_cli(scan, "--no-cache")
    assert result.returncode == 2
    line = result.stderr.decode("utf-8").strip()
    assert "扫描件，无文字层" in line and "\n" not in line
    assert "未发现问题" not in result.stdout.decode("utf-8")


def test_a_damaged_pdf_and_a_damaged_ofd_are_one_line_each(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "b.ofd").write_bytes(b"PK\x03\x04 not really")
    result = run_cli(tmp_path, "--no-cache")
    lines = result.stderr.decode("utf-8").strip().splitlines()
    assert result.returncode == 2 and len(lines) == 2 and "Traceback" not in result.stderr.decode("utf-8")


def test_without_libreoffice_a_doc_is_exit_2_naming_what_to_install(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name, head in (("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), ("b.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
                       ("c.odt", b"PK\x03\x04")):
        (drafts / name).write_bytes(head + bytes(600))
    env = {"PATH": "", "RECTLINT_SOFFICE": ""}
    one = run_cli(drafts / "a.doc", "--no-cache", env=env)
    assert one.returncode == 2
    line = one.stderr.decode("utf-8").strip()
    assert "需要 LibreOffice" in line and "libreoffice-writer-nogui" in line and "\n" not in line
    folder = run_cli(drafts, "--no-cache", env=env)
    assert folder.returncode == 2 and folder.stderr.decode("utf-8").count("需要 LibreOffice") == 3
    assert "未发现问题" not in folder.stdout.decode("utf-8")
    assert "未能检查任何文稿" in folder.stdout.decode("utf-8")


@pytest.mark.slow
def test_a_conversion_past_its_time_limit_is_stopped(tmp_path):
    slow = tmp_path / "soffice"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    (tmp_path / "a.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    result = run_cli(tmp_path / "a.doc", "--no-cache",
                     env={"RECTLINT_SOFFICE": str(slow), "RECTLINT_SOFFICE_TIMEOUT": "1"})
    assert result.returncode == 2 and "转换超过 1 秒" in result.stderr.decode("utf-8")


def test_a_wps_that_is_no_compound_file_is_refused_not_read_as_plain_text(tmp_path):
    old = tmp_path / "old.wps"
    old.write_bytes(b"WPS\x00\x01" + "整改情况通报".encode("gb18030") * 40)
    result = run_cli(old, "--no-cache", env={"PATH": "", "RECTLINT_SOFFICE": ""})
    assert result.returncode == 2 and "不是 LibreOffice 能读的 .wps 文稿" in result.stderr.decode("utf-8")


def test_a_folder_walk_names_what_it_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("组织学习，提升水平。\n", encoding="utf-8")
    (tmp_path / "扫描.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "表格.xlsx").write_bytes(b"PK")
    (tmp_path / "notes.py").write_text("x = 1\n")
    (tmp_path / ".rectlint.yaml").write_text("select: [date]\n")
    result = run_cli(tmp_path, "--no-cache")
    err = result.stderr.decode("utf-8")
    assert "跳过 2 个文件" in err and "扫描.jpg：图片" in err and "表格.xlsx：.xlsx 不是" in err
    assert "另有 1 个其他文件" in err and ".rectlint.yaml" not in err
    english = run_cli(tmp_path, "--no-cache", "--lang", "en").stderr.decode("utf-8")
    assert "skipped 2 files" in english

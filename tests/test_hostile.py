"""Holds under attack (issue 37): readers bounded by what they produce, a bad file that is one
error line and never the end of the run. Each test is an attack that once cost gigabytes, took
minutes or stopped the run; sizes are kept small, with margins of ten times or more."""

import json
import time

import pytest

from conftest import run_cli
import hostile

from rectlint.api import Linter
from rectlint.config import Config
from rectlint.docx_reader import read_docx
from rectlint.errors import InputError
from rectlint.html_reader import read_html

ID = "110101199003074477"


# -- .docx ----------------------------------------------------------------------------------

def test_a_list_numbered_from_ten_billion_in_letters_has_short_markers():
    read = read_docx(hostile.numbering_bomb(50, start=10**10), "bomb.docx")
    lines = read.text.split("\n")
    assert len(lines) == 50 and max(map(len, lines)) <= 32 + len("整改情况。")


def test_numbering_values_that_are_not_numbers_are_read_without_an_error_quoting_them():
    data = hostile.docx({"word/document.xml": hostile.body(hostile.paragraph("整改。", num=1)),
                         "word/numbering.xml": hostile.numbering(0, "decimal").replace('w:val="0"', f'w:val="{ID}x"')})
    assert read_docx(data, "d.docx").text == "1.整改。"


def test_no_part_is_parsed_whole(tmp_path, monkeypatch):
    """Headers, footers, footnotes, numbering and styles are streamed like the body: a 199 MiB
    header once cost 4.4 GiB because it was parsed into one tree."""
    from lxml import etree
    from wordgen import build, visible

    build(tmp_path / "d.docx")
    data = (tmp_path / "d.docx").read_bytes()

    def whole(*args, **kwargs):
        raise AssertionError("a part was parsed whole")

    monkeypatch.setattr(etree, "fromstring", whole)
    monkeypatch.setattr(etree, "XML", whole)
    read = read_docx(data, "d.docx")
    assert read.text == visible()
    assert {p.kind for p in read.parts} == {"header", "footnote", "textbox"}


@pytest.mark.slow
def test_a_header_expanding_to_many_mib_is_read_in_little_memory(tmp_path):
    import subprocess, sys
    path = tmp_path / "h.docx"
    path.write_bytes(hostile.header_bomb(10))
    small = tmp_path / "small.docx"
    small.write_bytes(hostile.header_bomb(1))
    code = f"""
import resource
from rectlint.docx_reader import read_docx
read_docx(open({str(small)!r}, "rb").read(), "warm.docx")  # imports and first allocations
data = open({str(path)!r}, "rb").read()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
read = read_docx(data, "h.docx")
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) // 1024, len(read.text))
"""
    grown, chars = map(int, subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                                           text=True).stdout.split())
    assert path.stat().st_size < 2**20 and chars > 1_600_000  # 10 MiB of header XML in under 1 MiB
    assert grown < 16, grown  # MiB beyond a small one's; parsed into one tree it took 50 to 130


def test_a_docx_whose_text_is_over_the_size_limit_is_an_input_error():
    data = hostile.docx({"word/document.xml": hostile.body(hostile.paragraph("整" * 1000) * 200)})
    with pytest.raises(InputError) as caught:
        read_docx(data, "d.docx", max_chars=100_000)
    assert "max-mib" in str(caught.value)


def test_a_long_chain_of_based_on_styles_is_resolved_once_per_style(monkeypatch):
    from rectlint import docx_numbering

    looked = []
    parse = docx_numbering.Numbering.parse.__func__

    class Counting(dict):
        def __getitem__(self, key):
            looked.append(key)
            return super().__getitem__(key)

    def counted(cls, *args):
        out = parse(cls, *args)
        out.styles = Counting(out.styles)
        return out

    monkeypatch.setattr(docx_numbering.Numbering, "parse", classmethod(counted))
    read = read_docx(hostile.style_chain(links=400, paragraphs=400), "s.docx")
    assert read.text.split("\n")[:3] == ["1.整改情况。", "2.整改情况。", "3.整改情况。"]
    assert len(looked) < 3 * (400 + 400)  # once a chain per paragraph: 160,000


def test_a_long_chain_of_based_on_styles_is_walked_in_linear_time():
    # The walk remembers the styles it has passed to stop at a loop; asking a list whether it
    # holds one made the first paragraph of a 5,000-style chain cost 12 million comparisons.
    from rectlint.docx_numbering import Numbering

    compared = []

    class Name(str):
        __hash__ = str.__hash__

        def __eq__(self, other):
            compared.append(other)
            return str.__eq__(self, other)

    links = 2000
    names = [Name(f"s{i}") for i in range(links + 1)]
    numbering = Numbering(styles={names[i]: (None, None, names[i + 1]) for i in range(links)})
    numbering.styles[names[links]] = ("1", "0", None)
    assert numbering._from_style(names[0]) == ("1", "0")
    assert numbering._from_style(names[links // 2]) == ("1", "0")
    assert len(compared) < 10 * links  # a list asked each step: 2 million


@pytest.mark.parametrize("damage", [hostile.damaged_crc, hostile.damaged_local_header])
def test_a_damaged_docx_is_one_error_line_and_the_run_goes_on(tmp_path, damage):
    bad = tmp_path / "a-bad.docx"
    bad.write_bytes(damage())
    good = tmp_path / "b-good.txt"
    good.write_text("组织学习《条例，提升水平。\n", encoding="utf-8")
    out = run_cli(bad, good, "--format", "json", "--no-cache")
    assert out.returncode == 2
    assert [f["path"] for f in json.loads(out.stdout)] == [str(good)]
    lines = out.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1 and "a-bad.docx" in lines[0] and "internal" not in lines[0]


# -- .html ----------------------------------------------------------------------------------

def test_reading_the_dates_of_a_long_draft_leaves_no_reference_cycles():
    # A run that is no date is kept as the Bad it raised. With its traceback, each one held the
    # frames that held the list that held it: garbage that only a full collection frees, which a
    # growing heap postpones (250 MiB while a 10 MiB .docx was read).
    import gc

    from rectlint.document import Document

    doc = Document("".join(f"第{i}段，2025年{i % 12 + 1}月完成，5号楼改造，编号13{i:09d}。\n" for i in range(2000)))
    gc.collect()
    gc.disable()
    try:
        assert len(doc.dates.written) == 2000
        assert gc.collect() < 100  # a cycle for each run that is no date: 16,000 objects here
    finally:
        gc.enable()


def test_a_documents_lines_hold_no_copy_of_its_text():
    # Each line held its own string: 1.5 million of them for a 10 MiB draft of short lines
    # (893 MiB in all), and the text of a long draft twice.
    import pickle
    import tracemalloc

    from rectlint.document import Document, DocumentView

    text = "".join(f"（{i % 9 + 1}）整改情况：已完成台账核对并建立长效机制。\n" for i in range(20_000))
    tracemalloc.start()
    try:
        doc = Document(text)
        held = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    assert [line.text for line in doc.lines[:2]] == ["（1）整改情况：已完成台账核对并建立长效机制。",
                                                   "（2）整改情况：已完成台账核对并建立长效机制。"]
    assert held - 2 * len(text) * 2 < 180 * len(doc.lines)  # beside the text and its folded copy: once 253 a line
    line = doc.lines[5]
    assert len(pickle.dumps(line)) < 200 and pickle.loads(pickle.dumps(line)) == line  # travels without the text
    view = DocumentView(doc.path, doc.kind, None, len(doc.lines), {6: line.detached()})
    assert view.lines[5] == line and view.lines[5]._text is not text
    assert not hasattr(doc.paragraphs[0], "__dict__")  # a paragraph a line: no dict each


def test_duplicate_passage_normalises_again_only_the_paragraphs_that_share_a_run(monkeypatch):
    # Every segment's normalised text was held at once beside the shingle index: +144 MiB at the
    # peak of a 10 MiB .docx. Only the paragraphs a passage is checked on are normalised again.
    from rectlint.rules import duplicate_passage

    made = []
    real = duplicate_passage._Segments.__init__

    def keep(self, *args):
        real(self, *args)
        made.append(self)

    monkeypatch.setattr(duplicate_passage._Segments, "__init__", keep)
    copied = "整改情况：制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审。"
    items = "".join(f"{k}.第{k}项问题。\n整改情况：第{k}个单位于当月建立第{k}号专项台账并逐月核对销号。\n" for k in range(1, 41))
    text = f"关于巡察整改进展情况的通报\n二、整改落实情况\n{items}41.文风不实。\n{copied}\n42.照搬照抄。\n{copied}\n"
    findings = Linter(Config(), ["duplicate-passage"]).lint_text(text, "d.txt").findings
    assert [f.line for f in findings] == [86]
    assert len(made) == 1 and len(made[0].made) == 2  # the two copies' paragraphs, not all 42


def test_records_held_per_line_date_heading_and_finding_have_no_dict():
    # A 10 MiB .docx holds some 260,000 lines, 95,000 headings, 54,000 dates and 93,000 findings
    # at once: a dict each was tens of MiB.
    result = Linter(Config()).lint_text("关于巡察整改进展情况的通报\n一、整改落实情况\n（一）台帐不全。\n"
                                        "整改情况：2025年3月1日已完成。\n", "r.txt")
    doc, finding = result.document, result.findings[0]
    for record in (doc.outline.headings[0], doc.dates.written[0], finding):
        assert not hasattr(record, "__dict__"), type(record).__name__
    assert doc.dates.written[0].pieces[0].notes == frozenset()


def test_what_rules_hold_per_paragraph_date_heading_and_count_is_compact(monkeypatch):
    # A 10 MiB .docx holds ~260,000 paragraphs, 54,000 dates, 95,000 headings and the counting
    # sentences of 70,000 paragraphs while its rules run: a list, a dict or a record each that no
    # rule asks for was tens of MiB of its 574 MiB peak.
    from rectlint.conventions import counts
    from rectlint.conventions.chronology import read_chronology
    from rectlint.document import Document, Paragraph
    from rectlint.outline import Status

    read = []
    monkeypatch.setattr(counts, "read", lambda *args, real=counts.read: read.append(real(*args)) or read[-1])
    doc = Linter(Config()).lint_text("关于巡察整改进展情况的通报\n一、整改落实情况\n（一）台帐不全。\n"
                                     "整改情况：2025年3月1日已完成。\n反馈问题12个，已完成整改10个，正在整改2个。\n"
                                     "开展培训5次，其中专题培训2次。\n", "r.txt").document
    # A paragraph is where its lines stand, not a list of them.
    assert "lines" not in Paragraph.__slots__ and not hasattr(doc.paragraphs[0], "__dict__")
    assert [p.lines for p in doc.paragraphs] == [[line] for line in doc.lines]
    md = Document("# 标题\n\n第一行\n第二行\n", kind="md")
    assert [[line.text for line in p.lines] for p in md.paragraphs] == [["# 标题"], ["第一行", "第二行"]]
    # Counting sentences are kept only with a group or a defect, without the figures no group holds.
    # The run let them go after its last rule that asked (Document.drop): asked again, read again.
    assert "counts" not in doc.__dict__ and len(read) == 2
    kept = counts.reading(doc)
    assert len(read) == 4 and [p.first.number for p, _ in kept] == [5]
    assert kept[0][1].figures == () and not hasattr(kept[0][1].groups[0].total, "__dict__")
    # A date in the commonest shape holds no dict of its digits: they are read back when asked.
    written = doc.dates.written[0]
    assert written.pieces[0]._digits is None and written.invalid == ()
    assert written.pieces[0].digits == {"year": ("2025", 37), "month": ("3", 42), "day": ("1", 44)}
    # A leaf heading, and one without body lines, share one empty tuple; records have no dict.
    assert doc.outline.headings[-1].children == () and doc.outline.headings[0].body == ()
    for record in (read_chronology(doc).dated[0], Status("已完成", 0, 3, "line", None)):
        assert not hasattr(record, "__dict__"), type(record).__name__


def test_plan_sections_are_looked_up_by_bisection():
    # Each date asked every plan section (下一步工作打算) of the text whether it lay inside it: a long
    # draft with one in every copy was quadratic (date-chronology: 38 s of a 10 MiB .docx).
    import random

    from rectlint.conventions.chronology import _Zones, read_chronology
    from rectlint.document import Document

    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randrange(-2, 12)) for a in (rng.randrange(60) for _ in range(rng.randrange(6)))]
        zones = _Zones(spans)
        assert [x in zones for x in range(-2, 80)] == [any(a <= x < b for a, b in spans) for x in range(-2, 80)]
    copy = ("一、整改落实情况\n（一）关于台账管理不规范的问题。\n整改情况：已于2025年3月5日完成。\n"
            "二、下一步工作打算\n（一）2025年12月底前健全制度。\n")
    doc = Document("关于巡察整改进展情况的通报\n" + copy * 6000 + "中共某局党组\n2025年10月9日\n")
    doc.outline, doc.dates
    started = time.process_time()
    dated = read_chronology(doc).dated
    assert time.process_time() - started < 0.45  # CPU seconds; asking each section: 0.8
    assert sum(d.role == "plan" for d in dated) == 6000 and len(dated) == 12001


def test_a_long_line_of_personal_numbers_is_masked_in_linear_time():
    # Each number masked made a new copy of the whole text: quadratic on one long line of them
    # (worst_case "personal numbers": 4.9x at 4x the size).
    from rectlint.privacy import _own_digits, find_numbers, is_channel, mask, mask_digits
    from rectlint.text import fold

    def one_copy_a_number(text):
        folded = fold(text)
        for n in find_numbers(folded):
            if not (n.kind == "mobile" and is_channel(folded, n.start, n.end)):
                start = _own_digits(text, n)
                text = text[:start] + mask_digits(text[start:n.end]) + text[n.end:]
        return text

    unit = "联系人{}：身份证１１０１０１ 19900307 4477，手机+86 139-1234-5678，举报电话13912345678，卡6214 8301 0234 5678 909。"
    sample = "".join(unit.format(i) for i in range(40))
    assert mask(sample) == one_copy_a_number(sample) != sample
    text = "".join(unit.format(i) for i in range(12_000))
    started = time.process_time()
    masked = mask(text)
    assert time.process_time() - started < 2.5  # CPU seconds; a copy a number: 18
    assert len(masked) == len(text) and "4477" in masked and "19900307" not in masked


def test_a_rules_hits_are_let_go_once_made_into_findings():
    # The engine kept every Hit until all rules had run, beside its Finding: 93,646 of them for
    # a 10 MiB .docx. A finding's span is all that the settling of contexts needs.
    import gc
    import weakref
    from types import SimpleNamespace

    from rectlint.document import Document
    from rectlint.engine import run_rules
    from rectlint.finding import Fix, Hit

    made, alive = [], []

    def first(doc, options):
        for k in range(50):
            hit = Hit(k * 10, k * 10 + 2, "台帐", "taizhang", fix=Fix.replace(k * 10, k * 10 + 2, "台账"))
            made.append(weakref.ref(hit))
            yield hit

    def second(doc, options):
        gc.collect()
        alive.append(sum(ref() is not None for ref in made))
        return []

    def active(rule_id, check):
        rule = SimpleNamespace(id=rule_id, category="wording", takes_context=False, frame=True, check=check)
        return SimpleNamespace(rule=rule, options={}, severity="warning")

    doc = Document("台帐核对已完成。\n" * 50)
    findings = run_rules(doc, [active("a", first), active("b", second)])
    assert alive[0] <= 1 and len(findings) == 50  # the last, still named by the engine's loop; all 50 before
    assert findings[0].settled is not None and "台账" in findings[0].settled  # contexts still settled


def _quick(call, seconds):
    started = time.perf_counter()
    result = call()
    assert time.perf_counter() - started < seconds
    return result


def test_a_flood_of_unclosed_tags_is_read_in_linear_time():
    text, _ = _quick(lambda: read_html(hostile.tag_flood(200_000)), 2)  # html.parser: minutes
    assert text == "正文。\n"


def test_unclosed_scripts_and_styles_are_read_in_linear_time():
    text, _ = _quick(lambda: read_html(hostile.unclosed_raw(4000)), 2)  # once 30 s
    assert text.count("段正文") == 4000 and "var" not in text


def test_a_marked_section_that_is_no_cdata_is_read_as_a_browser_reads_it():
    text, _ = read_html(hostile.bogus_marked_section(ID))
    assert text == "整改情况：已完成。\n\n联系电话：0791-6123456。\n"


def test_the_page_reader_holds_a_few_bytes_per_character():
    import tracemalloc
    page = hostile.page("".join(f"<p class='x'>第{i}段，整改情况：已完成。</p>\n" for i in range(5000)))
    tracemalloc.start()
    try:
        text, source = read_html(page)
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert kept < 8 * len(text) and peak < 24 * len(text)  # once about 230 bytes a character
    assert source.location(len("第0段，"), len("第0段，整改")) == (1, 60, 1, 61)


# -- a bad file is one error line --------------------------------------------------------------

def test_a_reader_fault_of_any_kind_is_that_files_error_and_never_quotes_it(tmp_path, monkeypatch):
    from rectlint import html_reader

    def choke(markup):
        raise ValueError(f"cannot parse {markup[:40]!r}")

    monkeypatch.setattr(html_reader, "read_html", choke)
    page = tmp_path / "a.html"
    page.write_text(f"<p>身份证号{ID}</p>", encoding="utf-8")
    draft = tmp_path / "b.txt"
    draft.write_text("组织学习《条例，提升水平。\n", encoding="utf-8")
    result = Linter(Config()).lint_paths([str(page), str(draft)])
    assert list(result.documents) == [str(draft)]
    assert len(result.errors) == 1 and "a.html" in result.errors[0] and "ValueError" in result.errors[0]
    assert ID[:6] not in result.errors[0] and ID[:6] not in result.errors[0].zh


def test_json_and_sarif_stay_valid_and_name_the_file_that_failed(tmp_path):
    bad = tmp_path / "a.docx"
    bad.write_bytes(hostile.damaged_crc())
    good = tmp_path / "b.txt"
    good.write_text("组织学习《条例，提升水平。\n", encoding="utf-8")
    for fmt in ("json", "jsonl", "sarif"):
        out = run_cli(bad, good, "--format", fmt, "--no-cache")
        assert out.returncode == 2, fmt
        if fmt == "jsonl":
            records = [json.loads(line) for line in out.stdout.splitlines()]
            assert records[-1]["failed"] == 1
        elif fmt == "sarif":
            log = json.loads(out.stdout)
            notes = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
            assert len(notes) == 1 and "a.docx" in notes[0]["message"]["text"]
            assert log["runs"][0]["results"]
        else:
            assert json.loads(out.stdout)


# -- time linear in the input ------------------------------------------------------------------

NOTICE_HEAD = "关于巡察整改进展情况的通报\n\n一、整改落实情况\n\n（一）关于台账管理不规范的问题。\n\n整改情况：已完成。\n\n"
NOTICE_TAIL = "\n\n中共某局党组\n\n2025年10月9日\n"


@pytest.mark.parametrize("piece", ["12，", "2025年3月1日"])
def test_a_long_line_whose_pieces_recur_elsewhere_is_compared_in_linear_time(piece):
    """A table flattened into one line, or a run of dates: once 28 s for 40,000 characters."""
    text = NOTICE_HEAD + piece * (30_000 // len(piece)) + "\n\n" + piece * 25 + NOTICE_TAIL
    linter = Linter(Config(), ["duplicate-passage"])
    found = _quick(lambda: linter.lint_text(text, "t.txt").findings, 3)
    # the whole short copy, pointing at the start of the long line
    assert [(f.line, f.column, f.end_column, f.related[0].line) for f in found] == [
        (11, 1, len((piece * 25).rstrip("，")), 9)]


# -- a worker that dies -------------------------------------------------------------------------

KILLER = '''"""Ends its own process, as the kernel's out-of-memory killer would, on a draft saying so.

Why: a test of what the run does when a lint process dies.

Bad:  请结束本进程。
Good: 正常文本。
"""
import os
import signal

ID = "test-killer"
CATEGORY = "wording"
SEVERITY = "warning"
OPTIONS = {}


def check(doc, options):
    if "请结束本进程" in doc.text and os.environ.get("RECTLINT_TEST_MAIN") != str(os.getpid()):
        os.kill(os.getpid(), signal.SIGKILL)
    return iter(())
'''


def test_a_lint_process_that_dies_ends_the_run_with_its_files_as_errors(tmp_path):
    from test_plugins import install_plugin
    import subprocess, sys

    env = install_plugin(tmp_path)
    (tmp_path / "site" / "house_rules.py").write_text(KILLER, encoding="utf-8")
    (tmp_path / "site" / "house_rules-0.1.dist-info" / "entry_points.txt").write_text(
        "[rectlint.rules]\ntest-killer = house_rules\n", encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for i in range(40):
        (drafts / f"d{i:02}.txt").write_text("请结束本进程。\n" if i == 25 else "组织学习《条例。\n", encoding="utf-8")
    import os
    path = os.pathsep.join(filter(None, [env["PYTHONPATH"], os.environ.get("PYTHONPATH")]))
    proc = subprocess.run([sys.executable, "-c", "import os; os.environ['RECTLINT_TEST_MAIN'] = str(os.getpid()); "
                           "from rectlint.cli import main; main()", "-j", "2", "--no-cache", "--format", "json",
                           str(drafts)], capture_output=True, timeout=30, env={**os.environ, "PYTHONPATH": path})
    assert proc.returncode == 2
    errors = proc.stderr.decode("utf-8").strip().splitlines()
    assert any("d25.txt" in line and "检查进程意外终止" in line for line in errors), errors
    linted = {f["path"] for f in json.loads(proc.stdout)}
    assert linted and not linted & {line.split("：")[0].removeprefix("rectlint: ") for line in errors}


# -- the cache -----------------------------------------------------------------------------------

def _cache_entry(tmp_path):
    draft = tmp_path / "d.txt"
    draft.write_text("关于巡察整改进展情况的通报\n\n组织学习《条例，提升水平。2025318日召开会议。\n", encoding="utf-8")
    cache = tmp_path / "cache"
    fresh = Linter(keep_documents=False, cache_dir=cache).lint_paths([str(draft)])
    (entry,) = [p for p in cache.rglob("*") if p.is_file() and p.parent != cache]  # not the folder's .gitignore and tag
    return draft, cache, entry, fresh.findings


def test_a_cache_entry_with_a_flipped_bit_is_never_trusted(tmp_path):
    import random
    draft, cache, entry, expected = _cache_entry(tmp_path)
    data = entry.read_bytes()
    rng = random.Random(5)
    for _ in range(150):
        at = rng.randrange(len(data))
        entry.write_bytes(data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1:])
        again = Linter(keep_documents=False, cache_dir=cache).lint_paths([str(draft)])
        assert again.findings == expected and not again.errors  # once 12% of flips changed the report


def test_a_crafted_cache_entry_cannot_put_nan_into_json(tmp_path):
    import hashlib
    draft, cache, entry, _ = _cache_entry(tmp_path)
    data = entry.read_bytes()
    checksum, sep, payload = data.partition(b"\n") if data[:1] != b"{" else (b"", b"", data)
    record = json.loads(payload)
    record["findings"][0]["at"][1] = float("nan")
    crafted = json.dumps(record, ensure_ascii=False).encode("utf-8")
    # Whoever crafts an entry can compute its checksum as well.
    entry.write_bytes(hashlib.sha256(crafted).hexdigest().encode() + b"\n" + crafted if sep else crafted)
    out = run_cli(draft, "--format", "json", "--cache-dir", cache)
    assert b"NaN" not in out.stdout and json.loads(out.stdout, parse_constant=lambda c: 1 / 0)


# -- the configuration is bounded ---------------------------------------------------------------

def _config_run(tmp_path, config: str, *args, text="组织学习《条例。\n"):
    (tmp_path / ".rectlint.yaml").write_text(config, encoding="utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text(text, encoding="utf-8")
    return run_cli(draft, "--no-cache", *args, cwd=tmp_path)


def test_a_wording_pattern_that_runs_away_is_stopped_and_said_once(tmp_path):
    config = "wording:\n  - id: evil\n    kind: existence\n    tokens: ['(a|aa)+$']\n"
    started = time.perf_counter()
    out = _config_run(tmp_path, config, "--format", "json", text="a" * 38 + "!\n")
    assert time.perf_counter() - started < 10  # once hours: 13 s at 34 characters, doubling per 1.4
    found = json.loads(out.stdout)
    assert [(f["rule"], f["severity"]) for f in found] == [("evil", "error")] and "(a|aa)+" in found[0]["message"]


def test_yaml_aliases_are_refused_and_never_expanded(tmp_path):
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(12)) + "rules: {paired-punctuation: {severity: *m}}\n"
    started = time.perf_counter()
    out = _config_run(tmp_path, laughs)
    assert time.perf_counter() - started < 10 and out.returncode == 2
    assert len(out.stderr) < 300 and "别名".encode() in out.stderr and b"Traceback" not in out.stderr


@pytest.mark.parametrize("config", ["max-mib: .inf\n", "max-mib: .nan\n", "max-mib: -1\n",
                                    "rules: {duplicate-passage: {min-chars: .nan}}\n",
                                    "rules: {duplicate-passage: {min-chars: -5}}\n",
                                    "lang: [en]\nselect: [no-such-rule]\n"],
                         ids=["inf", "nan", "negative", "option-nan", "option-negative", "lang-list"])
def test_numbers_must_be_finite_and_positive_and_odd_values_are_config_errors(tmp_path, config):
    out = _config_run(tmp_path, config)
    assert out.returncode == 2 and b"internal error" not in out.stderr and b".rectlint.yaml:" in out.stderr


@pytest.mark.parametrize("value", ["inf", "nan", "1e400"])
def test_max_mib_and_the_servers_limits_must_be_finite(tmp_path, value):
    for args in (["--max-mib", value, "d.txt"], ["serve", "--timeout", value, "--openapi"],
                 ["serve", "--max-mib", value, "--openapi"]):
        out = run_cli(*args, cwd=tmp_path)
        assert out.returncode == 2 and b"finite" in out.stderr and b"internal" not in out.stderr, args


def test_a_configuration_over_one_mib_is_refused(tmp_path):
    out = _config_run(tmp_path, "select: [all]\n" + "# padding\n" * 120_000)
    assert out.returncode == 2 and "MiB".encode() in out.stderr


def test_a_long_value_is_quoted_short_in_the_error(tmp_path):
    out = _config_run(tmp_path, "rules:\n  paired-punctuation:\n    severity: " + "x" * 50_000 + "\n")
    assert out.returncode == 2 and len(out.stderr) < 400


def test_a_part_looks_back_at_a_bounded_number_of_totals(monkeypatch):
    # A part asked every earlier total of its paragraph which it counts, comparing records field
    # by field: one line repeating a total and its parts 8,000 times took 155 s.
    from rectlint.conventions import counts

    seen, base = [], counts._base

    def counted(m, fig, totals, *rest):
        seen.append(len(totals))
        return base(m, fig, totals, *rest)

    monkeypatch.setattr(counts, "_base", counted)
    text = "反馈问题4个，涉及5人，已完成整改3个，正在整改1个，" * 2000
    groups, _ = counts.read_paragraph(text, 0, len(text))
    totals = [g for g in groups if g.kind == "problems"]
    assert len(totals) == 2000 and all([p.status for p in g.parts] == ["done", "open"] for g in totals)
    assert len(seen) == 4000 and max(seen) <= 4  # each kind's first and latest total


def test_each_sentence_of_a_paragraph_is_given_only_its_own_figures(monkeypatch):
    # Every sentence's defects pass filtered all the paragraph's figures: 13,000 sentences of one
    # line (200,000 characters) took 6 s.
    from rectlint.conventions import counts

    given, defects = [], counts.defects

    def counted(text, lo, hi, figures, *rest):
        given.append(len(figures))
        return defects(text, lo, hi, figures, *rest)

    monkeypatch.setattr(counts, "defects", counted)
    text = "审计发现问题4个，已整改4个。修订内部控制制度5项。" * 1000
    reading = counts.read(text, 0, len(text))
    assert len(reading.figures) == 3000 and sum(given) == 3000


def test_the_words_before_a_figure_are_found_where_a_search_would_find_them():
    # A failed reverse search tried every position back to the paragraph's start; `_anchor`
    # tries one place (two before a line ending), and must answer as the search did.
    import random

    from rectlint.conventions import counts

    rng = random.Random(5)
    pieces = ["反馈", "已整改", "问题", "的", "共", "其余", "完成率", "\n", "，", "整改", "方面", "措施", "x", "3"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        lo, end = sorted(rng.randint(0, len(text)) for _ in range(2))
        found, told = counts._anchor(text, lo, end), counts._ANCHOR_END.search(text, lo, end)
        assert (found and found.span()) == (told and told.span()), (text, lo, end)


def test_a_position_inside_quotes_is_told_by_bisection():
    import random

    from rectlint import outline

    rng = random.Random(3)
    for _ in range(500):
        text = "".join(rng.choice("《》“”ab") for _ in range(rng.randint(0, 30)))
        spans = outline._quoted(text, 0, len(text))
        starts = [a for a, _ in spans]
        for pos in range(len(text)):
            assert outline._within(spans, starts, pos) == any(a <= pos < b for a, b in spans)

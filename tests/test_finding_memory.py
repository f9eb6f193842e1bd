"""What a finding holds: a 10 MiB .docx gives some 93,000 findings at once, and each held two
messages, a context, a quote and a place dict of its own (1.1 KB a finding)."""

import io

import docx

from rectlint.api import Linter
from rectlint.config import Config


def _findings():
    draft = docx.Document()
    draft.add_paragraph("关于巡察整改进展情况的通报")
    for k in range(1, 4):
        draft.add_paragraph(f"（{k}）建立台帐，联系人手机13912345678。")
    data = io.BytesIO()
    draft.save(data)
    return Linter(Config()).lint_bytes(data.getvalue(), "d.docx").findings


def test_findings_of_one_message_share_its_strings_and_hold_no_dict():
    findings = _findings()
    terms = [f for f in findings if f.rule == "taizhang"]
    assert len(terms) == 3 and len({id(f.zh) for f in terms}) == len({id(f.en) for f in terms}) == 1
    for f in terms:
        assert not hasattr(f, "__dict__") and not hasattr(f._place, "__dict__") and not hasattr(f._context, "__dict__")
        assert f.related == ()
    first = terms[0]
    # context and place are made when read, and read as they always have
    assert first.context == "（1）建立\x00台帐\x00，联系人手机139***"
    assert first.place == {"part": "body", "part_index": None, "paragraph": 2, "headings": ["（1）"],
                           "quote": "（1）建立台帐，联系人手机139****567…"}
    # the findings on one line cut their context and quote from one masked line
    same_line = [f for f in findings if f.line == first.line]
    assert len(same_line) == 2 and len({id(f._context.line) for f in same_line} | {id(f._place.line) for f in same_line}) == 1


def test_the_settled_context_a_cache_or_baseline_keeps_is_masked():
    # A line holding both a certain repair and a mobile number: the context as it reads after the
    # repair is cut from the masked line, never from the raw text.
    from rectlint.api import Linter

    text = "关于巡察整改进展情况的通报\n\n一、整改情况\n\n建立台帐，联系人手机13912345678。\n"
    found = Linter().lint_text(text, "d.txt").findings
    settled = [f.settled for f in found if f.settled is not None]
    assert settled and all("13912345678" not in s for s in settled), settled


def test_findings_sorted_a_field_at_a_time_are_in_sort_key_order():
    import random

    from rectlint.finding import Finding, sort_findings

    rng = random.Random(3)
    found = [Finding(rng.choice("ab"), rng.randrange(1, 5), rng.randrange(1, 4), 1, 1, rng.choice(["x", "y", "z"]),
                     "date", "error", str(k), str(k)) for k in range(400)]
    assert [f.zh for f in sort_findings(list(found))] == [f.zh for f in sorted(found, key=Finding.sort_key)]


def test_heap_release_is_a_no_op_for_short_texts_and_safe_for_long_ones():
    from rectlint import heap

    heap.release(10)
    heap.release(heap.LONG_TEXT, collect=True)  # glibc: trims; elsewhere nothing to call

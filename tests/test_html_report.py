"""The HTML report at scale: document order, links both ways, alike findings counted on one line,
an offline filter, the page frame muted and one-character findings visible."""

from __future__ import annotations

import re

from conftest import SEEDS, run_cli

import pytest


def _report(*paths) -> str:
    return run_cli("--no-cache", "--format", "html", *paths).stdout.decode("utf-8")


def _found_on_seed() -> int:
    """How many findings the rules give on seed 000 (each has one mark and one list entry)."""
    from rectlint.api import Linter

    return len(Linter().lint_paths([str(next(SEEDS.glob("000*.txt")))]).findings)


@pytest.fixture(scope="module")
def seed_report():
    seed = next(SEEDS.glob("000*.txt"), None)
    if seed is None:
        pytest.skip(f"seeds not found at {SEEDS}")
    return _report(seed)


def test_alike_findings_are_one_line_with_a_count_in_document_order(seed_report):
    summaries = re.findall(r"<summary><a class=\"at\" href=\"#f\d+\">(\d+):(\d+)</a>.*?\[([a-z-]+)\]", seed_report)
    assert ("21", "1", "missing-status") in summaries
    assert "×44" in seed_report
    firsts = [(int(line), int(col)) for line, col in re.findall(r'<li (?:id="l\d+" )?class="[^"]*">(?:<details><summary>)?<a class="at" '
                                                                    r'href="#f\d+">(\d+):(\d+)</a>', seed_report)]
    assert firsts == sorted(firsts)  # each line stands where its first finding is
    top = re.findall(r'<ul class="findings">(.*)</ul></section>', seed_report, re.S)[0]
    assert top.count("<details>") < 30 and seed_report.count('class="anchor"') == _found_on_seed()


def test_each_mark_links_to_its_list_entry_and_back(seed_report):
    anchors = set(re.findall(r'<span class="anchor" id="f(\d+)">', seed_report))
    back = set(re.findall(r'<sup class="to [^"]*"><a href="#l(\d+)">', seed_report))
    entries = set(re.findall(r'<li id="l(\d+)"', seed_report))
    to_text = set(re.findall(r'href="#f(\d+)"', seed_report))
    assert anchors == back == entries == {str(i) for i in range(1, _found_on_seed() + 1)}
    assert to_text <= anchors


def test_the_filter_needs_no_script_and_covers_what_was_found(seed_report):
    assert "<script" not in seed_report.lower()
    for box in ("show-c-date", "show-c-status", "show-s-warning", "show-s-info"):
        assert f'id="{box}" checked' in seed_report
        assert f"body:has(#{box}:not(:checked))" in seed_report
    assert "show-c-privacy" not in seed_report and "show-s-error" not in seed_report


def test_the_page_frame_is_muted_and_one_character_marks_are_boxed(seed_report):
    assert '<div class="line frame"><span class="ln">1</span>' in seed_report
    assert '<div class="line"><span class="ln">7</span>' in seed_report
    assert re.search(r'<mark tabindex="0" class="[^"]* one"[^>]*>[,:;()]<span', seed_report)


def test_a_clean_document_has_an_empty_list(tmp_path):
    draft = tmp_path / "clean.txt"
    draft.write_text("整改工作有序推进。\n", encoding="utf-8")
    report = _report(draft, "--select", "invalid-date")
    assert "<p>—</p>" in report and 'class="filters"' in report

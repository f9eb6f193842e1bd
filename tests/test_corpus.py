"""tests/corpus/: clean notices in many house styles that no rule may flag.

Each notice was written by the team in the genre (巡视, 巡察 and 审计 reports; province,
city, county, township, university, state enterprise, hospital, court and 街道 issuers;
plain text, Markdown, a saved web page and .docx), each fully consistent: counts add up,
dates are in order, every item states its status in one of the forms real notices use.
`bench/quality.py` injects defects into the same notices to measure recall.
"""

import pytest

import corpus_files
from rectlint.api import Linter
from rectlint.config import Config

NOTICES = corpus_files.notices()


def read(path):
    return corpus_files.read(path)[2]


def test_the_corpus_covers_kinds_and_formats():
    assert len(NOTICES) >= 30
    assert {p.suffix for p in NOTICES} >= {".txt", ".md", ".html", ".docx"}
    kinds = {read(p).info.kind for p in NOTICES}
    assert kinds == {"inspection", "audit"}


@pytest.mark.parametrize("path", NOTICES, ids=[p.name for p in NOTICES])
def test_clean_notice_draws_no_error_or_warning(path):
    doc = read(path)
    found = [f for f in Linter(Config()).lint_text(doc.text, str(path), doc.kind).findings if f.severity != "info"]
    assert found == [], "\n".join(f"{f.line}: [{f.rule}] {f.zh}" for f in found)


@pytest.mark.parametrize("path", NOTICES, ids=[p.name for p in NOTICES])
def test_clean_notice_is_read_as_a_whole_notice_with_every_status(path):
    doc = read(path)
    assert doc.info.completeness == "complete"
    items = doc.outline.items
    assert items and all(h.status is not None for h in items) or path.name.startswith("c10-")

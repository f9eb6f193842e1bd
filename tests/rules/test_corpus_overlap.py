"""corpus-overlap: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from rectlint.api import LintContext, Linter
from rectlint.config import Config
from rectlint.corpus import Corpus, sha_of
from rectlint.document import Document

from drafts import notice


@pytest.fixture
def corpus(index_at):  # on each engine: an SQLite file, a PostgreSQL database
    index = Corpus(index_at, create=True)
    texts = {f"notice-{i}.txt": notice(f"第{i}单位", f"第{i}单位结合自身实际，采取了编号为{i}的专门措施，内容各不相同{'甲乙丙丁戊己庚辛'[i]}。")
             for i in range(6)}
    texts["source.txt"] = notice("来源单位", "建立问题清单、任务清单和责任清单，实行挂图作战、对账销号，每月召开推进会听取进展。")
    for name, text in texts.items():
        index.add(name, Document(text, name))
    yield index
    index.close()


def test_draft_reusing_a_paragraph_names_the_indexed_document(corpus, tmp_path):
    draft = notice("新单位", "建立问题清单、任务清单和责任清单，实行挂图作战、对账销号，每月召开推进会听取进展。")
    linter = Linter(Config(), ["corpus-overlap"], context=LintContext(corpus=corpus))
    findings = linter.lint_text(draft, "draft.txt").findings
    assert [f.related[0].path for f in findings] == ["source.txt"]
    assert findings[0].related[0].line == 9


def test_sentence_in_most_indexed_documents_is_boilerplate(corpus):
    draft = notice("新单位", "本单位结合实际制定了整改措施。")
    linter = Linter(Config(), ["corpus-overlap"], context=LintContext(corpus=corpus))
    findings = linter.lint_text(draft, "draft.txt").findings
    assert findings == []


def test_the_draft_itself_in_the_index_is_not_a_copy(corpus):
    text = notice("来源单位", "建立问题清单、任务清单和责任清单，实行挂图作战、对账销号，每月召开推进会听取进展。")
    matches = corpus.matches([1, 2, 3], 5, sha_of(text))
    assert matches == {}
    linter = Linter(Config(), ["corpus-overlap"], context=LintContext(corpus=corpus))
    findings = linter.lint_text(text, "source.txt").findings
    assert findings == []


def test_min_chars_and_boilerplate_docs_options(corpus):
    draft = notice("新单位", "建立问题清单、任务清单和责任清单，实行挂图作战、对账销号，每月召开推进会听取进展。")
    strict = Linter(Config(rules={"corpus-overlap": {"min-chars": 200}}), ["corpus-overlap"],
                    context=LintContext(corpus=corpus))
    assert strict.lint_text(draft, "draft.txt").findings == []
    # With boilerplate-docs 1, a passage found in a single indexed notice is already boilerplate.
    loose = Linter(Config(rules={"corpus-overlap": {"boilerplate-docs": 1}}), ["corpus-overlap"],
                   context=LintContext(corpus=corpus))
    assert loose.lint_text(draft, "draft.txt").findings == []

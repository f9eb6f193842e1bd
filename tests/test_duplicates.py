import json

import pytest

from rectlint.api import LintContext, Linter
from rectlint.config import Config
from rectlint.corpus import Corpus, sha_of
from rectlint.document import Document

from conftest import EXAMPLES, lint, run_cli, seed

HEAD = "关于巡察整改进展情况的通报\n\n二、整改落实情况\n\n"
MEASURE = "制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审三级审核。"


def item(n, measures, status="整改结果：已完成整改。"):
    return f"{n}.问题{n}说明。\n{status}\n整改情况：{measures}\n"


def dup(text, **options):
    return lint(text, "duplicate-passage", **options)


def test_verbatim_copy_between_items_points_at_the_later_copy_with_the_earlier_related():
    text = HEAD + item(1, "一是" + MEASURE) + item(2, "一是组织培训。二是" + MEASURE)
    (f,) = dup(text)
    assert f.line == 10 and f.related[0].line == 7
    assert "100% similar" in f.en


def test_near_verbatim_copy_with_digits_and_a_word_changed():
    a = "对排查发现的23处隐患逐项督促整改，建立隐患台账并实行销号管理，每月通报整改进展。"
    b = "对排查发现的41处隐患逐项督促落实，建立隐患台账并实行销号管理，每月通报整改进展。"
    (f,) = dup(HEAD + item(1, a) + item(2, b))
    assert f.related and "similar" in f.en


def test_status_lines_labels_and_headings_are_not_duplication():
    text = HEAD + "".join(item(n, f"第{n}项措施各不相同，内容{n}。") for n in range(1, 8))
    assert dup(text) == []


def test_standard_formulations_are_not_duplication():
    phrase = "深入学习习近平新时代中国特色社会主义思想和中央八项规定精神"
    text = HEAD + item(1, phrase + "，建立台账。") + item(2, phrase + "，开展培训。")
    assert dup(text) == []


def test_restating_the_own_problem_is_not_duplication():
    problem = "区卫生健康局未系统组织学习全国全省全市卫生健康工作会议精神。"
    text = HEAD + f"1.学习不到位。{problem}\n整改结果：已完成整改。\n整改情况：已组织学习全国全省全市卫生健康工作会议精神。\n"
    assert dup(text) == []


def test_short_shared_clause_below_min_chars_is_not_reported_and_option_lowers_it():
    text = HEAD + item(1, "一是建立隐患台账清单。") + item(2, "二是建立隐患台账清单。")
    assert dup(text) == []
    assert len(dup(text, **{"min-chars": 8})) == 1


def test_seed_002_both_copied_passages_are_reported_with_both_places():
    findings = dup(seed("002").read_text(encoding="utf-8"))
    pairs = {(f.line, f.related[0].line) for f in findings}
    assert (56, 50) in pairs and (152, 104) in pairs
    assert all(f.line not in range(28, 150, 6) or "整改结果" not in f.en for f in findings)
    status_lines = {n for n in range(1, 160)
                    if "整改结果" in seed("002").read_text(encoding="utf-8").splitlines()[n - 1]}
    assert not {f.line for f in findings} & status_lines


def test_seed_000_has_no_duplicate_finding():
    assert dup(seed("000").read_text(encoding="utf-8")) == []


def test_long_notice_stays_fast():
    import time

    body = "".join(item(n, f"第{n}项：围绕第{n}个问题开展专项整治{n * 7}次，形成长效机制{n}项。") for n in range(1, 400))
    t0 = time.perf_counter()
    dup(HEAD + body)
    # Not a timing test: a generous bound that an all-pairs method on 400 items would still pass,
    # kept only to catch a pathological blow-up.
    assert time.perf_counter() - t0 < 30


# -- the corpus index ------------------------------------------------------------

COMMON = "欢迎广大干部群众对巡察整改落实情况进行监督，如有意见建议请及时向我们反映。"


def notice(unit, measures):
    return (f"关于{unit}巡察整改进展情况的通报\n\n一、整改情况\n\n1.问题。\n\n整改结果：已完成整改。\n\n"
            f"整改情况：{measures}\n\n{COMMON}\n")


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "corpus.sqlite"
    index = Corpus(path, create=True)
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


def test_index_commands_are_idempotent_and_manage_documents(tmp_path):
    index = tmp_path / "i.sqlite"
    n = len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md")])
    first = run_cli("index", "add", "--index", index, EXAMPLES)
    assert first.returncode == 0 and f"{n} added".encode() in first.stdout
    again = run_cli("index", "add", "--index", index, EXAMPLES)
    assert f"0 added, 0 updated, {n} unchanged".encode() in again.stdout
    listing = run_cli("index", "list", "--index", index).stdout.decode("utf-8")
    assert listing.count("\n") == n
    stats = run_cli("index", "stats", "--index", index).stdout.decode("utf-8")
    assert f"documents: {n}" in stats
    removed = run_cli("index", "remove", "--index", index, EXAMPLES / "clean-notice.txt")
    stats = run_cli("index", "stats", "--index", index).stdout.decode()
    assert removed.returncode == 0 and f"documents: {n - 1}" in stats


def test_changed_document_is_updated_in_place(tmp_path):
    index = tmp_path / "i.sqlite"
    draft = tmp_path / "d.txt"
    draft.write_text(notice("甲", "建立台账。"), encoding="utf-8")
    run_cli("index", "add", "--index", index, draft)
    draft.write_text(notice("甲", "建立台账并定期核对。"), encoding="utf-8")
    assert b"0 added, 1 updated" in run_cli("index", "add", "--index", index, draft).stdout
    assert "documents: 1" in run_cli("index", "stats", "--index", index).stdout.decode()


def test_against_on_the_command_line(tmp_path):
    index = tmp_path / "i.sqlite"
    run_cli("index", "add", "--index", index, EXAMPLES / "clean-notice.txt")
    draft = tmp_path / "d.txt"
    lines = (EXAMPLES / "clean-notice.txt").read_text(encoding="utf-8").splitlines()
    draft.write_text("关于整改情况的通报\n\n一、整改情况\n1.问题。\n" + lines[24] + "\n", encoding="utf-8")
    found = json.loads(run_cli(draft, "--against", index, "--select", "duplicate", "--format", "json").stdout)
    assert [f["related"][0]["line"] for f in found] == [25]
    assert found[0]["related"][0]["path"].endswith("clean-notice.txt")


def test_missing_index_is_an_input_error(tmp_path):
    result = run_cli(EXAMPLES / "clean-notice.txt", "--against", tmp_path / "none.sqlite")
    assert result.returncode == 2 and b"no such index" in result.stderr

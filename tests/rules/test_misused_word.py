"""misused-word: every entry of the data file by its own examples, the file's schema, the option,
titles, and text that only looks like a miswriting."""

import pytest
import yaml

from rectlint.errors import ConfigError
from rectlint.registry import all_rules

from conftest import ROOT, fixed, lint

RULE = "misused-word"
DATA = ROOT / "rules" / "data" / "misused-words.yaml"
WORDS = yaml.safe_load(DATA.read_text(encoding="utf-8"))["words"]


def found(text, **options):
    return [f for f in lint(text, RULE, **options) if f.rule == RULE]


@pytest.mark.parametrize("entry", WORDS, ids=[f"{e['wrong']}-{i}" for i, e in enumerate(WORDS)])
def test_each_entry_flags_its_bad_examples_and_leaves_its_good_ones(entry):
    for bad in entry["bad"]:
        assert bad.count(entry["wrong"]) == 1, f"a bad example holds the wrong form once: {bad}"
        (f,) = found(bad)
        assert f.column == bad.index(entry["wrong"]) + 1 and f.suggestion == entry["right"]
        assert f.end_column == f.column + len(entry["wrong"]) - 1
        repaired = fixed(bad, RULE, unsafe=True)
        assert repaired == bad.replace(entry["wrong"], entry["right"]) and found(repaired) == []
    for good in entry.get("good", []):
        assert found(good) == [], good


def test_every_source_is_named_and_every_entry_cites_one():
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert set(data["sources"]) == {"yixingci", "guide"}
    assert {e["source"] for e in WORDS} == set(data["sources"])
    assert len(WORDS) >= 250


def test_no_entry_is_shadowed_by_a_shorter_one_or_by_the_wording_pack():
    plain = {e["wrong"] for e in WORDS if not any(k in e for k in ("before", "after", "not_before", "not_after"))}
    for e in WORDS:
        inner = {w for w in plain if w != e["wrong"] and w in e["wrong"]}
        assert not inner, f"{e['wrong']} already holds {inner}"
    assert not [e for e in WORDS if "台帐" in e["wrong"]]  # the `taizhang` rule's


def test_the_message_cites_the_source():
    (f,) = found("建立问题帐户。")
    assert "《第一批异形词整理表》" in f.zh and "GF 1001-2001" in f.en
    (f,) = found("坚持严于律已。")
    assert "公文校对常见错别字" in f.zh


def test_one_finding_per_place_and_the_repairs_of_a_paragraph():
    text = "党组统一布署，建立建全长效机制，做到帐实相符，坚持严于律已、一如继往。"
    assert [f.suggestion for f in found(text)] == ["部署", "健全", "账实", "严于律己", "一如既往"]
    assert fixed(text, RULE, unsafe=True) == "党组统一部署，建立健全长效机制，做到账实相符，坚持严于律己、一如既往。"
    assert fixed(text, RULE) == text  # the repairs carry meaning: unsafe only


def test_cited_titles_are_left_as_published():
    assert found("依据《关于澈底清查帐目的通知》，严于律已。") != []
    assert [f.suggestion for f in found("依据《关于澈底清查帐目的通知》，严于律已。")] == ["严于律己"]
    assert found("学习《关于建全制度的若干规定》。") == []


def test_the_allow_option_accepts_a_form():
    text = "本村帐目每月公开。"
    assert [f.suggestion for f in found(text)] == ["账目"]
    assert found(text, allow=["帐目"]) == []


@pytest.mark.parametrize("text", [
    "创建全国文明城市，组建全科医生团队，推进党建全覆盖。",
    "按排名先后确定人选，按排查结果分类处置。",
    "整理当事人材料，完善个人材料，已完成份额内的采购任务。",
    "确保群众渡过难关，搭建帐篷安置受灾群众，挂好蚊帐。",
    "遵循私营经济发展规律，看不惯彻底改变，形势严峻工作繁重。",
    "实现巡察全覆盖，重复盖章问题已纠正，答复盖章后存档。",
    "新建一座落地式展厅，时刻扣紧廉洁自律这根弦，激励行业协会发挥作用。",
    "必需品供应充足，必须严格落实，必须品质过硬。",
])
def test_words_side_by_side_that_only_look_like_a_miswriting_are_quiet(text):
    assert found(text) == []


def test_a_page_frame_is_not_read():
    page = "首页 > 帐户管理\n关于巡察整改进展情况的通报\n一、整改情况\n问题已整改。\n"
    assert [f.line for f in found(page)] in ([], [1])  # the frame, when recognised, is not linted


def test_the_data_file_is_validated():
    from rectlint.rules import misused_word

    good = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    assert len(misused_word.validate(good)) == len(WORDS)
    for broken, words in [
        ({"words": []}, "sources"),
        ({**good, "words": [{"wrong": "甲", "right": "甲", "source": "guide", "bad": ["甲"]}]}, "different"),
        ({**good, "words": [{"wrong": "甲", "right": "乙", "source": "x", "bad": ["甲"]}]}, "source"),
        ({**good, "words": [{"wrong": "甲", "right": "乙", "source": "guide"}]}, "bad example"),
        ({**good, "words": [{"wrong": "甲", "right": "乙", "source": "guide", "bad": ["甲"], "after": "("}]}, "甲"),
        ({**good, "words": [{"wrong": "甲", "right": "乙", "source": "guide", "bad": ["甲"], "colour": 1}]}, "mapping"),
    ]:
        with pytest.raises(ConfigError) as info:
            misused_word.validate(broken, "x.yaml")
        assert str(info.value).startswith("x.yaml") and words in str(info.value)


def test_the_rule_is_listed_with_its_category():
    rule = all_rules()[RULE]
    assert rule.category == "wording" and rule.severity == "warning" and rule.options == {"allow": []}

"""number-arithmetic: what it flags, what it leaves alone, its options and its fixes."""

import pytest

from conftest import lint


# Inside an item: counts before the items are the summary, checked by summary-counts.
ITEM = "关于整改情况的通报\n一、整改情况\n1.问题。\n整改情况："


@pytest.mark.parametrize("text", [
    "共有执业医师56人，其中中医师8人，占比20%。",
    "共有执业医师56人，其中中医师8人，占比达20%。",
    "共接到投诉19起，其中服务态度5起，操作不规范8起，沟通敷衍9起。",
    "共计投入资金1.5万元，其中设备8000元、培训9000元。",
    ITEM + "梳理问题20个，已完成15个，完成率60%。",
])
def test_arithmetic_that_does_not_add_up(text):
    (f,) = lint(text, "number-arithmetic")
    assert f.category == "number"


@pytest.mark.parametrize("text", [
    "共有执业医师56人，其中中医师8人，占比14.29%。",
    "共有执业医师60人，其中中医师16人，占比达25%。",
    "共接到投诉19起，其中服务态度5起，操作不规范8起。",
    "公开招聘58人。其中：行政编制1名，事业编制20名，备案制37名。",
    "共计投入资金1.5万元，其中设备8000元、培训7000元。",
    ITEM + "梳理问题20个，已完成15个，完成率75%。",
    "共排查隐患12处，其中8处已整改。",
])
def test_arithmetic_that_adds_up(text):
    assert lint(text, "number-arithmetic") == []


@pytest.mark.parametrize("text", [
    # a share of another base than the sentence's total, and a ratio to a requirement
    "提前下达金额672.8亿元，占2022年预计规模的77.6%，达到要求。",
    "基层医疗卫生机构中执业医师56人，其中执业中医师8人，占同类机构医师比例14.29%，低于25%的要求。",
    "共有执业医师60人，其中中医类别医师16人，占全市中医类别医师的3%。",
    # rates of growth, ranges and approximate figures
    "全年共开展检查120次，同比增长12%，其中专项检查30次。",
    "共组建工作专班6个，其中每组5~7人。",
    "共排查3900余项，其中整改到位1000多项。",
    # ordinals are no counts: 第1件、第4件 are items 1 and 4
    "县政府确定民生实事16件，其中由县教育局负责的第1件、县发改局负责的第4件、县卫健局负责的第17、18件已办结。",
    # a bracket closes the list of parts after 其中
    "全县完成一般公共预算收入7.71亿元（其中：税收收入5.93亿元、非税收入1.78亿元）、上级补助收入21.64亿元。",
    # a status count whose base is the figure before it, not the notice's problems
    "审计移送案件线索60起，已办结27起，占比45%。",
    # digits grouped by thousands
    "共发现问题2,847个，其中已整改2,000个，占比70.2%。",
])
def test_counts_checked_against_their_own_base_stay_quiet(text):
    assert lint(ITEM + text, "number-arithmetic") == []


@pytest.mark.parametrize("text", [
    "审计移送案件线索60起，已办结27起，占比55%。",
    "全县完成一般公共预算收入7.71亿元（其中：税收收入5.93亿元、非税收入2.78亿元）。",
    "梳理问题20个，已完成15个，正在整改6个。",
    "共发现问题2,847个，其中已整改2,000个，占比80.3%。",
])
def test_counts_that_disagree_with_their_own_base(text):
    assert lint(ITEM + text, "number-arithmetic"), text


@pytest.mark.parametrize("text", [
    # 问题线索 counts leads: 393 problems are of the 408, 167 leads of the 220.
    "共反馈问题408个，移交问题线索220个，先后派出9个检查组对38个单位开展监督检查，已整改问题393个，处置问题线索167件。",
    # a part that names no noun after totals of two nouns: which it counts cannot be told
    "反馈问题10个，移交问题线索3个，已办结2个。",
])
def test_a_total_is_classed_by_its_head_noun(text):
    assert lint(text, "number-arithmetic") == []


@pytest.mark.parametrize("text", [
    "共反馈问题408个，移交问题线索220个，先后派出9个检查组开展监督检查，已整改问题420个，处置问题线索167件。",
    "反馈问题10个，移交问题线索3个，已完成整改问题12个。",
    "反馈问题10个，移交问题线索3个。已完成整改12个。",  # the leads' sentence is behind
    "巡察移交问题线索3件，已办结5件。",                  # the one total there is
])
def test_a_part_still_exceeds_the_total_of_its_own_noun(text):
    (f,) = lint(text, "number-arithmetic")
    assert "超过" in f.zh

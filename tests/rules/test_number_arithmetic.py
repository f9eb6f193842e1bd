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

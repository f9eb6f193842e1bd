"""dunhao-between-titles: what it flags, what it leaves alone, its options and its fixes."""

from conftest import fixed, lint


def test_dunhao_between_titles_is_info():
    (f,) = lint("学习《条例》、《办法》和“当下改”、“长久立”。", "dunhao-between-titles")[:1]
    assert f.severity == "info" and f.suggestion == ""
    assert lint("学习《条例》《办法》和“当下改”与“长久立”。", "dunhao-between-titles") == []


def test_fix_drops_the_dunhao():
    text = "学习《党组工作条例》、《公文处理工作条例》。"
    assert fixed(text, "dunhao-between-titles") == "学习《党组工作条例》《公文处理工作条例》。"

"""Pieces of notice drafts shared by the tests of several rules (our own text, in the genre)."""

from conftest import lint

TITLE = "关于巡察整改进展情况的通报\n\n"
SECTION = TITLE + "二、整改落实情况\n\n"
# A whole notice: lead, one item with its measures, signature and 成文日期.
NOTICE = "关于巡察整改进展情况的通报\n\n{lead}\n\n二、整改落实情况\n\n1.问题甲。\n\n整改情况：{body}\n\n中共某局党组\n{date}\n"
# A sentence most notices close with: boilerplate to the corpus index.
COMMON = "欢迎广大干部群众对巡察整改落实情况进行监督，如有意见建议请及时向我们反映。"


def found(text, rule):
    """(line, English message) of each finding of a rule on a text under a title."""
    return [(f.line, f.en) for f in lint(TITLE + text, rule)]


def item(heading="1.台账管理不规范。", status_line="", measures="整改情况：一是建立台账。二是定期核对。"):
    """One problem item: heading, an optional status line, and its measures."""
    return "\n".join(x for x in (heading, status_line, measures) if x) + "\n"


def notice(unit, measures):
    """A short complete notice of a unit, with one item whose measures are given."""
    return (f"关于{unit}巡察整改进展情况的通报\n\n一、整改情况\n\n1.问题。\n\n整改结果：已完成整改。\n\n"
            f"整改情况：{measures}\n\n{COMMON}\n")

"""A problem item that states no completion status.

Finds each problem item (the leaf headings of the section that lists the
problems and their measures) that gives no status in any of the accepted
forms: a line of its own (整改结果：已完成整改。 / 整改状态：…), inline at the
start of the measures (整改情况：已完成。一是…), or a tag on the heading
(…不规范。【已完成】 or （已完成）). One finding per item, on its heading line.

Option `required`: `always` (default) flags every item without a status;
`auto` flags only when the document gives a status for some of its items;
`never` turns the check off.

Why: the point of a rectification notice is to tell the public which problems
are fixed (《中国共产党巡视工作条例》 requires publishing the rectification). An item with
no status leaves the reader guessing.

Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改情况：一是建立台账。二是定期核对。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。【已完成】
  整改情况：一是建立台账。二是定期核对。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.台账管理不规范。
  整改情况：已完成。一是建立台账。二是定期核对。
"""

from __future__ import annotations

from rectlint.finding import Hit

ID = "missing-status"
CATEGORY = "status"
SEVERITY = "warning"
OPTIONS = {"required": "always"}
CHOICES = {"required": ("always", "auto", "never")}


def check(doc, options):
    required = options["required"]
    items = doc.outline.items
    if required == "never" or (required == "auto" and not any(h.status for h in items)):
        return
    for h in items:
        if h.status is None:
            stop = doc.folded.find("。", h.marker_end, h.line.end)
            end = h.line.end if stop < 0 else stop
            yield Hit(h.marker_start, end,
                      zh=f"问题“{h.marker}”未写明整改状态（如“整改结果：已完成整改”）",
                      en=f"item {h.marker} gives no completion status (e.g. 整改结果：已完成整改)")

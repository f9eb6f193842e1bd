"""Every word a reporter prints around the findings, in both languages, in one table."""

from __future__ import annotations

SEVERITY = {
    "zh": {"error": "错误", "warning": "警告", "info": "提示"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
# Column heads of a table of counts.
SEVERITY_HEADING = {
    "zh": SEVERITY["zh"],
    "en": {"error": "Errors", "warning": "Warnings", "info": "Info"},
}
CATEGORY = {
    "zh": {"date": "日期", "ordinal": "序号", "status": "整改状态", "structure": "结构", "duplicate": "重复",
           "number": "数字", "punctuation": "标点", "placeholder": "占位符", "privacy": "个人信息",
           "wording": "用语", "internal": "内部错误"},
    "en": {},  # English uses the category ids themselves
}
WORDS = {
    "suggestion": {"zh": "建议：", "en": "suggestion: "},
    "see-also": {"zh": "另见 ", "en": "see also "},
    "delete": {"zh": "（删除）", "en": "(delete)"},
    "fix": {"zh": "修复：", "en": "fix: "},
    "category": {"zh": "类别", "en": "category"},
    "category-heading": {"zh": "类别", "en": "Category"},
    "total": {"zh": "合计", "en": "Total"},
    "by-category": {"zh": "按类别列出的问题", "en": "Findings by category"},
    "report": {"zh": "rectlint 检查报告", "en": "rectlint report"},
}


def severity(name: str, lang: str) -> str:
    return SEVERITY["en" if lang == "en" else "zh"][name]


def severity_heading(name: str, lang: str) -> str:
    return SEVERITY_HEADING["en" if lang == "en" else "zh"][name]


def category(name: str, lang: str) -> str:
    return CATEGORY["en" if lang == "en" else "zh"].get(name, name)


def word(key: str, lang: str) -> str:
    return WORDS[key]["en" if lang == "en" else "zh"]

"""A 顿号 between items already marked off by 《》 or “”.

Catches 《条例》、《办法》 and “当下改”、“长久立”: items in title marks or
quotation marks side by side normally take no 顿号 between them.

Why: GB/T 15834-2011 §4.5.3.5 (顿号). Severity info: the usage is common
and readable, but not to standard.

Bad:  学习《党组工作条例》、《公文处理工作条例》。
Good: 学习《党组工作条例》《公文处理工作条例》。
"""

from __future__ import annotations

import regex

from rectlint.finding import Fix, Hit

ID = "dunhao-between-titles"
CATEGORY = "punctuation"
SEVERITY = "info"
OPTIONS: dict = {}

_BETWEEN = regex.compile(r"(?<=》)、(?=《)|(?<=”)、(?=“)")


def check(doc, options):
    for line in doc.body_lines():
        for m in _BETWEEN.finditer(doc.text, line.start, line.end):
            yield Hit(m.start(), m.end(), zh="书名号或引号之间不用顿号",
                      en="no 顿号 between items in 《》 or “”", suggestion="", fix=Fix.replace(m.start(), m.end(), ""))

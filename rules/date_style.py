"""Dates written in a style that official running text does not use.

Catches zero-padded months or days (2025年03月05日), two-digit years (25年3月, a warning),
dots, slashes or hyphens instead of 年月日 in running text (2025.3.24, 2025/3/24, 2025-03-24),
dates in Chinese numerals (二〇二五年十一月二十日, the 成文日期 form before GB/T 9704-2012),
号 for 日 (3月24号), spaces inside a date (7 月 12 日), and a range joined by a doubled dash, the
破折号 (3月10日——5月12日). The metadata lines of a web page (发布时间：2025-12-12) are part of
its frame and are not checked.

Why: GB/T 9704-2012 §7.3.5 (成文日期) and GB/T 15835-2011 write dates in running text as
2025年3月24日: Arabic numerals, the full year, no zero padding; GB/T 15834-2011 §4.13 joins the
ends of a range with the one-em dash — or the wave dash ～ (or 至), not the two-em 破折号.

Fixes: dropping a padding zero or a space is safe; rewriting 2025.3.24, a Chinese-numeral date,
号 or a joiner is unsafe (a dotted number may be something else, and the form may be deliberate).

Bad:  2025.3.24召开推进会。
Good: 2025年3月24日召开推进会。
Bad:  二〇二五年十一月二十日
Bad:  2025年03月05日完成整改。
Bad:  25年3月完成整改。
Good: 2025年3月5日完成整改，版本号为1.2.3。
"""

from __future__ import annotations

from rectlint.finding import Fix, Hit
from rectlint.messages import say

from rectlint.conventions.date_grammar import RANGE_JOINER, canonical

DOC_ZH = """正式行文不用的日期写法。

查出月、日前补零（2025年03月05日）、两位数年份（25年3月，警告）、正文中用点、斜线或连字符代替年月日
（2025.3.24、2025/3/24、2025-03-24）、用汉字数字书写的日期（二〇二五年十一月二十日，
GB/T 9704-2012 之前的成文日期写法）、用“号”代替“日”（3月24号）、日期中间夹空格（7 月 12 日），
以及用破折号连接的日期范围（3月10日——5月12日）。网页的元数据行（发布时间：2025-12-12）
属于页面框架，不检查。去掉补位的0或空格是安全修复；改写 2025.3.24、汉字日期、“号”或连接符属于不安全修复
（带点的数字可能另有含义，写法也可能是有意为之）。

依据：GB/T 9704-2012 第7.3.5条（成文日期）和 GB/T 15835-2011：正文日期写作“2025年3月24日”，
用阿拉伯数字、写全年份、不补零；GB/T 15834-2011 第4.13条：范围的起止用一字线“—”或浪纹线“～”（或“至”）连接，
不用破折号。
"""

ID = "date-style"
CATEGORY = "date"
SEVERITY = "info"
READS = ("dates",)  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {}


def check(doc, options):
    frame = doc.frame
    for w in doc.dates.written:
        if not w.notes or doc.line_at(w.start).number in frame:
            continue
        written = doc.text[w.start:w.end]
        notes = w.notes
        if "short-year" in notes:
            yield Hit(w.start, w.end, **say("date-style.short-year", written=written), severity="warning")
            continue
        if "numeric" in notes:
            good = canonical(w, RANGE_JOINER if w.is_range else None)
            yield Hit(w.start, w.end, **say("date-style.numeric", good=good), suggestion=good,
                      fix=Fix.replace(w.start, w.end, good, "unsafe"))
        elif "chinese" in notes:
            good = canonical(w)
            yield Hit(w.start, w.end, **say("date-style.chinese-numerals", written=written, good=good),
                      suggestion=good, fix=Fix.replace(w.start, w.end, good, "unsafe"))
        elif "hao" in notes:
            good = canonical(w)
            yield Hit(w.start, w.end, **say("date-style.hao", written=written, good=good),
                      suggestion=good, fix=Fix.replace(w.start, w.end, good, "unsafe"))
        elif notes & {"padded", "spaced"}:
            # Dropping a zero or a space changes no date: safe, unlike rewriting a date's form.
            edits = [(start, start + 1, "") for p in w.pieces for text, start in p.digits.values()
                     if len(text) == 2 and text[0] == "0"]
            edits += [(i, i + 1, "") for i in range(w.start, w.end) if doc.folded[i] == " "]
            edits.sort()
            good = "".join(ch for i, ch in enumerate(written, w.start) if not any(a == i for a, _, _ in edits))
            key = "date-style.padded" if "padded" in notes else "date-style.spaced"
            yield Hit(w.start, w.end, **say(key, written=written, good=good), suggestion=good, fix=Fix(edits))
        if "joiner-double" in notes and "numeric" not in notes:
            good = written.replace(w.joiner, RANGE_JOINER, 1) if w.joiner in written else written
            yield Hit(w.start, w.end, **say("date-style.joiner", written=written, good=good), suggestion=good,
                      fix=Fix.replace(w.start, w.end, good, "unsafe"))

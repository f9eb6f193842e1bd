"""The parts that tell what a text is: a rectification notice, an audit report, news, other.

Published pages about rectification sit side by side on the same sites:
巡视/巡察 rectification notices, audit rectification reports to a people's
congress standing committee (…审计查出问题整改情况的报告, 受…委托, 请予审议) and
audit announcements, 巡察 announcements and procedures, and news items (近日…召开,
记者, 图为), some of them about a notice being published. Only the first two have
a notice's parts: a document title that names the rectification report, a lead
that closes with the formula (现将…整改…予以公布), items with statuses or measures,
and a closing (the supervision block). lint/kind.py reads a text as a notice when
it has those parts, not when it merely speaks of rectification.
Patterns are written for `Document.folded` text.
See docs/conventions.md#kinds-and-parts.
"""

from __future__ import annotations

import regex

from .. import patterns
from .dates import JOINER

KINDS = ("inspection", "audit", "official", "news", "other")
NOTICE_KINDS = ("inspection", "audit")
COMPLETENESS = ("complete", "starts-late", "ends-early", "fragment")

# A title that announces a rectification report: …整改(进展)情况的通报/报告/公告/公示/说明/函.
RECTIFICATION_TITLE = patterns.compile(r"整改.{0,16}(?:通报|情况|报告|公告|公示|说明|函)|(?:通报|报告|公告|公示).{0,30}整改")
# A title that is a document's name, not a headline: it ends with the kind of document
# (…整改进展情况的通报, …情况报告, …（第二批）), or names its subject with 关于 and ends with 情况.
# A headline reports an event (…整改进展情况开始公布, 巡察组督查回访…整改落实情况).
DOCUMENT_TITLE = patterns.compile(
    r"(?:通报|报告|公告|公示|说明|函)(?:\s*\([^()]{1,12}\))?\s*$|^[^,。]{0,40}关于[^,。]*情况\s*$")
# The lead's closing formula, in one clause: 现将…整改进展情况予以公布 / 现根据规定将…予以公布 /
# 整改情况报告如下; not 现将有关情况通报如下 after a sentence that mentions 整改.
NOTICE_FORMULA = patterns.compile(
    r"现(?:根据[^。,;]{0,12})?将[^。,;]{0,60}?整改[^。;]{0,30}?(?:公布|公开|通报|报告|公告|公示|如下)|"
    r"(?:整改|问题)[^。,;]{0,20}?(?:情况|进展)(?:报告|通报)如下")
# An audit rectification text names the audit's findings; 县审计局 as the issuing body does not.
AUDIT_CUE = patterns.compile(r"审计(?:查出|发现|反映|工作报告|结果|整改)|审计.{0,12}问题.{0,8}整改")
INSPECTION_CUE = patterns.compile(r"巡视|巡察")
# The subject of a title (what follows its 关于, else the whole title) names an audit and the
# rectification of its findings (…专项审计调查发现问题整改情况的函); the issuer's own name before
# 关于 (县审计局关于…) does not.
AUDIT_SUBJECT = patterns.compile(r"审计[^,。;]*?整改")
AUDIT_REPORT_CUE = patterns.compile(r"受.{0,20}?委托|请予审议|审计查出问题|审计发现问题|审计工作报告")
# An audit rectification report to a standing committee: it reports the rectification, 请予审议;
# or its head as a page gives it: made at a standing committee's session, or addressed to it,
# about the audit's findings and their rectification.
AUDIT_REPORT = patterns.compile(r"(?:报告|汇报).{0,60}?整改情况.{0,10}?请予审议|整改情况报告如下")
AUDIT_SESSION = patterns.compile(r"人大常委会[^。\n]{0,20}会议上|^[^。\n]{0,20}人大常委会[:：]\s*$", regex.M)
# The formula with the subject left to the sentence before (…推动问题有效整改。现将有关情况报告如下):
# a lead only where the opening is about the rectification of an inspection or audit.
GENERIC_FORMULA = patterns.compile(r"现将(?:有关|相关|具体)?(?:情况|进展情况)(?:报告|通报|公布|公告)如下")
SUBJECT = patterns.compile(r"(?:巡视|巡察|审计)[^。]{0,60}整改|整改[^。]{0,60}(?:巡视|巡察|审计)")
# How a news item opens (近日，… / 5月12日上午，… / 本报北京4月20日电 / 新华社…电): read on its
# first lines only, since a notice's measures may open the same way (3月5日，召开专题会议…).
NEWS_OPENING = patterns.compile(
    r"\s*(?:近日|日前|近期|本报讯|(?:本报|新华社|人民网|央视网)[^。,]{0,16}电|"
    r"\d{1,2}月\d{1,2}日[,上下午]|\d{1,2}月\d{1,2}日" + JOINER + r"\d{1,2}日[,])")
# Read on every line of the body, so a line pattern: nothing in it reads past a line's end.
NEWS_CUE = patterns.line_pattern(
    r"记者|通讯员|图为|据[^。\r\n]{1,12}报道|会议(?:强调|指出|要求|认为|听取)|会上[,]|"
    r"(?:指出|强调|表示|要求)[:]|\((?:记者|通讯员)?[^\S\r\n]*\p{Han}{2,4}(?:[^\S\r\n]+\p{Han}{2,4})*\)"
    r"[^\S\r\n]*(?![^\r\n])|"
    r"会议由[^。\r\n]{1,40}主持|(?:出席|参加|列席)(?:会议|活动)|作表态发言")
# A title that reports an event: …召开巡察整改推进会, …情况反馈会召开, …通报会.
NEWS_TITLE = patterns.compile(r"召开|(?:通报|推进|反馈|座谈|动员|部署|汇报|报告|工作)会|开展.{0,20}(?:督查|检查|回访)")
OFFICIAL_TITLE = patterns.compile(r"公告|通知|办法|规程|规定|细则|方案|意见|决定|讲话|公示")
SPEECH_OPENING = patterns.compile(rf"{patterns.LINE_START}\s*(?:同志们|各位委员|主任、)")
SENTENCE_END = "。!?\"”')）】;"
CONTINUATION = ",.;:、)]}”\"'"
LEAD_OPENING = patterns.compile(r"根据|按照|依据|为(?:深入|认真|全面|进一步)|经.{0,10}(?:同意|研究)|\d{4}年\d{1,2}月")

# Kinds of text whose headings are a numbered outline worth checking; a news item's or an
# article's numbers (1.1, photo captions) follow no such convention.
OUTLINED_KINDS = ("inspection", "audit", "official")


def outlined(doc) -> bool:
    return doc.info.kind in OUTLINED_KINDS


def audit_subject(title: str) -> bool:
    """Whether the title's subject (after its 关于, else the whole title) names an audit's rectification."""
    return AUDIT_SUBJECT.search(title.rpartition("关于")[2]) is not None

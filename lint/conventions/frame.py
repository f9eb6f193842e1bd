"""A web page's frame, and the notice's public-supervision block.

The frame is what a site wraps around a notice: metadata lines (发布时间, 来源,
阅读次数, 时间：… 阅读：…, 作者), breadcrumbs, share and print buttons, footers
with ICP numbers. It is not linted. The supervision block (欢迎…监督, 联系电话,
邮政地址, 电子邮箱) belongs to the notice.
Patterns are written for `Document.folded` text.
See docs/conventions.md#kinds-and-parts.
"""

from __future__ import annotations

import regex

from .. import patterns

FRAME_KEYS = patterns.compile(
    r"[\s•·*-]*(?:发布时间|发布日期|更新时间|时间|日期|作者|阅读|来源|信息来源|文章来源|阅读次数|浏览次数|"
    r"浏览量|访问量|点击数|点击量|索引号|信息索引号|文件名称|发布机构|"
    r"公开方式|组配分类|主题分类|发文字号|发文机关|成文时间|成文日期|公文时效|公开时限|生成日期|"
    r"审核|责任编辑|编辑|主办|承办|协办|网站标识码|网站维护|版权所有|技术支持|分享|"
    r"您当前的位置|您当前所在位置|当前位置|字号)\s*[:]")
FRAME_ANY = patterns.compile(
    r"ICP备|公网安备|网站标识码|关于我们\s*\||联系我们\s*\||网站地图|网站声明|网站访问量|网站维护|"
    r"网站欢迎|欢迎访问|^\s*>|首页\s*>|【打印】|【关闭】|分享到|打印本页|关闭窗口|【?字体[:]?\s*大\s*中\s*小|"
    r"^\s*(?:朗读|分享|打印|关闭|返回顶部|上一篇|下一篇)\s*$")
SUPERVISION = patterns.compile(r"欢迎.{0,30}监督|联系电话|监督电话|举报电话|邮政地址|通信地址|通讯地址|电子邮箱|电子邮件")
CONTACT = patterns.compile(r"^\s*(?:电话|邮箱|地址|邮编|传真|E-?mail)\s*:|@[\w.-]+\.[a-z]{2,}", regex.I)

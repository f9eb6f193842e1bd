"""A passage the draft shares with an earlier notice in the corpus index.

With `rectlint --against INDEX PATH...` (or `against:` in the configuration),
the draft's winnowed fingerprints are looked up in an index built by
`rectlint index add`. A passage of at least `min-chars` characters (default
20) shared with one indexed notice is reported; `related` names that notice's
path and lines. A passage found in `boilerplate-docs` or more indexed notices
(default 5) is a common formulation, as in MOSS, and is not reported.

Text is compared after folding widths, dropping punctuation and reading every
digit as 0, with fingerprints chosen by winnowing (Schleimer, Wilkerson and
Aiken 2003) so that any shared run of 13 characters is seen.

Why: units copy one another's rectification reports, which inspectors criticise as 照搬照抄;
a reviewer wants to know when a draft reuses an earlier notice.

Without an index this rule reports nothing; its Bad example is flagged when
the index holds a notice with the same sentence (tests/test_corpus.py).

Bad:  一是建立问题清单、任务清单和责任清单，实行挂图作战、对账销号。
Good: 本单位结合实际制定了整改措施。
"""

from __future__ import annotations

from collections import defaultdict

from rectlint.finding import Hit, Location
from rectlint.messages import say

from rectlint.conventions.fingerprint import document_fingerprints

DOC_ZH = """草稿与语料索引中已发布通报相同的段落。

使用 `rectlint --against 索引 路径…`（或配置中的 `against:`）
时，把草稿的指纹与 `rectlint index add` 建立的索引比对。与某一篇已收录通报相同、
且不少于 `min-chars` 个字（默认20）的段落即报告，`related` 指出那篇通报及其行号。
在 `boilerplate-docs` 篇（默认5篇）以上通报中都出现的段落属于通用表述，
不报告。比较前统一全半角、去掉标点、把数字一律视为0，用 winnowing 算法选取指纹，
任何13个字以上的相同片段都能发现。

依据：各单位互相抄用整改报告，巡视巡察中被批评为“照搬照抄”；审稿人需要知道草稿是否沿用了以前的通报。
"""

ID = "corpus-overlap"
NEEDS = "corpus"  # its examples need an index, which the LintContext carries
CATEGORY = "duplicate"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS = {"min-chars": 20, "boilerplate-docs": 5}
GAP = 10  # draft characters bridged between fingerprints of one passage


def check(doc, options, context):
    corpus = context.corpus
    if corpus is None:
        return
    prints = document_fingerprints(doc)
    found = corpus.matches([h for h, _, _ in prints], options["boilerplate-docs"])
    by_doc = defaultdict(list)
    for h, start, end in prints:
        for path, line, col, end_col in found.get(h, ()):
            by_doc[path].append((start, end, line, col, end_col))
    for path, hits in sorted(by_doc.items()):
        hits.sort()
        passage = [hits[0]]
        for hit in hits[1:] + [None]:
            if hit is not None and hit[0] - max(p[1] for p in passage) <= GAP \
                    and doc.line_at(hit[0]).number == doc.line_at(passage[0][0]).number:
                passage.append(hit)
                continue
            start, end = passage[0][0], max(p[1] for p in passage)
            if end - start >= options["min-chars"]:
                lines = sorted((p[2], p[3], p[4]) for p in passage)
                first, last = lines[0], lines[-1]
                yield Hit(start, end, related=[Location(path, first[0], first[1], last[0], last[2])],
                          **say("corpus-overlap", path=path, line=first[0], chars=end - start))
            passage = [hit] if hit is not None else []

"""A passage copied from one item or paragraph of the draft into another.

Finds passages shared between different paragraphs, verbatim or nearly, down
to the size of a clause. A copy is the same words: a run of at least
`min-chars` characters written alike, or a whole passage that differs in one
place only (a figure or a name changed inside it). Sentences that share a
template but carry their own figures, names, dates or cited titles, each
stretch between them shorter than `min-chars`, are not copies. A copy also
carries substance, what was done, found or counted: at least half of
`min-chars` letters and digits beyond the frame that items share by nature. The frame is
a label (整改措施及成效：), a clause dating the work (收到巡察反馈意见后，
2025年以来，), a report's dateline (——2025年6月24日在…会议上), the acting body named as a clause's subject with its members in
brackets (县委宣传部（含县文联、县社科联）迅速…), the opener's formula words
(高度重视, 立即, 召开…会议, 专题研究部署整改工作) and the stock closer 举一反三; a
clause that counts (召开党组会议3次) is no formula. In a line of fields (a
ledger's row: 责任单位：…；责任领导：…；整改时限：…) each value is frame too. Two
items opened with the same label, clause, body and 高度重视 share only their
frame. The finding
points at the later copy, names the earlier one in `related`, and gives the
similarity. Passages are lined up after folding widths, dropping punctuation,
reading every digit as 0 and every cited title 《…》 as one mark; figures and
titles are then compared as written.

Not duplication: template lines repeated by design (整改结果：已完成整改。,
整改情况：), the short title of a heading, standard formulations (option
`standard-phrases`), a measure that briefly restates its own item's
problem (shorter than `restate-chars`), and anything the text's own title
already says: the name of the issuing body and the report's subject phrase
(2024年度预算执行审计查出问题的整改情况) recur by nature. A list of names
joined by 、 written again inside another clause in both places (分别报送A、B、C
审核。… 根据A、B、C审核意见，…) is a reference back, not a paste: a copy holds
its words as a whole clause (its ordinal aside) in one place at least
(lint/conventions/references.py). In the lead, the
supervision block and (in a draft) the lines after the 成文日期, where names
recur too, only a whole sentence copied counts. Photo captions (图为…) and
image file names are not compared. Only rectification notices and audit reports are checked:
the rule is about items and measures copied into one another.

Options: `min-chars` (20), the shared characters that make a copy;
`restate-chars` (40); `standard-phrases`. An inverted index of 8-character
shingles finds candidate pairs, so no two paragraphs are compared unless they
share text.

Why: inspectors criticise 照搬照抄, and units then copy measures from one item
into the next. Each item should say what was done for
that problem.

Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.文风不实。
  整改情况：制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审。
  2.材料照搬照抄。
  整改情况：制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.文风不实。
  整改情况：制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审。
  2.材料照搬照抄。
  整改情况：开展公文写作专题培训，建立材料原创性抽查机制。
Good: 关于巡察整改进展情况的通报
  二、整改落实情况
  1.文风不实。
  整改措施及成效：收到巡察反馈意见后，局党组高度重视，修订公文审核办法，增设合规性审查环节。
  2.材料照搬照抄。
  整改措施及成效：收到巡察反馈意见后，局党组高度重视，开展公文写作专题培训，建立原创性抽查机制。
Good: 中共青山县市场监督管理局党组关于巡察整改进展情况的通报
  中共青山县市场监督管理局党组认真落实巡察整改主体责任。
  二、整改落实情况
  中共青山县市场监督管理局党组召开专题会议研究部署。
Bad:  关于巡察整改进展情况的通报
  二、整改落实情况
  1.文风不实。
  整改情况：制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审。
  欢迎监督。制定文件制发三级审核制度，实行撰稿人初审、分管领导复审、主要领导终审。联系电话：0791-6123456。
  中共某局党组
  2025年10月9日
Good: 某区召开巡察整改推进会
  图为巡察整改推进会现场照片（区委巡察办供图）
  图为巡察整改推进会现场照片（区委巡察办供图）
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from itertools import chain, groupby, islice

import regex

from rectlint import patterns
from rectlint.finding import Hit
from rectlint.messages import say
from rectlint.place import reference

from rectlint.conventions.fingerprint import comparable_units, normalise
from rectlint.conventions.framing import substance
from rectlint.conventions.references import reference_back

DOC_ZH = """从草稿某一条目或段落复制到另一处的段落。

查出不同段落之间逐字或几乎相同的段落，最短到一个分句。复制就是相同的文字：连续至少 `min-chars` 个字相同，
或整段只有一处（一个数字或名称）不同。句式相同、但各自填写自己的数字、名称、日期或引用文件，且其间每段相同文字都短于
`min-chars` 的句子，不算复制。复制还须有实质内容，即做了什么、查出什么、数了什么：除去各条目天然共有的框架外，
至少有 `min-chars` 一半的字。框架指：标签（整改措施及成效：）、交代工作起点的分句（收到巡察反馈意见后，2025年以来，）、报告标题下的日期行（——2025年6月24日在…会议上）、
作为分句主语的责任单位名称及括号内所含单位（县委宣传部（含县文联、县社科联）迅速…）、开头套语（高度重视、立即、召开…会议、专题研究部署整改工作）
和结尾套语（举一反三）；带计数的分句（召开党组会议3次）不是套语。一行多个字段（台账的一行：责任单位：…；责任领导：…；整改时限：…）中，
各字段的值也是框架。两个条目以相同的标签、分句、单位和“高度重视”开头，只是共用框架，不算复制。
问题指向后出现的一处，`related` 指出前一处，并给出相似度。对齐前统一全半角、去掉标点、
把数字视为0、把书名号内的标题合为一个符号；对齐后再按原样比较数字和标题。
以下不算重复：按模板重复的行（整改结果：已完成整改。整改情况：）、标题的简称、规范表述（选项 `standard-phrases`）
、措施对本条问题的简短复述（短于 `restate-chars`），以及标题本身已有的内容（发文机关名称、
报告主题）；用“、”连接的名称列表在两处都只是另一分句的一部分时（分别报送A、B、C审核。…
根据A、B、C审核意见，…），是回指，不是粘贴：复制至少在一处是整个分句（序次语除外）。
导语、监督渠道和落款之后的行中，只有整句相同才算。只检查整改通报和审计整改报告。

选项：`min-chars`（20），构成复制的相同字数；`restate-chars`（40）
；`standard-phrases`。

依据：巡视巡察批评“照搬照抄”，而各单位常把一条问题的措施照抄到下一条。每条应写明针对该问题做了什么。
"""

ID = "duplicate-passage"
CATEGORY = "duplicate"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS = {
    "min-chars": 20,
    "restate-chars": 40,
    "standard-phrases": [
        "习近平新时代中国特色社会主义思想", "习近平总书记重要讲话和重要指示批示精神", "习近平总书记重要讲话精神",
        "党的二十大和二十届历次全会精神", "党的二十大精神", "中央八项规定及其实施细则精神", "中央八项规定精神",
        "全面从严治党主体责任", "全面从严治党", "党风廉政建设主体责任", "党风廉政建设", "不忘初心牢记使命",
        "两个确立", "两个维护", "四个意识", "四个自信", "一岗双责", "三重一大", "第一议题",
    ],
}

SHINGLE = 8
COMMON = 8  # a shingle found in this many paragraphs is a formula, not a copy
GAP = 6  # changed characters bridged inside one near-verbatim passage
# Alignments followed at once between two paragraphs. A shingle recurs within a paragraph only
# in text that repeats itself (a table flattened into one line, 12，12，12，…): there every place
# aligned with every other, and the work grew with the square of the line. The earliest ones are
# followed, whole; a copy in ordinary text has one or two.
ALIGNMENTS = 4
# Shingles whose hashes are kept from counting to indexing (2 MiB): every one of a draft's, the
# first of a long input's, whose others are made again rather than held all at once.
KEPT = 1 << 18


class _Texts:
    """The normalised text of every segment, 1,024 segments to a string: a string of its own
    cost a segment 74 bytes beside its text, and its shingles' hashes eight bytes a character
    where the text takes two. texts[s] is segment s's text, chunks[s >> BITS][starts[s]:ends[s]]."""

    BITS = 10  # segments per chunk: 1 << BITS

    def __init__(self):
        self.chunks: list = []
        self.pending: list = []
        self.size = 0
        self.starts, self.ends = array("q"), array("q")

    def add(self, text: str) -> None:
        self.starts.append(self.size)
        self.size += len(text)
        self.ends.append(self.size)
        self.pending.append(text)
        if len(self.pending) == 1 << self.BITS:
            self.close()

    def close(self) -> None:
        if self.pending:
            self.chunks.append("".join(self.pending))
        self.pending, self.size = [], 0

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, s: int) -> str:
        return self.chunks[s >> self.BITS][self.starts[s]:self.ends[s]]


class _Runs:
    """Maximal shared runs, one place in five arrays: run r is in the later segment s[r] from
    b[r] and in the earlier segment t[r] from a[r], n[r] shingles long. A list each took about
    three times the room."""

    def __init__(self):
        self.s, self.t, self.b, self.a, self.n = (array("q") for _ in range(5))

    def add(self, s: int, t: int, b: int, a: int) -> int:
        self.s.append(s)
        self.t.append(t)
        self.b.append(b)
        self.a.append(a)
        self.n.append(1)
        return len(self.n) - 1

    def __len__(self) -> int:
        return len(self.n)

    def of(self, numbers) -> list:
        """(s, t, b, a, length in characters) of each run numbered."""
        s, t, b, a, n = self.s, self.t, self.b, self.a, self.n
        return [(s[r], t[r], b[r], a[r], n[r] + SHINGLE - 1) for r in numbers]


def _shingles(text: str) -> list:
    """The hash of each SHINGLE-character shingle of a segment."""
    return [hash(text[i:i + SHINGLE]) for i in range(len(text) - SHINGLE + 1)]


def _shingled(doc, units, phrases):
    """(owner, texts, kept, wanted) of the units' segments: segment s is of unit owner[s], its
    normalised text is texts[s] (_Texts) and, for the first segments up to KEPT shingles, its
    shingles' hashes are kept[s] (a draft's are made once, a long input's made again when
    asked). `wanted`: the shingles seen in two to COMMON units, which alone can start a copy;
    counted per unit before any position is indexed, since formulas recur in every item."""
    owner, texts, kept = array("q"), _Texts(), []
    counts: Counter = Counter()
    room = KEPT
    for u, unit in enumerate(zip(units.starts, units.ends)):
        segments = _unit_segments(doc, unit, phrases)
        if not segments:  # most short lines
            continue
        seen = set()
        for seg in segments:
            grams = _shingles(seg.text)
            seen.update(grams)
            if len(kept) == len(owner) and len(grams) <= room:
                kept.append(array("q", grams))
                room -= len(grams)
            owner.append(u)
            texts.add(seg.text)
        counts.update(seen)
    texts.close()
    return owner, texts, kept, {gram for gram, n in counts.items() if 1 < n <= COMMON}


class _Index:
    """Where each shingle is found in the segments indexed so far: for each shingle a circle of
    records, one a segment, in segment order. Record r is segment seg[r], the shingle at
    places[bounds[r]:bounds[r + 1]], followed by record next[r]; latest[shingle] is its last
    record, whose next is its first. Lists of (segment, [places]) took about 150 bytes a
    segment and shingle."""

    def __init__(self):
        self.latest: dict = {}
        self.seg, self.next = array("q"), array("q")
        self.bounds, self.places = array("q", [0]), array("q")

    def add(self, s: int, found: dict) -> None:
        """Index segment s: `found` holds its places of each shingle."""
        seg, after, bounds, places, latest = self.seg, self.next, self.bounds, self.places, self.latest
        for gram, at in found.items():
            r = len(seg)
            seg.append(s)
            places.extend(at)
            bounds.append(len(places))
            last = latest.get(gram)
            if last is None:
                after.append(r)
            else:
                after.append(after[last])
                after[last] = r
            latest[gram] = r


def _runs(owner, texts, kept, wanted) -> _Runs:
    """Maximal shared runs between segments of different units, via an index of the shingles
    `wanted` (see _shingled for the rest).

    One pass in segment order: each segment looks its shingles up among the earlier segments'
    and is then indexed itself, so that a long input's shingles need not be held all at once;
    a run goes on while the next character is the same on both sides."""
    index = _Index()
    latest, seg, bounds, after, places = index.latest, index.seg, index.bounds, index.next, index.places
    runs = _Runs()
    lengths = runs.n
    chunks, starts, ends, bits = texts.chunks, texts.starts, texts.ends, texts.BITS
    last = SHINGLE - 1
    for s in range(len(texts)):
        mine = kept[s] if s < len(kept) else _shingles(texts[s])
        if wanted.isdisjoint(mine):  # most segments: skipped at the speed of a set operation
            continue
        text = texts[s]
        unit = owner[s]
        active: dict = {}  # (earlier segment, diagonal) -> its run
        found: dict = {}  # shingle -> its places here, indexed once the segment is done
        for i, gram in enumerate(mine):
            if gram not in wanted:  # a shingle that no other paragraph has ends every run
                active = {}
                continue
            at = found.get(gram)
            if at is None:
                found[gram] = [i]
            else:
                at.append(i)
            current = {}
            for key, run in active.items():  # the runs whose next shingle is this one go on
                t, diagonal = key
                k = starts[t] + i + diagonal + last  # the character that shingle adds in t
                if k < ends[t] and chunks[t >> bits][k] == text[i + last]:
                    lengths[run] += 1
                    current[key] = run
            following: dict = {}  # alignments followed per earlier segment (a Counter costs more to make)
            for t, _ in current:
                following[t] = following.get(t, 0) + 1
            r = newest = latest.get(gram, -1)
            while r >= 0:
                r = after[r]  # after a shingle's latest record, its first
                t = seg[r]
                if owner[t] != unit:
                    for p in range(bounds[r], bounds[r + 1]):
                        if following.get(t, 0) >= ALIGNMENTS:
                            break
                        j = places[p]
                        key = (t, j - i)
                        if key not in current:
                            current[key] = runs.add(s, t, i, j)
                            following[t] = following.get(t, 0) + 1
                if r == newest:
                    break
            active = current
        index.add(s, found)
    return runs


class _Units:
    """The spans compared, units[u] -> (start, end, item, whether it is the item's heading line),
    kept in arrays: a tuple each took 90 bytes a line of a long draft."""

    def __init__(self, spans):
        self.starts, self.ends, self.items, self.headings = array("q"), array("q"), [], bytearray()
        spans = iter(spans)
        while batch := list(islice(spans, 4096)):  # a few tuples at a time, moved in columns
            starts, ends, items, headings = zip(*batch)
            self.starts.extend(starts)
            self.ends.extend(ends)
            self.items.extend(items)
            self.headings.extend(headings)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, u: int) -> tuple:
        return self.starts[u], self.ends[u], self.items[u], bool(self.headings[u])


class _Segments:
    """segs[s] -> (unit, Segment) of segment s, its text normalised again when first asked for:
    only the few segments that hold a copy are ever asked for, and holding every segment's
    normalised text (with the places it came from) at once took more room than the text."""

    def __init__(self, doc, units, phrases, owner):
        self.doc, self.units, self.phrases, self.owner = doc, units, phrases, owner
        self.made: dict = {}  # unit -> its segments

    def __getitem__(self, s: int):
        u = self.owner[s]
        segments = self.made.get(u)
        if segments is None:
            segments = self.made[u] = _unit_segments(self.doc, self.units[u], self.phrases)
        return u, segments[s - bisect_left(self.owner, u)]


def _unit_segments(doc, unit, phrases) -> list:
    """The normalised segments of a unit that are long enough to share a shingle."""
    return [seg for seg in normalise(doc.folded, unit[0], unit[1], phrases) if len(seg.text) >= SHINGLE]


_SENTENCE_END = "。;!?"
_CAPTION = patterns.compile(r"^\s*(?:图为|图\d|[(]图|[(]摄影)|\.(?:jpe?g|png|gif|bmp|webp)\b", regex.I)


def _caption(doc, offset: int) -> bool:
    line = doc.line_at(offset)
    text = doc.folded[line.start:line.end]
    # Every caption form holds one of these: most lines are let go without a search.
    return ("图" in text or "摄" in text or "." in text) and bool(_CAPTION.search(text))


def _title_shingles(doc) -> set:
    """The hashes of the title's shingles (_shingles)."""
    title = doc.outline.title
    grams: set = set()
    if title is not None:
        for seg in normalise(doc.folded, title.start, title.end):
            grams.update(_shingles(seg.text))
    return grams


def _margins(doc) -> set:
    """Lines outside the items and sections: the lead, the supervision block, and in a draft
    what follows the 成文日期. Names recur there by nature, so only whole sentences count."""
    outline = doc.outline
    lines = {line.number for line in (*outline.lead, *outline.supervision)}
    if outline.date_line is not None:
        lines.update(line.number for line in doc.body_lines() if line.number > outline.date_line.number)
    return lines


def _whole_sentence(doc, start: int, end: int, shared: int, phrases) -> bool:
    """Whether a copy covers (nearly) the whole sentence it stands in, both measured in
    normalised characters."""
    text = doc.folded
    line = doc.line_at(start)
    lo = max((text.rfind(c, line.start, start) for c in _SENTENCE_END), default=-1)
    lo = line.start if lo < line.start else lo + 1
    his = [i for i in (text.find(c, end - 1, line.end) for c in _SENTENCE_END) if i >= 0]
    hi = min(his) if his else line.end
    length = sum(len(seg.text) for seg in normalise(text, lo, hi, phrases))
    return shared >= 0.9 * length


def check(doc, options):
    if not doc.info.notice:
        return
    margins = _margins(doc)
    units = _Units(chain((u for u in comparable_units(doc) if not _caption(doc, u[0])),
                         ((line.start, line.end, None, False) for line in doc.outline.supervision)))
    # Each segment's normalised text, kept compact; the places it came from are found again for
    # the few segments that share a run (_Segments).
    owner, texts, kept, wanted = _shingled(doc, units, options["standard-phrases"])
    # The title's shingles never start or extend a copy.
    runs = _runs(owner, texts, kept, wanted.difference(_title_shingles(doc)))
    del texts, kept, wanted
    # The runs of each pair of units (one number for the two), a pair after another: sorted, where
    # a dict of lists took 200 bytes a run. Most pairs hold one short run that is no copy.
    count = len(units)
    pair = array("q", [owner[s] * count + owner[t] for s, t in zip(runs.s, runs.t)])
    order = sorted(range(len(pair)), key=pair.__getitem__)  # stable: each pair's runs in the order found
    segs = _Segments(doc, units, options["standard-phrases"], owner)
    found = []  # (the first run of its pair, passage)
    for key, numbers in groupby(order, key=pair.__getitem__):
        numbers = list(numbers)
        ub, ua = divmod(key, count)
        item_b, item_a, a_is_heading = units[ub][2], units[ua][2], units[ua][3]
        same_item = item_b is not None and item_b is item_a
        for passage, parts in _passages(runs.of(numbers)):
            shared = passage[-1]
            # A measure echoing its own problem is a restatement, not a copy.
            if same_item and (a_is_heading or shared < options["restate-chars"]):
                continue
            if shared < options["min-chars"]:
                continue
            # A copy is the same words: a long stretch of them, or all of them but one figure or
            # name. Sentences of one template, each with its own figures and names, are not.
            longest, slots = _sameness(doc.folded, segs, parts)
            if longest < options["min-chars"] and slots > 1:
                continue
            # A copy carries substance: what was done, found or counted. Two items opened with the
            # same label, 收到…后 clause, acting body and 高度重视 share only their frame.
            if min(_substance(doc, *_span(segs, passage, side)) for side in (0, 1)) < options["min-chars"] // 2:
                continue
            if any(doc.line_at(units[u][0]).number in margins
                   and not _whole_sentence(doc, *_span(segs, passage, side), shared, options["standard-phrases"])
                   for u, side in ((ub, 0), (ua, 1))):
                continue
            if reference_back(doc.folded, _span(segs, passage, 0), _span(segs, passage, 1)):
                continue  # the same bodies named again in another clause: a reference, not a paste
            found.append((numbers[0], passage))
    del order, pair
    # The longest first; of two as long, the one whose pair of units was found first.
    found.sort(key=lambda f: (-f[1][-1], f[0]))
    taken = defaultdict(list)
    for _, passage in found:
        s, b0, b1 = passage[0], passage[1], passage[2]
        if any(t_s == s and b0 < t_b1 and t_b0 < b1 for t_s, t_b0, t_b1 in taken[segs[s][0]]):
            continue
        taken[segs[s][0]].append((s, b0, b1))
        yield _hit(doc, segs, passage)


def _span(segs, passage, side):
    """(start, end) offsets of a passage's later (side 0) or earlier (side 1) copy."""
    s, b0, b1, t, a0, a1, _ = passage
    seg, lo, hi = (segs[s][1], b0, b1) if side == 0 else (segs[t][1], a0, a1)
    return seg.offsets[lo], seg.offsets[hi - 1] + 1


def _substance(doc, start: int, end: int) -> int:
    line = doc.line_at(start)
    return substance(doc.folded, line.start, line.end, start, end)


def _hit(doc, segs, passage):
    s, b0, b1, t, a0, a1, shared = passage
    seg_b, seg_a = segs[s][1], segs[t][1]
    start, end = seg_b.offsets[b0], seg_b.offsets[b1 - 1] + 1
    rstart, rend = seg_a.offsets[a0], seg_a.offsets[a1 - 1] + 1
    similarity = round(100 * shared / max(b1 - b0, a1 - a0))
    return Hit(start, end, related=[(rstart, rend)],
               **say("duplicate-passage", where=reference(doc, rstart), chars=shared, similarity=similarity))


def _passages(runs):
    """Merge runs of one paragraph pair that lie close together on both sides: each passage
    (s, b0, b1, t, a0, a1, shared) with the runs it was merged from."""
    runs = sorted(runs, key=lambda r: (r[0], r[2]))
    merged = []
    for s, t, b, a, n in runs:
        last = merged[-1][0] if merged else None
        if (last and last[0] == s and last[3] == t and 0 <= b - last[2] <= GAP
                and -SHINGLE <= a - last[5] <= GAP):
            overlap = max(0, last[2] - b)
            last[2] = max(last[2], b + n)
            last[5] = max(last[5], a + n)
            last[6] += n - overlap
            merged[-1][1].append((s, t, b, a, n))
        elif last and last[0] == s and last[3] == t and b < last[2]:
            continue  # a shorter run inside one already taken
        else:
            merged.append(([s, b, b + n, t, a, a + n, n], [(s, t, b, a, n)]))
    return [(tuple(m), parts) for m, parts in merged]


def _sameness(folded, segs, parts) -> tuple[int, int]:
    """(the longest stretch of the same words, the places where the two copies differ) of a
    passage aligned from `parts`. Normalised text reads every figure as 0 and every cited title
    as one mark; here they are compared as written, so that a sentence re-filled with other
    figures or another title differs at each of its slots."""
    longest, slots = 0, len(parts) - 1  # each gap bridged between two runs is a place that differs
    for s, t, b, a, n in parts:
        seg_b, seg_a = segs[s][1], segs[t][1]
        text = seg_b.text
        if text.find("0", b, b + n) < 0 and text.find("《", b, b + n) < 0:
            longest = max(longest, n)  # nothing in the run reads differently from how it is written
            continue
        piece, differing = 0, False
        for k in range(n):
            if text[b + k] not in "0《" or seg_b.written(folded, b + k) == seg_a.written(folded, a + k):
                piece += 1
                longest = max(longest, piece)
                differing = False
            else:
                slots += not differing
                piece, differing = 0, True
    return longest, slots

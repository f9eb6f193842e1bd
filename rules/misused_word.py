"""A misused word: a non-preferred variant of a word, or a miswriting that spells no word.

The words come from a data file of their own, `rules/data/misused-words.yaml`, each entry with
its wrong form, its right form and its source: 《第一批异形词整理表》 (GF 1001-2001, the
preferred form of each variant pair, such as 彻底 for 澈底 and 账目 for 帐目), or the
miswritings that proofreading guides for official documents list (建全 for 健全, 布署 for 部署,
严于律已 for 严于律己). An entry is there only where the wrong form cannot be right where it is
matched; where the same characters can also be two words side by side (创建全市 holds 建全,
个人材料 holds 人材), the entry names the context that tells them apart. Text inside a cited
title 《…》 is left as it was published. The repair is the right form.

Option `allow`: wrong forms this project accepts (a name spelled that way, say).

Why: a miswritten word in a published notice undermines the notice; the national list and the
proofreading guides name the forms that are wrong (docs/conventions.md#wording).

Bad:  进一步建全内控制度，按照区委统一布署推进整改。
Good: 进一步健全内控制度，按照区委统一部署推进整改。
Good: 创建全国文明城市，整理当事人材料，已完成份额内的采购任务。
Good: 学习《关于澈底清查帐目的通知》。
"""

from __future__ import annotations

import os
import re
import zlib
from functools import lru_cache

import regex

from rectlint import patterns
from rectlint.errors import ConfigError
from rectlint.finding import Fix, Hit
from rectlint.messages import said, text

DOC_ZH = """误用的词语：异形词的非推荐词形，或不成词的错别字。

词表单独存放在数据文件 `rules/data/misused-words.yaml` 中，每条写明错误词形、正确词形和出处：
《第一批异形词整理表》（GF 1001-2001，每组异形词的推荐词形，如“彻底”不作“澈底”、“账目”不作“帐目”），
或公文校对指南常列的错别字（“建全”应为“健全”、“布署”应为“部署”、“严于律已”应为“严于律己”）。
只收在匹配处不可能正确的词形；同样的字也可能是相邻两个词的（“创建全市”含“建全”，“个人材料”含“人材”），
词条写明区分的上下文。书名号内引用的标题保持原样。修改建议为正确词形。

选项 `allow`：本项目接受的词形（例如某个名称本来如此）。

依据：公开发布的通报中出现错别字有损通报的严肃性；国家词表和校对指南列出了这些错误词形。
"""

ID = "misused-word"
CATEGORY = "wording"
SEVERITY = "warning"
READS = ()  # the shared readings of the text its check asks for (document.READINGS)
OPTIONS: dict = {"allow": []}

DATA = os.path.join(os.path.dirname(__file__), "data", "misused-words.yaml")
_KEYS = {"wrong", "right", "source", "before", "after", "not_before", "not_after", "bad", "good"}
_CONTEXT = ("before", "not_before", "after", "not_after")


class Entry:
    """One word of the data file, ready to match."""

    __slots__ = ("wrong", "right", "source", "pattern", "_compiled")

    def __init__(self, wrong: str, right: str, source: str, pattern: str):
        self.wrong, self.right, self.source, self.pattern = wrong, right, source, pattern
        self._compiled = None

    def matches(self, folded: str, start: int) -> bool:
        """Whether the entry's context holds around folded[start:]; the wrong form is there."""
        if self.pattern == self.wrong:
            return True
        if self._compiled is None:  # compiled on the first candidate: most entries never get one
            self._compiled = patterns.compile(self.pattern)
        return self._compiled.match(folded, start) is not None


def entry_pattern(entry: dict) -> str:
    """The pattern of an entry: its wrong form inside its context."""
    before = "".join(f"(?{'<=' if key == 'before' else '<!'}(?:{entry[key]}))"
                     for key in ("before", "not_before") if entry.get(key))
    after = "".join(f"(?{'=' if key == 'after' else '!'}(?:{entry[key]}))"
                    for key in ("after", "not_after") if entry.get(key))
    return before + regex.escape(entry["wrong"]) + after


def validate(data, where: str = DATA) -> list[dict]:
    """The entries of a parsed data file, each checked against the schema the header describes."""
    def bad(problem):
        raise ConfigError(said("misused-word.bad-data", where=where, problem=problem))

    if not isinstance(data, dict) or set(data) != {"sources", "words"}:
        bad("the file is a mapping with `sources` and `words`")
    sources = data["sources"]
    if not isinstance(sources, dict) or not all(
            isinstance(v, dict) and set(v) == {"zh", "en"} and all(isinstance(t, str) and t for t in v.values())
            for v in sources.values()):
        bad("each source has a `zh` and an `en` name")
    words = data["words"]
    if not isinstance(words, list) or not words:
        bad("`words` is a list of entries")
    for i, entry in enumerate(words, 1):
        if not isinstance(entry, dict) or set(entry) - _KEYS:
            bad(f"entry {i} is a mapping of {', '.join(sorted(_KEYS))}")
        wrong, right = entry.get("wrong"), entry.get("right")
        if not (isinstance(wrong, str) and isinstance(right, str) and wrong and right and wrong != right):
            bad(f"entry {i} has a wrong and a different right form")
        if entry.get("source") not in sources:
            bad(f"entry {i} ({wrong}) names a source that `sources` does not")
        for key in _CONTEXT:
            if key in entry and not (isinstance(entry[key], str) and entry[key]):
                bad(f"entry {i} ({wrong}): `{key}` is a pattern")
        for key in ("bad", "good"):
            if key in entry and not (isinstance(entry[key], list) and all(isinstance(t, str) for t in entry[key])):
                bad(f"entry {i} ({wrong}): `{key}` is a list of examples")
        if not entry.get("bad"):
            bad(f"entry {i} ({wrong}) has no bad example")
        try:
            regex.compile(entry_pattern(entry))
        except regex.error as exc:
            bad(f"entry {i} ({wrong}): {exc}")
    return words


def _read(raw: str):
    """The sources and, for each validated entry of the data file's text, (wrong, right, source,
    pattern, index of its key character)."""
    import yaml

    try:
        data = yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - safe
    except yaml.YAMLError as exc:
        raise ConfigError(said("config.bad-yaml", where=DATA, problem=exc)) from None
    words = validate(data)
    return data["sources"], [(w["wrong"], w["right"], w["source"], entry_pattern(w), _key(w["wrong"], w["right"]))
                             for w in words]


# The characters most frequent in Chinese text and in rectification notices, most frequent first:
# the 500 commonest of jieba's dictionary (by their share of its word frequencies) merged with the
# 600 commonest of the notices in tests/corpus. Only for speed: each entry is looked for by its
# rarest character, so that a correct text holds the key of few entries. (至 is left out: range
# joiners are spelled in conventions/dates.py only, tests/test_conventions.py.)
_FREQUENT = (
    "一整改是人组了巡不情况在成有大中察国委党和为完月这上展他年个日地题工已来开我会问以作到局反时第要出馈"
    "的部对生二学三说道县民家子进也政项市行下公们于将区后就发审自之实度得结主计电长制可果过天意务共分方管"
    "查用关多你见着规建报能等业理全邮里员监经本统都院法而立高督通任面目门动案事现代那去资心视小同推北位定"
    "办专产前持其军系署还号然起种所责如联核单机体医表力省好续外话与据文当正两步常重新评收么村只根山水落"
    "设保明从支化城平布又施效南执内向按西予没期此算名欢手迎址最东箱头清者路服间无安集看青云各检十溪相但范"
    "些划农口议想加订她镇合逐物程性战措由社账点海记预场武质使领次级入财态治修因数量样限导身标培原四把江被"
    "并利干石群提老教考万司知岭召及率应销训广众元校美金特世费严湖回源补团比气织汉总护每科河先府台声告品研"
    "基或环义卫王很确乡处调件界首排马厅形六己儿究够备太采格育坚队直档企别女网权林五少流命健批米打给购变存"
    "升书师活几运州款华照解交更称线今决风张贴术才滞固放柳段便疗证走达族示养再职商色签京余未巩接条室式绩善"
    "白它班待警光约信街受细什验招价听旅百济阶指置论强状做取障准技纳黄录神登选挂斯桃境真却促药花息类何构眼"
    "兵求传食属带空超课边复造险古患房康防阳助难增历史违控官住车即层认引负判必死游窗举廉言跟皇隐土缴库七周"
    "德叫近具序争材非漏李钩季连压感访转参笑居革该半始踪站英克士退尔让请拉思象欠充较际亲输户朝编污红型截差"
    "节器浦字追抽亚深候满则功域积谈快益估图投火千识履往极装许占令策吃显剩观鱼精足债像帝八配影派轮远异包牵"
    "抓届料诉随讼容薄弱势维洁热值偏夫望税拨语付股铁断慢协速停怎需片桥爱律纪早贸病贯彻田底覆盖洞承伍帮码董"
    "智竣辖降副托符消络租测依契栏急储客供岗染移耕逾函距辆耗册均汇析询齐营九旧减映继堂货救婚姻缩罚融筹演频"
    "借"
)
_RANK = {ch: i for i, ch in enumerate(_FREQUENT)}


def _key(wrong: str, right: str) -> int:
    """Where the wrong form is scanned for: its rarest character, of those it does not share with
    the right form when they are as rare."""
    def rarity(i):
        return _RANK.get(wrong[i], len(_FREQUENT)), i < len(right) and wrong[i] != right[i]

    return max(range(len(wrong)), key=rarity)


@lru_cache(maxsize=1)
def table():
    """(entries, sources, key characters, {key character: [(entry, offset of the key)]})."""
    with open(DATA, encoding="utf-8") as handle:
        raw = handle.read()
    # Parsed, validated and keyed once per user, like the wording pack (patterns.kept); what is
    # kept depends on this module's code as well, so an edited reading is not served stale.
    # The table is keyed on the file's digest, not its text, to stay small.
    code = os.stat(__file__)
    data = raw.encode("utf-8")
    digest = f"{zlib.crc32(data):08x} {len(data)}"
    sources, words = patterns.kept(digest, f"misused-words {code.st_size} {code.st_mtime_ns}", lambda _: _read(raw))
    entries, by_key = [], {}
    for wrong, right, source, pattern, at in words:
        entry = Entry(wrong, right, source, pattern)
        entries.append(entry)
        by_key.setdefault(wrong[at], []).append((entry, at))
    return entries, sources, frozenset(by_key), by_key


# Which key characters a text holds. A set intersection costs about 5 ns a character; one
# class of the two hundred, in the standard library's re (ten times faster than regex on it),
# 1 ns, once compiled (half a millisecond, in each process): the intersection serves the first
# texts, the class a run that has read more than SET_LIMIT characters.
SET_LIMIT = 150_000
_scan: list = [None, 0]  # the compiled class once made; the characters intersected so far


def _keys_in(folded: str, lo: int, hi: int, keys: frozenset):
    if _scan[0] is None:
        if _scan[1] < SET_LIMIT:
            _scan[1] += hi - lo
            return keys.intersection(folded[lo:hi])
        _scan[0] = re.compile("[" + "".join(re.escape(ch) for ch in sorted(keys)) + "]")
    return set(_scan[0].findall(folded, lo, hi))


def _in_title(folded: str, line, start: int) -> bool:
    """Whether `start` lies inside a 《…》 title on its line."""
    head = folded[line.start:start]
    return head.count("《") > head.count("》")


def check(doc, options):
    lines = doc.body_lines()
    if not lines:
        return
    _, sources, keys, by_key = table()
    folded = doc.folded
    lo, hi = lines[0].start, lines[-1].end
    allow = set(options["allow"])
    found = []
    # Only the entries whose key character the text holds are looked for, each with str.find: a
    # correct notice holds the rarest character of few of them.
    for ch in _keys_in(folded, lo, hi, keys):
        for entry, _ in by_key[ch]:
            if entry.wrong in allow:
                continue
            start = folded.find(entry.wrong, lo, hi)
            while start >= 0:
                if entry.matches(folded, start):
                    found.append((start, entry))
                start = folded.find(entry.wrong, start + 1, hi)
    if not found:
        return
    body = {line.number: line for line in lines}
    last_end = -1
    for start, entry in sorted(found, key=lambda f: (f[0], -len(f[1].wrong))):
        end = start + len(entry.wrong)
        line = body.get(doc.line_at(start).number)
        if start < last_end or line is None or end > line.end or _in_title(folded, line, start):
            continue
        last_end = end
        source = sources[entry.source]
        yield Hit(start, end, suggestion=entry.right, fix=Fix.replace(start, end, entry.right, "unsafe"),
                  **{lang: text("misused-word", lang, written=doc.text[start:end], right=entry.right,
                                source=source[lang]) for lang in ("zh", "en")})

"""The long fuzz campaign over every input format: crashes and slow inputs, per format.

    python bench/fuzz.py [--inputs 24000] [--seed 1] [--formats txt,md,docx,html] [--workers 2]
    python bench/fuzz.py --write-seeds      # regenerate bench/fuzz_seeds/ (kept in the repository)

Inputs are made in turn for each format, each from (seed, format, number) alone, so any one can
be made again (`--show N` prints how):
- txt, md: clean corpus notices and examples mutated the way conversions break them (characters
  lost, doubled, swapped, widths flipped, lines glued or split); structured notices assembled
  from headings up to 999 in every marker style, dates whole and broken, 一是 runs, brackets,
  statuses, counts and personal numbers; random text over the characters notices are made of.
  The safe fixes of each are applied until none is left (at most 5 passes).
- docx: structure-aware. Documents assembled from random parts: paragraphs of runs with tabs,
  breaks, hidden text, fields (balanced or not), tracked insertions and deletions, links and
  content controls; list numbering (start values up to 10^12, every number format, templates
  with %1..%9, overrides, missing definitions); styles based on styles (chains and loops);
  tables (nested, merged cells); text boxes (DrawingML with VML fallback, nested); headers,
  footers, footnotes and endnotes. Then, for some, damage: the XML cut short or given entities
  and a DOCTYPE, the archive's bytes flipped, cut, or its local headers broken. Seed documents
  (bench/fuzz_seeds/, tests/corpus) are damaged the same way.
- html: structure-aware. Pages assembled from random elements: blocks, inline, hidden (script,
  style, head, svg, title), left open or closed, comments, declarations, CDATA and other marked
  sections, processing instructions, attributes quoted or not (with > and quotes inside),
  entities named, numeric and broken, text with CR, NBSP and U+3000; seed pages mutated.

Each input goes through the library as an upload would (Linter.lint_bytes). An input error is a
refusal, counted apart. A crash is any other exception, an `internal` finding, or a reader fault
that only the safety net caught (input.reader-failed, MemoryError among them). Each input is timed;
over 5 s counts as slow. Workers are processes with a memory limit (3 GiB), watched: one that
stops answering for 60 s is killed, its input counted slow, and a fresh one goes on. Not a test:
the CI runs a small Hypothesis budget of the same kind.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import multiprocessing.connection
import random
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "bench" / "fuzz_seeds"
sys.path.insert(0, str(ROOT / "tests"))

from rectlint.text import int_to_cn  # noqa: E402

SLOW = 5.0  # seconds an input may take
HUNG = 60.0  # seconds without word from a worker before it is killed
MEMORY = 3 * 2**30  # bytes of address space a worker may take

# -- text ----------------------------------------------------------------------------------------

CN_STYLES = ["{cn}、", "（{cn}）", "({cn})", "{cn}.", "（{cn}", "{cn}）", "问题{cn}：", "第{cn}，"]
N_STYLES = ["{n}.", "{n}、", "（{n}）", "({n})", "{n})", "{n}.（{n}）", "问题{n}：", "{n}"]
WORDS = ["整改情况：", "台账管理不规范。", "整改结果：已完成整改。", "阶段性完成", "正在整改", "县委第二巡察组",
         "反馈意见", "欢迎监督。", "截止目前", "《条例", "条例》", "“两个维护”", "4个意识", "XX", "胡某某",
         "联系电话：0791-6123456", "13912345678", "110101199003074477", "jd@example.cn", "，，", "。。", "(", ")",
         "【已完成】", "预计年底前完成", "共12人，其中", "占比50%", "完成率66.7%", "反馈3个问题，已完成2个",
         "巡视", "市届人大常委会", "第次会议", "１３９１２３４５６７８", "110101 19900307 4477", "6214 8301 0234 5678 909",
         "①", "②③", "12，12，12，", "&amp;", "<p>", "\u3000", "\u00a0"]
DATE_SHAPES = ["{y}年{m}月{d}日", "{y}{m}{d}日", "{y}年{m}{d}", "{y}{m}{d}", "{y}年{m}月", "{m}月{d}日至{m}月{d}日",
               "{y}.{m}.{d}", "{m}月{d}日{m}月{d}日", "--{y}{m}{d}日", "〔{y}{m}号", "二〇二五年十一月二十日"]
CHARS = ("一二三四五六七八九十是第年月日至—～（）()【】《》“”、，。；：:;,.整改情况结果已完成阶段性正在巡察组"
         "通报关于某XX×\n\r\t \u3000\u00a00123456789")


def date(rng):
    return rng.choice(DATE_SHAPES).format(y=rng.randint(1990, 2099), m=rng.randint(0, 13), d=rng.randint(0, 32))


def structured(rng) -> str:
    lines = [rng.choice(["关于巡察整改进展情况的通报", "关于审计查出问题整改情况的报告", "某区召开推进会", ""])]
    for _ in range(rng.randint(0, 30)):
        kind = rng.random()
        if kind < 0.35:
            n = rng.randint(0, 999)
            marker = (rng.choice(CN_STYLES).format(cn=int_to_cn(n)) if rng.random() < 0.5
                      else rng.choice(N_STYLES).format(n=n))
            lines.append(marker + rng.choice(WORDS))
        elif kind < 0.5:
            lines.append(date(rng))
        else:
            parts = [rng.choice([rng.choice(WORDS), date(rng), f"{int_to_cn(rng.randint(0, 999))}是",
                                 str(rng.randint(0, 5000))]) for _ in range(rng.randint(1, 8))]
            lines.append("".join(parts) + rng.choice(["。", "；", "", "，"]))
    if rng.random() < 0.5:
        lines += ["中共某局党组", date(rng)]
    return rng.choice(["\n", "\n\n", "\r\n"]).join(lines)


def mutated(rng, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 40)):
        if not chars:
            break
        i = rng.randrange(len(chars))
        op = rng.random()
        if op < 0.35:
            del chars[i]  # a mark lost in conversion
        elif op < 0.5:
            chars.insert(i, chars[i])
        elif op < 0.6 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op < 0.75:
            ch = chars[i]
            chars[i] = chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else chr(ord(ch) - 0xFEE0) if "！" <= ch <= "～" else ch
        elif op < 0.85:
            chars[i] = rng.choice("\n年月日至、（）《》“”，。")
        else:
            chars.insert(i, rng.choice(CHARS))
    return "".join(chars)


def noise(rng) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(0, 400)))


def words(rng, most: int = 6) -> str:
    return "".join(rng.choice([rng.choice(WORDS), date(rng), noise(rng)[:20]]) for _ in range(rng.randint(0, most)))


# -- .docx ---------------------------------------------------------------------------------------

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
NUM_FORMATS = ["decimal", "decimalZero", "decimalFullWidth", "decimalEnclosedCircle", "decimalEnclosedParen",
               "chineseCounting", "chineseCountingThousand", "ideographDigital", "chineseLegalSimplified",
               "ideographTraditional", "ideographZodiac", "upperLetter", "lowerLetter", "upperRoman", "lowerRoman",
               "none", "bullet", "nonsense"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _run(rng) -> str:
    pieces = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.random()
        if kind < 0.55:
            pieces.append(f'<w:t xml:space="preserve">{_escape(words(rng, 3))}</w:t>')
        elif kind < 0.65:
            pieces.append(rng.choice(["<w:tab/>", "<w:br/>", "<w:cr/>", "<w:noBreakHyphen/>"]))
        elif kind < 0.8:
            pieces.append(f'<w:fldChar w:fldCharType="{rng.choice(["begin", "separate", "end", "odd"])}"/>')
        elif kind < 0.9:
            pieces.append(f"<w:instrText> PAGE {_escape(words(rng, 1))}</w:instrText>")
        else:
            pieces.append(f"<w:delText>{_escape(words(rng, 2))}</w:delText>")
    props = rng.choice(["", "<w:rPr><w:vanish/></w:rPr>", '<w:rPr><w:vanish w:val="0"/></w:rPr>', "<w:rPr><w:b/></w:rPr>"])
    return f"<w:r>{props}{''.join(pieces)}</w:r>"


def _paragraph(rng, depth: int = 0) -> str:
    inner = []
    for _ in range(rng.randint(0, 6)):
        kind = rng.random()
        if kind < 0.6:
            inner.append(_run(rng))
        elif kind < 0.8:
            tag = rng.choice(["w:ins", "w:del", "w:moveTo", "w:hyperlink", "w:smartTag", "w:customXml", "w:fldSimple"])
            inner.append(f'<{tag} w:id="{rng.randint(0, 99)}">{_run(rng)}</{tag}>')
        elif kind < 0.9:
            inner.append(f"<w:sdt><w:sdtPr/><w:sdtContent>{_run(rng)}</w:sdtContent></w:sdt>")
        elif depth < 3:
            inner.append(_text_box(rng, depth + 1))
    ppr = ""
    if rng.random() < 0.5:
        num = rng.choice(["1", "2", "3", "0", "99", "-1", "x", "10000000000000"])
        ilvl = rng.choice(["0", "1", "2", "8", "9", "-1", "a", "99999999999"])
        style = f'<w:pStyle w:val="s{rng.randint(0, 12)}"/>' if rng.random() < 0.5 else ""
        numbered = (f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
                    if rng.random() < 0.7 else "")
        ppr = f"<w:pPr>{style}{numbered}</w:pPr>"
    return f"<w:p>{ppr}{''.join(inner)}</w:p>"


def _text_box(rng, depth: int) -> str:
    box = f"<w:txbxContent>{''.join(_block(rng, depth) for _ in range(rng.randint(0, 3)))}</w:txbxContent>"
    if rng.random() < 0.5:
        return f'<w:r><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></w:r>'
    return (f"<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx>{box}</wps:txbx>"
            f"</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict>"
            f"</mc:Fallback></mc:AlternateContent></w:r>")


def _table(rng, depth: int) -> str:
    rows = []
    for _ in range(rng.randint(1, 4)):
        cells = []
        for _ in range(rng.randint(1, 4)):
            merge = rng.choice(["", '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>', "<w:tcPr><w:vMerge/></w:tcPr>",
                                '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr>'])
            cells.append(f"<w:tc>{merge}{''.join(_block(rng, depth + 1) for _ in range(rng.randint(0, 2)))}</w:tc>")
        rows.append(f"<w:tr>{''.join(cells)}</w:tr>")
    return f"<w:tbl><w:tblPr/>{''.join(rows)}</w:tbl>"


def _block(rng, depth: int = 0) -> str:
    kind = rng.random()
    if kind < 0.75 or depth > 3:
        return _paragraph(rng, depth)
    if kind < 0.9:
        return _table(rng, depth)
    return f"<w:sdt><w:sdtContent>{_paragraph(rng, depth)}</w:sdtContent></w:sdt>"


def _numbering(rng) -> str:
    abstracts, nums = [], []
    for a in range(rng.randint(0, 4)):
        levels = []
        for lvl in range(rng.randint(0, 9)):
            start = rng.choice(["1", "0", "27", "999", str(10 ** rng.randint(1, 12)), "-3", "x"])
            text = "".join(rng.choice(["%1", "%2", "%3", "%9", "、", "（", "）", ".", "%1.%2.%3"])
                           for _ in range(rng.randint(0, 6)))
            legal = "<w:isLgl/>" if rng.random() < 0.1 else ""
            levels.append(f'<w:lvl w:ilvl="{rng.choice([str(lvl), str(lvl), "x", "12"])}"><w:start w:val="{start}"/>'
                          f'<w:numFmt w:val="{rng.choice(NUM_FORMATS)}"/><w:lvlText w:val="{_escape(text)}"/>{legal}</w:lvl>')
        abstracts.append(f'<w:abstractNum w:abstractNumId="{a}">{"".join(levels)}</w:abstractNum>')
        overrides = "".join(f'<w:lvlOverride w:ilvl="{rng.randint(0, 9)}"><w:startOverride w:val="{rng.randint(0, 10**6)}"/>'
                            f"</w:lvlOverride>" for _ in range(rng.randint(0, 2)))
        nums.append(f'<w:num w:numId="{rng.choice([a + 1, a + 1, 99])}"><w:abstractNumId w:val="{a}"/>{overrides}</w:num>')
    return f'<?xml version="1.0"?><w:numbering {NS}>{"".join(abstracts)}{"".join(nums)}</w:numbering>'


def _styles(rng) -> str:
    styles = []
    for i in range(rng.randint(0, 12)):
        based = f'<w:basedOn w:val="s{rng.randint(0, 12)}"/>' if rng.random() < 0.7 else ""
        num = (f'<w:pPr><w:numPr><w:ilvl w:val="{rng.randint(0, 3)}"/><w:numId w:val="{rng.randint(0, 4)}"/></w:numPr></w:pPr>'
               if rng.random() < 0.3 else "")
        styles.append(f'<w:style w:styleId="s{i}">{based}{num}</w:style>')
    return f'<?xml version="1.0"?><w:styles {NS}>{"".join(styles)}</w:styles>'


def _notes(rng, kind: str) -> str:
    notes = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>']
    for i in range(rng.randint(0, 4)):
        kind_attr = rng.choice(["", ' w:type="normal"', ' w:type="continuationSeparator"'])
        notes.append(f'<w:{kind} w:id="{i + 1}"{kind_attr}>{"".join(_block(rng) for _ in range(rng.randint(0, 3)))}</w:{kind}>')
    return f'<?xml version="1.0"?><w:{kind}s {NS}>{"".join(notes)}</w:{kind}s>'


def docx_parts(rng) -> dict:
    body = "".join(_block(rng) for _ in range(rng.randint(0, 25)))
    parts = {"word/document.xml": f'<?xml version="1.0"?><w:document {NS}><w:body>{body}<w:sectPr/></w:body></w:document>'}
    if rng.random() < 0.6:
        parts["word/numbering.xml"] = _numbering(rng)
    if rng.random() < 0.5:
        parts["word/styles.xml"] = _styles(rng)
    for kind, root in (("header", "hdr"), ("footer", "ftr")):
        for i in range(rng.choice([0, 0, 1, 2, 3])):
            blocks = "".join(_block(rng) for _ in range(rng.randint(0, 3)))
            parts[f"word/{kind}{i + 1}.xml"] = f'<?xml version="1.0"?><w:{root} {NS}>{blocks}</w:{root}>'
    for kind in ("footnote", "endnote"):
        if rng.random() < 0.3:
            parts[f"word/{kind}s.xml"] = _notes(rng, kind)
    return parts


def damage_xml(rng, xml: str) -> str:
    kind = rng.random()
    if kind < 0.4:
        return xml[:rng.randrange(len(xml) + 1)]  # cut short
    if kind < 0.6:
        at = rng.randrange(len(xml) + 1)
        return xml[:at] + rng.choice(["&nbsp;", "&#0;", "&#x110000;", "&lol;", "<", ">", "]]>", "<![CDATA[x",
                                      "\x00", "</w:p>", "<w:p>", "&amp"]) + xml[at:]
    if kind < 0.8:
        doctype = '<!DOCTYPE w [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        return xml.replace("?>", "?>" + doctype, 1).replace("<w:t", "<w:t>&lol2;</w:t><w:t", 1)
    return "<w:p>" * rng.randint(1, 400) + xml  # deep


def zip_bytes(parts: dict, rng) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED])) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, xml in parts.items():
            archive.writestr(name, xml.encode("utf-8") if isinstance(xml, str) else xml)
    return out.getvalue()


def damage_bytes(rng, data: bytes) -> bytes:
    data = bytearray(data)
    kind = rng.random()
    if kind < 0.4 and data:
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(data))
            data[at] ^= 1 << rng.randrange(8)
    elif kind < 0.6:
        del data[rng.randrange(len(data) + 1):]
    elif kind < 0.8 and data:
        at = rng.randrange(len(data))
        data[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    else:
        for at in [i for i in range(len(data) - 3) if data[i:i + 4] == b"PK\x03\x04"][:rng.randint(1, 3)]:
            data[at:at + 4] = b"XXXX"  # a local header broken
    return bytes(data)


def make_docx(rng, seeds: list[bytes]) -> bytes:
    if seeds and rng.random() < 0.15:
        return damage_bytes(rng, rng.choice(seeds))
    parts = docx_parts(rng)
    if rng.random() < 0.2:
        name = rng.choice(list(parts))
        parts[name] = damage_xml(rng, parts[name])
    data = zip_bytes(parts, rng)
    return damage_bytes(rng, data) if rng.random() < 0.05 else data


# -- .html ---------------------------------------------------------------------------------------

BLOCK_TAGS = ["p", "div", "li", "tr", "td", "h1", "h2", "table", "ul", "section", "br", "pre", "blockquote"]
INLINE_TAGS = ["span", "b", "a", "em", "font", "img", "strong", "u", "sub"]
HIDDEN_TAGS = ["script", "style", "head", "svg", "title", "noscript", "template", "iframe", "object"]


def _attrs(rng) -> str:
    out = []
    for _ in range(rng.randint(0, 3)):
        value = rng.choice(["x", "a>b", "'q'", '"d"', "", "12388", "javascript:x()", "<p>"])
        quote = rng.choice(['"', "'", "", '"'])
        if quote and quote in value:
            value = value.replace(quote, "")
        out.append(f" {rng.choice(['class', 'href', 'style', 'id', 'data-x', 'on'])}={quote}{value}{quote}")
    return "".join(out) + rng.choice(["", "", " /", "/", "\t"])


def _element(rng, depth: int = 0) -> str:
    kind = rng.random()
    text = _escape(words(rng, 4)) if rng.random() < 0.8 else words(rng, 2)
    if kind < 0.35:
        return text
    if kind < 0.45:
        return rng.choice(["&nbsp;", "&amp;", "&#x4E19;", "&#12345", "&#0;", "&#x110000;", "&notit;", "&unknown;",
                           "&", "&#", "&lt;p&gt;", "\r\n", "\r", "\u3000", "\u00a0"])
    if kind < 0.55:
        return rng.choice(["<!-- c -->", "<!-->", "<!--->", "<!-- open", "<!DOCTYPE html>", "<![CDATA[x>y]]>",
                           "<![if !IE]>", "<![" + "1" * 18 + " x]>", "<?xml x?>", "</>", "< p>", "<", "a<b",
                           "<!", "</p foo=\">\">", "<a" * rng.randint(1, 50)])
    tag = rng.choice(BLOCK_TAGS + INLINE_TAGS + HIDDEN_TAGS)
    tag = tag.upper() if rng.random() < 0.1 else tag
    inner = "".join(_element(rng, depth + 1) for _ in range(rng.randint(0, 4))) if depth < 6 else text
    close = rng.random() < 0.75
    return f"<{tag}{_attrs(rng)}>{inner}" + (f"</{tag}>" if close else "")


def make_html(rng, seeds: list[bytes]) -> bytes:
    if seeds and rng.random() < 0.2:
        text = rng.choice(seeds).decode("utf-8", "replace")
        return mutated(rng, text).encode(rng.choice(["utf-8", "utf-8", "gb18030", "utf-16"]), "replace")
    body = "".join(_element(rng) for _ in range(rng.randint(0, 30)))
    page = rng.choice(["<html><head><title>通报</title></head><body>{}</body></html>", "{}",
                       "<html><head><meta charset=utf-8><body>{}", "<!DOCTYPE html>{}"]).format(body)
    data = page.encode("utf-8")
    return damage_bytes(rng, data) if rng.random() < 0.05 else data


# -- seeds and inputs ----------------------------------------------------------------------------

def write_seeds() -> None:
    """The seed documents kept in bench/fuzz_seeds/: a Word draft as editors leave them, and
    structured ones made by this module's own generators."""
    import wordgen

    SEEDS.mkdir(parents=True, exist_ok=True)
    wordgen.build(SEEDS / "word-draft.docx")
    made, attempt = 0, 0
    while made < 4:  # small ones: nested text boxes can make a structured document large
        data = zip_bytes(docx_parts(random.Random(f"seed:docx:{attempt}")), random.Random(0))
        attempt += 1
        if len(data) < 40_000:
            (SEEDS / f"structured-{made}.docx").write_bytes(data)
            made += 1
    for i in range(4):
        rng = random.Random(f"seed:html:{i}")
        body = "".join(_element(rng) for _ in range(25))
        (SEEDS / f"structured-{i}.html").write_text(f"<html><head><title>通报</title></head><body>{body}</body></html>",
                                                    encoding="utf-8")


def seed_files() -> dict:
    """Seeds by format: the kept ones, the corpus' and the examples'."""
    paths = [*SEEDS.glob("*"), *(ROOT / "tests" / "corpus").iterdir(), *(ROOT / "examples").iterdir()]
    out = {"txt": [], "md": [], "docx": [], "html": []}
    for path in sorted(paths):
        suffix = path.suffix.lstrip(".")
        if suffix in out:
            out[suffix].append(path.read_bytes())
    return out


def make_input(seed: int, fmt: str, i: int, seeds: dict) -> tuple[str, bytes]:
    rng = random.Random(f"{seed}:{fmt}:{i}")
    if fmt == "docx":
        return "fuzz.docx", make_docx(rng, seeds["docx"])
    if fmt == "html":
        return "fuzz.html", make_html(rng, seeds["html"])
    texts = [s.decode("utf-8", "replace") for s in seeds["txt"] + seeds["md"]]
    kind = i % 3
    text = mutated(rng, rng.choice(texts)) if kind == 0 else structured(rng) if kind == 1 else noise(rng)
    return f"fuzz.{fmt}", text.encode(rng.choice(["utf-8", "utf-8", "utf-8", "gb18030", "utf-16"]))


# -- the workers ---------------------------------------------------------------------------------

def _converges(linter, text: str, kind: str, passes: int = 5) -> bool:
    from rectlint.fixes import apply_edits, chosen_edits

    for _ in range(passes):
        new, _ = apply_edits(text, chosen_edits(linter.lint_text(text, "fuzz." + kind, kind).findings, unsafe=False))
        if new == text:
            return True
        text = new
    return False


def _one(linter, seed: int, fmt: str, i: int, seeds: dict) -> tuple[str, str]:
    """(outcome, detail): ok, refused, crash or diverged."""
    from rectlint.errors import InputError

    name, data = make_input(seed, fmt, i, seeds)
    try:
        result = linter.lint_bytes(data, name)
    except InputError as exc:
        text = str(exc)
        return ("crash", text) if "cannot be read (" in text else ("refused", text)
    except Exception as exc:  # noqa: BLE001 - what the campaign is looking for
        return "crash", f"{type(exc).__name__}: {exc}"[:300]
    internal = [f for f in result.findings if f.category == "internal"]
    if internal:
        return "crash", internal[0].en[:300]
    if fmt in ("txt", "md") and not _converges(linter, result.document.text, fmt):
        return "diverged", ""
    return "ok", ""


def _worker(conn, seed: int, jobs: list) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    from rectlint.api import Linter
    from rectlint.config import Config

    linter, seeds = Linter(Config()), seed_files()
    for fmt, i in jobs:
        conn.send(("start", fmt, i))
        started = time.perf_counter()
        outcome, detail = _one(linter, seed, fmt, i, seeds)
        conn.send(("done", fmt, i, outcome, detail, time.perf_counter() - started))
    conn.send(("end",))


def campaign(seed: int, per_format: int, formats: list, workers: int):
    jobs = [(fmt, i) for i in range(per_format) for fmt in formats]
    shares = [jobs[k::workers] for k in range(workers)]
    ctx = multiprocessing.get_context("fork")
    results, running = [], {}

    def start(share):
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_worker, args=(child, seed, share), daemon=True)
        process.start()
        child.close()
        running[parent] = {"process": process, "share": share, "done": 0, "current": None, "heard": time.monotonic()}

    for share in shares:
        if share:
            start(share)
    while running:
        for conn in multiprocessing.connection.wait(list(running), timeout=5):
            state = running[conn]
            try:
                message = conn.recv()
            except EOFError:  # the worker died (killed by its memory limit's end, say)
                message = ("died",)
            state["heard"] = time.monotonic()
            if message[0] == "start":
                state["current"] = message[1:]
            elif message[0] == "done":
                results.append(message[1:])
                state["done"] += 1
                state["current"] = None
            else:
                state["process"].join(5)
                del running[conn]
                if message[0] == "died" and state["current"] is not None:
                    results.append((*state["current"], "crash", "the worker died", 0.0))
                    rest = state["share"][state["done"] + 1:]
                    if rest:
                        start(rest)
        for conn, state in list(running.items()):
            if time.monotonic() - state["heard"] > HUNG and state["current"] is not None:
                state["process"].kill()
                state["process"].join(5)
                del running[conn]
                results.append((*state["current"], "hung", f"killed after {HUNG:g} s", HUNG))
                rest = state["share"][state["done"] + 1:]
                if rest:
                    start(rest)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inputs", type=int, default=24_000, help="inputs in all, shared equally by the formats")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--formats", default="txt,md,docx,html")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--write-seeds", action="store_true", help="regenerate bench/fuzz_seeds/ and exit")
    ap.add_argument("--show", metavar="FMT:N", help="write input N of a format to standard output and exit")
    args = ap.parse_args()
    if args.write_seeds:
        write_seeds()
        return 0
    if args.show:
        fmt, number = args.show.split(":")
        sys.stdout.buffer.write(make_input(args.seed, fmt, int(number), seed_files())[1])
        return 0
    formats = args.formats.split(",")
    started = time.perf_counter()
    results = campaign(args.seed, args.inputs // len(formats), formats, args.workers)
    elapsed = time.perf_counter() - started
    print(f"{len(results)} inputs in {elapsed:.0f} s (seed {args.seed}, {args.workers} workers)\n")
    print(f"{'format':<8}{'inputs':>8}{'crashes':>9}{'> 5 s':>7}{'refused':>9}{'fixes diverged':>16}{'slowest':>9}")
    bad = 0
    for fmt in formats:
        mine = [r for r in results if r[0] == fmt]
        crashes = [r for r in mine if r[2] == "crash"]
        slow = [r for r in mine if r[4] > SLOW]
        refused = sum(r[2] == "refused" for r in mine)
        diverged = sum(r[2] == "diverged" for r in mine)
        slowest = max((r[4] for r in mine), default=0)
        bad += len(crashes) + len(slow)
        print(f"{fmt:<8}{len(mine):>8}{len(crashes):>9}{len(slow):>7}{refused:>9}{diverged:>16}{slowest:>8.2f}s")
        for fmt_, i, _, detail, seconds in (crashes + slow)[:5]:
            print(f"    {fmt_}:{i} ({seconds:.1f} s) {detail}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

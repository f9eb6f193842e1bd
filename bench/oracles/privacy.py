"""Privacy: the numbers a notice publishes on purpose stay quiet; a person's ID, mobile or bank card
is flagged however it is written. Written apart from rectlint: it imports nothing of it.

Mentions are the published numbers of the clean corpus notices: hotlines (12388, 12345, 12368, …),
landlines with an area code (0791-86218000, (0577)88213650, extensions 转8012 or -8012) and
postcodes (邮编/邮政编码 and six digits). Every digit edit of one is judged as a proofreader reads
the number that results:

- a valid resident ID (GB 11643-1999: region code, a real birth date, the ISO 7064 MOD 11-2 check
  character), a bank card (16 to 19 digits passing Luhn, whole or in groups of four, that is not
  an ID's shape), or a personal mobile (1[3-9] and nine digits, whole or as 3-4-4, 3-8, 7-4) that
  is not given as a way to reach an office (举报电话：…, 联系手机…) is personal data: "broken";
- a number that is still well formed is "ok": a landline with an area code of the numbering plan
  (010 or 02X with a local number of 8 digits; 0 and three digits, the first 3 to 9, with 7 or 8),
  a local number opening with 2 to 8, an extension of 1 to 5; a hotline of the 123xx series; a
  postcode of six digits where the mention was a postcode;
- anything else is a number the edit broke (a landline of 6 or 9 local digits, an area code
  without its 0, a postcode of 5 digits): "broken" too. (Judgement call: a proofreader flags a
  contact number that cannot be dialled, though this is about form, not privacy; the rules read
  a supervision block's phone as its contact channel, and say when there is none.)

Variants (each must draw no error or warning): look-alikes planted in the notice's supervision
block, in full-width, spaced and hyphenated forms: an ID-shaped number whose check character is
wrong, a card-shaped number failing Luhn, a landline in other writings, a mobile given as a
contact channel. Planted personal numbers, which must be flagged, cannot be variants of the
closure driver (variants must be quiet): `python bench/oracles/privacy.py` plants them and
checks both kinds through the command line, printing its own table.
"""

from __future__ import annotations

import datetime
import re

NAME = "privacy"
ALPHABET = "0123456789"
INSERTS = "0123456789"

_FULL = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}
_FULL.update({0xFF0D: 0x2D, 0x3000: 0x20, 0x00A0: 0x20, 0xFF38: 0x58})
_HOTLINE = re.compile(r"(?<![\d０-９])(?:12388|12345|12368|12315|12319|12365|12380|12333|12320|12348)(?![\d０-９])")
_LANDLINE = re.compile(r"(?<![\d０-９])(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}\s?[-－—]\s?)\d{7,8}(?:(?:转|-|－)\d{1,5})?(?![\d０-９])")
_POSTCODE = re.compile(r"(?:邮编|邮政编码)[:：\s]*(\d{6})(?![\d０-９])")
_RUN = re.compile(r"[0-9Xx](?:[0-9Xx]|[ \-—()（）](?=[0-9Xx]))*")
_CHANNEL = re.compile(r"(?:举报|值班|监督|联系|咨询|受理|专用|专门|服务|投诉|信访|办公)(?:电话|手机|号码|专线)|热线")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def mentions(text: str) -> list[tuple[int, int]]:
    spans = {m.span() for m in _HOTLINE.finditer(text)} | {m.span() for m in _LANDLINE.finditer(text)}
    spans |= {m.span(1) for m in _POSTCODE.finditer(text)}
    return sorted(s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans))


def id_valid(chars: str) -> bool:
    if len(chars) != 18 or not chars[:17].isdigit() or chars[0] == "0":
        return False
    try:
        datetime.date(int(chars[6:10]), int(chars[10:12]), int(chars[12:14]))
    except ValueError:
        return False
    if not 1900 <= int(chars[6:10]) <= 2099:
        return False
    total = sum(int(d) * w for d, w in zip(chars[:17], _WEIGHTS))
    return "10X98765432"[total % 11] == chars[17].upper()


def luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def personal(number: str, before: str) -> str | None:
    """What a written number is, if a person's: "id", "card" or "mobile". `before` is the text
    just before it (a contact label makes a mobile an office's channel)."""
    plain = number.translate(_FULL)
    chars = re.sub(r"[^0-9Xx]", "", plain)
    groups = [len(g) for g in re.split(r"[^0-9Xx]+", plain) if g]
    if len(chars) == 18 and re.fullmatch(r"[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]",
                                          chars):
        return "id" if id_valid(chars) else None  # an ID's shape, its check wrong: a mistyped ID, no card
    if not chars.isdigit():
        return None
    if 16 <= len(chars) <= 19 and (len(groups) == 1 or groups[:4] == [4, 4, 4, 4]) and luhn(chars):
        return "card"
    if re.fullmatch(r"1[3-9]\d{9}", chars) and groups in ([11], [3, 4, 4], [3, 8], [7, 4]):
        return None if _CHANNEL.search(before[-24:]) else "mobile"
    return None


# Area codes by the numbering plan (电信网编号计划): 010 and 02X take eight-digit local numbers,
# 0 and three digits (the first 3 to 9) seven or eight.
_EXT = r"(?:(?:转|-|－)\d{1,5})?"
_WELL_FORMED = re.compile(
    r"(?:[(（](?:010|02\d)[)）]\s?|(?:010|02\d)\s?[-－—]\s?)[2-8]\d{7}" + _EXT +  # a landline
    r"|(?:[(（]0[3-9]\d\d[)）]\s?|0[3-9]\d\d\s?[-－—]\s?)[2-8]\d{6,7}" + _EXT +
    r"|123\d\d")  # a hotline of the 123xx series
_POSTCODE_OK = re.compile(r"\d{6}")


def judge(new_text, span, old_text, old_span):
    plain = new_text.translate(_FULL)
    start, end = span
    while start > 0 and (plain[start - 1].isdigit() or plain[start - 1] in "-－—()（）转 " and
                         start > 1 and plain[start - 2].isdigit() or plain[start - 1] in "(（"):
        start -= 1
    while end < len(plain) and (plain[end].isdigit() or plain[end] in "-－—()（） " and
                                end + 1 < len(plain) and plain[end + 1].isdigit() or
                                plain[end] == "转" and end + 1 < len(plain) and plain[end + 1].isdigit()):
        end += 1
    number = new_text[start:end]
    if personal(number, plain[max(0, start - 24):start]):
        return ("broken", [(start, end)])
    if _WELL_FORMED.fullmatch(plain[start:end].strip()):
        return "ok"
    # six digits are a postcode only where the mention was one (12388 → 112388 is no number)
    if _POSTCODE.search(old_text[max(0, old_span[0] - 8):old_span[1] + 1]) and _POSTCODE_OK.fullmatch(plain[start:end]):
        return "ok"
    return ("broken", [(start, end)])


# -- planted numbers ------------------------------------------------------------------------------

def _check_char(first17: str) -> str:
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


def _luhn_digit(body: str) -> str:
    return next(d for d in "0123456789" if luhn(body + d))


def numbers(seed: int) -> dict:
    """A valid ID, mobile and card made from a seed, and their look-alikes."""
    region = f"{110101 + seed * 137 % 400000:06d}"
    birth = f"{1960 + seed % 40}{seed % 12 + 1:02d}{seed % 27 + 1:02d}"
    first = region + birth + f"{seed * 7 % 1000:03d}"
    good_id = first + _check_char(first)
    bad_id = first + next(c for c in "0123456789X" if c != _check_char(first))
    mobile = f"1{3 + seed % 7}{seed * 7919 % 10**9:09d}"
    body = f"6214{seed * 104729 % 10**11:011d}"
    card = body + _luhn_digit(body)
    bad_card = body + next(d for d in "0123456789" if not luhn(body + d))
    return {"id": good_id, "bad_id": bad_id, "mobile": mobile, "card": card, "bad_card": bad_card}


def _forms(number: str, kind: str) -> dict:
    full = number.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})
    if kind == "id":
        spaced, hyphen = f"{number[:6]} {number[6:14]} {number[14:]}", f"{number[:6]}-{number[6:14]}-{number[14:]}"
    elif kind == "mobile":
        spaced, hyphen = f"{number[:3]} {number[3:7]} {number[7:]}", f"{number[:3]}-{number[3:7]}-{number[7:]}"
    else:
        spaced = " ".join(number[i:i + 4] for i in range(0, len(number), 4))
        hyphen = "-".join(number[i:i + 4] for i in range(0, len(number), 4))
    return {"whole": number, "full-width": full, "spaced": spaced, "hyphenated": hyphen,
            "ideographic spaces": spaced.replace(" ", "\u3000")}


_SUPERVISION = re.compile(r"(联系电话[:：][^；;。\n]*)")


def variants(text: str, fmt: str):
    """Look-alikes planted in the supervision block: no error or warning may follow."""
    m = _SUPERVISION.search(text)
    if m is None:
        return
    seed = len(text) % 97 + 1
    n = numbers(seed)
    # marks of the notice's own width: a full-width ； planted in a notice written with ASCII
    # punctuation is a real mixed-width defect, no look-alike
    semi, comma = (";", ",") if ":" in m.group() else ("；", "，")
    for kind, number in (("id", n["bad_id"]), ("card", n["bad_card"])):
        for form, written in _forms(number, kind).items():
            yield (f"{kind} with a wrong check digit, {form}",
                   text[:m.end()] + f"{semi}档案编号{written}" + text[m.end():])
    for form, written in (("(0791)", "(0791)86218000"), ("full-width hyphen", "0791－86218000"),
                          ("spaced", "0791 86218000"), ("full-width", "０７９１－８６２１８０００")):
        yield f"landline, {form}", text[:m.end()] + f"{comma}{written}" + text[m.end():]
    for form, written in _forms(n["mobile"], "mobile").items():
        yield f"a mobile given as a channel, {form}", text[:m.end()] + f"{semi}值班手机{':' if semi == ';' else '：'}{written}" + text[m.end():]


def planted(text: str):
    """(label, notice, planted span, must be flagged): personal numbers planted in the first item's
    line, in every writing, and their look-alikes."""
    line = re.search(r"^.*整改(?:情况|措施|结果|落实情况)[:：].*$", text, re.M)
    if line is None:
        return
    n = numbers(len(text) % 89 + 3)
    at = line.end()
    for kind, label in (("id", "身份证号"), ("mobile", "手机"), ("card", "银行卡号")):
        for form, written in _forms(n[kind], kind).items():
            sentence = f"经核实，当事人{label}为{written}。"
            yield (f"{kind}, {form}", text[:at] + sentence + text[at:],
                   (at + sentence.index(written), at + sentence.index(written) + len(written)), True)
    for kind, label in (("bad_id", "档案编号"), ("bad_card", "合同编号")):
        for form, written in _forms(n[kind], "id" if kind == "bad_id" else "card").items():
            sentence = f"经核实，{label}为{written}。"
            yield (f"{kind}, {form}", text[:at] + sentence + text[at:],
                   (at + sentence.index(written), at + sentence.index(written) + len(written)), False)


def main() -> int:
    """Plant numbers into every clean .txt notice and lint each through the command line."""
    import json
    import subprocess
    import sys
    import tempfile
    from collections import Counter
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[2] / "tests" / "corpus"
    rows = Counter()
    misses = []
    with tempfile.TemporaryDirectory() as folder:
        cases = []
        for path in sorted(corpus.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            text = "".join("\n" if line.startswith("# ") else line for line in text.splitlines(True))
            for k, (label, notice, span, must) in enumerate(planted(text)):
                target = Path(folder) / f"{path.stem}-{k:02}.txt"
                target.write_text(notice, encoding="utf-8")
                cases.append((target, label, notice, span, must))
        out = subprocess.run([sys.executable, "-m", "rectlint", "--no-cache", "--format", "json", "--exit-zero",
                              "--select", "privacy", folder], capture_output=True, text=True)
        found = {}
        for f in json.loads(out.stdout):
            found.setdefault(f["path"], []).append(f)
    for target, label, notice, (start, end), must in cases:
        line = notice.count("\n", 0, start) + 1
        col = start - (notice.rfind("\n", 0, start) + 1) + 1
        hit = any(f["line"] == line and f["column"] <= col + (end - start) and col <= f["end_column"]
                  for f in found.get(str(target), []))
        kind = label.split(",")[0]
        form = label.split(", ")[1]
        rows[(kind, form, "should")] += must
        rows[(kind, form, "flagged")] += must and hit
        rows[(kind, form, "quiet-cases")] += not must
        rows[(kind, form, "false")] += (not must) and hit
        if must != hit:
            misses.append((target.name, label))
    print(f"{'planted':<10} {'written':<20} {'flagged / should-flag':>22}   {'false flags / look-alikes':>26}")
    for kind in ("id", "mobile", "card", "bad_id", "bad_card"):
        for form in ("whole", "full-width", "spaced", "hyphenated", "ideographic spaces"):
            should, flagged = rows[(kind, form, "should")], rows[(kind, form, "flagged")]
            quiet, false = rows[(kind, form, "quiet-cases")], rows[(kind, form, "false")]
            if should or quiet:
                print(f"{kind:<10} {form:<20} {flagged:>10} / {should:<10} {false:>14} / {quiet:<10}")
    for name, label in misses[:10]:
        print(f"    wrong: {name}: {label}")
    return 1 if misses else 0


if __name__ == "__main__":
    raise SystemExit(main())

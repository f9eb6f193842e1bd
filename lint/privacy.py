"""Personal data never leaves the draft. The numbers of resident IDs, bank cards and mobiles are
found here (the `personal-data` rule reports them), and masked in every text rectlint takes from
a draft into its output or its cache: messages, suggestions, quotes, snippets, the context a
baseline hashes. Baselines keep a hash of the text they accept, not the text.

Numbers are read as people write them: half- or full-width digits, whole or in groups joined by
one space (also NBSP or U+3000) or hyphen (ASCII, full-width, or a dash). An ID number may be
grouped anyhow (6-8-4, 6-4-4-4, …); a card in fours (4-4-4-4, and 1 to 3 more); a mobile as
3-4-4, 3-8 or 7-4, with +86 or 86 before it. Every grouping is judged on its digits, with the ID's
check character (GB 11643-1999, ISO 7064 MOD 11-2) and the card's Luhn digit as before, so a
changed digit or a landline stays a number like any other; a card number also opens with a card
network's digits, and an ID-shaped number is never read as a card.
"""

from __future__ import annotations

from collections import defaultdict

import regex

from . import patterns
from .record import Record
from .text import fold

RULE = "personal-data"

# A run of digits in groups joined by one separator each (after fold: full-width digits and
# hyphen are ASCII, NBSP and U+3000 spaces), an X closing an ID among them.
_SEPARATORS = " \\-\u2010\u2011\u2012\u2013\u2014\u2212"
_RUN = patterns.compile(rf"(?<![\dA-Za-z])\+?\d+(?:[{_SEPARATORS}]\d+)*(?:[Xx])?(?![\dA-Za-z])")
_GROUP = patterns.compile(r"\d+[Xx]?")
_ID = patterns.compile(r"[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dX]")
_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_MOBILE = patterns.compile(r"1[3-9]\d{9}")
# A card number opens with its network's digits: 3 (JCB, American Express), 4 (Visa), 5 and 2221-2720
# (Mastercard), 6 (UnionPay). Four years in a row (2023 2024 2025 2026) are no card.
_ISSUER = patterns.compile(r"[3-6]|2(?:2[2-9][1-9]|[3-6]\d\d|7[01]\d|720)")
# The groupings each kind is read in (digits per group); None: any grouping.
_CARD_GROUPS = ((4, 4, 4, 4), (4, 4, 4, 4, 1), (4, 4, 4, 4, 2), (4, 4, 4, 4, 3))
_MOBILE_GROUPS = ((3, 4, 4), (3, 8), (7, 4))
# A number given as a way to reach an office: 举报电话：…, 设专门值班电话…, 联系手机…
# A label may give several numbers: 举报电话：0553-2595762 15212242863.
# Several numbers may follow one label, each with its hours in brackets, as a table row gives them
# (值班电话 | 139… (工作日8:00-20:00) | 177…).
_CHANNEL = patterns.compile(
    r"(?:(?:举报|值班|监督|联系|咨询|受理|专用|专门|服务|投诉|信访|办公)(?:电话|手机|号码|专线)|热线)[^。;,\d]{0,6}"
    r"(?:[\d()-]{5,20}\s*(?:\([^()\r\n]{0,24}\)\s*)?(?:[、/或和及|]|\s)\s*)*$")


class Number(Record):
    """A personal number in a text: its span (end exclusive), its kind (id, card, mobile) and
    its digits as written, without separators."""

    FIELDS = ("start", "end", "kind", "digits")

    def __init__(self, start: int, end: int, kind: str, digits: str):
        self.start, self.end, self.kind, self.digits = start, end, kind, digits


def id_checksum_ok(number: str) -> bool:
    total = sum(int(d) * w for d, w in zip(number[:17], _WEIGHTS))
    return "10X98765432"[total % 11] == number[17].upper()


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


_LENGTHS = (11, 16, 17, 18, 19)  # digits of a mobile, a card, an ID
_SHORTEST = min(_LENGTHS)


def _kind(digits: str, sizes: tuple) -> str | None:
    """What the digits of consecutive groups (`sizes` digits each) are, if a personal number. An
    ID-shaped number (a region code and a birth date) is an ID or, with a wrong check character,
    nothing: a mistyped ID or an archive number is no bank card, whatever its Luhn digit says."""
    if len(digits) == 18 and _ID.fullmatch(digits):
        return "id" if id_checksum_ok(digits) else None
    if not digits.isdigit():
        return None
    if len(digits) >= 16 and (len(sizes) == 1 or sizes in _CARD_GROUPS) and _ISSUER.match(digits) \
            and luhn_ok(digits):
        return "card"
    if len(digits) == 11 and _MOBILE.fullmatch(digits) and (len(sizes) == 1 or sizes in _MOBILE_GROUPS):
        return "mobile"
    return None


def find_numbers(folded: str, start: int = 0, end: int | None = None) -> list[Number]:
    """The personal numbers in folded[start:end] (text as `text.fold` gives it), in order. A
    number is one group of a run of digits (two numbers joined by one space are two), or all of
    its groups; a mobile may follow +86 or 86. The work is linear: from each group only the
    readings of 11 and 16 to 19 digits are tried."""
    out: list[Number] = []
    end = len(folded) if end is None else end
    for run in _RUN.finditer(folded, start, end):
        if run.end() - run.start() < _SHORTEST:
            continue  # fewer characters than the shortest number has digits: most runs (dates, counts)
        groups = list(_GROUP.finditer(folded, run.start(), run.end()))
        digits = "".join(m.group() for m in groups).upper()
        at = [0]  # digits before each group
        for m in groups:
            at.append(at[-1] + len(m.group()))
        group_at = {count: k for k, count in enumerate(at)}
        # A reading of several groups is the whole run (after a +86 or 86 before a mobile): the
        # groups of 6214 8301 0234 5678 908 are one number or none, never a card and a 908.
        first = 1 if len(groups) > 1 and groups[0].group() == "86" else 0
        g = 0
        while g < len(groups):
            found = None
            for length in reversed(_LENGTHS):  # the longest reading first
                h = group_at.get(at[g] + length)
                if h is None or (h - g > 1 and (g > first or h < len(groups))):
                    continue
                kind = _kind(digits[at[g]:at[h]], tuple(at[k + 1] - at[k] for k in range(g, h)))
                if kind is not None:
                    found = Number(groups[g].start(), groups[h - 1].end(), kind, digits[at[g]:at[h]])
                    g = h
                    break
            if found is None:
                g += 1
                continue
            out.append(found)
    for n in out:  # a mobile's country code is part of it
        if n.kind == "mobile":
            before = folded[max(0, n.start - 4):n.start]
            for prefix in ("+86 ", "+86-", "+86", "86 ", "86-", "86"):
                if before.endswith(prefix) and (n.start - len(prefix) == 0 or not
                                                folded[n.start - len(prefix) - 1].isalnum()):
                    n.start -= len(prefix)
                    break
    return out


def is_channel(folded: str, start: int, end: int | None = None) -> bool:
    """Whether a number at `start` is given as a way to reach an office (举报电话：…), or is the
    name of an e-mail address (…@163.com), which is published to be written to."""
    if end is not None and folded[end:end + 1] == "@":
        return True
    return bool(_CHANNEL.search(folded, max(0, start - 64), start))


def mask_digits(span: str) -> str:
    """158-6745-3421 → 158-****-3421: the first three and last four digits stay, separators too. A
    full-width digit becomes a full-width star, so the text keeps its width."""
    positions = [i for i, ch in enumerate(span) if ch.isdigit() or ch in "Xx"]
    hidden = set(positions[3:-4]) if len(positions) > 7 else set(positions)
    return "".join(("＊" if "０" <= ch <= "９" else "*") if i in hidden else ch for i, ch in enumerate(span))


def mask(text: str, numbers=None) -> str:
    """The text with every personal number in it masked in place (same length), except a mobile
    given as a contact channel: what an office publishes on purpose is no secret."""
    digits = sum(map(str.isdigit, text)) if text else 0  # map: counted in C, a message at a time
    if not digits or (numbers is None and digits < _SHORTEST):
        return text  # too few digits for any personal number: most messages and lines
    folded = fold(text)
    found = find_numbers(folded) if numbers is None else numbers
    chars = None  # masked in a list: a new string for each number made a long line quadratic
    for n in found:
        if n.kind == "mobile" and is_channel(folded, n.start, n.end):
            continue
        if chars is None:
            chars = list(text)
        start = _own_digits(chars, n)
        chars[start:n.end] = mask_digits("".join(chars[start:n.end]))
    return text if chars is None else "".join(chars)


def _own_digits(text, number: Number) -> int:
    """Where the number's own digits start: a mobile's +86 is not masked."""
    if number.kind != "mobile":
        return number.start
    digits = [i for i in range(number.start, number.end) if text[i].isdigit()]
    return digits[-11]


def masked(value):
    """`mask` over a str, or each str of a dict or list (a finding's place), left as it is otherwise."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {k: masked(v) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v) for v in value]
    return value


def masked_lines(findings) -> dict:
    """(path, line number) -> [(start column, end column)] of personal data to mask, 1-based, inclusive."""
    spans = defaultdict(list)
    for f in findings:
        if f.rule == RULE and f.line == f.end_line:
            spans[(f.path, f.line)].append((f.column, f.end_column))
    return spans


def redact(text: str, spans=()) -> str:
    """A line as shown: every personal number masked (see `mask`), and the spans `personal-data`
    reported (1-based columns, inclusive) masked too, each character kept in place."""
    for start, end in spans:
        a, b = start - 1, min(len(text), end)
        text = text[:a] + mask_digits(text[a:b]) + text[b:]
    return mask(text)


def digest(text: str) -> str:
    """What a baseline keeps of the text it accepts."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def masked_line(doc, start: int, end: int):
    """The masked text of the one line that holds doc.text[start:end], and where the span starts
    in it: masked_text is that line[at:at + end - start]. None when the span is not in one line."""
    first, last = doc.line_at(start), doc.line_at(max(start, end - 1))
    if first.number == last.number and first.start <= start and end <= first.end:
        return _masked_line(doc, first), start - first.start
    return None


def masked_text(doc, start: int, end: int) -> str:
    """doc.text[start:end] with the personal numbers of its lines masked in place."""
    one = masked_line(doc, start, end)
    if one is not None:
        line, at = one
        return line[at:at + end - start]
    first, last = doc.line_at(start), doc.line_at(max(start, end - 1))
    out, pos = [], start
    for line in doc.lines[first.number - 1:last.number]:
        if pos < line.start:  # the line break before it
            out.append(doc.text[pos:min(line.start, end)])
            pos = line.start
        upto = min(end, line.end)
        if pos < upto:
            out.append(_masked_line(doc, line)[pos - line.start:upto - line.start])
            pos = upto
    out.append(doc.text[pos:end])
    return "".join(out)


def _masked_line(doc, line) -> str:
    masked = doc.masked_lines.get(line.number)
    if masked is None:
        masked = doc.masked_lines[line.number] = mask(line.text)
    return masked

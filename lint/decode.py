"""Turn the bytes of a draft into text, remembering how to write it back."""

from __future__ import annotations

import codecs

import regex

from . import patterns
from .errors import InputError
from .messages import said
from .record import Record

# C0 controls that never occur in a text draft; their presence means binary data.
_BINARY_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")
_CONTROL = patterns.compile(r"[\p{Cc}\p{Cs}--[\t\n\r\x0b\x0c\x1b]]", regex.V1)
_NEWLINE = patterns.compile(r"\r\n?|\n")
_HAN = patterns.compile(r"\p{Han}")
# In text read as GB18030, which decodes almost any bytes, unassigned and private-use code points
# betray bytes that were never GB18030 text. In valid UTF-8 they are text (Word's symbol bullet
# U+F0B7, a CJK extension character newer than this Python's tables).
_ODD = patterns.compile(r"[\p{Cn}\p{Co}]")
# What a Chinese draft is made of: CJK ideographs and punctuation, full-width forms, ASCII.
_CJK_TEXT = patterns.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2000-\u206f\x20-\x7e\t\n\r]")


class Decoded(Record):
    """A text file's characters and what is needed to write it back as it was."""

    FIELDS = ("text", "encoding", "bom", "newline", "origin")

    def __init__(self, text: str, encoding: str, bom: bytes, newline: str, origin: tuple | None = None):
        self.text = text
        self.encoding = encoding  # codec name used to write the text back
        self.bom = bom
        self.newline = newline  # the first line ending seen, "\n" when there is none
        self.origin = origin  # (size, mtime_ns, bytes) of the file as read: a fix checks it is unchanged


def _newline_of(text: str) -> str:
    m = _NEWLINE.search(text)
    return m.group() if m else "\n"


def _looks_binary(text: str, strict: bool = False) -> bool:
    return bool(_CONTROL.search(text) or (strict and _ODD.search(text)))


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """A UTF-16 text saved without its byte-order mark, when one byte order reads as a
    Chinese draft. GBK or UTF-8 bytes never do: read as UTF-16 they fall outside the CJK
    blocks (Hangul, Yi, surrogates)."""
    if len(data) < 2 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = len(_CJK_TEXT.findall(text))
        han = len(_HAN.findall(text))
        if plain >= 0.95 * len(text) and (b"\x00" in data or han >= 0.5 * len(text)) \
                and not _looks_binary(text):
            return text, codec
    return None


def decode(data: bytes, name: str = "<input>") -> Decoded:
    """Decode UTF-8 (BOM optional), UTF-16 (BOM, or detected without), or GB18030/GBK.

    Anything else raises InputError: a wrong guess would move every position.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"),
                       (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(said("input.bad-bom", name=name, codec=codec.upper(),
                                      byte=exc.start + len(bom))) from None
            if _looks_binary(text):
                raise InputError(said("input.binary", name=name))
            return Decoded(text, codec, bom, _newline_of(text))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _looks_binary(text):
        return Decoded(text, "utf-8", b"", _newline_of(text))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(utf16[0], utf16[1], b"", _newline_of(utf16[0]))
    if text is not None or any(b in _BINARY_BYTES for b in data[:65536]) or b"\x00" in data:
        raise InputError(said("input.binary", name=name))
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _looks_binary(text, strict=True):
        return Decoded(text, "gb18030", b"", _newline_of(text))
    raise InputError(said("input.undecodable", name=name))


def encode(decoded: Decoded, text: str) -> bytes:
    """Inverse of decode for a (possibly fixed) text."""
    return decoded.bom + text.encode(decoded.encoding)

"""Turn the bytes of a draft into text, remembering how to write it back."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from .errors import InputError

# C0 controls that never occur in a text draft; their presence means binary data.
_BINARY_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b")


@dataclass
class Decoded:
    text: str
    encoding: str  # codec name used to write the text back
    bom: bytes
    newline: str  # the first line ending seen, "\n" when there is none


def _newline_of(text: str) -> str:
    for i, ch in enumerate(text):
        if ch == "\r":
            return "\r\n" if text[i + 1:i + 2] == "\n" else "\r"
        if ch == "\n":
            return "\n"
    return "\n"


def _looks_binary(text: str) -> bool:
    for ch in text:
        if ch in "\t\n\r\x0b\x0c":
            continue
        cat = unicodedata.category(ch)
        # Unassigned and private-use code points come from bytes that were never text.
        if cat in ("Cc", "Cn", "Co", "Cs"):
            return True
    return False


def decode(data: bytes, name: str = "<input>") -> Decoded:
    """Decode UTF-8 (BOM optional), UTF-16 with BOM, or GB18030/GBK.

    Anything else raises InputError: a wrong guess would move every position.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"),
                       (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {codec.upper()} after its byte-order mark "
                                 f"(byte {exc.start + len(bom)})") from None
            if _looks_binary(text):
                raise InputError(f"{name}: binary data, not a text draft")
            return Decoded(text, codec, bom, _newline_of(text))
    if any(b in _BINARY_BYTES for b in data[:65536]) or b"\x00" in data:
        raise InputError(f"{name}: binary data, not a text draft")
    for codec in ("utf-8", "gb18030"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return Decoded(text, codec, b"", _newline_of(text))
    raise InputError(f"{name}: cannot decode as UTF-8, UTF-16 with BOM or GB18030; "
                     "save the draft as UTF-8")


def encode(decoded: Decoded, text: str) -> bytes:
    """Inverse of decode for a (possibly fixed) text."""
    return decoded.bom + text.encode(decoded.encoding)

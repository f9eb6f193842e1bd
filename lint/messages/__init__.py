"""Every message rectlint prints, by id, in one catalogue per language: `zh.py` and `en.py`.

A rule writes `Hit(start, end, **say("invalid-date.day", written=w, month=4, day=31))`; `say`
renders the id in both languages, so the choice of --lang stays with the reporters. An argument
may be a `Phrase` (another id, rendered in the same language) or a list, joined by the separator
written as the placeholder's format spec: `{parts:、}` in Chinese, `{parts:; }` in English.
A test checks that both catalogues have the same ids with the same placeholders.
"""

from __future__ import annotations

import string
from datetime import date
from typing import NamedTuple

from . import en, zh

CATALOGUES = {"zh": zh.MESSAGES, "en": en.MESSAGES}


class Phrase(NamedTuple):
    """A part of a message that is itself worded per language."""

    id: str
    args: dict

    def __format__(self, spec):  # a Phrase is rendered by _Formatter, never by str.format
        raise TypeError(f"phrase {self.id!r} formatted outside a catalogue message")


def phrase(message_id: str, **args) -> Phrase:
    return Phrase(message_id, args)


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, spec):
        if isinstance(value, Phrase):
            return text(value.id, self.lang, **value.args)
        if isinstance(value, (list, tuple)):
            return spec.join(self.format_field(item, "") for item in value)
        return format(value, spec)


_FORMATTERS = {lang: _Formatter(lang) for lang in CATALOGUES}


def text(message_id: str, lang: str = "zh", **args) -> str:
    """One message in one language."""
    lang = "en" if lang == "en" else "zh"
    template = CATALOGUES[lang][message_id]
    if any(isinstance(value, (list, tuple)) for value in args.values()):  # a Phrase is a tuple too
        return _FORMATTERS[lang].vformat(template, (), args)
    # Rules say a message for every hit: str.format does the rest in C, and formats each field
    # exactly as the Formatter would.
    return template.format_map(args)


# Rules say one message for thousands of hits (台帐 → 台账 on every line): the strings of one
# message are made once and shared by its findings, where each held two copies of its own.
# Only plain arguments are keyed: of these types no two values are equal and written apart, as
# 1 and 1.0 or 1 and True would be.
_PLAIN = (str, int, date)
_SAID: dict = {}
_SAID_MAX = 4096


def say(message_id: str, **args) -> dict:
    """The `zh` and `en` of a Hit or Finding."""
    plain = all(type(value) in _PLAIN for value in args.values())
    if plain:
        key = (message_id, *args.items())
        pair = _SAID.get(key)
        if pair is not None:
            return {"zh": pair[0], "en": pair[1]}
    zh, en = text(message_id, "zh", **args), text(message_id, "en", **args)
    if plain:
        if len(_SAID) >= _SAID_MAX:  # bounded: a draft of distinct messages gains nothing here
            _SAID.clear()
        _SAID[key] = (zh, en)
    return {"zh": zh, "en": en}


class Said(str):
    """A line in both languages that is, as a str, its English text: what the library's callers,
    logs and tests have always received. `in_language` picks the reader's language."""

    zh: str

    def __new__(cls, zh: str, en: str):
        said = super().__new__(cls, en)
        said.zh = zh
        return said

    def __reduce__(self):  # travels back from worker processes whole
        return Said, (self.zh, str.__str__(self))


def said(message_id: str, **args) -> Said:
    return Said(text(message_id, "zh", **args), text(message_id, "en", **args))


def in_language(message, lang: str) -> str:
    """A Said in the reader's language; any other message as it is."""
    return message.zh if isinstance(message, Said) and lang != "en" else str(message)

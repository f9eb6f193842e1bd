"""The Rule type: one rule as loaded, from a module of rectlint.rules, a plugin or a wording
pack. Apart from the registry that finds them, so that a pack's loader (wording) can make
rules without importing the registry that loads packs."""

from __future__ import annotations

import inspect
import re

from .record import Record

_EXAMPLE_LABEL = re.compile(r"^(Bad|Good): *", re.M)


class Rule(Record):
    """One rule as loaded: its metadata, its check function and its documentation."""

    FIELDS = ("id", "category", "severity", "options", "choices", "doc", "check", "frame", "source", "needs",
              "categories", "takes_context", "doc_zh", "aliases", "reads")

    def __init__(self, id: str, category: str, severity: str, options: dict, choices: dict,  # noqa: A002
                 doc: str, check, frame: bool = False, source: str = "", needs: str | None = None,
                 categories: tuple = (), takes_context: bool = False, doc_zh: str = "",
                 aliases: dict | None = None, reads: frozenset | None = None):
        self.id = id
        self.category = category
        self.severity = severity
        self.options = options
        self.choices = choices
        self._doc = doc  # cleaned (inspect.cleandoc) when first read: most runs never read it
        self.check = check
        self.frame = frame  # rules that read the web-page frame (e.g. its 发布时间) set FRAME = True
        self.source = source
        self.needs = needs  # a LintContext field the rule cannot work without, e.g. "corpus"
        self.categories = categories or (category,)  # every category its findings may carry; the first is CATEGORY
        self.takes_context = takes_context  # check(document, options, context): it reads the LintContext
        self._doc_zh = doc_zh  # the documentation in Chinese (DOC_ZH), beside the English docstring
        self._cleaned = False
        self.aliases = aliases or {}  # an option's former name -> its name (ALIASES), still read
        # The shared readings of the text (document.READINGS) its check asks for (READS); None: it
        # does not say, and may ask for any. A run lets a reading go after the last rule asking.
        self.reads = reads

    def option_name(self, key: str) -> str:
        """An option's name, for the name it had before (a configuration written then)."""
        return self.aliases.get(key, key)

    def _clean(self) -> None:
        if not self._cleaned:
            self._doc, self._doc_zh, self._cleaned = inspect.cleandoc(self._doc), inspect.cleandoc(self._doc_zh), True

    @property
    def doc(self) -> str:
        self._clean()
        return self._doc

    @property
    def doc_zh(self) -> str:
        self._clean()
        return self._doc_zh

    @property
    def summary(self) -> str:
        return self.summary_in("en")

    def doc_in(self, lang: str) -> str:
        """The documentation in a language, each paragraph on one line (the source's line
        breaks fall anywhere, even before a closing mark); the Chinese one ends with the
        docstring's examples."""
        from .reflow import unwrap

        if lang == "en" or not self.doc_zh:
            return unwrap(self.doc, "en")
        start = self.doc.find("\nBad:")
        if start < 0:
            return unwrap(self.doc_zh, "zh")
        examples = _EXAMPLE_LABEL.sub(lambda m: "错误：" if m.group(1) == "Bad" else "正确：", self.doc[start + 1:])
        return unwrap(self.doc_zh, "zh") + "\n\n" + unwrap(examples)

    def summary_in(self, lang: str) -> str:
        """The documentation's first paragraph, as a whole sentence."""
        doc = self.doc_in(lang).strip()
        return _sentence(doc.splitlines()[0], lang if self.doc_zh else "en") if doc else ""


def _sentence(text: str, lang: str) -> str:
    """A summary as a sentence: a capital first letter in English, and a full stop."""
    text = text.strip()
    if lang == "en":
        text = text[:1].upper() + text[1:]
        return text if text.endswith((".", "!", "?", "。")) else text + "."
    return text if text.endswith(("。", "！", "？")) else text.rstrip("，,；;：:") + "。"

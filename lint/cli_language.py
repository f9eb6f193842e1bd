"""The command line's own words in the language asked for: its help, and click's words (the
usage line, section headings, the help option, the errors of arguments that do not parse).

The language of a command line is read from its arguments before click parses them
(`--lang en`), since the help and a parse error come before any option's value is known, and
is kept on click's Context (`ctx.meta`), where the help and the errors find it. Our options and
commands carry message ids instead of text, rendered when the help is written. click marks
its own strings for gettext; gettext proper would choose the language from the environment
(LANGUAGE, LANG) and read compiled catalogues from disk, so click's modules are given a
function that looks their English up in `messages/click_zh.py` for the Context's language.
"""

from __future__ import annotations

import click

from .messages import click_zh, text
from .reflow import unwrap, wrap
from .text import display_width

LANG_KEY = "rectlint.lang"


def requested(args) -> str:
    """The language named by `--lang` among raw arguments (the last one wins); zh without."""
    lang = "zh"
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            lang = args[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.partition("=")[2]
    return "en" if lang == "en" else "zh"


def current(ctx: click.Context | None = None) -> str:
    """The language of the command line being run; without one, click's own English."""
    ctx = ctx or click.get_current_context(silent=True)
    return ctx.meta.get(LANG_KEY, "zh") if ctx is not None else "en"


def click_word(message: str) -> str:
    """One of click's strings in the command line's language."""
    return click_zh.MESSAGES.get(message, message) if current() == "zh" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return click_word(singular if n == 1 else plural)


def _install() -> None:
    from importlib import import_module

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types"):
        try:
            module = import_module(f"click.{name}")
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = click_word
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext


_install()


def _rendered(value, ctx=None):
    """A message id rendered in the command line's language; any other text as it is."""
    if isinstance(value, str) and value.startswith("help."):
        return text(value, current(ctx))
    return value


class HelpFormatter(click.HelpFormatter):
    """click's formatter, wrapping by terminal cells (a Chinese character takes two) and
    breaking between Chinese characters, never before a closing mark."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and current() == "zh":
            prefix = click_word("Usage:")  # 用法：, without the space after an ASCII colon
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        colon = "：" if current() == "zh" else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text_: str) -> None:
        indent = " " * self.current_indent
        for line in unwrap(text_, current()).splitlines():
            self.write("\n".join(wrap(line, self.width, indent)) + "\n" if line else "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((display_width(first) for first, _ in rows), default=0), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(second, max(self.width - first_col - 2, 10))
            pad = " " * (first_col + self.current_indent)
            self.write(lines[0] + "\n" + "".join(pad + line + "\n" for line in lines[1:]))


class Context(click.Context):
    formatter_class = HelpFormatter


class _Rendered:
    """An attribute set to a message id (help="help.select") and read in the command line's
    language, when the help is written."""

    def __set_name__(self, owner, name):
        self.slot = "_" + name

    def __get__(self, obj, owner=None):
        return self if obj is None else _rendered(getattr(obj, self.slot, None))

    def __set__(self, obj, value):
        setattr(obj, self.slot, value)


class Option(click.Option):
    """An option whose help is a message id."""

    help = _Rendered()


class _Translated:
    """What our commands share: help given as message ids, the help option's own help, and a
    usage line headed in the command line's language."""

    context_class = Context
    help = _Rendered()

    @property
    def short_help(self):
        if self._short_help is not None:
            return _rendered(self._short_help)
        help_ = self.help or ""
        stop = min((i for i in (help_.find("。"), help_.find(". ")) if i >= 0), default=-1)
        return help_[:stop + 1] if stop >= 0 else help_

    @short_help.setter
    def short_help(self, value):
        self._short_help = value

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:  # made once per command, in whatever language came first
            option.help = click_word("Show this message and exit.")
        return option


class Command(_Translated, click.Command):
    pass


class Group(_Translated, click.Group):
    command_class = Command

    def parse_args(self, ctx, args):
        if ctx.parent is None:
            ctx.meta[LANG_KEY] = requested(args)
        return super().parse_args(ctx, args)


Group.group_class = Group


def option(*decls, **attrs):
    """click.option with a help given as a message id."""
    return click.option(*decls, cls=Option, **attrs)

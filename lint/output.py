"""Where the command line's report goes and how it looks: the output file, colour, quiet mode,
per-rule statistics and the hints about fixes. The reporters make the text; this writes it."""

from __future__ import annotations

import os
import sys

import click

from .messages import text
from .report.labels import category


def use_color(choice: str, to_file: bool, fmt: str) -> bool:
    """--color, then NO_COLOR and FORCE_COLOR (no-color.org, force-color.org: set and not
    empty), then whether standard output is a terminal."""
    if fmt != "text" or choice == "never":
        return False
    if choice == "always":
        return True
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return not to_file and sys.stdout.isatty()


class Output:
    """The report's destination: standard output, or the file of -o (written as UTF-8)."""

    def __init__(self, path: str | None = None, color: bool = False):
        self.color = color
        self.handle = open(path, "w", encoding="utf-8", newline="") if path else None

    @property
    def to_file(self) -> bool:
        return self.handle is not None

    def write(self, chunk: str) -> None:
        if not chunk:
            return
        if self.handle is not None:
            self.handle.write(chunk)
        else:
            click.echo(chunk, nl=False, color=self.color or None)  # click strips colour off a terminal

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def rule_statistics(tally, rules: dict, fmt: str, lang: str) -> str:
    """Counts per rule, most frequent first; [*] marks a rule whose findings --fix repairs."""
    rows = {}
    for key, n in tally.counts.items():
        count, fixable, _ = rows.get(key.rule, (0, 0, key.category))
        rows[key.rule] = (count + n, fixable + (n if key.fix == "safe" else 0), key.category)
    ordered = sorted(rows.items(), key=lambda item: (-item[1][0], item[0]))
    if fmt in ("json", "jsonl"):
        import json  # only here: a text run never needs it

        return json.dumps([{"rule": rule, "category": cat, "count": count, "fixable": fixable}
                           for rule, (count, fixable, cat) in ordered], ensure_ascii=False, indent=2) + "\n"
    width = max((len(rule) for rule in rows), default=4)
    lines = []
    for rule, (count, fixable, cat) in ordered:
        summary = rules[rule].summary_in(lang) if rule in rules else ""
        mark = "[*]" if fixable else "   "
        lines.append(f"{count:>6}  {rule:<{width}}  {mark}  {category(cat, lang)}  {summary}".rstrip())
    return "".join(line + "\n" for line in lines)


def fix_hint(tally, lang: str, unsafe: bool, files: bool = True, word: bool = True) -> str:
    """What --fix and --unsafe-fixes would repair in the .txt and .md drafts (`files`), and what
    --annotate --fix-as-revisions would write as tracked changes into copies of the Word drafts
    (`word`), after the summary (ruff's wording, in Chinese by default). A web page or a PDF is
    never rewritten, so its repairs are named by no hint."""
    fixes = tally.by("repair", "fix")
    out = ""
    for route, shown, ids in (("file", files, ("report.fixable", "report.unsafe-fixable")),
                              ("word", word, ("report.revisable", "report.unsafe-revisable"))):
        safe, hidden = fixes[(route, "safe")], fixes[(route, "unsafe")]
        if unsafe:
            safe, hidden = safe + hidden, 0
        if shown:
            out += ((text(ids[0], lang, count=safe) + "\n" if safe else "")
                    + (text(ids[1], lang, count=hidden) + "\n" if hidden else ""))
    return out

"""Compiled patterns, kept between runs the way Python keeps bytecode.

Compiling rectlint's patterns with `regex` takes longer than linting a typical notice: its
parser is Python. A compiled `regex` pattern pickles as its compiled program, not as its
source, so loading one costs microseconds. `compile` therefore keeps a table of the patterns it
has compiled in the user's cache directory (`$XDG_CACHE_HOME/rectlint`, else `~/.cache/rectlint`;
`%LOCALAPPDATA%\\rectlint` on Windows), written when the process ends, and only where Python
itself writes bytecode: not under `PYTHONDONTWRITEBYTECODE`. Not beside the package: a file
written there at run time would outlive `pip uninstall`. The file name carries the regex
version and the interpreter, and the key is the pattern text itself, so an edited pattern is
compiled afresh; a missing, damaged or foreign table is ignored. The same table keeps other
costly readings of a fixed text (`kept`): the parsed built-in wording pack.
"""

from __future__ import annotations

import atexit
import os
import sys

try:  # the pickle module's own C core: `import pickle` costs a cold start three times as much
    import _pickle as pickle
except ImportError:  # an interpreter without it (PyPy)
    import pickle

import regex

_LIMIT = 2000  # patterns kept; a table past it is rewritten with this run's patterns only
# (pattern, flags) -> compiled pattern; (text, how it was read) -> what `kept` made of it
_table: dict[tuple[str, int | str], object] | None = None
_used: set[tuple[str, int | str]] = set()
_added = False

# Patterns that read a line the same whether the text ends there or a line break follows: they
# never match \r or \n, and nothing in them ($, \Z, a lookahead that a break satisfies) tells the
# end of a line from the end of the text. Document.matches finds such a pattern in many lines with
# one search instead of one per line; tests/test_patterns.py checks each against line-by-line search.
LINE_PATTERNS: set = set()
LINE_END = r"(?![^\r\n])"  # `$` for a line pattern: the end of the line, whether a break follows or not
# `^` for a line searched in place (pattern.search(text, line.start, line.end)): `^` itself holds
# only where the whole text starts, not at the start position.
LINE_START = r"(?<![^\r\n])"


def compile(pattern: str, flags: int = 0) -> regex.Pattern:  # noqa: A001 - regex.compile's own name and signature
    """`regex.compile(pattern, flags)`, from the table when an earlier run compiled it."""
    return _kept((pattern, int(flags)), lambda: regex.compile(pattern, flags))


def kept(text: str, how: str, read):
    """`read(text)`, from the table when an earlier run read the same text the same way (`how`
    names the reading, e.g. "yaml"). What `read` returns must be picklable and never altered."""
    return _kept((text, how), lambda: read(text))


def _kept(key, make):
    global _table, _added
    if _table is None:
        _table = _load()
        atexit.register(_save)
    _used.add(key)
    found = _table.get(key, _table)  # the table itself: nothing kept (None may be what was made)
    if found is _table:
        found = _table[key] = make()
        _added = True
    return found


def line_pattern(pattern: str, flags: int = 0) -> regex.Pattern:
    """`compile`, for a pattern that Document.matches may search over many lines at once."""
    found = compile(pattern, flags)
    LINE_PATTERNS.add(found)
    return found


def table_path() -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or _home_cache()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or base
    if not os.path.isabs(base):  # no home directory: keep nothing rather than write below the cwd
        return None
    return os.path.join(base, "rectlint", f"patterns-regex-{regex.__version__}-{sys.implementation.cache_tag}.pickle")


def _home_cache() -> str:
    return os.path.join(os.path.expanduser("~"), ".cache")  # without a known home, "~" stays: not absolute


def _load() -> dict:
    path = table_path()
    if path is None:
        return {}
    try:
        with open(path, "rb") as f:
            table = pickle.load(f)
    except Exception:  # absent, unreadable, damaged or written by another regex: compile afresh
        return {}
    if not isinstance(table, dict):
        return {}
    return {key: value for key, value in table.items() if _sound(key, value)}


def _sound(key, value) -> bool:
    if not (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)):
        return False
    if isinstance(key[1], int):
        return isinstance(value, regex.Pattern) and key[0] == value.pattern
    return isinstance(key[1], str)


def _save() -> None:
    if not _added or sys.dont_write_bytecode or _table is None:
        return
    path = table_path()
    if path is None:
        return
    from .atomic import replace_file  # atomic: a concurrent reader sees the old table or the new

    keep = _table if len(_table) <= _LIMIT else {key: _table[key] for key in _used}
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        replace_file(path, pickle.dumps(keep, protocol=-1))
    except OSError:  # a read-only home: compile next time too
        pass

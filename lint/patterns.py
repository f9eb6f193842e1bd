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

Each entry is pickled on its own and unpickled when first asked for: a run pays for the
patterns it uses, not for every pattern the table holds (another version's, another
configuration's: a table of 300 entries cost a cold start 5 ms to load whole, against 2 ms for
the 210 a check of a notice uses).
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
# (pattern, flags) -> compiled pattern; (text, how it was read) -> what `kept` made of it: this
# process's entries, each unpickled from _packed when first asked for or made afresh
_table: dict[tuple[str, int | str], object] | None = None
_packed: dict[tuple[str, int | str], bytes] = {}  # the file's entries, each pickled on its own
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
    global _table, _packed, _added
    if _table is None:
        _table, _packed = {}, _load()
        atexit.register(_save)
    _used.add(key)
    found = _table.get(key, _table)  # the table itself: nothing kept (None may be what was made)
    if found is _table:
        found = _unpacked(key)
        if found is _table:
            found = make()
            _added = True
            _packed.pop(key, None)  # a damaged entry is written afresh
        _table[key] = found
    return found


def _unpacked(key):
    """The file's entry for key, unpickled; the table itself when there is none sound."""
    packed = _packed.get(key)
    if packed is None:
        return _table
    try:
        value = pickle.loads(packed)
    except Exception:  # damaged, or written by another regex: made afresh
        return _table
    return value if _sound(key, value) else _table


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
    # "each": entries pickled one by one (earlier versions pickled the table whole, in a file of
    # their own name, which they keep reading)
    return os.path.join(base, "rectlint",
                        f"patterns-each-regex-{regex.__version__}-{sys.implementation.cache_tag}.pickle")


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
    return {key: value for key, value in table.items() if _sound_key(key) and isinstance(value, bytes)}


def _sound_key(key) -> bool:
    return isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], (int, str))


def _sound(key, value) -> bool:
    if isinstance(key[1], int):
        return isinstance(value, regex.Pattern) and key[0] == value.pattern
    return True


def _save() -> None:
    if not _added or sys.dont_write_bytecode or _table is None:
        return
    path = table_path()
    if path is None:
        return
    from .atomic import replace_file  # atomic: a concurrent reader sees the old table or the new

    # Entries read from the file are written back as they were read, without a second pickling.
    keep = {**_packed, **{key: pickle.dumps(value, protocol=-1) for key, value in _table.items()
                          if key not in _packed}}
    if len(keep) > _LIMIT:
        keep = {key: keep[key] for key in _used if key in keep}
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        replace_file(path, pickle.dumps(keep, protocol=-1))
    except OSError:  # a read-only home: compile next time too
        pass

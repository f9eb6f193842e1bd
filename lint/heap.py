"""Giving freed memory back to the system between the rules of a long draft.

glibc's malloc keeps memory a program frees for its next requests, and Python's small objects
never use it: they come from arenas of their own. A rule that builds a large index and lets it
go (duplicate-passage over a 10 MiB .docx: 60 MiB of arrays) left that memory resident, and the
findings of the rules after it were allocated on top, so a long draft's peak was the sum of
every rule's largest moment. `malloc_trim` returns the free pages; elsewhere (Windows, macOS,
musl) there is nothing to call and this does nothing.
"""

from __future__ import annotations

import sys

# Below this many characters a draft's rules free too little for a trim to matter, and a trim
# after each of ~35 rules would cost a run of many small files more than it gives back.
LONG_TEXT = 1 << 20

_trim = None


def _load():
    global _trim
    _trim = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None)
            _trim = libc.malloc_trim  # absent from musl's libc: AttributeError
            _trim.argtypes, _trim.restype = [ctypes.c_size_t], ctypes.c_int
        except (OSError, AttributeError):
            _trim = False


def release(chars: int, collect: bool = False) -> None:
    """Return freed heap memory to the system after a rule over a text of `chars` characters;
    with `collect`, first free what only cycles hold (an outline's headings and their parents)."""
    if chars < LONG_TEXT:
        return
    if collect:
        import gc

        gc.collect()
    if _trim is None:
        _load()
    if _trim:
        _trim(0)

"""The atomic write: new bytes beside a file, renamed over it, so that a reader sees the old
bytes or the new, never part. Fixed drafts, annotated copies, the result cache and the pattern
table are all written this way. It imports nothing of rectlint's, so that any module may use it."""

from __future__ import annotations

import os
import stat
import tempfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def replace_file(target: str | Path, data: bytes, like=None, sync: bool = True, like_path=None, check=None) -> None:
    """Write `data` to a temporary file beside `target`, then rename it over `target`, so that a
    reader sees the old bytes or the new, never part. With `like` (a stat: the old file's, or the
    draft's for a copy made of it at `like_path`), the new file takes its mode, owner and extended
    attributes; without, the mode a new file gets (0666 less the umask), as `open` would give it,
    not the 0600 of a temporary file. `check()`, called when the new file is complete, just before
    the rename, may raise to keep the target as it is. `sync=False` skips the fsync, for a file
    that may be lost in a crash (a cache entry: a missing one is linted again)."""
    folder, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".rectlint", dir=folder or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        if like is not None:
            _copy_metadata(like_path or target, tmp, like)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        if check is not None:
            check()  # what is left: a write between this check and the rename is lost (README, Fixes)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    """The process's umask, read without changing it where the system tells it (Linux); else
    set and put back at once."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _copy_metadata(source: str | Path, tmp: str, st) -> None:
    os.chmod(tmp, stat.S_IMODE(st.st_mode))
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except (PermissionError, AttributeError):
        pass  # only the owner's own files, then; the mode still carries over
    if hasattr(os, "listxattr"):
        try:
            for name in os.listxattr(source):
                os.setxattr(tmp, name, os.getxattr(source, name))
        except OSError:
            pass  # a file system without extended attributes

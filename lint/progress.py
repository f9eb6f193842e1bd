"""A progress line on stderr for long runs: only on a terminal, never in CI, and only once a
run has taken longer than `delay` seconds, so short runs and logs stay clean."""

from __future__ import annotations

import os
import sys
import time


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


class Progress:
    def __init__(self, lang: str = "zh", stream=None, delay: float = 2.0, clock=time.monotonic):
        self.stream = stream or sys.stderr
        self.lang, self.delay, self.clock = lang, delay, clock
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)()) and not _in_ci()
        self.start = clock()
        self.last = None
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.delay or (self.last is not None and now - self.last < 0.2):
            return
        self.last = now
        rate = done / max(now - self.start, 1e-9)
        line = (f"rectlint: {done}/{total} files ({rate:.0f}/s)" if self.lang == "en"
                else f"rectlint：已检查 {done}/{total} 个文件（每秒 {rate:.0f} 个）")
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Take the line away before other output, and at the end."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

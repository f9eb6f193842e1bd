"""A progress line on stderr for long runs: only on a terminal, never in CI, and only once a
run has taken longer than `delay` seconds, so short runs and logs stay clean."""

from __future__ import annotations

import os
import sys
import time

from .messages import text


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
        line = text("progress", self.lang, done=done, total=total, rate=rate)
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Take the line away before other output, and at the end."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False

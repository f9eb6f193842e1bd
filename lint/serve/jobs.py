"""What travels between the server and its lint processes. Kept apart from work.py so the
server process pickles jobs without importing the rules."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass
class Job:
    """One request, as the server parsed it."""

    action: str  # "check", "report" (the HTML report), "annotate" or "fix" (the repaired text)
    name: str  # the draft's file name, for its format and its findings' path
    data: bytes  # the file as uploaded, or a text sent as JSON, in UTF-8
    fmt: str | None = None  # txt, md, docx, html; None: by the name's suffix
    kind: str | None = None  # the notice kind, as --kind
    select: tuple = ()
    ignore: tuple = ()
    lang: str = "zh"
    as_of: datetime.date | None = None
    revisions: bool = False
    unsafe: bool = False


@dataclass
class Failure:
    """Why a job has no answer: `status` is the HTTP status; `message` a messages.Said."""

    status: int
    message: object

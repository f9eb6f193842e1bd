"""What a run tells the rules beyond the text (shared by the engine and the library API)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class LintContext:
    """What a run tells the rules beyond the text. A rule that needs it declares a third
    parameter, `check(document, options, context)`; the others never see it."""

    as_of: dt.date | None = None  # reference date for chronology; None: the notice's own date
    kind: str | None = None  # a notice kind (inspection, audit, …) that overrides detection; "auto" detects
    # The corpus index for corpus-overlap: give a Corpus; rules see a read-only CorpusView of it
    # with the draft itself left out.
    corpus: object | None = None

"""What a run tells the rules beyond the text (shared by the engine and the library API)."""

from __future__ import annotations

import datetime as dt

from .record import FrozenRecord


class LintContext(FrozenRecord):
    """What a run tells the rules beyond the text. A rule that needs it declares a third
    parameter, `check(document, options, context)`; the others never see it."""

    FIELDS = ("as_of", "kind", "corpus")

    def __init__(self, as_of: dt.date | None = None, kind: str | None = None, corpus: object | None = None):
        object.__setattr__(self, "as_of", as_of)  # reference date for chronology; None: the notice's own date
        # A notice kind (inspection, audit, …) that overrides detection; "auto" detects. The
        # Linter's to read: rules see the kind as document.info.kind, and this as None.
        object.__setattr__(self, "kind", kind)
        # The corpus index for corpus-overlap: give a Corpus; rules see a read-only CorpusView of it
        # with the draft itself left out.
        object.__setattr__(self, "corpus", corpus)

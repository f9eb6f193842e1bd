"""The stable JSON contract (version 1): an array of findings sorted by path, line, column.

Each finding carries `document`: what rectlint took its text to be (kind, completeness).
The array is written as documents are linted, so memory does not grow with the run; the
bytes are those of `json.dumps(array, ensure_ascii=False, indent=2)`.
"""

from __future__ import annotations

import json

VERSION = 1
STREAMING = True


def entry(finding, run) -> dict:
    out = finding.as_dict(run.lang)
    doc = run.documents.get(finding.path)
    if doc is not None:
        out["document"] = doc.info.as_dict()
    return out


class Stream:
    def __init__(self, run):
        self.run = run
        self.written = False

    def document(self, path, findings) -> str:
        if not findings:
            return ""
        items = ",\n".join("  " + json.dumps(entry(f, self.run), ensure_ascii=False, indent=2).replace("\n", "\n  ")
                           for f in findings)
        chunk = (",\n" if self.written else "[\n") + items
        self.written = True
        return chunk

    def end(self, tally) -> str:
        return "\n]\n" if self.written else "[]\n"

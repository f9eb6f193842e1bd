"""JSON Lines (contract version 1): one record per line, written as documents are linted.

Records, each with a `type`:
- `finding`: the fields of the JSON format's findings (without `document`);
- `document`: after each document's findings, for every document linted, with `path`, `kind`,
  `completeness`, `detected`, `findings` (how many) and `severities` (how many of each);
- `summary`: the last line, with `version`, `documents`, `findings`, `severities`, `categories`
  and `failed` (inputs that could not be read).
"""

from __future__ import annotations

import json
from collections import Counter

from rectlint.finding import SEVERITIES

from .json_report import VERSION

STREAMING = True


def _line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


class Stream:
    def __init__(self, run):
        self.run = run
        self.documents = 0

    def document(self, path, findings) -> str:
        self.documents += 1
        lines = [_line({"type": "finding", **f.as_dict(self.run.lang)}) for f in findings]
        severities = Counter(f.severity for f in findings)
        record = {"type": "document", "path": path}
        doc = self.run.documents.get(path)
        if doc is not None:
            record.update(doc.info.as_dict())
        record["findings"] = len(findings)
        record["severities"] = {s: severities[s] for s in SEVERITIES}
        lines.append(_line(record))
        return "".join(lines)

    def end(self, tally) -> str:
        severities = tally.severities()
        return _line({"type": "summary", "version": VERSION, "documents": self.documents,
                      "findings": tally.total, "severities": {s: severities[s] for s in SEVERITIES},
                      "categories": dict(tally.categories()), "failed": self.run.failed})

"""The stable JSON contract: an array of findings sorted by path, line, column.

Each finding carries `document`: what rectlint took its text to be (kind, completeness).
"""

from __future__ import annotations

import json


def render(findings, run) -> str:
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))
    out = []
    for f in ordered:
        entry = f.as_dict(run.lang)
        doc = run.documents.get(f.path)
        if doc is not None:
            entry["document"] = doc.info.as_dict()
        out.append(entry)
    return json.dumps(out, ensure_ascii=False, indent=2)

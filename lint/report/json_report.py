"""The stable JSON contract: an array of findings sorted by path, line, column."""

from __future__ import annotations

import json


def render_json(findings, lang: str) -> str:
    ordered = sorted(findings, key=lambda f: (f.path, f.line, f.column, f.rule))
    return json.dumps([f.as_dict(lang) for f in ordered], ensure_ascii=False, indent=2)

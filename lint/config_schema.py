"""A JSON Schema of `.rectlint.yaml` and `[tool.rectlint]`, built from the rules themselves.

Editors use it for completion and checks as the file is typed (yaml-language-server,
VS Code, Even Better TOML). rectlint's own validation stays the one that decides: a schema
cannot know the ids of wording rules defined in the same file, nor compile their patterns.

    python -m rectlint.config_schema > docs/rectlint-config.schema.json
"""

from __future__ import annotations

import json

from .config import TOP_KEYS
from .finding import CATEGORIES, SEVERITIES
from .messages import text
from .registry import all_rules

_KEBAB = "^[a-z0-9]+(-[a-z0-9]+)*$"


def _names(rules) -> dict:
    """A rule id or category: the known ones offered, any kebab-case id (a wording rule) accepted."""
    known = list(dict.fromkeys(["all", *CATEGORIES, *sorted(rules)]))  # placeholder is both
    return _one_or_many({"anyOf": [{"enum": known}, {"type": "string", "pattern": _KEBAB}]})


def _one_or_many(item: dict) -> dict:
    return {"anyOf": [item, {"type": "array", "items": item}]}


def _option(default, choices) -> dict:
    if choices:
        return {"enum": list(choices), "default": default}
    if isinstance(default, bool):
        kind = {"type": "boolean"}
    elif isinstance(default, int):
        kind = {"type": "integer", "minimum": 0}
    elif isinstance(default, float):
        kind = {"type": "number", "minimum": 0}
    elif isinstance(default, str):
        kind = {"type": "string"}
    elif isinstance(default, list):
        kind = {"type": "array", "items": {"type": "string"}}
    else:
        return {}
    return {**kind, "default": default}


def _rule_settings(rule) -> dict:
    properties = {"severity": {"enum": list(SEVERITIES), "default": rule.severity}}
    for key, default in rule.options.items():
        properties[key] = _option(default, rule.choices.get(key))
    for old, new in rule.aliases.items():  # a former name, still read
        properties[old] = properties[new]
    return {"type": ["object", "null"], "description": _first_line(rule.doc),
            "properties": properties, "additionalProperties": False}


def _first_line(doc: str) -> str:
    return doc.strip().splitlines()[0] if doc.strip() else ""


def _wording_entry() -> dict:
    text = {"type": "string"}
    texts = {"type": "array", "items": text}
    return {
        "type": "object", "required": ["id", "kind"], "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": _KEBAB},
            "kind": {"enum": ["existence", "substitution", "consistency"]},
            "summary": text, "why": text, "summary_zh": text, "why_zh": text,
            "severity": {"enum": list(SEVERITIES)},
            "message": {"type": "object", "additionalProperties": False,
                        "properties": {"zh": text, "en": text}},
            "tokens": {**texts, "minItems": 1},
            "swap": {"type": "object", "minProperties": 1,
                     "additionalProperties": {"type": "string", "minLength": 1}},
            "either": {**texts, "minItems": 2, "maxItems": 2},
            "examples": {"type": "object", "additionalProperties": False,
                         "properties": {"bad": texts, "good": texts}},
        },
    }


def schema() -> dict:
    from .conventions.kinds import KINDS

    rules = all_rules()
    properties = {
        "extends": {"type": "string", "minLength": 1},
        "select": {"$ref": "#/$defs/names"},
        "ignore": {"$ref": "#/$defs/names"},
        "exclude": _one_or_many({"type": "string"}),
        "per-file-ignores": {"type": "object", "additionalProperties": {"$ref": "#/$defs/names"}},
        "rules": {
            "type": "object",
            "properties": {rule_id: _rule_settings(rule) for rule_id, rule in sorted(rules.items())},
            # A wording rule defined in this file takes a severity only.
            "additionalProperties": {"type": ["object", "null"], "additionalProperties": False,
                                     "properties": {"severity": {"enum": list(SEVERITIES)}}},
        },
        "fail-on": {"enum": list(SEVERITIES), "default": "warning"},
        "as-of": {"type": "string", "format": "date"},
        "lang": {"enum": ["zh", "en"], "default": "zh"},
        "wording": {"type": "array", "items": _wording_entry()},
        "against": {"type": "string"},
        "kind": {"enum": ["auto", *KINDS], "default": "auto"},
        "max-mib": {"type": "number", "exclusiveMinimum": 0, "default": 50},
    }
    for key, value in properties.items():
        value.setdefault("description", text("config.expects." + key, "en"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rectlint configuration (.rectlint.yaml, [tool.rectlint])",
        "type": "object",
        "additionalProperties": False,
        "properties": {key: properties[key] for key in TOP_KEYS},
        "$defs": {"names": _names(rules)},
    }


def dumps() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(dumps(), end="")

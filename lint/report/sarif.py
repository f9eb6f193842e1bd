"""SARIF 2.1.0, as GitHub code scanning ingests it."""

from __future__ import annotations

import json
from pathlib import PurePath

from rectlint import __version__

from .labels import word

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    return "stdin" if path == "-" else PurePath(path).as_posix()


def _region(loc) -> dict:
    # SARIF's endColumn points just past the region; ours is inclusive.
    return {"startLine": loc.line, "startColumn": loc.column,
            "endLine": loc.end_line, "endColumn": loc.end_column + 1}


def render(findings, run) -> str:
    lang, rules, docs = run.lang, run.rules, run.documents
    used = sorted({f.rule for f in findings} | {r.id for r in rules})
    by_id = {r.id: r for r in rules}
    descriptors = []
    for rule_id in used:
        rule = by_id.get(rule_id)
        entry = {"id": rule_id, "name": rule_id}
        if rule is not None:
            entry.update({
                "shortDescription": {"text": rule.summary or rule_id},
                "fullDescription": {"text": rule.doc or rule_id},
                "help": {"text": rule.doc or rule_id},
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                "properties": {"category": rule.category},
            })
        descriptors.append(entry)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    results = []
    for f in findings:
        text = f.message(lang)
        if f.suggestion:
            text += " " + word("suggestion", lang).capitalize() + f.suggestion
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": _region(f),
            }}],
            "properties": {"category": f.category},
        }
        if f.related:
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": {"artifactLocation": {"uri": _uri(r.path)},
                                               "region": _region(r)}}
                for i, r in enumerate(f.related)
            ]
        results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "rectlint", "version": __version__,
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    if docs:
        # Document-level metadata: what rectlint took each text to be.
        log["runs"][0]["artifacts"] = [
            {"location": {"uri": _uri(path)}, "properties": doc.info.as_dict()}
            for path, doc in sorted(docs.items())]
    return json.dumps(log, ensure_ascii=False, indent=2)

"""SARIF 2.1.0, as GitHub code scanning ingests it.

- Paths are relative to the working folder, percent-encoded, under `uriBaseId` %SRCROOT%
  (absolute `file:` URIs for files outside it), so a name with spaces or # is a valid URI.
- `partialFingerprints` carry the baseline's key (path, rule, the text around the finding),
  so an alert keeps its identity when lines move.
- Safe repairs travel as `fixes`; rule help comes in the message language, as text and
  Markdown, with `helpUri` when the package declares a Documentation URL.
- Inputs that could not be read are `toolExecutionNotifications` of the invocation.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from rectlint import __version__

from ..messages import in_language
from .labels import category, where, word

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
DESCRIPTION_LIMIT = 1000  # GitHub's limit on a rule's fullDescription


def _location(path: str, root: Path) -> dict:
    if path == "-":
        return {"uri": "stdin"}
    absolute = Path(os.path.abspath(path))
    try:
        return {"uri": quote(absolute.relative_to(root).as_posix(), safe="/"), "uriBaseId": SRCROOT}
    except ValueError:
        return {"uri": absolute.as_uri()}


def _region(loc) -> dict:
    # SARIF's endColumn points just past the region; ours is inclusive.
    return {"startLine": loc.line, "startColumn": loc.column,
            "endLine": loc.end_line, "endColumn": loc.end_column + 1}


def _description(doc: str) -> str:
    """The documentation's first paragraphs, within GitHub's limit."""
    text = ""
    for para in doc.split("\n\n"):
        if len(text) + len(para) + 2 > DESCRIPTION_LIMIT:
            break
        text = f"{text}\n\n{para}" if text else para
    return text or doc[:DESCRIPTION_LIMIT - 1] + "…"


def _markdown(rule, lang: str) -> str:
    lines = []
    for line in rule.doc_in(lang).splitlines():
        if line.startswith(("Bad:", "Good:", "错误：", "正确：")):
            label, _, example = line.partition("：" if line.startswith(("错误", "正确")) else ":")
            lines.append(f"- **{label}** `{example.strip()}`")
        else:
            lines.append(line)
    return "\n".join(lines)


def _docs_url() -> str | None:
    try:
        from importlib.metadata import metadata

        for entry in metadata("rectlint").get_all("Project-URL") or []:
            name, _, url = entry.partition(",")
            if name.strip().lower() == "documentation":
                return url.strip()
    except Exception:  # noqa: BLE001 - metadata is optional; the log is valid without helpUri
        return None
    return None


def _fix(finding, doc, root: Path, lang: str) -> dict | None:
    """A safe repair as a SARIF fix, when each edit lies on a line the document kept."""
    if finding.fix is None or not finding.fix.applies(False) or doc is None:
        return None
    replacements = []
    for start, end, text in finding.fix.edits:
        line = doc.line_holding(start, end)
        if line is None:
            return None
        region = {"startLine": line.number, "startColumn": start - line.start + 1,
                  "endLine": line.number, "endColumn": end - line.start + 1}
        replacements.append({"deletedRegion": region, "insertedContent": {"text": text}})
    return {"description": {"text": word("fix", lang) + finding.message(lang)},
            "artifactChanges": [{"artifactLocation": _location(finding.path, root), "replacements": replacements}]}


def render(findings, run) -> str:
    from rectlint.baseline import fingerprint

    lang, rules, docs = run.lang, run.rules, run.documents
    root = Path(os.getcwd())
    used = sorted({f.rule for f in findings} | {r.id for r in rules})
    by_id = {r.id: r for r in rules}
    docs_url = _docs_url()
    descriptors = []
    for rule_id in used:
        rule = by_id.get(rule_id)
        entry = {"id": rule_id, "name": rule_id}
        if rule is not None:
            doc = rule.doc_in(lang)
            entry.update({
                "shortDescription": {"text": rule.summary_in(lang) or rule_id},
                "fullDescription": {"text": _description(doc) or rule_id},
                "help": {"text": doc or rule_id, "markdown": _markdown(rule, lang) or rule_id},
                "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                "properties": {"category": rule.category, "tags": [category(rule.category, lang)]},
            })
            if docs_url:
                entry["helpUri"] = f"{docs_url.rstrip('/')}#{rule_id}"
        descriptors.append(entry)
    index = {rule_id: i for i, rule_id in enumerate(used)}
    seen: Counter = Counter()
    results = []
    for f in findings:
        text = f.message(lang)
        if f.suggestion:
            text += " " + word("suggestion", lang).capitalize() + f.suggestion
        if f.place is not None:  # a .docx: its lines are rectlint's; the editor needs the paragraph
            text += " " + where(f.place, lang)
        key = fingerprint(f, root)
        seen[key] += 1
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL[f.severity],
            "message": {"text": text},
            "locations": [{"physicalLocation": {"artifactLocation": _location(f.path, root), "region": _region(f)}}],
            "partialFingerprints": {"rectlintContext/v1": f"{key}:{seen[key]}"},
            # Machine fields hold the contract's words; the message language is for the message.
            "properties": {"category": f.category, "severity": f.severity,
                           **({"place": f.place} if f.place is not None else {})},
        }
        fix = _fix(f, docs.get(f.path), root, lang)
        if fix is not None:
            result["fixes"] = [fix]
        if f.related:
            result["relatedLocations"] = [
                {"id": i, "physicalLocation": {"artifactLocation": _location(r.path, root), "region": _region(r)}}
                for i, r in enumerate(f.related)
            ]
        results.append(result)
    invocation = {"executionSuccessful": not run.failed}
    if run.errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": in_language(message, lang)}, "descriptor": {"id": "input-error"}}
            for message in run.errors]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "rectlint", "version": __version__, "rules": descriptors}},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    if docs:
        # Document-level metadata: what rectlint took each text to be.
        log["runs"][0]["artifacts"] = [
            {"location": _location(path, root), "properties": doc.info.as_dict()}
            for path, doc in sorted(docs.items())]
    return json.dumps(log, ensure_ascii=False, indent=2)

"""Baselines: accepted findings recorded outside the draft, keyed on text, not line numbers.

Drafts are official documents and cannot carry `noqa` comments. A baseline
entry is (path, rule, context), where context is a hash of the flagged text with
up to twelve characters around it on its line, so an entry survives edits
elsewhere in the draft, and the file, which is meant to be committed, holds no
text of the draft (no ID or phone number in particular). An entry that matches nothing any more is reported as an unused
suppression (rule `unused-baseline-entry`, category internal, severity info).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from .errors import InputError
from .finding import Finding
from .messages import said, say
from .privacy import digest

VERSION = 2  # 2: contexts are hashes; a version-1 file (raw text) is read and hashed on load


def _path_key(path: str, base: Path) -> str:
    if path == "-":
        return path
    try:
        return Path(path).resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _key(f: Finding, base: Path) -> tuple:
    return (_path_key(f.path, base), f.rule, digest(f.context))


def fingerprint(f: Finding, base: Path) -> str:
    """The baseline's identity of a finding (path, rule and the text around it) as one hash:
    it survives edits elsewhere in the draft, as SARIF's partialFingerprints should."""
    return hashlib.sha256("\0".join(_key(f, base)).encode("utf-8")).hexdigest()[:32]


def write_baseline(file: Path, findings) -> int:
    base = file.parent
    counts = Counter(_key(f, base) for f in findings if f.category != "internal")
    entries = [{"path": p, "rule": r, "context": c, "count": n} for (p, r, c), n in sorted(counts.items())]
    data = json.dumps({"version": VERSION, "entries": entries}, ensure_ascii=False, indent=2) + "\n"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(data, encoding="utf-8")
    return sum(counts.values())


def load_baseline(file: Path) -> Counter:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        version = data.get("version")
        if version not in (1, VERSION):
            raise InputError(said("baseline.version", file=file, version=version, expected=VERSION))
        hashed = digest if version == 1 else (lambda c: c)
        return Counter({(e["path"], e["rule"], hashed(e["context"])): int(e.get("count", 1))
                        for e in data["entries"]})
    except FileNotFoundError:
        raise InputError(said("baseline.missing", file=file)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(said("baseline.invalid", file=file, error=exc)) from None


def apply_baseline(file: Path, findings, linted_paths) -> list:
    """Findings not in the baseline, plus one info finding per unused entry of a linted file."""
    remaining = load_baseline(file)
    base = file.parent
    kept = []
    for f in findings:
        key = _key(f, base)
        if remaining.get(key, 0) > 0:
            remaining[key] -= 1
        else:
            kept.append(f)
    shown = {_path_key(p, base): p for p in linted_paths}
    for (path, rule, context), left in sorted(remaining.items()):
        if left <= 0 or path not in shown:
            continue
        kept.append(Finding(
            path=shown[path], line=1, column=1, end_line=1, end_column=1,
            rule="unused-baseline-entry", category="internal", severity="info",
            **say("baseline.stale", rule=rule, context=context[:8]),
        ))
    return kept

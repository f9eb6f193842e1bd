"""Baselines: accepted findings recorded outside the draft, keyed on text, not line numbers.

Drafts are official documents and cannot carry `noqa` comments. A baseline
entry is (path, rule, context), where context is a hash of the flagged text with
up to twelve characters around it on its line, so an entry survives edits
elsewhere in the draft, and the file, which is meant to be committed, holds no
text of the draft (no ID or phone number in particular). Where rectlint's own certain repairs
touch those lines, the entry also holds the hash of the context as it reads once they are made
(`settled`), so it survives `--fix`. An entry that matches nothing any more is reported as an
unused suppression (rule `unused-baseline-entry`, category internal, severity info), which the
text summary counts apart, as a stale baseline entry.
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


def _settled(f: Finding) -> str:
    """The hash of the finding's context once rectlint's own repairs are made (engine.settle)."""
    return digest(f.settled if f.settled is not None else f.context)


def fingerprint(f: Finding, base: Path) -> str:
    """The baseline's identity of a finding (path, rule and the text around it) as one hash:
    it survives edits elsewhere in the draft, as SARIF's partialFingerprints should."""
    return hashlib.sha256("\0".join(_key(f, base)).encode("utf-8")).hexdigest()[:32]


def write_baseline(file: Path, findings) -> int:
    base = file.parent
    counts = Counter((*_key(f, base), _settled(f)) for f in findings if f.category != "internal")
    entries = [{"path": p, "rule": r, "context": c, **({"settled": s} if s != c else {}), "count": n}
               for (p, r, c, s), n in sorted(counts.items())]
    data = json.dumps({"version": VERSION, "entries": entries}, ensure_ascii=False, indent=2) + "\n"
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(data, encoding="utf-8")
    return sum(counts.values())


class _Entry:
    __slots__ = ("path", "rule", "context", "settled", "left")

    def __init__(self, path: str, rule: str, context: str, settled: str, left: int):
        self.path, self.rule, self.context, self.settled, self.left = path, rule, context, settled, left


def load_baseline(file: Path) -> list[_Entry]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        version = data.get("version")
        if version not in (1, VERSION):
            raise InputError(said("baseline.version", file=file, version=version, expected=VERSION))
        hashed = digest if version == 1 else (lambda c: c)
        entries = []
        for e in data["entries"]:
            context = hashed(e["context"])
            entries.append(_Entry(e["path"], e["rule"], context, e.get("settled", context), int(e.get("count", 1))))
        return entries
    except FileNotFoundError:
        raise InputError(said("baseline.missing", file=file)) from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(said("baseline.invalid", file=file, error=exc)) from None


def apply_baseline(file: Path, findings, linted_paths) -> list:
    """Findings not in the baseline, plus one info finding per unused entry of a linted file.
    A finding matches an entry by the text around it as it is, or as it reads once rectlint's
    own repairs are made: an entry written before `--fix` (or an editor) made them still holds."""
    entries = load_baseline(file)
    by_context: dict = {}
    by_settled: dict = {}
    for entry in entries:
        by_context.setdefault((entry.path, entry.rule, entry.context), []).append(entry)
        by_settled.setdefault((entry.path, entry.rule, entry.settled), []).append(entry)
    base = file.parent
    kept = []
    for f in findings:
        path, rule, context = _key(f, base)
        candidates = [*by_context.get((path, rule, context), ()), *by_settled.get((path, rule, _settled(f)), ())]
        entry = next((e for e in candidates if e.left > 0), None)
        if entry is not None:
            entry.left -= 1
        else:
            kept.append(f)
    shown = {_path_key(p, base): p for p in linted_paths}
    for entry in sorted(entries, key=lambda e: (e.path, e.rule, e.context)):
        if entry.left <= 0 or entry.path not in shown:
            continue
        kept.append(Finding(
            path=shown[entry.path], line=1, column=1, end_line=1, end_column=1,
            rule="unused-baseline-entry", category="internal", severity="info",
            **say("baseline.stale", rule=entry.rule, context=entry.context[:8]),
        ))
    return kept

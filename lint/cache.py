"""Per-file results kept between runs, as ruff keeps them: a re-run over unchanged drafts reads
findings instead of linting again.

The key is a hash of everything that decides a file's findings: rectlint's version, the path,
the format, the file's bytes, the configuration file's bytes, the rules with their severities
and options, the selection and the run's context. An entry carries a checksum of its content and
is read strictly (every field of the type it must have, no NaN): one that does not read back
exactly (corrupt, truncated, a flipped bit, another version's, crafted) is ignored and
rewritten, never trusted.

The cache holds no raw text of a draft's personal data: an entry keeps positions, messages and
the few lines its findings point at, all with personal numbers masked (rectlint.privacy), so
nothing of an ID, a mobile or a bank card outlives the draft in the cache folder.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache

from . import __version__
from .document import DocumentView, Line
from .finding import CATEGORIES, SEVERITIES, Finding, Fix, Location
from .kind import DocInfo

FORMAT = 2  # 2: a checksum over each entry, and text masked


def _config_bytes(cfg) -> bytes:
    """The configuration files as read, the ones `extends` named among them."""
    parts = []
    for source in cfg.sources or ([cfg.source] if cfg.source else []):
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError:
            data = b"?"
        parts.append(len(data).to_bytes(8, "little") + data)
    return b"".join(parts)


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """rectlint's own code and packs: a changed rule invalidates results even when the version
    number did not move (as during development)."""
    import importlib.util

    return tree_fingerprint([p for name in ("rectlint", "rectlint.rules")
                             for p in importlib.util.find_spec(name).submodule_search_locations])


def tree_fingerprint(folders) -> str:
    """The .py and .yaml files below the folders, judged as Python judges a source against its
    bytecode: by path, size and modification time. No run reads the code itself (some 600 KB,
    a few milliseconds of every cached run)."""
    h = hashlib.sha256()
    for base in folders:
        for folder, subfolders, names in os.walk(base):
            subfolders.sort()
            for name in sorted(names):
                if name.endswith((".py", ".yaml")):
                    path = os.path.join(folder, name)
                    st = os.stat(path)
                    h.update(f"{os.path.relpath(path, base)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def run_key(cfg, rules, select, ignore, context, kind: str | None = None) -> str:
    """The part of the key shared by every file linted with one configuration."""
    parts = {
        "format": FORMAT, "version": __version__, "code": code_fingerprint(),
        "config": hashlib.sha256(_config_bytes(cfg)).hexdigest(),
        "rules": [[a.rule.id, a.rule.source, a.severity, json.dumps(a.options, sort_keys=True, default=str)]
                  for a in rules],
        "select": list(select), "ignore": list(ignore),
        "as_of": str(context.as_of), "kind": kind,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def file_key(run: str, path: str, fmt: str, data: bytes) -> str:
    h = hashlib.sha256(run.encode())
    for part in (path.encode("utf-8", "surrogateescape"), fmt.encode(), data):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _finding(f: Finding) -> dict:
    return {
        "at": [f.line, f.column, f.end_line, f.end_column], "rule": f.rule, "category": f.category,
        "severity": f.severity, "zh": f.zh, "en": f.en, "suggestion": f.suggestion, "context": f.context,
        "related": [[r.path, r.line, r.column, r.end_line, r.end_column, r.place] for r in f.related],
        "fix": [f.fix.applicability, [list(e) for e in f.fix.edits]] if f.fix else None,
        "place": f.place, "settled": f.settled,
    }


def _unfinding(path: str, d: dict) -> Finding:
    line, column, end_line, end_column = _ints(d["at"], 4)
    fix = d["fix"]
    strings = [d[k] for k in ("rule", "category", "severity", "zh", "en", "context")]
    if not all(isinstance(v, str) for v in strings) or not isinstance(d["suggestion"], (str, type(None))):
        raise ValueError("a text field is not text")
    if d["severity"] not in SEVERITIES or d["category"] not in CATEGORIES:
        raise ValueError("an unknown severity or category")
    if fix is not None:
        applicability, edits = fix
        fix = Fix(tuple((*_ints(e[:2], 2), _str(e[2])) for e in edits), applicability)
    place = d.get("place")
    if place is not None and not isinstance(place, dict):
        raise ValueError("place")
    return Finding(path, line, column, end_line, end_column, d["rule"], d["category"], d["severity"],
                   d["zh"], d["en"], d["suggestion"],
                   [_location(r) for r in d["related"]], d["context"], fix, place,
                   _optional_str(d.get("settled")))


def _location(r) -> Location:
    if len(r) != 6 or not (r[5] is None or isinstance(r[5], dict)):
        raise ValueError("not a place")
    return Location(_str(r[0]), *_ints(r[1:5], 4), r[5])


def _ints(values, count: int) -> list:
    if len(values) != count or not all(type(v) is int for v in values):
        raise ValueError("not whole numbers")
    return list(values)


def _str(value) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    return value


def _optional_str(value) -> str | None:
    return None if value is None else _str(value)


def _refuse(constant):
    raise ValueError(f"{constant} is not JSON")


def _checksum(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


class Cache:
    def __init__(self, directory):
        self.root = directory
        self.dir = os.path.join(directory, f"v{FORMAT}")
        self.marked = False  # whether the folder is known to hold its .gitignore

    def _file(self, key: str) -> str:
        return os.path.join(self.dir, key[:2], f"{key}.json")

    def get(self, key: str, path: str):
        """(findings, DocumentView) stored under the key, or None. The first line of an entry is
        the checksum of the rest."""
        try:
            with open(self._file(key), "rb") as handle:
                checksum, _, payload = handle.read().partition(b"\n")
            if checksum.decode("ascii") != _checksum(payload):
                return None
            data = json.loads(payload.decode("utf-8"), parse_constant=_refuse)
            if data.get("key") != key:
                return None
            info = data["info"]
            info = DocInfo(_str(info["kind"]), _str(info["completeness"]), bool(info["detected"]),
                           [_str(r) for r in info["reasons"]], bool(info["outlined"]))
            lines = {int(n): Line(int(n), *_ints(v[:2], 2), _str(v[2])) for n, v in data["lines"].items()}
            findings = [_unfinding(path, d) for d in data["findings"]]
            count = _ints([data["count"]], 1)[0]
            return findings, DocumentView(path, _str(data["kind"]), info, count, lines, data["mapped"] is True)
        except Exception:  # noqa: BLE001 - a cache entry that does not read back is no entry
            return None

    def put(self, key: str, findings, view: DocumentView) -> None:
        from .privacy import mask

        info = view.info
        data = {
            "key": key, "kind": view.kind, "count": len(view.lines), "mapped": view.mapped,
            "info": {"kind": info.kind, "completeness": info.completeness, "detected": info.detected,
                     "reasons": [mask(r) for r in info.reasons], "outlined": info.outlined},
            # The lines findings point at, for their snippets: masked, as every reporter shows them.
            "lines": {str(n): [line.start, line.end, mask(line.text)] for n, line in view.lines.kept.items()},
            "findings": [_finding(f) for f in findings],
        }
        from .atomic import replace_file  # only when an entry is written: a re-run that reads never needs it

        payload = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
        target = self._file(key)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if not self.marked:
                _mark(self.root)
                self.marked = True
            # No fsync: an entry lost in a crash is linted again, and a torn one fails its checksum.
            replace_file(target, _checksum(payload).encode("ascii") + b"\n" + payload, sync=False)
        except (OSError, ValueError):
            pass  # a cache that cannot be written only makes the next run slower


# What the cache folder says about itself, as ruff's does: git leaves it out of `git status`
# (the folder is made in the drafts' repository), and backup tools that honour CACHEDIR.TAG
# (bford.info/cachedir) skip it.
_MARKS = {".gitignore": "# Made by rectlint: its cache of results, never to be committed.\n*\n",
          "CACHEDIR.TAG": "Signature: 8a477f597d28d172789f06886806bc55\n"
                          "# This file is a cache directory tag created by rectlint.\n"}


def _mark(folder: str) -> None:
    for name, content in _MARKS.items():
        try:
            with open(os.path.join(folder, name), "x", encoding="utf-8") as handle:
                handle.write(content)
        except FileExistsError:
            pass

"""Per-file results kept between runs, as ruff keeps them: a re-run over unchanged drafts reads
findings instead of linting again.

The key is a hash of everything that decides a file's findings: rectlint's version, the path,
the format, the file's bytes, the configuration file's bytes, the rules with their severities
and options, the selection and the run's context. An entry that cannot be read back exactly
(corrupt, truncated, another version's) is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache

from . import __version__
from .document import DocumentView, Line
from .finding import Finding, Fix, Location
from .kind import DocInfo

FORMAT = 1
DEFAULT_DIR = ".rectlint_cache"


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


def run_key(cfg, rules, select, ignore, context) -> str:
    """The part of the key shared by every file linted with one configuration."""
    parts = {
        "format": FORMAT, "version": __version__, "code": code_fingerprint(),
        "config": hashlib.sha256(_config_bytes(cfg)).hexdigest(),
        "rules": [[a.rule.id, a.rule.source, a.severity, json.dumps(a.options, sort_keys=True, default=str)]
                  for a in rules],
        "select": list(select), "ignore": list(ignore),
        "as_of": str(context.as_of), "kind": context.kind,
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
    line, column, end_line, end_column = d["at"]
    fix = d["fix"]
    return Finding(path, line, column, end_line, end_column, d["rule"], d["category"], d["severity"],
                   d["zh"], d["en"], d["suggestion"], [Location(*r) for r in d["related"]], d["context"],
                   Fix(tuple(tuple(e) for e in fix[1]), fix[0]) if fix else None, d.get("place"), d.get("settled"))


class Cache:
    def __init__(self, directory):
        self.root = directory
        self.dir = os.path.join(directory, f"v{FORMAT}")
        self.marked = False  # whether the folder is known to hold its .gitignore

    def _file(self, key: str) -> str:
        return os.path.join(self.dir, key[:2], f"{key}.json")

    def get(self, key: str, path: str):
        """(findings, DocumentView) stored under the key, or None."""
        try:
            with open(self._file(key), encoding="utf-8") as handle:
                data = json.loads(handle.read())
            if data.get("key") != key:
                return None
            info = DocInfo(**data["info"])
            lines = {int(n): Line(int(n), *v) for n, v in data["lines"].items()}
            findings = [_unfinding(path, d) for d in data["findings"]]
            return findings, DocumentView(path, data["kind"], info, data["count"], lines, data["mapped"])
        except Exception:  # noqa: BLE001 - a cache entry that does not read back is no entry
            return None

    def put(self, key: str, findings, view: DocumentView) -> None:
        info = view.info
        data = {
            "key": key, "kind": view.kind, "count": len(view.lines), "mapped": view.mapped,
            "info": {"kind": info.kind, "completeness": info.completeness, "detected": info.detected,
                     "reasons": list(info.reasons), "outlined": info.outlined},
            "lines": {str(n): [line.start, line.end, line.text] for n, line in view.lines.kept.items()},
            "findings": [_finding(f) for f in findings],
        }
        from .fixes import replace_file  # only when an entry is written: a re-run that reads never needs it

        target = self._file(key)
        try:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            if not self.marked:
                _mark(self.root)
                self.marked = True
            # No fsync: an entry lost in a crash is linted again, and a torn one is ignored on read.
            replace_file(target, json.dumps(data, ensure_ascii=False).encode("utf-8"), sync=False)
        except OSError:
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

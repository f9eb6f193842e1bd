"""Find the rules: the modules of rectlint.rules and the entry-point group `rectlint.rules`."""

from __future__ import annotations

import importlib
import inspect
import os
import sys
from functools import lru_cache

from .errors import UsageError
from .finding import CATEGORIES, SEVERITIES
from .messages import said
from .rule import Rule

ENTRY_POINT_GROUP = "rectlint.rules"


def rule_from_module(obj, source: str) -> Rule:
    missing = [a for a in ("ID", "CATEGORY", "SEVERITY", "check") if not hasattr(obj, a)]
    if missing:
        raise UsageError(said("plugin.lacks", source=source, missing=", ".join(missing)))
    if obj.CATEGORY not in CATEGORIES:
        raise UsageError(said("plugin.category", id=obj.ID, category=obj.CATEGORY))
    if obj.SEVERITY not in SEVERITIES:
        raise UsageError(said("plugin.severity", id=obj.ID, severity=obj.SEVERITY))
    extra = tuple(getattr(obj, "CATEGORIES", ()))
    if any(c not in CATEGORIES for c in extra):
        raise UsageError(said("plugin.categories", id=obj.ID, categories=extra))
    if hasattr(obj, "FIX"):
        raise UsageError(said("plugin.fix-gone", id=obj.ID))
    return Rule(
        id=obj.ID, category=obj.CATEGORY, severity=obj.SEVERITY,
        options=dict(getattr(obj, "OPTIONS", {})), choices=dict(getattr(obj, "CHOICES", {})),
        doc=obj.__doc__ or "", check=obj.check, doc_zh=getattr(obj, "DOC_ZH", ""),
        frame=bool(getattr(obj, "FRAME", False)), source=source, needs=getattr(obj, "NEEDS", None),
        categories=(obj.CATEGORY, *(c for c in extra if c != obj.CATEGORY)),
        takes_context=_parameters(obj.check) >= 3, aliases=dict(getattr(obj, "ALIASES", {})),
        reads=frozenset(obj.READS) if hasattr(obj, "READS") else None,
    )


def _parameters(check) -> int:
    code = getattr(check, "__code__", None)
    if type(check).__name__ == "function" and code is not None and not code.co_flags & _STARRED:
        return code.co_argcount + code.co_kwonlyargcount  # what inspect.signature counts, read directly
    return len(inspect.signature(check).parameters)


_STARRED = inspect.CO_VARARGS | inspect.CO_VARKEYWORDS


@lru_cache(maxsize=None)
def all_rules() -> dict[str, Rule]:
    import rectlint.rules as package

    found: dict[str, Rule] = {}
    for name in _module_names(package):
        module = importlib.import_module(f"{package.__name__}.{name}")
        if hasattr(module, "ID"):
            rule = rule_from_module(module, module.__name__)
            found[rule.id] = rule
    from .wording import load_pack

    folder = package.__path__[0]
    for pack in sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".yaml")):
        for rule in load_pack(pack):
            found[rule.id] = rule
    for ep in _plugin_entry_points():
        try:
            obj = ep.load()
        except Exception as exc:  # a broken plugin must not take down the run with a traceback
            raise UsageError(said("plugin.failed", name=ep.name, error=exc)) from None
        rule = rule_from_module(obj, f"{ep.value} (plugin)")
        if rule.id in found:
            raise UsageError(said("plugin.clash", id=rule.id))
        found[rule.id] = rule
    return found


def _module_names(package) -> list[str]:
    """The package's public modules, sorted. Read from its folder: pkgutil, which also reads
    archives, costs a cold start more than the listing."""
    folders = list(package.__path__)
    if not all(os.path.isdir(folder) for folder in folders):
        import pkgutil  # installed inside an archive

        return sorted(info.name for info in pkgutil.iter_modules(folders) if not info.name.startswith("_"))
    names = {entry.name.partition(".")[0] if entry.is_file() else entry.name
             for folder in folders for entry in os.scandir(folder)
             if (entry.is_file() and entry.name.endswith(".py")) or os.path.isfile(os.path.join(entry.path, "__init__.py"))}
    return sorted(name for name in names if name.isidentifier() and not name.startswith("_"))


def _declares_plugins() -> bool:
    """Whether some installed distribution declares the `rectlint.rules` group. Cheaper than
    importlib.metadata, which costs a cold start more than the lint of a short draft."""
    header = f"[{ENTRY_POINT_GROUP}]"
    for folder in sys.path:
        if os.path.isfile(folder):
            return True  # an archive on the path: only importlib.metadata reads its metadata
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                try:
                    with open(os.path.join(folder or ".", name, "entry_points.txt"), encoding="utf-8") as handle:
                        if header in handle.read():
                            return True
                except OSError:
                    continue
    return False


def _plugin_entry_points():
    if not _declares_plugins():
        return []
    from importlib.metadata import entry_points

    return entry_points(group=ENTRY_POINT_GROUP)

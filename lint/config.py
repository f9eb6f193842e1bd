"""Configuration: `.rectlint.yaml`, `--config FILE`, or `[tool.rectlint]` in pyproject.toml.

Validation is strict, as in yamllint: an unknown key, rule id or bad value is an
error that names the file, the line and what was expected.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ConfigError, UsageError
from .finding import CATEGORIES, SEVERITIES
from .messages import CATALOGUES, Phrase, Said, phrase, said
from .record import Record, replace

if TYPE_CHECKING:  # pathlib is imported where a configuration file is read: a run without one never needs it
    from pathlib import Path
from .registry import all_rules

CONFIG_NAMES = (".rectlint.yaml", ".rectlint.yml")
# The keys of a configuration; what each takes is the message "config.expects.<key>".
TOP_KEYS = ("select", "ignore", "exclude", "rules", "fail-on", "as-of", "lang", "wording", "against", "kind",
            "max-mib", "per-file-ignores", "extends")


MAX_CONFIG_BYTES = 2**20  # a configuration file arrives in a pull request: larger ones are refused
SHOWN = 80  # characters of a value quoted in an error


class _Shown:
    """A value as an error quotes it: its repr, cut short. A value from a file may be long."""

    def __init__(self, value):
        self.text = repr(value) if len(repr(value)) <= SHOWN else repr(value)[:SHOWN] + "…"

    def __repr__(self):
        return self.text

    __str__ = __repr__

    def __format__(self, spec):
        return format(self.text, spec)


def _short(value):
    if isinstance(value, Phrase):  # worded by the catalogue, not taken from the file
        return value
    if isinstance(value, str):
        return value if len(value) <= SHOWN else value[:SHOWN] + "…"
    return _Shown(value) if isinstance(value, (list, tuple, dict, set)) else value


def _error(message_id: str, **args) -> ConfigError:
    """A ConfigError worded in both languages: the reader's is chosen when it is shown. A value
    taken from the file is quoted at most SHOWN characters long; a place (the file and line:
    `where`, `what`, `path`) is never cut, however deep the folder."""
    return ConfigError(said(message_id, **{key: value if key in _PLACES else _short(value)
                                           for key, value in args.items()}))


_PLACES = ("where", "what", "path")


def _finite(value) -> bool:
    """A number that is a number: not a bool, not infinite, not NaN."""
    import math

    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _must_be(where: str, key: str) -> ConfigError:
    return _error("config.must-be", where=where, key=key, expected=phrase("config.expects." + key))


class Config(Record):
    """The effective configuration for the files below `root`: defaults, then .rectlint.yaml."""

    FIELDS = ("source", "root", "select", "ignore", "exclude", "rules", "fail_on", "as_of", "lang", "wording",
              "against", "kind", "max_mib", "per_file_ignores", "sources")

    def __init__(self, source: str | None = None, root: str | None = None, select: list | None = None,
                 ignore: list | None = None, exclude: list | None = None, rules: dict | None = None,
                 fail_on: str | None = None, as_of: dt.date | None = None, lang: str | None = None,
                 wording: list | None = None, against: Path | None = None, kind: str | None = None,
                 max_mib: float | None = None, per_file_ignores: list | None = None, sources: list | None = None):
        self.source = source
        self.root = os.getcwd() if root is None else root  # the folder of the file, else of the drafts
        self.select = select
        self.ignore = [] if ignore is None else ignore
        # Glob patterns keep the folder of the file that wrote them, which `extends` may make another
        # file's: (folder, pattern) and (folder, pattern, rule ids or categories).
        self.exclude = [] if exclude is None else exclude
        self.rules = {} if rules is None else rules  # rule id -> {"severity": .., option: ..}
        self.fail_on = fail_on
        self.as_of = as_of
        self.lang = lang
        self.wording = [] if wording is None else wording  # Rules defined in this file
        self.against = against
        self.kind = kind  # overrides the detected document kind
        self.max_mib = max_mib  # the largest input read
        self.per_file_ignores = [] if per_file_ignores is None else per_file_ignores
        self.sources = [] if sources is None else sources  # every file read, this one first

    def known_rules(self) -> dict:
        return {**all_rules(), **{r.id: r for r in self.wording}}

    def excludes(self, path: Path) -> bool:
        if not self.exclude:
            return False
        return any(_glob_matches(root, path, pat) for root, pat in self.exclude)

    def ignored_in(self, path: str) -> list:
        """The rule ids and categories `per-file-ignores` turns off for this path."""
        if not self.per_file_ignores or path == "-":
            return []
        return [name for root, pat, names in self.per_file_ignores
                if _glob_matches(root, _path(path), pat) for name in names]


def _path(path) -> Path:
    from pathlib import Path

    return Path(path)


def _glob_matches(root: Path, path: Path, pattern: str) -> bool:
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    return (fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(path.name, pattern)
            or rel.startswith(pattern.rstrip("/") + "/"))


class _MarkedDict(dict):
    """A dict that remembers the line of each key."""

    def __init__(self):
        super().__init__()
        self.lines: dict = {}
        self.line = 0


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = _MarkedDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise _error("config.key-not-text", line=key_node.start_mark.line + 1) from None
        if key in mapping:
            raise _error("config.key-twice", line=key_node.start_mark.line + 1, key=key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


@lru_cache(maxsize=None)
def _loader():
    """A SafeLoader that keeps each key's line. yaml is imported here, when a configuration is
    read: a run without one (most cold single-file runs) never pays for the import."""
    import yaml

    class Loader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            # An alias repeats what an anchor holds: nested, a few hundred bytes become gigabytes
            # (a "billion laughs"). Configurations have no use for them: refused, never expanded.
            if self.check_event(yaml.AliasEvent):
                raise _error("config.alias", line=self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    return Loader


def _read_text(path: Path) -> str:
    """A configuration file's text, refused past MAX_CONFIG_BYTES."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise _error("config.too-large", path=path, mib=f"{MAX_CONFIG_BYTES / 2**20:g}")
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _error("config.unreadable", path=path, error=exc) from None


def _read_yaml(path: Path):
    text = _read_text(path)
    import yaml

    try:
        data = yaml.load(text, Loader=_loader())  # noqa: S506 - a SafeLoader subclass
    except ConfigError as exc:  # raised by _construct_mapping, which knows the line, not the file
        raise ConfigError(Said(f"{path}:{exc.message.zh}", f"{path}:{exc.message}")) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _error("config.bad-yaml", where=f"{path}{where}", problem=problem) from None
    except (ValueError, TypeError) as exc:  # a value YAML recognises but cannot build, e.g. 2025-02-30
        raise _error("config.bad-value", path=path, error=exc) from None
    if data is None:
        data = _MarkedDict()
    if not isinstance(data, dict):
        raise _error("config.not-mapping", path=path)
    return data


def _read_pyproject(path: Path):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    text = _read_text(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _error("config.bad-toml", path=path, error=exc) from None
    section = data.get("tool", {}).get("rectlint")
    if section is None:
        return None
    lines = text.splitlines()

    def line_of(key):
        for i, line in enumerate(lines, 1):
            if line.strip().startswith((f"{key} ", f"{key}=", f'"{key}"')) or f"rules.{key}]" in line:
                return i
        return next((i for i, line in enumerate(lines, 1) if "tool.rectlint" in line), 1)

    def mark(obj):
        if isinstance(obj, dict):
            marked = _MarkedDict()
            for k, v in obj.items():
                marked[k] = mark(v)
                marked.lines[k] = line_of(k)
            marked.line = line_of("tool.rectlint")
            return marked
        return obj

    return mark(section)


def _expect_list(path, data, key):
    value = data[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _must_be(f"{path}:{data.lines[key]}", key)
    return value


def _base(path: Path, data, chain: tuple) -> Config:
    value, where = data["extends"], f"{path}:{data.lines['extends']}"
    if not isinstance(value, str) or not value:
        raise _must_be(where, "extends")
    target = (path.parent / value).resolve()
    chain = (*chain, path.resolve())
    if target in chain:
        raise _error("config.extends-loop", where=where, target=target)
    if not target.is_file():
        raise _error("config.extends-missing", where=where, value=value)
    if target.name == "pyproject.toml":
        section = _read_pyproject(target)
        if section is None:
            raise _error("config.extends-no-table", where=where, value=value)
        return parse_config(target, section, chain)
    return parse_config(target, _read_yaml(target), chain)


def _per_file_ignores(path, data, known) -> list:
    table, line = data["per-file-ignores"], data.lines["per-file-ignores"]
    if not isinstance(table, dict):
        raise _must_be(f"{path}:{line}", "per-file-ignores")
    out = []
    for pattern, names in table.items():
        where = f"{path}:{getattr(table, 'lines', {}).get(pattern, line)}"
        names = [names] if isinstance(names, str) else names
        if not isinstance(pattern, str) or not isinstance(names, list) or not all(
                isinstance(n, str) for n in names):
            raise _error("config.per-file-entry", where=where)
        check_selectors(names, where, known)
        out.append((path.parent, pattern, names))
    return out


def _wording(path, data, inherited=()) -> list:
    from .wording import build_rule

    entries = data["wording"]
    line = data.lines["wording"]
    if not isinstance(entries, list):
        raise _must_be(f"{path}:{line}", "wording")
    rules = []
    for entry in entries:
        where = f"{path}:{getattr(entry, 'line', line)}"
        rule = build_rule(entry, where)
        if rule.id in all_rules() or any(r.id == rule.id for r in (*inherited, *rules)):
            raise _error("config.wording-taken", where=where, id=rule.id)
        rules.append(rule)
    return rules


def check_selectors(names, where: str, rules=None):
    rules, cats = rules if rules is not None else all_rules(), set(CATEGORIES)
    for name in names:
        if name not in rules and name not in cats and name != "all":
            raise _error("config.unknown-selector", where=where, name=name)


def _check_option(path, line, rule, key, value):
    if key == "severity":
        if value not in SEVERITIES:
            raise _error("config.bad-severity", where=f"{path}:{line}", rule=rule.id,
                         choices=", ".join(SEVERITIES), value=value)
        return
    if key not in rule.options:
        known = ", ".join(["severity", *rule.options]) or "severity"
        raise _error("config.no-option", where=f"{path}:{line}", rule=rule.id, key=key, known=known)
    default = rule.options[key]
    if key in rule.choices and value not in rule.choices[key]:
        raise _error("config.bad-choice", where=f"{path}:{line}", rule=rule.id, key=key,
                     choices=", ".join(map(str, rule.choices[key])), value=value)
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        # A count or a share: finite and not negative (.inf, .nan and -5 are no length of text).
        if not (_finite(value) and value >= 0 and (isinstance(value, int) or isinstance(default, float))):
            raise _error("config.bad-number", where=f"{path}:{line}", rule=rule.id, key=key,
                         kind=phrase("config.whole" if isinstance(default, int) else "config.number"),
                         default=default, value=value)
        return
    ok = (isinstance(value, bool) if isinstance(default, bool)
          else isinstance(value, type(default)) if default is not None else True)
    if isinstance(default, list) and ok:
        ok = all(isinstance(v, str) for v in value)
    if not ok:
        raise _error("config.bad-type", where=f"{path}:{line}", rule=rule.id, key=key,
                     type=type(default).__name__, default=default, value=value)


def parse_config(path: Path, data, _chain: tuple = ()) -> Config:
    """A Config from one file's settings. With `extends`, the named file is read first; every
    key set here replaces what it gave, except `rules` (merged per rule and option), `wording`
    and `per-file-ignores` (added to). An error in a file that sets a valid `lang` carries it
    (`ConfigError.lang`): the file's reader is told in the language the file asks for."""
    try:
        return _parse_config(path, data, _chain)
    except ConfigError as exc:
        if exc.lang is None and isinstance(data, dict) and isinstance(data.get("lang"), str) \
                and data["lang"] in CATALOGUES:
            exc.lang = data["lang"]
        raise


def _parse_config(path: Path, data, _chain: tuple) -> Config:
    for key in data:
        if key not in TOP_KEYS:
            raise _error("config.unknown-key", where=f"{path}:{data.lines[key]}", key=key, keys=", ".join(TOP_KEYS))
    cfg = Config(source=str(path), root=str(path.parent), sources=[str(path)])
    if "extends" in data:
        base = _base(path, data, _chain)
        cfg = replace(
            base, source=str(path), root=str(path.parent), sources=[str(path), *base.sources],
            rules={rule_id: dict(settings) for rule_id, settings in base.rules.items()})
    if "wording" in data:
        cfg.wording = [*cfg.wording, *_wording(path, data, cfg.wording)]
    if "select" in data:
        cfg.select = _expect_list(path, data, "select")
        check_selectors(cfg.select, f"{path}:{data.lines['select']}", cfg.known_rules())
    if "ignore" in data:
        cfg.ignore = _expect_list(path, data, "ignore")
        check_selectors(cfg.ignore, f"{path}:{data.lines['ignore']}", cfg.known_rules())
    if "exclude" in data:
        cfg.exclude = [(path.parent, pat) for pat in _expect_list(path, data, "exclude")]
    if "per-file-ignores" in data:
        cfg.per_file_ignores = [*cfg.per_file_ignores, *_per_file_ignores(path, data, cfg.known_rules())]
    if "fail-on" in data:
        if data["fail-on"] not in SEVERITIES:
            raise _must_be(f"{path}:{data.lines['fail-on']}", "fail-on")
        cfg.fail_on = data["fail-on"]
    if "lang" in data:
        if not isinstance(data["lang"], str) or data["lang"] not in CATALOGUES:
            raise _must_be(f"{path}:{data.lines['lang']}", "lang")
        cfg.lang = data["lang"]
    if "against" in data:
        if not isinstance(data["against"], str):
            raise _must_be(f"{path}:{data.lines['against']}", "against")
        against = data["against"]  # a postgresql:// URL names a database, not a file beside this one
        cfg.against = against if against.lower().startswith(("postgresql://", "postgres://")) else path.parent / against
    if "max-mib" in data:
        value = data["max-mib"]
        if not _finite(value) or value <= 0:
            raise _must_be(f"{path}:{data.lines['max-mib']}", "max-mib")
        cfg.max_mib = value
    if "kind" in data:
        from .conventions.kinds import KINDS
        if data["kind"] not in ("auto", *KINDS):
            raise _must_be(f"{path}:{data.lines['kind']}", "kind")
        cfg.kind = data["kind"]
    if "as-of" in data:
        cfg.as_of = parse_date(data["as-of"], f"{path}:{data.lines['as-of']}: 'as-of'")
    if "rules" in data:
        rules_data = data["rules"]
        if not isinstance(rules_data, dict):
            raise _must_be(f"{path}:{data.lines['rules']}", "rules")
        known = cfg.known_rules()
        for rule_id, settings in rules_data.items():
            line = rules_data.lines[rule_id]
            if rule_id not in known:
                raise _error("config.unknown-rule", where=f"{path}:{line}", rule=rule_id)
            if settings is None:
                settings = {}
            if not isinstance(settings, dict):
                raise _error("config.rule-settings", where=f"{path}:{line}", rule=rule_id)
            rule = known[rule_id]
            for key, value in settings.items():
                _check_option(path, getattr(settings, "lines", {}).get(key, line), rule, rule.option_name(key), value)
            cfg.rules[rule_id] = {**cfg.rules.get(rule_id, {}), **{rule.option_name(k): v for k, v in settings.items()}}
    return cfg


def parse_date(value, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()  # YAML reads "2025-12-31 10:00" as a datetime; the day is what counts
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise _error("config.bad-date", what=what, value=value) from None


def load_config(path: str | Path) -> Config:
    path = _path(path)
    if not path.is_file():
        raise _error("config.not-found", path=path)
    if path.name == "pyproject.toml":
        data = _read_pyproject(path)
        return parse_config(path, data if data is not None else _MarkedDict())
    return parse_config(path, _read_yaml(path))


@lru_cache(maxsize=None)
def find_config(directory: str | Path) -> Config:
    """Walk up from a draft's folder to the first .rectlint.yaml or pyproject [tool.rectlint].
    The walk is os.path's: only a file found needs pathlib."""
    directory = os.path.realpath(directory)
    folder = directory
    while True:
        for name in CONFIG_NAMES:
            if os.path.isfile(os.path.join(folder, name)):
                return load_config(os.path.join(folder, name))
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            data = _read_pyproject(_path(pyproject))
            if data is not None:
                return parse_config(_path(pyproject), data)
        parent = os.path.dirname(folder)
        if parent == folder:
            return Config(root=directory)
        folder = parent


class ActiveRule(Record):
    """A rule as it runs for one configuration: severity and options resolved."""

    FIELDS = ("rule", "severity", "options")

    def __init__(self, rule, severity: str, options: dict):
        self.rule = rule
        self.severity = severity
        self.options = options


def _matches(rule, names) -> bool:
    return "all" in names or rule.id in names or any(c in names for c in rule.categories)


def finding_filter(cfg: Config, select=None, ignore=(), path: str | None = None):
    """Whether a finding is kept, judged by the category printed on it: `--select number`
    keeps summary-counts' arithmetic findings and drops its structure ones. What
    `per-file-ignores` names for `path` is dropped even when selected, as in ruff."""
    chosen = select if select else cfg.select
    ignored = [*cfg.ignore, *(ignore or [])]
    here = cfg.ignored_in(path) if path is not None else []

    def keep(finding) -> bool:
        if finding.category == "internal":
            return True
        if here and ("all" in here or finding.rule in here or finding.category in here):
            return False
        named = chosen and finding.rule in chosen
        if chosen and not named and "all" not in chosen and finding.category not in chosen:
            return False
        return named or finding.category not in ignored
    return keep


def active_rules(cfg: Config, select=None, ignore=()) -> list[ActiveRule]:
    """Rules to run: --select replaces the config's select; --ignore adds to its ignore."""
    known = cfg.known_rules()
    for names in (select or [], ignore or []):
        try:
            check_selectors(names, "--select/--ignore", known)
        except ConfigError as exc:
            raise UsageError(exc.message) from None
    chosen = select if select else cfg.select
    ignored = [*cfg.ignore, *(ignore or [])]
    out = []
    for rule in known.values():
        if chosen and not _matches(rule, chosen):
            continue
        if ("all" in ignored or rule.id in ignored or all(c in ignored for c in rule.categories)) and not (
                chosen and rule.id in chosen):
            continue
        settings = cfg.rules.get(rule.id, {})
        options = {**rule.options, **{rule.option_name(k): v for k, v in settings.items() if k != "severity"}}
        out.append(ActiveRule(rule, settings.get("severity", rule.severity), options))
    return out

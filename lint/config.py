"""Configuration: `.rectlint.yaml`, `--config FILE`, or `[tool.rectlint]` in pyproject.toml.

Validation is strict, as in yamllint: an unknown key, rule id or bad value is an
error that names the file, the line and what was expected.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import fnmatch
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import ConfigError, UsageError
from .finding import CATEGORIES, SEVERITIES
from .registry import all_rules

CONFIG_NAMES = (".rectlint.yaml", ".rectlint.yml")
TOP_KEYS = {
    "select": "a list of rule ids or categories",
    "ignore": "a list of rule ids or categories",
    "exclude": "a list of glob patterns",
    "rules": "a mapping from rule id to its settings",
    "fail-on": "one of error, warning, info",
    "as-of": "a date as YYYY-MM-DD",
    "lang": "zh or en",
    "wording": "a list of wording rules (id, kind, …)",
    "against": "the path of a corpus index (relative to this file)",
    "kind": "auto, inspection, audit, official, news or other",
    "max-mib": "the largest input read, in MiB (a number, default 50)",
    "per-file-ignores": "a mapping from a glob pattern to the rule ids or categories ignored there",
    "extends": "the path of a configuration this one builds on (relative to this file)",
}


@dataclass
class Config:
    """The effective configuration for the files below `root`: defaults, then .rectlint.yaml."""

    source: str | None = None
    root: Path = field(default_factory=Path.cwd)
    select: list | None = None
    ignore: list = field(default_factory=list)
    # Glob patterns keep the folder of the file that wrote them, which `extends` may make another
    # file's: (folder, pattern) and (folder, pattern, rule ids or categories).
    exclude: list = field(default_factory=list)
    rules: dict = field(default_factory=dict)  # rule id -> {"severity": .., option: ..}
    fail_on: str | None = None
    as_of: dt.date | None = None
    lang: str | None = None
    wording: list = field(default_factory=list)  # Rules defined in this file
    against: Path | None = None
    kind: str | None = None  # overrides the detected document kind
    max_mib: float | None = None  # the largest input read
    per_file_ignores: list = field(default_factory=list)
    sources: list = field(default_factory=list)  # every file read, this one first

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
                if _glob_matches(root, Path(path), pat) for name in names]


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


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = _MarkedDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ConfigError(f"{key_node.start_mark.line + 1}: a key must be plain text") from None
        if key in mapping:
            raise ConfigError(f"{key_node.start_mark.line + 1}: key {key!r} is given twice")
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _read_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except ConfigError as exc:
        raise ConfigError(f"{path}:{exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ConfigError(f"{path}{where}: invalid YAML: {problem}") from None
    except (ValueError, TypeError) as exc:  # a value YAML recognises but cannot build, e.g. 2025-02-30
        raise ConfigError(f"{path}: invalid value: {exc}") from None
    if data is None:
        data = _MarkedDict()
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: expected a mapping of settings at the top level")
    return data


def _read_pyproject(path: Path):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
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
        raise ConfigError(f"{path}:{data.lines[key]}: '{key}' must be {TOP_KEYS[key]}")
    return value


def _base(path: Path, data, chain: tuple) -> Config:
    value, where = data["extends"], f"{path}:{data.lines['extends']}"
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: 'extends' must be {TOP_KEYS['extends']}")
    target = (path.parent / value).resolve()
    chain = (*chain, path.resolve())
    if target in chain:
        raise ConfigError(f"{where}: 'extends' leads back to {target}, which is already being read")
    if not target.is_file():
        raise ConfigError(f"{where}: 'extends' names {value}, which is not a file")
    if target.name == "pyproject.toml":
        section = _read_pyproject(target)
        if section is None:
            raise ConfigError(f"{where}: 'extends' names {value}, which has no [tool.rectlint] table")
        return parse_config(target, section, chain)
    return parse_config(target, _read_yaml(target), chain)


def _per_file_ignores(path, data, known) -> list:
    table, line = data["per-file-ignores"], data.lines["per-file-ignores"]
    if not isinstance(table, dict):
        raise ConfigError(f"{path}:{line}: 'per-file-ignores' must be {TOP_KEYS['per-file-ignores']}")
    out = []
    for pattern, names in table.items():
        where = f"{path}:{getattr(table, 'lines', {}).get(pattern, line)}"
        names = [names] if isinstance(names, str) else names
        if not isinstance(pattern, str) or not isinstance(names, list) or not all(
                isinstance(n, str) for n in names):
            raise ConfigError(f"{where}: per-file-ignores entries map a glob pattern to a list of "
                              "rule ids or categories")
        check_selectors(names, where, known)
        out.append((path.parent, pattern, names))
    return out


def _wording(path, data, inherited=()) -> list:
    from .wording import build_rule

    entries = data["wording"]
    line = data.lines["wording"]
    if not isinstance(entries, list):
        raise ConfigError(f"{path}:{line}: 'wording' must be {TOP_KEYS['wording']}")
    rules = []
    for entry in entries:
        where = f"{path}:{getattr(entry, 'line', line)}"
        rule = build_rule(entry, where)
        if rule.id in all_rules() or any(r.id == rule.id for r in (*inherited, *rules)):
            raise ConfigError(f"{where}: wording rule id {rule.id!r} is already taken")
        rules.append(rule)
    return rules


def check_selectors(names, where: str, rules=None):
    rules, cats = rules if rules is not None else all_rules(), set(CATEGORIES)
    for name in names:
        if name not in rules and name not in cats and name != "all":
            raise ConfigError(f"{where}: unknown rule or category {name!r}; "
                              "see 'rectlint rules' for the list")


def _check_option(path, line, rule, key, value):
    if key == "severity":
        if value not in SEVERITIES:
            raise ConfigError(f"{path}:{line}: rules.{rule.id}.severity must be one of "
                              f"{', '.join(SEVERITIES)}, not {value!r}")
        return
    if key not in rule.options:
        known = ", ".join(["severity", *rule.options]) or "severity"
        raise ConfigError(f"{path}:{line}: rule {rule.id} has no option {key!r}; expected one of: {known}")
    default = rule.options[key]
    if key in rule.choices and value not in rule.choices[key]:
        raise ConfigError(f"{path}:{line}: rules.{rule.id}.{key} must be one of "
                          f"{', '.join(map(str, rule.choices[key]))}, not {value!r}")
    ok = (isinstance(value, bool) if isinstance(default, bool)
          else isinstance(value, (int, float)) and not isinstance(value, bool) if isinstance(default, float)
          else isinstance(value, int) and not isinstance(value, bool) if isinstance(default, int)
          else isinstance(value, type(default)) if default is not None else True)
    if isinstance(default, list) and ok:
        ok = all(isinstance(v, str) for v in value)
    if not ok:
        raise ConfigError(f"{path}:{line}: rules.{rule.id}.{key} must be "
                          f"{type(default).__name__} like {default!r}, not {value!r}")


def parse_config(path: Path, data, _chain: tuple = ()) -> Config:
    """A Config from one file's settings. With `extends`, the named file is read first; every
    key set here replaces what it gave, except `rules` (merged per rule and option), `wording`
    and `per-file-ignores` (added to)."""
    for key in data:
        if key not in TOP_KEYS:
            raise ConfigError(f"{path}:{data.lines[key]}: unknown key {key!r}; expected one of: "
                              f"{', '.join(TOP_KEYS)}")
    cfg = Config(source=str(path), root=path.parent, sources=[str(path)])
    if "extends" in data:
        base = _base(path, data, _chain)
        cfg = dataclasses.replace(
            base, source=str(path), root=path.parent, sources=[str(path), *base.sources],
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
            raise ConfigError(f"{path}:{data.lines['fail-on']}: 'fail-on' must be {TOP_KEYS['fail-on']}")
        cfg.fail_on = data["fail-on"]
    if "lang" in data:
        if data["lang"] not in ("zh", "en"):
            raise ConfigError(f"{path}:{data.lines['lang']}: 'lang' must be zh or en")
        cfg.lang = data["lang"]
    if "against" in data:
        if not isinstance(data["against"], str):
            raise ConfigError(f"{path}:{data.lines['against']}: 'against' must be {TOP_KEYS['against']}")
        cfg.against = path.parent / data["against"]
    if "max-mib" in data:
        value = data["max-mib"]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ConfigError(f"{path}:{data.lines['max-mib']}: 'max-mib' must be {TOP_KEYS['max-mib']}")
        cfg.max_mib = value
    if "kind" in data:
        from .conventions.kinds import KINDS
        if data["kind"] not in ("auto", *KINDS):
            raise ConfigError(f"{path}:{data.lines['kind']}: 'kind' must be {TOP_KEYS['kind']}")
        cfg.kind = data["kind"]
    if "as-of" in data:
        cfg.as_of = parse_date(data["as-of"], f"{path}:{data.lines['as-of']}: 'as-of'")
    if "rules" in data:
        rules_data = data["rules"]
        if not isinstance(rules_data, dict):
            raise ConfigError(f"{path}:{data.lines['rules']}: 'rules' must be {TOP_KEYS['rules']}")
        known = cfg.known_rules()
        for rule_id, settings in rules_data.items():
            line = rules_data.lines[rule_id]
            if rule_id not in known:
                raise ConfigError(f"{path}:{line}: unknown rule {rule_id!r}; see 'rectlint rules'")
            if settings is None:
                settings = {}
            if not isinstance(settings, dict):
                raise ConfigError(f"{path}:{line}: rules.{rule_id} must be a mapping of "
                                  "severity and options")
            for key, value in settings.items():
                _check_option(path, getattr(settings, "lines", {}).get(key, line),
                              known[rule_id], key, value)
            cfg.rules[rule_id] = {**cfg.rules.get(rule_id, {}), **settings}
    return cfg


def parse_date(value, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()  # YAML reads "2025-12-31 10:00" as a datetime; the day is what counts
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{what} must be a date as YYYY-MM-DD, not {value!r}") from None


def load_config(path: Path) -> Config:
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    if path.name == "pyproject.toml":
        data = _read_pyproject(path)
        return parse_config(path, data if data is not None else _MarkedDict())
    return parse_config(path, _read_yaml(path))


@lru_cache(maxsize=None)
def find_config(directory: Path) -> Config:
    """Walk up from a draft's folder to the first .rectlint.yaml or pyproject [tool.rectlint]."""
    directory = directory.resolve()
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return load_config(folder / name)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            data = _read_pyproject(pyproject)
            if data is not None:
                return parse_config(pyproject, data)
    return Config(root=directory)


@dataclass
class ActiveRule:
    """A rule as it runs for one configuration: severity and options resolved."""

    rule: object
    severity: str
    options: dict


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
            raise UsageError(str(exc)) from None
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
        options = {**rule.options, **{k: v for k, v in settings.items() if k != "severity"}}
        out.append(ActiveRule(rule, settings.get("severity", rule.severity), options))
    return out

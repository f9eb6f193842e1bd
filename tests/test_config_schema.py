"""The JSON Schema of the configuration file agrees with rectlint's own validation."""

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from rectlint.config import _read_pyproject, _read_yaml, load_config
from rectlint.config_schema import dumps, schema
from rectlint.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "docs" / "rectlint-config.schema.json"
EXAMPLES = sorted((ROOT / "examples" / "configs").rglob("*.yaml")) + sorted(
    (ROOT / "examples" / "configs").rglob("pyproject.toml"))


def _plain(data):
    """What an editor's YAML/TOML plugin hands the schema: dates as their ISO text."""
    return json.loads(json.dumps(data, default=str))


def _validator():
    return jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker())


def _settings(path: Path):
    return _read_pyproject(path) if path.name == "pyproject.toml" else _read_yaml(path)


def test_the_schema_in_the_repository_is_the_one_the_rules_give():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == dumps(), (
        "regenerate: python -m rectlint.config_schema > docs/rectlint-config.schema.json")
    jsonschema.Draft202012Validator.check_schema(schema())


def test_there_are_example_configurations():
    assert {p.name for p in EXAMPLES} == {".rectlint.yaml", "pyproject.toml"}
    assert any("extends" in p.read_text(encoding="utf-8") for p in EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_example_configurations_pass_the_schema_and_rectlint(path):
    load_config(path)
    _validator().validate(_plain(_settings(path)))


def _readme_blocks():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Configuration"):]
    section = section[:section.index("\n## ", 3)]
    yield from (("yaml", b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S))
    yield from (("toml", b) for b in re.findall(r"```toml\n(.*?)```", section, re.S))


@pytest.mark.parametrize("lang,block", list(_readme_blocks()))
def test_the_readme_configuration_snippets_pass_both(tmp_path, lang, block):
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    path = folder / (".rectlint.yaml" if lang == "yaml" else "pyproject.toml")
    path.write_text(block, encoding="utf-8")
    if "extends:" in block:  # the file it names, kept inside tmp_path
        (folder / block.split("extends:")[1].split()[0]).write_text("{}\n", encoding="utf-8")
    load_config(path)
    _validator().validate(_plain(_settings(path)))


@pytest.mark.parametrize("text", [
    "selct: [date]\n",
    "fail-on: sometimes\n",
    "lang: fr\n",
    "max-mib: 0\n",
    "kind: memo\n",
    "as-of: yesterday\n",
    "extends: 3\n",
    "exclude: {a: b}\n",
    "per-file-ignores: [date]\n",
    'per-file-ignores:\n  "a/*": {date: 1}\n',
    "rules:\n  paired-punctuation:\n    colour: red\n",
    "rules:\n  paired-punctuation:\n    severity: fatal\n",
    "rules:\n  paired-punctuation:\n    max-per-paragraph: many\n",
    "rules:\n  missing-status:\n    required: sometimes\n",
    "rules:\n  unknown-status:\n    vocabulary: 已完成\n",
    "wording:\n  - id: x\n    kind: rhyme\n",
    "wording:\n  - id: Not_Kebab\n    kind: existence\n    tokens: [a]\n",
    "wording:\n  - id: x\n    kind: consistency\n    either: [a]\n",
    "wording:\n  - id: x\n    kind: existence\n    tokens: [a]\n    colour: red\n",
])
def test_what_rectlint_refuses_the_schema_refuses(tmp_path, text):
    path = tmp_path / ".rectlint.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(path)
    data = yaml.safe_load(text)
    assert list(_validator().iter_errors(_plain(data))), text

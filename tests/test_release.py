"""One version everywhere: the package, pyproject.toml and the changelog's latest entry; the
README's pre-commit rev is a placeholder `pre-commit autoupdate` pins, since no tag exists."""

import re
import sys

from conftest import ROOT

from rectlint import __version__

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_the_version_the_readme_tag_and_the_changelog_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.findall(r"rev: (\S+)", readme) == ["<commit>"] and "pre-commit autoupdate" in readme
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    latest = re.search(r"^## \[?v?(\d+\.\d+\.\d+)\]?", changelog, re.M).group(1)
    assert latest == __version__

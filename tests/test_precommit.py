"""The hook runs as pre-commit runs it: `pre-commit try-repo`, and the README's snippet copied
into a repository of drafts and pinned as the README says, both against a committed copy of
this project without tags (the project has none to name)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.slow  # each test runs pre-commit, which builds its own environment: seconds


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit():
    beside = Path(sys.executable).parent / "pre-commit"
    found = str(beside) if beside.exists() else shutil.which("pre-commit")
    if found is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed (pip install '.[test]')")
    return found


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    pre_commit = _pre_commit()
    tmp = tmp_path_factory.mktemp("precommit")
    # A committed copy of the project, so the test does not depend on this checkout's git state.
    hook_repo = tmp / "hook"
    shutil.copytree(ROOT, hook_repo, ignore=shutil.ignore_patterns(
        ".git", ".venv", "*.egg-info", "build", "__pycache__", ".pytest_cache", ".hypothesis", "bench",
        ".rectlint_cache"))
    git("init", "-q", cwd=hook_repo)
    git("add", ".", cwd=hook_repo)
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "hook", cwd=hook_repo)
    repo = tmp / "drafts"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    shutil.copy(EXAMPLES / "clean-notice.txt", repo / "clean.txt")
    shutil.copy(EXAMPLES / "draft-with-defects.txt", repo / "defective.txt")
    # An archive the configuration excludes: pre-commit names its files, and they must stay excluded.
    (repo / "归档").mkdir()
    shutil.copy(EXAMPLES / "draft-with-defects.txt", repo / "归档" / "旧稿.txt")
    (repo / ".rectlint.yaml").write_text('exclude: ["归档/*"]\n', encoding="utf-8")
    git("add", ".", cwd=repo)

    def run(*args):
        return subprocess.run(
            [pre_commit, *args], cwd=repo, capture_output=True, text=True,
            env={"PATH": os.environ["PATH"], "HOME": str(tmp),
                 "PRE_COMMIT_HOME": str(tmp / "cache"), "GIT_AUTHOR_NAME": "t",
                 "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                 "GIT_COMMITTER_EMAIL": "t@example.invalid"},
            timeout=600,
        )
    return hook_repo, repo, run


def test_pre_commit_try_repo_flags_the_defective_draft_only(setup):
    hook_repo, _, run = setup
    clean = run("try-repo", str(hook_repo), "rectlint", "--files", "clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    defective = run("try-repo", str(hook_repo), "rectlint", "--files", "clean.txt", "defective.txt")
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "defective.txt:" in defective.stdout
    assert "clean.txt:" not in defective.stdout


def test_the_readme_snippet_works_when_copied_and_pinned_as_it_says(setup):
    hook_repo, repo, run = setup
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"```yaml\n(# \.pre-commit-config\.yaml.*?)```", readme, re.S).group(1)
    config = repo / ".pre-commit-config.yaml"
    config.write_text(snippet.replace("<this repository's URL>", str(hook_repo)), encoding="utf-8")
    pinned = run("autoupdate")  # the README's way to pin the revision placeholder
    assert pinned.returncode == 0, pinned.stdout + pinned.stderr
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, capture_output=True, text=True).stdout.strip()
    assert f"rev: {head}" in config.read_text(encoding="utf-8")
    result = run("run", "--files", "clean.txt", "defective.txt", "归档/旧稿.txt")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "defective.txt:" in result.stdout and "clean.txt:" not in result.stdout
    assert "旧稿.txt:" not in result.stdout  # excluded, though named: the hook passes --force-exclude

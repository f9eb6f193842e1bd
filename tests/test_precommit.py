"""The hook runs as pre-commit runs it: `pre-commit try-repo` against a scratch repository."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EXAMPLES, ROOT


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_pre_commit_try_repo_flags_the_defective_draft_only(tmp_path):
    beside = Path(sys.executable).parent / "pre-commit"
    pre_commit = str(beside) if beside.exists() else shutil.which("pre-commit")
    if pre_commit is None or shutil.which("git") is None:
        pytest.skip("pre-commit or git is not installed (pip install '.[test]')")
    # A committed copy of the project, so the test does not depend on this checkout's git state.
    hook_repo = tmp_path / "hook"
    shutil.copytree(ROOT, hook_repo, ignore=shutil.ignore_patterns(
        ".git", ".venv", "*.egg-info", "build", "__pycache__", ".pytest_cache", ".hypothesis", "bench"))
    git("init", "-q", cwd=hook_repo)
    git("add", ".", cwd=hook_repo)
    git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "hook", cwd=hook_repo)
    repo = tmp_path / "drafts"
    repo.mkdir()
    git("init", "-q", cwd=repo)
    shutil.copy(EXAMPLES / "clean-notice.txt", repo / "clean.txt")
    shutil.copy(EXAMPLES / "draft-with-defects.txt", repo / "defective.txt")
    git("add", ".", cwd=repo)
    env_home = tmp_path / "cache"

    def try_repo(*files):
        return subprocess.run(
            [pre_commit, "try-repo", str(hook_repo), "rectlint", "--files", *files],
            cwd=repo, capture_output=True, text=True,
            env={"PATH": os.environ["PATH"], "HOME": str(tmp_path),
                 "PRE_COMMIT_HOME": str(env_home), "GIT_AUTHOR_NAME": "t",
                 "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                 "GIT_COMMITTER_EMAIL": "t@example.invalid"},
            timeout=600,
        )

    clean = try_repo("clean.txt")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    defective = try_repo("clean.txt", "defective.txt")
    assert defective.returncode == 1, defective.stdout + defective.stderr
    assert "defective.txt:" in defective.stdout
    assert "clean.txt:" not in defective.stdout

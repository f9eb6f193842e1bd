import os
import subprocess
import tempfile
import sys
from pathlib import Path

import pytest

from pgcluster import engine, index_at, postgres  # noqa: F401 - fixtures for the index tests
from rectlint.api import LintContext, Linter
from rectlint.config import Config

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples"


def lint(text, rule=None, kind="txt", path="draft.txt", as_of=None, **options):
    """Findings of one rule (or all) on a text, through the library API."""
    cfg = Config(rules={rule: options} if rule and options else {})
    linter = Linter(cfg, [rule] if rule else (), context=LintContext(as_of=as_of))
    return linter.lint_text(text, path, kind).findings


CACHE = tempfile.mkdtemp(prefix="rectlint-test-cache-")  # keeps the tests' cache out of the tree


def run_cli(*args, input=None, cwd=None, env=None):
    full_env = {"RECTLINT_CACHE_DIR": CACHE, **os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "rectlint", *map(str, args)],
        input=input, capture_output=True, cwd=cwd or ROOT, env=full_env,
    )


def seed(prefix):
    if not SEEDS.is_dir():
        pytest.skip(f"seeds not found at {SEEDS}")
    return next(SEEDS.glob(prefix + "*.txt"))


def fixed(text, rule, unsafe=False, **kw):
    """The text after applying a rule's fixes once (safe ones; unsafe ones too when asked)."""
    from rectlint.fixes import apply_edits, chosen_edits

    return apply_edits(text, chosen_edits(lint(text, rule, **kw), unsafe))[0]

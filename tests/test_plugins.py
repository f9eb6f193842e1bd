"""Third-party rules arrive through the entry-point group `rectlint.rules`."""

from conftest import run_cli

PLUGIN = '''"""Flags the word 稍后.

Why: a house rule of the test.

Bad:  稍后处理。
Good: 立即处理。
"""
from rectlint.finding import Hit

ID = "no-shaohou"
CATEGORY = "wording"
SEVERITY = "warning"
OPTIONS = {}


def check(doc, options):
    start = doc.text.find("稍后")
    if start >= 0:
        yield Hit(start, start + 2, zh="不宜用“稍后”", en="avoid 稍后")
'''


def install_plugin(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "house_rules.py").write_text(PLUGIN, encoding="utf-8")
    info = site / "house_rules-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: house-rules\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[rectlint.rules]\nno-shaohou = house_rules\n", encoding="utf-8")
    return {"PYTHONPATH": str(site)}


def test_plugin_rule_is_listed_explained_and_run(tmp_path):
    env = install_plugin(tmp_path)
    assert "no-shaohou" in run_cli("rules", env=env).stdout.decode("utf-8")
    assert "Flags the word" in run_cli("explain", "no-shaohou", env=env).stdout.decode("utf-8")
    draft = tmp_path / "d.txt"
    draft.write_text("问题稍后处理。\n", encoding="utf-8")
    result = run_cli(draft, "--select", "no-shaohou", env=env)
    assert result.returncode == 1 and b"[no-shaohou]" in result.stdout


def test_broken_plugin_is_one_clear_line(tmp_path):
    env = install_plugin(tmp_path)
    (tmp_path / "site" / "house_rules.py").write_text("raise ImportError('nope')\n", encoding="utf-8")
    result = run_cli("rules", env=env)
    assert result.returncode == 2 and b"no-shaohou" in result.stderr and b"Traceback" not in result.stderr


def test_rule_modules_are_found_as_pkgutil_finds_them():
    import pkgutil

    import rectlint.rules as package
    from rectlint.registry import _module_names

    assert _module_names(package) == sorted(
        info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_"))


def test_the_parameters_a_check_takes_are_counted_as_inspect_counts_them():
    import functools
    import inspect

    from rectlint.registry import _parameters

    def plain(doc, options, context=None): ...
    def starred(doc, *args): ...
    def keyword(doc, options, *, context): ...
    class Callable:
        def __call__(self, doc, options): ...
    for check in (plain, starred, keyword, Callable(), functools.partial(plain, None), lambda doc, options: 0):
        assert _parameters(check) == len(inspect.signature(check).parameters)

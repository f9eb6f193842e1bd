"""The command line: `rectlint PATH...`, `rectlint rules`, `rectlint explain RULE`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import __version__
from .config import parse_date
from .errors import RectlintError
from .conventions.kinds import KINDS
from .finding import SEVERITIES, severity_rank
from .progress import Progress
from .registry import all_rules
from .text import printable
from .report import FORMATS, RunInfo, Tally, render, reporter


class _DefaultGroup(click.Group):
    """`rectlint PATH...` means `rectlint check PATH...`."""

    def parse_args(self, ctx, args):
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
def cli():
    """rectlint: lint Chinese rectification notices (整改进展情况通报).

    Run `rectlint PATH...` to lint drafts (.txt, .md, .docx, .html, folders, or - for
    stdin); `rectlint rules` lists the rules, `rectlint explain RULE` documents one,
    and `rectlint index` manages the corpus of earlier notices.
    """


def _split(values) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@cli.command("check")
@click.argument("paths", nargs=-1)
@click.option("--select", multiple=True, metavar="IDS",
              help="Only these rule ids or categories (comma-separated; replaces the config's select).")
@click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids or categories.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of messages (default zh).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Lowest severity that makes the exit code 1 (default warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Use this configuration file instead of searching for one.")
@click.option("--as-of", default=None, metavar="YYYY-MM-DD",
              help="Reference date for chronology checks (default: the notice's own date).")
@click.option("--against", "against", type=click.Path(dir_okay=False), default=None, metavar="INDEX",
              help="Report passages shared with notices in this corpus index (see 'rectlint index').")
@click.option("--baseline", "baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Report only findings not recorded in this baseline.")
@click.option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None,
              metavar="FILE", help="Record the current findings as accepted, then exit 0.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (such as punctuation width) to the drafts.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply meaning-bearing repairs.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a diff instead of writing them.")
@click.option("--kind", type=click.Choice(["auto", *KINDS]), default=None,
              help="What the drafts are (default auto: detected per document; see --explain-outline).")
@click.option("--max-mib", type=click.FloatRange(min=0, min_open=True), default=None, metavar="MIB",
              help="Largest input to read, files and standard input alike (default 50).")
@click.option("--follow-symlinks", is_flag=True,
              help="In folders, also follow symbolic links that lead out of the folder.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to lint with; 0 uses every core, 1 lints serially.")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the per-file result cache.")
@click.option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="DIR",
              help="Where the per-file result cache lives (default .rectlint_cache, or RECTLINT_CACHE_DIR).")
@click.option("--explain-outline", is_flag=True,
              help="Print each document's kind, completeness and outline as rectlint reads them, then exit.")
@click.version_option(__version__, "--version", prog_name="rectlint")
def check(paths, select, ignore, fmt, lang, fail_on, exit_zero, config_path, as_of, against,
          baseline, write_baseline, fix, unsafe_fixes, show_diff, kind, max_mib, follow_symlinks, jobs, no_cache,
          cache_dir, explain_outline):
    """Lint drafts and report findings."""
    from .api import LintContext, Linter

    if not paths:
        raise click.UsageError("no PATH given; try 'rectlint --help'")
    context = LintContext(as_of=parse_date(as_of, "--as-of") if as_of else None,
                          kind=kind if kind and kind != "auto" else None)
    # Fixes, diffs, the HTML report and the outline need whole documents; the rest keep views.
    whole = bool(fix or show_diff or explain_outline or fmt == "html")
    cache = None if no_cache else (cache_dir or os.environ.get("RECTLINT_CACHE_DIR") or ".rectlint_cache")
    linter = Linter(config_path, _split(select), _split(ignore), context, against=against, max_mib=max_mib,
                    follow_symlinks=follow_symlinks, keep_documents=whole, jobs=jobs or os.cpu_count() or 1,
                    cache_dir=cache, on_warning=lambda message: click.echo(f"rectlint: warning: {message}", err=True))
    lang = lang or linter.config_for(".").lang or "zh"
    streaming = getattr(reporter(fmt), "STREAMING", False) and not (baseline or write_baseline or whole)
    if streaming:
        return _stream(linter, paths, fmt, lang, fail_on, exit_zero)
    progress = Progress(lang)

    def unread(message):
        progress.clear()
        click.echo(f"rectlint: {message}", err=True)
    result = linter.lint_paths(paths, outline_only=explain_outline, on_error=unread, progress=progress)
    progress.clear()
    failed = len(result.errors)
    if not result.documents and not failed:
        _nothing_to_lint(paths)
    if explain_outline:
        from .explain_outline import describe
        for item in result.documents.values():
            click.echo(describe(item.document))
        return 2 if failed else 0
    findings = result.findings

    if write_baseline:
        from .baseline import write_baseline as write
        count = write(Path(write_baseline), findings)
        click.echo(f"rectlint: {count} findings recorded in {write_baseline}", err=True)
        return 2 if failed else 0
    accepted = None
    if baseline:
        from .baseline import apply_baseline
        findings = apply_baseline(Path(baseline), findings, list(result.documents))
        accepted = lambda found: apply_baseline(Path(baseline), found, [])  # noqa: E731
    if fix or show_diff:
        from .fixes import diff, fix_result
        outcome = fix_result(result, findings, unsafe_fixes, write=not show_diff, accepted=accepted)
        for path in outcome.not_fixable:
            click.echo(f"rectlint: {printable(path)}: not rewritten (only .txt and .md drafts are fixed)", err=True)
        for message in outcome.errors:
            click.echo(f"rectlint: {message}", err=True)
        failed += len(outcome.errors)
        if show_diff:
            for path, (old, new) in outcome.fixed.items():
                click.echo(diff(printable(path), old, new), nl=False)
            return 2 if failed else (1 if outcome.fixed else 0)
        if outcome.applied:
            click.echo(f"rectlint: applied {outcome.applied} fixes", err=True)
        findings = outcome.findings
    findings.sort(key=lambda f: f.sort_key())
    color = _color(fmt)
    docs = {path: item.document for path, item in result.documents.items()}
    click.echo(render(fmt, findings, RunInfo(docs, result.rules, lang, color, failed)), nl=False)
    _step_summary(fmt, Tally(findings), lang)
    if failed:
        return 2
    levels = {path: _fail_level(item, fail_on) for path, item in result.documents.items()}
    failing = any(severity_rank(f.severity) >= levels[f.path] for f in findings)
    return 1 if failing and not exit_zero else 0


def _fail_level(item, fail_on) -> int:
    """--fail-on over the document's configured fail-on."""
    return severity_rank(fail_on) if fail_on else item.fail_level


def _nothing_to_lint(paths) -> None:
    click.echo("rectlint: nothing to lint: no .txt, .md, .docx or .html file in "
               + ", ".join(printable(p) for p in paths), err=True)


def _step_summary(fmt: str, tally, lang: str) -> None:
    """GitHub shows only some annotations per step; the step summary counts them all."""
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from .report.github import step_summary
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
            handle.write(step_summary(tally, lang))


def _color(fmt: str) -> bool:
    return fmt == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _stream(linter, paths, fmt, lang, fail_on, exit_zero) -> int:
    """Print each document's findings as it is linted. Neither documents nor findings are
    kept: the summary and the exit code need only counts."""
    color = _color(fmt)
    errors, tally, failing, seen = [], Tally(), False, 0
    stream = reporter(fmt).Stream(RunInfo({}, [], lang, color))

    progress = Progress(lang)

    def unread(message):
        progress.clear()
        click.echo(f"rectlint: {message}", err=True)
        errors.append(message)

    for item in linter.iter_paths(paths, unread, progress=progress):
        seen += 1
        tally.add(item.findings)
        failing = failing or any(severity_rank(f.severity) >= _fail_level(item, fail_on) for f in item.findings)
        stream.run.documents = {item.path: item.document}
        chunk = stream.document(item.path, item.findings)
        if chunk:
            progress.clear()
            click.echo(chunk, nl=False)
    progress.clear()
    if not seen and not errors:
        _nothing_to_lint(paths)
    stream.run.documents, stream.run.failed = {}, len(errors)
    click.echo(stream.end(tally), nl=False)
    _step_summary(fmt, tally, lang)
    if errors:
        return 2
    return 1 if failing and not exit_zero else 0


@cli.command("rules")
def rules_cmd():
    """List every rule with its category, default severity and summary."""
    rules = sorted(all_rules().values(), key=lambda r: (r.category, r.id))
    width = max((len(r.id) for r in rules), default=10)
    for rule in rules:
        click.echo(f"{rule.id:<{width}}  {rule.category:<12} {rule.severity:<8} {rule.summary}")


@cli.command("explain")
@click.argument("rule_id")
def explain(rule_id):
    """Print a rule's documentation."""
    rules = all_rules()
    if rule_id not in rules:
        raise click.UsageError(f"unknown rule {rule_id!r}; see 'rectlint rules'")
    rule = rules[rule_id]
    click.echo(f"{rule.id}  (category: {rule.category}, default severity: {rule.severity})\n")
    click.echo(rule.doc)
    if rule.options:
        click.echo("\nOptions (defaults):")
        for key, value in rule.options.items():
            choices = rule.choices.get(key)
            extra = f"  one of: {', '.join(map(str, choices))}" if choices else ""
            click.echo(f"  {key}: {value!r}{extra}")


@cli.group("index")
def index_group():
    """Manage the corpus index of earlier notices (an SQLite file)."""


_INDEX_OPTION = click.option("--index", "index_path", type=click.Path(dir_okay=False),
                             default=None, show_default=".rectlint/corpus.sqlite",
                             help="The index file.")


def _index_path(index_path):
    from .corpus import DEFAULT_INDEX
    return Path(index_path or DEFAULT_INDEX)


@index_group.command("add")
@_INDEX_OPTION
@click.argument("paths", nargs=-1, required=True)
def index_add(index_path, paths):
    """Add drafts or folders to the index; re-adding unchanged text does nothing."""
    from .corpus import Corpus

    errors = []

    def unread(message):
        click.echo(f"rectlint: {message}", err=True)
        errors.append(message)

    with Corpus(_index_path(index_path), create=True) as corpus:
        counts = corpus.add_paths(paths, unread)
    click.echo(f"{counts['added']} added, {counts['updated']} updated, {counts['unchanged']} unchanged "
               f"in {_index_path(index_path)}")
    return 2 if errors else 0


@index_group.command("remove")
@_INDEX_OPTION
@click.argument("paths", nargs=-1, required=True)
def index_remove(index_path, paths):
    """Remove documents from the index by the path they were added under."""
    from .corpus import Corpus

    with Corpus(_index_path(index_path)) as corpus:
        removed = sum(corpus.remove(Path(p).as_posix()) for p in paths)
    click.echo(f"{removed} removed")
    return 0 if removed == len(paths) else 1


@index_group.command("list")
@_INDEX_OPTION
def index_list(index_path):
    """List the indexed documents."""
    from .corpus import Corpus

    with Corpus(_index_path(index_path), readonly=True) as corpus:
        for path, chars, hashes, added in corpus.documents():
            click.echo(f"{path}\t{chars} chars\t{hashes} fingerprints\tadded {added}")


@index_group.command("stats")
@_INDEX_OPTION
def index_stats(index_path):
    """Print the index's size."""
    from .corpus import Corpus

    with Corpus(_index_path(index_path), readonly=True) as corpus:
        for key, value in corpus.stats().items():
            click.echo(f"{key}: {value}")


@index_group.command("check")
@_INDEX_OPTION
def index_check(index_path):
    """Verify the document-frequency table against the postings (exit 1 when they disagree)."""
    from .corpus import Corpus

    with Corpus(_index_path(index_path), readonly=True) as corpus:
        problems = corpus.check()
    for problem in problems[:20]:
        click.echo(problem)
    click.echo(f"{len(problems)} problems" if problems else "the index is consistent")
    return 1 if problems else 0


@index_group.command("repair")
@_INDEX_OPTION
def index_repair(index_path):
    """Rebuild the document-frequency table from the postings."""
    from .corpus import Corpus

    with Corpus(_index_path(index_path)) as corpus:
        fixed = corpus.repair()
    click.echo(f"repaired {fixed} problems" if fixed else "the index was consistent")


def main(argv=None) -> None:
    """Entry point: every failure is one line on stderr, never a traceback."""
    try:
        code = cli.main(args=argv, prog_name="rectlint", standalone_mode=False)
    except click.UsageError as exc:
        click.echo(f"rectlint: {exc.format_message()}", err=True)
        code = 2
    except click.Abort:
        click.echo("rectlint: aborted", err=True)
        code = 130
    except click.ClickException as exc:
        click.echo(f"rectlint: {exc.format_message()}", err=True)
        code = exc.exit_code
    except RectlintError as exc:
        click.echo(f"rectlint: {exc}", err=True)
        code = 2
    except BrokenPipeError:
        # The reader went away (rectlint … | head); keep the interpreter from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except OSError as exc:
        # The environment, not rectlint: a permission, a full disk, a read-only folder.
        where = f"{printable(str(exc.filename))}: " if exc.filename else ""
        click.echo(f"rectlint: {where}{exc.strerror or exc}", err=True)
        code = 2
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # noqa: BLE001 - the promise: no traceback reaches a user
        sqlite3 = sys.modules.get("sqlite3")  # imported only by the corpus index, when used
        if sqlite3 is not None and isinstance(exc, sqlite3.Error):
            click.echo(f"rectlint: the corpus index: {exc}", err=True)
        else:
            click.echo(f"rectlint: internal error: {type(exc).__name__}: {exc}; please report this", err=True)
        code = 2
    sys.exit(code or 0)


if __name__ == "__main__":
    main()

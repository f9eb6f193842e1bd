"""The command line: `rectlint PATH...`, `rectlint rules`, `rectlint explain RULE`."""

from __future__ import annotations

import gc
import os
import sys
from contextlib import nullcontext

import click

from . import __version__
from .cli_language import Command, Group, Option, click_word, current, option, requested
from .config import parse_date
from .errors import RectlintError, os_error
from .conventions.kinds import KINDS
from .finding import SEVERITIES
from .messages import Said, in_language, text
from .progress import Progress
from .registry import all_rules
from .text import display_width, printable
from .output import Output, fix_hint, rule_statistics, use_color
from .reflow import fill, wrap
from .report import FORMATS, RunInfo, Tally, render, reporter
from .report.labels import category, severity


class _DefaultGroup(Group):
    """`rectlint [OPTIONS] [PATH]...` means `rectlint check ...`; `rectlint --help` is the help
    of that one command surface, with the other commands listed beneath."""

    # Imported when named: a check never loads the server's command.
    lazy = {"serve": ("rectlint.serve.command", "serve"), "index": ("rectlint.index_command", "index_group")}

    def parse_args(self, ctx, args):
        if not args or args[0] not in self.list_commands(ctx):
            args = ["check", *args]
        return super().parse_args(ctx, args)

    def list_commands(self, ctx):
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx, name):
        if name not in self.commands and name in self.lazy:
            import importlib

            module, attribute = self.lazy[name]
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return self.commands.get(name)


class _CheckCommand(Command):
    def format_usage(self, ctx, formatter):
        formatter.write_usage("rectlint", "[OPTIONS] [PATH]...")

    def format_epilog(self, ctx, formatter):
        group = ctx.parent.command if ctx.parent is not None else None
        names = group.list_commands(ctx) if group else []
        others = [(name, group.get_command(ctx, name).get_short_help_str(80)) for name in names if name != "check"]
        if others:
            with formatter.section(click_word("Commands")):
                formatter.write_dl(others)
            formatter.write_paragraph()
            formatter.write_text(text("help.commands-hint", current(ctx)))


@click.group(cls=_DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]}, help="help.rectlint")
def cli():
    pass


class Positive(click.FloatRange):
    """A finite number above 0: click's FloatRange lets inf and nan through (nan compares false
    with every bound)."""

    def __init__(self):
        super().__init__(min=0, min_open=True)

    def convert(self, value, param, ctx):
        import math

        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number above 0.", param, ctx)
        return number


def _split(values) -> list[str]:
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


@cli.command("check", cls=_CheckCommand, context_settings={"help_option_names": ["-h", "--help"]}, help="help.check")
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@option("--select", multiple=True, metavar="IDS", help="help.select")
@option("--ignore", multiple=True, metavar="IDS", help="help.ignore")
@option("--format", "fmt", type=click.Choice((*FORMATS, "docx")), default="text", show_default=True,
        help="help.format")
@option("--lang", type=click.Choice(["zh", "en"]), default=None, help="help.lang")
@option("-o", "--output-file", type=click.Path(dir_okay=False, writable=True), default=None, metavar="FILE",
        help="help.output-file")
@option("-q", "--quiet", is_flag=True, help="help.quiet")
@option("--statistics", is_flag=True, help="help.statistics")
@option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
        help="help.color")
@option("--fail-on", type=click.Choice(SEVERITIES), default=None, help="help.fail-on")
@option("--exit-zero", is_flag=True, help="help.exit-zero")
@option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FILE", help="help.config")
@option("--stdin-filename", default=None, metavar="PATH", help="help.stdin-filename")
@option("--as-of", default=None, metavar="YYYY-MM-DD", help="help.as-of")
@option("--against", "against", type=click.Path(dir_okay=False), default=None, metavar="INDEX", help="help.against")
@option("--baseline", "baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE", help="help.baseline")
@option("--write-baseline", "write_baseline", type=click.Path(dir_okay=False), default=None, metavar="FILE",
        help="help.write-baseline")
@option("--fix", is_flag=True, help="help.fix")
@option("--unsafe-fixes", is_flag=True, help="help.unsafe-fixes")
@option("--diff", "show_diff", is_flag=True, help="help.diff")
@option("--show-fixes", is_flag=True, help="help.show-fixes")
@option("--annotate", is_flag=True, help="help.annotate")
@option("--fix-as-revisions", is_flag=True, help="help.fix-as-revisions")
@option("--kind", type=click.Choice(["auto", *KINDS]), default=None, help="help.kind")
@option("--max-mib", type=Positive(), default=None, metavar="MIB", help="help.max-mib")
@option("--follow-symlinks", is_flag=True, help="help.follow-symlinks")
@option("--force-exclude", is_flag=True, help="help.force-exclude")
@option("-j", "--jobs", type=click.IntRange(min=0), default=0, show_default=True, metavar="N", help="help.jobs")
@option("--no-cache", is_flag=True, help="help.no-cache")
@option("--cache-dir", type=click.Path(file_okay=False), default=None, metavar="DIR", help="help.cache-dir")
@option("--explain-outline", is_flag=True, help="help.explain-outline")
@click.version_option(__version__, "--version", prog_name="rectlint", help="help.version", cls=Option)
def check(paths, select, ignore, fmt, lang, output_file, quiet, statistics, color, fail_on, exit_zero, config_path,
          stdin_filename, as_of, against, baseline, write_baseline, fix, unsafe_fixes, show_diff, show_fixes,
          annotate, fix_as_revisions, kind, max_mib, follow_symlinks, force_exclude, jobs, no_cache, cache_dir,
          explain_outline):
    from .api import LintContext, Linter
    from .pipeline import CheckOptions

    if not paths:
        paths = ("-",) if stdin_filename else (".",)
    # An explicit --kind auto is kept: it overrides a configured kind, as every option does.
    context = LintContext(as_of=parse_date(as_of, "--as-of") if as_of else None, kind=kind)
    docx_out = None
    if fmt == "docx":  # the annotated .docx is the report; people still get the text one
        if not output_file:
            raise click.UsageError(text("annotate.needs-one-file", lang or "zh"))
        docx_out, output_file, fmt, annotate = output_file, None, "text", True
    options = CheckOptions(baseline=baseline, write_baseline=write_baseline, fix=fix, unsafe_fixes=unsafe_fixes,
                           diff=show_diff, annotate=annotate, annotate_to=docx_out,
                           fix_as_revisions=fix_as_revisions, fail_on=fail_on, exit_zero=exit_zero,
                           outline_only=explain_outline)
    # Fixes, diffs, the HTML report, the outline and annotation need whole documents; the rest keep views.
    whole = options.whole or fmt == "html"
    cache = None if no_cache else (cache_dir or os.environ.get("RECTLINT_CACHE_DIR") or ".rectlint_cache")
    chosen = click.get_current_context().find_object(Chosen) or Chosen()
    chosen.lang = lang  # --lang: even a configuration in error is reported in it
    linter = Linter(config_path, _split(select), _split(ignore), context, against=against, max_mib=max_mib,
                    follow_symlinks=follow_symlinks, keep_documents=whole, jobs=jobs,
                    cache_dir=cache, stdin_filename=stdin_filename, force_exclude=force_exclude,
                    on_warning=None if quiet else _warner(chosen))
    lang = options.lang = chosen.lang = lang or linter.config_for(stdin_filename or ".").lang or "zh"
    run = RunInfo({}, [], lang, use_color(color, bool(output_file), fmt), unsafe=unsafe_fixes, show_fixes=show_fixes)
    out = Output(output_file, run.color)
    try:
        if getattr(reporter(fmt), "STREAMING", False) and not (baseline or write_baseline or whole):
            return _stream(linter, paths, fmt, run, out, quiet, statistics, options)
        return _whole(linter, paths, options, fmt, run, out, quiet, statistics)
    finally:
        out.close()


def _whole(linter, paths, options, fmt, run, out, quiet, statistics) -> int:
    """The whole check (Linter.check), then what it found and did, printed."""
    progress = Progress(run.lang)

    def read(result):  # said before anything is written
        progress.clear()
        run.linted = len(result.documents)
        if not result.documents and not result.errors and not any(s.why == "excluded" for s in result.skipped):
            _nothing_to_lint(paths, run.lang)
        if not quiet:
            _say_skipped(result.skipped, run.lang)

    done = linter.check(paths, options, on_error=_unread(progress, [], run.lang), progress=progress, on_read=read)
    result = done.result
    if options.outline_only:
        from .explain_outline import describe
        for item in result.documents.values():
            out.write(describe(item.document, run.lang) + "\n")
        return done.status
    if options.write_baseline:
        click.echo("rectlint: " + text("cli.baseline-written", run.lang, count=done.baseline_written,
                                       file=printable(options.write_baseline)), err=True)
        return done.status
    if options.fix or options.diff:
        for path in done.not_fixable:
            click.echo("rectlint: " + text("input.not-fixable", run.lang, name=printable(path)), err=True)
        for message in (*done.fix_errors, *done.notes):
            click.echo("rectlint: " + in_language(message, run.lang), err=True)
        if options.diff:
            from .fixes import diff
            for path, (old, new) in done.fixed.items():
                out.write(diff(printable(path), old, new))
            if not done.fixed:
                _unsafe_only_hint(Tally(done.findings), run.lang, options.unsafe_fixes)
            return done.status
        if done.applied and not quiet:
            click.echo("rectlint: " + text("cli.applied", run.lang, count=done.applied), err=True)
        elif not done.applied:
            _unsafe_only_hint(Tally(done.findings), run.lang, options.unsafe_fixes)
    _say_annotated(done.annotations, run.lang, quiet)
    findings = done.findings
    tally = Tally(findings)
    run.documents, run.rules = {p: item.document for p, item in result.documents.items()}, result.rules
    run.errors = done.errors
    run.failed = len(run.errors)
    if statistics:
        out.write(rule_statistics(tally, all_rules(), fmt, run.lang))
    elif quiet and fmt == "text" and not out.to_file:
        out.write(reporter("text").Stream(run).end(tally))
    else:
        out.write(render(fmt, findings, run))
    _after(fmt, tally, run, out, options.fix, options.fix_as_revisions, quiet)
    return done.status


def _stream(linter, paths, fmt, run, out, quiet, statistics, options) -> int:
    """Print each document's findings as it is linted. Neither documents nor findings are
    kept: the summary and the exit code need only counts."""
    errors, tally, failing, seen, skipped = [], Tally(), False, 0, []
    stream = reporter(fmt).Stream(run)
    silent = statistics or (quiet and fmt == "text" and not out.to_file)
    progress = Progress(run.lang)
    for item in linter.iter_paths(paths, _unread(progress, errors, run.lang), progress=progress,
                                  on_skip=skipped.append):
        seen += 1
        tally.add(item.findings)
        failing = failing or options.fails(item, item.findings)
        run.documents = {item.path: item.document}
        chunk = "" if silent else stream.document(item.path, item.findings)
        if chunk:
            progress.clear()
            out.write(chunk)
    progress.clear()
    if not seen and not errors and not any(s.why == "excluded" for s in skipped):
        _nothing_to_lint(paths, run.lang)
    if not quiet:
        _say_skipped(skipped, run.lang)
    run.documents, run.failed, run.linted = {}, len(errors), seen
    out.write(rule_statistics(tally, all_rules(), fmt, run.lang) if statistics else stream.end(tally))
    _after(fmt, tally, run, out, False, quiet=quiet)
    if errors:
        return 2
    return 1 if failing and not options.exit_zero else 0


def _say_annotated(annotations, lang: str, quiet: bool) -> None:
    """Each annotated copy written, or the line saying why it could not be."""
    for done in annotations:
        if done.error is not None:
            click.echo("rectlint: " + in_language(done.error, lang), err=True)
        elif not quiet:
            written = done.written
            click.echo("rectlint: " + text("annotate.wrote", lang, name=printable(done.target),
                                           comments=written.comments, revisions=written.revisions), err=True)
            if written.skipped:
                click.echo("rectlint: " + text("annotate.skipped", lang, count=len(written.skipped)), err=True)


def _say_skipped(skipped: list, lang: str) -> None:
    """On stderr, before the summary: each file a folder walk left out that could be taken for
    a draft, and why; the other files only counted."""
    named = [s for s in skipped if s.why != "other"]
    if named:
        click.echo("rectlint: " + text("skip.head", lang, count=len(named)), err=True)
        for s in named:
            click.echo(text("skip." + s.why, lang, name=printable(s.path),
                            suffix=os.path.splitext(s.path)[1].lower()), err=True)
    others = len(skipped) - len(named)
    if others and named:
        click.echo("rectlint: " + text("skip.others", lang, count=others), err=True)


def _warner(chosen: Chosen):
    """What a reader says about a draft it could still read, in the run's language (once it is
    chosen) when it was worded in both."""
    def warn(message) -> None:
        lang = chosen.lang or "zh"
        if isinstance(message, Said):
            click.echo("rectlint: " + in_language(message, lang), err=True)
        else:
            click.echo("rectlint: " + text("cli.warning", lang, message=message), err=True)
    return warn


def _unread(progress, errors: list, lang: str):
    """What to do with an input that cannot be read: one line on stderr in the reader's language
    (the progress line taken away first), remembered in `errors`."""
    def unread(message):
        progress.clear()
        click.echo("rectlint: " + in_language(message, lang), err=True)
        errors.append(message)
    return unread


def _after(fmt: str, tally, run, out, fixed: bool, revised: bool = False, quiet: bool = False) -> None:
    """What follows the report: the hints about fixes not yet made (text) and GitHub's step
    summary."""
    if fmt == "text":
        out.write(fix_hint(tally, run.lang, run.unsafe, files=not fixed, word=not revised))
    if quiet and out.to_file:  # -q -o: the report whole in the file, its summary on the terminal
        click.echo(reporter("text").Stream(run).end(tally), nl=False)
    _step_summary(fmt, tally, run.lang)


def _unsafe_only_hint(tally, lang: str, unsafe: bool) -> None:
    """--fix or --diff found nothing safe to do: say so when unsafe repairs exist."""
    hint = fix_hint(tally, lang, unsafe, word=False)
    if hint:
        click.echo("rectlint: " + hint.strip().replace("\n", "\nrectlint: "), err=True)


def _nothing_to_lint(paths, lang: str) -> None:
    click.echo("rectlint: " + text("cli.nothing-to-lint", lang, paths=[printable(p) for p in paths]), err=True)


def _step_summary(fmt: str, tally, lang: str) -> None:
    """GitHub shows only some annotations per step; the step summary counts them all."""
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        from .report.github import step_summary
        with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
            handle.write(step_summary(tally, lang))


@cli.command("rules", help="help.rules")
@option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="help.rules.lang")
def rules_cmd(lang):
    rules = sorted(all_rules().values(), key=lambda r: (r.category, r.id))
    width = max((len(r.id) for r in rules), default=10)
    for rule in rules:
        cat, sev = category(rule.category, lang), severity(rule.severity, lang)
        click.echo(f"{rule.id:<{width}}  {_pad(cat, 12)} {_pad(sev, 8)} {rule.summary_in(lang)}")


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - display_width(text))


@cli.command("explain", help="help.explain")
@click.argument("rule_id", metavar="RULE")
@option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="help.explain.lang")
def explain(rule_id, lang):
    rules = all_rules()
    if rule_id not in rules:
        raise click.UsageError(text("cli.unknown-rule", lang, rule=rule_id))
    rule = rules[rule_id]
    cat, sev = category(rule.category, lang), severity(rule.severity, lang)
    click.echo(text("explain.head", lang, rule=rule.id, category=cat, severity=sev) + "\n")
    import shutil  # here: shutil (with bz2, lzma) costs every run's cold start

    width = min(shutil.get_terminal_size().columns, 80)
    click.echo(fill(rule.doc_in(lang), width, lang))
    if rule.options:
        click.echo("\n" + text("explain.options", lang))
        for key, value in rule.options.items():
            choices = rule.choices.get(key)
            extra = text("explain.choices", lang, choices=list(map(str, choices))) if choices else ""
            click.echo("\n".join(wrap(f"{key}: {value!r}{extra}", width, "  ", "      ")))


class Chosen:
    """The language a run has chosen (None: not yet), handed to the command as click's context
    object, so that main() words a failure in it: a configuration's `lang:` is known only once
    the configuration is read."""

    def __init__(self):
        self.lang: str | None = None


def main(argv=None) -> None:
    """Entry point: every failure is one line on stderr, never a traceback."""
    if argv is None:
        # The command's own process: what the imports made lives as long as it does. Frozen, the
        # cyclic collector never walks it again, during the run or at exit (a cold run of a
        # 42 KB notice: 8 ms of 88). Not when called with arguments, as tests do in their process.
        gc.freeze()
    chosen = Chosen()
    args = sys.argv[1:] if argv is None else list(argv)
    asked = requested(args)  # what the line says before click has parsed it

    def lang() -> str:
        return chosen.lang or asked

    def say(line: str) -> None:
        click.echo("rectlint: " + line, err=True)

    try:
        code = cli.main(args=args, prog_name="rectlint", standalone_mode=False, obj=chosen)
    except click.ClickException as exc:  # a usage error, or a bad value; worded when shown, in the context's language
        with exc.ctx.scope(cleanup=False) if getattr(exc, "ctx", None) is not None else nullcontext():
            message = exc.format_message()
        if (current(exc.ctx) if getattr(exc, "ctx", None) is not None else asked) == "zh":
            # click joins its sentences with ". " and a space; in Chinese a full stop needs neither
            message = message.replace("。 ", "。").removesuffix(".") + ("。" if message.endswith("'.") else "")
        say(message)
        code = 2 if isinstance(exc, click.UsageError) else exc.exit_code
    except click.Abort:
        say(text("cli.aborted", lang()))
        code = 130
    except RectlintError as exc:
        say(in_language(exc.message, chosen.lang or getattr(exc, "lang", None) or asked))
        code = 2
    except BrokenPipeError:
        # The reader went away (rectlint … | head); keep the interpreter from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except OSError as exc:
        # The environment, not rectlint: a permission, a full disk, a read-only folder.
        say(os_error(exc, lang()))
        code = 2
    except KeyboardInterrupt:
        code = 130
    except Exception as exc:  # noqa: BLE001 - the promise: no traceback reaches a user
        sqlite3 = sys.modules.get("sqlite3")  # imported only by the corpus index, when used
        psycopg = sys.modules.get("psycopg")
        if sqlite3 is not None and isinstance(exc, sqlite3.Error):
            say(text("cli.index-error", lang(), error=exc))
        elif psycopg is not None and isinstance(exc, psycopg.Error):  # its text could hold a password: not shown
            say(text("cli.index-error", lang(), error=type(exc).__name__))
        else:
            say(text("cli.internal-error", lang(), error=f"{type(exc).__name__}: {exc}"))
        code = 2
    sys.exit(code or 0)


if __name__ == "__main__":
    main()

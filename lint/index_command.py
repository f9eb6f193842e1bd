"""`rectlint index …`: the corpus index's commands, on either engine.

`--index` (or RECTLINT_INDEX) is a file path for SQLite, the default, or a postgresql:// URL.
Every command prints in Chinese unless `--lang en`; a location is printed without its password.
"""

from __future__ import annotations

import click

from .messages import in_language, text
from .text import printable

_LANGS = click.Choice(["zh", "en"])


def _options(command):
    command = click.option("--lang", type=_LANGS, default="zh", show_default=True,
                           help="Language of what the command prints.")(command)
    return click.option("--index", "location", envvar="RECTLINT_INDEX", default=None, metavar="INDEX",
                        show_default=".rectlint/corpus.sqlite",
                        help="The index: a file (SQLite) or a postgresql:// URL (also RECTLINT_INDEX).")(command)


def _chosen(location, lang: str) -> str:
    from . import cli
    from .corpus import DEFAULT_INDEX

    cli._LANG["chosen"] = lang  # an error line is printed in the command's language
    return location or DEFAULT_INDEX


def _open(location, lang: str, **mode):
    from .corpus import Corpus

    return Corpus(_chosen(location, lang), **mode)


@click.group("index")
def index_group():
    """Manage the corpus index of earlier notices (an SQLite file or a PostgreSQL database)."""


@index_group.command("add")
@_options
@click.option("--issuer", default=None, metavar="NAME",
              help="The issuing unit of these notices (default: read from each signature or title).")
@click.argument("paths", nargs=-1, required=True)
def index_add(location, lang, issuer, paths):
    """Add drafts or folders to the index; re-adding unchanged text does nothing."""
    errors = []

    def unread(message):
        click.echo("rectlint: " + in_language(message, lang), err=True)
        errors.append(message)

    with _open(location, lang, create=True) as corpus:
        counts = corpus.add_paths(paths, unread, issuer=issuer)
        click.echo(text("index.added", lang, **counts, path=corpus.location))
    return 2 if errors else 0


@index_group.command("remove")
@_options
@click.argument("paths", nargs=-1, required=True)
def index_remove(location, lang, paths):
    """Remove documents from the index by the path they were added under."""
    from pathlib import PurePath

    with _open(location, lang) as corpus:
        removed = 0
        for path in paths:
            if corpus.remove(PurePath(path).as_posix()):
                removed += 1
            else:
                click.echo("rectlint: " + text("index.not-indexed", lang, name=printable(path)), err=True)
    click.echo(text("index.removed", lang, count=removed))
    return 0 if removed == len(paths) else 1


@index_group.command("list")
@_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def index_list(location, lang, fmt):
    """List the indexed documents with their issuer and date."""
    with _open(location, lang, readonly=True) as corpus:
        documents = corpus.documents()
    if fmt == "json":
        import json

        keys = ("path", "chars", "fingerprints", "added", "issuer", "issued")
        click.echo(json.dumps([dict(zip(keys, row)) for row in documents], ensure_ascii=False, indent=2))
        return
    for path, chars, hashes, added, issuer, issued in documents:
        click.echo(text("index.listed", lang, path=printable(path), chars=chars, fingerprints=hashes, added=added,
                        issuer=issuer or "-", issued=issued or "-"))


@index_group.command("stats")
@_options
def index_stats(location, lang):
    """Print the index's size."""
    with _open(location, lang, readonly=True) as corpus:
        click.echo(text("index.where", lang, engine=corpus.engine.name, path=corpus.location))
        for key, value in corpus.stats().items():
            click.echo(text("index.stat." + key.replace(" ", "-"), lang, value=value))


@index_group.command("check")
@_options
def index_check(location, lang):
    """Verify the document-frequency table against the postings (exit 1 when they disagree)."""
    with _open(location, lang, readonly=True) as corpus:
        problems = corpus.check()
    for problem in problems[:20]:
        click.echo(in_language(problem, lang))
    click.echo(text("index.problems", lang, count=len(problems)) if problems else text("index.consistent", lang))
    return 1 if problems else 0


@index_group.command("repair")
@_options
def index_repair(location, lang):
    """Rebuild the document-frequency table from the postings."""
    with _open(location, lang) as corpus:
        fixed = corpus.repair()
    click.echo(text("index.repaired", lang, count=fixed) if fixed else text("index.was-consistent", lang))


@index_group.command("copy")
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("--lang", type=_LANGS, default="zh", show_default=True, help="Language of what the command prints.")
def index_copy(source, target, lang):
    """Copy every document of one index into another: SQLite to PostgreSQL, or back."""
    from .corpus import Corpus

    _chosen(source, lang)
    with Corpus(source, readonly=True) as origin, Corpus(target, create=True) as destination:
        if (origin.engine.name, origin.location) == (destination.engine.name, destination.location):
            raise click.UsageError(text("index.copy-same", lang))
        counts = origin.copy_to(destination)
        click.echo(text("index.copied", lang, **counts, source=origin.location, target=destination.location))


@index_group.command("copies")
@_options
@click.option("--min-share", type=click.FloatRange(0, 1), default=0.05, show_default=True,
              help="List a pair only when this share of one notice (0-1) is shared with the other.")
@click.option("--issuer", default=None, metavar="NAME", help="Only pairs where one issuer's name contains NAME.")
@click.option("--since", default=None, metavar="YYYY-MM-DD",
              help="Only pairs whose later notice is dated on or after this day.")
@click.option("--boilerplate-docs", type=click.IntRange(min=3), default=5, show_default=True,
              help="A passage found in this many notices or more is a formula of the genre, not a copy.")
@click.option("--min-chars", type=click.IntRange(min=13), default=20, show_default=True,
              help="Shortest shared passage reported.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True)
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="Write the report to FILE instead of standard output.")
def index_copies(location, lang, min_share, issuer, since, boilerplate_docs, min_chars, fmt, output_file):
    """List pairs of notices from different issuers that share passages, by share."""
    from .config import parse_date
    from .copies import find
    from .report.copies import render_html, render_json, render_text

    day = parse_date(since, "--since") if since else None
    with _open(location, lang, readonly=True) as corpus:
        copies, bodies = find(corpus, min_share, issuer, day, boilerplate_docs, min_chars)
    if fmt == "json":
        report = render_json(copies, bodies)
    elif fmt == "html":
        report = render_html(copies, bodies, lang)
    else:
        report = render_text(copies, bodies, lang)
    if output_file:
        with open(output_file, "w", encoding="utf-8") as handle:
            handle.write(report)
    else:
        click.echo(report, nl=False)

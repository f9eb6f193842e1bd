"""`rectlint index …`: the corpus index's commands, on either engine.

`--index` (or RECTLINT_INDEX) is a file path for SQLite, the default, or a postgresql:// URL.
Every command prints in Chinese unless `--lang en` (read before parsing, as for every command:
cli_language.requested); a location is printed without its password.
"""

from __future__ import annotations

import click

from .cli_language import Group, current, option
from .messages import in_language, text
from .text import printable

_lang_option = option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, expose_value=False,
               help="help.index.lang")


def _options(command):
    return option("--index", "location", envvar="RECTLINT_INDEX", default=None, metavar="INDEX",
                  show_default=".rectlint/corpus.sqlite", help="help.index.file")(_lang_option(command))


def _open(location, **mode):
    from .corpus import DEFAULT_INDEX, Corpus

    return Corpus(location or DEFAULT_INDEX, **mode)


@click.group("index", cls=Group, help="help.index")
@_lang_option
def index_group():
    pass


@index_group.command("add", help="help.index.add")
@_options
@option("--issuer", default=None, metavar="NAME", help="help.index.issuer")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def index_add(location, issuer, paths):
    errors, lang = [], current()

    def unread(message):
        click.echo("rectlint: " + in_language(message, lang), err=True)
        errors.append(message)

    with _open(location, create=True) as corpus:
        counts = corpus.add_paths(paths, unread, issuer=issuer)
        click.echo(text("index.added", lang, **counts, index=corpus.location))
    return 2 if errors else 0


@index_group.command("remove", help="help.index.remove")
@_options
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def index_remove(location, paths):
    from pathlib import PurePath

    lang = current()
    with _open(location) as corpus:
        removed = 0
        for path in paths:
            if corpus.remove(PurePath(path).as_posix()):
                removed += 1
            else:
                click.echo("rectlint: " + text("index.not-indexed", lang, name=printable(path)), err=True)
    click.echo(text("index.removed", lang, count=removed))
    return 0 if removed == len(paths) else 1


@index_group.command("list", help="help.index.list")
@_options
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
        help="help.index.list.format")
def index_list(location, fmt):
    lang = current()
    with _open(location, readonly=True) as corpus:
        documents = corpus.documents()
    if fmt == "json":
        import json

        keys = ("path", "chars", "fingerprints", "added", "issuer", "issued")
        click.echo(json.dumps([dict(zip(keys, row)) for row in documents], ensure_ascii=False, indent=2))
        return
    for path, chars, hashes, added, issuer, issued in documents:
        click.echo(text("index.listed", lang, path=printable(path), chars=chars, fingerprints=hashes, added=added,
                        issuer=issuer or "-", issued=issued or "-"))


@index_group.command("stats", help="help.index.stats")
@_options
def index_stats(location):
    lang = current()
    with _open(location, readonly=True) as corpus:
        click.echo(text("index.where", lang, engine=corpus.engine.name, path=corpus.location))
        for key, value in corpus.stats().items():
            click.echo(text("index.stat." + key.replace(" ", "-"), lang) + ("：" if lang == "zh" else ": ") + str(value))


@index_group.command("check", help="help.index.check")
@_options
def index_check(location):
    lang = current()
    with _open(location, readonly=True) as corpus:
        problems = corpus.check()
    for problem in problems[:20]:
        click.echo(in_language(problem, lang))
    click.echo(text("index.problems", lang, count=len(problems)) if problems else text("index.consistent", lang))
    return 1 if problems else 0


@index_group.command("repair", help="help.index.repair")
@_options
def index_repair(location):
    lang = current()
    with _open(location, damaged_ok=True) as corpus:
        fixed, lost = corpus.repair()
    click.echo(text("index.repaired", lang, count=fixed) if fixed else text("index.was-consistent", lang))
    for path in lost:
        click.echo(text("index.not-kept", lang, path=path))
    return 1 if lost else 0


@index_group.command("copy", help="help.index.copy")
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@_lang_option
def index_copy(source, target):
    from .corpus import Corpus

    lang = current()
    with Corpus(source, readonly=True) as origin, Corpus(target, create=True) as destination:
        if (origin.engine.name, origin.location) == (destination.engine.name, destination.location):
            raise click.UsageError(text("index.copy-same", lang))
        counts = origin.copy_to(destination)
        click.echo(text("index.copied", lang, **counts, source=origin.location, target=destination.location))


@index_group.command("copies", help="help.index.copies")
@_options
@option("--min-share", type=click.FloatRange(0, 1), default=0.05, show_default=True, metavar="SHARE",
        help="help.index.copies.min-share")
@option("--issuer", default=None, metavar="NAME", help="help.index.copies.issuer")
@option("--since", default=None, metavar="YYYY-MM-DD", help="help.index.copies.since")
@option("--boilerplate-docs", type=click.IntRange(min=3), default=5, show_default=True, metavar="N",
        help="help.index.copies.boilerplate-docs")
@option("--min-chars", type=click.IntRange(min=13), default=20, show_default=True, metavar="N",
        help="help.index.copies.min-chars")
@option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
        help="help.index.copies.format")
@option("-o", "--output-file", type=click.Path(dir_okay=False), default=None, metavar="FILE",
        help="help.index.copies.output-file")
def index_copies(location, min_share, issuer, since, boilerplate_docs, min_chars, fmt, output_file):
    from .config import parse_date
    from .copies import find
    from .report.copies import render_html, render_json, render_text

    lang = current()
    day = parse_date(since, "--since") if since else None
    with _open(location, readonly=True) as corpus:
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

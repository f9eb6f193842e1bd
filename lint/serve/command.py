"""`rectlint serve`: the command that starts the server. The server's own modules, and the
extra they need, are imported only when it runs."""

from __future__ import annotations

import os
from pathlib import Path

import click

from rectlint.cli import Positive
from rectlint.cli_language import Command, option
from rectlint.errors import UsageError
from rectlint.messages import said, text

from . import Settings, is_loopback

MIN_TOKEN = 16


def settings_for(host: str, token: str | None, config_path: str | None, against: str | None,
                 workers: int, max_mib: float, timeout: float, queue: int, read_timeout: float = 10.0,
                 max_connections: int = 4096):
    """The server's Settings, or UsageError/ConfigError saying why it must not start."""
    from rectlint.config import find_config, load_config

    if token is not None and len(token) < MIN_TOKEN:
        raise UsageError(said("serve.short-token"))
    if token is None and not is_loopback(host):
        raise UsageError(said("serve.needs-token", host=host))
    import importlib.util

    if any(importlib.util.find_spec(name) is None for name in ("fastapi", "uvicorn", "multipart", "fastapi_offline")):
        raise UsageError(said("serve.needs-extra"))
    config = load_config(Path(config_path)) if config_path else find_config(Path.cwd())
    if against is not None:  # a missing or damaged index stops the start, as it stops a check
        from rectlint.corpus import Corpus

        Corpus(against, readonly=True).close()
    return Settings(config=config, against=against, workers=workers or os.cpu_count() or 1, max_mib=max_mib,
                    timeout=timeout, token=token, queue=queue, read_timeout=read_timeout,
                    max_connections=min(max_connections, _open_files() - 64))


def _open_files() -> int:
    """The file descriptors this process may open, the soft limit raised to the hard one: each
    connection takes one, and running out stops every answer."""
    try:
        import resource
    except ImportError:  # not on this platform
        return 1 << 16
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 1 << 16
    if soft != resource.RLIM_INFINITY and soft < wanted:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
            soft = wanted
        except (ValueError, OSError):
            pass
    return soft if soft != resource.RLIM_INFINITY else 1 << 16


@click.command("serve", cls=Command, help="help.serve")
@option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS", help="help.serve.host")
@option("--port", type=click.IntRange(0, 65535), default=8080, show_default=True, metavar="PORT",
        help="help.serve.port")
@option("--token", envvar="RECTLINT_TOKEN", default=None, metavar="TOKEN", help="help.serve.token")
@option("--config", "config_path", type=click.Path(dir_okay=False), default=None, metavar="FILE",
        help="help.serve.config")
@option("--against", type=click.Path(dir_okay=False), default=None, metavar="INDEX", help="help.serve.against")
@option("--workers", type=click.IntRange(min=0), default=0, show_default=True, metavar="N", help="help.serve.workers")
@option("--max-mib", type=Positive(), default=10.0, show_default=True, metavar="MIB",
        help="help.serve.max-mib")
@option("--timeout", type=Positive(), default=30.0, show_default=True,
        metavar="SECONDS", help="help.serve.timeout")
@option("--queue", type=click.IntRange(min=0), default=16, show_default=True, metavar="N", help="help.serve.queue")
@option("--read-timeout", type=Positive(), default=10.0, show_default=True, metavar="SECONDS",
        help="help.serve.read-timeout")
@option("--max-connections", type=click.IntRange(min=1), default=4096, show_default=True, metavar="N",
        help="help.serve.max-connections")
@option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="help.serve.lang")
@option("--openapi", "print_openapi", is_flag=True, help="help.serve.openapi")
def serve(host, port, token, config_path, against, workers, max_mib, timeout, queue, read_timeout,
          max_connections, lang, print_openapi):
    from rectlint.cli import Chosen

    chosen = click.get_current_context().find_object(Chosen)
    if chosen is not None:  # a failure to start is said in --lang
        chosen.lang = lang
    if print_openapi:
        host, token = "127.0.0.1", None  # the description does not depend on where it is served
    settings = settings_for(host, token, config_path, against, workers, max_mib, timeout, queue, read_timeout,
                            max_connections)
    if not print_openapi:
        from .pool import preload

        preload()
    import logging

    import uvicorn

    from .app import create_app, openapi_json

    app = create_app(settings)
    if print_openapi:
        click.echo(openapi_json(app), nl=False)
        return
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    click.echo(text("serve.listening", lang, host=host, port=port, workers=settings.workers), err=True)
    from .protocol import HEAD_BYTES, protocol_for

    # Our protocol times request heads and caps connections; its bodies are timed by the app.
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False,
                http=protocol_for(settings.read_timeout, settings.max_connections),
                timeout_keep_alive=5, h11_max_incomplete_event_size=HEAD_BYTES)

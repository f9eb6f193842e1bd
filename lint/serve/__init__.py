"""`rectlint serve`: the library behind HTTP, for a CMS's pre-publish gate and for editors who
never open a terminal. Needs the `serve` extra (FastAPI, uvicorn, python-multipart).

    from rectlint.serve import Settings
    from rectlint.serve.app import create_app
    app = create_app(Settings(token="…"))   # an ASGI app: run it with uvicorn
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Settings:
    """What `rectlint serve` was started with."""

    config: object = None  # a rectlint Config; None: the defaults (the CLI passes the one it found)
    against: str | None = None  # a corpus index, as --against
    workers: int = 2
    max_mib: float = 10.0
    timeout: float = 30.0  # seconds of linting per request
    queue: int = 16  # requests that may wait for a lint process; beyond them, 503 busy
    token: str | None = None  # required on /v1/ when set
    read_timeout: float = 10.0  # seconds for a request's head, and for each part of its body
    max_connections: int = 4096  # open at once; the next is answered 503 at once


def is_loopback(host: str) -> bool:
    """Whether a host (a name, an address, or [an IPv6 address]) is this machine's loopback."""
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere

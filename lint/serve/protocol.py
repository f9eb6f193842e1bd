"""The HTTP protocol `rectlint serve` runs on: uvicorn's h11 protocol, held against clients that
are slow or absent.

- A request's head must arrive within `read_timeout` seconds of the connection opening (or of the
  last answer on it): a connection that sends nothing, or a byte a second, is closed, so idle
  connections cannot pile up until the server runs out of file descriptors.
- At most `max_connections` connections are open at once; the next is answered at once with 503
  and `Retry-After`, in the documented JSON error body, and closed, before it can hold anything.
- A request the HTTP parser cannot read (a malformed line, a head over h11's 16 KiB) gets 400 in
  the same JSON error body, not uvicorn's plain text.

The body is the application's to time (app.BodyDeadline): its deadline grows with its length.
Nothing here logs: a flood of refused connections must not become a flood of log lines.
"""

from __future__ import annotations

import json

from uvicorn.protocols.http.h11_impl import H11Protocol

from rectlint.messages import said

HEAD_BYTES = 16 * 1024  # h11's largest request head, set explicitly


def error_bytes(status: int, reason: str, code: str, message, headers: dict | None = None) -> bytes:
    """A whole HTTP/1.1 response carrying the JSON error body, that closes the connection."""
    body = json.dumps({"error": {"code": code, "message": message.zh, "zh": message.zh, "en": str(message)}},
                      ensure_ascii=False).encode("utf-8")
    lines = [f"HTTP/1.1 {status} {reason}", "content-type: application/json", f"content-length: {len(body)}",
             "connection: close", *(f"{k}: {v}" for k, v in (headers or {}).items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body


class GuardedProtocol(H11Protocol):
    read_timeout = 10.0  # seconds for a request's head
    max_connections = 4096

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._head_timer = None
        self._refused = len(self.connections) > self.max_connections
        if self._refused:
            transport.write(error_bytes(503, "Service Unavailable", "busy",
                                        said("serve.connections", limit=self.max_connections), {"retry-after": "1"}))
            transport.close()
            return
        self._await_head()

    def _await_head(self) -> None:
        self._stop_waiting()
        self._head_timer = self.loop.call_later(self.read_timeout, self._head_too_slow)

    def _stop_waiting(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_too_slow(self) -> None:
        self._head_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        cycle = self.cycle
        super().data_received(data)
        if self.cycle is not cycle:  # a request's head has arrived: the body is timed by the app
            self._stop_waiting()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._await_head()  # the next request on this connection

    def connection_lost(self, exc) -> None:
        self._stop_waiting()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        self.transport.write(error_bytes(400, "Bad Request", "bad-request", said("serve.bad-request")))
        self.transport.close()


def protocol_for(read_timeout: float, max_connections: int) -> type:
    """The protocol class with these limits (uvicorn makes one instance per connection)."""
    return type("RectlintProtocol", (GuardedProtocol,), {"read_timeout": read_timeout,
                                                         "max_connections": max_connections})

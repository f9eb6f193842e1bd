"""`rectlint serve` against slow and absent clients (issue 37), on a real server on loopback: a
request's head and body must arrive in time, a lint process is taken only once the body is in,
a client that goes away frees its lint process at once, connections are capped, and every
refusal is the documented JSON error body."""

from __future__ import annotations

import json
import socket
import time

import pytest

pytestmark = pytest.mark.slow  # a live server in its own process, and real sockets held open

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")

from test_serve_live import Server  # noqa: E402

SMALL = "关于整改进展情况的通报\n一、整改情况\n（一）关于台账不全的问题。2025年2月30日已完成整改。\n".encode()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    s = Server(tmp_path_factory.mktemp("serve"), args=["--workers", "1", "--queue", "0", "--read-timeout", "1",
                                                       "--max-connections", "12"])
    yield s
    if s.process.poll() is None:
        s.stop()


def _connect(server) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=15)
    return sock


def _head(path: str, length: int, content_type: str = "application/json") -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()


def _answer(sock: socket.socket) -> tuple[int, dict, bytes]:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return 0, {}, data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    headers = {k.lower(): v for k, v in headers.items()}
    while len(body) < int(headers.get("content-length", 0)):
        chunk = sock.recv(65536)
        if not chunk:
            break
        body += chunk
    return int(lines[0].split()[1]), headers, body


def _check(server, body: bytes = SMALL) -> tuple[int, float]:
    started = time.perf_counter()
    status, _ = server.post("/v1/check", json.dumps({"text": body.decode()}, ensure_ascii=False).encode(),
                            "application/json")
    return status, time.perf_counter() - started


def test_a_slow_body_holds_no_lint_process_and_is_let_go(server):
    slow = _connect(server)
    slow.sendall(_head("/v1/check", 2000) + b'{"text": "')  # then nothing more, or a byte now and then
    status, took = _check(server)
    assert status == 200 and took < 5  # one lint process, no queue: once 503 busy
    status, headers, body = _answer(slow)  # let go within the read timeout
    assert status == 408 and json.loads(body)["error"]["code"] == "too-slow"
    assert slow.recv(1) == b""  # and closed
    slow.close()


def test_a_connection_that_sends_no_head_is_closed(server):
    idle = _connect(server)
    partial = _connect(server)
    partial.sendall(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # a head that never ends
    started = time.monotonic()
    assert idle.recv(1) == b"" and partial.recv(1) == b""
    assert time.monotonic() - started < 8  # read timeout 1 s; once held forever
    idle.close()
    partial.close()


def test_connections_past_the_limit_get_503_with_retry_after_at_once(server):
    held = [_connect(server) for _ in range(12)]
    try:
        time.sleep(0.2)
        extra = _connect(server)
        status, headers, body = _answer(extra)
        assert status == 503 and headers["retry-after"] == "1" and json.loads(body)["error"]["code"] == "busy"
        extra.close()
    finally:
        for sock in held:
            sock.close()
    time.sleep(1.5)
    assert _check(server)[0] == 200


def test_a_request_the_http_parser_cannot_read_gets_the_json_error_body(server):
    sock = _connect(server)
    sock.sendall(b"NOT A REQUEST\r\n\r\n")
    status, headers, body = _answer(sock)
    assert status == 400 and json.loads(body)["error"]["code"] == "bad-request"
    sock.close()


def test_a_client_that_goes_away_frees_its_lint_process_at_once(server):
    notice = ("关于巡察整改进展情况的通报\n\n" + "".join(
        f"（{i}）关于第{i}项问题。整改情况：建立第{i}号台账，每月核对一次，2025年3月{i % 28 + 1}日完成。\n"
        for i in range(40_000))).encode()  # 4.7 MB, some 12 s of linting
    body = json.dumps({"text": notice.decode()}, ensure_ascii=False).encode()
    gone = _connect(server)
    gone.sendall(_head("/v1/check", len(body)) + body)
    time.sleep(1.0)  # it is being linted, for many seconds
    gone.close()
    time.sleep(0.5)
    status, took = _check(server)
    assert status == 200 and took < 5  # the one lint process was replaced at once, not when done

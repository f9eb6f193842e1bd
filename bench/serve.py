"""`rectlint serve` under load, beside the command line on the same notices, in one run.
Not a test: it prints a table.

N concurrent clients (default 8) on loopback post real-sized notices (42 KB, the long notice
of scale.py, each made unique by a last line) as file uploads to /v1/check, bounded by a
request count and a time limit. Every answer is checked: status 200 and the same findings as
`rectlint --format json` gives for that file. It reports requests/s and p50/p95/p99 latency,
then the command line's files/s over the same notices (no cache, every core), and the ratio.

Run it from an installed rectlint with the serve extra:  python bench/serve.py [--clients 8]

With --slow, the run is instead the one of issue 37: real clients post a 10 KB draft while
attackers on the same machine hold 50 connections that send a request a byte a second and 1,000
connections that send nothing (each reopened as soon as the server closes it). It reports the
real clients' latencies (goal: p95 under 2 s), the same without the attack, and what became of
the attackers' connections.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import ENV, big_notice, rectlint, timed  # noqa: E402

BOUNDARY = "rectlint-bench"


def notices(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True)
    template = folder.parent / "template.txt"
    big_notice(template)
    text = template.read_text(encoding="utf-8")
    paths = []
    for i in range(count):
        path = folder / f"n{i:03}.txt"
        path.write_text(text + f"\n（第{i}份文稿）\n", encoding="utf-8")
        paths.append(path)
    return paths


def upload(path: Path) -> bytes:
    return (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
            "Content-Type: text/plain\r\n\r\n").encode() + path.read_bytes() + f"\r\n--{BOUNDARY}--\r\n".encode()


def start_server(port: int, workers: int, cwd: Path) -> subprocess.Popen:
    server = subprocess.Popen(rectlint("serve", "--port", port, "--workers", workers), cwd=cwd, env=ENV,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("rectlint serve did not start")


def load(port: int, bodies: list, expected: list, clients: int, requests: int, limit: float):
    """Latencies of the answered requests and the count of wrong or failed ones."""
    latencies, failures, lock = [], [], threading.Lock()
    next_index = iter(range(requests))
    stop_at = time.monotonic() + limit

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for i in next_index:  # shared: each request is taken once
            if time.monotonic() > stop_at:
                return
            k = i % len(bodies)
            start = time.perf_counter()
            try:
                connection.request("POST", "/v1/check", bodies[k],
                                   {"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
                response = connection.getresponse()
                body = response.read()
                ok = response.status == 200 and json.loads(body)["findings"] == expected[k]
            except (OSError, ValueError, http.client.HTTPException) as exc:
                ok, connection = exc, http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            elapsed = time.perf_counter() - start
            with lock:
                (latencies.append(elapsed) if ok is True else failures.append((k, ok)))

    threads = [threading.Thread(target=client) for _ in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures, time.perf_counter() - began


# -- slow and idle clients ------------------------------------------------------------------------

class Attack:
    """Connections that hold the server without asking anything of it, kept at their numbers."""

    def __init__(self, port: int, slow: int, idle: int):
        self.port, self.slow, self.idle = port, slow, idle
        self.counts = {"opened": 0, "closed by the server": 0, "408": 0, "503": 0, "refused": 0}
        self.stop = threading.Event()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    async def _hold(self, slow: bool) -> None:
        while not self.stop.is_set():
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
            except OSError:
                self.counts["refused"] += 1
                await asyncio.sleep(0.5)
                continue
            self.counts["opened"] += 1
            try:
                if slow:
                    writer.write(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                 b"Content-Length: 10000\r\n\r\n")
                while not self.stop.is_set():
                    if slow:
                        writer.write(b"x")  # a byte a second
                        await writer.drain()
                    try:
                        data = await asyncio.wait_for(reader.read(4096), 1.0)
                    except asyncio.TimeoutError:
                        continue
                    if data.startswith(b"HTTP/1.1 408"):
                        self.counts["408"] += 1
                    elif data.startswith(b"HTTP/1.1 503"):
                        self.counts["503"] += 1
                    if not data or data.startswith(b"HTTP/1.1"):
                        self.counts["closed by the server"] += 1
                        break
            except OSError:
                self.counts["closed by the server"] += 1
            finally:
                writer.close()

    async def _run(self) -> None:
        tasks = [asyncio.ensure_future(self._hold(True)) for _ in range(self.slow)]
        for _ in range(self.idle):
            tasks.append(asyncio.ensure_future(self._hold(False)))
            await asyncio.sleep(0.001)
        self.ready.set()
        while not self.stop.is_set():
            await asyncio.sleep(0.2)
        await asyncio.gather(*tasks, return_exceptions=True)

    def __enter__(self):
        self.thread.start()
        self.ready.wait(60)
        time.sleep(2)  # let them all connect
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(30)


def ten_kb(folder: Path, count: int) -> list[bytes]:
    """JSON bodies of a 10 KB draft, each made unique by a last line."""
    template = folder / "template.txt"
    big_notice(template)
    text = template.read_text(encoding="utf-8")
    cut = text.encode("utf-8")[:10_000].decode("utf-8", "ignore")
    return [json.dumps({"text": cut + f"\n（第{i}份文稿）\n"}, ensure_ascii=False).encode("utf-8") for i in range(count)]


def real_clients(port: int, bodies: list, clients: int, seconds: float):
    latencies, failures, lock = [], [], threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(k):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        i = k
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                connection.request("POST", "/v1/check", bodies[i % len(bodies)], {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                ok = response.status == 200 or response.status
            except (OSError, http.client.HTTPException) as exc:
                ok, connection = type(exc).__name__, http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            elapsed = time.perf_counter() - start
            with lock:
                (latencies.append(elapsed) if ok is True else failures.append(ok))
            i += clients

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures


def _quantiles(latencies) -> str:
    if len(latencies) < 2:
        return "-"
    q = statistics.quantiles(latencies, n=100)
    return f"{q[49] * 1000:.0f} / {q[94] * 1000:.0f} / {q[98] * 1000:.0f} ms"


def slow_run(args) -> int:
    work = Path(tempfile.mkdtemp(prefix="rectlint-serve-slow-"))
    try:
        bodies = ten_kb(work, 64)
        log = open(work / "server.log", "wb")
        server = subprocess.Popen(rectlint("serve", "--port", args.port, "--workers", os.cpu_count() or 1), cwd=work,
                                  env=ENV, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        try:
            real_clients(args.port, bodies, args.clients, 5)  # warm
            calm, calm_failed = real_clients(args.port, bodies, args.clients, args.seconds)
            with Attack(args.port, args.slow_clients, args.idle) as attack:
                under, under_failed = real_clients(args.port, bodies, args.clients, args.seconds)
                counts = dict(attack.counts)
        finally:
            server.terminate()
            server.wait(15)
            log.close()
        lines = (work / "server.log").read_bytes().count(b"\n")
        print(f"machine: {os.cpu_count()} cores; {args.clients} real clients posting a 10 KB draft for "
              f"{args.seconds:g} s each way\n")
        print(f"{'':<34} {'answered':>9} {'failed':>7}   p50 / p95 / p99")
        print(f"{'no attack':<34} {len(calm):>9} {len(calm_failed):>7}   {_quantiles(calm)}")
        print(f"{f'{args.slow_clients} slow + {args.idle} idle connections':<34} {len(under):>9} "
              f"{len(under_failed):>7}   {_quantiles(under)}")
        print(f"\nattackers' connections: {counts}; server log: {lines} lines")
        p95 = statistics.quantiles(under, n=100)[94] if len(under) >= 2 else float("inf")
        print(f"p95 under attack: {p95:.2f} s (goal: under 2 s)")
        return 0 if p95 < 2 and not under_failed else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400, help="at most this many requests in all")
    ap.add_argument("--seconds", type=float, default=120, help="and for at most this long")
    ap.add_argument("--files", type=int, default=64, help="distinct notices")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--slow", action="store_true", help="the slow-client run (issue 37) instead")
    ap.add_argument("--slow-clients", type=int, default=50)
    ap.add_argument("--idle", type=int, default=1000)
    args = ap.parse_args()
    if args.slow:
        if args.seconds == 120:
            args.seconds = 60
        return slow_run(args)
    workers = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="rectlint-serve-bench-"))
    try:
        paths = notices(work / "notices", args.files)
        size = paths[0].stat().st_size
        cli = json.loads(subprocess.run(rectlint("--format", "json", "--no-cache", "--exit-zero", "."),
                                        cwd=work / "notices", env=ENV, capture_output=True).stdout)
        by_name = {p.name: [] for p in paths}
        for finding in cli:
            by_name[Path(finding["path"]).name].append({**finding, "path": Path(finding["path"]).name})
        expected = [by_name[p.name] for p in paths]
        bodies = [upload(p) for p in paths]
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; {args.files} notices of "
              f"{size / 1000:.0f} KB, {len(cli)} findings in all; server: {workers} lint processes\n")

        server = start_server(args.port, workers, work)
        try:
            load(args.port, bodies[:workers * 2], expected[:workers * 2], workers, workers * 2, 30)  # warm
            alone, lost, _ = load(args.port, bodies, expected, 1, 40, args.seconds)
            latencies, failures, seconds = load(args.port, bodies, expected, args.clients, args.requests,
                                                args.seconds)
            failures += lost
        finally:
            server.terminate()
            server.wait(10)
        answered = len(latencies)
        rate = answered / seconds
        q = statistics.quantiles(latencies, n=100) if len(latencies) >= 2 else [0] * 99
        print(f"{'rectlint serve, ' + str(args.clients) + ' clients':<40} {answered:>5} answered, "
              f"{len(failures)} failed, {rate:.1f} requests/s")
        print(f"{'  latency p50 / p95 / p99':<40} {q[49] * 1000:.0f} / {q[94] * 1000:.0f} / {q[98] * 1000:.0f} ms")
        one = statistics.quantiles(alone, n=100) if len(alone) >= 2 else [0] * 99
        print(f"{'  one client alone, p50 / p95':<40} {one[49] * 1000:.0f} / {one[94] * 1000:.0f} ms")
        cli_seconds = timed(rectlint("--format", "json", "--no-cache", "--exit-zero", "."), work / "notices")
        cli_rate = len(paths) / cli_seconds
        print(f"{'rectlint CLI, -j ' + str(workers) + ', no cache':<40} {cli_seconds:.2f} s, {cli_rate:.1f} files/s")
        print(f"{'  throughput ratio serve / CLI':<40} {rate / cli_rate:.2f} (goal: at least 0.70)")
        for k, why in failures[:5]:
            print(f"  failed: {paths[k].name}: {why}")
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

"""`rectlint serve` under load, beside the command line on the same notices, in one run.
Not a test: it prints a table.

N concurrent clients (default 8) on loopback post real-sized notices (42 KB, the long notice
of scale.py, each made unique by a last line) as file uploads to /v1/check, bounded by a
request count and a time limit. Every answer is checked: status 200 and the same findings as
`rectlint --format json` gives for that file. It reports requests/s and p50/p95/p99 latency,
then the command line's files/s over the same notices (no cache, every core), and the ratio.

Run it from an installed rectlint with the serve extra:  python bench/serve.py [--clients 8]
"""

from __future__ import annotations

import argparse
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=400, help="at most this many requests in all")
    ap.add_argument("--seconds", type=float, default=120, help="and for at most this long")
    ap.add_argument("--files", type=int, default=64, help="distinct notices")
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()
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

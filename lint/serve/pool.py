"""The lint processes behind `rectlint serve`: a fixed number, each taking one job at a time.

A job that runs past its time limit, or whose request goes away (the client disconnected),
costs its process: it is killed and a fresh one takes its place, so a pathological draft
never holds a process or the event loop. Processes are forked from a server process that has
imported the rules once (work.py), so a replacement is ready in milliseconds. The server
process starts loading them at once (`preload`) and the pool fills in the background, so the
HTTP server answers before the rules are loaded.
"""

from __future__ import annotations

import asyncio
import multiprocessing


class JobTimeout(Exception):
    pass


class WorkerLost(Exception):
    """The lint process died during the job (killed from outside, out of memory)."""


_CONTEXT: list = []


def _context():
    """The fork server where there is one, else spawn (each process then imports the rules itself).
    Chosen once; the fork server is started at once, so it loads the rules while this process
    imports the web framework."""
    if not _CONTEXT:
        _CONTEXT.append(_start_forkserver() or multiprocessing.get_context("spawn"))
    return _CONTEXT[0]


def _start_forkserver():
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return None
    ctx = multiprocessing.get_context("forkserver")
    # Not '__main__': the server's entry script has no business in a lint process.
    ctx.set_forkserver_preload(["rectlint.serve.work"])
    try:
        from multiprocessing import forkserver

        forkserver.ensure_running()
    except OSError:  # its socket cannot be made (a TMPDIR too long for a Unix socket path)
        return None
    return ctx


preload = _context


def _serve(conn, config, against) -> None:
    from .work import serve  # preloaded by the fork server: no import cost here

    serve(conn, config, against)


class _Process:
    def __init__(self, ctx, config, against):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(child, config, against), daemon=True, name="rectlint-lint")
        self.process.start()
        child.close()

    def call(self, job):
        self.conn.send(job)
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            raise WorkerLost() from None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class Pool:
    def __init__(self, size: int, config=None, against=None):
        self.size, self.config, self.against = size, config, against
        self._ctx = _context()
        self._idle: asyncio.Queue | None = None
        self._filling: asyncio.Future | None = None
        self._all: list[_Process] = []

    async def start(self) -> None:
        """Fill the pool in the background; requests wait for the first free process."""
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()

        def fill():
            for _ in range(self.size):
                process = self._new()
                loop.call_soon_threadsafe(self._idle.put_nowait, process)

        self._filling = loop.run_in_executor(None, fill)

    def _new(self) -> _Process:
        process = _Process(self._ctx, self.config, self.against)
        self._all.append(process)
        return process

    def _replace(self, process: _Process) -> _Process:
        process.stop()
        self._all.remove(process)
        return self._new()

    async def run(self, job, timeout: float):
        """The lint process's answer to `job`; JobTimeout after `timeout` seconds of linting
        (time spent waiting for a free process does not count)."""
        process = await self._idle.get()
        try:
            return await asyncio.wait_for(asyncio.to_thread(process.call, job), timeout)
        except asyncio.TimeoutError:
            process = self._replace(process)
            raise JobTimeout() from None
        except BaseException:  # lost, or the request was cancelled mid-job: the process may still be busy
            process = self._replace(process)
            raise
        finally:
            self._idle.put_nowait(process)

    async def close(self) -> None:
        if self._filling is not None:  # let the filling finish, so no process is left behind
            await self._filling
        for process in self._all:
            process.stop()
        self._all.clear()

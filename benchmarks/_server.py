"""The server side shared by the HTTP benchmarks (``bench_load.py``, ``bench_classroom.py``):
running the ``quizapp`` CLI in its own process to set up the database, and gunicorn on
127.0.0.1 and a free port, started, waited for and stopped.

The CLI runs in separate processes so that gunicorn's master never opens a database
connection and no connection crosses a fork. Imported as ``_server``: running a benchmark
as ``python benchmarks/bench_x.py`` puts this folder first on ``sys.path``, from any cwd.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

HOST = "127.0.0.1"  # loopback only


def run_cli(*command: str, env: dict[str, str], stdin: str | None = None) -> None:
    """``quizapp <command>`` in a child process; exits with its stderr if it fails."""
    cli = [sys.executable, "-c", "from quizapp.cli import cli; cli()"]
    done = subprocess.run(
        [*cli, *command], env=env, capture_output=True, input=stdin, text=True, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"quizapp {' '.join(command)} failed:\n{done.stderr[-2000:]}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(
    env: dict[str, str], workers: int, tmp: Path, probe: str, threads: int | None = None
) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """gunicorn serving the app with ``env`` for the ``with`` block, once ``probe`` (a path)
    answers; yields the server process and its port. Its log goes to ``tmp/gunicorn.log``."""
    port = free_port()
    server = _start(env, port, workers, threads, tmp)
    try:
        _wait_until_up(f"http://{HOST}:{port}", probe, server)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _start(
    env: dict[str, str], port: int, workers: int, threads: int | None, tmp: Path
) -> subprocess.Popen[bytes]:
    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", str(workers),
        *(["--threads", str(threads)] if threads is not None else []),
        "--bind", f"{HOST}:{port}",
        "--backlog", "2048",
        "--log-level", "warning",
        # gunicorn's advice: worker heartbeats in memory, not on a disk-backed /tmp.
        *(["--worker-tmp-dir", "/dev/shm"] if Path("/dev/shm").is_dir() else []),
        "quizapp:create_app()",
    ]  # fmt: skip
    log = (tmp / "gunicorn.log").open("wb")
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _wait_until_up(base: str, probe: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {server.returncode}")
        try:
            if requests.get(base + probe, timeout=2).ok:
                return
        except requests.RequestException:
            pass  # not listening yet, or a worker still booting
        time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {probe} within 60 s")

"""Load benchmark: gunicorn (4 workers) on a fresh SQLite database, N simulated learners
answering through the JSON API, and a trivial endpoint of the same app for the ratio.

    python benchmarks/bench_load.py [--seconds 30] [--learners 100] [--workers 4]

Steps: a temporary folder gets a fresh database, set up by ``quizapp db upgrade`` and
``quizapp import`` (separate processes, so gunicorn's master never opens a connection and
no connection crosses a fork); gunicorn serves it on 127.0.0.1 and a free port. Then:

1. baseline — every learner thread requests ``/healthz`` in a loop for a few seconds;
2. load — every learner (its own connection and cookie, so its own guest account) asks
   ``GET …/next`` for its first card, then loops ``POST …/answers`` with a fresh
   idempotency key, studying the ``next_card`` each answer returns (one request per card,
   as a client does). A request that fails on the network is retried with the *same* key;
   an answer counts as acknowledged only on a 2xx.

Afterwards the database is opened directly: every acknowledged key must be there exactly
once. Prints answers/s, p50/p99 latency of the answer requests, errors, lost answers, the
baseline and the ratio. Exits 1 on errors or lost answers (the correctness targets); the
speed targets (>= 250 answers/s, p99 < 500 ms) are reported as met or missed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sqlite3
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests
from _figures import percentile
from _server import HOST, gunicorn, run_cli

from questions.default_deck import DEFAULT_BANK

TARGET_RATE = 250.0
TARGET_P99_MS = 500.0
RETRIES = 3
TIMEOUT = 30.0
HEADERS = {"X-Requested-With": "bench"}


@dataclass
class Tally:
    """One learner's measurements (merged after the threads finish)."""

    latencies_ms: list[float] = field(default_factory=list)
    acked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        env = _environment(Path(tmp))
        _setup_database(env)
        with gunicorn(env, args.workers, Path(tmp), "/healthz", args.threads) as (server, port):
            slug = _deck_slug(f"http://{HOST}:{port}")
            load_before = os.getloadavg()[0]
            baseline = _run(port, args.learners, args.baseline_seconds, _health_loop)
            cpu_before = _cpu_seconds(server.pid), time.process_time()
            load = _run(port, args.learners, args.seconds, _learner_loop(slug))
            cpu = _cpu_seconds(server.pid) - cpu_before[0], time.process_time() - cpu_before[1]
        lost, duplicated = _verify(Path(env["QUIZAPP_DATABASE_URL"][len("sqlite:///") :]), load)
    return _report(args, baseline, load, (lost, duplicated), (load_before, *cpu))


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="answering phase (s)")
    parser.add_argument("--learners", type=int, default=100, help="concurrent learners")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker")
    parser.add_argument("--baseline-seconds", type=float, default=None, help="/healthz phase")
    args = parser.parse_args(argv)
    if args.baseline_seconds is None:
        args.baseline_seconds = min(5.0, args.seconds)
    return args


# --- server -------------------------------------------------------------------------------


def _environment(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "QUIZAPP_DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
            "QUIZAPP_SECRET_KEY": uuid.uuid4().hex,
            # Every learner may start every card today, so nobody runs out within the run.
            "QUIZAPP_NEW_CARDS_PER_DAY": "9999",
        }
    )
    return env


def _setup_database(env: dict[str, str]) -> None:
    run_cli("db", "upgrade", env=env)
    run_cli("import", str(DEFAULT_BANK), env=env)


def _deck_slug(base_url: str) -> str:
    decks = requests.get(base_url + "/api/v1/decks", timeout=TIMEOUT).json()["decks"]
    return str(decks[0]["slug"])


def _cpu_seconds(master: int) -> float:
    """CPU time used so far by gunicorn's workers (Linux /proc; 0.0 elsewhere)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[1]) == master:  # ppid
            total += (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    return total


# --- learners ------------------------------------------------------------------------------


class Client:
    """One learner's HTTP client: its own keep-alive connection and session cookie.

    ``http.client`` rather than ``requests``: the client shares the machine with the server,
    and its per-request cost should stay well below the server's.
    """

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection(HOST, port, timeout=TIMEOUT)
        self.cookie = ""

    def request(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers.update({"Content-Type": "application/json", **HEADERS})
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()  # reconnects on the next request
            raise
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        is_json = (response.getheader("Content-Type") or "").endswith("json")
        return response.status, json.loads(payload) if is_json else payload

    def close(self) -> None:
        self.conn.close()


Loop = Callable[[Client, float, Tally], None]


def _run(port: int, learners: int, seconds: float, loop: Loop) -> tuple[list[Tally], float]:
    """Run ``loop`` in ``learners`` threads until ``seconds`` have passed; returns the
    tallies and the measured wall time."""
    tallies = [Tally() for _ in range(learners)]
    start = time.monotonic()
    deadline = start + seconds
    threads = [
        threading.Thread(target=_learner, args=(port, loop, deadline, tally), daemon=True)
        for tally in tallies
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tallies, time.monotonic() - start


def _learner(port: int, loop: Loop, deadline: float, tally: Tally) -> None:
    client = Client(port)
    try:
        loop(client, deadline, tally)
    except Exception as exc:  # a learner must never die silently
        tally.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        client.close()


def _health_loop(client: Client, deadline: float, tally: Tally) -> None:
    while time.monotonic() < deadline:
        began = time.perf_counter()
        status, _ = client.request("GET", "/healthz")
        tally.latencies_ms.append((time.perf_counter() - began) * 1000)
        tally.requests += 1
        if status != 200:
            tally.errors.append(f"/healthz {status}")


def _learner_loop(slug: str) -> Loop:
    api = f"/api/v1/decks/{slug}"

    def loop(client: Client, deadline: float, tally: Tally) -> None:
        seen: dict[str, dict[str, Any]] = {}
        card = None
        while time.monotonic() < deadline:
            if card is None:  # first card, and after any failed answer: ask for it
                status, body = client.request("GET", api + "/next")
                tally.requests += 1
                if status != 200:
                    tally.errors.append(f"next {status}")
                    continue
                card = body["card"]
            if card is None and seen:  # done for today: keep answering cards already seen
                card = list(seen.values())[tally.requests % len(seen)]
            if card is None:
                continue
            seen[card["id"]] = card
            card = _answer(client, api, card, tally)

    return loop


def _answer(client: Client, api: str, card: dict[str, Any], tally: Tally) -> dict[str, Any] | None:
    """POST one answer (retried with the *same* key after a network error, so it is never
    counted twice); returns the next card the response carries."""
    body: dict[str, Any] = {"question_id": card["id"], "answer_key": uuid.uuid4().hex}
    body[card["answer_with"]] = {"chosen": 0, "typed": "cramp", "rating": 3}[card["answer_with"]]
    for attempt in range(RETRIES):
        began = time.perf_counter()
        try:
            status, result = client.request("POST", api + "/answers", body)
        except (OSError, http.client.HTTPException) as exc:
            if attempt == RETRIES - 1:
                tally.errors.append(f"answer: {type(exc).__name__}")
            continue
        tally.latencies_ms.append((time.perf_counter() - began) * 1000)
        tally.requests += 1
        if status in (200, 201):
            tally.acked.append(body["answer_key"])
            next_card: dict[str, Any] | None = result["next_card"]
            return next_card
        tally.errors.append(f"answer {status}: {str(result)[:200]}")
        return None
    return None


# --- verification and report ------------------------------------------------------------------


def _verify(db_path: Path, load: tuple[list[Tally], float]) -> tuple[int, int]:
    """(acknowledged answers missing from the database, keys stored more than once)."""
    acked = {key for tally in load[0] for key in tally.acked}
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT answer_key FROM review_log").fetchall()
    stored = [key for (key,) in rows]
    return len(acked - set(stored)), len(stored) - len(set(stored))


def _report(
    args: argparse.Namespace,
    baseline: tuple[list[Tally], float],
    load: tuple[list[Tally], float],
    verified: tuple[int, int],
    machine: tuple[float, float, float],
) -> int:
    lost, duplicated = verified
    load_before, server_cpu, client_cpu = machine
    answers = sum(len(t.acked) for t in load[0])
    latencies = [ms for t in load[0] for ms in t.latencies_ms]
    errors = [e for t in load[0] for e in t.errors]
    rate = answers / load[1]
    health = sum(t.requests for t in baseline[0]) / baseline[1]
    health_lat = [ms for t in baseline[0] for ms in t.latencies_ms]
    health_errors = sum(len(t.errors) for t in baseline[0])
    p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
    print(
        f"gunicorn: {args.workers} workers x {args.threads} thread(s), SQLite; "
        f"{args.learners} learners for {load[1]:.1f} s"
    )
    print(
        f"machine: {os.cpu_count()} CPUs shared by client and server; load average "
        f"{load_before:.2f} before the run, {os.getloadavg()[0]:.2f} after"
    )
    print(f"answers/s: {rate:.1f} ({answers} acknowledged answers)")
    print(f"answer latency: p50 {p50:.1f} ms, p99 {p99:.1f} ms")
    if answers:
        print(
            f"CPU per answer: server {server_cpu / answers * 1000:.1f} ms, "
            f"client {client_cpu / answers * 1000:.1f} ms"
        )
    print(f"errors: {len(errors)}")
    for error in sorted(set(errors))[:5]:
        print(f"  e.g. {error}")
    print(f"lost answers: {lost} (acknowledged, not in the database); duplicate keys: {duplicated}")
    print(
        f"/healthz: {health:.1f} requests/s, p50 {percentile(health_lat, 50):.1f} ms, "
        f"p99 {percentile(health_lat, 99):.1f} ms, errors {health_errors}"
    )
    print(f"ratio answers/s : /healthz requests/s = {rate / health if health else 0:.2f}")
    speed = rate >= TARGET_RATE and p99 < TARGET_P99_MS
    print(
        f"targets: >= {TARGET_RATE:.0f} answers/s and p99 < {TARGET_P99_MS:.0f} ms: "
        f"{'met' if speed else 'MISSED'}; zero errors and zero lost answers: "
        f"{'met' if not (errors or lost or duplicated) else 'MISSED'}"
    )
    return 1 if errors or lost or duplicated or health_errors else 0


if __name__ == "__main__":
    sys.exit(main())

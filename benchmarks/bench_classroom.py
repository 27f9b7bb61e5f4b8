"""Classroom benchmark: a whole class joins and submits an assignment at once, over HTTP.

    python benchmarks/bench_classroom.py [--students 300] [--questions 10] [--workers 4]
                                         [--database-url postgresql://…]

gunicorn (``--workers``, sync) serves the app on 127.0.0.1 and a free port. The database is
a fresh SQLite file in a temporary folder, or, with ``--database-url`` (or
``QUIZAPP_DATABASE_URL``) naming a PostgreSQL server, a fresh database created on it for
the run and dropped afterwards. It is bootstrapped by ``quizapp db upgrade``, ``quizapp
import`` and ``quizapp create-teacher`` in separate processes before gunicorn starts.

The teacher logs in, creates a class and an assignment of ``--questions`` auto-graded
questions (answers shown right away). Then every student starts at the same moment and, as
fast as it can: opens the join page, joins with the code and a display name, opens the
class page, starts the attempt, and answers each question (GET the question, POST the
answer). Each student is its own browser: its own cookie jar, one request at a time, each
on its own TCP connection (gunicorn's sync workers close the connection after every
response, as they do for real browsers). The clients are asyncio coroutines speaking plain
HTTP/1.1 over asyncio streams, in ``--client-processes`` processes (default 1): a thread
and an HTTP library per student cost the shared CPUs more than the server's work, and
would be measured as server latency. A failed POST is retried with the same idempotency
key; an answer counts as acknowledged only on the redirect that follows its commit. Every
loop is bounded.

Afterwards the teacher downloads the report's CSV: every acknowledged answer must be in it,
exactly once. Prints the time to drain (first request to last acknowledged answer), p50/p99
latency of all student requests and of the answer POSTs, errors and lost answers. Exits 1
on errors or lost answers; the p99 < 1 s target is reported as met or missed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import csv
import io
import multiprocessing
import os
import re
import secrets
import socket
import sys
import tempfile
import time
import urllib.parse
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import requests
from _figures import percentile
from _server import HOST, gunicorn, run_cli

from questions.default_deck import DEFAULT_BANK

TARGET_P99_MS = 1000.0
RETRIES = 3
TIMEOUT = 60.0
TEACHER, TEACHER_PASSWORD = "bench-teacher", "bench-teacher-password"
HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')
CHOICES = re.compile(r'name="chosen" value="(\d+)"')


@dataclass
class Tally:
    """One student's measurements (sent back from the client processes)."""

    name: str
    latencies_ms: list[float] = field(default_factory=list)
    answer_ms: list[float] = field(default_factory=list)
    acked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    last_ack: float = 0.0
    client_cpu_s: float = 0.0  # set on one tally per client process


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    with (
        tempfile.TemporaryDirectory(prefix="quizapp-classbench-") as tmp,
        _database(args.database_url, Path(tmp)) as url,
    ):
        env = _environment(url)
        _bootstrap(env)
        with gunicorn(env, args.workers, Path(tmp), "/join") as (server, port):
            base = f"http://{HOST}:{port}"
            teacher, code, assignment_id = _teacher_setup(base, args.questions)
            load_before, cpu_before = os.getloadavg()[0], _server_cpu(server.pid)
            tallies, began = _run_students(base, code, assignment_id, args)
            server_cpu = _server_cpu(server.pid) - cpu_before
            reported = _reported_answers(teacher, base, assignment_id)
    _report_cpu(server_cpu, tallies, load_before)
    return _report(args, url, tallies, began, reported)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument(
        "--client-processes",
        type=int,
        default=1,
        help="processes running the students' event loops",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("QUIZAPP_DATABASE_URL", ""),
        help="a PostgreSQL server to create the benchmark database on (default: SQLite)",
    )
    args = parser.parse_args(argv)
    if args.students < 1 or args.questions < 1 or args.workers < 1:
        parser.error("--students, --questions and --workers must be at least 1")
    return args


# --- database and server --------------------------------------------------------------------


@contextlib.contextmanager
def _database(server_url: str, tmp: Path) -> Iterator[str]:
    """A fresh database URL: a SQLite file, or a new PostgreSQL database (dropped after)."""
    if not server_url:
        yield f"sqlite:///{tmp / 'classroom-bench.sqlite3'}"
        return
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from quizapp.config import database_url

    admin_url = make_url(database_url(server_url, str(tmp)))
    name = f"quizapp_bench_{secrets.token_hex(4)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _environment(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"QUIZAPP_DATABASE_URL": url, "QUIZAPP_SECRET_KEY": uuid.uuid4().hex})
    return env


def _bootstrap(env: dict[str, str]) -> None:
    run_cli("db", "upgrade", env=env)
    run_cli("import", str(DEFAULT_BANK), env=env)
    password = f"{TEACHER_PASSWORD}\n{TEACHER_PASSWORD}\n"
    run_cli("create-teacher", TEACHER, env=env, stdin=password)


# --- the teacher ----------------------------------------------------------------------------


def _csrf(html: str) -> str:
    return dict(HIDDEN.findall(html))["csrf_token"]


def _teacher_setup(base: str, questions: int) -> tuple[requests.Session, str, int]:
    teacher = requests.Session()
    token = _csrf(teacher.get(base + "/account/login", timeout=TIMEOUT).text)
    login = {"username": TEACHER, "password": TEACHER_PASSWORD, "csrf_token": token}
    _expect(teacher.post(base + "/account/login", data=login, allow_redirects=False), 302)
    token = _csrf(teacher.get(base + "/teach/", timeout=TIMEOUT).text)
    created = teacher.post(
        base + "/teach/classes",
        data={"name": "Benchmark class", "csrf_token": token},
        allow_redirects=False,
    )
    class_url = base + _expect(created, 302).headers["Location"].replace(base, "")
    page = teacher.get(class_url, timeout=TIMEOUT).text
    code = re.search(r'id="join-code">([^<]+)<', page)
    assert code, "no join code on the class page"
    form = teacher.get(class_url + "/assignments/new", timeout=TIMEOUT).text
    data = {
        "csrf_token": _csrf(form),
        "title": "Benchmark assignment",
        "count": str(questions),
        "kinds": ["multiple_choice", "true_false", "cloze"],
        "attempts": "1",
        "answers_shown": "now",
        "timezone": "UTC",
    }
    made = teacher.post(class_url + "/assignments/new", data=data, allow_redirects=False)
    assignment_id = int(_expect(made, 302).headers["Location"].rstrip("/").rsplit("/", 1)[1])
    return teacher, code.group(1).strip(), assignment_id


def _expect(response: requests.Response, status: int) -> requests.Response:
    if response.status_code != status:
        raise SystemExit(f"{response.request.method} {response.url}: {response.status_code}")
    return response


def _reported_answers(
    teacher: requests.Session, base: str, assignment_id: int
) -> list[tuple[str, str]]:
    response = teacher.get(f"{base}/teach/assignments/{assignment_id}/results.csv", timeout=TIMEOUT)
    text = _expect(response, 200).content.decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text, newline=""))
    return [(r["student"], r["question_id"]) for r in rows if r["answered_at"]]


# --- the students ---------------------------------------------------------------------------


@dataclass
class Reply:
    """An HTTP response as a student needs it: status, redirect target, page text."""

    status: int
    location: str
    text: str


class Browser:
    """One student's browser: its own cookies, one request at a time, a fresh connection
    per request (the server closes it after each response)."""

    def __init__(self, host: str, port: int, tally: Tally) -> None:
        self.host, self.port, self.tally = host, port, tally
        self.cookies: dict[str, str] = {}

    async def get(self, path: str) -> Reply:
        return await self.request("GET", path)

    async def post(self, path: str, form: dict[str, str]) -> Reply:
        return await self.request("POST", path, urllib.parse.urlencode(form).encode())

    async def request(self, method: str, path: str, body: bytes | None = None) -> Reply:
        """Send one request and read the whole response; its latency goes to the tally."""
        began = time.perf_counter()
        reply = await asyncio.wait_for(self._exchange(method, path, body), TIMEOUT)
        self.tally.latencies_ms.append((time.perf_counter() - began) * 1000)
        return reply

    async def _exchange(self, method: str, path: str, body: bytes | None) -> Reply:
        loop = asyncio.get_running_loop()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            await loop.sock_connect(sock, (self.host, self.port))
            await loop.sock_sendall(sock, self._head(method, path, body) + (body or b""))
            head, payload = await _read_response(loop, sock)
        finally:
            sock.close()  # at once, as a browser does once a "Connection: close" reply is in
        for cookie in head.cookies:
            self._store_cookie(cookie)
        location = head.headers.get("location", "")
        return Reply(head.status, location, payload.decode("utf-8", "replace"))

    def _head(self, method: str, path: str, body: bytes | None) -> bytes:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if body is not None:
            lines.append("Content-Type: application/x-www-form-urlencoded")
            lines.append(f"Content-Length: {len(body)}")
        lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _store_cookie(self, header: str) -> None:
        pair, _, attributes = header.partition(";")
        name, _, value = pair.strip().partition("=")
        if "max-age=0" in attributes.lower().replace(" ", ""):
            self.cookies.pop(name, None)  # the server deleted it
        else:
            self.cookies[name] = value


@dataclass
class Head:
    """The status and headers of a response (names lower-cased; Set-Cookie kept apart,
    as it may repeat)."""

    status: int
    headers: dict[str, str]
    cookies: list[str]


async def _read_response(
    loop: asyncio.AbstractEventLoop, sock: socket.socket
) -> tuple[Head, bytes]:
    """Read one whole response from a plain non-blocking socket: the head, then the body
    (Content-Length bytes, or up to the end). Plain sockets rather than asyncio streams:
    a transport and protocol per connection cost the shared CPUs more than the read."""
    data = bytearray()
    while (end := data.find(b"\r\n\r\n")) < 0:
        chunk = await loop.sock_recv(sock, 65536)
        if not chunk:
            raise asyncio.IncompleteReadError(bytes(data), None)
        data += chunk
    head = _parse_head(bytes(data[: end + 4]))
    length = head.headers.get("content-length")
    body = data[end + 4 :]
    while length is None or len(body) < int(length):
        chunk = await loop.sock_recv(sock, 65536)
        if not chunk:
            if length is None:
                break
            raise asyncio.IncompleteReadError(bytes(body), int(length))
        body += chunk
    return head, bytes(body)


def _parse_head(raw: bytes) -> Head:
    status_line, *lines = raw.decode("latin-1").rstrip("\r\n").split("\r\n")
    head = Head(int(status_line.split(" ", 2)[1]), {}, [])
    for line in lines:
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie":
            head.cookies.append(value.strip())
        else:
            head.headers[name.lower()] = value.strip()
    return head


def _run_students(
    base: str, code: str, assignment_id: int, args: argparse.Namespace
) -> tuple[list[Tally], float]:
    names = [f"Student {i:04d}" for i in range(1, args.students + 1)]
    slices = [names[i :: args.client_processes] for i in range(args.client_processes)]
    start_at = time.time() + 1.0 + 0.2 * args.client_processes  # everybody at once
    jobs = [(base, code, assignment_id, args.questions, part, start_at) for part in slices if part]
    if len(jobs) == 1:
        return _client_process(*jobs[0]), start_at
    context = multiprocessing.get_context("fork")
    with context.Pool(len(jobs)) as pool:
        results = pool.starmap(_client_process, jobs)
    return [tally for part in results for tally in part], start_at


def _client_process(
    base: str, code: str, assignment_id: int, questions: int, names: list[str], start_at: float
) -> list[Tally]:
    """One event loop running its students concurrently; its CPU time goes on the first
    tally."""
    time.sleep(max(0.0, start_at - time.time()))
    cpu = time.process_time()
    tallies = asyncio.run(_students(base, code, assignment_id, questions, names))
    tallies[0].client_cpu_s = time.process_time() - cpu
    return tallies


async def _students(
    base: str, code: str, assignment_id: int, questions: int, names: list[str]
) -> list[Tally]:
    address = urllib.parse.urlsplit(base)
    host, port = address.hostname or HOST, address.port or 80
    runs = [_student(Browser(host, port, Tally(n)), code, assignment_id, questions) for n in names]
    return list(await asyncio.gather(*runs))


async def _student(http: Browser, code: str, assignment_id: int, questions: int) -> Tally:
    try:
        await _take_assignment(http, code, assignment_id, questions)
    except Exception as exc:  # a student must never fail silently
        http.tally.errors.append(f"{type(exc).__name__}: {exc}")
    return http.tally


async def _take_assignment(http: Browser, code: str, assignment_id: int, questions: int) -> None:
    tally = http.tally
    join_page = await http.get("/join")
    joined = await http.post(
        "/join", {"csrf_token": _csrf(join_page.text), "code": code, "name": tally.name}
    )
    if joined.status != 302:
        tally.errors.append(f"join {joined.status}")
        return
    class_page = await http.get(_path(joined.location))
    started = await http.post(
        f"/assignments/{assignment_id}/start", {"csrf_token": _csrf(class_page.text)}
    )
    if started.status != 302:
        tally.errors.append(f"start {started.status}")
        return
    attempt_path = _path(started.location)
    for _ in range(questions + 2):  # bounded: one extra look finds the results page
        page = await http.get(attempt_path)
        if page.status == 302:
            return  # all answered: redirected to the results
        if page.status != 200:
            tally.errors.append(f"question page {page.status}")
            return
        await _answer(http, attempt_path, page.text)
    tally.errors.append("did not reach the results page")


def _path(location: str) -> str:
    """The path of a redirect target (absolute or relative)."""
    parts = urllib.parse.urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


async def _answer(http: Browser, attempt_path: str, html: str) -> None:
    tally = http.tally
    fields = dict(HIDDEN.findall(html))
    choices = CHOICES.findall(html)
    form = {**fields, **({"chosen": secrets.choice(choices)} if choices else {"typed": "cramp"})}
    for attempt in range(RETRIES):  # a retry carries the same answer_key: counted once
        try:
            response = await http.post(attempt_path + "/answer", form)
        except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
            if attempt == RETRIES - 1:
                tally.errors.append(f"answer: {type(exc).__name__}")
            continue
        tally.answer_ms.append(tally.latencies_ms[-1])
        if response.status == 302:
            tally.acked.append(fields["question_id"])
            tally.last_ack = time.time()
        else:
            tally.errors.append(f"answer {response.status}")
        return


# --- report ---------------------------------------------------------------------------------


def _server_cpu(master: int) -> float:
    """CPU seconds used so far by gunicorn's workers (Linux /proc; 0 elsewhere)."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        total = 0
        for pid in children:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
        return total / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def _report_cpu(server_cpu: float, tallies: list[Tally], load_before: float) -> None:
    clients = sum(t.client_cpu_s for t in tallies)
    print(
        f"machine: {os.cpu_count()} CPUs, load average {load_before:.1f} before the run; "
        f"CPU used: server workers {server_cpu:.1f} s, benchmark clients {clients:.1f} s"
    )


def _report(
    args: argparse.Namespace,
    url: str,
    tallies: list[Tally],
    began: float,
    reported: list[tuple[str, str]],
) -> int:
    acked = [(t.name, qid) for t in tallies for qid in t.acked]
    errors = [e for t in tallies for e in t.errors]
    lost = set(acked) - set(reported)
    duplicated = len(reported) - len(set(reported))
    everything = [ms for t in tallies for ms in t.latencies_ms]
    answers = [ms for t in tallies for ms in t.answer_ms]
    drain = max((t.last_ack for t in tallies), default=began) - began
    backend = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    p99 = percentile(everything, 99)
    print(
        f"gunicorn: {args.workers} sync workers, {backend}; {args.students} students, "
        f"{args.questions} questions each, {args.client_processes} client processes"
    )
    print(
        f"time to drain: {drain:.2f} s ({len(acked)} acknowledged answers, "
        f"{len(everything)} requests, {len(everything) / drain if drain else 0:.0f} requests/s)"
    )
    print(
        f"latency, all student requests: p50 {percentile(everything, 50):.0f} ms, "
        f"p99 {p99:.0f} ms, max {max(everything, default=0):.0f} ms"
    )
    print(
        f"latency, answer POSTs: p50 {percentile(answers, 50):.0f} ms, "
        f"p99 {percentile(answers, 99):.0f} ms"
    )
    print(f"errors: {len(errors)}")
    for error in sorted(set(errors))[:5]:
        print(f"  e.g. {error}")
    print(
        f"lost answers: {len(lost)} (acknowledged but not in the report); "
        f"duplicated in the report: {duplicated}; in the report: {len(reported)}"
    )
    correct = not (errors or lost or duplicated)
    print(
        f"targets: zero errors and zero lost answers: {'met' if correct else 'MISSED'}; "
        f"p99 < {TARGET_P99_MS:.0f} ms: {'met' if p99 < TARGET_P99_MS else 'MISSED'}"
    )
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())

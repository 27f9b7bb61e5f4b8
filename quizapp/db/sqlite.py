"""SQLite tuned for concurrent use: WAL, a busy timeout, and ``BEGIN IMMEDIATE`` when writing.

pysqlite's own transaction handling is switched off (SQLAlchemy's documented recipe) so
that we emit BEGIN ourselves:

* requests with an unsafe method (POST, …), CLI commands and anything outside a request
  begin with ``BEGIN IMMEDIATE``: they take the write lock before their first read, so
  a read-then-write transaction waits on the busy timeout instead of failing with
  "database is locked" when another writer committed in between;
* GET/HEAD requests begin a deferred transaction: in WAL mode readers never block.

A GET that must write (creating a guest) does so as its first statement or after ending
its read transaction (see ``quizapp.web.auth``).

Every writer waits for the one write lock, so a write transaction should hold it briefly: a
view can look up what it needs first in a read transaction (``read_phase``), then write.

Writers also take turns through an ``flock`` on a file next to the database
(``<database>-writer.lock``, see ``WriterTurns``) before ``BEGIN IMMEDIATE``, and give the
turn back as soon as their COMMIT or ROLLBACK returns. The reason is SQLite's busy handler:
a writer that finds the lock taken sleeps 1, 2, 5, 10, 15, 20, 25 … ms between tries, so
under load the lock often sits free while every waiter sleeps (measured with 4 gunicorn
workers: a third of the writes waited more than 5 ms). The turn is only a fast path: SQLite's
lock and busy timeout still decide, for writers that do not take turns (the ``sqlite3``
shell) and for a turn not obtained within the busy timeout.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from flask import g, has_request_context, request
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 15_000
WRITER_LOCK_SUFFIX = "-writer.lock"
_READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_FIRST_PAUSE_S, _LONGEST_PAUSE_S = 0.0001, 0.001  # polling for the turn: 0.1 ms up to 1 ms


class WriterTurns:
    """Writers of one database file take turns: the threads of a process through a lock,
    the processes through an exclusive ``flock`` on the file ``path`` (one open file per
    process, reopened after a fork: a child must not share its parent's)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._pid = -1
        self._threads = threading.Lock()
        self._owner: int | None = None  # the thread that has the turn
        self._files: list[IO[bytes]] = []  # this process's open file, when opened
        weakref.finalize(self, _close_all, self._files)

    def take(self, timeout_s: float = BUSY_TIMEOUT_MS / 1000) -> bool:
        """Wait for the turn (polling the flock every 0.1–1 ms). False if it did not come
        within ``timeout_s``: the caller then goes ahead and SQLite's own locking decides."""
        self._after_fork()
        if self._owner == threading.get_ident():
            return True  # a second connection of the same thread: it has the turn already
        deadline = time.monotonic() + timeout_s
        if not self._threads.acquire(timeout=timeout_s):
            return False
        if _flock_until(self._files[0], deadline):
            self._owner = threading.get_ident()
            return True
        self._threads.release()
        return False

    def give_back(self) -> None:
        """End this thread's turn, if it has one (safe to call any number of times)."""
        if self._owner != threading.get_ident():
            return
        self._owner = None
        fcntl.flock(self._files[0].fileno(), fcntl.LOCK_UN)
        self._threads.release()

    def _after_fork(self) -> None:
        if self._pid == os.getpid():
            return
        _close_all(self._files)
        self._files.append(open(self.path, "ab"))  # noqa: SIM115 - kept open on purpose
        self._threads, self._owner, self._pid = threading.Lock(), None, os.getpid()


def _flock_until(file: IO[bytes], deadline: float) -> bool:
    pause = _FIRST_PAUSE_S
    while True:
        try:
            fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(pause)
            pause = min(pause * 2, _LONGEST_PAUSE_S)


def _close_all(files: list[IO[bytes]]) -> None:
    while files:
        files.pop().close()


def configure_engine(engine: Engine, *, instance_path: str = "") -> None:
    """Install the connect/begin hooks on a SQLite engine (no-op for other backends).

    Only the instance folder is created on demand: a database URL that names a folder which
    does not exist is a configuration mistake to report, not a folder to make."""
    if engine.dialect.name != "sqlite":
        return
    event.listen(engine, "connect", _on_connect)
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        event.listen(engine, "begin", _on_begin)
        return
    # The instance folder is created when the database is first opened, not when the app is
    # built (``quizapp --help`` writes nothing).
    folder = os.path.dirname(database)
    if folder and os.path.abspath(folder) == os.path.abspath(instance_path):
        event.listen(engine, "do_connect", lambda *_: os.makedirs(folder, exist_ok=True))
    turns = WriterTurns(database + WRITER_LOCK_SUFFIX)
    event.listen(engine, "begin", lambda conn: _begin_in_turn(conn, turns))
    _give_back_after_transaction(engine, turns)


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Disable pysqlite's implicit BEGIN so ours (below) is the only one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    # NORMAL is durable across application crashes in WAL mode and much faster than FULL.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_begin(conn: Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if wants_write_lock() else "BEGIN")


def _begin_in_turn(conn: Connection, turns: WriterTurns) -> None:
    if not wants_write_lock():
        conn.exec_driver_sql("BEGIN")
        return
    turns.take()
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    except BaseException:
        turns.give_back()
        raise


def _give_back_after_transaction(engine: Engine, turns: WriterTurns) -> None:
    """The turn ends once COMMIT or ROLLBACK has returned (also the pool's rollback when a
    connection is returned): SQLAlchemy's commit/rollback events fire *before* them, when
    the next writer could not begin yet."""

    def after(do: Callable[[Any], None]) -> Callable[[Any], None]:
        def wrapped(dbapi_connection: Any) -> None:
            try:
                do(dbapi_connection)
            finally:
                turns.give_back()

        return wrapped

    # A connection closed or invalidated without a rollback (a broken connection) too.
    event.listen(engine.pool, "close", lambda *_: turns.give_back())
    event.listen(engine.pool, "invalidate", lambda *_: turns.give_back())
    dialect = engine.dialect
    dialect.do_commit = after(dialect.do_commit)  # type: ignore[method-assign,assignment]
    dialect.do_rollback = after(dialect.do_rollback)  # type: ignore[method-assign,assignment]


def wants_write_lock() -> bool:
    """True unless we are serving a read-only request (or a view declared that it only
    reads from now on: ``g.sqlite_reads_only``, e.g. after committing its write)."""
    if has_request_context() and g.get("sqlite_reads_only"):
        return False
    return not (has_request_context() and request.method in _READ_ONLY_METHODS)


@contextmanager
def read_phase(session: Session) -> Iterator[None]:
    """Run the block in a read transaction (on SQLite: a deferred BEGIN, without the write
    lock), then end it, keeping the objects it loaded, so that the request's next statement
    begins the write transaction (``BEGIN IMMEDIATE``) only when the write is at hand.

    The objects stay as they were read. Use it for lookups whose staleness by a few
    microseconds does not matter (a deck, a question, the learner), never for the rows that
    decide the write (those belong inside the write transaction)."""
    previous = g.get("sqlite_reads_only", False)
    g.sqlite_reads_only = True
    try:
        yield
        keep = session.expire_on_commit
        session.expire_on_commit = False  # committing a read must not unload its results
        try:
            session.commit()
        finally:
            session.expire_on_commit = keep
    finally:
        g.sqlite_reads_only = previous

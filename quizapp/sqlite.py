"""SQLite tuned for concurrent use: WAL, a busy timeout, and ``BEGIN IMMEDIATE`` when writing.

pysqlite's own transaction handling is switched off (SQLAlchemy's documented recipe) so
that we emit BEGIN ourselves:

* requests with an unsafe method (POST, …), CLI commands and anything outside a request
  begin with ``BEGIN IMMEDIATE``: they take the write lock before their first read, so
  a read-then-write transaction waits on the busy timeout instead of failing with
  "database is locked" when another writer committed in between;
* GET/HEAD requests begin a deferred transaction: in WAL mode readers never block.

A GET that must write (creating a guest) does so as its first statement or after ending
its read transaction (see ``quizapp.auth``).

Every writer waits for the one write lock, so a write transaction should hold it briefly: a
view can look up what it needs first in a read transaction (``read_phase``), then write.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from flask import g, has_request_context, request
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 15_000
_READ_ONLY_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def configure_engine(engine: Engine) -> None:
    """Install the connect/begin hooks on a SQLite engine (no-op for other backends)."""
    if engine.dialect.name != "sqlite":
        return
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)


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

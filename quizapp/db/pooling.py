"""Liveness of pooled database connections: a connection is pinged before a request uses
it only when it sat idle in the pool for a while.

SQLAlchemy's ``pool_pre_ping`` pings on every checkout: one more round trip per request,
which measured about 8 % of the server's CPU when a whole class submits at once
(``benchmarks/bench_classroom.py`` on PostgreSQL). A connection given back moments ago is
almost certainly alive; one that sat idle may have been closed by the server (a restart, an
idle timeout, a failover). So only connections idle for ``idle_seconds`` or more are
pinged, and a dead one is replaced before the request sees it (SQLAlchemy's pessimistic
recipe: ``DisconnectionError`` raised on checkout makes the pool retry with a new
connection). If the server goes away within that window, the requests using the pool then
fail cleanly (nothing is acknowledged before its commit), and their disconnect error
invalidates the whole pool, so the next requests reconnect.

SQLite needs no ping: the database is a file in this process.
"""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Engine, event, exc
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

_GIVEN_BACK = "quizapp_given_back_at"


def ping_when_idle(engine: Engine, idle_seconds: float) -> None:
    """Install the checkin/checkout hooks on a client-server engine (no-op for SQLite)."""
    if engine.dialect.name == "sqlite":
        return
    dialect = engine.dialect

    def on_checkin(_dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[_GIVEN_BACK] = time.monotonic()

    def on_checkout(
        dbapi_connection: Any, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection
    ) -> None:
        given_back = record.info.get(_GIVEN_BACK)
        if given_back is None or time.monotonic() - given_back < idle_seconds:
            return  # brand new (just connected), or in use moments ago
        try:
            dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise exc.DisconnectionError(f"idle connection is dead: {error}") from error

    event.listen(engine, "checkin", on_checkin)
    event.listen(engine, "checkout", on_checkout)

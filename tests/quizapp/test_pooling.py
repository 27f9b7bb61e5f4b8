"""Pooled PostgreSQL connections are pinged only after sitting idle (``quizapp.db.pooling``):
a recently used one is trusted (no extra round trip), an idle dead one is replaced before
the request sees it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import Engine, create_engine, text

from quizapp import create_app
from quizapp.db.base import db

from .conftest import app_config, apps_on


@pytest.fixture
def pg_app(postgres_url: str) -> Iterator[Callable[[float], Flask]]:
    """Apps on PostgreSQL, built with a given ``DB_PING_IDLE_SECONDS``."""
    with apps_on(postgres_url) as build:
        yield lambda idle_seconds: build(DB_PING_IDLE_SECONDS=idle_seconds)


def _pings(engine: Engine) -> list[int]:
    """Counts the dialect's pings on ``engine``."""
    seen: list[int] = []
    original = engine.dialect.do_ping

    def counting(dbapi_connection: object) -> bool:
        seen.append(1)
        return original(dbapi_connection)

    engine.dialect.do_ping = counting  # type: ignore[method-assign]
    return seen


def _backend_pid(app: Flask) -> int:
    with app.app_context():
        pid = int(db.session.execute(text("SELECT pg_backend_pid()")).scalar_one())
        db.session.remove()
    return pid


def test_a_recently_used_connection_is_not_pinged(pg_app: Callable[[float], Flask]) -> None:
    app = pg_app(3600.0)
    with app.app_context():
        pings = _pings(db.engine)
    first = _backend_pid(app)
    assert _backend_pid(app) == first  # the same pooled connection, reused
    assert pings == []


def test_an_idle_connection_is_pinged_and_a_dead_one_replaced(
    pg_app: Callable[[float], Flask], postgres_url: str
) -> None:
    app = pg_app(0.0)  # every connection given back counts as idle at once
    with app.app_context():
        pings = _pings(db.engine)
    first = _backend_pid(app)
    assert pings == []  # a brand-new connection needs no ping
    assert _backend_pid(app) == first
    assert pings == [1]  # the second checkout pinged the connection that sat idle
    # The server drops that connection while it sits in the pool (a restart, a timeout).
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        assert conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": first}).scalar()
    admin.dispose()
    second = _backend_pid(app)  # no error: the dead connection was replaced on checkout
    assert second != first
    assert len(pings) == 2  # the failed ping; the new connection needed none


def test_sqlite_is_never_pinged(sqlite_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    shutil.copyfile(sqlite_template, path)
    app = create_app(app_config(f"sqlite:///{path}", DB_PING_IDLE_SECONDS=0.0))
    with app.app_context():
        pings = _pings(db.engine)
        for _ in range(3):
            db.session.execute(text("SELECT 1"))
            db.session.remove()
        db.engine.dispose()
    assert pings == []

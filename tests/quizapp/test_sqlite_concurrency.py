"""SQLite under concurrent writers: WAL, busy timeout and BEGIN IMMEDIATE keep every answer."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select, text
from sqlalchemy.pool import QueuePool

from questions.model import Bank
from quizapp import create_app
from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.db.models import ReviewLog, User
from quizapp.db.sqlite import WRITER_LOCK_SUFFIX, WriterTurns, wants_write_lock
from quizapp.services import study
from quizapp.services.settings import settings_for

from .conftest import app_config

THREADS = 8
ANSWERS = 12


@pytest.fixture
def sqlite_app(
    sqlite_template: Path, tmp_path: Path, small_bank: Bank, now: datetime
) -> Iterator[Flask]:
    """SQLite only (these tests are about SQLite), so not parametrized over backends."""
    path = tmp_path / "concurrency.sqlite3"
    shutil.copyfile(sqlite_template, path)
    app = create_app(app_config(f"sqlite:///{path}"))
    with app.app_context():
        import_bank(db.session, small_bank, now)
        db.session.commit()
    yield app
    with app.app_context():
        db.engine.dispose()


def test_connections_use_wal_and_a_busy_timeout(sqlite_app: Flask) -> None:
    with sqlite_app.app_context():
        assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 15000


def test_only_read_only_requests_begin_deferred(sqlite_app: Flask) -> None:
    with sqlite_app.test_request_context("/", method="GET"):
        assert not wants_write_lock()
    with sqlite_app.test_request_context("/", method="POST"):
        assert wants_write_lock()
    with sqlite_app.app_context():
        assert wants_write_lock()  # CLI commands and scripts


def test_concurrent_read_then_write_transactions_lose_nothing(
    sqlite_app: Flask, now: datetime
) -> None:
    with sqlite_app.app_context():
        users = [User() for _ in range(THREADS)]
        db.session.add_all(users)
        db.session.commit()
        ids = [u.id for u in users]
    errors: list[BaseException] = []

    def learner(user_id: int) -> None:
        try:
            with sqlite_app.app_context():
                settings = settings_for(sqlite_app.config, None)
                for i in range(ANSWERS):
                    # Each answer reads the card, then writes: the classic "database is locked"
                    # case under deferred transactions.
                    study.submit_answer(
                        db.session,
                        user_id=user_id,
                        answer=study.Answer("q-mc", f"k{i}", study.Response(chosen=i % 3)),
                        now=now + timedelta(days=i),
                        settings=settings,
                    )
                    db.session.commit()
                db.session.remove()
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=learner, args=(uid,)) for uid in ids]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with sqlite_app.app_context():
        assert db.session.scalar(select(func.count(ReviewLog.id))) == THREADS * ANSWERS


def test_no_connection_is_left_open_after_start(app: Flask) -> None:
    with app.app_context():
        pool = db.engine.pool
        assert isinstance(pool, QueuePool)
        assert pool.checkedin() == 0  # nothing to inherit when a server forks


def test_writers_take_turns_and_give_them_back_after_commit(sqlite_app: Flask) -> None:
    """A write transaction holds the writer turn (quizapp.db.sqlite.WriterTurns) until its
    COMMIT has returned; a read transaction never takes it."""
    database = sqlite_app.config["SQLALCHEMY_DATABASE_URI"][len("sqlite:///") :]
    other = WriterTurns(database + WRITER_LOCK_SUFFIX)  # as another process would
    with sqlite_app.app_context():
        db.session.execute(select(User.id)).all()  # outside a request: a writer
        assert not other.take(timeout_s=0.01)
        db.session.commit()
        assert other.take(timeout_s=0.01)
        other.give_back()
    with sqlite_app.test_request_context("/", method="GET"):
        db.session.execute(select(User.id)).all()
        assert other.take(timeout_s=0.01)  # readers do not queue
        other.give_back()
        db.session.rollback()


def test_a_turn_waits_for_the_other_thread() -> None:
    """Two threads of one process exclude each other too (each has its own open file)."""
    with tempfile.TemporaryDirectory() as tmp:
        turns = WriterTurns(str(Path(tmp) / "db-writer.lock"))
        assert turns.take()
        outcome: list[bool] = []
        waiter = threading.Thread(target=lambda: outcome.append(turns.take(timeout_s=0.05)))
        waiter.start()
        waiter.join()
        assert outcome == [False]
        turns.give_back()
        waiter = threading.Thread(target=lambda: outcome.append(turns.take(timeout_s=0.05)))
        waiter.start()
        waiter.join()
        assert outcome == [False, True]

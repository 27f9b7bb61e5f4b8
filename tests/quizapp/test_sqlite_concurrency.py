"""SQLite under concurrent writers: WAL, busy timeout and BEGIN IMMEDIATE keep every answer."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select, text

from questions.model import Bank
from quizapp import create_app
from quizapp.deck_import import import_bank
from quizapp.extensions import db
from quizapp.models import ReviewLog, User
from quizapp.services import study
from quizapp.services.settings import settings_for
from quizapp.sqlite import wants_write_lock

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
                        question_id="q-mc",
                        answer_key=f"k{i}",
                        response=study.Response(chosen=i % 3),
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
        assert db.engine.pool.checkedin() == 0  # nothing to inherit when a server forks

"""Storage faults (issue 9, finding 6): a database that cannot save answers 503 (a page, or
a problem document under /api/), ``/readyz`` says so while ``/healthz`` stays a liveness
check, and once the fault is gone the same app writes again without a restart.

Read-only is simulated on SQLite with ``PRAGMA query_only`` on every connection opened
during the fault: SQLite then fails writes with the very error a file opened read-only
gives ("attempt to write a readonly database"), and, like a file opened read-only, such a
connection stays broken after the fault is gone unless the pool replaces it. (The tests
run as root, for whom ``chmod`` does not make a file read-only.)
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from sqlalchemy import event

from quizapp.db.base import db

from .api.helpers import answer, get


class ReadOnlySwitch:
    """While ``on``, connections the pool opens are read-only (and stay so)."""

    def __init__(self) -> None:
        self.on = False

    def __call__(self, dbapi_connection: Any, _record: Any) -> None:
        if self.on:
            dbapi_connection.execute("PRAGMA query_only = 1")


# The fault is simulated with an SQLite pragma: these run on SQLite only, not skipped elsewhere.
SQLITE_ONLY = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


@pytest.fixture
def sqlite_app(app: Flask) -> Flask:
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("simulates SQLite's read-only file")
    return app


def _reopen(app: Flask, switch: ReadOnlySwitch) -> None:
    """Close pooled connections, as a worker started during the fault would have none."""
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
        event.listen(db.engine, "connect", switch)


@SQLITE_ONLY
@pytest.mark.usefixtures("deck_id")
def test_read_only_database_is_a_503_and_recovers_without_restart(sqlite_app: Flask) -> None:
    app, switch = sqlite_app, ReadOnlySwitch()
    client = app.test_client()
    assert answer(client, "q-mc", "k-before-fault-0001").status_code == 201
    assert client.get("/readyz").status_code == 200
    switch.on = True
    _reopen(app, switch)
    failed = answer(client, "q-tf", "k-during-fault-0001")
    assert failed.status_code == 503
    assert failed.mimetype == "application/problem+json"
    assert "cannot save right now" in failed.get_json()["detail"]
    assert failed.headers["Retry-After"]
    page = client.post("/study/cramps/answer", data={"question_id": "q-mc", "chosen": "1"})
    assert page.status_code in (400, 503)  # a form without a key is refused before writing
    ready = client.get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["status"] == "unavailable"
    assert client.get("/healthz").status_code == 200  # liveness: the process is up
    assert get(client, "/decks/cramps").status_code == 200  # reading still works

    # The operator fixes the file. The pool may still hold a connection opened during the
    # fault (the GET above used one): its first write fails, which replaces every pooled
    # connection; the client's retry (same key) is saved. No restart.
    switch.on = False
    statuses = [answer(client, "q-tf", "k-during-fault-0001").status_code for _ in range(2)]
    assert statuses in ([201, 200], [503, 201]), statuses
    assert client.get("/readyz").status_code == 200
    assert answer(client, "q-flash", "k-after-fault-00001").status_code == 201


@SQLITE_ONLY
@pytest.mark.usefixtures("deck_id")
def test_a_study_page_write_fault_is_a_503_page(sqlite_app: Flask) -> None:
    switch = ReadOnlySwitch()
    switch.on = True
    _reopen(sqlite_app, switch)
    client = sqlite_app.test_client()
    response = client.post(
        "/study/cramps/answer",
        data={"question_id": "q-mc", "chosen": "1", "answer_key": "page-key-000000001"},
    )
    assert response.status_code == 503
    assert "cannot save right now" in response.get_data(as_text=True)
    assert "Traceback" not in response.get_data(as_text=True)


def test_readyz_answers_ok_on_a_writable_database(client: Any) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok"}

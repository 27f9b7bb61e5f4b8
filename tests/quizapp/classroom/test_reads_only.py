"""A student's question page only reads: on PostgreSQL its queries run without a
transaction (no BEGIN/ROLLBACK round trips, ``quizapp.db.readonly``); SQLite keeps its
deferred read transaction. Answering still runs in one transaction on both."""

from __future__ import annotations

from typing import Any

from flask import Flask
from sqlalchemy import event

from quizapp.db.base import db

from ..pages import RIGHT
from .helpers import (
    Clock,
    answer_next,
    create_assignment,
    create_class,
    hidden_fields,
    join,
    join_code,
    start,
)


def _record_transactions(app: Flask) -> list[tuple[str, bool]]:
    """(statement, ran inside a database transaction) for every statement from now on."""
    seen: list[tuple[str, bool]] = []

    def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        raw = conn.connection.dbapi_connection
        in_transaction = raw.in_transaction if conn.dialect.name == "sqlite" else not raw.autocommit
        verb = statement.split()[0]
        if verb != "BEGIN":  # SQLite's own BEGIN (quizapp.db.sqlite) opens the transaction
            seen.append((verb, in_transaction))

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", before)
    return seen


def test_question_page_reads_outside_a_transaction_on_postgres(capp: Flask, teacher: Any) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="2")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    seen = _record_transactions(capp)

    page = student.get(url)
    assert page.status_code == 200 and "Question 1 of 2" in page.get_data(as_text=True)
    reads = list(seen)
    # Two queries: the attempt with its learner, assignment and class; the next question.
    assert [verb for verb, _ in reads] == ["SELECT", "SELECT"]
    postgres = capp.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql")
    assert all(inside is not postgres for _, inside in reads)

    seen.clear()
    answer_next(student, url, right=True)  # GET the page, then POST the answer
    posted = seen[len(reads) :]
    assert any(verb == "INSERT" for verb, _ in posted)
    assert all(inside for _, inside in posted)  # the answer is one transaction
    assert "Question 2 of 2" in student.get(url).get_data(as_text=True)


def test_an_answer_costs_three_lookups_and_three_inserts(capp: Flask, teacher: Any) -> None:
    """Every statement is a round trip a whole class pays at once: the locked attempt with
    its question and learner, what decides acceptance, the card with any earlier answer of
    the same key; then the card, the review and the attempt's answer."""
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="2")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    page = student.get(url).get_data(as_text=True)
    seen = _record_transactions(capp)
    fields = hidden_fields(page)
    form = {**fields, **RIGHT[fields["question_id"]]}
    assert student.post(url + "/answer", data=form).status_code == 302
    assert [verb for verb, _ in seen] == ["SELECT"] * 3 + ["INSERT"] * 3


def test_a_reused_learner_id_does_not_open_the_new_learners_attempt(
    capp: Flask, teacher: Any, clock: Clock
) -> None:
    """SQLite hands a deleted learner's id to the next new row: the old device's cookie,
    which names that id, must not reach the new learner's attempt (quizapp.web.auth.SINCE_KEY)."""
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="2")
    code = join_code(capp, class_id)
    old_device, phone = capp.test_client(), capp.test_client()
    join(old_device, code, "Ann")
    with old_device.session_transaction() as cookie:
        cookie_values = dict(cookie)
    phone.set_cookie("quizapp_session", old_device.get_cookie("quizapp_session").value)  # type: ignore[union-attr]
    assert phone.post("/account/delete", data={"confirm_delete": "yes"}).status_code == 302
    clock.advance(seconds=1)  # a real clock never stands still between two sign-ups
    newcomer = capp.test_client()
    join(newcomer, code, "Bea")
    url = start(newcomer, assignment_id)
    with newcomer.session_transaction() as cookie:
        reused = cookie["uid"] == cookie_values["uid"]
    assert old_device.get(url).status_code == 404
    assert old_device.get(f"/classes/{class_id}").status_code == 404
    assert newcomer.get(url).status_code == 200
    if capp.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        assert reused  # the case this guards against really happens on SQLite

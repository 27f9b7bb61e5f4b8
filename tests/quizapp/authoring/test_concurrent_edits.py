"""Concurrent edits of one deck lose nothing (SQLite and PostgreSQL): threads edit different
fields of one question, and other questions, at once; every last edit is in the question
row and in its stored hand fix."""

from __future__ import annotations

import threading
import time

from flask import Flask
from sqlalchemy import select

from quizapp.db.authoring import QuestionOverride
from quizapp.db.base import db
from quizapp.db.models import Deck, Question
from quizapp.services import deck_edits
from tests.quizapp.classroom.helpers import log_in
from tests.quizapp.conftest import NOW

from .helpers import owner_client, upload

ROUNDS = 12


def test_concurrent_edits_of_one_deck_lose_no_edit(app: Flask) -> None:
    slug = upload(owner_client(app))
    with app.app_context():
        flashcards = list(
            db.session.scalars(
                select(Question).where(Question.kind == "flashcard").order_by(Question.position)
            )
        )[:3]
        db.session.expunge_all()
    first, second, third = flashcards
    jobs = [
        (first, "prompt", f"Prompt edited: {first.prompt}"),
        (first, "explanation", "Explanation edited"),
        (first, "accepted", "Also accepted"),
        (second, "explanation", "Second edited"),
        (third, "explanation", "Third edited"),
    ]
    failures: list[str] = []

    def edit(question: Question, field: str, value: str) -> None:
        client = app.test_client()
        log_in(client, "owner")
        for n in range(ROUNDS):
            url = f"/decks/{slug}/questions/{question.id}"
            response = client.post(url, data={field: f"{value} {n}"})
            if response.status_code != 302:
                failures.append(f"{url} {field}: {response.status_code}")

    threads = [threading.Thread(target=edit, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    with app.app_context():
        rows = {q.id: q for q in db.session.scalars(select(Question))}
        fixes = {f.question_id: f.data["set"] for f in db.session.scalars(select(QuestionOverride))}
        for question, field, value in jobs:
            last = f"{value} {ROUNDS - 1}"
            stored = [last] if field == "accepted" else last
            assert getattr(rows[question.id], field) == stored
            assert fixes[question.id][field] == stored


def test_an_edit_waits_for_the_one_in_progress(app: Flask) -> None:
    """Deterministic interleaving: A has edited (not committed yet) when B starts editing
    another field of the same question; B must wait for A and keep A's change."""
    slug = upload(owner_client(app))
    with app.app_context():
        question = db.session.scalars(select(Question).where(Question.kind == "flashcard")).first()
        assert question is not None
        qid = question.id
        db.session.remove()
    a_edited, errors = threading.Event(), []

    def run(field: str, value: str, before: threading.Event | None) -> None:
        try:
            if before is not None:
                before.wait(10)
            with app.app_context():
                deck = db.session.scalars(select(Deck).where(Deck.slug == slug)).one()
                deck_edits.edit_question(db.session, deck, qid, {field: value}, NOW)
                if before is None:
                    a_edited.set()
                    time.sleep(0.5)  # B is now trying to edit
                db.session.commit()
                db.session.remove()
        except Exception as exc:
            errors.append(repr(exc))

    threads = [
        threading.Thread(target=run, args=("explanation", "From A", None)),
        threading.Thread(target=run, args=("accepted", ["From B"], a_edited)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with app.app_context():
        fix = db.session.get(QuestionOverride, (question.deck_id, qid))
        assert fix is not None
        assert fix.data["set"]["explanation"] == "From A"
        assert fix.data["set"]["accepted"] == ["From B"]

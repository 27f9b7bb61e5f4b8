"""A classroom answer's grade is its attempt's, and answers held back until closing stay
hidden: the study pages, the study API and the statistics neither change nor reveal a
classroom answer (issue 9, findings 1 and 2)."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.db.base import db
from quizapp.db.models import Question, ReviewLog
from quizapp.services import study
from quizapp.services.learner_progress import learner_progress
from quizapp.services.settings import settings_for

from ..api.helpers import get, post
from .helpers import (
    Clock,
    answer_next,
    create_assignment,
    create_class,
    join,
    join_code,
    learner_id,
    start,
)

HELD_BACK = {"answers_shown": "after_close", "closes_at": "2026-03-02T15:00"}


def _student_answers(
    capp: Flask, teacher: FlaskClient, right: bool, **fields: object
) -> tuple[FlaskClient, str, list[int]]:
    """A student who answered every question of a new two-question cloze assignment;
    returns (client, attempt url, review ids)."""
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="2", kinds=["cloze"], **fields)
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    for _ in range(2):
        answer_next(student, url, right=right)
    uid = learner_id(student)
    with capp.app_context():
        ids = list(
            db.session.scalars(
                select(ReviewLog.id).where(ReviewLog.user_id == uid).order_by(ReviewLog.id)
            )
        )
        db.session.remove()
    assert len(ids) == 2
    return student, url, ids


def _grades(capp: Flask, ids: list[int]) -> list[tuple[bool, int, bool]]:
    with capp.app_context():
        rows = db.session.execute(
            select(ReviewLog.correct, ReviewLog.rating, ReviewLog.undone_at.is_(None))
            .where(ReviewLog.id.in_(ids))
            .order_by(ReviewLog.id)
        ).all()
        db.session.remove()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_students_cannot_change_a_classroom_grade(capp: Flask, teacher: FlaskClient) -> None:
    student, url, ids = _student_answers(capp, teacher, right=False)
    before = _grades(capp, ids)
    assert [correct for correct, _, _ in before] == [False, False]
    for rid in ids:
        for path, data in (
            (f"/study/cramps/review/{rid}/override", {}),
            (f"/study/cramps/review/{rid}/rate", {"rating": "Easy"}),
            (f"/study/cramps/review/{rid}/undo", {}),
        ):
            assert student.post(path, data=data).status_code == 404, path
        assert post(student, f"/reviews/{rid}/rating", {"rating": 4}).status_code == 404
        assert post(student, f"/reviews/{rid}/undo").status_code == 404
        assert student.get(f"/study/cramps/review/{rid}").status_code == 404
    assert _grades(capp, ids) == before
    results = student.get(f"{url}/results").get_data(as_text=True)
    assert '<p class="score" id="score">0 / 2</p>' in results


def test_the_study_service_refuses_to_change_a_classroom_answer(
    capp: Flask, teacher: FlaskClient
) -> None:
    student, _url, ids = _student_answers(capp, teacher, right=False)
    uid = learner_id(student)
    with capp.app_context():
        settings = settings_for(capp.config, None)
        log = db.session.get_one(ReviewLog, ids[0])
        assert study.allowed_rerates(log) == () and not study.can_override(log)
        attempts: list[Any] = [
            lambda: study.override_as_right(
                db.session, user_id=uid, review_id=ids[0], settings=settings
            ),
            lambda: study.rerate(
                db.session,
                user_id=uid,
                review_id=ids[0],
                rating=study.Rating.Easy,
                now=capp.config["CLOCK"](),
                settings=settings,
            ),
            lambda: study.undo(
                db.session, user_id=uid, review_id=ids[0], now=capp.config["CLOCK"]()
            ),
        ]
        for change in attempts:
            with pytest.raises(study.StudyError, match="classroom answer"):
                change()
        db.session.rollback()
        db.session.remove()
    assert [c for c, _, _ in _grades(capp, ids)] == [False, False]


def _stats(client: FlaskClient) -> dict[str, Any]:
    response = get(client, "/decks/cramps/stats")
    assert response.status_code == 200
    body: dict[str, Any] = response.get_json()
    return body


def test_held_back_answers_stay_hidden_until_closing(
    capp: Flask, teacher: FlaskClient, clock: Clock
) -> None:
    student, url, ids = _student_answers(capp, teacher, right=False, **HELD_BACK)
    fresh = _stats(capp.test_client())
    assert _stats(student) == fresh  # no tally, retention or mastery to read the grade from
    for rid in ids:
        api = get(student, f"/reviews/{rid}")
        assert api.status_code == 404 and "Lou Gehrig" not in api.get_data(as_text=True)
        assert student.get(f"/study/cramps/review/{rid}").status_code == 404
        feedback = student.get(f"{url}/answers/{rid}")
        assert feedback.status_code == 302  # back to the attempt, no verdict
    results = student.get(f"{url}/results").get_data(as_text=True)
    assert "Not quite" not in results and "Lou Gehrig" not in results
    assert "hypocalcemia" not in results.lower()
    clock.advance(hours=4)  # closed at 15:00
    assert _stats(student) != fresh
    assert "Not quite" in student.get(f"{url}/results").get_data(as_text=True)


def test_the_progress_package_holds_back_classroom_answers_until_closing(
    capp: Flask, teacher: FlaskClient, clock: Clock
) -> None:
    """ "Take my progress to Anki" must not carry a held-back grade either: its review log
    (an "Again" rating) or the card it sent to relearning would reveal it."""
    _student, _url, ids = _student_answers(capp, teacher, right=False, **HELD_BACK)
    with capp.app_context():
        log = db.session.get(ReviewLog, ids[0])
        assert log is not None
        question = db.session.get(Question, log.question_id)
        assert question is not None
        user_id, deck_id, settings = log.user_id, question.deck_id, settings_for(capp.config, None)
        before = learner_progress(db.session, user_id, deck_id, settings, clock.now)
        assert before.reviews == () and before.cards == {}
        clock.advance(hours=4)  # closed at 15:00: the answers are the learner's to take
        after = learner_progress(db.session, user_id, deck_id, settings, clock.now)
        assert len(after.reviews) == len(ids) and len(after.cards) == len(ids)


def test_a_held_back_answer_does_not_bring_its_card_back_before_closing(
    capp: Flask, teacher: FlaskClient, clock: Clock
) -> None:
    """A wrong class answer sends the card to relearning; if study offered it again at once,
    the student would learn the grade the assignment holds back."""
    _student, _url, ids = _student_answers(capp, teacher, right=False, **HELD_BACK)
    with capp.app_context():
        logs = [db.session.get(ReviewLog, rid) for rid in ids]
        answered = {log.question_id for log in logs if log is not None}
        user_id = logs[0].user_id if logs[0] else 0
        question = db.session.get(Question, next(iter(answered)))
        assert question is not None
        settings = settings_for(capp.config, None)

        def upcoming() -> set[str]:
            seen: set[str] = set()
            for minutes in (1, 10, 30):  # learning steps are minutes long
                card = study.next_card(db.session, user_id, question.deck_id, clock.now, settings)
                if card is not None:
                    seen.add(card.id)
                clock.advance(minutes=minutes)
            return seen

        assert not upcoming() & answered  # before 15:00: the class answers' cards wait
        clock.advance(hours=4)
        assert upcoming() & answered  # after closing they are the learner's to study

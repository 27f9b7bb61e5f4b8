"""A question retired (a re-import without it) while a quiz is open: its answer is refused
with a friendly message, the quiz goes on without it and the score leaves it out."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.db.models import Quiz, User
from quizapp.services import quiz as quiz_service
from quizapp.services import study
from quizapp.services.settings import settings_for

from .conftest import build_bank, build_questions
from .pages import RIGHT, hidden_fields
from .test_quiz_pages import start_quiz

MESSAGE = "This question was removed from the deck; it is skipped."


def retire(app: Flask, question_id: str, now: datetime) -> None:
    """Re-import the deck without ``question_id`` (which retires it)."""
    kept = tuple(q for q in build_questions() if q.id != question_id)
    with app.app_context():
        result = import_bank(db.session, build_bank(kept), now + timedelta(days=1))
        db.session.commit()
        db.session.remove()
    assert result.retired == 1


def finished_at(app: Flask) -> datetime | None:
    with app.app_context():
        found = db.session.scalar(select(Quiz.finished_at))
        db.session.remove()
    return found


def test_retired_question_is_skipped_and_the_quiz_goes_on(
    app: Flask, client: FlaskClient, deck_id: int, now: datetime
) -> None:
    quiz_url = start_quiz(client, "2", ["Metabolic causes"])
    fields = hidden_fields(client.get(quiz_url).get_data(as_text=True))
    first = fields["question_id"]
    retire(app, first, now)
    refused = client.post(f"{quiz_url}/answer", data={**fields, **RIGHT[first]})
    assert refused.status_code == 302 and refused.headers["Location"] == quiz_url
    page = client.get(quiz_url).get_data(as_text=True)
    assert MESSAGE in page
    next_fields = hidden_fields(page)
    following = next_fields["question_id"]
    assert following != first and following in RIGHT
    answered = client.post(f"{quiz_url}/answer", data={**next_fields, **RIGHT[following]})
    assert answered.status_code == 302
    feedback = client.get(answered.headers["Location"]).get_data(as_text=True)
    assert f'href="{quiz_url}/results"' in feedback  # the retired one is not waited for
    assert finished_at(app) is not None
    assert client.get(quiz_url).headers["Location"] == f"{quiz_url}/results"
    results = client.get(f"{quiz_url}/results").get_data(as_text=True)
    assert '<p class="score">1 / 1</p>' in results and "100 % right" in results
    assert "1 question was removed from the deck during the quiz and skipped" in results
    assert "not answered yet" not in results


def test_retiring_the_last_open_question_finishes_the_quiz(
    app: Flask, client: FlaskClient, deck_id: int, now: datetime
) -> None:
    quiz_url = start_quiz(client, "2", ["Metabolic causes"])
    fields = hidden_fields(client.get(quiz_url).get_data(as_text=True))
    client.post(f"{quiz_url}/answer", data={**fields, **RIGHT[fields["question_id"]]})
    fields = hidden_fields(client.get(quiz_url).get_data(as_text=True))
    last = fields["question_id"]
    retire(app, last, now)
    refused = client.post(f"{quiz_url}/answer", data={**fields, **RIGHT[last]})
    assert refused.headers["Location"] == quiz_url
    assert client.get(quiz_url).headers["Location"] == f"{quiz_url}/results"
    results = client.get(f"{quiz_url}/results").get_data(as_text=True)
    assert MESSAGE in results  # the message survives the second redirect
    assert '<p class="score">1 / 1</p>' in results
    assert finished_at(app) is not None


def test_an_answer_given_before_the_retirement_still_counts(
    app: Flask, client: FlaskClient, deck_id: int, now: datetime
) -> None:
    quiz_url = start_quiz(client, "2", ["Metabolic causes"])
    fields = hidden_fields(client.get(quiz_url).get_data(as_text=True))
    first = fields["question_id"]
    answered = client.post(f"{quiz_url}/answer", data={**fields, **RIGHT[first]})
    retire(app, first, now)
    retry = client.post(f"{quiz_url}/answer", data={**fields, **RIGHT[first]})
    assert retry.headers["Location"] == answered.headers["Location"]  # replayed, not refused
    results = client.get(f"{quiz_url}/results").get_data(as_text=True)
    assert '<p class="score">1 / 2</p>' in results and "removed from the deck" not in results


def test_the_service_tells_retired_from_unknown(app: Flask, deck_id: int, now: datetime) -> None:
    with app.app_context():
        user = User(created_at=now)
        db.session.add(user)
        db.session.flush()
        quiz = quiz_service.create_quiz(
            db.session, user_id=user.id, deck_id=deck_id, count=5, sections=[], now=now
        )
        db.session.commit()
        retired = quiz.question_ids[0]
        db.session.remove()
    retire(app, retired, now)
    with app.app_context():
        quiz = db.session.get_one(Quiz, quiz.id)

        def answer(question_id: str) -> study.AnswerResult:
            return quiz_service.answer_question(
                db.session, quiz=quiz,
                answer=study.Answer(question_id, "k", study.Response(chosen=0)), now=now,
                settings=settings_for(app.config, None),
            )  # fmt: skip

        with pytest.raises(quiz_service.QuestionRetired, match="removed from the deck"):
            answer(retired)
        db.session.rollback()
        with pytest.raises(study.NotFound):
            answer("not-in-this-quiz")
        question, _position = quiz_service.next_question(db.session, quiz)
        assert question is not None and question.id != retired
        assert quiz_service.results(db.session, quiz).total == 4
        db.session.remove()

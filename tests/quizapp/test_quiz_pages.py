"""Quiz mode through the pages: N questions from chosen sections, score, mistakes."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.db.base import db
from quizapp.db.models import CardState, ReviewLog

from .pages import RIGHT, WRONG, hidden_fields


def start_quiz(client: FlaskClient, count: str, sections: list[str]) -> str:
    response = client.post("/quiz/deck/cramps", data={"count": count, "section": sections})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def test_quiz_on_one_section_scores_and_lists_mistakes(
    app: Flask, client: FlaskClient, deck_id: int
) -> None:
    setup = client.get("/quiz/deck/cramps").get_data(as_text=True)
    assert 'value="Motor neuron diseases"' in setup and 'value="Metabolic causes"' in setup
    quiz_url = start_quiz(client, "10", ["Metabolic causes"])
    asked = []
    for position in (1, 2):
        page = client.get(quiz_url).get_data(as_text=True)
        assert f"Question {position} of 2" in page
        fields = hidden_fields(page)
        qid = fields["question_id"]
        asked.append(qid)
        answer = RIGHT[qid] if qid == "q-def" else WRONG[qid]
        response = client.post(f"{quiz_url}/answer", data={**fields, **answer})
        assert response.status_code == 302
        assert "Continue" in client.get(response.headers["Location"]).get_data(as_text=True)
    assert sorted(asked) == ["q-def", "q-tf"]
    done = client.get(quiz_url)
    assert done.headers["Location"] == f"{quiz_url}/results"
    results = client.get(f"{quiz_url}/results").get_data(as_text=True)
    assert '<p class="score">1 / 2</p>' in results and "50 % right" in results
    mistakes = results.split("Review your mistakes")[1]
    assert "Hypocalcemia is a high level of calcium in the blood." in mistakes
    assert mistakes.count("<li>") == 1  # only the wrong answer is listed
    with app.app_context():  # quiz answers feed the schedule
        sources = db.session.scalars(select(ReviewLog.source)).all()
        assert sources == ["quiz", "quiz"]
        assert len(db.session.scalars(select(CardState)).all()) == 2


def test_a_quiz_question_is_answered_once(client: FlaskClient, deck_id: int) -> None:
    quiz_url = start_quiz(client, "1", [])
    fields = hidden_fields(client.get(quiz_url).get_data(as_text=True))
    data = {**fields, **RIGHT[fields["question_id"]]}
    first = client.post(f"{quiz_url}/answer", data=data)
    retry = client.post(f"{quiz_url}/answer", data=data)
    assert first.headers["Location"] == retry.headers["Location"]
    other_key = client.post(f"{quiz_url}/answer", data={**data, "answer_key": "another-key"})
    assert other_key.status_code == 400


def test_quiz_setup_rejects_bad_input(client: FlaskClient, deck_id: int) -> None:
    assert client.post("/quiz/deck/cramps", data={"count": "0"}).status_code == 400
    assert client.post("/quiz/deck/cramps", data={"count": "ten"}).status_code == 400
    nothing = client.post("/quiz/deck/cramps", data={"count": "3", "section": ["Nope"]})
    assert nothing.status_code == 400 and b"no questions in the chosen sections" in nothing.data


def test_quiz_count_is_capped_by_the_pool(client: FlaskClient, deck_id: int) -> None:
    quiz_url = start_quiz(client, "50", [])
    page = client.get(quiz_url).get_data(as_text=True)
    assert re.search(r"Question 1 of 5<", page)


def test_a_right_quiz_answer_may_be_rerated(client: FlaskClient, deck_id: int) -> None:
    quiz_url = start_quiz(client, "5", ["Metabolic causes"])
    fields = hidden_fields(client.get(quiz_url).get_data(as_text=True))
    answered = client.post(f"{quiz_url}/answer", data={**fields, **RIGHT[fields["question_id"]]})
    feedback_url = answered.headers["Location"]
    assert "Counted as <strong>Good</strong>" in client.get(feedback_url).get_data(as_text=True)
    assert client.post(feedback_url + "/rate", data={"rating": "2"}).status_code == 302
    assert "Counted as <strong>Hard</strong>" in client.get(feedback_url).get_data(as_text=True)

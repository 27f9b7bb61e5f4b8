"""The JSON API's study flow: decks, next card without its answer, answers with feedback,
idempotency by key, re-rating, undo and stats; on SQLite and PostgreSQL."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.db.base import db
from quizapp.db.models import ReviewLog

from .helpers import answer, answer_next, get, next_id, post


def review_count(app: Flask, key: str | None = None) -> int:
    with app.app_context():
        query = select(func.count(ReviewLog.id))
        if key is not None:
            query = query.where(ReviewLog.answer_key == key)
        count = db.session.scalar(query)
        db.session.remove()
    return int(count or 0)


def test_decks_lists_the_deck_with_counts(client: FlaskClient, deck_id: int) -> None:
    body = get(client, "/decks").get_json()
    [deck] = body["decks"]
    assert deck["slug"] == "cramps" and deck["questions"] == 5
    assert deck["counts"]["new"] == 5 and deck["counts"]["done_today"] == 0
    one = get(client, "/decks/cramps").get_json()
    assert [s["name"] for s in one["sections"]] == ["Motor neuron diseases", "Metabolic causes"]


def test_next_card_does_not_reveal_the_answer(client: FlaskClient, deck_id: int) -> None:
    body = get(client, "/decks/cramps/next").get_json()
    card = body["card"]
    assert card["id"] == "q-flash" and card["answer_with"] == "rating"
    assert set(card["intervals"]) == {"again", "hard", "good", "easy"}
    for secret in ("answer", "correct", "correct_answer", "explanation", "accepted"):
        assert secret not in card
    assert "Lou Gehrig" not in str(card)
    assert get(client, "/decks/cramps/next").headers["Cache-Control"] == "no-store"
    assert body["counts"]["total"] == 5


def test_guest_answers_and_gets_full_feedback(client: FlaskClient, deck_id: int) -> None:
    assert get(client, "/me").get_json() == {"learner": None}
    qid = next_id(client)
    response = answer(client, qid, "k1")
    assert response.status_code == 201
    result = response.get_json()
    assert result["correct"] is True and result["replayed"] is False
    assert result["correct_answer"] == "Lou Gehrig's disease"
    assert result["explanation"].startswith("ALS, also known as")
    assert result["source"]["section"] == "Motor neuron diseases"
    assert result["source"]["context"]["sentence"].startswith("ALS, also known as")
    assert result["source"]["article_url"].startswith("/decks/cramps/article#s-")
    learner = get(client, "/me").get_json()["learner"]
    assert learner["guest"] is True
    assert next_id(client) == "q-cloze"


def test_wrong_typed_answer_is_again_with_correct_answer(client: FlaskClient, deck_id: int) -> None:
    answer_next(client, "a")
    result = answer(client, "q-cloze", "b", right=False).get_json()
    assert result["correct"] is False and result["rating"] == 1
    assert result["response"] == "gout"
    assert result["correct_answer"] == "Lou Gehrig's disease"
    assert result["accepted_answers"] == ["Lou Gehrig disease"]
    assert result["allowed_ratings"] == [1]


def test_retried_key_counts_once(app: Flask, client: FlaskClient, deck_id: int) -> None:
    first = answer(client, "q-mc", "same-key")
    again = answer(client, "q-mc", "same-key")
    assert first.status_code == 201 and again.status_code == 200
    assert again.get_json()["replayed"] is True
    assert again.get_json()["review_id"] == first.get_json()["review_id"]
    assert review_count(app, "same-key") == 1
    assert review_count(app) == 1
    stats = get(client, "/decks/cramps/stats").get_json()
    assert stats["reviews_per_day"][-1]["reviews"] == 1


def test_retry_with_a_different_answer_still_returns_the_original(
    app: Flask, client: FlaskClient, deck_id: int
) -> None:
    answer(client, "q-mc", "k", right=True)
    replay = answer(client, "q-mc", "k", right=False).get_json()
    assert replay["replayed"] is True and replay["correct"] is True
    assert review_count(app) == 1


def test_key_reused_for_another_question_conflicts(client: FlaskClient, deck_id: int) -> None:
    assert answer(client, "q-mc", "k").status_code == 201
    response = answer(client, "q-tf", "k")
    assert response.status_code == 409
    assert response.mimetype == "application/problem+json"


def test_rerate_and_undo(app: Flask, client: FlaskClient, deck_id: int) -> None:
    result = answer(client, "q-mc", "k").get_json()
    assert result["allowed_ratings"] == [2, 3, 4]
    rid = result["review_id"]
    easy = post(client, f"/reviews/{rid}/rating", {"rating": 4})
    assert easy.status_code == 200 and easy.get_json()["rating_name"] == "Easy"
    assert post(client, f"/reviews/{rid}/rating", {"rating": 1}).status_code == 422
    undone = post(client, f"/reviews/{rid}/undo")
    assert undone.status_code == 200 and undone.get_json()["undone"] is True
    assert post(client, f"/reviews/{rid}/rating", {"rating": 3}).status_code == 409
    assert post(client, f"/reviews/{rid}/undo").status_code == 200  # undoing twice is harmless
    assert get(client, f"/reviews/{rid}").get_json()["undone"] is True
    stats = get(client, "/decks/cramps/stats").get_json()
    assert stats["reviews_per_day"][-1]["reviews"] == 0


def test_undo_brings_the_card_back(client: FlaskClient, deck_id: int) -> None:
    rid = answer_next(client, "k")["review_id"]
    assert next_id(client) == "q-cloze"
    post(client, f"/reviews/{rid}/undo")
    assert next_id(client) == "q-flash"


def test_bad_bodies_are_4xx_problems(client: FlaskClient, deck_id: int) -> None:
    cases = [
        ({"question_id": "q-mc", "answer_key": "k", "typed": "ALS"}, 422),  # wrong field for kind
        ({"question_id": "q-mc", "answer_key": "k", "chosen": 7}, 422),  # no such option
        ({"question_id": "q-mc", "answer_key": "k", "chosen": True}, 422),  # bool is not int
        ({"question_id": "q-mc", "answer_key": "bad key!", "chosen": 1}, 422),
        ({"question_id": "q-mc", "answer_key": "k", "chosen": 1, "extra": 1}, 422),
        ({"question_id": "q-cloze", "answer_key": "k", "typed": "a\x00b"}, 422),
        ({"question_id": "q-\x00", "answer_key": "k", "chosen": 1}, 422),
        ({"question_id": "q-\ud800", "answer_key": "k", "chosen": 1}, 422),
        ({"question_id": "q-nope", "answer_key": "k", "chosen": 1}, 404),
        (["not", "an", "object"], 422),
    ]
    for body, status in cases:
        response = post(client, "/decks/cramps/answers", body)
        assert response.status_code == status, (body, response.get_json())
        assert response.mimetype == "application/problem+json"
        assert response.get_json()["status"] == status
    broken = post(
        client, "/decks/cramps/answers", data="{nope", headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 400
    assert post(client, "/decks/nope/answers", {"question_id": "q-mc"}).status_code == 404


def test_unknown_things_are_404_problems(client: FlaskClient, deck_id: int) -> None:
    for path in ("/decks/nope", "/decks/nope/next", "/decks/nope/stats", "/nothing"):
        response = get(client, path)
        assert response.status_code == 404 and response.mimetype == "application/problem+json"
    assert get(client, "/decks/a%00b").status_code == 404
    assert client.delete("/api/v1/decks").status_code == 405


def test_stats_endpoint_reports_answers(client: FlaskClient, deck_id: int) -> None:
    answer_next(client, "a")
    answer_next(client, "b", right=False)
    stats = get(client, "/decks/cramps/stats").get_json()
    today = stats["reviews_per_day"][-1]
    assert (today["reviews"], today["right"], today["wrong"]) == (2, 1, 1)
    assert len(stats["reviews_per_day"]) == 30 and len(stats["due_forecast"]) == 30
    assert stats["true_retention"] == {"passed": 0, "failed": 0, "rate": None}
    motor = stats["mastery_by_section"][0]
    assert motor["section"] == "Motor neuron diseases" and motor["total"] == 3
    assert motor["new"] == 1 and motor["young"] + motor["learning"] == 2

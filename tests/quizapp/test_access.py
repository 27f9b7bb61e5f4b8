"""A learner can neither read nor answer another learner's answers or quizzes through pages;
bad requests get friendly 400/404 pages, never a traceback."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from .pages import RIGHT, hidden_fields


@pytest.fixture
def alice_review(client: FlaskClient, deck_id: int) -> str:
    """Alice (the ``client`` fixture) answered q-mc; returns her feedback URL."""
    page = client.get("/study/cramps/q/q-mc").get_data(as_text=True)
    response = client.post("/study/cramps/answer", data={**hidden_fields(page), "chosen": "1"})
    return str(response.headers["Location"])


@pytest.fixture
def alice_quiz(client: FlaskClient, deck_id: int) -> str:
    response = client.post("/quiz/deck/cramps", data={"count": "2"})
    return str(response.headers["Location"])


def test_another_learner_cannot_see_or_change_an_answer(
    app: Flask, client: FlaskClient, alice_review: str
) -> None:
    assert client.get(alice_review).status_code == 200
    mallory = app.test_client()
    mallory.post("/settings/", data={"new_per_day": "20", "retention": "90"})  # a guest now
    assert mallory.get(alice_review).status_code == 404
    assert mallory.post(alice_review + "/rate", data={"rating": "4"}).status_code == 404
    assert mallory.post(alice_review + "/undo").status_code == 404
    anonymous = app.test_client()
    assert anonymous.get(alice_review).status_code == 404
    assert "Counted as <strong>Good</strong>" in client.get(alice_review).get_data(as_text=True)


def test_another_learner_cannot_see_or_answer_a_quiz(
    app: Flask, client: FlaskClient, alice_quiz: str
) -> None:
    fields = hidden_fields(client.get(alice_quiz).get_data(as_text=True))
    mallory = app.test_client()
    mallory.post("/settings/", data={"new_per_day": "20", "retention": "90"})
    assert mallory.get(alice_quiz).status_code == 404
    assert mallory.get(alice_quiz + "/results").status_code == 404
    forged = {**fields, **RIGHT[fields["question_id"]]}
    assert mallory.post(alice_quiz + "/answer", data=forged).status_code == 404
    assert "Question 1 of 2" in client.get(alice_quiz).get_data(as_text=True)


def test_review_of_another_deck_url_is_not_found(client: FlaskClient, alice_review: str) -> None:
    wrong_deck = re.sub(r"/study/cramps/", "/study/other/", alice_review)
    assert client.get(wrong_deck).status_code == 404


@pytest.mark.parametrize(
    ("method", "url", "data", "status", "text"),
    [
        ("get", "/decks/nope", None, 404, "There is nothing here"),
        ("get", "/study/nope", None, 404, "There is nothing here"),
        ("get", "/study/cramps/q/nope", None, 404, "not in the deck"),
        ("get", "/study/cramps/review/999", None, 404, "There is nothing here"),
        ("get", "/quiz/999", None, 404, "There is nothing here"),
        ("post", "/study/cramps/answer", {}, 404, "not in the deck"),
        ("post", "/study/cramps/answer", {"question_id": "q-mc", "answer_key": "k"}, 400,
         "Choose one of the options"),
        ("post", "/study/cramps/answer", {"question_id": "q-mc", "answer_key": "k", "chosen": "x"},
         400, "chosen must be a whole number"),
        ("post", "/study/cramps/answer", {"question_id": "q-mc", "answer_key": "k", "chosen": "9"},
         400, "chosen must be between 0 and 2"),
        ("post", "/study/cramps/answer", {"question_id": "q-mc", "chosen": "1"}, 400,
         "reload the page"),
        ("post", "/study/cramps/answer", {"question_id": "q-flash", "answer_key": "k",
                                          "rating": "7"}, 400, "Rate yourself"),
        ("delete", "/", None, 405, "cannot be used that way"),
        ("get", "/account/password", None, 405, "cannot be used that way"),
        ("get", "/account/delete", None, 405, "cannot be used that way"),
    ],
)  # fmt: skip
def test_bad_requests_get_friendly_pages(
    client: FlaskClient, deck_id: int, method: str, url: str, data: dict[str, str] | None,
    status: int, text: str,
) -> None:  # fmt: skip
    response = getattr(client, method)(url, data=data)
    assert response.status_code == status
    html = response.get_data(as_text=True)
    assert text in html
    assert "Traceback" not in html and "<!doctype html>" in html


def test_account_forms_act_only_on_the_session_learner(
    app: Flask, client: FlaskClient, alice_review: str
) -> None:
    """The profile forms take no user id: a visitor has nothing to change or delete, and a
    guest cannot change a password (they have none); Alice's answers stay hers."""
    visitor = app.test_client()
    change = {"current_password": "x" * 8, "new_password": "y" * 8, "confirm_password": "y" * 8}
    assert "/account/login" in visitor.post("/account/password", data=change).headers["Location"]
    assert "/account/login" in client.post("/account/password", data=change).headers["Location"]
    deleted = visitor.post("/account/delete", data={"confirm_delete": "yes"})
    assert deleted.headers["Location"] == "/account/"
    assert client.get(alice_review).status_code == 200


def test_too_large_request_is_refused(make_app, deck_id: int) -> None:  # type: ignore[no-untyped-def]
    client = make_app(MAX_CONTENT_LENGTH=1000).test_client()
    response = client.post("/study/cramps/answer", data={"typed": "x" * 5000})
    assert response.status_code == 413
    assert "larger than this site accepts" in response.get_data(as_text=True)


def test_api_paths_get_json_errors(client: FlaskClient) -> None:
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.mimetype == "application/problem+json"
    problem = response.get_json()
    assert problem["status"] == 404 and problem["detail"].startswith("There is nothing here")

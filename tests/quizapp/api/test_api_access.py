"""Who may do what through the API: a learner never reads or changes another learner's
answers, and the CSRF rule for JSON requests holds with Flask-WTF switched on."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from .helpers import BASE, answer, answer_next, get, post


def test_other_learners_reviews_are_invisible(app: Flask, deck_id: int) -> None:
    alice, bob = app.test_client(), app.test_client()
    rid = answer_next(alice, "alice-1")["review_id"]
    answer_next(bob, "bob-1")
    for response in (
        get(bob, f"/reviews/{rid}"),
        post(bob, f"/reviews/{rid}/rating", {"rating": 4}),
        post(bob, f"/reviews/{rid}/undo"),
    ):
        assert response.status_code == 404
        assert response.mimetype == "application/problem+json"
    # Alice's answer is untouched by Bob's attempts.
    mine = get(alice, f"/reviews/{rid}").get_json()
    assert mine["undone"] is False and mine["rating"] == 3


def test_visitor_without_a_session_gets_401_for_reviews(app: Flask, deck_id: int) -> None:
    rid = answer_next(app.test_client(), "k")["review_id"]
    stranger = app.test_client()
    assert get(stranger, f"/reviews/{rid}").status_code == 401
    assert post(stranger, f"/reviews/{rid}/undo").status_code == 401


def test_same_key_from_two_learners_is_two_answers(app: Flask, deck_id: int) -> None:
    alice, bob = app.test_client(), app.test_client()
    a = answer(alice, "q-mc", "shared").get_json()
    b = answer(bob, "q-mc", "shared").get_json()
    assert a["review_id"] != b["review_id"] and not b["replayed"]


def test_learners_schedules_are_separate(app: Flask, deck_id: int) -> None:
    alice, bob = app.test_client(), app.test_client()
    answer_next(alice, "a1")
    assert get(bob, "/decks/cramps/next").get_json()["card"]["id"] == "q-flash"
    assert get(bob, "/decks/cramps/stats").get_json()["reviews_per_day"][-1]["reviews"] == 0


def test_csrf_rule_for_json(make_app: Callable[..., Flask], deck_id: int) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    body = {"question_id": "q-mc", "answer_key": "k", "chosen": 1}
    url = f"{BASE}/decks/cramps/answers"
    # No custom header: refused, as a cross-site form post would be.
    assert client.post(url, json=body).status_code == 403
    # A form-encoded body (what a cross-site form can send) is refused even with the header.
    form = client.post(url, data=body, headers={"X-Requested-With": "x"})
    assert form.status_code == 415
    # Another origin, or a browser saying cross-site: refused.
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        refused = client.post(url, json=body, headers={"X-Requested-With": "x", **headers})
        assert refused.status_code == 403
    # Same origin with the header: accepted without any form token.
    ok = client.post(
        url, json=body, headers={"X-Requested-With": "x", "Origin": "http://localhost"}
    )
    assert ok.status_code == 201, ok.get_json()
    # The pages still demand their form token.
    page = client.post("/study/cramps/answer", data={"question_id": "q-mc", "chosen": "1"})
    assert page.status_code == 400


def test_problem_bodies_are_never_html(client: FlaskClient, deck_id: int) -> None:
    response = client.post(f"{BASE}/decks/cramps/answers", data="x" * 10)
    assert response.status_code == 403
    assert response.mimetype == "application/problem+json"
    assert "<html" not in response.get_data(as_text=True).lower()

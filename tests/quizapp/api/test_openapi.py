"""The OpenAPI document describes exactly the routes the app serves, and real responses —
including the edge cases fuzzing rarely reaches (a learner done for today) — conform."""

from __future__ import annotations

import re

import schemathesis
from flask import Flask
from flask.testing import FlaskClient

from .helpers import answer, get, post

BASE = "/api/v1"


def test_document_lists_every_api_route(app: Flask) -> None:
    document = app.test_client().get(f"{BASE}/openapi.json").get_json()
    assert document["openapi"].startswith("3.")
    documented = {
        (re.sub(r"\{\w+\}", "<>", path), method.upper())
        for path, item in document["paths"].items()
        for method in item
    }
    served = {
        (re.sub(r"<[^>]+>", "<>", rule.rule[len(BASE) :]), method)
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith(BASE + "/")
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}
    }
    assert documented == served
    assert "X-Requested-With" in document["info"]["description"]  # the CSRF rule is stated


def test_responses_of_a_learner_done_for_today_conform(app: Flask, deck_id: int) -> None:
    schema = schemathesis.openapi.from_wsgi(f"{BASE}/openapi.json", app)
    client: FlaskClient = app.test_client()
    last = None
    for _ in range(10):
        card = get(client, "/decks/cramps/next").get_json()["card"]
        if card is None:
            break
        last = answer(client, card["id"], f"k-{card['id']}-{_}")
        assert last.status_code == 201
    assert last is not None and last.get_json()["next_card"] is None
    schema["/decks/{slug}/answers"]["POST"].validate_response(last)
    done = get(client, "/decks/cramps/next")
    assert done.get_json()["card"] is None
    schema["/decks/{slug}/next"]["GET"].validate_response(done)
    schema["/decks/{slug}/stats"]["GET"].validate_response(get(client, "/decks/cramps/stats"))
    rid = last.get_json()["review_id"]
    schema["/reviews/{review_id}/undo"]["POST"].validate_response(
        post(client, f"/reviews/{rid}/undo")
    )
    schema["/me"]["GET"].validate_response(get(client, "/me"))
    missing = post(client, "/decks/cramps/answers", {"question_id": "nope", "answer_key": "k"})
    schema["/decks/{slug}/answers"]["POST"].validate_response(missing)

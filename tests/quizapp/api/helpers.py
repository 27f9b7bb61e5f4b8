"""Helpers for API tests: JSON posts that follow the API's CSRF rule, right/wrong bodies."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

BASE = "/api/v1"
HEADERS = {"X-Requested-With": "test"}

RIGHT: dict[str, dict[str, Any]] = {
    "q-flash": {"rating": 3},
    "q-cloze": {"typed": "Lou Gehrig's disease"},
    "q-mc": {"chosen": 1},
    "q-tf": {"chosen": 1},
    "q-def": {"typed": "hypocalcemia"},
}
WRONG: dict[str, dict[str, Any]] = {
    "q-flash": {"rating": 1},
    "q-cloze": {"typed": "gout"},
    "q-mc": {"chosen": 0},
    "q-tf": {"chosen": 0},
    "q-def": {"typed": "anemia"},
}


def post(client: FlaskClient, path: str, body: Any = None, **kwargs: Any) -> TestResponse:
    headers = {**HEADERS, **kwargs.pop("headers", {})}
    if body is None:
        return client.post(BASE + path, headers=headers, **kwargs)
    return client.post(BASE + path, json=body, headers=headers, **kwargs)


def get(client: FlaskClient, path: str) -> TestResponse:
    return client.get(BASE + path)


def next_id(client: FlaskClient, slug: str = "cramps") -> str:
    card = get(client, f"/decks/{slug}/next").get_json()["card"]
    assert card is not None
    return str(card["id"])


def answer(
    client: FlaskClient, qid: str, key: str, right: bool = True, slug: str = "cramps"
) -> TestResponse:
    fields = (RIGHT if right else WRONG)[qid]
    return post(client, f"/decks/{slug}/answers", {"question_id": qid, "answer_key": key, **fields})


def answer_next(client: FlaskClient, key: str, right: bool = True) -> dict[str, Any]:
    response = answer(client, next_id(client), key, right)
    assert response.status_code == 201, response.get_data(as_text=True)
    body: dict[str, Any] = response.get_json()
    return body

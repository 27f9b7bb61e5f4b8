"""Helpers for page-level tests: read hidden fields from a rendered form, answer a card."""

from __future__ import annotations

import re

from flask.testing import FlaskClient

HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')


def hidden_fields(html: str) -> dict[str, str]:
    return dict(HIDDEN.findall(html))


def current_question(client: FlaskClient, slug: str = "cramps") -> dict[str, str]:
    page = client.get(f"/study/{slug}")
    assert page.status_code == 200
    return hidden_fields(page.get_data(as_text=True))


RIGHT = {
    "q-flash": {"rating": "3"},
    "q-cloze": {"typed": "Lou Gehrig's disease"},
    "q-mc": {"chosen": "1"},
    "q-tf": {"chosen": "1"},
    "q-def": {"typed": "hypocalcemia"},
}
WRONG = {
    "q-flash": {"rating": "1"},
    "q-cloze": {"typed": "gout"},
    "q-mc": {"chosen": "0"},
    "q-tf": {"chosen": "0"},
    "q-def": {"typed": "anemia"},
}


def answer_current(client: FlaskClient, right: bool = True, slug: str = "cramps") -> str:
    """Answer whatever card the study page shows; returns its question id."""
    fields = current_question(client, slug)
    qid = fields["question_id"]
    data = {**fields, **(RIGHT if right else WRONG)[qid]}
    response = client.post(f"/study/{slug}/answer", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return qid

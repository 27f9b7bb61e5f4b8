"""Who may do what with own decks: every new URL against every role.

Roles: the deck's ``owner`` (a teacher, whose class has the private deck assigned),
``other`` (another registered learner), ``teacher`` (another teacher, whose class has the
public deck assigned), ``member`` (a student of both classes, who answered a question of
each), ``guest`` and ``visitor`` (no session). A private deck is missing (404) for everyone
but its owner; a public deck is readable by all and editable (403 otherwise) by its owner.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from tests.quizapp.classroom import helpers as classroom

from .helpers import owner_client, upload

ROLES = ("owner", "other", "teacher", "member", "guest", "visitor")
Row = tuple[str, str, dict[str, int], object]


def _assign_and_answer(teacher: FlaskClient, member: FlaskClient, app: Flask, slug: str) -> str:
    class_id = classroom.create_class(teacher, f"Class {slug}")
    assignment = classroom.create_assignment(
        teacher, class_id, deck=slug, kinds=["multiple_choice"], count="1"
    )
    classroom.join(member, classroom.join_code(app, class_id), "Sam")
    attempt = classroom.start(member, assignment)
    fields = classroom.current_fields(member, attempt)
    response = member.post(f"{attempt}/answer", data={**fields, "chosen": "0"})
    assert response.status_code == 302
    return fields["question_id"]


def _setup(app: Flask) -> tuple[dict[str, FlaskClient], dict[str, str]]:
    clients = {role: app.test_client() for role in ROLES}
    clients["owner"] = owner_client(app, "owner")
    private = upload(clients["owner"], "Private deck", "private")
    public = upload(clients["owner"], "Public deck", "public")
    classroom.make_teacher(app, "teacher")
    classroom.log_in(clients["teacher"], "teacher")
    classroom.make_teacher(app, "other")  # a registered account; teaching plays no part for it
    classroom.log_in(clients["other"], "other")
    ids = {
        "private": private,
        "public": public,
        "p_q": _assign_and_answer(clients["owner"], clients["member"], app, private),
        "q_q": _assign_and_answer(clients["teacher"], clients["member"], app, public),
    }
    clients["guest"].post("/settings/", data={"new_per_day": "20", "retention": "90"})
    return clients, ids


def _codes(owner: int, others: int, **special: int) -> dict[str, int]:
    return {**dict.fromkeys(ROLES, others), "owner": owner, **special}


def _rows(ids: dict[str, str]) -> list[Row]:
    p, q = ids["private"], ids["public"]
    pq, qq = ids["p_q"], ids["q_q"]
    edit = {"prompt": "Which is it?"}
    login = {"guest": 302, "visitor": 302, "member": 302}
    rows: list[Row] = [("GET", "/decks/mine", _codes(200, 200, **login), None),
                       ("GET", "/decks/new", _codes(200, 200, **login), None),
                       ("POST", "/decks/new", _codes(400, 400, **login), {"text": ""}),
                       ("POST", "/api/v1/decks",
                        _codes(422, 422, guest=403, member=403, visitor=401), {})]  # fmt: skip
    for slug, qid, other in ((p, pq, 404), (q, qq, 403)):
        readable = 404 if other == 404 else 200
        rows += [
            ("GET", f"/decks/{slug}", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/review", _codes(200, other), None),
            ("GET", f"/decks/{slug}/version", _codes(200, other), None),
            ("POST", f"/decks/{slug}/version", _codes(400, other), {"text": ""}),
            ("POST", f"/decks/{slug}/questions/{qid}", _codes(302, other), edit),
            ("POST", f"/decks/{slug}/questions/{qid}/retire", _codes(302, other), None),
            ("POST", f"/decks/{slug}/questions/{qid}/restore", _codes(302, other), None),
            ("POST", f"/decks/{slug}/questions", _codes(400, other), {"kind": "cloze"}),
            ("GET", f"/decks/{slug}/bank.json", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/cards.tsv", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/deck.gift", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/anki.apkg", _codes(200, readable), None),
            ("GET", f"/api/v1/decks/{slug}/questions", _codes(200, other), None),
            ("PATCH", f"/api/v1/decks/{slug}/questions/{qid}", _codes(200, other), {}),
            ("POST", f"/api/v1/decks/{slug}/questions", _codes(422, other), {}),
            # only a learner who answered the question may report it: the class member
            ("POST", f"/questions/{qid}/report", _codes(404, 404, member=302),
             {"reason": "confusing"}),
            # ... once: the page's report above came first
            ("POST", f"/api/v1/decks/{slug}/questions/{qid}/reports",
             _codes(404, 404, member=409), {"reason": "other"}),
        ]  # fmt: skip
    return rows


def _open(client: FlaskClient, method: str, url: str, data: object) -> int:
    if url.startswith("/api/"):
        headers = {"X-Requested-With": "matrix"}
        if method == "GET":
            return client.get(url).status_code
        return client.open(url, method=method, json=data, headers=headers).status_code
    return client.open(url, method=method, data=data).status_code


def test_every_role_against_every_own_deck_url(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    clients, ids = _setup(app)
    mismatches = []
    for method, url, expected, data in _rows(ids):
        for role in ROLES:
            status = _open(clients[role], method, url, data)
            if status != expected[role]:
                mismatches.append((role, method, url, status, expected[role]))
    assert mismatches == [], "\n".join(map(str, mismatches))

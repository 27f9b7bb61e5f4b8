"""Guests, registration, login on another device, logout, CSRF and rate limits."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.db.base import db
from quizapp.db.models import CardState, ReviewLog, User

from .pages import answer_current, current_question, hidden_fields

PASSWORD = "correct horse battery"


def register(client: FlaskClient, username: str = "ada") -> None:
    response = client.post(
        "/account/register",
        data={"username": username, "password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def test_visitor_sees_cards_without_an_account(client: FlaskClient, deck_id: int) -> None:
    assert current_question(client)["question_id"] == "q-flash"
    with client.application.app_context():
        assert db.session.scalar(select(func.count(User.id))) == 0  # nothing saved by looking


def test_guest_registers_and_finds_the_same_cards_on_a_new_device(
    app: Flask, client: FlaskClient, deck_id: int
) -> None:
    answered = [answer_current(client, right=False), answer_current(client, right=True)]
    assert answered == ["q-flash", "q-cloze"]
    register(client, "Ada")
    with app.app_context():
        users = db.session.scalars(select(User)).all()
        assert [(u.username, u.display_name) for u in users] == [("ada", "Ada")]  # same row

    laptop = app.test_client()
    assert current_question(laptop)["question_id"] == "q-flash"  # a stranger starts fresh
    response = laptop.post("/account/login", data={"username": "ADA", "password": PASSWORD})
    assert response.status_code == 302
    # Same queue on the new device: q-flash was failed (Again) and comes back; q-cloze is done.
    phone_page = client.get("/study/cramps").get_data(as_text=True)
    laptop_page = laptop.get("/study/cramps").get_data(as_text=True)
    progress = re.compile(r'id="progress-label">([^<]+)<')
    assert progress.findall(laptop_page) == progress.findall(phone_page) == ["4 cards left"]
    assert hidden_fields(laptop_page)["question_id"] == hidden_fields(phone_page)["question_id"]


def test_wrong_password_and_unknown_user_look_the_same(client: FlaskClient, deck_id: int) -> None:
    register(client)
    client.post("/account/logout")
    wrong = client.post("/account/login", data={"username": "ada", "password": "nope nope"})
    unknown = client.post("/account/login", data={"username": "bob", "password": "nope nope"})
    assert wrong.status_code == unknown.status_code == 401
    assert b"Wrong username or password." in wrong.data
    assert b"Wrong username or password." in unknown.data


def test_logout_forgets_the_learner(client: FlaskClient, deck_id: int) -> None:
    register(client)
    assert b"Log out" in client.get("/").data
    client.post("/account/logout")
    assert b"Log in" in client.get("/").data


def test_registration_problems_are_shown(client: FlaskClient, deck_id: int) -> None:
    register(client)
    client.post("/account/logout")
    taken = client.post(
        "/account/register", data={"username": "ada", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert taken.status_code == 400 and b"That username is taken." in taken.data
    short = client.post(
        "/account/register", data={"username": "x", "password": "a", "confirm": "a"}
    )
    assert short.status_code == 400
    assert b"Use 3 to 40" in short.data and b"at least 8" in short.data


def test_login_redirects_only_within_the_site(client: FlaskClient, deck_id: int) -> None:
    register(client)
    client.post("/account/logout")
    for target, expected in [("/settings/", "/settings/"), ("https://evil.example/", "/"),
                             ("//evil.example/", "/")]:  # fmt: skip
        response = client.post(
            "/account/login", data={"username": "ada", "password": PASSWORD, "next": target}
        )
        assert response.headers["Location"] == expected
        client.post("/account/logout")


def test_forged_form_is_rejected_by_csrf(make_app: Callable[..., Flask], deck_id: int) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    client = app.test_client()
    fields = current_question(client)
    forged = {k: v for k, v in fields.items() if k != "csrf_token"}
    response = client.post("/study/cramps/answer", data={**forged, "rating": "3"})
    assert response.status_code == 400
    assert b"The form expired or came from another site" in response.data
    genuine = client.post("/study/cramps/answer", data={**fields, "rating": "3"})
    assert genuine.status_code == 302
    no_token_login = client.post("/account/login", data={"username": "a", "password": "b"})
    assert no_token_login.status_code == 400


def test_failed_logins_are_rate_limited(make_app: Callable[..., Flask], deck_id: int) -> None:
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    codes = [
        client.post(
            "/account/login", data={"username": "ada", "password": "wrong pass"}
        ).status_code
        for _ in range(4)
    ]
    assert codes == [401, 401, 401, 429]
    assert b"Please wait" in client.post("/account/login", data={"username": "x"}).data


def test_session_cookie_is_httponly_and_samesite(client: FlaskClient, deck_id: int) -> None:
    answer_current(client)
    cookie = client.get_cookie("quizapp_session")
    assert cookie is not None
    assert cookie.http_only and cookie.same_site == "Lax"


def test_logging_in_from_a_guest_session_adopts_the_guests_new_cards(
    app: Flask, client: FlaskClient, deck_id: int
) -> None:
    register(client, "ada")
    assert answer_current(client, right=True) == "q-flash"  # Ada's own history of q-flash
    client.post("/account/logout")
    # As a guest on the same device: q-flash again (a conflict) and q-cloze (new to Ada).
    assert answer_current(client, right=False) == "q-flash"
    assert answer_current(client, right=True) == "q-cloze"
    response = client.post("/account/login", data={"username": "ada", "password": PASSWORD})
    assert response.status_code == 302
    with app.app_context():
        ada = db.session.scalar(select(User).where(User.username == "ada"))
        assert ada is not None
        states = {s.question_id: s for s in db.session.scalars(select(CardState))}
        assert states["q-cloze"].user_id == ada.id  # adopted
        logs = db.session.scalars(select(ReviewLog).order_by(ReviewLog.id)).all()
        owners = [(log.question_id, log.user_id == ada.id, log.correct) for log in logs]
        # Ada keeps her own (right) q-flash; the guest's wrong q-flash stays with the guest.
        assert owners == [
            ("q-flash", True, True),
            ("q-flash", False, False),
            ("q-cloze", True, True),
        ]

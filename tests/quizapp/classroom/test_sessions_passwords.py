"""Sessions that end and passwords that hold (issue 9, finding 3): logout and password
changes end every other session, accounts' sessions lapse when idle and after a maximum
age, every password check shares the limits, per-account backoff a stranger cannot turn
into a lockout, common passwords refused, and a retried first answer finds its guest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.db.base import db
from quizapp.db.models import ReviewLog, User

from ..api.helpers import get, post
from .helpers import Clock, class_code, join

PASSWORD = "correct horse battery"
NEW_PASSWORD = "violet staple orbit"


def _register(client: FlaskClient, username: str = "ada", password: str = PASSWORD) -> int:
    response = client.post(
        "/account/register", data={"username": username, "password": password, "confirm": password}
    )
    return response.status_code


def _login(client: FlaskClient, username: str = "ada", password: str = PASSWORD, **env: Any) -> int:
    response = client.post(
        "/account/login", data={"username": username, "password": password}, environ_base=env
    )
    return response.status_code


def _learner(client: FlaskClient) -> Any:
    return get(client, "/me").get_json()["learner"]


def _copy_cookie(app: Flask, source: FlaskClient) -> FlaskClient:
    cookie = source.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    thief = app.test_client()
    thief.set_cookie(cookie.key, cookie.value)
    return thief


def test_logout_ends_a_copied_cookie(capp: Flask) -> None:
    ada = capp.test_client()
    assert _register(ada) == 302
    thief = _copy_cookie(capp, ada)
    assert _learner(thief)["username"] == "ada"
    ada.post("/account/logout")
    assert _learner(thief) is None


def test_a_password_change_ends_every_other_session(capp: Flask) -> None:
    ada, laptop = capp.test_client(), capp.test_client()
    assert _register(ada) == 302
    assert _login(laptop) == 302
    changed = ada.post(
        "/account/password",
        data={
            "current_password": PASSWORD,
            "new_password": NEW_PASSWORD,
            "confirm_password": NEW_PASSWORD,
        },
    )
    assert changed.status_code == 302
    assert _learner(laptop) is None
    assert _learner(ada)["username"] == "ada"  # the session that changed it stays


def test_account_sessions_lapse_when_idle_and_with_age(capp: Flask, clock: Clock) -> None:
    ada = capp.test_client()
    assert _register(ada) == 302
    clock.advance(days=6)
    assert _learner(ada) is not None  # used within a week: still signed in
    clock.advance(days=8)
    assert _learner(ada) is None  # idle for 8 days
    assert _login(ada) == 302
    for _ in range(29):
        clock.advance(days=1)
        assert _learner(ada) is not None
    clock.advance(days=2)
    assert _learner(ada) is None  # signed in 31 days ago, even though used every day


def test_a_guest_keeps_the_cookie_for_its_whole_lifetime(capp: Flask, clock: Clock) -> None:
    guest = capp.test_client()
    answer = {"question_id": "q-mc", "answer_key": "guest-first-answer-01", "chosen": 1}
    assert post(guest, "/decks/cramps/answers", answer).status_code == 201
    clock.advance(days=300)
    assert _learner(guest) is not None  # the cookie is a guest's only way back


def test_class_password_asks_for_the_current_one(capp: Flask) -> None:
    code = class_code(capp)
    ada = capp.test_client()
    assert _register(ada) == 302
    join(ada, code, "Ada")
    new = {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    refused = ada.post("/classes/password", data=new)
    assert refused.status_code == 400 and "current password" in refused.get_data(as_text=True)
    wrong = ada.post("/classes/password", data={**new, "current_password": "not it at all"})
    assert wrong.status_code == 400
    assert (
        ada.post("/classes/password", data={**new, "current_password": PASSWORD}).status_code == 302
    )
    assert _login(capp.test_client(), password=NEW_PASSWORD) == 302


def test_join_password_checks_share_the_login_limit(
    make_app: Callable[..., Flask], deck_id: int
) -> None:
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    code = class_code(app)
    ann = app.test_client()
    join(ann, code, "Ann")
    ann.post("/classes/password", data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    guesser = app.test_client()
    codes = [
        guesser.post(
            "/join", data={"code": code, "name": "Ann", "password": f"guess {i}"}
        ).status_code
        for i in range(4)
    ]
    assert codes == [400, 400, 400, 429]
    assert _login(guesser, "ann", "whatever") == 429  # one budget for every password form


def test_backoff_per_account_and_address_says_how_long(
    make_app: Callable[..., Flask], deck_id: int
) -> None:
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="1000 per minute")
    assert _register(app.test_client()) == 302
    stranger = app.test_client()
    there = {"REMOTE_ADDR": "198.51.100.7"}
    assert [_login(stranger, password=f"guess {i}", **there) for i in range(5)] == [401] * 5
    refused = stranger.post(
        "/account/login", data={"username": "ada", "password": PASSWORD}, environ_base=there
    )
    assert refused.status_code == 429
    assert "Try again in 1 second" in refused.get_data(as_text=True)
    assert int(refused.headers["Retry-After"]) >= 1
    # The owner, elsewhere, is not locked out by the stranger's guesses.
    assert _login(app.test_client(), REMOTE_ADDR="203.0.113.9") == 302


@pytest.mark.parametrize("password", ["password", "password1", "qwertyuiop", "12345678"])
def test_common_passwords_are_refused(capp: Flask, password: str) -> None:
    client = capp.test_client()
    response = client.post(
        "/account/register", data={"username": "bob", "password": password, "confirm": password}
    )
    assert response.status_code == 400
    assert "too common" in response.get_data(as_text=True)


def _guests(app: Flask) -> int:
    with app.app_context():
        count = db.session.scalar(select(func.count(User.id)))
        db.session.remove()
    return int(count or 0)


def test_a_retried_first_answer_finds_its_guest(capp: Flask) -> None:
    body = {"question_id": "q-mc", "answer_key": "first-answer-key-0001", "chosen": 1}
    first = post(capp.test_client(), "/decks/cramps/answers", body)
    retry = post(capp.test_client(), "/decks/cramps/answers", body)  # the cookie was lost
    assert (first.status_code, retry.status_code) == (201, 200)
    assert retry.get_json()["replayed"] is True
    assert retry.get_json()["review_id"] == first.get_json()["review_id"]
    assert _guests(capp) == 1
    with capp.app_context():
        assert db.session.scalar(select(func.count(ReviewLog.id))) == 1
        db.session.remove()


def test_a_retried_first_answer_on_the_study_page_finds_its_guest(capp: Flask) -> None:
    form = {"question_id": "q-mc", "chosen": "1", "answer_key": "page-first-answer-0001"}
    first = capp.test_client().post("/study/cramps/answer", data=form)
    retry = capp.test_client().post("/study/cramps/answer", data=form)
    assert first.status_code == retry.status_code == 302
    assert first.headers["Location"] == retry.headers["Location"]
    assert _guests(capp) == 1


def test_an_old_or_short_key_never_hands_out_a_guest(capp: Flask, clock: Clock) -> None:
    short = {"question_id": "q-mc", "answer_key": "k1", "chosen": 1}
    post(capp.test_client(), "/decks/cramps/answers", short)
    post(capp.test_client(), "/decks/cramps/answers", short)
    assert _guests(capp) == 2  # too easy to guess: a second guest instead
    late = {"question_id": "q-mc", "answer_key": "late-first-answer-01", "chosen": 1}
    post(capp.test_client(), "/decks/cramps/answers", late)
    clock.advance(minutes=20)  # past the 15-minute retry window
    post(capp.test_client(), "/decks/cramps/answers", late)
    assert _guests(capp) == 4

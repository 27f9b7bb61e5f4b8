"""The session cookie is sent when the session changes and renewed once a day, not on every
response (``quizapp.web.cookies``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from flask.testing import FlaskClient

from quizapp.web import cookies
from quizapp.web.auth import SESSION_KEY

from .pages import answer_current

DAY = cookies.SECONDS_PER_DAY


def _session_cookie(response_headers: list[str]) -> str | None:
    found = [h for h in response_headers if h.startswith("quizapp_session=")]
    return found[0] if found else None


def _learner(app: Flask, client: FlaskClient) -> object:
    cookie = client.get_cookie("quizapp_session")
    assert cookie is not None
    serializer = SecureCookieSessionInterface().get_signing_serializer(app)
    assert serializer is not None
    return serializer.loads(cookie.value).get(SESSION_KEY)


@pytest.mark.usefixtures("deck_id")
def test_cookie_sent_on_change_and_once_a_day(make_app: Callable[..., Flask]) -> None:
    now = [datetime.fromtimestamp(20_000 * DAY + 3600.0, UTC)]
    app = make_app(CLOCK=lambda: now[0])
    client = app.test_client()
    answer_current(client)  # the first answer creates the guest: the session changed
    learner = _learner(app, client)
    assert learner is not None

    again = client.get("/")
    assert _session_cookie(again.headers.getlist("Set-Cookie")) is None  # unchanged, same day

    now[0] = datetime.fromtimestamp(20_001 * DAY + 3600.0, UTC)
    next_day = client.get("/")
    renewed = _session_cookie(next_day.headers.getlist("Set-Cookie"))
    assert renewed is not None and "Expires=" in renewed  # renewed, with a fresh expiry
    later = client.get("/")
    assert _session_cookie(later.headers.getlist("Set-Cookie")) is None

    assert _learner(app, client) == learner  # the renewed cookie names the same learner


@pytest.mark.usefixtures("deck_id")
def test_a_changed_session_is_always_sent(app: Flask) -> None:
    client = app.test_client()
    answer_current(client)
    response = client.post("/account/logout")
    assert _session_cookie(response.headers.getlist("Set-Cookie")) is not None

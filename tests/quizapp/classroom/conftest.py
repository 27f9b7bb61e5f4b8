"""Classroom test fixtures: a settable clock and an app using it, with the small deck."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.quizapp.conftest import NOW

from .helpers import Clock, log_in, make_teacher


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def capp(make_app: Callable[..., Flask], clock: Clock, deck_id: int) -> Flask:
    """The app on the test database with the small ``cramps`` deck and a settable clock."""
    return make_app(CLOCK=clock)


@pytest.fixture
def teacher(capp: Flask) -> FlaskClient:
    """A logged-in teacher's client."""
    make_teacher(capp, "teacher")
    client = capp.test_client()
    log_in(client, "teacher")
    return client

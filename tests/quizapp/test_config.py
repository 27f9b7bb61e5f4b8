"""Configuration comes from defaults, then instance/config.py, then QUIZAPP_* variables."""

from __future__ import annotations

import pytest

from quizapp import create_app
from quizapp.db.base import db


def test_environment_variables_configure_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZAPP_DATABASE_URL", "postgresql://learner@db.example/quizapp")
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "from-the-environment")
    monkeypatch.setenv("QUIZAPP_SESSION_COOKIE_SECURE", "true")
    monkeypatch.setenv("QUIZAPP_RATELIMIT_STORAGE_URI", "redis://cache.example:6379")
    monkeypatch.setenv("QUIZAPP_NEW_CARDS_PER_DAY", "7")
    monkeypatch.setenv("QUIZAPP_AUTO_BOOTSTRAP", "false")  # no server to talk to here
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-the-environment"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://cache.example:6379"
    assert app.config["NEW_CARDS_PER_DAY"] == 7
    assert app.config["MAX_CONTENT_LENGTH"] == 1024 * 1024
    with app.app_context():
        assert db.engine.url.drivername == "postgresql+psycopg"
        assert db.engine.url.host == "db.example"
        db.engine.dispose()

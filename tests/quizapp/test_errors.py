"""An unexpected error is a friendly 500 page (logged), never a traceback; headers are set."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask


def test_unexpected_error_is_a_friendly_500(
    make_app: Callable[..., Flask], caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app()

    @app.get("/boom")
    def boom() -> str:
        raise RuntimeError("secret internals")

    response = app.test_client().get("/boom")
    assert response.status_code == 500
    html = response.get_data(as_text=True)
    assert "Something went wrong" in html
    assert "secret internals" not in html and "Traceback" not in html
    assert "unhandled error on GET /boom" in caplog.text


def test_security_headers(make_app: Callable[..., Flask]) -> None:
    response = make_app().test_client().get("/account/login")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


def test_trusted_proxy_addresses_count_for_rate_limits(make_app: Callable[..., Flask]) -> None:
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="1 per minute", TRUSTED_PROXIES=1)
    client = app.test_client()

    def login_from(address: str) -> int:
        headers = {"X-Forwarded-For": address}
        data = {"username": "nobody", "password": "wrong password"}
        return client.post("/account/login", data=data, headers=headers).status_code

    assert [login_from("203.0.113.1"), login_from("203.0.113.1")] == [401, 429]
    assert login_from("203.0.113.2") == 401  # another learner behind the same proxy

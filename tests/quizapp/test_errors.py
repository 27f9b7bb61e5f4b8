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

"""The quizapp web application: ``create_app`` is the table of contents."""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    if test_config is None:
        app.config.from_prefixed_env("QUIZAPP")
    else:
        app.config.update(test_config)
    return app

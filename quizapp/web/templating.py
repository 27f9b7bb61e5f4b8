"""What every template can use: the current learner, interval formatting, asset versions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask

from quizapp.domain.scheduler import format_interval
from quizapp.web.auth import current_user


def register(app: Flask) -> None:
    app.jinja_env.filters["interval"] = _interval
    app.jinja_env.globals["current_user"] = current_user
    app.context_processor(_globals)


def _interval(delta: timedelta) -> str:
    return format_interval(delta)


def _globals() -> dict[str, Any]:
    return {"site_name": "quizapp"}

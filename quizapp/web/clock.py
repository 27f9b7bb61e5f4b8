"""The request's notion of "now": the real UTC clock, or ``app.config["CLOCK"]`` in tests.

Views and API handlers call ``clock.now()`` once and pass the value down; services never
read the clock themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import current_app

from quizapp.domain.timezones import as_utc, utcnow


def now() -> datetime:
    source: Callable[[], datetime] = current_app.config.get("CLOCK") or utcnow
    return as_utc(source())

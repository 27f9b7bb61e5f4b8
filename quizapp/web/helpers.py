"""Small helpers shared by the page blueprints: parsing form fields, the learner's settings,
looking things up or answering 404, fresh idempotency keys."""

from __future__ import annotations

import time
import uuid
from typing import NoReturn

from flask import abort, current_app, request

from quizapp.db.base import db
from quizapp.db.models import Deck
from quizapp.services.deck_access import viewable_deck
from quizapp.services.settings import StudySettings, settings_for
from quizapp.services.study import NotFound
from quizapp.web.auth import current_user, current_user_id


def study_settings() -> StudySettings:
    return settings_for(current_app.config, current_user())


def deck_or_404(slug: str) -> Deck:
    """The deck, if this learner may see it (a private deck of someone else is a 404)."""
    try:
        return viewable_deck(db.session, slug, current_user_id())
    except NotFound:
        not_found()


def not_found(message: str | None = None) -> NoReturn:
    if message:
        abort(404, message)
    abort(404)


def bad_request(message: str) -> NoReturn:
    abort(400, message)


def new_answer_key() -> str:
    """A fresh idempotency key, rendered into each answer form."""
    return uuid.uuid4().hex


def now_ms() -> int:
    return int(time.time() * 1000)


def form_int(name: str, low: int, high: int) -> int | None:
    """An integer form field within [low, high], None if absent; 400 if malformed."""
    raw = request.form.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = int(raw)
    except ValueError:
        bad_request(f"{name} must be a whole number")
    if not low <= value <= high:
        bad_request(f"{name} must be between {low} and {high}")
    return value


def duration_since(shown_ms: str | None) -> int | None:
    """Milliseconds since the question was shown (from the form), or None if unknown."""
    try:
        shown = int(shown_ms or "")
    except ValueError:
        return None
    return max(0, now_ms() - shown)

"""Configuration defaults and the few derived settings (database URL, secret key).

``create_app`` loads these defaults first, then ``config.py`` in the instance folder if
present, then ``QUIZAPP_*`` environment variables. The instance folder (database, secret
key, ``config.py``) is ``instance/`` next to the code unless ``QUIZAPP_INSTANCE_PATH`` names
another. This module owns the names and default values of every setting quizapp reads;
nothing else hard-codes one.
"""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Defaults; every key can be overridden by instance/config.py or QUIZAPP_<KEY>.
DEFAULTS: dict[str, Any] = {
    # Cookies: HttpOnly and SameSite=Lax always; Secure is for deployments behind HTTPS.
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "SESSION_COOKIE_NAME": "quizapp_session",
    "PERMANENT_SESSION_LIFETIME": 400 * 24 * 3600,  # guests keep their progress for a long time
    # A registered account's session ends after this many days without a visit, and this
    # many days after signing in, whatever the cookie says (docs/security.md says why).
    "SESSION_IDLE_DAYS": 7,
    "SESSION_MAX_DAYS": 30,
    # Bank files are uploaded nowhere; forms are small.
    "MAX_CONTENT_LENGTH": 1024 * 1024,
    # A pooled connection idle this long is pinged before use (quizapp.db.pooling); one used
    # more recently is trusted, saving a round trip per request.
    "DB_PING_IDLE_SECONDS": 10.0,
    # Number of reverse proxies in front of the app whose X-Forwarded-* headers are trusted
    # (rate limits then count per real client address). 0: none, use the socket address.
    "TRUSTED_PROXIES": 0,
    # Flask-Limiter: memory:// is per process; set redis://… to share across workers.
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": True,
    # Per client address; only wrong passwords count (every form that checks one shares
    # it). Per account, quizapp.web.throttle backs off instead of locking out.
    "LOGIN_RATE_LIMIT": "10 per minute;50 per hour",
    "REGISTER_RATE_LIMIT": "20 per hour",
    # Generating a deck from an article costs seconds of CPU: per account, pages and API.
    "DECK_GENERATE_RATE_LIMIT": "10 per hour",
    "WTF_CSRF_TIME_LIMIT": None,  # tokens live as long as the session; no expired-form surprises
    # Scheduling.
    "FSRS_DESIRED_RETENTION": 0.9,
    "FSRS_ENABLE_FUZZING": True,
    "NEW_CARDS_PER_DAY": 20,
    # Anki's "bury siblings": after one question of a fact or sentence is answered, the
    # others wait until the next study day, and a quiz draws one question per sentence.
    "BURY_SIBLINGS": True,
    # The study day starts at this hour (Anki: 4 a.m.) in the learner's time zone: the one
    # their browser reported or they chose in Settings, else DEFAULT_TIME_ZONE.
    "DAY_STARTS_AT_HOUR": 4,
    "DEFAULT_TIME_ZONE": "UTC",
    # When nothing is due, learning cards due within this many minutes are shown (Anki: 20).
    "LEARN_AHEAD_MINUTES": 20,
    "QUIZ_DEFAULT_LENGTH": 10,
    # Import the default deck into an empty database on first start.
    "AUTO_BOOTSTRAP": True,
}

SECRET_KEY_FILE = "secret_key"
INSTANCE_PATH_ENV = "QUIZAPP_INSTANCE_PATH"


def instance_path(environ: Mapping[str, str]) -> str | None:
    """The instance folder named by ``QUIZAPP_INSTANCE_PATH`` (made absolute, as Flask
    requires), or None for Flask's default ``instance/`` next to the package."""
    value = environ.get(INSTANCE_PATH_ENV, "")
    return os.path.abspath(value) if value else None


def database_url(url: str | None, instance_path: str) -> str:
    """The SQLAlchemy URL: the given one (normalised) or a SQLite file in the instance folder."""
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "quizapp.sqlite3")
    # Plain postgresql:// (and Heroku-style postgres://) would pick psycopg2; we ship psycopg 3.
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def persistent_secret_key(instance_path: str) -> str:
    """A secret key generated once and kept in the instance folder, so sessions survive restarts.
    Called on the first request, not when the app is built: ``--help`` writes nothing."""
    path = Path(instance_path) / SECRET_KEY_FILE
    try:
        existing = path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        existing = ""
    if existing:
        return existing
    key = secrets.token_hex(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    # O_EXCL: if two workers race, the loser reads the winner's key instead of overwriting it.
    try:
        with path.open("x", encoding="utf-8") as fh:
            fh.write(key + "\n")
        path.chmod(0o600)
    except FileExistsError:
        return _wait_for_key(path)
    return key


def _wait_for_key(path: Path) -> str:
    """Another process created the file first; give it a moment to finish writing."""
    for _ in range(50):
        existing = path.read_text(encoding="utf-8").strip()
        if existing:
            return existing
        time.sleep(0.02)
    raise RuntimeError(f"{path} exists but is empty; delete it and restart")

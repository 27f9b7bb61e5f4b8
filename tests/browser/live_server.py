"""What every browser test needs to run the real app, shared by ``conftest.py`` and the
classroom fixtures: finding Playwright and Debian's chromium (or skipping, saying why),
building the app on a fresh migrated SQLite database with test decks imported, and serving
it with werkzeug's ``make_server`` on 127.0.0.1 and a free port in a background thread.

Set ``QUIZAPP_CHROMIUM`` to use another chromium binary.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import flask_migrate
import pytest
from flask import Flask
from werkzeug.serving import make_server

from questions.model import Bank
from quizapp import create_app
from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.db.schema import migrations_dir

CHROMIUM = os.environ.get("QUIZAPP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def require_playwright() -> Any:
    """``sync_playwright``, or skip the test when playwright or chromium is missing."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"no chromium at {CHROMIUM} (apt install chromium, or set QUIZAPP_CHROMIUM)")
    return sync_playwright


def migrated_app(config: dict[str, Any], banks: Iterable[Bank]) -> Flask:
    """The app with ``config``, its database migrated to head and ``banks`` imported."""
    app = create_app(config)
    with app.app_context():
        flask_migrate.upgrade(directory=migrations_dir(app))
        now = datetime.now(UTC)
        for bank in banks:
            import_bank(db.session, bank, now)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return app


@contextmanager
def serving(app: Flask, thread_name: str) -> Iterator[str]:
    """Serve ``app`` in a daemon thread for the ``with`` block; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name=thread_name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            db.engine.dispose()

"""Fixtures for the classroom browser test, kept out of the shared ``conftest.py``:

* ``classroom_url`` — the app on a fresh SQLite database in ``tmp_path`` (migrated, the small
  ``cramps`` test deck imported), served by werkzeug's ``make_server`` on 127.0.0.1 and a
  free port in a thread; CSRF on as in production; live progress polled every 2 s;
* ``classroom_browser`` — the shared session chromium (``browser`` from the conftest) when
  there is one, else its own, launched from Debian's chromium with ``executable_path``.

Without playwright or chromium the tests skip, saying why.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import flask_migrate
import pytest
from werkzeug.serving import make_server

from quizapp import create_app
from quizapp.deck_import import import_bank
from quizapp.extensions import db
from quizapp.schema import migrations_dir
from tests.quizapp.conftest import build_bank

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
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"no chromium at {CHROMIUM} (apt install chromium, or set QUIZAPP_CHROMIUM)")
    return sync_playwright


@pytest.fixture
def classroom_url(tmp_path: Path) -> Iterator[str]:
    require_playwright()  # skip before building anything
    app = create_app(
        {
            "SECRET_KEY": "classroom-browser-test",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'classroom.sqlite3'}",
            "AUTO_BOOTSTRAP": False,
            "RATELIMIT_ENABLED": False,
            "FSRS_ENABLE_FUZZING": False,
            "CLASSROOM_POLL_SECONDS": 2,
        }
    )
    with app.app_context():
        flask_migrate.upgrade(directory=migrations_dir(app))
        import_bank(db.session, build_bank(), datetime.now(UTC))
        db.session.commit()
        db.session.remove()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="classroom-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="module")
def classroom_browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    try:
        shared = request.getfixturevalue("browser")
    except pytest.FixtureLookupError:
        shared = None
    if shared is not None:
        yield shared
        return
    sync_playwright = require_playwright()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()

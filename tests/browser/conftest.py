"""Browser tests: the real app served over HTTP in a background thread, driven by Debian's
chromium through Playwright's sync API (no browser download: ``executable_path``).

* ``live_url`` — a fresh SQLite database in a temporary folder, migrated, with the small
  test deck (``cramps``: one question of each kind) and the default deck imported, served by
  werkzeug's ``make_server`` on 127.0.0.1 and a free port; CSRF protection is on, as in
  production.
* ``browser`` — one headless chromium for the test session; ``page``/``phone`` open a fresh
  context (own cookies) at desktop or 360 px width.

Without playwright or chromium these tests skip, saying why (CI turns skips into failures).
Set ``QUIZAPP_CHROMIUM`` to use another chromium binary.
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

from questions import bankfile
from questions.default_deck import DEFAULT_BANK
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
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1100, "height": 850}


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install playwright)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"no chromium at {CHROMIUM} (apt install chromium, or set QUIZAPP_CHROMIUM)")
    return sync_playwright


@pytest.fixture(scope="session")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("browser-db")
    config = {
        "SECRET_KEY": "browser-test-secret",
        "DATABASE_URL": f"sqlite:///{Path(folder) / 'quizapp.sqlite3'}",
        "AUTO_BOOTSTRAP": False,
        "RATELIMIT_ENABLED": False,
        "FSRS_ENABLE_FUZZING": False,
    }
    app = create_app(config)
    with app.app_context():
        flask_migrate.upgrade(directory=migrations_dir(app))
        now = datetime.now(UTC)
        import_bank(db.session, build_bank(), now)
        import_bank(db.session, bankfile.load(DEFAULT_BANK), now)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_playwright = _playwright()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def _context_page(browser: Any, live_url: str, viewport: dict[str, int]) -> Iterator[Any]:
    context = browser.new_context(viewport=viewport, base_url=live_url)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser: Any, live_url: str) -> Iterator[Any]:
    yield from _context_page(browser, live_url, DESKTOP)


@pytest.fixture
def phone(browser: Any, live_url: str) -> Iterator[Any]:
    yield from _context_page(browser, live_url, PHONE)

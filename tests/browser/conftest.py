"""Browser tests: the real app served over HTTP in a background thread, driven by Debian's
chromium through Playwright's sync API (no browser download: ``executable_path``).

* ``live_url`` — a fresh SQLite database in a temporary folder, migrated, with the small
  test deck (``cramps``: one question of each kind) and the default deck imported, served by
  werkzeug's ``make_server`` on 127.0.0.1 and a free port; CSRF protection is on, as in
  production.
* ``browser`` — one headless chromium for the test session; ``page``/``phone`` open a fresh
  context (own cookies) at desktop or 360 px width.

The server and chromium plumbing lives in ``live_server.py``. Without playwright or chromium
these tests skip, saying why (CI turns skips into failures). Set ``QUIZAPP_CHROMIUM`` to use
another chromium binary.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from questions import bankfile
from questions.default_deck import DEFAULT_BANK
from tests.browser.live_server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    migrated_app,
    require_playwright,
    serving,
)
from tests.quizapp.conftest import build_bank

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1100, "height": 850}


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
    app = migrated_app(config, [build_bank(), bankfile.load(DEFAULT_BANK)])
    with serving(app, "live-server") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_playwright = require_playwright()
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

"""The fixture of the classroom browser test, kept out of the shared ``conftest.py`` (its
chromium is the conftest's session ``browser``):

* ``classroom_url`` — the app on a fresh SQLite database in ``tmp_path`` (migrated, the small
  ``cramps`` test deck imported), served on 127.0.0.1 and a free port in a thread (helpers
  from ``live_server.py``); CSRF on as in production; live progress polled every 2 s.

Without playwright or chromium the tests skip, saying why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.live_server import migrated_app, require_playwright, serving
from tests.quizapp.conftest import build_bank


def sign_up_teacher(page: Any, username: str = "ms.rivera") -> None:
    """The teacher sign-up form, filled and sent; waits for the teacher's home page."""
    page.goto("/teach/signup")
    page.fill("#username", username)
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/teach/")


@pytest.fixture
def classroom_url(tmp_path: Path) -> Iterator[str]:
    require_playwright()  # skip before building anything
    config = {
        "SECRET_KEY": "classroom-browser-test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'classroom.sqlite3'}",
        "AUTO_BOOTSTRAP": False,
        "RATELIMIT_ENABLED": False,
        "FSRS_ENABLE_FUZZING": False,
        "CLASSROOM_POLL_SECONDS": 2,
    }
    app = migrated_app(config, [build_bank()])
    with serving(app, "classroom-server") as url:
        yield url

"""After committing its write, an API view may read without SQLite's write lock: the
``g.sqlite_reads_only`` opt-in of ``quizapp.db.sqlite.wants_write_lock``."""

from __future__ import annotations

from flask import Flask, g

from quizapp.db.sqlite import wants_write_lock


def test_a_post_reads_without_the_write_lock_once_it_says_so(app: Flask) -> None:
    with app.test_request_context("/api/v1/decks/x/answers", method="POST"):
        assert wants_write_lock()
        g.sqlite_reads_only = True
        assert not wants_write_lock()
    with app.test_request_context("/", method="GET"):
        assert not wants_write_lock()
    with app.app_context():  # CLI and scripts always take it
        assert wants_write_lock()

"""Configuration mistakes found while starting, as one line naming the setting and the fix.

``explain(exc, url)`` turns what starting (or a CLI command) raised into that line, or None
for anything that is not a configuration mistake (a bug keeps its traceback):

* the database URL names a driver that is not installed (``postgresql://`` needs
  ``pip install 'quizapp[postgres]'``), or is not a URL at all;
* the PostgreSQL database does not exist, or the server cannot be reached;
* the SQLite file cannot be opened (its folder is missing or not writable);
* the schema is out of date (``quizapp db upgrade``) or is not quizapp's.

``stop_gunicorn(message)``: under gunicorn, print the line and exit with gunicorn's own
"application failed to load" status (4), which stops the arbiter instead of restarting the
worker forever; the CLI exits 2 (``quizapp.cli``).
"""

from __future__ import annotations

import os
import sys
from typing import NoReturn

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from quizapp.db.schema import SchemaOutOfDate

SETTING = "QUIZAPP_DATABASE_URL"
GUNICORN_APP_LOAD_ERROR = 4


def explain(exc: BaseException, url: str) -> str | None:
    """The one-line explanation of a configuration mistake, or None."""
    shown = _shown(url)
    if isinstance(exc, SchemaOutOfDate):
        return f"{SETTING}={shown}: {exc.message}"
    if isinstance(exc, ModuleNotFoundError | NoSuchModuleError):
        return (
            f"{SETTING}={shown}: its database driver is not installed "
            f"({exc}); for PostgreSQL: pip install 'quizapp[postgres]'"
        )
    if isinstance(exc, ArgumentError):
        return f"{SETTING}={shown}: not a database URL (e.g. postgresql://user@host/quizapp)"
    if isinstance(exc, OperationalError):
        return _operational(str(exc.orig).strip().splitlines()[0], shown)
    return None


def _operational(reason: str, shown: str) -> str | None:
    lowered = reason.lower()
    if "unable to open database file" in lowered:
        return (
            f"{SETTING}={shown}: cannot open the SQLite file; "
            "check that its folder exists and is writable"
        )
    if "does not exist" in lowered:
        return f"{SETTING}={shown}: {reason}; create it (createdb) or fix the URL"
    if "connect" in lowered or "connection" in lowered:
        return f"{SETTING}={shown}: cannot reach the database server ({reason})"
    return None


def _shown(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def under_gunicorn() -> bool:
    return os.environ.get("SERVER_SOFTWARE", "").startswith("gunicorn")


def stop_gunicorn(message: str) -> NoReturn:
    print(f"quizapp: {message}", file=sys.stderr, flush=True)
    raise SystemExit(GUNICORN_APP_LOAD_ERROR)

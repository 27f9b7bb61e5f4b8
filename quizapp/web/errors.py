"""Friendly error pages (400, 403, 404, 405, 413, 429, 500): never a traceback.

Under ``/api/`` the same errors are RFC 9457 problem documents (``quizapp.api.problems``),
so unknown API paths and unexpected errors answer like the API's own errors.
"""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from flask import Flask, g, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.wrappers import Response

from quizapp.api.problems import problem_response
from quizapp.db import faults
from quizapp.db.base import db
from quizapp.domain.backoff import describe_wait
from quizapp.services.study import StudyError
from quizapp.web.extensions import limiter
from quizapp.web.throttle import Throttled

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Bad request", "The page could not make sense of what was sent."),
    403: ("Not allowed", "You do not have access to this page."),
    404: ("Not found", "There is nothing here. The link may be old or mistyped."),
    405: ("Not allowed", "This page cannot be used that way."),
    413: ("Too large", "What was sent is larger than this site accepts."),
    429: ("Too many attempts", "Please wait a minute before trying again."),
    500: ("Something went wrong", "Sorry, that is our fault. Please try again."),
    503: (
        "Cannot save right now",
        "The service cannot save right now, so nothing from this request was kept. "
        "Please try again in a moment.",
    ),
}
RETRY_AFTER_FAULT = "5"  # seconds: storage faults are usually fixed by an operator
CSRF_MESSAGE = "The form expired or came from another site. Reload the page and try again."


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_error)
    app.register_error_handler(Throttled, _throttled)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)


def render_error(code: int, message: str | None = None) -> tuple[str | Response, int]:
    title, default = MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
    text = message or default
    if request.path.startswith("/api/"):
        return problem_response(code, text), code
    page = render_template("errors.html", code=code, title=title, message=text, back=way_back())
    return page, code


def way_back() -> str | None:
    """The page the person came from (a path on this site, not this one), for "Go back"."""
    parts = urlsplit(request.referrer or "")
    if parts.netloc != request.host or parts.path in ("", request.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def study_error(exc: StudyError) -> tuple[str | Response, int]:
    """A ``StudyError`` from the study service (a bad response, a reused answer key) as a
    400 page with its message; the study and quiz blueprints register it."""
    db.session.rollback()
    return render_error(400, str(exc))


def _csrf_error(exc: CSRFError) -> tuple[str | Response, int]:
    return render_error(400, CSRF_MESSAGE)


def _http_error(exc: HTTPException) -> tuple[str | Response, int] | HTTPException:
    if exc.code is None or exc.code < 400:
        return exc  # redirects raised as exceptions pass through
    db.session.rollback()
    # Our own abort(…, description) messages are written for learners; werkzeug's are not.
    custom = exc.description if exc.description != type(exc).description else None
    if exc.code == 429:
        # Flask-Limiter's description is the limit itself ("3 per 1 minute"): say how long.
        custom = _limit_wait()
    return render_error(exc.code, custom)


def _limit_wait() -> str | None:
    current = limiter.current_limit
    if current is None:
        return None
    wait = describe_wait(current.reset_at - time.time())
    return f"Too many attempts from here. Please wait {wait} before trying again."


def _storage_fault(exc: Exception) -> Response:
    """The database cannot save: a 503 (the client retries, answers with the same key)."""
    log.error("storage fault on %s %s: %s", request.method, request.path, exc)
    try:
        db.session.rollback()
    except Exception:  # the connection may be gone; the pool replaces it
        log.warning("rollback after a storage fault failed", exc_info=True)
    # The page must not query: the navigation would load (or refresh) the learner.
    g.user = None
    page, status = render_error(503)
    response = page if isinstance(page, Response) else Response(page, mimetype="text/html")
    response.status_code = status
    response.headers["Retry-After"] = RETRY_AFTER_FAULT
    return response


def _throttled(exc: Throttled) -> tuple[str | Response, int]:
    db.session.rollback()
    page, status = render_error(429, str(exc))
    response = page if isinstance(page, Response) else Response(page, mimetype="text/html")
    response.headers["Retry-After"] = str(max(1, int(-(-exc.seconds // 1))))
    return response, status


def _unexpected(exc: Exception) -> tuple[str | Response, int] | Response:
    if faults.is_storage_fault(exc):
        return _storage_fault(exc)
    log.exception("unhandled error on %s %s", request.method, request.path)
    db.session.rollback()
    return render_error(InternalServerError.code)

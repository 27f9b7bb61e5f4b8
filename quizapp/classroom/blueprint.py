"""The ``classroom`` blueprint, its error mapping and template filters.

Services raise ``NotFound`` (404), ``Forbidden`` (403), ``AssignmentClosed`` (403),
``ClassroomError`` and the study service's ``StudyError`` (400, with its message); the
handlers here turn them into the app's friendly error pages, so views stay free of
try/except for the common cases.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint
from werkzeug.wrappers import Response

from quizapp.classroom import codes
from quizapp.classroom.attempts import AssignmentClosed
from quizapp.classroom.errors import ClassroomError, Forbidden, NotFound
from quizapp.db.base import db
from quizapp.services.study import StudyError
from quizapp.web.errors import render_error

bp = Blueprint("classroom", __name__)


def _error(code: int, message: str | None) -> tuple[str | Response, int]:
    db.session.rollback()
    return render_error(code, message)


@bp.errorhandler(NotFound)
def _not_found(exc: NotFound) -> tuple[str | Response, int]:
    return _error(404, None)


@bp.errorhandler(Forbidden)
def _forbidden(exc: Forbidden) -> tuple[str | Response, int]:
    return _error(403, str(exc) or None)


@bp.errorhandler(AssignmentClosed)
def _closed(exc: AssignmentClosed) -> tuple[str | Response, int]:
    return _error(403, str(exc))


@bp.errorhandler(ClassroomError)
def _bad(exc: ClassroomError) -> tuple[str | Response, int]:
    return _error(400, str(exc))


@bp.errorhandler(StudyError)
def _bad_answer(exc: StudyError) -> tuple[str | Response, int]:
    # From the study service (e.g. an answer key already used for another question).
    return _error(400, str(exc))


@bp.app_template_filter("local_time")
def local_time(moment: datetime | None, zone: str = "UTC") -> str:
    """``2026-03-02 14:00 (Europe/Berlin)``: a time as the assignment's teacher set it."""
    if moment is None:
        return "—"
    return moment.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M") + f" ({zone})"


@bp.app_template_filter("duration")
def duration(delta: timedelta | None) -> str:
    if delta is None:
        return "—"
    seconds = max(0, int(delta.total_seconds()))
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


@bp.app_template_filter("join_code")
def join_code(code: str) -> str:
    return codes.display(code)


@bp.app_template_filter("pct")
def pct(share: float | None) -> str:
    return "—" if share is None else f"{int(100 * share + 0.5)} %"

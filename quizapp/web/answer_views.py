"""The feedback page's two corrections, shared by the study and quiz pages: re-rating a
logged answer and overriding a wrong one as right. Each parses the form, calls the study
service, turns a ``StudyError`` into a 400 and commits; the calling view only finds the
review (its own 404 rules) and chooses where to redirect."""

from __future__ import annotations

from flask import request

from quizapp.db.base import db
from quizapp.domain.scheduler import parse_rating
from quizapp.services import study
from quizapp.web import clock
from quizapp.web.helpers import bad_request, study_settings


def rerate_from_form(user_id: int, review_id: int) -> None:
    """Re-rate the review with the form's ``rating`` (Again/Hard/Good/Easy) and commit."""
    rating = parse_rating(request.form.get("rating", ""))
    if rating is None:
        bad_request("Choose Again, Hard, Good or Easy.")
    try:
        study.rerate(
            db.session,
            user_id=user_id,
            review_id=review_id,
            rating=rating,
            now=clock.now(),
            settings=study_settings(),
        )
    except study.StudyError as exc:
        bad_request(str(exc))
    db.session.commit()


def override_as_right(user_id: int, review_id: int) -> None:
    """Count the (wrong) review as right after all and commit."""
    try:
        study.override_as_right(
            db.session, user_id=user_id, review_id=review_id, settings=study_settings()
        )
    except study.StudyError as exc:
        bad_request(str(exc))
    db.session.commit()

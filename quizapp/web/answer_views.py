"""What the study, quiz and classroom pages share around one question: the fields of the
question page and of the feedback page, and the feedback page's two corrections (re-rating
a logged answer, overriding a wrong one as right). Each correction parses the form, calls
the study service and commits (a ``StudyError`` becomes the blueprint's 400 page through
``errors.study_error``); the calling view only finds the review (its own 404 rules) and
chooses where to redirect."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from flask import request, url_for

from quizapp.db.base import db
from quizapp.db.models import Deck, Question, ReviewLog
from quizapp.domain.scheduler import Rating, parse_rating
from quizapp.services import study
from quizapp.services.decks import source_context
from quizapp.web import clock
from quizapp.web.helpers import bad_request, new_answer_key, now_ms, study_settings


def question_fields(
    deck: Deck | None,
    question: Question,
    *,
    reveal: bool,
    previews: Mapping[Rating, timedelta],
    answer_url: str,
    reveal_url: str,
) -> dict[str, Any]:
    """The template fields every question page has: the question, the flashcard's revealed
    side and its source, a fresh answer key and when the page was shown."""
    return {
        "question": question,
        "reveal": reveal,
        "previews": previews,
        "context": source_context(deck, question) if reveal and deck else None,
        "answer_key": new_answer_key(),
        "shown": request.args.get("shown") or now_ms(),
        "answer_url": answer_url,
        "reveal_url": reveal_url,
    }


def feedback_fields(deck: Deck, log: ReviewLog, endpoint: str, **ids: Any) -> dict[str, Any]:
    """The template fields of the study and quiz feedback pages: the answer, its source,
    and the re-rate and override buttons of blueprint ``endpoint`` (URL values ``ids``)."""
    return {
        "deck": deck,
        "log": log,
        "overridden": study.overridden(log),
        "override_url": (
            url_for(f"{endpoint}.override", review_id=log.id, **ids)
            if study.can_override(log)
            else None
        ),
        "context": source_context(deck, log.question),
        "rerates": study.rerate_buttons(log, study_settings()),
        "rate_url": url_for(f"{endpoint}.rate", review_id=log.id, **ids),
    }


def rerate_from_form(user_id: int, review_id: int) -> None:
    """Re-rate the review with the form's ``rating`` (Again/Hard/Good/Easy) and commit."""
    rating = parse_rating(request.form.get("rating", ""))
    if rating is None:
        bad_request("Choose Again, Hard, Good or Easy.")
    study.rerate(
        db.session,
        user_id=user_id,
        review_id=review_id,
        rating=rating,
        now=clock.now(),
        settings=study_settings(),
    )
    db.session.commit()


def override_as_right(user_id: int, review_id: int) -> None:
    """Count the (wrong) review as right after all and commit."""
    study.override_as_right(
        db.session, user_id=user_id, review_id=review_id, settings=study_settings()
    )
    db.session.commit()

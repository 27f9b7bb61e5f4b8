"""Study pages. Each view parses input, calls one service function, commits, renders or
redirects (POST → redirect → GET, so reloading never re-submits an answer)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from quizapp.db.base import db
from quizapp.db.models import Deck, Question, ReviewLog
from quizapp.services import decks as deck_service
from quizapp.services import quiz as quiz_service
from quizapp.services import session_end, study
from quizapp.services.settings import StudySettings, remember_time_zone
from quizapp.study import more
from quizapp.web import answer_views, answering, clock, errors
from quizapp.web.auth import current_user, current_user_id, ensure_user
from quizapp.web.helpers import (
    deck_or_404,
    not_found,
    study_settings,
)

bp = Blueprint("study", __name__, url_prefix="/study")
bp.register_error_handler(study.StudyError, errors.study_error)


@bp.get("/<slug>")
def session(slug: str) -> str:
    deck = deck_or_404(slug)
    uid, now, settings = current_user_id(), clock.now(), _settings(deck)
    question = study.next_card(db.session, uid, deck.id, now, settings)
    if question is None:
        return _done_page(deck)
    return _question_page(deck, question, reveal=False)


@bp.post("/<slug>/more")
def more_new(slug: str) -> Response:
    """Study more: extra new cards today in this deck (the settings stay as they are)."""
    deck = deck_or_404(slug)
    total = more.grant_extra_new(deck.id, study_settings(), clock.now())
    flash(f"{total} extra new cards today in this deck.", "info")
    return redirect(url_for("study.session", slug=deck.slug))


@bp.post("/<slug>/missed")
def practise_missed(slug: str) -> Response:
    """Study more: a quiz of the cards missed today (answers feed the schedule as usual)."""
    deck = deck_or_404(slug)
    user, now, settings = ensure_user(), clock.now(), study_settings()
    since = study.day_start(now, settings.day_starts_at_hour, settings.time_zone)
    missed = session_end.summary(db.session, user.id, deck.id, since, now).missed
    quiz = quiz_service.create_custom_quiz(
        db.session, user_id=user.id, deck_id=deck.id, question_ids=missed, now=now
    )
    db.session.commit()
    return redirect(url_for("quiz.take", quiz_id=quiz.id))


@bp.get("/<slug>/q/<question_id>")
def question(slug: str, question_id: str) -> str:
    deck = deck_or_404(slug)
    return _question_page(
        deck, _question_or_404(deck, question_id), reveal=request.args.get("reveal") == "1"
    )


@bp.post("/<slug>/answer")
def answer(slug: str) -> Response:
    deck = deck_or_404(slug)
    question = _question_or_404(deck, request.form.get("question_id", ""))
    posted = answering.answer_for(question)
    user = ensure_user(posted.answer_key)
    remember_time_zone(user, request.form.get("tz"))
    result = study.submit_answer(
        db.session,
        user_id=user.id,
        answer=posted,
        now=clock.now(),
        settings=_settings(deck),
    )
    db.session.commit()
    if question.kind == "flashcard":
        return redirect(url_for("study.session", slug=deck.slug))
    return redirect(url_for("study.feedback", slug=deck.slug, review_id=result.review_id))


@bp.get("/<slug>/review/<int:review_id>")
def feedback(slug: str, review_id: int) -> str:
    deck = deck_or_404(slug)
    log = _review_or_404(deck, review_id)
    counts = study.queue_counts(
        db.session, current_user_id(), deck.id, clock.now(), _settings(deck)
    )
    return render_template(
        "study/feedback.html",
        **answer_views.feedback_fields(deck, log, "study", slug=deck.slug),
        counts=counts,
        undo_url=url_for("study.undo", slug=deck.slug, review_id=log.id),
        continue_url=url_for("study.session", slug=deck.slug),
    )


@bp.post("/<slug>/review/<int:review_id>/rate")
def rate(slug: str, review_id: int) -> Response:
    deck = deck_or_404(slug)
    log = _review_or_404(deck, review_id)
    answer_views.rerate_from_form(log.user_id, log.id)
    if request.form.get("then") == "continue":
        return redirect(url_for("study.session", slug=deck.slug))
    return redirect(url_for("study.feedback", slug=deck.slug, review_id=log.id))


@bp.post("/<slug>/review/<int:review_id>/override")
def override(slug: str, review_id: int) -> Response:
    deck = deck_or_404(slug)
    log = _review_or_404(deck, review_id)
    answer_views.override_as_right(log.user_id, log.id)
    return redirect(url_for("study.feedback", slug=deck.slug, review_id=log.id))


@bp.post("/<slug>/review/<int:review_id>/undo")
def undo(slug: str, review_id: int) -> Response:
    deck = deck_or_404(slug)
    log = _review_or_404(deck, review_id)
    question = study.undo(db.session, user_id=log.user_id, review_id=log.id, now=clock.now())
    db.session.commit()
    flash("Answer undone. Answer it again when you are ready.", "info")
    return redirect(url_for("study.question", slug=deck.slug, question_id=question.id))


# ---------------------------------------------------------------------------------------


def _settings(deck: Deck) -> StudySettings:
    """The learner's settings with today's "study more" new cards for this deck."""
    return more.with_extra_new(deck.id, study_settings(), clock.now())


def _done_page(deck: Deck) -> str:
    uid, now, settings = current_user_id(), clock.now(), _settings(deck)
    since = study.day_start(now, settings.day_starts_at_hour, settings.time_zone)
    summary = session_end.summary(db.session, uid, deck.id, since, now)
    due_at = summary.next_due and more.local_moment(summary.next_due, now, settings.time_zone)
    return render_template(
        "study/done.html",
        deck=deck,
        counts=study.queue_counts(db.session, uid, deck.id, now, settings),
        summary=summary,
        due_in=summary.next_due - now if summary.next_due else None,
        due_at=due_at,
        sections=deck_service.sections(db.session, deck.id),
        extra_step=more.EXTRA_NEW_STEP,
        undo=study.last_undoable(db.session, uid, deck.id),
    )


def _question_page(deck: Deck, question: Question, reveal: bool) -> str:
    uid = current_user_id()
    now, settings = clock.now(), _settings(deck)
    counts = study.queue_counts(db.session, uid, deck.id, now, settings)
    previews = study.card_preview(db.session, uid, question.id, now, settings) if reveal else {}
    return render_template(
        "study/question.html",
        deck=deck,
        counts=counts,
        undo=study.last_undoable(db.session, uid, deck.id),
        **answer_views.question_fields(
            deck,
            question,
            reveal=reveal,
            previews=previews,
            answer_url=url_for("study.answer", slug=deck.slug),
            reveal_url=url_for("study.question", slug=deck.slug, question_id=question.id, reveal=1),
        ),
    )


def _question_or_404(deck: Deck, question_id: str) -> Question:
    question = db.session.get(Question, question_id) if question_id else None
    if question is None or question.deck_id != deck.id or question.retired_at is not None:
        not_found("This question is not in the deck (any more).")
    return question


def _review_or_404(deck: Deck, review_id: int) -> ReviewLog:
    """The current learner's own answer in this deck; anyone else's is a plain 404, and so
    is a classroom answer (its page, grade and answer visibility are the attempt's)."""
    user = current_user()
    if user is None:
        not_found()
    try:
        log = study.get_review(db.session, user.id, review_id)
    except study.NotFound:
        not_found()
    if log.question.deck_id != deck.id or study.is_final(log):
        not_found()
    return log

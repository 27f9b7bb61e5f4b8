"""Study pages. Each view parses input, calls one service function, commits, renders or
redirects (POST → redirect → GET, so reloading never re-submits an answer)."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from quizapp.db.base import db
from quizapp.db.models import Deck, Question, ReviewLog
from quizapp.services import study
from quizapp.services.settings import remember_time_zone
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
    uid, now, settings = current_user_id(), clock.now(), study_settings()
    question = study.next_card(db.session, uid, deck.id, now, settings)
    if question is None:
        counts = study.queue_counts(db.session, uid, deck.id, now, settings)
        undo = study.last_undoable(db.session, uid, deck.id)
        return render_template("study/done.html", deck=deck, counts=counts, undo=undo)
    return _question_page(deck, question, reveal=False)


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
        settings=study_settings(),
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
        db.session, current_user_id(), deck.id, clock.now(), study_settings()
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


def _question_page(deck: Deck, question: Question, reveal: bool) -> str:
    uid = current_user_id()
    now, settings = clock.now(), study_settings()
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

"""Quiz pages: set up, answer one question at a time, see feedback, see the score."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response

from quizapp.db.base import db
from quizapp.db.models import Question, Quiz, ReviewLog
from quizapp.services import decks as deck_service
from quizapp.services import quiz as quiz_service
from quizapp.services import study
from quizapp.services.decks import source_context
from quizapp.services.settings import remember_time_zone
from quizapp.web import answer_views, answering, clock, errors
from quizapp.web.auth import current_user, current_user_id, ensure_user
from quizapp.web.helpers import (
    deck_or_404,
    form_int,
    not_found,
    study_settings,
)

bp = Blueprint("quiz", __name__, url_prefix="/quiz")
bp.register_error_handler(study.StudyError, errors.study_error)


@bp.get("/deck/<slug>")
def setup(slug: str) -> str:
    deck = deck_or_404(slug)
    return render_template(
        "quiz/setup.html",
        deck=deck,
        sections=deck_service.sections(db.session, deck.id),
        default_count=current_app.config["QUIZ_DEFAULT_LENGTH"],
        max_count=quiz_service.MAX_QUESTIONS,
    )


@bp.post("/deck/<slug>")
def start(slug: str) -> Response:
    deck = deck_or_404(slug)
    count = (
        form_int("count", 1, quiz_service.MAX_QUESTIONS)
        or current_app.config["QUIZ_DEFAULT_LENGTH"]
    )
    sections = request.form.getlist("section")
    now, settings = clock.now(), study_settings()
    quiz = quiz_service.create_quiz(
        db.session,
        user_id=ensure_user().id,
        deck_id=deck.id,
        count=count,
        sections=sections,
        now=now,
        buried_since=study.day_start(now, settings.day_starts_at_hour, settings.time_zone)
        if settings.bury_siblings
        else None,
    )
    db.session.commit()
    return redirect(url_for("quiz.take", quiz_id=quiz.id))


@bp.get("/<int:quiz_id>")
def take(quiz_id: int) -> str | Response:
    quiz = _quiz_or_404(quiz_id)
    question, position = quiz_service.next_question(db.session, quiz)
    if question is None:
        return redirect(url_for("quiz.results", quiz_id=quiz.id))
    reveal = request.args.get("reveal") == "1"
    now = clock.now()
    previews = (
        study.card_preview(db.session, quiz.user_id, question.id, now, study_settings())
        if reveal
        else {}
    )
    return render_template(
        "quiz/question.html",
        quiz=quiz,
        deck=quiz.deck,
        position=position,
        **answer_views.question_fields(
            quiz.deck,
            question,
            reveal=reveal,
            previews=previews,
            answer_url=url_for("quiz.answer", quiz_id=quiz.id),
            reveal_url=url_for("quiz.take", quiz_id=quiz.id, reveal=1),
        ),
    )


@bp.post("/<int:quiz_id>/answer")
def answer(quiz_id: int) -> Response:
    quiz = _quiz_or_404(quiz_id)
    question_id = request.form.get("question_id", "")
    if question_id not in quiz.question_ids:
        not_found()
    question = db.session.get(Question, question_id)
    if question is None:
        not_found()
    posted = answering.answer_for(question)
    user = current_user()
    if user is not None:
        remember_time_zone(user, request.form.get("tz"))
    try:
        result = quiz_service.answer_question(
            db.session, quiz=quiz, answer=posted, now=clock.now(), settings=study_settings()
        )
    except quiz_service.QuestionRetired as exc:
        # Retired by a re-import after the quiz began: say so and go on with the next
        # question (or the results). Commit: the quiz may have just been finished.
        db.session.commit()
        flash(str(exc), "info")
        return redirect(url_for("quiz.take", quiz_id=quiz.id))
    except study.NotFound:
        not_found()
    db.session.commit()
    return redirect(url_for("quiz.feedback", quiz_id=quiz.id, review_id=result.review_id))


@bp.get("/<int:quiz_id>/answer/<int:review_id>")
def feedback(quiz_id: int, review_id: int) -> str:
    quiz = _quiz_or_404(quiz_id)
    log = _quiz_review_or_404(quiz, review_id)
    finished = quiz.finished_at is not None
    return render_template(
        "quiz/feedback.html",
        quiz=quiz,
        **answer_views.feedback_fields(quiz.deck, log, "quiz", quiz_id=quiz.id),
        undo_url=None,
        continue_url=url_for("quiz.results" if finished else "quiz.take", quiz_id=quiz.id),
        answered=len(quiz_service.answers(db.session, quiz)),
    )


@bp.post("/<int:quiz_id>/answer/<int:review_id>/rate")
def rate(quiz_id: int, review_id: int) -> Response:
    quiz = _quiz_or_404(quiz_id)
    log = _quiz_review_or_404(quiz, review_id)
    answer_views.rerate_from_form(quiz.user_id, log.id)
    return redirect(url_for("quiz.feedback", quiz_id=quiz.id, review_id=log.id))


@bp.post("/<int:quiz_id>/answer/<int:review_id>/override")
def override(quiz_id: int, review_id: int) -> Response:
    quiz = _quiz_or_404(quiz_id)
    log = _quiz_review_or_404(quiz, review_id)
    answer_views.override_as_right(quiz.user_id, log.id)
    return redirect(url_for("quiz.feedback", quiz_id=quiz.id, review_id=log.id))


@bp.get("/<int:quiz_id>/results")
def results(quiz_id: int) -> str:
    quiz = _quiz_or_404(quiz_id)
    outcome = quiz_service.results(db.session, quiz)
    contexts = {q.id: source_context(quiz.deck, q) for q, _ in outcome.mistakes}
    return render_template(
        "quiz/results.html", quiz=quiz, deck=quiz.deck, results=outcome, contexts=contexts
    )


def _quiz_or_404(quiz_id: int) -> Quiz:
    try:
        return quiz_service.get_quiz(db.session, current_user_id(), quiz_id)
    except study.NotFound:
        not_found()


def _quiz_review_or_404(quiz: Quiz, review_id: int) -> ReviewLog:
    try:
        log = study.get_review(db.session, quiz.user_id, review_id)
    except study.NotFound:
        not_found()
    if log.quiz_id != quiz.id:
        not_found()
    return log

"""Routes of ``/api/v1``. Each handler parses input, calls one service, commits, and only
then answers: an answer acknowledged with 2xx is in the database.

Auth is the pages' session cookie. A visitor without one can read decks and the next card;
the first answer creates a guest learner and sets the cookie, exactly like the pages.
Another learner's reviews are indistinguishable from missing ones (404).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, Response, g, jsonify, make_response
from sqlalchemy import bindparam, select

from quizapp.api import guard, openapi, parsing, payloads
from quizapp.api.problems import ApiError, problem_response
from quizapp.db.base import db
from quizapp.db.models import Deck, Question, ReviewLog, User
from quizapp.db.sqlite import read_phase
from quizapp.services import decks as deck_service
from quizapp.services import study
from quizapp.services.deck_access import can_view
from quizapp.services.settings import StudySettings
from quizapp.stats.queries import deck_report
from quizapp.web import clock
from quizapp.web.auth import current_user, ensure_user
from quizapp.web.extensions import csrf
from quizapp.web.helpers import study_settings

bp = Blueprint("api", __name__, url_prefix="/api/v1")
SLUG_MAX = 100
MAX_ID = 2**31 - 1  # INTEGER primary keys; larger ids would overflow the driver
# Built once: every API request on a deck looks it up by slug (see services.study on why).
_DECK_BY_SLUG = select(Deck).where(Deck.slug == bindparam("slug"))
# JSON clients cannot post the form token; guard.check_request is the API's CSRF rule.
csrf.exempt(bp)
bp.before_request(guard.check_request)


@bp.after_request
def _no_store(response: Response) -> Response:
    # Learner data: never kept by shared caches or the browser's back-forward cache.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


@bp.errorhandler(ApiError)
def _api_error(exc: ApiError) -> Response:
    db.session.rollback()
    return problem_response(exc.status, exc.detail)


@bp.get("/openapi.json")
def openapi_document() -> Response:
    return jsonify(openapi.document())


@bp.get("/me")
def me() -> Response:
    user = current_user()
    return jsonify(learner=None if user is None else _learner(user))


@bp.get("/decks")
def decks() -> Response:
    user = current_user()
    summaries = deck_service.deck_summaries(db.session, _uid(user), clock.now(), study_settings())
    return jsonify(decks=[payloads.deck_summary(s) for s in summaries])


@bp.get("/decks/<slug>")
def deck(slug: str) -> Response:
    found = _deck(slug)
    user = current_user()
    counts = study.queue_counts(db.session, _uid(user), found.id, clock.now(), study_settings())
    sections = deck_service.sections(db.session, found.id)
    body = payloads.deck(found, sum(n for _, n in sections), counts)
    body["sections"] = [{"name": name, "questions": n} for name, n in sections]
    return jsonify(body)


@bp.get("/decks/<slug>/next")
def next_card(slug: str) -> Response:
    found = _deck(slug)
    uid, now, settings = _uid(current_user()), clock.now(), study_settings()
    card = _next_card_payload(uid, found.id, now, settings)
    counts = study.queue_counts(db.session, uid, found.id, now, settings)
    return jsonify(card=card, counts=payloads.counts(counts))


@bp.post("/decks/<slug>/answers")
def answer(slug: str) -> Response:
    # Lookups first, without SQLite's write lock, which every other answer waits for.
    with read_phase(db.session()):
        found = _deck(slug)
        body = parsing.answer_body()
        question = db.session.get(Question, body.question_id)
        if question is None or question.deck_id != found.id or question.retired_at is not None:
            raise ApiError(404, "no such question in this deck")
        response = parsing.response_for(question, body)
        current_user()  # the learner, if any, loaded now (kept in g for the rest)
    user, now, settings = ensure_user(body.answer_key), clock.now(), study_settings()
    try:
        result = study.submit_answer(
            db.session,
            user_id=user.id,
            answer=study.Answer(question.id, body.answer_key, response, body.duration_ms),
            now=now,
            settings=settings,
            source="study",
        )
    except study.StudyError as exc:
        # The shape was checked above, so what is left is a key reused for another question.
        raise ApiError(409, str(exc)) from None
    log = db.session.get(ReviewLog, result.review_id)  # in the identity map: no query
    if log is None or log.user_id != user.id:  # cannot happen; keeps the types honest
        raise ApiError(409, "the answer could not be read back")
    payload = payloads.result(log, result.replayed, study.allowed_rerates(log))
    db.session.commit()  # acknowledged only once it is durable
    # The card to show after the feedback (one request per card for clients). Only reads
    # from here: on SQLite, without holding the write lock that other answers wait for.
    g.sqlite_reads_only = True
    payload["next_card"] = _next_card_payload(user.id, found.id, now, settings)
    return _json(payload, 200 if result.replayed else 201)


@bp.get("/reviews/<int:review_id>")
def review(review_id: int) -> Response:
    log = _own_review(review_id)
    return _json(payloads.result(log, False, study.allowed_rerates(log)))


@bp.post("/reviews/<int:review_id>/rating")
def rerate(review_id: int) -> Response:
    log = _own_review(review_id)
    rating = parsing.rating_body()
    allowed = study.allowed_rerates(log)
    if rating not in allowed:
        raise ApiError(422, "a right answer is rated 2-4, a wrong one 1")
    try:
        study.rerate(
            db.session,
            user_id=log.user_id,
            review_id=log.id,
            rating=rating,
            now=clock.now(),
            settings=study_settings(),
        )
    except study.StudyError as exc:
        raise ApiError(409, str(exc)) from None
    payload = payloads.result(log, False, allowed)
    db.session.commit()
    return _json(payload)


@bp.post("/reviews/<int:review_id>/undo")
def undo(review_id: int) -> Response:
    log = _own_review(review_id)
    try:
        study.undo(db.session, user_id=log.user_id, review_id=log.id, now=clock.now())
    except study.StudyError as exc:
        raise ApiError(409, str(exc)) from None
    payload = payloads.result(log, False, ())
    db.session.commit()
    return _json(payload)


@bp.get("/decks/<slug>/stats")
def deck_stats(slug: str) -> Response:
    found = _deck(slug)
    report = deck_report(
        db.session,
        _uid(current_user()),
        found.id,
        clock.now(),
        study_settings(),
    )
    return jsonify(payloads.report(report))


# ---------------------------------------------------------------------------------------


def _uid(user: User | None) -> int | None:
    return user.id if user else None


def _next_card_payload(
    uid: int | None, deck_id: int, now: datetime, settings: StudySettings
) -> dict[str, Any] | None:
    question = study.next_card(db.session, uid, deck_id, now, settings)
    if question is None:
        return None
    intervals = None
    if question.kind == "flashcard":
        intervals = study.card_preview(db.session, uid, question.id, now, settings)
    return payloads.question(question, intervals)


def _learner(user: User) -> dict[str, Any]:
    return {"id": user.id, "guest": user.is_guest, "username": user.username}


def _deck(slug: str) -> Deck:
    if len(slug) > SLUG_MAX or not parsing.storable(slug):
        raise ApiError(404, "no such deck")
    found = db.session.scalar(_DECK_BY_SLUG, {"slug": slug})
    if found is None or not can_view(found, _uid(current_user())):
        raise ApiError(404, "no such deck")
    return found


def _own_review(review_id: int) -> ReviewLog:
    user = current_user()
    if user is None:
        raise ApiError(401, "no learner session: answer a card first, or log in")
    if review_id > MAX_ID:
        raise ApiError(404, "no such review")
    try:
        log = study.get_review(db.session, user.id, review_id)
    except study.NotFound:
        raise ApiError(404, "no such review") from None
    if study.is_final(log):
        # A classroom answer is shown, graded and revealed by its attempt's pages only.
        raise ApiError(404, "no such review")
    return log


def _json(payload: dict[str, Any], status: int = 200) -> Response:
    return make_response(jsonify(payload), status)

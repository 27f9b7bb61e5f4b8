"""``/api/v1`` routes for one's own decks: create from an article, list, edit and add
questions, and report a question. Same auth (session cookie) and CSRF rule as the rest of
the API (``guard``); the create route alone also takes a multipart upload (field
``article``). A private deck answers 404 to everyone but its owner; editing a public deck
someone else owns answers 403.
"""

from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request

from quizapp.api import parsing
from quizapp.api.problems import ApiError
from quizapp.api.views import bp
from quizapp.db.base import db
from quizapp.db.models import Deck, Question, User
from quizapp.decks.authoring_views import (
    GENERATE_SCOPE,
    allow_article_upload,
    generate_limit,
    per_account,
)
from quizapp.services import authoring, deck_edits, reports
from quizapp.services.deck_access import Forbidden, owned_deck
from quizapp.services.deck_edits import EditError
from quizapp.services.deck_upload import MAX_WEB_ARTICLE_BYTES, Article, UploadError, read_upload
from quizapp.services.reports import ReportError
from quizapp.services.study import NotFound
from quizapp.web import clock
from quizapp.web.auth import current_user
from quizapp.web.extensions import limiter

CREATE_FIELDS = frozenset({"name", "filename", "text", "visibility"})
QUESTION_FIELDS = frozenset(
    {
        "kind",
        "prompt",
        "answer",
        "accepted",
        "options",
        "correct",
        "explanation",
        "status",
        "source",
    }
)
TEXT_MAX = 5000
bp.url_value_preprocessor(allow_article_upload)


def _registered() -> User:
    user = current_user()
    if user is None:
        raise ApiError(401, "no learner session: log in first")
    if user.is_guest:
        raise ApiError(403, "only registered accounts can create and edit decks")
    return user


def _owned(slug: str) -> Deck:
    user = current_user()
    try:
        return owned_deck(db.session, slug, user.id if user else None)
    except NotFound:
        raise ApiError(404, "no such deck") from None
    except Forbidden:
        raise ApiError(403, "only the deck's owner can change it") from None


def _create_body() -> tuple[Article, str, str]:
    if request.mimetype == "multipart/form-data":
        upload = request.files.get("article")
        if upload is None or not upload.filename:
            raise ApiError(422, "article: the file field is required")
        with upload.stream:
            data = upload.read(MAX_WEB_ARTICLE_BYTES + 1)
        return (
            Article(upload.filename, data),
            request.form.get("name", ""),
            request.form.get("visibility", "private"),
        )
    body = parsing.json_object(CREATE_FIELDS)
    text = parsing.text_field(body, "text", 4 * MAX_WEB_ARTICLE_BYTES, required=True) or ""
    name = parsing.text_field(body, "name", 200) or ""
    filename = parsing.text_field(body, "filename", 255) or "pasted.txt"
    visibility = parsing.text_field(body, "visibility", 10) or "private"
    return Article(filename, text.encode("utf-8")), name, visibility


@bp.post("/decks")
@limiter.shared_limit(generate_limit, GENERATE_SCOPE, key_func=per_account)
def create_deck() -> tuple[Response, int]:
    user = _registered()
    article, name, visibility = _create_body()
    try:
        made = authoring.create_deck(
            db.session, user.id, name, visibility, read_upload(article), clock.now()
        )
    except UploadError as exc:
        raise ApiError(422, str(exc)) from None
    db.session.commit()
    body = {
        "slug": made.deck.slug,
        "name": made.deck.name,
        "visibility": made.deck.visibility,
        "questions": made.new,
        "by_kind": dict(made.by_kind),
        "by_section": dict(made.by_section),
    }
    return jsonify(body), 201


def question_payload(q: Question) -> dict[str, Any]:
    return {
        "id": q.id,
        "kind": q.kind,
        "prompt": q.prompt,
        "answer": q.answer,
        "accepted": list(q.accepted or ()),
        "options": list(q.options or ()),
        "correct": q.correct,
        "explanation": q.explanation,
        "status": "retired" if q.retired_at is not None else "active",
        "origin": q.origin,
        "source": {
            "section": q.section,
            "sentence": q.sentence,
            "start": q.source_start,
            "end": q.source_end,
        },
    }


@bp.get("/decks/<slug>/questions")
def questions(slug: str) -> Response:
    deck = _owned(slug)
    rows = db.session.scalars(
        db.select(Question).where(Question.deck_id == deck.id).order_by(Question.position)
    )
    return jsonify(questions=[question_payload(q) for q in rows])


def _question_body() -> dict[str, Any]:
    body = parsing.json_object(QUESTION_FIELDS)
    out: dict[str, Any] = {}
    for name in ("kind", "prompt", "answer", "explanation", "status"):
        value = parsing.text_field(body, name, TEXT_MAX)
        if value is not None:
            out[name] = value
    for name in ("accepted", "options"):
        if name in body:
            value = body[name]
            if (
                not isinstance(value, list)
                or not all(
                    isinstance(v, str) and parsing.storable(v) and len(v) <= TEXT_MAX for v in value
                )
                or len(value) > 10
            ):
                raise ApiError(422, f"{name} must be a list of strings")
            out[name] = value
    correct = parsing.int_field(body, "correct", 0, 9)
    if correct is not None:
        out["correct"] = correct
    return out


@bp.patch("/decks/<slug>/questions/<question_id>")
def edit_question(slug: str, question_id: str) -> Response:
    deck = _owned(slug)
    try:
        row = deck_edits.edit_question(db.session, deck, question_id, _question_body(), clock.now())
    except NotFound:
        raise ApiError(404, "no such question in this deck") from None
    except EditError as exc:
        raise ApiError(422, str(exc)) from None
    db.session.commit()
    return jsonify(question_payload(row))


@bp.post("/decks/<slug>/questions")
def add_question(slug: str) -> tuple[Response, int]:
    deck = _owned(slug)
    body = request.get_json(silent=True)
    source = body.get("source") if isinstance(body, dict) else None
    fields = _question_body()
    fields.pop("status", None)
    if not isinstance(source, dict) or not all(
        isinstance(source.get(k), int) and not isinstance(source.get(k), bool)
        for k in ("start", "end")
    ):
        raise ApiError(422, "source: give the sentence's start and end offsets in the article")
    try:
        row = deck_edits.add_question(
            db.session, deck, fields, source["start"], source["end"], clock.now()
        )
    except EditError as exc:
        raise ApiError(422, str(exc)) from None
    db.session.commit()
    return jsonify(question_payload(row)), 201


@bp.post("/decks/<slug>/questions/<question_id>/reports")
def report_question(slug: str, question_id: str) -> tuple[Response, int]:
    user = current_user()
    question = db.session.get(Question, question_id)
    if (
        user is None
        or question is None
        or question.deck.slug != slug
        or not reports.has_answered(db.session, user.id, question_id)
    ):
        raise ApiError(404, "no such question among those you answered")
    body = parsing.json_object(frozenset({"reason", "text"}))
    reason = parsing.text_field(body, "reason", 20, required=True) or ""
    text = parsing.text_field(body, "text", 1000) or ""
    try:
        made = reports.report_question(db.session, user.id, question, reason, text, clock.now())
    except ReportError as exc:
        raise ApiError(409 if "already" in str(exc) else 422, str(exc)) from None
    db.session.commit()
    return jsonify(id=made.id, question_id=question_id, reason=made.reason, text=made.text), 201

"""Turning an answer form into a ``study.Answer``, shared by the study, quiz and classroom pages.

Each kind posts its natural field: ``chosen`` (option index) for multiple choice and
true/false, ``typed`` for cloze, ``rating`` (1–4) for a revealed flashcard; every form also
carries ``answer_key`` (the idempotency key) and ``shown`` (ms timestamp when rendered).
"""

from __future__ import annotations

import re

from flask import request

from questions.model import Kind
from quizapp.db.models import Question
from quizapp.domain.scheduler import parse_rating
from quizapp.services.study import MAX_RESPONSE_CHARS, Answer, Response
from quizapp.web.helpers import bad_request, duration_since, form_int

ANSWER_KEY_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def answer_for(question: Question) -> Answer:
    """The posted answer to ``question``: its response, then its key (400 if either is
    malformed), and how long the learner took."""
    response = response_for(question)
    return Answer(question.id, answer_key(), response, duration_ms())


def answer_key() -> str:
    key = request.form.get("answer_key", "")
    if not ANSWER_KEY_RE.match(key):
        bad_request("This answer form is incomplete; reload the page and answer again.")
    return key


def response_for(question: Question) -> Response:
    if question.kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE):
        chosen = form_int("chosen", 0, len(question.options) - 1)
        if chosen is None:
            bad_request("Choose one of the options.")
        return Response(chosen=chosen)
    if question.kind == Kind.CLOZE:
        typed = request.form.get("typed")
        if typed is None or len(typed) > MAX_RESPONSE_CHARS:
            bad_request("Type your answer (or leave it empty if you do not know).")
        return Response(typed=typed)
    rating = parse_rating(request.form.get("rating", ""))
    if rating is None:
        bad_request("Rate yourself: Again, Hard, Good or Easy.")
    return Response(rating=rating)


def duration_ms() -> int | None:
    return duration_since(request.form.get("shown"))

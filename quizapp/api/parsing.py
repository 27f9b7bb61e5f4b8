"""Request bodies of the JSON API → service arguments.

Malformed JSON is a 400, and so is JSON nested deeper than ``MAX_NESTING`` (checked before
parsing: Python's parser would recurse until ``RecursionError``, a 500); a well-formed
body that does not fit the documented schema (unknown field, wrong type, out of range,
text the database cannot store) is a 422 that names the field. Answer shapes are checked
against the question's kind here, so the service only ever sees a response of the right kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flask import request

from questions.model import Kind
from quizapp.api.problems import ApiError
from quizapp.db.models import ANSWER_KEY_MAX, QUESTION_ID_MAX, Question
from quizapp.domain.scheduler import Rating
from quizapp.services.study import MAX_RESPONSE_CHARS, Response

ANSWER_KEY_RE = re.compile(rf"^[A-Za-z0-9_-]{{1,{ANSWER_KEY_MAX}}}$")
ANSWER_FIELDS = frozenset({"question_id", "answer_key", "chosen", "typed", "rating", "duration_ms"})
MAX_NESTING = 32  # every documented body is one flat object
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
# Accepted on input (a card left open overnight); the service clamps what it stores.
MAX_DURATION = 24 * 3600 * 1000


@dataclass(frozen=True)
class AnswerBody:
    question_id: str
    answer_key: str
    chosen: int | None
    typed: str | None
    rating: Rating | None
    duration_ms: int | None


def json_object(allowed: frozenset[str]) -> dict[str, Any]:
    """The request body as a JSON object with only ``allowed`` keys."""
    if nesting_depth(request.get_data()) > MAX_NESTING:
        raise ApiError(400, f"the body is nested deeper than {MAX_NESTING} levels")
    body = request.get_json(silent=True)
    if body is None:
        if request.get_data():
            raise ApiError(400, "the body is not valid JSON")
        raise ApiError(422, "a JSON object body is required")
    if not isinstance(body, dict):
        raise ApiError(422, "the body must be a JSON object")
    unknown = sorted(set(body) - allowed)
    if unknown:
        raise ApiError(422, f"unknown field: {unknown[0]}")
    return body


def nesting_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest in ``raw`` JSON (brackets inside strings skipped)."""
    depth = deepest = 0
    for byte in _JSON_STRING.sub(b"", raw):
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        elif byte in b"]}":
            depth -= 1
    return deepest


def answer_body() -> AnswerBody:
    body = json_object(ANSWER_FIELDS)
    question_id = text_field(body, "question_id", QUESTION_ID_MAX, required=True)
    key = text_field(body, "answer_key", ANSWER_KEY_MAX, required=True)
    if key is None or question_id is None or not ANSWER_KEY_RE.match(key):
        raise ApiError(422, "answer_key must be 1 to 64 letters, digits, '-' or '_'")
    if not question_id:
        raise ApiError(422, "question_id must not be empty")
    return AnswerBody(
        question_id=question_id,
        answer_key=key,
        chosen=int_field(body, "chosen", 0, 1000),
        typed=text_field(body, "typed", MAX_RESPONSE_CHARS),
        rating=rating_field(body),
        duration_ms=int_field(body, "duration_ms", 0, MAX_DURATION),
    )


def rating_body() -> Rating:
    rating = rating_field(json_object(frozenset({"rating"})))
    if rating is None:
        raise ApiError(422, "rating is required (1 Again, 2 Hard, 3 Good, 4 Easy)")
    return rating


def response_for(question: Question, body: AnswerBody) -> Response:
    """The body's answer in the form the question's kind takes (422 if it is the wrong one)."""
    if question.kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE):
        if body.chosen is None or body.chosen >= len(question.options):
            raise ApiError(
                422, f"chosen must be an option index from 0 to {len(question.options) - 1}"
            )
        return Response(chosen=body.chosen)
    if question.kind == Kind.CLOZE:
        if body.typed is None:
            raise ApiError(422, "typed is required for a cloze question (may be empty)")
        return Response(typed=body.typed)
    if body.rating is None:
        raise ApiError(422, "rating is required for a flashcard (1 Again … 4 Easy)")
    return Response(rating=body.rating)


def text_field(body: dict[str, Any], name: str, max_len: int, required: bool = False) -> str | None:
    value = body.get(name)
    if value is None:
        if required:
            raise ApiError(422, f"{name} is required")
        return None
    if not isinstance(value, str) or len(value) > max_len:
        raise ApiError(422, f"{name} must be a string of at most {max_len} characters")
    if not storable(value):
        raise ApiError(422, f"{name} contains characters that cannot be stored")
    return value


def int_field(body: dict[str, Any], name: str, low: int, high: int) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    # JSON true/false are Python bools, which are ints: refuse them explicitly.
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ApiError(422, f"{name} must be a whole number from {low} to {high}")
    return value


def rating_field(body: dict[str, Any]) -> Rating | None:
    value = int_field(body, "rating", 1, 4)
    return None if value is None else Rating(value)


def storable(text: str) -> bool:
    """False for NUL (PostgreSQL text refuses it) and lone surrogates (not UTF-8)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

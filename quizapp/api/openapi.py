"""The OpenAPI 3.1 document of ``/api/v1``, built as plain data (served as JSON).

Every route in ``views`` appears here with its request and response schemas; the fuzz
test (tests/quizapp/api/test_fuzz.py) checks the running app against this document.
"""

from __future__ import annotations

from typing import Any

from quizapp.api.guard import CSRF_HEADER
from quizapp.api.parsing import MAX_DURATION
from quizapp.db.models import ANSWER_KEY_MAX, QUESTION_ID_MAX
from quizapp.services.study import MAX_RESPONSE_CHARS

Schema = dict[str, Any]

DESCRIPTION = f"""\
JSON API of quizapp: study an article's deck with spaced repetition (FSRS).

**Auth.** The same signed session cookie as the web pages (`quizapp_session`). Without
one you can read decks and the next card; your first answer creates a guest learner and
sets the cookie (send it back on later requests). Log in or register on the web pages to
bind the cookie to an account. Another learner's reviews answer 404.

**CSRF.** Every POST needs the header `{CSRF_HEADER}` (any value) and, when it has a body,
`Content-Type: application/json`. Cross-site forms cannot send either, and a cross-site
script that tries triggers a CORS preflight this API never approves. Requests whose
`Origin` is another host, or marked `Sec-Fetch-Site: cross-site`, are refused (403).

**Idempotency.** Each answer carries a client-chosen `answer_key` (1–64 of `A-Z a-z 0-9 - _`,
e.g. a UUID). Retrying with the same key returns the original result (`200`,
`replayed: true`) and is never counted twice; the same key for another question is a 409.
An answer is acknowledged (`201`) only after it is committed.

**Errors** are RFC 9457 problem documents (`application/problem+json`).
"""


def document() -> Schema:
    from quizapp.api import authoring_doc  # it builds on this module's helpers

    return {
        "openapi": "3.1.0",
        "info": {"title": "quizapp API", "version": "1.0.0", "description": DESCRIPTION},
        "servers": [{"url": "/api/v1"}],
        # The session cookie is optional: without it you act as a visitor (see Auth above).
        "security": [{}, {"session": []}],
        "components": {
            "schemas": {**SCHEMAS, **authoring_doc.SCHEMAS},
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": "quizapp_session"}
            },
        },
        "paths": _merged(PATHS, authoring_doc.PATHS),
    }


def _merged(paths: dict[str, Schema], more: dict[str, Schema]) -> dict[str, Schema]:
    """Both path tables; a path in both gets the methods of both."""
    out = dict(paths)
    for path, item in more.items():
        out[path] = {**out.get(path, {}), **item}
    return out


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Schema], required: list[str] | None = None) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


INT = {"type": "integer", "minimum": 0}
STR = {"type": "string"}
DAY = {"type": "string", "format": "date"}
RATING = {
    "type": "integer",
    "minimum": 1,
    "maximum": 4,
    "description": "1 Again, 2 Hard, 3 Good, 4 Easy",
}

SCHEMAS: dict[str, Schema] = {
    "Problem": {
        "type": "object",
        "properties": {
            "type": STR,
            "title": STR,
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": STR,
        },
        "required": ["type", "title", "status", "detail"],
    },
    "Counts": _object(
        {
            "due": INT,
            "new": INT,
            "learning_soon": INT,
            "done_today": INT,
            "remaining": INT,
            "total": INT,
        }
    ),
    "Deck": _object(
        {
            "slug": STR,
            "name": STR,
            "description": STR,
            "article_title": STR,
            "questions": INT,
            "counts": _ref("Counts"),
            "links": _object({"self": STR, "next": STR, "stats": STR, "page": STR}),
        }
    ),
    "Section": _object({"name": STR, "questions": INT}),
    "Question": _object(
        {
            "id": STR,
            "kind": {
                "type": "string",
                "enum": ["flashcard", "cloze", "multiple_choice", "true_false"],
            },
            "prompt": {"type": "string", "description": "cloze prompts contain `blank` once"},
            "blank": _nullable({"type": "string", "description": "the blank marker of a cloze"}),
            "options": {"type": "array", "items": STR},
            "section": STR,
            "answer_with": {"type": "string", "enum": ["chosen", "typed", "rating"]},
            "intervals": _nullable(
                {
                    **_object({"again": INT, "hard": INT, "good": INT, "easy": INT}),
                    "description": "flashcards: seconds until due for each rating",
                }
            ),
        }
    ),
    "NextCard": _object({"card": _nullable(_ref("Question")), "counts": _ref("Counts")}),
    "AnswerRequest": {
        **_object(
            {
                "question_id": {"type": "string", "minLength": 1, "maxLength": QUESTION_ID_MAX},
                "answer_key": {
                    "type": "string",
                    "pattern": f"^[A-Za-z0-9_-]{{1,{ANSWER_KEY_MAX}}}$",
                },
                "chosen": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 1000,
                    "description": "multiple choice, true/false: option index",
                },
                "typed": {
                    "type": "string",
                    "maxLength": MAX_RESPONSE_CHARS,
                    "description": "cloze: the missing words (empty: I don't know)",
                },
                "rating": {**RATING, "description": "flashcard: self-grade"},
                "duration_ms": {"type": "integer", "minimum": 0, "maximum": MAX_DURATION},
            },
            required=["question_id", "answer_key"],
        ),
        "description": "Send the field named by the question's `answer_with`.",
    },
    "RatingRequest": _object({"rating": RATING}),
    "Source": _object(
        {
            "section": STR,
            "sentence": STR,
            "context": _nullable(_object({"before": STR, "sentence": STR, "after": STR})),
            "article_url": STR,
        }
    ),
    "AnswerResult": _object(
        {
            "review_id": INT,
            "answer_key": STR,
            "question_id": STR,
            "kind": STR,
            "correct": {"type": "boolean"},
            "near_miss": {"type": "boolean", "description": "accepted despite a small typo"},
            "rating": RATING,
            "rating_name": {"type": "string", "enum": ["Again", "Hard", "Good", "Easy"]},
            "allowed_ratings": {"type": "array", "items": RATING},
            "response": _nullable(STR),
            "replayed": {"type": "boolean", "description": "true: this key was answered before"},
            "undone": {"type": "boolean"},
            "reviewed_at": {"type": "string", "format": "date-time"},
            "due": {"type": "string", "format": "date-time"},
            "correct_answer": STR,
            "accepted_answers": {"type": "array", "items": STR},
            "correct_option": _nullable(INT),
            "explanation": STR,
            "source": _ref("Source"),
        }
    ),
    "Retention": _object(
        {
            "passed": INT,
            "failed": INT,
            "rate": _nullable({"type": "number", "minimum": 0, "maximum": 1}),
        }
    ),
    "Stats": _object(
        {
            "reviews_per_day": {
                "type": "array",
                "items": _object({"day": DAY, "reviews": INT, "right": INT, "wrong": INT}),
            },
            "true_retention": _ref("Retention"),
            "true_retention_all_time": _ref("Retention"),
            "due_forecast": {"type": "array", "items": _object({"day": DAY, "due": INT})},
            "mastery_by_section": {
                "type": "array",
                "items": _object(
                    {
                        "section": STR,
                        "new": INT,
                        "learning": INT,
                        "young": INT,
                        "mature": INT,
                        "total": INT,
                        "learned": {"type": "number", "minimum": 0, "maximum": 1},
                    }
                ),
            },
        }
    ),
    "Learner": _object({"id": INT, "guest": {"type": "boolean"}, "username": _nullable(STR)}),
}


def _answered() -> Schema:
    """An answer result plus the card to study next (what GET …/next would now return)."""
    result = SCHEMAS["AnswerResult"]
    return {
        **result,
        "properties": {
            **result["properties"],
            "next_card": _nullable(
                {**_ref("Question"), "description": "null: done for today; refetch after undo"}
            ),
        },
        "required": [*result["required"], "next_card"],
    }


SCHEMAS["Answered"] = _answered()


def _json(schema: Schema, description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _problems(*codes: int) -> dict[str, Schema]:
    reasons = {
        400: "malformed JSON",
        401: "no learner session yet",
        403: "CSRF rule not met (see the description)",
        404: "no such deck, question or review (or another learner's)",
        409: "conflict: key reused for another question, or the answer changed since",
        413: "body too large",
        415: "body is not application/json",
        422: "body does not fit the schema or the question's kind",
        503: "the database cannot save right now: retry with the same answer_key",
    }
    return {
        str(code): {
            "description": reasons[code],
            "content": {"application/problem+json": {"schema": _ref("Problem")}},
        }
        for code in codes
    }


SLUG = {
    "name": "slug",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "maxLength": 100},
}
REVIEW_ID = {
    "name": "review_id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 0},
}
CSRF = {
    "name": CSRF_HEADER,
    "in": "header",
    "required": True,
    "schema": {"type": "string", "minLength": 1, "pattern": "\\S"},
    "description": "CSRF rule: any non-empty value",
}
WRITE_ERRORS = (400, 403, 404, 409, 413, 415, 422, 503)


def _body(name: str) -> Schema:
    return {"required": True, "content": {"application/json": {"schema": _ref(name)}}}


def _deck_with_sections() -> Schema:
    deck = SCHEMAS["Deck"]
    return {
        **deck,
        "properties": {
            **deck["properties"],
            "sections": {"type": "array", "items": _ref("Section")},
        },
        "required": [*deck["required"], "sections"],
    }


def _get(op_id: str, summary: str, schema: Schema, *errors: int, params: list[Schema]) -> Schema:
    return {
        "get": {
            "operationId": op_id,
            "summary": summary,
            "parameters": params,
            "responses": {"200": _json(schema, "ok"), **_problems(*errors)},
        }
    }


def _post(op_id: str, summary: str, body: str | None, params: list[Schema], **ok: Schema) -> Schema:
    operation: Schema = {
        "operationId": op_id,
        "summary": summary,
        "parameters": [*params, CSRF],
        "responses": {**ok, **_problems(*WRITE_ERRORS, 401)},
    }
    if body is not None:
        operation["requestBody"] = _body(body)
    return {"post": operation}


def _progress_package() -> Schema:
    """ "Take my progress to Anki": a binary .apkg, not JSON."""
    type_in = {
        "name": "type_in",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "enum": ["true", "false"]},
        "description": "true: flashcards and clozes ask you to type the answer",
    }
    binary = {"type": "string", "contentMediaType": "application/octet-stream"}
    problems = _problems(400, 401, 404, 422)
    # Its one string query parameter can carry a NUL, refused before any route (web.security).
    problems["400"]["description"] = "a query parameter holds a NUL character"
    return {
        "get": {
            "operationId": "progressPackage",
            "summary": "The whole deck as an Anki package with your scheduling and review log"
            " (import it with scheduling into a collection without this deck: Anki does not"
            " update the schedule of notes it already has)",
            "parameters": [SLUG, type_in],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/octet-stream": {"schema": binary}},
                },
                **problems,
            },
        }
    }


PATHS: dict[str, Schema] = {
    "/openapi.json": _get("openapi", "This document", {"type": "object"}, params=[]),
    "/me": _get(
        "me",
        "Who the session cookie belongs to (null before the first answer)",
        _object({"learner": _nullable(_ref("Learner"))}),
        params=[],
    ),
    "/decks": _get(
        "listDecks",
        "All decks with today's counts for this learner",
        _object({"decks": {"type": "array", "items": _ref("Deck")}}),
        params=[],
    ),
    "/decks/{slug}": _get(
        "getDeck", "One deck with its sections", _deck_with_sections(), 404, params=[SLUG]
    ),
    "/decks/{slug}/next": _get(
        "nextCard",
        "The card to study now (null when done for today), without its answer",
        _ref("NextCard"),
        404,
        params=[SLUG],
    ),
    "/decks/{slug}/answers": _post(
        "answer",
        "Answer a card (idempotent by answer_key); acknowledged after commit",
        "AnswerRequest",
        [SLUG],
        **{
            "201": _json(_ref("Answered"), "answer recorded"),
            "200": _json(_ref("Answered"), "this answer_key was already recorded (replay)"),
        },
    ),
    "/decks/{slug}/stats": _get(
        "deckStats",
        "Reviews per day, true retention, due forecast, mastery by section",
        _ref("Stats"),
        404,
        params=[SLUG],
    ),
    "/decks/{slug}/progress.apkg": _progress_package(),
    "/reviews/{review_id}": _get(
        "getReview", "One of your answers", _ref("AnswerResult"), 401, 404, params=[REVIEW_ID]
    ),
    "/reviews/{review_id}/rating": _post(
        "rerate",
        "Change the rating of your latest answer to a card (right: 2-4, wrong: 1)",
        "RatingRequest",
        [REVIEW_ID],
        **{"200": _json(_ref("AnswerResult"), "re-rated")},
    ),
    "/reviews/{review_id}/undo": _post(
        "undo",
        "Take back an answer: the card returns to its state before it",
        None,
        [REVIEW_ID],
        **{"200": _json(_ref("AnswerResult"), "undone (or already undone)")},
    ),
}

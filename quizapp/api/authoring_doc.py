"""The OpenAPI part of the own-deck routes (``authoring_views``): schemas and paths, merged
into the document by ``openapi.document``."""

from __future__ import annotations

from quizapp.api.openapi import (
    CSRF,
    INT,
    SLUG,
    STR,
    WRITE_ERRORS,
    Schema,
    _json,
    _nullable,
    _object,
    _problems,
    _ref,
)

QUESTION_ID = {
    "name": "question_id",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "maxLength": 200},
}
STRINGS = {"type": "array", "items": STR, "maxItems": 10}
KIND = {"enum": ["flashcard", "cloze", "multiple_choice", "true_false"]}
STATUS = {"enum": ["active", "retired"]}
SOURCE = _object({"start": INT, "end": INT})
FIELDS: dict[str, Schema] = {
    "prompt": STR,
    "answer": STR,
    "accepted": STRINGS,
    "options": STRINGS,
    "correct": {"type": "integer", "minimum": 0, "maximum": 9},
    "explanation": STR,
}
TOO_MANY = {
    "429": {
        "description": "too many decks generated recently (per account)",
        "content": {"application/problem+json": {"schema": _ref("Problem")}},
    }
}

SCHEMAS: dict[str, Schema] = {
    "NewDeck": _object(
        {
            "name": STR,
            "filename": STR,
            "text": STR,
            "visibility": {"enum": ["private", "public"]},
        },
        required=["text"],
    ),
    "NewDeckUpload": {
        "type": "object",
        "properties": {
            "article": {"type": "string", "contentMediaType": "application/octet-stream"},
            "name": STR,
            "visibility": {"enum": ["private", "public"]},
        },
        "required": ["article"],
    },
    "CreatedDeck": {
        "type": "object",
        "properties": {"slug": STR, "name": STR, "visibility": STR, "questions": INT},
        "required": ["slug", "questions"],
    },
    "OwnQuestion": {
        "type": "object",
        "properties": {
            "id": STR,
            "kind": KIND,
            **FIELDS,
            "correct": _nullable({"type": "integer"}),
            "status": STATUS,
            "source": {"type": "object"},
        },
        "required": ["id", "kind", "prompt", "answer", "status", "source"],
    },
    "QuestionChange": _object({**FIELDS, "status": STATUS}, required=[]),
    "QuestionNew": _object(
        {"kind": KIND, **FIELDS, "source": SOURCE}, required=["kind", "prompt", "source"]
    ),
    "ReportRequest": _object(
        {"reason": {"enum": ["wrong_answer", "confusing", "gives_away", "other"]}, "text": STR},
        required=["reason"],
    ),
    "Report": {"type": "object", "properties": {"id": INT, "reason": STR}},
}


def _write(op_id: str, summary: str, body: Schema, params: list[Schema], ok: Schema) -> Schema:
    return {
        "operationId": op_id,
        "summary": summary,
        "parameters": [*params, CSRF],
        "requestBody": {"required": True, "content": body},
        "responses": {**ok, **_problems(*WRITE_ERRORS, 401)},
    }


def _json_body(name: str) -> Schema:
    return {"application/json": {"schema": _ref(name)}}


PATHS: dict[str, Schema] = {
    "/decks": {
        "post": {
            **_write(
                "createDeck",
                "A new deck of yours from an article (JSON text, or multipart file `article`)",
                {
                    **_json_body("NewDeck"),
                    "multipart/form-data": {"schema": _ref("NewDeckUpload")},
                },
                [],
                {"201": _json(_ref("CreatedDeck"), "deck generated")},
            ),
            "responses": {
                "201": _json(_ref("CreatedDeck"), "deck generated"),
                **_problems(*WRITE_ERRORS, 401),
                **TOO_MANY,
            },
        }
    },
    "/decks/{slug}/questions": {
        "get": {
            "operationId": "listOwnQuestions",
            "summary": "Every question of your deck, retired ones included (owner only)",
            "parameters": [SLUG],
            "responses": {
                "200": _json(
                    _object({"questions": {"type": "array", "items": _ref("OwnQuestion")}}), "ok"
                ),
                **_problems(403, 404),
            },
        },
        "post": _write(
            "addOwnQuestion",
            "Add your own question, tied to a sentence (source offsets) of the article",
            _json_body("QuestionNew"),
            [SLUG],
            {"201": _json(_ref("OwnQuestion"), "question added")},
        ),
    },
    "/decks/{slug}/questions/{question_id}": {
        "patch": _write(
            "editOwnQuestion",
            "Edit a question of your deck (any field; status retires or restores it)",
            _json_body("QuestionChange"),
            [SLUG, QUESTION_ID],
            {"200": _json(_ref("OwnQuestion"), "saved")},
        )
    },
    "/decks/{slug}/questions/{question_id}/reports": {
        "post": _write(
            "reportQuestion",
            "Report a question you answered (once per learner per question)",
            _json_body("ReportRequest"),
            [SLUG, QUESTION_ID],
            {"201": _json(_ref("Report"), "report recorded")},
        )
    },
}

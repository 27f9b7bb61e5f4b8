"""Fuzz the API from its own OpenAPI document with schemathesis: whatever is sent (valid
by the schema, or deliberately invalid), the app never answers 5xx, and every response
conforms to the document (status code, content type, body schema). Invalid input must be
rejected with a 4xx.

Bounded (``max_examples``) and derandomized, so the run is fast and the same every time.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from .helpers import answer

MAX_EXAMPLES = 150
CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def _fuzz(
    app: Flask,
    mode: GenerationMode,
    cookies: dict[str, str] | None = None,
    examples: int = MAX_EXAMPLES,
    **fixed: Any,
) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    strategy = schema.as_strategy(generation_mode=mode, **fixed)
    checks = CONFORMANCE + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])

    @settings(
        max_examples=examples,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        case.call_and_validate(checks=checks, cookies=cookies)

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_fuzz_any_input(app: Flask, deck_id: int, mode: GenerationMode) -> None:
    _fuzz(app, mode)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_fuzz_the_real_deck(app: Flask, deck_id: int, mode: GenerationMode) -> None:
    # Pinning the deck reaches the answer handler's deeper paths (question lookup, kinds).
    _fuzz(app, mode, path_parameters={"slug": "cramps"})


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_fuzz_as_a_learner_with_answers(app: Flask, deck_id: int, mode: GenerationMode) -> None:
    # A learner whose reviews 1-3 exist, fuzzing their own review 2: re-rating (200 or 409
    # once undone), undo (200, also when repeated) and reading it back.
    client = app.test_client()
    for qid in ("q-flash", "q-cloze", "q-mc"):
        answer(client, qid, f"seed-{qid}")
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    pinned = {"slug": "cramps", "review_id": 2}
    _fuzz(app, mode, cookies={cookie.key: cookie.value}, path_parameters=pinned)


def test_fuzz_answers_to_real_questions(app: Flask, deck_id: int) -> None:
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operation = schema["/decks/{slug}/answers"]["POST"]
    bodies = st.fixed_dictionaries(
        {
            "question_id": st.sampled_from(["q-flash", "q-cloze", "q-mc", "q-tf", "q-def"]),
            "answer_key": st.text("abc123-_", min_size=1, max_size=8),
        },
        optional={
            "chosen": st.integers(0, 5),
            "typed": st.text(max_size=30),
            "rating": st.integers(1, 4),
            "duration_ms": st.integers(0, 10**6),
        },
    )

    @settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None)
    @given(body=bodies)
    def run(body: dict[str, Any]) -> None:
        case = operation.Case(
            path_parameters={"slug": "cramps"},
            headers={"X-Requested-With": "fuzz"},
            body=body,
            media_type="application/json",
        )
        response = case.call()
        case.validate_response(response, checks=CONFORMANCE)
        assert response.status_code in (200, 201, 409, 422), response.text

    run()


# Path parameters at the edges of the database's integer range (INTEGER is 32-bit on
# PostgreSQL, SQLite's is 64-bit, Python's is unbounded): never a 5xx, a plain 404 beyond.
INTEGER_EDGES = [0, 2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**40]


@pytest.mark.parametrize("review_id", INTEGER_EDGES)
def test_fuzz_review_ids_at_integer_edges(app: Flask, deck_id: int, review_id: int) -> None:
    client = app.test_client()
    answer(client, "q-mc", "seed-edge")
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    pinned = {"slug": "cramps", "review_id": review_id}
    _fuzz(app, GenerationMode.POSITIVE, {cookie.key: cookie.value}, 15, path_parameters=pinned)


def _nested(depth: int, opener: str) -> str:
    inner = '"x"'
    return (opener * depth) + inner + ("]" if opener == "[" else "}") * depth


OPENERS = st.sampled_from(["[", '{"a":'])


def test_fuzz_deeply_nested_bodies(app: Flask, deck_id: int) -> None:
    client = app.test_client()
    answer(client, "q-mc", "seed-nesting")
    paths = ["/decks/cramps/answers", "/reviews/1/rating"]

    @settings(max_examples=40, derandomize=True, deadline=None, database=None)
    @given(depth=st.integers(0, 200_000), opener=OPENERS, path=st.sampled_from(paths))
    def run(depth: int, opener: str, path: str) -> None:
        body = _nested(depth, opener)
        response = client.post(
            "/api/v1" + path,
            data=body,
            headers={"X-Requested-With": "fuzz", "Content-Type": "application/json"},
        )
        assert response.status_code in (400, 413, 422), (depth, response.status_code)
        assert response.mimetype == "application/problem+json"

    run()

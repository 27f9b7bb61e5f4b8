"""Fuzz the own-deck API as the deck's owner (schemathesis, from the OpenAPI document):
whatever is sent, never a 5xx, every response conforms, invalid input is a 4xx."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import negative_data_rejection

from tests.quizapp.api.test_fuzz import CONFORMANCE

from .helpers import owner_client, upload

MAX_EXAMPLES = 60


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_fuzz_own_deck_routes_as_the_owner(app: Flask, mode: GenerationMode) -> None:
    owner = owner_client(app)
    slug = upload(owner, visibility="public")
    cookie = owner.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    mine = schema.include(path_regex=r"^/decks/\{slug\}/questions")
    strategy = mine.as_strategy(generation_mode=mode, path_parameters={"slug": slug})
    checks = CONFORMANCE + ([negative_data_rejection] if mode is GenerationMode.NEGATIVE else [])

    @settings(max_examples=MAX_EXAMPLES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=strategy)
    def run(case: Any) -> None:
        case.call_and_validate(checks=checks, cookies={cookie.key: cookie.value})

    run()

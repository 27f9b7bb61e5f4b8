"""Input at the edges is a 4xx, never a 5xx (issue 9, finding 4): ids beyond the database's
integer range in every ``<int:…>`` path parameter, deeply nested JSON, dates that overflow
when converted to UTC."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.api.parsing import MAX_NESTING, nesting_depth
from quizapp.web.converters import DB_INT_MAX

from .api.helpers import post
from .classroom.helpers import create_assignment, create_class, log_in, make_teacher

HUGE = [str(n) for n in (DB_INT_MAX + 1, 2**63 - 1, 2**63, 2**64)] + ["9" * 5000]
INT_ARG = re.compile(r"<int:(\w+)>")


def _int_routes(app: Flask) -> list[tuple[str, str]]:
    """(rule, method) for every rule with an ``<int:…>`` parameter."""
    return [
        (rule.rule, method)
        for rule in app.url_map.iter_rules()
        if INT_ARG.search(rule.rule)
        for method in sorted(rule.methods or ())
        if method in ("GET", "POST")
    ]


def _teacher(app: Flask) -> FlaskClient:
    make_teacher(app, "teacher")
    client = app.test_client()
    log_in(client, "teacher")
    return client


@pytest.mark.usefixtures("deck_id")
def test_ids_beyond_the_integer_range_are_404_on_every_route(app: Flask) -> None:
    teacher = _teacher(app)
    routes = _int_routes(app)
    assert len(routes) > 20  # attempts, classes, assignments, quizzes, reviews, …
    failures = []
    for rule, method in routes:
        for value in HUGE:
            url = INT_ARG.sub(value, rule).replace("<slug>", "cramps")
            url = re.sub(r"<[^>]+>", "x", url)
            status = teacher.open(url, method=method, headers={"X-Requested-With": "t"}).status_code
            if status != 404:
                failures.append((method, url[:80], status))
    assert failures == []


@pytest.mark.usefixtures("deck_id")
def test_the_largest_id_the_database_holds_is_an_ordinary_404(client: FlaskClient) -> None:
    for url in (f"/quiz/{DB_INT_MAX}", f"/attempts/{DB_INT_MAX}", f"/api/v1/reviews/{DB_INT_MAX}"):
        assert client.get(url).status_code in (401, 404), url


@pytest.mark.usefixtures("deck_id")
@pytest.mark.parametrize("body", ["[" * 100_000, '{"a":' * 50_000, "[" * (MAX_NESTING + 1)])
def test_deeply_nested_json_is_a_400_problem(client: FlaskClient, body: str) -> None:
    response = post(
        client, "/decks/cramps/answers", data=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.mimetype == "application/problem+json"
    assert "nested" in response.get_json()["detail"]


def test_nesting_depth_skips_brackets_in_strings() -> None:
    assert nesting_depth(b'{"a": "[[[[{{{{", "b": [1, [2]]}') == 3
    assert nesting_depth(b'["\\"[[["]') == 1
    assert nesting_depth(b"") == 0


@pytest.mark.usefixtures("deck_id")
def test_dates_out_of_range_are_form_errors(app: Flask) -> None:
    teacher = _teacher(app)
    class_id = create_class(teacher)
    late = {"closes_at": "9999-12-31T23:59", "timezone": "America/Los_Angeles"}
    form = {
        "title": "Far",
        "deck": "cramps",
        "count": "1",
        "kinds": ["cloze"],
        "attempts": "1",
        "answers_shown": "now",
        **late,
    }
    created = teacher.post(f"/teach/classes/{class_id}/assignments/new", data=form)
    assert created.status_code == 400
    assert "Enter the closing time" in created.get_data(as_text=True)
    early = teacher.post(
        f"/teach/classes/{class_id}/assignments/new", data={**form, "closes_at": "0001-01-01T00:00"}
    )
    assert early.status_code == 400
    assignment_id = create_assignment(teacher, class_id, count="1", timezone="America/Los_Angeles")
    closing = teacher.post(f"/teach/assignments/{assignment_id}/closing", data=late)
    assert closing.status_code == 400
    assert "Enter the closing time" in closing.get_data(as_text=True)

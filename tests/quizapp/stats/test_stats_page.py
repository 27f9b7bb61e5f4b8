"""The stats page: server-drawn SVG charts with titles, descriptions and data tables,
reflecting the learner's own answers only; reachable from the nav and after studying."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime

from flask import Flask
from flask.testing import FlaskClient

from quizapp.db.banks import import_bank
from quizapp.db.base import db
from tests.quizapp.conftest import build_bank, build_questions
from tests.quizapp.pages import answer_current


def page(client: FlaskClient, path: str = "/stats/cramps") -> str:
    response = client.get(path)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_visitor_sees_empty_charts(client: FlaskClient, deck_id: int) -> None:
    html = page(client)
    assert html.count('<svg class="chart"') == 2
    assert html.count('<svg class="share"') == 2  # one mastery bar per section
    for chart in ("chart-reviews", "chart-forecast", "chart-mastery-0", "chart-mastery-1"):
        assert f'aria-labelledby="{chart}-title {chart}-desc"' in html
        assert f'<title id="{chart}-title">' in html and f'<desc id="{chart}-desc">' in html
    assert "No answers in the last 30 days." in html
    assert html.count("<details>") == 3  # a data table for each chart
    assert "style=" not in html  # the CSP forbids inline styles
    assert "<script" not in html.split("</head>", 1)[1]


def test_answers_show_up_for_their_learner_only(app: Flask, deck_id: int) -> None:
    alice, bob = app.test_client(), app.test_client()
    answer_current(alice, right=True)
    answer_current(alice, right=False)
    html = page(alice)
    assert "2 answers on 1 of the last 30 days" in html
    assert re.search(r"<b>2</b> answers in the last 30 days", html)
    # Today's row of the data table: 2 answers, 1 right, 1 wrong.
    assert re.search(r"<td>2</td><td>1</td><td>1</td>", html)
    assert "No answers in the last 30 days." in page(bob)


def test_single_deck_overview_shows_it_and_nav_links_it(client: FlaskClient, deck_id: int) -> None:
    html = page(client, "/stats")
    assert "chart-reviews" in html
    assert 'href="/stats"' in page(client, "/")


def test_unknown_deck_is_a_friendly_404(client: FlaskClient, deck_id: int) -> None:
    response = client.get("/stats/nope")
    assert response.status_code == 404 and "<svg" not in response.get_data(as_text=True)


def test_done_page_links_to_stats(client: FlaskClient, deck_id: int) -> None:
    for _ in range(5):
        answer_current(client)
    while "question_id" in (body := page(client, "/study/cramps")):
        answer_current(client)
    assert 'href="/stats/cramps"' in body


def test_overview_lists_every_deck_with_headline_figures(app: Flask, deck_id: int) -> None:
    other = build_bank(
        tuple(dataclasses.replace(q, id=f"other-{q.id}") for q in build_questions()), "other"
    )
    with app.app_context():
        import_bank(db.session, other, datetime.now(UTC))
        db.session.commit()
    client = app.test_client()
    assert "No answers" not in page(client, "/stats")  # two decks: the overview, not a deck
    answer_current(client)
    html = page(client, "/stats")
    assert 'href="/stats/cramps"' in html and 'href="/stats/other"' in html
    assert html.count("answers in 30 days") == 2
    assert re.search(r"<b>1</b> answers in 30 days", html)

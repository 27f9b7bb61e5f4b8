"""The review page's filters, learners' reports (once each) and the owner's count, retiring
out of the study queue at once, and the per-account limit on generating decks."""

from __future__ import annotations

import re
from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.db.base import db
from quizapp.db.models import Question
from tests.quizapp.classroom.helpers import (
    create_assignment,
    create_class,
    current_fields,
    join,
    join_code,
    start,
)

from .helpers import owner_client, upload


def _ids(app: Flask, slug: str, kind: str | None = None) -> list[str]:
    with app.app_context():
        query = select(Question.id).where(Question.id.like(f"%.{slug}"))
        if kind:
            query = query.where(Question.kind == kind)
        ids = list(db.session.scalars(query.order_by(Question.position)))
        db.session.remove()
    return ids


def _listed(client: FlaskClient, slug: str, query: str = "") -> set[str]:
    html = client.get(f"/decks/{slug}/review{query}").get_data(as_text=True)
    return set(re.findall(r'<li class="card[^"]*" id="([^"]+)"', html))


def _answer(client: FlaskClient, slug: str, qid: str) -> None:
    page = client.get(f"/study/{slug}/q/{qid}").get_data(as_text=True)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', page))
    response = client.post(f"/study/{slug}/answer", data={**fields, "chosen": "0"})
    assert response.status_code == 302


def test_filters_reports_and_retiring(app: Flask) -> None:
    owner = owner_client(app)
    slug = upload(owner, visibility="public")
    every, choices = _ids(app, slug), _ids(app, slug, "multiple_choice")
    assert _listed(owner, slug) == set(every)
    assert _listed(owner, slug, "?kind=multiple_choice") == set(choices)
    retired, reported = choices[0], choices[1]
    owner.post(f"/decks/{slug}/questions/{retired}/retire")
    assert _listed(owner, slug, "?status=retired") == {retired}
    learner = owner_client(app, "learner")
    _answer(learner, slug, reported)
    report = {"reason": "wrong_answer", "text": "B is right too"}
    first = learner.post(f"/questions/{reported}/report", data=report, follow_redirects=True)
    assert "Thank you" in first.get_data(as_text=True)
    again = learner.post(f"/questions/{reported}/report", data=report, follow_redirects=True)
    assert "already reported" in again.get_data(as_text=True)
    assert _listed(owner, slug, "?reported=1") == {reported}
    assert "B is right too" in owner.get(f"/decks/{slug}/review").get_data(as_text=True)
    mine = owner.get("/decks/mine").get_data(as_text=True)
    assert '<b class="report-count">1</b>' in mine
    # A retired question is never offered again, not even by its URL.
    assert learner.get(f"/study/{slug}/q/{retired}").status_code == 404
    owner.post(f"/decks/{slug}/questions/{retired}/restore")
    assert learner.get(f"/study/{slug}/q/{retired}").status_code == 200


def test_generation_is_rate_limited_per_account(make_app: Callable[..., Flask]) -> None:
    app = make_app(RATELIMIT_ENABLED=True, DECK_GENERATE_RATE_LIMIT="2 per hour")
    owner, other = owner_client(app, "owner"), owner_client(app, "other")
    codes = [owner.post("/decks/new", data={"text": ""}).status_code for _ in range(3)]
    assert codes == [400, 400, 429]
    api = owner.post("/api/v1/decks", headers={"X-Requested-With": "t"}, json={"text": ""})
    assert api.status_code == 429  # one budget for the pages and the API
    assert other.post("/decks/new", data={"text": ""}).status_code == 400


def test_teachers_pick_their_own_decks_in_the_assignment_form(app: Flask) -> None:
    owner = owner_client(app, "owner")
    private = upload(owner, "Owner private", "private")
    public = upload(owner, "Owner public", "public")
    other = owner_client(app, "other")
    mine = upload(other, "Other private", "private")
    cases = ((owner, [private, public], [mine]), (other, [mine, public], [private]))
    for client, shown, hidden in cases:
        class_id = create_class(client, "Class")
        form = client.get(f"/teach/classes/{class_id}/assignments/new").get_data(as_text=True)
        assert all(f'value="{slug}"' in form for slug in shown)
        assert not any(f'value="{slug}"' in form for slug in hidden)


def test_the_class_report_marks_a_question_retired_since(app: Flask) -> None:
    owner = owner_client(app, "owner")
    slug = upload(owner, "Own deck", "private")
    class_id = create_class(owner, "Class")
    assignment = create_assignment(owner, class_id, deck=slug, kinds=["multiple_choice"], count="1")
    student = app.test_client()
    join(student, join_code(app, class_id), "Sam")
    attempt = start(student, assignment)
    fields = current_fields(student, attempt)
    student.post(f"{attempt}/answer", data={**fields, "chosen": "0"})
    report = f"/teach/assignments/{assignment}"
    assert "retired-mark" not in owner.get(report).get_data(as_text=True)
    owner.post(f"/decks/{slug}/questions/{fields['question_id']}/retire")
    html = owner.get(report).get_data(as_text=True)
    assert '<span class="retired-mark">retired</span>' in html
    assert student.get(f"{attempt}/results").status_code == 200  # the answer still stands

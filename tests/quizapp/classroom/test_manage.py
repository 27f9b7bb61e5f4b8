"""Teachers manage their classes: rename a class, remove a student, delete an assignment,
change an assignment's closing time; and the assignment form refuses flashcards when the
answers are held back until closing (a flashcard shows its answer)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.classroom import assignments, forms
from quizapp.classroom.assignments import AssignmentSpec
from quizapp.classroom.errors import ClassroomError
from quizapp.db.base import db
from quizapp.db.classroom import Assignment, Attempt, AttemptAnswer, ClassMember, Classroom
from quizapp.db.models import CardState, ReviewLog
from tests.quizapp.pages import answer_current

from .helpers import (
    PASSWORD,
    Clock,
    answer_next,
    create_assignment,
    create_class,
    hidden_fields,
    join,
    join_code,
    learner_id,
    location_id,
    log_in,
    make_teacher,
    start,
)

HELD_BACK = {"answers_shown": "after_close", "closes_at": "2026-03-02T15:00"}


def _student(capp: Flask, class_id: int, name: str, assignment_id: int) -> tuple[FlaskClient, int]:
    """A student who joined the class and answered one question of the assignment."""
    client = capp.test_client()
    join(client, join_code(capp, class_id), name)
    answer_next(client, start(client, assignment_id), right=True)
    return client, learner_id(client)


def _count(capp: Flask, model: type, *where: object) -> int:
    with capp.app_context():
        query = select(func.count()).select_from(model)
        for condition in where:
            query = query.where(condition)  # type: ignore[arg-type]
        return int(db.session.scalar(query) or 0)


def _text(response: object) -> str:
    return response.get_data(as_text=True)  # type: ignore[attr-defined,no-any-return]


# --- rename --------------------------------------------------------------------------------


def test_teacher_renames_a_class(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher, "Biology 10b")
    page = _text(teacher.get(f"/teach/classes/{class_id}"))
    assert f'action="/teach/classes/{class_id}/name"' in page
    renamed = teacher.post(f"/teach/classes/{class_id}/name", data={"name": "  Biology   11a "})
    assert renamed.status_code == 302
    assert renamed.headers["Location"].endswith(f"/teach/classes/{class_id}")
    assert "<h1>Biology 11a</h1>" in _text(teacher.get(f"/teach/classes/{class_id}"))
    assert "Biology 11a" in _text(teacher.get("/teach/"))
    for bad in ("   ", "x" * 121, "Bio\x07logy"):
        refused = teacher.post(f"/teach/classes/{class_id}/name", data={"name": bad})
        html = _text(refused)
        assert refused.status_code == 400
        assert "Give the class a name of 1 to 120 characters." in html
        assert 'id="rename-error"' in html and "Traceback" not in html
    with capp.app_context():
        assert db.session.get(Classroom, class_id).name == "Biology 11a"  # type: ignore[union-attr]


# --- remove a student ----------------------------------------------------------------------


def test_removed_student_loses_class_data_but_keeps_own_progress(
    capp: Flask, teacher: FlaskClient
) -> None:
    class_id = create_class(teacher)
    first = create_assignment(teacher, class_id, count="2")
    second = create_assignment(teacher, class_id, count="1", title="Second")
    ann, ann_id = _student(capp, class_id, "Ann", first)
    answer_next(ann, start(ann, second), right=False)
    answer_current(ann)  # her own study, outside any class
    _bob, bob_id = _student(capp, class_id, "Bob", first)
    own_reviews = _count(capp, ReviewLog, ReviewLog.user_id == ann_id)
    own_cards = _count(capp, CardState, CardState.user_id == ann_id)
    assert own_reviews == 3 and own_cards >= 2  # study may pick a card she met in class
    assert _count(capp, Attempt, Attempt.user_id == ann_id) == 2

    class_page = _text(teacher.get(f"/teach/classes/{class_id}"))
    remove_url = f"/teach/classes/{class_id}/students/{ann_id}/remove"
    assert f'href="{remove_url}"' in class_page
    confirm = teacher.get(remove_url)
    assert confirm.status_code == 200 and "Remove Ann" in _text(confirm)
    unconfirmed = teacher.post(remove_url)  # the confirmation is missing: nothing happens
    assert unconfirmed.status_code == 400 and "Nothing was changed" in _text(unconfirmed)
    assert _count(capp, ClassMember, ClassMember.user_id == ann_id) == 1

    removed = teacher.post(remove_url, data={"confirm": "yes"})
    assert removed.status_code == 302
    assert removed.headers["Location"].endswith(f"/teach/classes/{class_id}")
    assert _count(capp, ClassMember, ClassMember.user_id == ann_id) == 0
    assert _count(capp, Attempt, Attempt.user_id == ann_id) == 0
    assert _count(capp, AttemptAnswer) == 1  # Bob's
    assert _count(capp, ReviewLog, ReviewLog.user_id == ann_id) == own_reviews
    assert _count(capp, CardState, CardState.user_id == ann_id) == own_cards
    assert _count(capp, Attempt, Attempt.user_id == bob_id) == 1

    after = _text(teacher.get(f"/teach/classes/{class_id}"))
    assert "Ann is no longer in the class." in after and remove_url not in after
    report = _text(teacher.get(f"/teach/assignments/{first}"))
    assert "Bob" in report and "Ann" not in report
    progress = teacher.get(f"/teach/assignments/{first}/progress.json").get_json()
    assert [row["student"] for row in progress["students"]] == ["Bob"]
    assert "Ann" not in _text(teacher.get(f"/teach/classes/{class_id}"))  # roster
    assert teacher.get(remove_url).status_code == 404  # no longer a student of the class

    assert ann.get(f"/classes/{class_id}").status_code == 404
    assert ann.post(f"/assignments/{first}/start").status_code == 404
    assert "Biology 10b" not in _text(ann.get("/classes/"))
    assert join(ann, join_code(capp, class_id), "Ann") == class_id  # she may come back
    assert ann.get(f"/classes/{class_id}").status_code == 200
    assert location_id(start(ann, first), "/attempts")
    with capp.app_context():
        again = db.session.scalars(select(Attempt).where(Attempt.user_id == ann_id)).one()
        assert again.number == 1


# --- delete an assignment ------------------------------------------------------------------


def test_teacher_deletes_an_assignment_with_its_attempts(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    doomed = create_assignment(teacher, class_id, count="2", title="Doomed")
    kept = create_assignment(teacher, class_id, count="1", title="Kept")
    ann, ann_id = _student(capp, class_id, "Ann", doomed)
    answer_next(ann, start(ann, kept), right=True)
    _student(capp, class_id, "Bob", doomed)
    reviews = _count(capp, ReviewLog)
    cards = _count(capp, CardState)
    assert _count(capp, Attempt, Attempt.assignment_id == doomed) == 2

    report = _text(teacher.get(f"/teach/assignments/{doomed}"))
    assert f'href="/teach/assignments/{doomed}/delete"' in report
    confirm = teacher.get(f"/teach/assignments/{doomed}/delete")
    assert confirm.status_code == 200 and "Delete the assignment" in _text(confirm)
    assert teacher.post(f"/teach/assignments/{doomed}/delete").status_code == 400
    assert _count(capp, Assignment, Assignment.id == doomed) == 1

    deleted = teacher.post(f"/teach/assignments/{doomed}/delete", data={"confirm": "yes"})
    assert deleted.status_code == 302
    assert deleted.headers["Location"].endswith(f"/teach/classes/{class_id}")
    assert _count(capp, Assignment, Assignment.id == doomed) == 0
    assert _count(capp, Attempt, Attempt.assignment_id == doomed) == 0
    assert _count(capp, Attempt, Attempt.assignment_id == kept) == 1
    assert _count(capp, AttemptAnswer) == 1  # the kept assignment's answer
    assert _count(capp, ReviewLog) == reviews and _count(capp, CardState) == cards
    assert _count(capp, ClassMember, ClassMember.user_id == ann_id) == 1
    assert teacher.get(f"/teach/assignments/{doomed}").status_code == 404
    class_page = _text(teacher.get(f"/teach/classes/{class_id}"))
    assert "Doomed" not in class_page and "Kept" in class_page
    student_page = _text(ann.get(f"/classes/{class_id}"))
    assert "Doomed" not in student_page and "Kept" in student_page
    assert ann.post(f"/assignments/{doomed}/start").status_code == 404


# --- closing time ----------------------------------------------------------------------------


def test_teacher_extends_closes_and_reopens_an_assignment(
    capp: Flask, teacher: FlaskClient, clock: Clock
) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="1", closes_at="2026-03-02T13:00")
    url = f"/teach/assignments/{assignment_id}/closing"
    assert f'href="{url}"' in _text(teacher.get(f"/teach/assignments/{assignment_id}"))
    form = teacher.get(url)
    assert form.status_code == 200 and 'value="2026-03-02T13:00"' in _text(form)

    assert teacher.post(url, data={"closes_at": "2026-03-02T15:30"}).status_code == 302
    assert _closes_at(capp, assignment_id) == datetime(2026, 3, 2, 15, 30, tzinfo=UTC)

    assert teacher.post(f"/teach/assignments/{assignment_id}/close").status_code == 302
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    assert student.post(f"/assignments/{assignment_id}/start").status_code == 403
    page = _text(teacher.get(f"/teach/assignments/{assignment_id}"))
    assert "Reopen or change closing time" in page
    clock.advance(minutes=5)
    reopened = teacher.post(url, data={"closes_at": "2026-03-03T09:00"})
    assert reopened.status_code == 302
    assert student.post(f"/assignments/{assignment_id}/start").status_code == 302

    assert teacher.post(url, data={"closes_at": ""}).status_code == 302  # never closes
    assert _closes_at(capp, assignment_id) is None


def test_closing_time_is_validated_on_the_form(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    later = create_assignment(teacher, class_id, count="1", opens_at="2026-03-05T10:00")
    url = f"/teach/assignments/{later}/closing"
    for typed, message in (
        ("2026-03-04T10:00", "The closing time must be after the opening time."),
        ("2026-03-05T10:00", "The closing time must be after the opening time."),
        ("next tuesday", "Enter the closing time as date and time."),
    ):
        refused = teacher.post(url, data={"closes_at": typed})
        html = _text(refused)
        assert refused.status_code == 400, typed
        assert message in html and 'id="closes-error"' in html and "Traceback" not in html
        assert f'value="{typed}"' in html  # what was typed is shown again
    assert _closes_at(capp, later) is None

    held = create_assignment(teacher, class_id, count="1", **HELD_BACK)
    refused = teacher.post(f"/teach/assignments/{held}/closing", data={"closes_at": ""})
    assert refused.status_code == 400
    assert "Showing answers after closing needs a closing time." in _text(refused)
    assert _closes_at(capp, held) == datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


def test_closing_time_is_read_in_the_assignments_time_zone(
    capp: Flask, teacher: FlaskClient
) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="1", timezone="Europe/Berlin")
    url = f"/teach/assignments/{assignment_id}/closing"
    assert "Europe/Berlin" in _text(teacher.get(url))
    assert teacher.post(url, data={"closes_at": "2026-03-02T18:00"}).status_code == 302
    assert _closes_at(capp, assignment_id) == datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    assert 'value="2026-03-02T18:00"' in _text(teacher.get(url))


def _closes_at(capp: Flask, assignment_id: int) -> datetime | None:
    with capp.app_context():
        found = db.session.get(Assignment, assignment_id)
        assert found is not None
        return found.closes_at


# --- flashcards and answers held back ----------------------------------------------------------


def test_flashcards_are_refused_when_answers_wait_for_closing(
    capp: Flask, teacher: FlaskClient
) -> None:
    class_id = create_class(teacher)
    data = {
        "title": "Held back",
        "deck": "cramps",
        "count": "2",
        "kinds": ["flashcard", "multiple_choice"],
        "attempts": "1",
        "timezone": "UTC",
        **HELD_BACK,
    }
    refused = teacher.post(f"/teach/classes/{class_id}/assignments/new", data=data)
    html = _text(refused)
    assert refused.status_code == 400 and "Traceback" not in html
    assert 'id="kinds-error"' in html and "Flashcards show their answer" in html
    assert _count(capp, Assignment) == 0
    # either change makes it acceptable
    create_assignment(teacher, class_id, kinds=["flashcard", "multiple_choice"], count="2")
    create_assignment(teacher, class_id, kinds=["multiple_choice"], count="1", **HELD_BACK)
    assert _count(capp, Assignment) == 2


def test_the_service_refuses_flashcards_with_answers_held_back(capp: Flask) -> None:
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    spec, errors = forms.parse(
        {"title": "T", "count": "2", "attempts": "1", **HELD_BACK},
        {"kinds": ["flashcard", "cloze"]},
        deck_id=1,
        deck_sections=[],
        now=now,
        default_zone="UTC",
    )
    assert spec is None and "Flashcards" in errors["kinds"]
    with capp.app_context():
        held = AssignmentSpec(
            title="T",
            deck_id=1,
            sections=(),
            kinds=("flashcard",),
            question_count=1,
            opens_at=now,
            closes_at=datetime(2026, 3, 3, tzinfo=UTC),
            timezone="UTC",
            attempts_allowed=1,
            answers_shown="after_close",
        )
        classroom = Classroom(id=1, teacher_id=1, name="C", join_code="ACEFHK")
        try:
            assignments.create_assignment(db.session, classroom=classroom, spec=held, now=now)
        except ClassroomError as exc:
            assert "Flashcards" in str(exc)
        else:
            raise AssertionError("flashcards with answers held back were accepted")


# --- who may do it -----------------------------------------------------------------------------


def test_only_the_classs_teacher_manages_it(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="1")
    student, student_id = _student(capp, class_id, "Ann", assignment_id)
    make_teacher(capp, "other")
    other = capp.test_client()
    log_in(other, "other")
    actions = [
        ("POST", f"/teach/classes/{class_id}/name", {"name": "Taken over"}),
        ("GET", f"/teach/classes/{class_id}/students/{student_id}/remove", None),
        ("POST", f"/teach/classes/{class_id}/students/{student_id}/remove", {"confirm": "yes"}),
        ("GET", f"/teach/assignments/{assignment_id}/closing", None),
        ("POST", f"/teach/assignments/{assignment_id}/closing", {"closes_at": "2026-03-09T10:00"}),
        ("GET", f"/teach/assignments/{assignment_id}/delete", None),
        ("POST", f"/teach/assignments/{assignment_id}/delete", {"confirm": "yes"}),
    ]
    for method, url, data in actions:
        assert other.open(url, method=method, data=data).status_code == 404, url
        assert student.open(url, method=method, data=data).status_code == 403, url
        assert capp.test_client().open(url, method=method, data=data).status_code == 403, url
    with capp.app_context():
        assert db.session.get(Classroom, class_id).name == "Biology 10b"  # type: ignore[union-attr]
    assert _count(capp, ClassMember) == 1 and _count(capp, Attempt) == 1
    assert _closes_at(capp, assignment_id) is None
    # a student of another class, or nobody at all: 404 for the owner too
    assert teacher.get(f"/teach/classes/{class_id}/students/999999/remove").status_code == 404
    assert teacher.get("/teach/assignments/999999/closing").status_code == 404
    assert teacher.post("/teach/assignments/999999/delete").status_code == 404


def test_management_forms_carry_the_csrf_token(
    make_app: Callable[..., Flask], clock: Clock, deck_id: int
) -> None:
    app = make_app(CLOCK=clock, WTF_CSRF_ENABLED=True)
    make_teacher(app, "teacher")
    client = app.test_client()
    token = hidden_fields(_text(client.get("/account/login")))["csrf_token"]
    data = {"username": "teacher", "password": PASSWORD, "csrf_token": token}
    assert client.post("/account/login", data=data).status_code == 302
    token = hidden_fields(_text(client.get("/teach/")))["csrf_token"]
    made = client.post("/teach/classes", data={"name": "Bio", "csrf_token": token})
    class_id = location_id(made.headers["Location"], "/teach/classes")
    page = _text(client.get(f"/teach/classes/{class_id}"))
    forms_on_page = re.findall(r'<form method="post".*?</form>', page, flags=re.S)
    assert len(forms_on_page) == 4  # log out, rename, new code, joining
    assert all('name="csrf_token"' in form for form in forms_on_page)
    with app.app_context():
        assignment = Assignment(
            class_id=class_id,
            deck_id=deck_id,
            title="A",
            sections=[],
            kinds=["cloze"],
            question_count=1,
            opens_at=clock.now,
        )
        db.session.add(assignment)
        db.session.commit()
        assignment_id = assignment.id
    for other in (f"/teach/assignments/{assignment_id}/{tail}" for tail in ("closing", "delete")):
        found = re.findall(r'<form method="post".*?</form>', _text(client.get(other)), flags=re.S)
        assert len(found) == 2 and all('name="csrf_token"' in form for form in found), other
    url = f"/teach/classes/{class_id}/name"
    assert client.post(url, data={"name": "No token"}).status_code == 400
    token = hidden_fields(page)["csrf_token"]
    assert client.post(url, data={"name": "Chemistry", "csrf_token": token}).status_code == 302

"""Classroom pages, bullet by bullet: teacher sign-up, join code/link/QR/projector, rotate
and close joining, joining by name (several classes, another device with a password),
deferred answers, flashcards, a fixed question set, live progress JSON, CSV, report links."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import segno
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.classroom import picking
from quizapp.db.base import db
from quizapp.db.classroom import Assignment, Attempt
from quizapp.db.models import CardState, Question, User
from quizapp.domain.siblings import Origin
from quizapp.services import draws

from .helpers import (
    PASSWORD,
    Clock,
    answer_next,
    class_code,
    create_assignment,
    create_class,
    current_fields,
    hidden_fields,
    join,
    join_code,
    learner_id,
    start,
)


def test_teacher_sign_up_page_creates_a_teacher(capp: Flask) -> None:
    client = capp.test_client()
    assert client.get("/teach/").status_code == 403
    form = {"username": "Ms.Rivera", "password": PASSWORD, "confirm": PASSWORD}
    response = client.post("/teach/signup", data=form)
    assert response.status_code == 302 and response.headers["Location"].endswith("/teach/")
    assert "Your classes" in client.get("/teach/").get_data(as_text=True)
    with capp.app_context():
        user = db.session.scalar(select(User).where(User.username == "ms.rivera"))
        assert user is not None and user.is_teacher
    taken = capp.test_client().post("/teach/signup", data=form)
    assert taken.status_code == 400 and "taken" in taken.get_data(as_text=True)


def test_a_registered_learner_turns_teacher_features_on(capp: Flask) -> None:
    client = capp.test_client()
    form = {"username": "sam", "password": PASSWORD, "confirm": PASSWORD}
    assert client.post("/account/register", data=form).status_code == 302
    assert client.get("/teach/").status_code == 403
    assert "Turn on teacher features" in client.get("/teach/signup").get_data(as_text=True)
    assert client.post("/teach/signup").status_code == 302
    assert client.get("/teach/").status_code == 200


def test_class_page_shows_code_link_and_qr_and_projector(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher, "Biology 10b")
    code = join_code(capp, class_id)
    page = teacher.get(f"/teach/classes/{class_id}").get_data(as_text=True)
    shown = f"{code[:3]}-{code[3:]}"
    link = f"http://localhost/join/{code}"
    assert shown in page and f'href="{link}"' in page
    qr = teacher.get(f"/teach/classes/{class_id}/qr.svg")
    assert qr.mimetype == "image/svg+xml" and qr.data.lstrip().startswith(b"<svg")
    out = io.BytesIO()  # the same QR code segno draws for the join link
    segno.make(link, error="m", micro=False).save(
        out, kind="svg", scale=10, border=4, dark="#000", light="#fff", xmldecl=False,
        omitsize=True, title="QR code to join the class",
    )  # fmt: skip
    assert qr.data == out.getvalue()
    projector = teacher.get(f"/teach/classes/{class_id}/projector").get_data(as_text=True)
    assert '<p class="proj-code"' in projector and shown in projector
    assert f"/teach/classes/{class_id}/qr.svg" in projector
    # the join link pre-fills the code
    assert f'value="{code}"' in capp.test_client().get(f"/join/{code}").get_data(as_text=True)


def test_rotate_code_and_close_joining(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    old = join_code(capp, class_id)
    join(capp.test_client(), old, "Ann")
    assert teacher.post(f"/teach/classes/{class_id}/code").status_code == 302
    new = join_code(capp, class_id)
    assert new != old
    refused = capp.test_client().post("/join", data={"code": old, "name": "Bob"})
    assert refused.status_code == 400 and "No class has that code" in refused.get_data(as_text=True)
    teacher.post(f"/teach/classes/{class_id}/joining", data={"open": "0"})
    closed = capp.test_client().post("/join", data={"code": new, "name": "Bob"})
    assert closed.status_code == 400 and "not taking new students" in closed.get_data(as_text=True)
    teacher.post(f"/teach/classes/{class_id}/joining", data={"open": "1"})
    join(capp.test_client(), new, "Bob")


def test_one_student_in_two_classes_and_names_unique_per_class(
    capp: Flask, teacher: FlaskClient
) -> None:
    first, second = create_class(teacher, "Morning"), create_class(teacher, "Evening")
    student = capp.test_client()
    join(student, join_code(capp, first), "Ann")
    join(student, join_code(capp, second), "Ann B.")
    home = student.get("/classes/").get_data(as_text=True)
    assert "Morning" in home and "Evening" in home
    same = capp.test_client().post("/join", data={"code": join_code(capp, first), "name": "ann"})
    assert same.status_code == 400 and "already uses that name" in same.get_data(as_text=True)
    assert join(student, join_code(capp, first), "Ann") == first  # joining again: same member


def test_coming_back_on_another_device_with_a_password(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    code = join_code(capp, class_id)
    assignment_id = create_assignment(teacher, class_id, count="2")
    phone = capp.test_client()
    join(phone, code, "Ann")
    url = start(phone, assignment_id)
    answer_next(phone, url, right=True)
    data = {"password": "a fine password", "confirm": "a fine password"}
    assert phone.post("/classes/password", data=data).status_code == 302
    laptop = capp.test_client()
    wrong = laptop.post("/join", data={"code": code, "name": "Ann", "password": "nope nope"})
    assert wrong.status_code == 400 and "password does not match" in wrong.get_data(as_text=True)
    assert join(laptop, code, "ann", password="a fine password") == class_id
    # the same attempt continues on the laptop, at its second question
    assert start(laptop, assignment_id) == url
    assert "Question 2 of 2" in laptop.get(url).get_data(as_text=True)


def test_answers_after_closing_are_hidden_until_then(
    capp: Flask, teacher: FlaskClient, clock: Clock
) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(
        teacher, class_id, count="2", answers_shown="after_close", closes_at="2026-03-02T15:00"
    )
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    _, location = answer_next(student, url, right=True)
    assert location.endswith(url)  # straight to the next question, no feedback page
    assert "Answer saved" in student.get(url).get_data(as_text=True)
    answer_next(student, url, right=False)
    results = student.get(f"{url}/results").get_data(as_text=True)
    assert "You will see your score" in results and "Answer:" not in results
    assert 'class="score"' not in results
    clock.advance(hours=3)  # 15:00: closed
    results = student.get(f"{url}/results").get_data(as_text=True)
    assert '<p class="score" id="score">1 / 2</p>' in results
    assert "Answer:" in results and "Read it in the article" in results


def test_a_flashcard_assignment_is_self_graded_in_the_study_ui(
    capp: Flask, teacher: FlaskClient
) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="1", kinds=["flashcard"])
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    front = student.get(url).get_data(as_text=True)
    assert "Show answer" in front and 'data-key="space"' in front
    back = student.get(f"{url}?reveal=1").get_data(as_text=True)
    assert "Lou Gehrig" in back and 'data-key="3"' in back
    response = student.post(f"{url}/answer", data={**hidden_fields(back), "rating": "3"})
    assert response.status_code == 302
    assert '<p class="score" id="score">1 / 1</p>' in student.get(f"{url}/results").get_data(
        as_text=True
    )


def test_question_set_is_fixed_at_start_from_the_stored_seed(
    capp: Flask, teacher: FlaskClient
) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="3")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    assert start(student, assignment_id) == url  # starting again resumes
    with capp.app_context():
        attempt = db.session.scalars(select(Attempt)).one()
        assignment = db.session.get(Assignment, assignment_id)
        assert assignment is not None
        origins = draws.origins(
            db.session, assignment.deck_id, assignment.sections, assignment.kinds
        )
        assert assignment.same_questions and not assignment.shuffled  # the form's defaults
        apart = [Origin(o.id) for o in origins]  # BURY_SIBLINGS is off in these tests
        assert attempt.question_ids == picking.questions_for(
            apart, 3, draw_seed=assignment.seed, order_seed=None
        )
        assert set(attempt.question_ids) <= {"q-mc", "q-tf", "q-cloze", "q-def"}
        db.session.remove()
    asked = [answer_next(student, url, right=True)[0] for _ in range(3)]
    with capp.app_context():
        assert asked == db.session.scalars(select(Attempt)).one().question_ids
        # the answers are in the student's own FSRS schedule, due later (answered right)
        states = db.session.scalars(select(CardState)).all()
        assert {s.question_id for s in states} == set(asked)
        db.session.remove()


def test_progress_json_csv_and_report_links(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    code = join_code(capp, class_id)
    assignment_id = create_assignment(teacher, class_id, count="4", sections=["Metabolic causes"])
    ann, bob, cid = capp.test_client(), capp.test_client(), capp.test_client()
    join(ann, code, "Ann")
    join(bob, code, "=Bob")
    join(cid, code, "Cid")
    url = start(ann, assignment_id)
    answer_next(ann, url, right=True)
    answer_next(ann, url, right=False)
    start(bob, assignment_id)
    live = teacher.get(f"/teach/assignments/{assignment_id}/progress.json")
    assert live.headers["Cache-Control"] == "no-store"
    progress = live.get_json()
    assert (progress["joined"], progress["started"], progress["finished"]) == (3, 2, 1)
    rows = {r["student"]: r for r in progress["students"]}
    assert rows["Ann"]["status"] == "finished" and rows["Ann"]["score"] == 50
    assert rows["=Bob"]["status"] == "in progress" and rows["Cid"]["status"] == "not started"
    response = teacher.get(f"/teach/assignments/{assignment_id}/results.csv")
    assert response.mimetype == "text/csv" and response.data.startswith(b"\xef\xbb\xbf")
    assert "attachment" in response.headers["Content-Disposition"]
    table = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"), newline="")))
    assert len(table) == 4  # section "Metabolic causes" has 2 questions; 2 students started
    assert {r["student"] for r in table} == {"Ann", "'=Bob"}
    assert sorted(r["correct"] for r in table if r["student"] == "Ann") == ["0", "1"]
    report = teacher.get(f"/teach/assignments/{assignment_id}").get_data(as_text=True)
    anchors = re.findall(r'href="/decks/cramps/article#(s-\d+)"', report)
    assert len(anchors) == 2  # each question linked to its source sentence
    student_page = teacher.get(f"/teach/assignments/{assignment_id}/students/{learner_id(ann)}")
    assert "Attempt 1: 1 / 2" in student_page.get_data(as_text=True)


def test_new_assignment_form_rejects_bad_input(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    form = teacher.get(f"/teach/classes/{class_id}/assignments/new").get_data(as_text=True)
    assert 'value="Motor neuron diseases"' in form and 'type="datetime-local"' in form
    bad = teacher.post(
        f"/teach/classes/{class_id}/assignments/new",
        data={"title": "", "deck": "cramps", "count": "0", "attempts": "1", "kinds": [],
              "opens_at": "2026-03-03T10:00", "closes_at": "2026-03-03T09:00"},
    )  # fmt: skip
    page = bad.get_data(as_text=True)
    assert bad.status_code == 400
    for message in ("Give the assignment a title", "Choose 1 to 100", "Tick at least one",
                    "closing time must be after"):  # fmt: skip
        assert message in page
    with capp.app_context():
        assert db.session.scalars(select(Assignment)).all() == []
    # the teacher's time zone: 10:00 in Berlin is 09:00 UTC
    create_assignment(teacher, class_id, timezone="Europe/Berlin", opens_at="2026-03-03T10:00")
    with capp.app_context():
        made = db.session.scalars(select(Assignment)).one()
        assert made.opens_at.hour == 9 and made.timezone == "Europe/Berlin"


def test_csrf_protects_classroom_forms(make_app: Callable[..., Flask], deck_id: int) -> None:
    client = make_app(WTF_CSRF_ENABLED=True).test_client()
    assert client.post("/join", data={"code": "ACEFHK", "name": "Ann"}).status_code == 400
    assert client.post("/teach/classes", data={"name": "X"}).status_code == 400
    token = hidden_fields(client.get("/join").get_data(as_text=True))["csrf_token"]
    ok = client.post("/join", data={"code": "ACEFHK", "name": "Ann", "csrf_token": token})
    assert ok.status_code == 400 and "No class has that code" in ok.get_data(as_text=True)


def test_failed_joins_are_rate_limited_but_successful_ones_are_not(
    make_app: Callable[..., Flask], deck_id: int
) -> None:
    app = make_app(RATELIMIT_ENABLED=True, CLASSROOM_JOIN_RATE_LIMIT="3 per minute")
    code = class_code(app)
    for name in ("Ann", "Bob", "Cid", "Dee"):  # a class joining from one address
        join(app.test_client(), code, name)
    guesser = app.test_client()
    statuses = [
        guesser.post(
            "/join", data={"code": code, "name": "Ann", "password": f"guess {i}"}
        ).status_code
        for i in range(4)
    ]
    assert statuses == [400, 400, 400, 429]


def test_a_question_retired_during_an_attempt_is_skipped(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="3")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    answer_next(student, url, right=True)
    with capp.app_context():
        attempt = db.session.scalars(select(Attempt)).one()
        retired = db.session.get(Question, attempt.question_ids[1])
        assert retired is not None
        retired.retired_at = attempt.started_at
        db.session.commit()
        db.session.remove()
    qid, _ = answer_next(student, url, right=True)  # the third question; the second is gone
    assert qid == attempt.question_ids[2]
    assert student.get(url).headers["Location"].endswith(f"{url}/results")
    with capp.app_context():
        assert db.session.scalars(select(Attempt)).one().finished_at is not None


def test_password_form_only_redirects_within_the_site(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    data = {"password": "a fine password", "confirm": "a fine password"}
    away = student.post("/classes/password", data={**data, "back": "//evil.example/x"})
    assert away.headers["Location"] == "/classes/"
    data["current_password"] = data["password"]  # set now: changing it asks for it
    back = student.post("/classes/password", data={**data, "back": f"/classes/{class_id}"})
    assert back.headers["Location"] == f"/classes/{class_id}"


def test_teacher_closes_an_assignment_now(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(
        teacher, class_id, count="2", answers_shown="after_close", closes_at="2026-03-09T12:00"
    )
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    answer_next(student, url, right=True)
    fields = current_fields(student, url)
    report = teacher.get(f"/teach/assignments/{assignment_id}").get_data(as_text=True)
    assert "Close now" in report
    closed = teacher.post(f"/teach/assignments/{assignment_id}/close")
    assert closed.status_code == 302
    late = student.post(f"{url}/answer", data={**fields, "chosen": "0", "typed": "x"})
    assert late.status_code == 403
    results = student.get(f"{url}/results").get_data(as_text=True)
    assert '<p class="score" id="score">1 / 2</p>' in results  # answers now visible
    assert "Close now" not in teacher.get(f"/teach/assignments/{assignment_id}").get_data(
        as_text=True
    )

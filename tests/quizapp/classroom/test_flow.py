"""Classroom flows through the pages: teacher creates a class and an assignment, students
join and answer, the report and the students' results show the right things."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.db.base import db
from quizapp.db.classroom import Attempt, AttemptAnswer
from quizapp.db.models import CardState, ReviewLog

from .helpers import (
    RIGHT,
    Clock,
    answer_next,
    create_assignment,
    create_class,
    current_fields,
    join,
    join_code,
    log_in,
    make_teacher,
    start,
)


def test_teacher_class_students_answer_and_report(capp: Flask) -> None:
    make_teacher(capp, "teacher")
    teacher = capp.test_client()
    log_in(teacher, "teacher")
    class_id = create_class(teacher)
    code = join_code(capp, class_id)
    assignment_id = create_assignment(teacher, class_id, count="3")
    students = {"Ann": capp.test_client(), "Bob": capp.test_client()}
    for name, client in students.items():
        assert join(client, code.lower(), name) == class_id
        page = client.get(f"/classes/{class_id}").get_data(as_text=True)
        assert "Cramps check" in page and name in page
    url = start(students["Ann"], assignment_id)
    for _ in range(3):
        _qid, location = answer_next(students["Ann"], url, right=True)
        assert "/answers/" in location  # answers shown right away: the feedback page
        feedback = students["Ann"].get(location).get_data(as_text=True)
        assert "Right" in feedback and "Read it in the article" in feedback
    url_b = start(students["Bob"], assignment_id)
    answer_next(students["Bob"], url_b, right=False)
    report = teacher.get(f"/teach/assignments/{assignment_id}")
    html = report.get_data(as_text=True)
    assert report.status_code == 200
    assert "Ann" in html and "Bob" in html and "finished" in html and "in progress" in html
    results = students["Ann"].get(f"{url}/results").get_data(as_text=True)
    assert '<p class="score" id="score">3 / 3</p>' in results
    with capp.app_context():  # answers fed each student's own schedule, as classroom reviews
        assert db.session.scalar(select(func.count(CardState.question_id))) == 4
        assert set(db.session.scalars(select(ReviewLog.source))) == {"classroom"}


def test_resubmitted_answer_counts_once(capp: Flask, clock: Clock) -> None:
    make_teacher(capp, "teacher")
    teacher = capp.test_client()
    log_in(teacher, "teacher")
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="2")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    fields = current_fields(student, url)
    data = {**fields, **RIGHT[fields["question_id"]]}
    first = student.post(f"{url}/answer", data=data)
    again = student.post(f"{url}/answer", data=data)  # lost connection: the browser retries
    assert first.status_code == again.status_code == 302
    assert first.headers["Location"] == again.headers["Location"]
    with capp.app_context():
        assert db.session.scalar(select(func.count()).select_from(AttemptAnswer)) == 1
        assert db.session.scalar(select(func.count()).select_from(ReviewLog)) == 1
    other_key = {**data, "answer_key": "another-key"}
    assert student.post(f"{url}/answer", data=other_key).status_code == 400
    # resuming after a reload shows the second question, not the first again
    assert current_fields(student, url)["question_id"] != fields["question_id"]


def test_closing_time_and_attempts_limit_are_enforced(capp: Flask, clock: Clock) -> None:
    make_teacher(capp, "teacher")
    teacher = capp.test_client()
    log_in(teacher, "teacher")
    class_id = create_class(teacher)
    assignment_id = create_assignment(
        teacher, class_id, count="2", closes_at="2026-03-02T13:00", attempts="1"
    )
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    answer_next(student, url, right=True)
    fields = current_fields(student, url)
    clock.advance(hours=1)  # 13:00: closed
    late = student.post(f"{url}/answer", data={**fields, **RIGHT[fields["question_id"]]})
    assert late.status_code == 403
    assert "closed" in late.get_data(as_text=True)
    assert student.post(f"/assignments/{assignment_id}/start").status_code == 403
    with capp.app_context():
        assert db.session.scalar(select(func.count()).select_from(AttemptAnswer)) == 1
    # attempts limit: a fresh assignment with one attempt, finished, cannot be started again
    clock.advance(hours=1)
    second = create_assignment(teacher, class_id, count="1", attempts="1", title="Again")
    url2 = start(student, second)
    answer_next(student, url2, right=False)
    refused = student.post(f"/assignments/{second}/start")
    assert refused.status_code == 400 and "all your attempts" in refused.get_data(as_text=True)
    with capp.app_context():
        attempts = db.session.scalar(
            select(func.count()).select_from(Attempt).where(Attempt.assignment_id == second)
        )
        assert attempts == 1


def test_report_page_numbers_equal_hand_computed_values(capp: Flask, teacher: FlaskClient) -> None:
    """Four students answer the two choice questions of the small deck through the pages:

        student  q-mc (ALS = option 1)     q-tf (False = option 1)   score
        Ann      ALS ✓                     False ✓                   2/2
        Bob      ALS ✓                     True ✗                    1/2
        Cid      Multiple sclerosis ✗      True ✗                    0/2
        Dee      Hypocalcemia ✗            True ✗                    0/2

    N = 4: groups of floor(0.27·4 + 0.5) = 1: upper Ann, lower Dee (Cid and Dee tie at 0;
    the later student id is lower). q-tf: facility 1/4 = 25 %, D = 1 − 0 = +1.00, True
    chosen 3 times; q-mc: facility 2/4 = 50 %, D = +1.00, Multiple sclerosis 1, ALS 2,
    Hypocalcemia 1. Sections (deck order): Motor neuron diseases 2/4, Metabolic causes 1/4.
    """
    class_id = create_class(teacher)
    code = join_code(capp, class_id)
    assignment_id = create_assignment(
        teacher, class_id, count="2", kinds=["multiple_choice", "true_false"]
    )
    choices = {"Ann": ("1", "1"), "Bob": ("1", "0"), "Cid": ("0", "0"), "Dee": ("2", "0")}
    for name, (mc, tf) in choices.items():
        student = capp.test_client()
        join(student, code, name)
        url = start(student, assignment_id)
        for _ in range(2):
            fields = current_fields(student, url)
            chosen = mc if fields["question_id"] == "q-mc" else tf
            assert (
                student.post(f"{url}/answer", data={**fields, "chosen": chosen}).status_code == 302
            )
    html = teacher.get(f"/teach/assignments/{assignment_id}").get_data(as_text=True)
    items = html.split('<li class="item"')[1:]
    assert len(items) == 2
    tf_item, mc_item = items  # hardest first
    assert "Hypocalcemia is a high level" in tf_item and "Lou Gehrig" in mc_item
    assert "<dd data-facility>25 %</dd>" in tf_item and "<dd data-facility>50 %</dd>" in mc_item
    assert "<dd data-discrimination>+1.00</dd>" in tf_item
    assert "<dd data-discrimination>+1.00</dd>" in mc_item
    option_counts = re.compile(r'<td data-option="(\d)">(\d+)</td>')
    assert option_counts.findall(tf_item) == [("0", "3"), ("1", "1")]
    assert option_counts.findall(mc_item) == [("0", "1"), ("1", "2"), ("2", "1")]
    sections = re.findall(r"<tr><td>([^<]+)</td><td>(\d+) / (\d+)</td>", html)
    assert sections == [("Motor neuron diseases", "2", "4"), ("Metabolic causes", "1", "4")]
    assert "top 1 minus the" in html and "27 % of 4" in html


def test_an_answer_key_reused_for_another_question_is_a_400(
    capp: Flask, teacher: FlaskClient
) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="2")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    first = current_fields(student, url)
    student.post(f"{url}/answer", data={**first, **RIGHT[first["question_id"]]})
    second = current_fields(student, url)
    reused = {**second, "answer_key": first["answer_key"], **RIGHT[second["question_id"]]}
    response = student.post(f"{url}/answer", data=reused)
    assert response.status_code == 400
    assert "already used for another question" in response.get_data(as_text=True)

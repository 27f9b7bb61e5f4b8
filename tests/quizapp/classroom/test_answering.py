"""The answer service decides under the write lock: what a view loaded before taking it
(the attempt, its assignment) may be stale, and must not let an answer through."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select, update

from quizapp.classroom import attempts
from quizapp.classroom.attempts import AssignmentClosed
from quizapp.db.base import db
from quizapp.db.classroom import Assignment, Attempt, AttemptAnswer
from quizapp.services.settings import settings_for
from quizapp.services.study import Answer, Response

from .helpers import (
    Clock,
    create_assignment,
    create_class,
    current_fields,
    join,
    join_code,
    log_in,
    make_teacher,
    start,
)


def test_closing_after_the_attempt_was_loaded_still_refuses_the_answer(
    capp: Flask, clock: Clock
) -> None:
    make_teacher(capp, "teacher")
    teacher = capp.test_client()
    log_in(teacher, "teacher")
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="2")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    url = start(student, assignment_id)
    question_id = current_fields(student, url)["question_id"]
    with capp.app_context():
        attempt = db.session.scalar(select(Attempt).where(Attempt.assignment_id == assignment_id))
        assert attempt is not None and attempt.assignment.closes_at is None  # loaded: open
        # The teacher closes it now, behind the loaded objects' back.
        db.session.execute(
            update(Assignment)
            .where(Assignment.id == assignment_id)
            .values(closes_at=clock.now - timedelta(minutes=1))
            .execution_options(synchronize_session=False)
        )
        with pytest.raises(AssignmentClosed):
            attempts.answer(
                db.session,
                attempt=attempt,
                answer=Answer(question_id, "late-key", Response(chosen=0, typed="")),
                now=clock.now,
                settings=settings_for(capp.config, None),
            )
        assert attempt.assignment.closes_at is not None  # brought up to date
        db.session.rollback()
        assert db.session.scalar(select(func.count()).select_from(AttemptAnswer)) == 0

"""Loads an assignment's attempts and answers as the plain data ``report`` computes on.

Two queries (attempts, then answers with their questions), whatever the class size.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from quizapp.classroom.report import AnswerFact, AttemptFacts, QuestionInfo
from quizapp.db.classroom import Assignment, Attempt, AttemptAnswer, ClassMember
from quizapp.db.models import Question, ReviewLog
from quizapp.db.session import DbSession
from quizapp.services.decks import anchor_for


@dataclass(frozen=True)
class ReportData:
    students: list[tuple[int, str]]  # every member of the class: (user id, display name)
    attempts: list[AttemptFacts]  # every attempt at the assignment
    questions: dict[str, QuestionInfo]


def load(session: DbSession, assignment: Assignment, user_id: int | None = None) -> ReportData:
    """The assignment's report data (only ``user_id``'s attempts when given)."""
    students = _students(session, assignment.class_id)
    query = select(Attempt).where(Attempt.assignment_id == assignment.id)
    if user_id is not None:
        query = query.where(Attempt.user_id == user_id)
    attempts = list(session.scalars(query.order_by(Attempt.id)))
    answers = _answers(session, [a.id for a in attempts])
    names = dict(students)
    facts = [
        AttemptFacts(
            attempt_id=a.id,
            student_id=a.user_id,
            student=names.get(a.user_id, "?"),
            number=a.number,
            question_ids=tuple(a.question_ids),
            started_at=a.started_at,
            finished_at=a.finished_at,
            answers=tuple(answers.get(a.id, ())),
        )
        for a in attempts
    ]
    wanted = {qid for a in attempts for qid in a.question_ids}
    return ReportData(students, facts, _questions(session, wanted))


def _students(session: DbSession, class_id: int) -> list[tuple[int, str]]:
    rows = session.execute(
        select(ClassMember.user_id, ClassMember.display_name)
        .where(ClassMember.class_id == class_id)
        .order_by(ClassMember.name_key)
    ).all()
    return [(uid, name) for uid, name in rows]


def _answers(session: DbSession, attempt_ids: list[int]) -> dict[int, list[AnswerFact]]:
    if not attempt_ids:
        return {}
    rows = session.execute(
        select(AttemptAnswer.attempt_id, ReviewLog)
        .join(ReviewLog, ReviewLog.id == AttemptAnswer.review_id)
        .where(AttemptAnswer.attempt_id.in_(attempt_ids))
        .order_by(ReviewLog.id)
    ).all()
    out: dict[int, list[AnswerFact]] = defaultdict(list)
    for attempt_id, log in rows:
        out[attempt_id].append(
            AnswerFact(
                question_id=log.question_id,
                correct=log.correct,
                response=log.response,
                answered_at=log.reviewed_at,
                duration_ms=log.duration_ms,
                rating=log.rating,
            )
        )
    return out


def _questions(session: DbSession, ids: set[str]) -> dict[str, QuestionInfo]:
    if not ids:
        return {}
    found = session.scalars(select(Question).where(Question.id.in_(sorted(ids))))
    return {q.id: question_info(q) for q in found}


def question_info(q: Question) -> QuestionInfo:
    return QuestionInfo(
        id=q.id,
        kind=q.kind,
        prompt=q.prompt,
        answer=q.answer,
        section=q.section,
        options=tuple(q.options or ()),
        correct=q.correct,
        sentence=q.sentence,
        anchor=anchor_for(q.source_start) if q.source_end > q.source_start else "",
        position=q.position,
        retired=q.retired_at is not None,
    )

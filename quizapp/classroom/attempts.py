"""Taking an assignment: start (or resume) an attempt, answer its questions once each.

* Starting: an unfinished attempt of an open assignment is resumed (a reload or a new
  device lands on the same questions); otherwise a new one is created while the assignment
  is open and attempts are left. Its question set is fixed then, from a stored seed.
* Answering goes through ``study.submit_answer`` (source "classroom"), so every answer also
  feeds the student's own FSRS schedule. The closing time is checked here, on the server.
* A resubmitted answer with the same idempotency key returns the first result and is
  counted once; a second, different answer to the same question is refused.

The learner's row is locked first (``FOR UPDATE`` on PostgreSQL; SQLite's ``BEGIN
IMMEDIATE`` already serialises writers) so two requests of one student never interleave.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import func, select

from quizapp.classroom import picking
from quizapp.classroom.assignments import pool
from quizapp.classroom.errors import ClassroomError, NotFound
from quizapp.classroom.models import Assignment, Attempt, AttemptAnswer
from quizapp.models import Question, ReviewLog, User
from quizapp.services.dbsession import DbSession
from quizapp.services.settings import StudySettings
from quizapp.services.study import AnswerResult, Response, result_for, submit_answer


class AssignmentClosed(ClassroomError):
    """The assignment is not open (yet, or any more)."""


@dataclass(frozen=True)
class Progress:
    answered: int
    total: int

    @property
    def position(self) -> int:
        return min(self.answered + 1, self.total)


def start_or_resume(
    session: DbSession,
    *,
    user_id: int,
    assignment: Assignment,
    now: datetime,
    rng: random.Random | None = None,
) -> Attempt:
    lock_learner(session, user_id)
    if now < assignment.opens_at:
        raise AssignmentClosed("This assignment is not open yet.")
    if assignment.is_closed(now):
        raise AssignmentClosed("This assignment is closed.")
    attempts = student_attempts(session, user_id, assignment.id)
    if attempts and attempts[-1].finished_at is None:
        return attempts[-1]
    if len(attempts) >= assignment.attempts_allowed:
        raise ClassroomError("You have used all your attempts at this assignment.")
    return _new_attempt(session, user_id, assignment, len(attempts) + 1, now, rng)


def _new_attempt(
    session: DbSession,
    user_id: int,
    assignment: Assignment,
    number: int,
    now: datetime,
    rng: random.Random | None,
) -> Attempt:
    seed = picking.new_seed(rng)
    ids = pool(session, assignment.deck_id, assignment.sections, assignment.kinds)
    if not ids:
        raise ClassroomError("This assignment has no questions left in its deck.")
    attempt = Attempt(
        assignment_id=assignment.id,
        user_id=user_id,
        number=number,
        seed=seed,
        question_ids=picking.pick(ids, assignment.question_count, seed),
        started_at=now,
    )
    session.add(attempt)
    session.flush()
    return attempt


def answer(
    session: DbSession,
    *,
    attempt: Attempt,
    question_id: str,
    answer_key: str,
    response: Response,
    now: datetime,
    settings: StudySettings,
    duration_ms: int | None = None,
) -> AnswerResult:
    """Answer one question of the attempt, once (see module docstring)."""
    lock_learner(session, attempt.user_id)
    if question_id not in attempt.question_ids:
        raise NotFound(question_id)
    earlier = session.get(AttemptAnswer, (attempt.id, question_id))
    if earlier is not None:
        if earlier.review.answer_key == answer_key:
            return replace(result_for(earlier.review), replayed=True)
        raise ClassroomError("You already answered this question.")
    if attempt.assignment.is_closed(now):
        raise AssignmentClosed("This assignment closed; answers are no longer accepted.")
    result = submit_answer(
        session,
        user_id=attempt.user_id,
        question_id=question_id,
        answer_key=answer_key,
        response=response,
        now=now,
        settings=settings,
        source="classroom",
        duration_ms=duration_ms,
    )
    if result.replayed:  # the key belongs to an answer given somewhere else
        raise ClassroomError("This answer form was already used; reload the page.")
    session.add(
        AttemptAnswer(attempt_id=attempt.id, question_id=question_id, review_id=result.review_id)
    )
    session.flush()
    if attempt.finished_at is None and _all_answered(session, attempt):
        attempt.finished_at = now
        session.flush()
    return result


def lock_learner(session: DbSession, user_id: int) -> None:
    # FOR UPDATE is dropped by the SQLite compiler; there BEGIN IMMEDIATE already serialises.
    if session.scalar(select(User.id).where(User.id == user_id).with_for_update()) is None:
        raise NotFound(user_id)


def student_attempts(session: DbSession, user_id: int, assignment_id: int) -> list[Attempt]:
    return list(
        session.scalars(
            select(Attempt)
            .where(Attempt.user_id == user_id, Attempt.assignment_id == assignment_id)
            .order_by(Attempt.number)
        )
    )


def answered_ids(session: DbSession, attempt: Attempt) -> set[str]:
    """Ids of the questions of the attempt answered so far (no review rows loaded)."""
    return set(
        session.scalars(
            select(AttemptAnswer.question_id).where(AttemptAnswer.attempt_id == attempt.id)
        )
    )


def _all_answered(session: DbSession, attempt: Attempt) -> bool:
    answered = answered_ids(session, attempt)
    left = [qid for qid in attempt.question_ids if qid not in answered]
    if not left:
        return True
    # A question retired from the deck since the attempt started cannot be answered any more.
    active = session.scalar(
        select(func.count(Question.id)).where(Question.id.in_(left), Question.retired_at.is_(None))
    )
    return not active


def answered_count(session: DbSession, attempt: Attempt) -> int:
    return session.scalar(select(func.count()).where(AttemptAnswer.attempt_id == attempt.id)) or 0


def answers(session: DbSession, attempt: Attempt) -> dict[str, ReviewLog]:
    """question id → the review that answered it."""
    rows = session.execute(
        select(AttemptAnswer.question_id, ReviewLog)
        .join(ReviewLog, ReviewLog.id == AttemptAnswer.review_id)
        .where(AttemptAnswer.attempt_id == attempt.id)
    ).all()
    return {qid: log for qid, log in rows}


def next_question(session: DbSession, attempt: Attempt) -> tuple[Question | None, Progress]:
    """The first unanswered question of the attempt (None when all are answered, or the
    rest were retired from the deck since the attempt started)."""
    done = answered_ids(session, attempt)
    progress = Progress(answered=len(done), total=len(attempt.question_ids))
    for qid in attempt.question_ids:
        if qid in done:
            continue
        question = session.get(Question, qid)
        if question is not None and question.retired_at is None:  # retired: skipped
            return question, progress
    return None, progress


def review_of(session: DbSession, attempt: Attempt, review_id: int) -> ReviewLog:
    """One answer of this attempt (for its feedback page); anything else is NotFound."""
    log = session.scalar(
        select(ReviewLog)
        .join(AttemptAnswer, AttemptAnswer.review_id == ReviewLog.id)
        .where(AttemptAnswer.attempt_id == attempt.id, ReviewLog.id == review_id)
    )
    if log is None:
        raise NotFound(review_id)
    return log


def is_over(attempt: Attempt, now: datetime) -> bool:
    """Finished, or cut short by the closing time."""
    return attempt.finished_at is not None or attempt.assignment.is_closed(now)


@dataclass(frozen=True)
class StudentStatus:
    """An assignment as one student sees it on their class page."""

    assignment: Assignment
    attempts: list[Attempt]
    state: str  # "upcoming", "open", "closed"
    can_start: bool  # a new attempt may be started now
    resume: Attempt | None  # the unfinished attempt to continue

    @property
    def latest(self) -> Attempt | None:
        return self.attempts[-1] if self.attempts else None


def student_status(
    session: DbSession, user_id: int, assignment: Assignment, now: datetime
) -> StudentStatus:
    mine = student_attempts(session, user_id, assignment.id)
    if now < assignment.opens_at:
        state = "upcoming"
    else:
        state = "closed" if assignment.is_closed(now) else "open"
    resume = mine[-1] if mine and mine[-1].finished_at is None and state == "open" else None
    can_start = state == "open" and resume is None and len(mine) < assignment.attempts_allowed
    return StudentStatus(assignment, mine, state, can_start, resume)

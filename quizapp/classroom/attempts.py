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

Each student request runs a handful of queries: these pages are what a whole class hits
at once, so every round trip saved here is multiplied by the class (see
``benchmarks/bench_classroom.py``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache

from sqlalchemy import BindParameter, Integer, Select, and_, bindparam, case, func, insert, select
from sqlalchemy.orm.attributes import set_committed_value

from quizapp.classroom import picking
from quizapp.classroom.errors import ClassroomError, NotFound
from quizapp.db.classroom import Assignment, Attempt, AttemptAnswer
from quizapp.db.models import Question, ReviewLog, User
from quizapp.db.session import DbSession
from quizapp.domain.siblings import Origin
from quizapp.services import draws
from quizapp.services.settings import StudySettings
from quizapp.services.study import Answer, AnswerResult, result_for, submit_answer


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
    apart: bool = True,
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
    return _new_attempt(session, user_id, assignment, len(attempts) + 1, now, rng, apart)


def _new_attempt(
    session: DbSession,
    user_id: int,
    assignment: Assignment,
    number: int,
    now: datetime,
    rng: random.Random | None,
    apart: bool,
) -> Attempt:
    """``apart``: never two siblings in the draw (``BURY_SIBLINGS``, on by default)."""
    seed = picking.new_seed(rng)
    origins = draws.origins(session, assignment.deck_id, assignment.sections, assignment.kinds)
    if not apart:
        origins = [Origin(o.id) for o in origins]
    if not origins:
        raise ClassroomError("This assignment has no questions left in its deck.")
    ids = picking.questions_for(
        origins,
        assignment.question_count,
        draw_seed=assignment.seed if assignment.same_questions else seed,
        order_seed=seed if assignment.shuffled else None,
    )
    attempt = Attempt(
        assignment_id=assignment.id,
        user_id=user_id,
        number=number,
        seed=seed,
        question_ids=ids,
        started_at=now,
    )
    session.add(attempt)
    session.flush()
    return attempt


def answer(
    session: DbSession,
    *,
    attempt: Attempt,
    answer: Answer,
    now: datetime,
    settings: StudySettings,
    learner_locked: bool = False,
) -> AnswerResult:
    """Answer one question of the attempt, once (see module docstring). Everything that
    decides whether the answer is accepted is read here, after the lock.

    ``learner_locked``: the caller already holds the learner's row lock (it loaded the
    attempt with ``access.own_attempt(..., lock_learner=True)``), so no second query."""
    if not learner_locked:
        lock_learner(session, attempt.user_id)
    question_id = answer.question_id
    if question_id not in attempt.question_ids:
        raise NotFound(question_id)
    state = attempt_state(session, attempt)
    replayed = _replayed(session, state, answer)
    if replayed is not None:
        return replayed
    if attempt.assignment.is_closed(now):
        raise AssignmentClosed("This assignment closed; answers are no longer accepted.")
    result = submit_answer(
        session,
        user_id=attempt.user_id,
        answer=answer,
        now=now,
        settings=settings,
        source="classroom",
        learner_locked=True,  # locked above, or by the caller
    )
    if result.replayed:  # the key belongs to an answer given somewhere else
        raise ClassroomError("This answer form was already used; reload the page.")
    _note_answer(session, attempt, state, result, now)
    return result


def _note_answer(
    session: DbSession, attempt: Attempt, state: AttemptState, result: AnswerResult, now: datetime
) -> None:
    """Link the new review to the attempt; finish the attempt when it was the last question."""
    question_id = result.question.id
    # A plain INSERT, as the study service writes the review: a flush costs more CPU.
    session.execute(
        _INSERT_ANSWER,
        {"attempt_id": attempt.id, "question_id": question_id, "review_id": result.review_id},
    )
    if attempt.finished_at is None and not state.left_after(question_id):
        attempt.finished_at = now
        session.flush()


def _replayed(session: DbSession, state: AttemptState, answer: Answer) -> AnswerResult | None:
    """The first result again when this question was answered with this key; refused when
    it was answered with another; None when it is still open."""
    earlier_review = state.answered.get(answer.question_id)
    if earlier_review is None:
        return None
    earlier = session.get(ReviewLog, earlier_review)
    if earlier is not None and earlier.answer_key == answer.answer_key:
        return replace(result_for(earlier), replayed=True)
    raise ClassroomError("You already answered this question.")


_INSERT_ANSWER = insert(AttemptAnswer.__table__)


def lock_learner(session: DbSession, user_id: int) -> None:
    """Serialise one learner's requests: a row lock on PostgreSQL. On SQLite, which has no
    row locks, ``BEGIN IMMEDIATE`` already serialises every writer: no query at all."""
    if session.get_bind().dialect.name == "sqlite":
        return
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


@dataclass(frozen=True)
class AttemptState:
    """Where an attempt stands: its answers, and which of its questions can still be
    answered (a question retired from the deck since the attempt started cannot)."""

    question_ids: tuple[str, ...]
    answered: dict[str, int]  # question id -> id of the review that answered it
    active: frozenset[str]  # questions of the attempt still in the deck

    def left_after(self, question_id: str) -> list[str]:
        """The questions still to answer once ``question_id`` is answered."""
        return [
            qid
            for qid in self.question_ids
            if qid != question_id and qid not in self.answered and qid in self.active
        ]


# Built once (columns only, no ORM entities): constructing a statement costs CPU. One row
# per question of the attempt (a question id of None: none of them exists), each carrying
# the attempt's finish and the assignment's closing time as they are now.
_ATTEMPT_STATE = (
    select(
        Attempt.finished_at,
        Assignment.closes_at,
        Question.id,
        Question.retired_at,
        AttemptAnswer.review_id,
    )
    .select_from(Attempt)
    .join(Assignment, Assignment.id == Attempt.assignment_id)
    .outerjoin(Question, Question.id.in_(bindparam("ids", expanding=True)))
    .outerjoin(
        AttemptAnswer,
        and_(AttemptAnswer.attempt_id == Attempt.id, AttemptAnswer.question_id == Question.id),
    )
    .where(Attempt.id == bindparam("attempt_id"))
)


def attempt_state(session: DbSession, attempt: Attempt) -> AttemptState:
    """One query: each question of the attempt, whether it is active, and its answer.

    It also brings ``attempt.finished_at`` and the assignment's ``closes_at`` up to date
    (without marking them changed): a view may have loaded the attempt before taking the
    write lock, and the teacher may have closed the assignment since."""
    params = {"attempt_id": attempt.id, "ids": list(attempt.question_ids)}
    rows = session.execute(_ATTEMPT_STATE, params).all()
    if rows:
        set_committed_value(attempt, "finished_at", rows[0].finished_at)
        set_committed_value(attempt.assignment, "closes_at", rows[0].closes_at)
    questions = [row for row in rows if row.id is not None]
    return AttemptState(
        question_ids=tuple(attempt.question_ids),
        answered={row.id: row.review_id for row in questions if row.review_id is not None},
        active=frozenset(row.id for row in questions if row.retired_at is None),
    )


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
    rest were retired from the deck since the attempt started), with the number answered,
    in one query."""
    ids = list(attempt.question_ids)
    if not ids:
        return None, Progress(answered=0, total=0)
    params: dict[str, object] = {"attempt_id": attempt.id, "ids": ids}
    params.update({f"q{i}": qid for i, qid in enumerate(ids)})
    found = session.execute(_next_question_query(len(ids)), params).first()
    if found is None:
        return None, Progress(answered=answered_count(session, attempt), total=len(ids))
    return found[0], Progress(answered=found[1], total=len(ids))


@cache
def _next_question_query(count: int) -> Select[Question, int]:
    """The statement for attempts of ``count`` questions (at most ``MAX_QUESTIONS``
    variants), built once: building it costs more CPU than running it. The attempt's
    order is a CASE over bound ids ``q0``, ``q1``, …; the number answered a subquery."""
    attempt_id: BindParameter[int] = bindparam("attempt_id", type_=Integer)
    answered = select(func.count()).where(AttemptAnswer.attempt_id == attempt_id).scalar_subquery()
    is_answered = (
        select(AttemptAnswer.question_id)
        .where(AttemptAnswer.attempt_id == attempt_id, AttemptAnswer.question_id == Question.id)
        .exists()
    )
    order = case(*[(Question.id == bindparam(f"q{i}"), i) for i in range(count)], else_=count)
    return (
        select(Question, answered)
        .where(
            Question.id.in_(bindparam("ids", expanding=True)),
            Question.retired_at.is_(None),
            ~is_answered,
        )
        .order_by(order)
        .limit(1)
    )


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
    return _status(assignment, student_attempts(session, user_id, assignment.id), now)


def student_statuses(
    session: DbSession, user_id: int, assignments: list[Assignment], now: datetime
) -> list[StudentStatus]:
    """``student_status`` of each assignment, with one query for all their attempts."""
    mine: dict[int, list[Attempt]] = {a.id: [] for a in assignments}
    if mine:
        for attempt in session.scalars(
            select(Attempt)
            .where(Attempt.user_id == user_id, Attempt.assignment_id.in_(list(mine)))
            .order_by(Attempt.assignment_id, Attempt.number)
        ):
            mine[attempt.assignment_id].append(attempt)
    return [_status(a, mine[a.id], now) for a in assignments]


def _status(assignment: Assignment, mine: list[Attempt], now: datetime) -> StudentStatus:
    if now < assignment.opens_at:
        state = "upcoming"
    else:
        state = "closed" if assignment.is_closed(now) else "open"
    resume = mine[-1] if mine and mine[-1].finished_at is None and state == "open" else None
    can_start = state == "open" and resume is None and len(mine) < assignment.attempts_allowed
    return StudentStatus(assignment, mine, state, can_start, resume)

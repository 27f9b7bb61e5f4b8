"""Assignments: what a class is asked to answer, and when.

``AssignmentSpec`` is the validated form (see ``forms``); ``create_assignment`` checks that
the deck, sections and kinds leave at least one question, and stores it. A teacher may
later close it at once (``close_now``), change its closing time (``set_closing``) or delete
it with its attempts and class answers (``delete_assignment``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select

from questions.model import Kind
from quizapp.classroom import picking
from quizapp.classroom.errors import ClassroomError
from quizapp.db.classroom import (
    ANSWERS_AFTER_CLOSE,
    ANSWERS_NOW,
    Assignment,
    Attempt,
    AttemptAnswer,
    Classroom,
)
from quizapp.db.models import Deck, Question
from quizapp.db.session import DbSession

KINDS = tuple(k.value for k in Kind)
AUTO_GRADED = (Kind.MULTIPLE_CHOICE.value, Kind.TRUE_FALSE.value, Kind.CLOZE.value)
MAX_QUESTIONS = 100
MAX_ATTEMPTS = 20
FLASHCARD = Kind.FLASHCARD.value
CLOSING_BEFORE_OPENING = "The closing time must be after the opening time."
HELD_BACK_NEEDS_CLOSING = "Showing answers after closing needs a closing time."
FLASHCARDS_SHOW_ANSWERS = (
    "Flashcards show their answer as soon as they are turned: untick them, or show the "
    "answers right away."
)


@dataclass(frozen=True)
class AssignmentSpec:
    title: str
    deck_id: int
    sections: tuple[str, ...]
    kinds: tuple[str, ...]
    question_count: int
    opens_at: datetime
    closes_at: datetime | None
    timezone: str
    attempts_allowed: int
    answers_shown: str
    same_questions: bool = True
    shuffled: bool = False


def pool(session: DbSession, deck_id: int, sections: list[str], kinds: list[str]) -> list[str]:
    """Ids of the active questions an attempt may draw from."""
    query = select(Question.id).where(
        Question.deck_id == deck_id, Question.retired_at.is_(None), Question.kind.in_(kinds)
    )
    if sections:
        query = query.where(Question.section.in_(sections))
    return sorted(session.scalars(query))


def create_assignment(
    session: DbSession,
    *,
    classroom: Classroom,
    spec: AssignmentSpec,
    now: datetime,
    rng: random.Random | None = None,
) -> Assignment:
    _check(spec)
    if session.get(Deck, spec.deck_id) is None:
        raise ClassroomError("Choose one of the decks.")
    if not pool(session, spec.deck_id, list(spec.sections), list(spec.kinds)):
        raise ClassroomError("No question of the chosen kinds is in the chosen sections.")
    assignment = Assignment(
        class_id=classroom.id,
        deck_id=spec.deck_id,
        title=spec.title,
        sections=sorted(spec.sections),
        kinds=[k for k in KINDS if k in spec.kinds],
        question_count=spec.question_count,
        opens_at=spec.opens_at,
        closes_at=spec.closes_at,
        timezone=spec.timezone,
        attempts_allowed=spec.attempts_allowed,
        answers_shown=spec.answers_shown,
        same_questions=spec.same_questions,
        shuffled=spec.shuffled,
        seed=picking.new_seed(rng),
        created_at=now,
    )
    session.add(assignment)
    session.flush()
    return assignment


def _check(spec: AssignmentSpec) -> None:
    """The rules the form already enforces, again, for callers that are not the form."""
    if not spec.title or not spec.kinds or set(spec.kinds) - set(KINDS):
        raise ClassroomError("An assignment needs a title and at least one question kind.")
    if not 1 <= spec.question_count <= MAX_QUESTIONS:
        raise ClassroomError(f"An assignment has 1 to {MAX_QUESTIONS} questions.")
    if not 1 <= spec.attempts_allowed <= MAX_ATTEMPTS:
        raise ClassroomError(f"Allow 1 to {MAX_ATTEMPTS} attempts.")
    if spec.answers_shown not in (ANSWERS_NOW, ANSWERS_AFTER_CLOSE):
        raise ClassroomError("Choose when students see the answers.")
    if spec.closes_at is not None and spec.closes_at <= spec.opens_at:
        raise ClassroomError(CLOSING_BEFORE_OPENING)
    if spec.answers_shown == ANSWERS_AFTER_CLOSE and spec.closes_at is None:
        raise ClassroomError(HELD_BACK_NEEDS_CLOSING)
    if spec.answers_shown == ANSWERS_AFTER_CLOSE and FLASHCARD in spec.kinds:
        raise ClassroomError(FLASHCARDS_SHOW_ANSWERS)


def close_now(session: DbSession, assignment: Assignment, now: datetime) -> None:
    """End the assignment at once (the lesson is over): no answer is accepted after
    ``now``, and "answers after closing" become visible."""
    if assignment.is_closed(now):
        return
    assignment.opens_at = min(assignment.opens_at, now)
    assignment.closes_at = now
    session.flush()


def set_closing(session: DbSession, assignment: Assignment, closes_at: datetime | None) -> None:
    """Change when the assignment closes: later (extend, or reopen a closed one), earlier,
    or never (``None``; not when answers are held back until closing)."""
    if closes_at is not None and closes_at <= assignment.opens_at:
        raise ClassroomError(CLOSING_BEFORE_OPENING)
    if closes_at is None and assignment.answers_shown == ANSWERS_AFTER_CLOSE:
        raise ClassroomError(HELD_BACK_NEEDS_CLOSING)
    assignment.closes_at = closes_at
    session.flush()


def delete_assignment(session: DbSession, assignment: Assignment) -> None:
    """Delete the assignment, its attempts and their class answers (children first). The
    reviews those answers made stay: they are the students' own study progress."""
    # PostgreSQL: lock the assignment and its attempts first, so an attempt started or an
    # answer given meanwhile waits for this transaction (and then finds it gone) instead
    # of slipping a row in between the deletes. SQLite's BEGIN IMMEDIATE serialises anyway.
    session.scalar(select(Assignment.id).where(Assignment.id == assignment.id).with_for_update())
    session.scalars(
        select(Attempt.id).where(Attempt.assignment_id == assignment.id).with_for_update()
    ).all()
    attempts = select(Attempt.id).where(Attempt.assignment_id == assignment.id)
    session.execute(
        delete(AttemptAnswer)
        .where(AttemptAnswer.attempt_id.in_(attempts))
        .execution_options(synchronize_session="fetch")
    )
    session.execute(
        delete(Attempt)
        .where(Attempt.assignment_id == assignment.id)
        .execution_options(synchronize_session="fetch")
    )
    session.delete(assignment)
    session.flush()


def class_assignments(session: DbSession, class_id: int) -> list[Assignment]:
    return list(
        session.scalars(
            select(Assignment)
            .where(Assignment.class_id == class_id)
            .order_by(Assignment.opens_at.desc(), Assignment.id.desc())
        )
    )

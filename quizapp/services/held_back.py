"""Which of a learner's answers a class assignment still holds back.

An assignment that shows answers only after closing must not reveal its grades before then,
not even indirectly: a right/wrong tally, a card in relearning or a review log with an
"Again" rating would. The stats report and the learner's own Anki package both leave out
these answers and the cards they scheduled.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_, select

from quizapp.db.classroom import ANSWERS_AFTER_CLOSE, Assignment, Attempt, AttemptAnswer
from quizapp.db.session import DbSession

__all__ = ["held_back", "held_back_by"]


def held_back(
    session: DbSession, user_id: int, deck_id: int, now: datetime
) -> list[tuple[int, str]]:
    """(review id, question id) of the learner's classroom answers in this deck whose
    assignment shows answers only after closing and has not closed yet."""
    rows = session.execute(
        select(AttemptAnswer.review_id, AttemptAnswer.question_id).where(
            held_back_by(user_id, now), Assignment.deck_id == deck_id
        )
    ).all()
    return [(rid, qid) for rid, qid in rows]


def held_back_by(user_id: Any, now: Any) -> ColumnElement[bool]:
    """An ``AttemptAnswer`` of ``user_id`` whose assignment shows answers only after closing
    and is still open at ``now`` (values or bind parameters: the study queue binds both)."""
    return and_(
        Attempt.id == AttemptAnswer.attempt_id,
        Attempt.user_id == user_id,
        Assignment.id == Attempt.assignment_id,
        Assignment.answers_shown == ANSWERS_AFTER_CLOSE,
        or_(Assignment.closes_at.is_(None), Assignment.closes_at > now),
    )

"""Which of a learner's answers a class assignment still holds back.

An assignment that shows answers only after closing must not reveal its grades before then,
not even indirectly: a right/wrong tally, a card in relearning or a review log with an
"Again" rating would. The stats report and the learner's own Anki package both leave out
these answers and the cards they scheduled.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select

from quizapp.db.classroom import ANSWERS_AFTER_CLOSE, Assignment, Attempt, AttemptAnswer
from quizapp.db.session import DbSession

__all__ = ["held_back"]


def held_back(
    session: DbSession, user_id: int, deck_id: int, now: datetime
) -> list[tuple[int, str]]:
    """(review id, question id) of the learner's classroom answers in this deck whose
    assignment shows answers only after closing and has not closed yet."""
    rows = session.execute(
        select(AttemptAnswer.review_id, AttemptAnswer.question_id)
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .join(Assignment, Assignment.id == Attempt.assignment_id)
        .where(
            Attempt.user_id == user_id,
            Assignment.deck_id == deck_id,
            Assignment.answers_shown == ANSWERS_AFTER_CLOSE,
            or_(Assignment.closes_at.is_(None), Assignment.closes_at > now),
        )
    ).all()
    return [(rid, qid) for rid, qid in rows]

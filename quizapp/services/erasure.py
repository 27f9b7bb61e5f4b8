"""Erasing learners: every row that belongs to them, children first.

Both SQLite (``foreign_keys=ON``) and PostgreSQL check each statement, so the order is
fixed by the foreign keys: class answers (they point at attempts *and* reviews), attempts,
memberships, reviews (they point at quizzes), cards, quizzes, reports, then the users
(their decks stay, ownerless). Used by
account deletion (``accounts.delete_account``) and guest pruning (``guests.prune_batch``);
the callers decide who may go and hold the learners' row locks.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, or_, select, update

from quizapp.db.authoring import QuestionReport
from quizapp.db.classroom import Attempt, AttemptAnswer, ClassMember
from quizapp.db.models import CardState, Deck, Quiz, ReviewLog, User
from quizapp.db.session import DbSession


def erase_learners(session: DbSession, user_ids: Sequence[int]) -> None:
    """Delete the users ``user_ids`` and all their rows, by criteria (no objects loaded)."""
    ids = list(user_ids)
    if not ids:
        return
    attempts = select(Attempt.id).where(Attempt.user_id.in_(ids))
    reviews = select(ReviewLog.id).where(ReviewLog.user_id.in_(ids))
    quizzes = select(Quiz.id).where(Quiz.user_id.in_(ids))
    statements = [
        delete(AttemptAnswer).where(
            or_(AttemptAnswer.attempt_id.in_(attempts), AttemptAnswer.review_id.in_(reviews))
        ),
        delete(Attempt).where(Attempt.user_id.in_(ids)),
        delete(ClassMember).where(ClassMember.user_id.in_(ids)),
        delete(ReviewLog).where(ReviewLog.user_id.in_(ids)),
        # A guest's answers can point at a quiz adopted by the account it logged in to;
        # those answers are the guest's, so they lose the link rather than the row.
        update(ReviewLog).where(ReviewLog.quiz_id.in_(quizzes)).values(quiz_id=None),
        delete(CardState).where(CardState.user_id.in_(ids)),
        delete(Quiz).where(Quiz.user_id.in_(ids)),
        delete(QuestionReport).where(QuestionReport.user_id.in_(ids)),
        # Their decks are other learners' study material: they become ownerless (CLI-managed).
        update(Deck).where(Deck.owner_id.in_(ids)).values(owner_id=None),
        delete(User).where(User.id.in_(ids)),
    ]
    for statement in statements:
        # Nothing of these users needs updating in the identity map: it all goes.
        session.execute(statement.execution_options(synchronize_session=False))
    for user_id in ids:
        user = session.get(User, user_id)  # the identity map only: no query for a gone row
        if user is not None:
            session.expunge(user)

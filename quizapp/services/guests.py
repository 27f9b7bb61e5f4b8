"""Pruning guest accounts nobody can reach any more (``quizapp prune-guests``).

A guest is a ``User`` row without a username, bound to one browser by the session cookie
(see ``quizapp.web.auth``). Once that cookie has expired (400 days after the last visit) the
guest's cards, answers and quizzes are unreachable, yet they stay in the database for good.

A guest is *stale* when its last activity — the latest of its creation, its last answer and
its last quiz started — is older than the cutoff. Kept whatever their age:

* registered accounts (a username), which can always log in again;
* guests in a class (``class_member``): the class report still shows their answers;
* guests referenced by somebody else's rows (a class they teach, a quiz of theirs that
  another learner's answers point at, which happens after a guest's progress is adopted
  by an account): deleting them would break that data.

Deletion goes children first (class answers, class attempts, answers, cards, quizzes, then
the user), one batch of ids at a time; each batch re-checks staleness under a row lock, so
a guest who answered a moment ago is kept. Functions take the session and ``now``; they
flush and never commit (the caller commits each batch).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, exists, select

from quizapp.db.classroom import ClassMember, Classroom
from quizapp.db.models import Quiz, ReviewLog, User
from quizapp.db.session import DbSession
from quizapp.services.erasure import erase_learners

# The session cookie's lifetime in days (PERMANENT_SESSION_LIFETIME): a guest inactive
# for longer can no longer reach their data.
DEFAULT_INACTIVE_DAYS = 400
# Ids per DELETE … WHERE … IN (…): well under SQLite's bound-parameter limit, and short
# enough that each batch holds the write lock briefly.
BATCH_SIZE = 500


def cutoff(now: datetime, inactive_days: int) -> datetime:
    """Guests whose last activity is before this instant are stale."""
    if inactive_days < 1:
        raise ValueError("inactive_days must be at least 1")
    return now - timedelta(days=inactive_days)


def _stale(before: datetime) -> ColumnElement[bool]:
    """The condition on ``User`` for a stale, unreferenced guest (see module docstring)."""
    others_answers_on_its_quizzes = (
        exists()
        .where(Quiz.user_id == User.id)
        .where(ReviewLog.quiz_id == Quiz.id, ReviewLog.user_id != User.id)
    )
    return and_(
        User.username.is_(None),
        User.created_at < before,
        ~exists().where(ReviewLog.user_id == User.id, ReviewLog.reviewed_at >= before),
        ~exists().where(Quiz.user_id == User.id, Quiz.created_at >= before),
        ~exists().where(ClassMember.user_id == User.id),
        ~exists().where(Classroom.teacher_id == User.id),
        ~others_answers_on_its_quizzes,
    )


def stale_guest_ids(session: DbSession, now: datetime, inactive_days: int) -> list[int]:
    """Ids of the guests ``prune_batch`` would delete, in ascending order."""
    before = cutoff(now, inactive_days)
    return list(session.scalars(select(User.id).where(_stale(before)).order_by(User.id)))


def batches(ids: Sequence[int], size: int = BATCH_SIZE) -> Iterator[list[int]]:
    """``ids`` cut into lists of at most ``size``."""
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def prune_batch(session: DbSession, ids: Sequence[int], now: datetime, inactive_days: int) -> int:
    """Delete those of ``ids`` that are still stale guests, with all their rows; returns how
    many users were deleted. Commit after each batch."""
    if not ids:
        return 0
    before = cutoff(now, inactive_days)
    # Re-check under a row lock (PostgreSQL; SQLite's BEGIN IMMEDIATE already excludes
    # other writers): an answer written since the ids were listed makes the guest active,
    # and that learner's next answer waits for this transaction instead of racing it.
    doomed = list(
        session.scalars(
            select(User.id)
            .where(User.id.in_(list(ids)), _stale(before))
            .order_by(User.id)
            .with_for_update()
        )
    )
    if not doomed:
        return 0
    erase_learners(session, doomed)
    session.flush()
    return len(doomed)


# --- a first answer retried without the cookie ------------------------------------------

# A guest created by a first answer whose response was lost is found again by the answer's
# key alone, for this long after; keys shorter than this are too easy to guess to hand
# anybody a session on them (the pages' keys are 32 characters).
RETRY_WINDOW = timedelta(minutes=15)
MIN_RETRY_KEY = 16


def guest_of_first_answer(session: DbSession, answer_key: str, now: datetime) -> User | None:
    """The guest whose one and only answer has ``answer_key``, created within
    ``RETRY_WINDOW`` of ``now``: that request is being retried by a client that never got
    the cookie. None when there is no such guest or the key is ambiguous."""
    if len(answer_key) < MIN_RETRY_KEY:
        return None
    rows = session.execute(
        select(User, ReviewLog.id)
        .join(ReviewLog, ReviewLog.user_id == User.id)
        .where(
            ReviewLog.answer_key == answer_key,
            User.username.is_(None),
            User.password_hash.is_(None),
            User.created_at >= now - RETRY_WINDOW,
        )
        .limit(2)
    ).all()
    if len(rows) != 1:
        return None
    guest = rows[0][0]
    others = session.scalar(
        select(ReviewLog.id)
        .where(ReviewLog.user_id == guest.id, ReviewLog.id != rows[0][1])
        .limit(1)
    )
    return guest if others is None else None

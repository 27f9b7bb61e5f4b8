"""Which of a learner's cards in a deck are weak, for the "my weak cards" downloads.

A card is weak if the learner has forgotten it before (a lapse: a review answered Again) or
FSRS gives them less than ``scheduler.WEAK_RETRIEVABILITY`` chance of recalling it now
(``scheduler.is_weak``). Only the learner's own cards are read; cards a class assignment still
holds back are left out, as in their progress package (a lapse would reveal the grade), and so
are retired questions.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from quizapp.db.models import CardState, Question
from quizapp.db.session import DbSession
from quizapp.domain.scheduler import SchedulerSettings, is_weak
from quizapp.services.held_back import held_back
from quizapp.services.study import card_snapshot


def weak_question_ids(
    session: DbSession, user_id: int, deck_id: int, now: datetime, settings: SchedulerSettings
) -> set[str]:
    """The ids of the learner's weak cards in the deck at ``now``."""
    hidden = {qid for _, qid in held_back(session, user_id, deck_id, now)}
    rows = session.scalars(
        select(CardState)
        .join(Question, Question.id == CardState.question_id)
        .where(
            CardState.user_id == user_id,
            Question.deck_id == deck_id,
            Question.retired_at.is_(None),
        )
    )
    weak = set()
    for row in rows:
        snapshot = card_snapshot(row)
        if row.question_id not in hidden and snapshot and is_weak(snapshot, now, settings):
            weak.add(row.question_id)
    return weak

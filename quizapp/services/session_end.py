"""The end of a study session: what the learner did today in a deck, and what comes next.

``summary`` gives today's study answers (how many, how many right, time spent), the cards
missed today (for a custom "practise what I missed" quiz) and when the next card of the
deck falls due. Nothing here changes the schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from quizapp.db.models import CardState, Question, ReviewLog
from quizapp.db.session import DbSession
from quizapp.services.draws import answers_since


@dataclass(frozen=True)
class Summary:
    answered: int
    right: int
    seconds: int
    missed: list[str]  # question ids answered wrong today, first miss first
    next_due: datetime | None

    @property
    def minutes(self) -> int:
        return max(1, round(self.seconds / 60)) if self.seconds else 0


def summary(
    session: DbSession, user_id: int | None, deck_id: int, since: datetime, now: datetime
) -> Summary:
    """Today's study in the deck (answers since ``since``, the start of the study day)."""
    if user_id is None:
        return Summary(0, 0, 0, [], None)
    columns = (ReviewLog.question_id, ReviewLog.correct, ReviewLog.duration_ms)
    query = answers_since(user_id, deck_id, since, *columns).where(ReviewLog.source == "study")
    rows = session.execute(query).all()
    missed = list(dict.fromkeys(qid for qid, correct, _ in rows if not correct))
    return Summary(
        answered=len(rows),
        right=sum(1 for _, correct, _ in rows if correct),
        seconds=sum(ms or 0 for _, _, ms in rows) // 1000,
        missed=missed,
        next_due=next_due(session, user_id, deck_id, now),
    )


def next_due(session: DbSession, user_id: int, deck_id: int, now: datetime) -> datetime | None:
    """When the learner's next card in the deck falls due (after ``now``), if any."""
    due: datetime | None = session.scalar(
        select(func.min(CardState.due))
        .join(Question, Question.id == CardState.question_id)
        .where(
            CardState.user_id == user_id,
            Question.deck_id == deck_id,
            Question.retired_at.is_(None),
            CardState.due > now,
        )
    )
    return due

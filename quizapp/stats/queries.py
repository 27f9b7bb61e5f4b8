"""Loads one learner's records for ``quizapp.stats.metrics`` and returns the whole report.

``deck_report`` is shared by the stats page and the JSON API: it reads the learner's live
answers (undone ones skipped) and card states for one deck, then calls the pure functions.
A visitor with no learner row gets an empty report (every question new).

Classroom answers whose assignment still holds its answers back are left out, with the
cards they scheduled: a right/wrong tally or a card in relearning would reveal the grade
before the assignment closes (see ``quizapp.services.held_back``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from quizapp.db.models import CardState, Question, ReviewLog
from quizapp.db.session import DbSession
from quizapp.services.held_back import held_back
from quizapp.services.settings import StudySettings
from quizapp.stats import metrics as stats


@dataclass(frozen=True)
class DeckReport:
    reviews_per_day: list[stats.DayCount]
    retention: stats.Retention
    retention_all_time: stats.Retention
    forecast: list[stats.DayCount]
    mastery: list[stats.SectionMastery]

    @property
    def reviews_total(self) -> int:
        return sum(day.total for day in self.reviews_per_day)


def deck_report(
    session: DbSession, user_id: int | None, deck_id: int, now: datetime, settings: StudySettings
) -> DeckReport:
    """The learner's statistics for one deck; days as in their study queue (``settings``)."""
    questions = _questions(session, deck_id)
    reviews: list[stats.ReviewRecord] = []
    cards: list[stats.CardRecord] = []
    if user_id is not None:
        hidden = held_back(session, user_id, deck_id, now)
        reviews = _reviews(session, user_id, deck_id, {rid for rid, _ in hidden})
        cards = _cards(session, user_id, deck_id, {qid for _, qid in hidden})
    # The learner's zone, once StudySettings carries one (learner time zones); UTC before.
    zone = str(getattr(settings, "time_zone", "UTC"))
    clock = stats.StudyClock(now, settings.day_starts_at_hour, zone)
    return DeckReport(
        reviews_per_day=stats.reviews_per_day(reviews, clock),
        retention=stats.true_retention(reviews, clock),
        retention_all_time=stats.true_retention(reviews, clock, days=None),
        forecast=stats.due_forecast(cards, clock),
        mastery=stats.mastery_by_section(questions, cards),
    )


def _questions(session: DbSession, deck_id: int) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Question.id, Question.section)
        .where(Question.deck_id == deck_id, Question.retired_at.is_(None))
        .order_by(Question.position)
    ).all()
    return [(qid, section) for qid, section in rows]


def _reviews(
    session: DbSession, user_id: int, deck_id: int, skip: set[int]
) -> list[stats.ReviewRecord]:
    # All time (for all-time retention); a learner's history in one deck stays small.
    rows = session.execute(
        select(ReviewLog.id, ReviewLog.reviewed_at, ReviewLog.rating, ReviewLog.state_before)
        .join(Question, Question.id == ReviewLog.question_id)
        .where(
            ReviewLog.user_id == user_id,
            Question.deck_id == deck_id,
            ReviewLog.undone_at.is_(None),
        )
    ).all()
    return [
        stats.ReviewRecord(at, rating, before)
        for rid, at, rating, before in rows
        if rid not in skip
    ]


def _cards(
    session: DbSession, user_id: int, deck_id: int, skip: set[str]
) -> list[stats.CardRecord]:
    rows = session.execute(
        select(CardState.question_id, CardState.state, CardState.due, CardState.last_review)
        .join(Question, Question.id == CardState.question_id)
        .where(
            CardState.user_id == user_id,
            Question.deck_id == deck_id,
            Question.retired_at.is_(None),
        )
    ).all()
    return [
        stats.CardRecord(qid, state, due, last) for qid, state, due, last in rows if qid not in skip
    ]

"""A learner's progress on one deck as the Anki exporter takes it (``export.progress``).

Reads the learner's ``CardState`` rows and their review log (undone answers skipped) and maps
them to ``CardProgress`` / ``ReviewRow``; docs/exports.md has the mapping into Anki's columns.
The review log does not store the difficulty an answer left, but the next answer's
``prev_card`` does, and the card itself holds the latest: each row takes it from there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select

from export.progress import CardProgress, LearnerProgress, ReviewRow
from quizapp.db.models import CardState, Question, ReviewLog
from quizapp.db.session import DbSession
from quizapp.services.held_back import held_back
from quizapp.services.settings import StudySettings


def learner_progress(
    session: DbSession, user_id: int, deck_id: int, settings: StudySettings, now: datetime
) -> LearnerProgress:
    """Every card the learner has studied in the deck (retired questions too) and every
    answer they gave to them, oldest first; class answers still held back at ``now`` are left
    out with the cards they scheduled (the package must not reveal a grade before closing)."""
    hidden = held_back(session, user_id, deck_id, now)
    hidden_reviews, hidden_cards = {rid for rid, _ in hidden}, {qid for _, qid in hidden}
    states = session.scalars(
        select(CardState)
        .join(Question, Question.id == CardState.question_id)
        .where(CardState.user_id == user_id, Question.deck_id == deck_id)
    )
    cards = {
        state.question_id: card_progress(state)
        for state in states
        if state.question_id not in hidden_cards
    }
    # Columns, not ORM objects: a long history has tens of thousands of rows.
    logs = session.execute(
        select(*_LOG_COLUMNS)
        .join(Question, Question.id == ReviewLog.question_id)
        .where(
            ReviewLog.user_id == user_id,
            Question.deck_id == deck_id,
            ReviewLog.undone_at.is_(None),
        )
        .order_by(ReviewLog.reviewed_at, ReviewLog.id)
    ).all()
    kept = [log for log in logs if log.id not in hidden_reviews and log.question_id in cards]
    return LearnerProgress(
        cards=cards,
        reviews=review_rows(kept, cards),
        time_zone=_zone(settings.time_zone),
        rollover_hour=settings.day_starts_at_hour,
        desired_retention=settings.scheduler.desired_retention,
    )


_CARD_FIELDS = tuple(f.name for f in fields(CardProgress))


def card_progress(state: CardState) -> CardProgress:
    """The row as the exporter's dataclass (the fields share their names)."""
    return CardProgress(**{name: getattr(state, name) for name in _CARD_FIELDS})


_LOG_COLUMNS = (
    ReviewLog.id,
    ReviewLog.question_id,
    ReviewLog.reviewed_at,
    ReviewLog.rating,
    ReviewLog.due_after,
    ReviewLog.state_before,
    ReviewLog.prev_card,
    ReviewLog.duration_ms,
)


def review_rows(logs: Sequence[Any], cards: dict[str, CardProgress]) -> tuple[ReviewRow, ...]:
    """``logs`` (oldest first) as review rows; the difficulty after each answer is the one
    the next answer to the same card started from, or the card's current one."""
    difficulty_after: dict[int, float | None] = {}
    latest: dict[str, float | None] = {qid: card.difficulty for qid, card in cards.items()}
    for log in reversed(logs):
        difficulty_after[log.id] = latest.get(log.question_id)
        latest[log.question_id] = (log.prev_card or {}).get("difficulty")
    return tuple(
        ReviewRow(
            question_id=log.question_id,
            reviewed_at=log.reviewed_at,
            rating=log.rating,
            interval_after=max(log.due_after - log.reviewed_at, timedelta(0)),
            state_before=log.state_before,
            interval_before=_interval_before(log.prev_card),
            duration_ms=log.duration_ms,
            difficulty_after=difficulty_after[log.id],
        )
        for log in logs
    )


def _interval_before(prev_card: dict[str, Any] | None) -> timedelta | None:
    """The interval the card was on before this answer (None: it was new)."""
    if not prev_card:
        return None
    due, last = prev_card.get("due"), prev_card.get("last_review")
    if not due or not last:
        return timedelta(0)
    return max(datetime.fromisoformat(due) - datetime.fromisoformat(last), timedelta(0))


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")

"""A learner's progress on one deck as the Anki exporter takes it (``export.progress``).

Reads the learner's ``CardState`` rows and their review log (undone answers skipped) and maps
them to ``CardProgress`` / ``ReviewRow``; docs/exports.md has the mapping into Anki's columns.
The review log does not store the difficulty an answer left, but the next answer's
``prev_card`` does, and the card itself holds the latest: each row takes it from there.

Built for long histories (a 10,000-card deck has some 50,000 answers): two queries of plain
rows, no ORM objects, times as stored (``naive_utc``), the three values needed from
``prev_card`` extracted in SQL, and one loop making the rows (benchmarks/bench_export.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Select, select

from export.progress import CardProgress, LearnerProgress, ReviewRow
from quizapp.db.models import CardState, Question, ReviewLog
from quizapp.db.session import DbSession
from quizapp.db.timecol import naive_utc
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
    cards = _cards(session, user_id, deck_id, hidden_cards)
    logs = (
        session.connection()  # Core rows: the ORM's result layer costs a tenth of the query
        .execute(
            select(*_LOG_COLUMNS)
            .where(
                ReviewLog.user_id == user_id,
                ReviewLog.question_id.in_(_deck_questions(deck_id)),
                ReviewLog.undone_at.is_(None),
            )
            .order_by(ReviewLog.reviewed_at, ReviewLog.id)
        )
        .all()
    )
    logs = [log for log in logs if log[0] not in hidden_reviews and log[1] in cards]
    return LearnerProgress(
        cards=cards,
        reviews=review_rows(logs, cards),
        time_zone=_zone(settings.time_zone),
        rollover_hour=settings.day_starts_at_hour,
        desired_retention=settings.scheduler.desired_retention,
    )


def _cards(
    session: DbSession, user_id: int, deck_id: int, hidden: set[str]
) -> dict[str, CardProgress]:
    rows = session.connection().execute(
        select(*_CARD_COLUMNS).where(
            CardState.user_id == user_id, CardState.question_id.in_(_deck_questions(deck_id))
        )
    )
    cards = {}
    for qid, state, due, stability, difficulty, last, reps, lapses, step in rows:
        if qid in hidden:
            continue
        due, reviewed = due.replace(tzinfo=UTC), last.replace(tzinfo=UTC) if last else None
        cards[qid] = CardProgress(state, due, stability, difficulty, reviewed, reps, lapses, step)
    return cards


def _deck_questions(deck_id: int) -> Select[str]:
    # A semi-join: cheaper than joining the question rows, of which only the id is needed.
    return select(Question.id).where(Question.deck_id == deck_id)


# Columns, not ORM objects, and times as stored (naive UTC, ``naive_utc``): a long history
# has tens of thousands of rows, and converting each value cost more than the query.
_CARD_COLUMNS = (
    CardState.question_id,
    CardState.state,
    naive_utc(CardState.due),
    CardState.stability,
    CardState.difficulty,
    naive_utc(CardState.last_review),
    CardState.reps,
    CardState.lapses,
    CardState.step,
)
# Of ``prev_card`` (the card before the answer) only three values are needed: read in SQL,
# they spare decoding 50,000 JSON documents. ``due`` is in every stored card
# (``CardSnapshot.to_dict``), so a missing one means there was no card: the answer was its first.
_PREVIOUS = ReviewLog.prev_card
_LOG_COLUMNS = (
    ReviewLog.id,
    ReviewLog.question_id,
    naive_utc(ReviewLog.reviewed_at),
    ReviewLog.rating,
    naive_utc(ReviewLog.due_after),
    ReviewLog.state_before,
    ReviewLog.duration_ms,
    _PREVIOUS["due"].as_string(),
    _PREVIOUS["last_review"].as_string(),
    _PREVIOUS["difficulty"].as_float(),
)
_NONE = timedelta(0)


def review_rows(logs: Sequence[Any], cards: dict[str, CardProgress]) -> tuple[ReviewRow, ...]:
    """``logs`` (rows of ``_LOG_COLUMNS``, oldest first) as review rows; the difficulty after
    each answer is the one the next answer to the same card started from, or the card's
    current one. One pass over plain tuples, newest first: with 50,000 rows, this loop and
    the query are most of the time a learner's package takes beyond the plain one."""
    latest: dict[str, float | None] = {qid: card.difficulty for qid, card in cards.items()}
    rows = []
    for _, qid, at, rating, due_after, state, duration, due, last, difficulty in reversed(logs):
        after = due_after - at
        rows.append(
            ReviewRow(
                qid, at.replace(tzinfo=UTC), rating, after if after > _NONE else _NONE, state,
                _interval_before(due, last), duration, latest.get(qid),
            )
        )  # fmt: skip
        latest[qid] = difficulty  # what this answer started from
    rows.reverse()
    return tuple(rows)


def _interval_before(due: str | None, last: str | None) -> timedelta | None:
    """The interval the card was on before this answer (None: it was new), from the
    previous card's due time and last review (ISO strings)."""
    if due is None:
        return None
    if not last:
        return _NONE
    before = datetime.fromisoformat(due) - datetime.fromisoformat(last)
    return before if before > _NONE else _NONE


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")

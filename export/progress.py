"""A learner's progress as Anki stores it: card scheduling columns and review-log rows.

The web app's FSRS state and review history come in as plain dataclasses (``CardProgress``,
``ReviewRow``, gathered in ``LearnerProgress``); the functions here turn them into the
values of Anki's ``cards`` and ``revlog`` columns. docs/exports.md has the mapping as a table.

Review cards are due on a day number counted from the package's collection creation date:
Anki's importer shifts it by the difference between that collection's "today" and the
learner's, both computed at import time on the learner's machine, so the card lands on the
same calendar day, as long as ``time_zone`` and ``rollover_hour`` match the learner's Anki
(its defaults: the machine's zone, 4 a.m.). Learning cards are due at an exact moment
(epoch seconds) and need no shifting.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import IntEnum
from typing import Any

# genanki's collection was created at this moment; our package declares it as UTC midnight's
# day (creationOffset 0), so day 0 is this date.
COLLECTION_CREATED = 1411124400
_DAY_ZERO = datetime.fromtimestamp(COLLECTION_CREATED, UTC).date()
DEFAULT_EASE = 2500  # Anki's starting ease (per mille), what a graduating card gets


class State(IntEnum):
    """The web app's card states (``fsrs.State`` values) plus 0 for a card never seen."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class CardProgress:
    """One learner's FSRS state of one question, as the web app keeps it."""

    state: int  # State: LEARNING, REVIEW or RELEARNING
    due: datetime
    stability: float | None
    difficulty: float | None
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0
    step: int | None = None


@dataclass(frozen=True)
class ReviewRow:
    """One answer the learner gave: when, how it was rated, and what it did to the interval."""

    question_id: str
    reviewed_at: datetime
    rating: int  # 1 Again, 2 Hard, 3 Good, 4 Easy
    interval_after: timedelta  # from this review to the next due time
    state_before: int = State.NEW
    interval_before: timedelta | None = None  # None: the card was new
    duration_ms: int | None = None
    difficulty_after: float | None = None


@dataclass(frozen=True)
class LearnerProgress:
    """Everything a per-learner package carries besides the questions themselves."""

    cards: Mapping[str, CardProgress]
    reviews: tuple[ReviewRow, ...] = ()
    time_zone: tzinfo = UTC
    rollover_hour: int = 4
    desired_retention: float | None = None


def anki_day(moment: datetime, zone: tzinfo, rollover_hour: int) -> int:
    """The package's day number of ``moment``: days from day zero to its learner's date,
    where a day starts at ``rollover_hour`` local time, as in Anki."""
    local = moment.astimezone(zone) - timedelta(hours=rollover_hour)
    return (local.date() - _DAY_ZERO).days


def card_columns(progress: CardProgress, learner: LearnerProgress) -> dict[str, Any]:
    """The ``cards`` columns (type, queue, due, ivl, factor, reps, lapses, left, data)."""
    state = State(progress.state)
    if state == State.REVIEW:
        due = anki_day(progress.due, learner.time_zone, learner.rollover_hour)
        queue, left = 2, 0
    else:  # (re)learning: due at an exact moment, within a day in practice
        due, queue, left = int(progress.due.timestamp()), 1, 1
    return {
        "type": int(state),
        "queue": queue,
        "due": due,
        "ivl": _interval_days(progress) if state != State.LEARNING else 0,
        "factor": DEFAULT_EASE if state != State.LEARNING else 0,
        "reps": progress.reps,
        "lapses": progress.lapses,
        "left": left,
        "data": card_data(progress, learner.desired_retention),
    }


def card_data(progress: CardProgress, desired_retention: float | None) -> str:
    """The card's ``data`` JSON as Anki ≥ 23.10 writes it: FSRS memory ``s``/``d`` (rounded
    as Anki rounds them), desired retention ``dr`` and last review time ``lrt``."""
    data: dict[str, float | int] = {}
    if progress.stability is not None and progress.difficulty is not None:
        data["s"] = round(progress.stability, 4)
        data["d"] = round(progress.difficulty, 3)
    if desired_retention is not None:
        data["dr"] = round(desired_retention, 2)
    if progress.last_review is not None:
        data["lrt"] = int(progress.last_review.timestamp())
    return json.dumps(data, separators=(",", ":")) if data else ""


def revlog_columns(review: ReviewRow) -> dict[str, int]:
    """The ``revlog`` columns of one answer, except its id and card id."""
    state = State(review.state_before)
    kind = {State.REVIEW: 1, State.RELEARNING: 2}.get(state, 0)  # 0: learning (new included)
    factor = 0
    if review.difficulty_after is not None:  # as Anki logs FSRS answers: difficulty 0.1–1.1
        factor = round(((review.difficulty_after - 1) / 9 + 0.1) * 1000)
    return {
        "ease": review.rating,
        "ivl": revlog_interval(review.interval_after),
        "lastIvl": revlog_interval(review.interval_before or timedelta(0)),
        "factor": factor,
        "time": max(0, review.duration_ms or 0),
        "type": kind,
    }


def revlog_interval(interval: timedelta) -> int:
    """Anki's review-log interval: whole days if a day or more, else negative seconds."""
    if interval >= timedelta(days=1):
        return round(interval / timedelta(days=1))
    return -int(interval.total_seconds())


def _interval_days(progress: CardProgress) -> int:
    if progress.state == State.REVIEW and progress.last_review is not None:
        return max(1, round((progress.due - progress.last_review) / timedelta(days=1)))
    return max(1, round(progress.stability or 1))

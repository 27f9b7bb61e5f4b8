"""A learner's progress as Anki stores it: card scheduling columns and review-log rows.

The web app's FSRS state and review history come in as named tuples (``CardProgress``,
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

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import IntEnum
from typing import NamedTuple

# genanki's collection was created at this moment; our package declares it as UTC midnight's
# day (creationOffset 0), so day 0 is this date.
COLLECTION_CREATED = 1411124400
_DAY_ZERO = datetime.fromtimestamp(COLLECTION_CREATED, UTC).toordinal()
DEFAULT_EASE = 2500  # Anki's starting ease (per mille), what a graduating card gets


class State(IntEnum):
    """The web app's card states (``fsrs.State`` values) plus 0 for a card never seen."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class CardProgress(NamedTuple):
    """One learner's FSRS state of one question, as the web app keeps it."""

    state: int  # State: LEARNING, REVIEW or RELEARNING
    due: datetime
    stability: float | None
    difficulty: float | None
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0
    step: int | None = None


class ReviewRow(NamedTuple):
    """One answer the learner gave: when, how it was rated, and what it did to the interval.

    A named tuple, not a dataclass: a long history has 50,000 of them, and a tuple is built
    and unpacked several times faster (benchmarks/bench_export.py)."""

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
    return local.toordinal() - _DAY_ZERO


CARD_COLUMNS = ("type", "queue", "due", "ivl", "factor", "reps", "lapses", "left", "data")
REVLOG_COLUMNS = ("ease", "ivl", "lastIvl", "factor", "time", "type")
_DAY_SECONDS = 86400.0


def card_columns(progress: CardProgress, learner: LearnerProgress) -> tuple[int | str, ...]:
    """The ``cards`` columns named by ``CARD_COLUMNS``, in that order."""
    state = progress.state
    if state == State.REVIEW:
        due = anki_day(progress.due, learner.time_zone, learner.rollover_hour)
        queue, left = 2, 0
    elif state in (State.LEARNING, State.RELEARNING):  # due at an exact moment, within a day
        due, queue, left = int(progress.due.timestamp()), 1, 1
    else:
        raise ValueError(f"a studied card has state 1, 2 or 3, not {state!r}")
    learning = state == State.LEARNING
    return (
        int(state),
        queue,
        due,
        0 if learning else _interval_days(progress),
        0 if learning else DEFAULT_EASE,
        progress.reps,
        progress.lapses,
        left,
        card_data(progress, learner.desired_retention),
    )


def card_data(progress: CardProgress, desired_retention: float | None) -> str:
    """The card's ``data`` JSON as Anki ≥ 23.10 writes it: FSRS memory ``s``/``d`` (rounded
    as Anki rounds them), desired retention ``dr`` and last review time ``lrt``."""
    # Joined by hand: json.dumps costs more than the rest of a card (benchmarks/).
    parts = []
    if progress.stability is not None and progress.difficulty is not None:
        parts += [f'"s":{round(progress.stability, 4)!r}', f'"d":{round(progress.difficulty, 3)!r}']
    if desired_retention is not None:
        parts.append(_retention(desired_retention))
    if progress.last_review is not None:
        parts.append(f'"lrt":{int(progress.last_review.timestamp())}')
    return "{" + ",".join(parts) + "}" if parts else ""


@functools.lru_cache(maxsize=16)  # one learner's retention, for each of their cards
def _retention(desired_retention: float) -> str:
    return f'"dr":{round(desired_retention, 2)!r}'


_REVLOG_KIND: dict[int, int] = {State.REVIEW: 1, State.RELEARNING: 2}  # else 0: a learning answer


def revlog_rows(reviews: Iterable[ReviewRow], card_ids: Mapping[str, int]) -> list[tuple[int, ...]]:
    """The ``revlog`` rows (id, card id, then ``REVLOG_COLUMNS``) of the reviews of cards in
    ``card_ids`` (question id → card id), in id order.

    One loop, written for speed: a 10,000-card history has some 50,000 rows, and intervals
    repeat, so each distinct one is converted once (benchmarks/bench_export.py).
    """
    rows: list[tuple[int, ...]] = []
    interval: dict[timedelta | None, int] = {None: 0}
    for qid, reviewed_at, rating, after, state_before, before, duration, difficulty in reviews:
        card_id = card_ids.get(qid)
        if card_id is None:
            continue
        if after not in interval:
            interval[after] = revlog_interval(after)
        if before not in interval:
            interval[before] = revlog_interval(before)  # type: ignore[arg-type]
        # As Anki logs an FSRS answer: the difficulty after it, scaled to 100–1100.
        factor = 0 if difficulty is None else round(((difficulty - 1) / 9 + 0.1) * 1000)
        rows.append((
            int(reviewed_at.timestamp() * 1000), card_id, rating, interval[after],
            interval[before], factor, duration if duration and duration > 0 else 0,
            _REVLOG_KIND.get(state_before, 0),
        ))  # fmt: skip
    rows.sort()  # inserting in key order keeps SQLite's b-tree appends cheap
    return _unique_ids(rows)


def _unique_ids(rows: list[tuple[int, ...]]) -> list[tuple[int, ...]]:
    """The id is the review time in milliseconds and must be unique (Anki skips a row whose
    id it has): answers within the same millisecond are set 1 ms apart."""
    for i in range(1, len(rows)):
        if rows[i][0] <= rows[i - 1][0]:
            rows[i] = (rows[i - 1][0] + 1, *rows[i][1:])
    return rows


def revlog_interval(interval: timedelta) -> int:
    """Anki's review-log interval: whole days if a day or more, else negative seconds."""
    seconds = interval.total_seconds()
    return round(seconds / _DAY_SECONDS) if seconds >= _DAY_SECONDS else -int(seconds)


def _interval_days(progress: CardProgress) -> int:
    if progress.state == State.REVIEW and progress.last_review is not None:
        days = (progress.due - progress.last_review).total_seconds() / _DAY_SECONDS
        return max(1, round(days))
    return max(1, round(progress.stability or 1))

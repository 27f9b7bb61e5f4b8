"""Study statistics as pure functions of plain records and a given ``now``.

Owns the definitions (they follow Anki's statistics screen):

* ``reviews_per_day`` — answers per study day over the last ``days`` days (the study day
  rolls over at ``day_starts_at_hour`` o'clock in the learner's time zone ``zone``, as in
  the study queue), split into right and wrong. Undone answers are not passed in.
* ``true_retention`` — Anki's "true retention": among answers given to cards that were in
  the *review* state (learning and relearning steps excluded, new cards excluded), the
  share not rated Again. ``None`` when there are no such answers.
* ``due_forecast`` — how many started cards fall due on each of the next ``days`` study
  days; cards already overdue count for today (Anki's forecast with the backlog folded in).
* ``mastery_by_section`` — Anki's card counts per section: new (never answered), learning
  (learning or relearning), young (review, interval under 21 days) and mature (review,
  interval of 21 days or more).

The three day-based figures take a ``StudyClock`` (now, the hour the study day starts, the
zone). Nothing here touches the database or the clock; ``quizapp.stats.queries`` loads records.
Times are aware datetimes; days are the learner's local study days.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from quizapp.domain.scheduler import Rating, State

MATURE_DAYS = 21  # Anki: a review card with an interval of 21 days or more is mature
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class ReviewRecord:
    """One answer that still counts (not undone)."""

    reviewed_at: datetime
    rating: int
    state_before: int  # 0 new, 1 learning, 2 review, 3 relearning


@dataclass(frozen=True)
class CardRecord:
    """One learner's started card (a ``CardState`` row)."""

    question_id: str
    state: int
    due: datetime
    last_review: datetime | None


@dataclass(frozen=True)
class DayCount:
    day: date
    total: int
    right: int = 0

    @property
    def wrong(self) -> int:
        return self.total - self.right


@dataclass(frozen=True)
class Retention:
    passed: int
    failed: int

    @property
    def total(self) -> int:
        return self.passed + self.failed

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


@dataclass(frozen=True)
class SectionMastery:
    section: str
    new: int
    learning: int
    young: int
    mature: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.young + self.mature

    @property
    def learned(self) -> float:
        """Share of the section's cards that reached the review state (young or mature)."""
        return (self.young + self.mature) / self.total if self.total else 0.0


def study_day(moment: datetime, day_starts_at_hour: int, zone: str = "UTC") -> date:
    """The study day a moment belongs to: its local date in ``zone``, where days roll over
    at ``day_starts_at_hour`` (so an answer at 2 a.m. counts for the day before). An
    unknown zone counts as UTC, as in the study queue."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        tz = ZoneInfo("UTC")
    # Wall-clock arithmetic in the local zone: 03:30 minus 4 h is 23:30 the day before.
    return (moment.astimezone(tz) - timedelta(hours=day_starts_at_hour)).date()


@dataclass(frozen=True)
class StudyClock:
    """Where the learner stands on their study calendar: the moment ``now``, the hour their
    study day rolls over and their time zone (see ``study_day``)."""

    now: datetime
    day_starts_at_hour: int
    zone: str = "UTC"

    def day_of(self, moment: datetime) -> date:
        return study_day(moment, self.day_starts_at_hour, self.zone)

    @property
    def today(self) -> date:
        return self.day_of(self.now)


def reviews_per_day(
    reviews: Iterable[ReviewRecord], clock: StudyClock, days: int = DEFAULT_DAYS
) -> list[DayCount]:
    """One entry per study day, oldest first, ending with today."""
    today = clock.today
    first = today - timedelta(days=days - 1)
    total: Counter[date] = Counter()
    right: Counter[date] = Counter()
    for review in reviews:
        day = clock.day_of(review.reviewed_at)
        if first <= day <= today:
            total[day] += 1
            right[day] += review.rating != Rating.Again
    return [
        DayCount(day, total[day], right[day])
        for day in (first + timedelta(days=i) for i in range(days))
    ]


def true_retention(
    reviews: Iterable[ReviewRecord], clock: StudyClock, days: int | None = DEFAULT_DAYS
) -> Retention:
    """Anki's true retention over the last ``days`` study days (``None``: all time)."""
    first = None
    if days is not None:
        first = clock.today - timedelta(days=days - 1)
    passed = failed = 0
    for review in reviews:
        if review.state_before != State.Review or review.reviewed_at > clock.now:
            continue
        if first is not None and clock.day_of(review.reviewed_at) < first:
            continue
        if review.rating == Rating.Again:
            failed += 1
        else:
            passed += 1
    return Retention(passed, failed)


def due_forecast(
    cards: Iterable[CardRecord], clock: StudyClock, days: int = DEFAULT_DAYS
) -> list[DayCount]:
    """Cards due on each of the next ``days`` study days, today (with the backlog) first."""
    today = clock.today
    due: Counter[date] = Counter()
    for card in cards:
        day = max(clock.day_of(card.due), today)
        due[day] += 1
    return [DayCount(day, due[day]) for day in (today + timedelta(days=i) for i in range(days))]


def card_class(card: CardRecord | None) -> str:
    """new, learning, young or mature (Anki's card counts)."""
    if card is None:
        return "new"
    if card.state != State.Review:
        return "learning"
    interval = card.due - card.last_review if card.last_review else timedelta(0)
    return "mature" if interval >= timedelta(days=MATURE_DAYS) else "young"


def mastery_by_section(
    questions: Sequence[tuple[str, str]], cards: Iterable[CardRecord]
) -> list[SectionMastery]:
    """``questions`` are (question id, section) in deck order; sections keep that order."""
    by_question = {card.question_id: card for card in cards}
    counts: dict[str, Counter[str]] = {}
    for question_id, section in questions:
        counts.setdefault(section, Counter())[card_class(by_question.get(question_id))] += 1
    return [
        SectionMastery(
            section=section,
            new=c["new"],
            learning=c["learning"],
            young=c["young"],
            mature=c["mature"],
        )
        for section, c in counts.items()
    ]

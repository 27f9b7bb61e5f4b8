"""The only module that calls ``fsrs``: card state + rating + time → new card state.

Pure functions over ``CardSnapshot`` (our own frozen copy of an FSRS card, independent
of the database). Callers pass ``now``; ``fsrs`` requires ``tzinfo=UTC`` and we always
give it our own ``card_id`` (``fsrs.Card()`` without one sleeps 1 ms to invent one).

Learning steps default to a single 1-minute step: a new card answered Good or Easy
graduates at once (it was answered from knowledge, so it is not due tomorrow), while
Again/Hard keep it in today's session. Lapsed cards relearn with a 10-minute step.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

import fsrs

from quizapp.domain.timezones import as_utc

Rating = fsrs.Rating
State = fsrs.State

NEW = 0  # state_before of a review of a card that had never been seen


@dataclass(frozen=True)
class SchedulerSettings:
    desired_retention: float = 0.9
    enable_fuzzing: bool = True
    learning_steps_minutes: tuple[float, ...] = (1.0,)
    relearning_steps_minutes: tuple[float, ...] = (10.0,)


@dataclass(frozen=True)
class CardSnapshot:
    """One learner's scheduling state for one question."""

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reps: int = 0
    lapses: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": self.due.isoformat(),
            "last_review": self.last_review.isoformat() if self.last_review else None,
            "reps": self.reps,
            "lapses": self.lapses,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CardSnapshot:
        last = data.get("last_review")
        return cls(
            state=data["state"],
            step=data.get("step"),
            stability=data.get("stability"),
            difficulty=data.get("difficulty"),
            due=as_utc(datetime.fromisoformat(data["due"])),
            last_review=as_utc(datetime.fromisoformat(last)) if last else None,
            reps=data.get("reps", 0),
            lapses=data.get("lapses", 0),
        )


def rating_for(correct: bool) -> fsrs.Rating:
    """Auto-graded answers: wrong → Again, right → Good (the learner may then pick Hard/Easy)."""
    return fsrs.Rating.Good if correct else fsrs.Rating.Again


def parse_rating(value: object) -> fsrs.Rating | None:
    """A rating from form/JSON input (1–4 or a name), or None if it is not one."""
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            value = int(text)
        else:
            by_name = {r.name.lower(): r for r in fsrs.Rating}
            return by_name.get(text.lower())
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return fsrs.Rating(value)
        except ValueError:
            return None
    return None


def review(
    card: CardSnapshot | None,
    rating: fsrs.Rating,
    now: datetime,
    settings: SchedulerSettings,
    card_id: int = 0,
) -> CardSnapshot:
    """The card after being answered with ``rating`` at ``now`` (``None``: a new card)."""
    now = as_utc(now)
    before = _to_fsrs(card, now, card_id)
    after, _log = _scheduler(settings).review_card(before, rating, review_datetime=now)
    lapsed = card is not None and card.state == State.Review and rating == Rating.Again
    return CardSnapshot(
        state=int(after.state),
        step=after.step,
        stability=after.stability,
        difficulty=after.difficulty,
        due=as_utc(after.due),
        last_review=as_utc(after.last_review) if after.last_review else None,
        reps=(card.reps if card else 0) + 1,
        lapses=(card.lapses if card else 0) + (1 if lapsed else 0),
    )


def preview(
    card: CardSnapshot | None, now: datetime, settings: SchedulerSettings
) -> dict[fsrs.Rating, timedelta]:
    """The interval each of Again/Hard/Good/Easy would schedule, for the answer buttons."""
    # Preview without fuzz so the buttons show the same figures on every reload.
    plain = replace(settings, enable_fuzzing=False)
    return {r: review(card, r, now, plain).due - as_utc(now) for r in fsrs.Rating}


# Below this chance of recalling a card now, it counts as weak ("my weak cards" downloads):
# more than one chance in five of having forgotten it, well past the 90 % a card is due at.
WEAK_RETRIEVABILITY = 0.8


def retrievability(card: CardSnapshot, now: datetime, settings: SchedulerSettings) -> float:
    """FSRS's probability that the learner recalls ``card`` at ``now`` (0 if never reviewed)."""
    return float(_scheduler(settings).get_card_retrievability(_to_fsrs(card, now, 0), as_utc(now)))


def is_weak(card: CardSnapshot, now: datetime, settings: SchedulerSettings) -> bool:
    """A card the learner has forgotten before (a lapse) or is likely to have forgotten now."""
    return card.lapses > 0 or retrievability(card, now, settings) < WEAK_RETRIEVABILITY


def stable_card_id(user_id: int, question_id: str) -> int:
    """A deterministic fsrs card_id (fsrs only copies it into its own logs)."""
    return zlib.crc32(f"{user_id}:{question_id}".encode())


def format_interval(delta: timedelta) -> str:
    """Anki-style short interval: "<1m", "10m", "3h", "4d", "2.5mo", "1.2y"."""
    seconds = delta.total_seconds()
    if seconds < 60:
        return "<1m"
    minutes = seconds / 60
    if minutes < 60:
        return f"{round(minutes)}m"
    hours = minutes / 60
    if hours < 24:
        return f"{round(hours)}h"
    days = hours / 24
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo".replace(".0mo", "mo")
    return f"{days / 365:.1f}y".replace(".0y", "y")


@lru_cache(maxsize=64)
def _scheduler(settings: SchedulerSettings) -> fsrs.Scheduler:
    return fsrs.Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=tuple(timedelta(minutes=m) for m in settings.learning_steps_minutes),
        relearning_steps=tuple(timedelta(minutes=m) for m in settings.relearning_steps_minutes),
        enable_fuzzing=settings.enable_fuzzing,
    )


def _to_fsrs(card: CardSnapshot | None, now: datetime, card_id: int) -> fsrs.Card:
    if card is None:
        return fsrs.Card(card_id=card_id, state=State.Learning, step=0, due=now)
    return fsrs.Card(
        card_id=card_id,
        state=State(card.state),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
    )

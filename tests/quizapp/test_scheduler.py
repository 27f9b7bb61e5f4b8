"""Rating mapping and FSRS scheduling with fixed times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.domain import scheduler
from quizapp.domain.scheduler import CardSnapshot, Rating, SchedulerSettings, State

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
PLAIN = SchedulerSettings(enable_fuzzing=False)


def test_rating_mapping() -> None:
    assert scheduler.rating_for(correct=True) is Rating.Good
    assert scheduler.rating_for(correct=False) is Rating.Again


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", Rating.Again), ("4", Rating.Easy), ("hard", Rating.Hard), (3, Rating.Good),
     ("5", None), ("", None), ("x", None), (True, None), (None, None)],
)  # fmt: skip
def test_parse_rating(raw: object, expected: Rating | None) -> None:
    assert scheduler.parse_rating(raw) == expected


def test_new_card_answered_good_is_not_due_tomorrow() -> None:
    card = scheduler.review(None, Rating.Good, NOW, PLAIN)
    assert card.state == State.Review
    assert card.due > NOW + timedelta(days=1)
    assert card.last_review == NOW
    assert card.reps == 1


def test_new_card_answered_again_comes_back_within_minutes() -> None:
    card = scheduler.review(None, Rating.Again, NOW, PLAIN)
    assert card.state == State.Learning
    assert NOW < card.due <= NOW + timedelta(minutes=1)


def test_review_card_answered_again_lapses_and_relearns() -> None:
    learned = scheduler.review(None, Rating.Good, NOW, PLAIN)
    later = learned.due
    lapsed = scheduler.review(learned, Rating.Again, later, PLAIN)
    assert lapsed.state == State.Relearning
    assert lapsed.lapses == 1
    assert lapsed.due == later + timedelta(minutes=10)


def test_intervals_grow_with_the_rating() -> None:
    intervals = scheduler.preview(None, NOW, PLAIN)
    again, hard, good, easy = (intervals[r] for r in Rating)
    assert again < hard < good < easy
    assert again == timedelta(minutes=1)


def test_higher_retention_means_shorter_intervals() -> None:
    strict = SchedulerSettings(desired_retention=0.97, enable_fuzzing=False)
    assert (
        scheduler.review(None, Rating.Good, NOW, strict).due
        < scheduler.review(None, Rating.Good, NOW, PLAIN).due
    )


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        scheduler.review(None, Rating.Good, datetime(2026, 3, 2, 12), PLAIN)


def test_snapshot_round_trips() -> None:
    card = scheduler.review(None, Rating.Hard, NOW, PLAIN)
    assert CardSnapshot.from_dict(card.to_dict()) == card


@pytest.mark.parametrize(
    ("delta", "text"),
    [(timedelta(seconds=30), "<1m"), (timedelta(minutes=10), "10m"), (timedelta(hours=5), "5h"),
     (timedelta(days=3), "3d"), (timedelta(days=75), "2.5mo"), (timedelta(days=730), "2y")],
)  # fmt: skip
def test_format_interval(delta: timedelta, text: str) -> None:
    assert scheduler.format_interval(delta) == text


def test_a_card_is_weak_when_it_lapsed_or_is_likely_forgotten_now() -> None:
    now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    settings = SchedulerSettings()

    def card(stability: float, days_ago: int, lapses: int = 0) -> CardSnapshot:
        last = now - timedelta(days=days_ago)
        return CardSnapshot(
            State.Review, None, stability, 5.0, last + timedelta(days=stability), last, 3, lapses
        )

    fresh, due, overdue = card(10, 1), card(10, 10), card(10, 60)
    assert scheduler.retrievability(fresh, now, settings) > 0.98
    assert 0.85 < scheduler.retrievability(due, now, settings) < 0.95  # due: about 90 %
    assert scheduler.retrievability(overdue, now, settings) < scheduler.WEAK_RETRIEVABILITY
    assert [scheduler.is_weak(c, now, settings) for c in (fresh, due, overdue)] == [
        False,
        False,
        True,
    ]
    assert scheduler.is_weak(card(10, 1, lapses=1), now, settings)  # forgotten once

"""The pure statistics functions on fixed data, against values worked out by hand.

The study day starts at 04:00 UTC; "now" is 2026-03-02 12:00 UTC, so today is 2026-03-02
and an answer at 2026-03-02 02:00 still belongs to 2026-03-01.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from quizapp.domain.scheduler import Rating, State
from quizapp.stats.metrics import (
    CardRecord,
    ReviewRecord,
    StudyClock,
    card_class,
    due_forecast,
    mastery_by_section,
    reviews_per_day,
    study_day,
    true_retention,
)

NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
HOUR = 4
CLOCK = StudyClock(NOW, HOUR)
NEW, LEARNING, REVIEW, RELEARNING = 0, int(State.Learning), int(State.Review), int(State.Relearning)


def at(day: int, hour: int = 10, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def review(when: datetime, rating: Rating, before: int = REVIEW) -> ReviewRecord:
    return ReviewRecord(reviewed_at=when, rating=int(rating), state_before=before)


def test_study_day_rolls_over_at_the_configured_hour() -> None:
    assert study_day(at(2, 3), HOUR) == date(2026, 3, 1)
    assert study_day(at(2, 4), HOUR) == date(2026, 3, 2)


def test_reviews_per_day_counts_right_and_wrong_per_study_day() -> None:
    reviews = [
        review(at(2, 11), Rating.Good),  # today
        review(at(2, 5), Rating.Again),  # today
        review(at(2, 2), Rating.Easy),  # 2 a.m.: still yesterday (1 March)
        review(at(1, 9), Rating.Hard),  # yesterday
        review(at(1, 10, month=2), Rating.Good),  # 1 Feb: day 29 before today, the first day
        review(at(31, 10, month=1), Rating.Good),  # 31 Jan: 30 days ago, outside the window
        review(at(3, 10), Rating.Good),  # tomorrow (clock skew): outside the window
    ]
    days = reviews_per_day(reviews, CLOCK)
    assert len(days) == 30
    assert days[0].day == date(2026, 2, 1) and days[-1].day == date(2026, 3, 2)
    assert (days[-1].total, days[-1].right, days[-1].wrong) == (2, 1, 1)
    assert (days[-2].total, days[-2].right) == (2, 2)
    assert (days[0].total, days[0].right) == (1, 1)
    assert sum(d.total for d in days) == 5


def test_true_retention_counts_only_review_cards_like_anki() -> None:
    reviews = [
        review(at(2), Rating.Good),  # pass
        review(at(2), Rating.Hard),  # pass: Hard is a pass in Anki
        review(at(1), Rating.Easy),  # pass
        review(at(1), Rating.Again),  # fail
        review(at(1), Rating.Again, before=NEW),  # a new card: not counted
        review(at(1), Rating.Again, before=LEARNING),  # learning step: not counted
        review(at(1), Rating.Good, before=RELEARNING),  # relearning step: not counted
        review(at(10, month=1), Rating.Again),  # 10 Jan: outside the last 30 days
    ]
    month = true_retention(reviews, CLOCK)
    assert (month.passed, month.failed) == (3, 1)
    assert month.rate == 0.75
    ever = true_retention(reviews, CLOCK, days=None)
    assert (ever.passed, ever.failed) == (3, 2)
    assert ever.rate == 0.6


def test_true_retention_without_review_answers_is_unknown() -> None:
    assert true_retention([review(at(2), Rating.Good, before=NEW)], CLOCK).rate is None


def card(qid: str, due: datetime, state: int = REVIEW, interval_days: float = 3) -> CardRecord:
    return CardRecord(qid, state, due, due - timedelta(days=interval_days))


def test_due_forecast_folds_the_backlog_into_today() -> None:
    cards = [
        card("overdue", at(20, month=2)),  # overdue: today
        card("today-late", at(3, 2)),  # 3 March 02:00 belongs to study day 2 March
        card("tomorrow", at(3, 9)),
        card("in-29-days", at(31, 9)),  # 31 March: the last day of the window
        card("in-30-days", at(1, 9, month=4)),  # outside the window
        card("learning", NOW + timedelta(minutes=5), state=LEARNING),
    ]
    days = due_forecast(cards, CLOCK)
    assert len(days) == 30
    assert days[0].day == date(2026, 3, 2) and days[-1].day == date(2026, 3, 31)
    assert [d.total for d in days[:2]] == [3, 1]
    assert days[-1].total == 1
    assert sum(d.total for d in days) == 5


def test_card_classes_follow_anki() -> None:
    assert card_class(None) == "new"
    assert card_class(card("a", NOW, state=LEARNING)) == "learning"
    assert card_class(card("a", NOW, state=RELEARNING)) == "learning"
    assert card_class(card("a", NOW, interval_days=20.9)) == "young"
    assert card_class(card("a", NOW, interval_days=21)) == "mature"


def test_mastery_by_section_keeps_deck_order() -> None:
    questions = [
        ("q1", "Causes"),
        ("q2", "Causes"),
        ("q3", "Signs"),
        ("q4", "Causes"),
        ("q5", "Signs"),
    ]
    cards = [
        card("q1", NOW, interval_days=30),  # mature
        card("q2", NOW, state=LEARNING),
        card("q3", NOW, interval_days=2),  # young
        card("other-deck", NOW),  # not one of these questions: ignored
    ]
    causes, signs = mastery_by_section(questions, cards)
    assert (causes.section, causes.new, causes.learning, causes.young, causes.mature) == (
        "Causes", 1, 1, 0, 1,
    )  # fmt: skip
    assert (signs.section, signs.new, signs.young, signs.total) == ("Signs", 1, 1, 2)
    assert causes.learned == 1 / 3 and signs.learned == 0.5


def test_study_days_follow_the_learners_time_zone() -> None:
    # 08:30 UTC is 03:30 in New York (EST, UTC-5): before 4 a.m. there, so still 1 March.
    assert study_day(at(2, 8).replace(minute=30), HOUR, "America/New_York") == date(2026, 3, 1)
    assert study_day(at(2, 9).replace(minute=30), HOUR, "America/New_York") == date(2026, 3, 2)
    # 23:00 UTC on 1 March is 08:00 on 2 March in Tokyo.
    assert study_day(at(1, 23), HOUR, "Asia/Tokyo") == date(2026, 3, 2)
    assert study_day(at(2, 3), HOUR, "Not/A_Zone") == date(2026, 3, 1)  # unknown: UTC
    tokyo = reviews_per_day([review(at(1, 23), Rating.Good)], StudyClock(NOW, HOUR, "Asia/Tokyo"))
    assert tokyo[-1].day == date(2026, 3, 2) and tokyo[-1].total == 1

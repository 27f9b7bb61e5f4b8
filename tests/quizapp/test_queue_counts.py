"""``study.queue_counts`` (two aggregate queries) against the straightforward definition of
each number, computed in Python from the rows, on a small fixed data set (both backends)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import Session

from quizapp.db.models import CardState, Question, ReviewLog, User
from quizapp.domain import scheduler
from quizapp.domain.scheduler import State
from quizapp.services import study
from quizapp.services.settings import StudySettings, settings_for

MINUTE = timedelta(minutes=1)


def _users(session: Session) -> tuple[int, int]:
    learner, other = User(), User()
    session.add_all([learner, other])
    session.flush()
    return learner.id, other.id


def _card(user_id: int, qid: str, state: State, due: datetime) -> CardState:
    return CardState(user_id=user_id, question_id=qid, state=int(state), due=due, reps=1)


def _log(
    user_id: int, qid: str, at: datetime, *, key: str, new: bool, source: str = "study"
) -> ReviewLog:
    return ReviewLog(
        user_id=user_id, question_id=qid, answer_key=key, source=source, rating=3,
        correct=True, reviewed_at=at, due_after=at + 10 * MINUTE,
        state_before=scheduler.NEW if new else int(State.Learning),
    )  # fmt: skip


@pytest.fixture
def learners(session: Session, deck_id: int, now: datetime) -> tuple[int, int]:
    """The learner has, in the five-question deck: a review due an hour ago (q-flash), a
    learning card due in 5 min (q-cloze), a relearning card due a minute ago (q-mc), a review
    due in 5 min (q-tf), and q-def new. Today: two study answers that introduced a card (one
    of them undone), one that did not, one quiz answer; yesterday, one study answer. The
    other learner's cards and answers must never count."""
    learner, other = _users(session)
    session.add_all(
        [
            _card(learner, "q-flash", State.Review, now - 60 * MINUTE),
            _card(learner, "q-cloze", State.Learning, now + 5 * MINUTE),
            _card(learner, "q-mc", State.Relearning, now - MINUTE),
            _card(learner, "q-tf", State.Review, now + 5 * MINUTE),
            _card(other, "q-def", State.Learning, now - MINUTE),
            _card(other, "q-tf", State.Learning, now + MINUTE),
        ]
    )
    undone = _log(learner, "q-mc", now - 9 * MINUTE, key="u", new=True)
    undone.undone_at = now - 8 * MINUTE
    session.add_all(
        [
            _log(learner, "q-cloze", now - 10 * MINUTE, key="a", new=True),
            undone,
            _log(learner, "q-mc", now - 5 * MINUTE, key="b", new=False),
            _log(learner, "q-tf", now - 4 * MINUTE, key="c", new=True, source="quiz"),
            _log(learner, "q-flash", now - timedelta(days=1), key="d", new=True),
            _log(other, "q-def", now - MINUTE, key="e", new=True),
        ]
    )
    session.commit()
    return learner, other


def straightforward(
    session: Session, user_id: int | None, deck_id: int, now: datetime, settings: StudySettings
) -> study.QueueCounts:
    """Each number by its definition, from all rows, in Python."""
    active = {
        q.id
        for q in session.scalars(select(Question).where(Question.deck_id == deck_id))
        if q.retired_at is None
    }
    cards = [
        c
        for c in session.scalars(select(CardState))
        if c.user_id == user_id and c.question_id in active
    ]
    start = study.day_start(now, settings.day_starts_at_hour, settings.time_zone)
    today = [
        r
        for r in session.scalars(select(ReviewLog))
        if r.user_id == user_id and r.question_id in active and r.source == "study"
        and r.undone_at is None and r.reviewed_at >= start
    ]  # fmt: skip
    introduced = sum(1 for r in today if r.state_before == scheduler.NEW)
    new_available = len(active - {c.question_id for c in cards})
    new_left = settings.new_per_day - (introduced if user_id is not None else 0)
    return study.QueueCounts(
        due=sum(1 for c in cards if c.due <= now),
        new=min(new_available, max(0, new_left)),
        learning_soon=sum(
            1
            for c in cards
            if c.state != State.Review and now < c.due <= now + settings.learn_ahead
        ),
        done_today=len(today),
    )


@pytest.mark.parametrize("new_per_day", [20, 2, 1, 0])
@pytest.mark.parametrize("minutes_later", [0, 3, 30, 24 * 60])
def test_counts_match_the_definition(
    app: Flask,
    session: Session,
    deck_id: int,
    learners: tuple[int, int],
    now: datetime,
    new_per_day: int,
    minutes_later: int,
) -> None:
    settings = replace(settings_for(app.config, None), new_per_day=new_per_day)
    at = now + minutes_later * MINUTE
    for user_id in (*learners, None):
        expected = straightforward(session, user_id, deck_id, at, settings)
        assert study.queue_counts(session, user_id, deck_id, at, settings) == expected


def test_the_fixed_data_set_gives_the_expected_numbers(
    app: Flask, session: Session, deck_id: int, learners: tuple[int, int], now: datetime
) -> None:
    """The definition above, checked by hand once: due q-flash and q-mc; learning soon
    q-cloze (q-tf is a review); new q-def, with 1 of 20 new cards introduced today
    (the undone one and the quiz answer do not count); 2 study answers today."""
    settings = settings_for(app.config, None)
    counts = study.queue_counts(session, learners[0], deck_id, now, settings)
    assert counts == study.QueueCounts(due=2, new=1, learning_soon=1, done_today=2)
    assert study.new_left_today(session, learners[0], deck_id, now, settings) == 19

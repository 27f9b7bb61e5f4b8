"""The study service: session order, daily limit, idempotent answers, re-rating and undo."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from flask import Flask
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from quizapp.db.models import CardState, ReviewLog, User
from quizapp.domain.scheduler import Rating, State
from quizapp.services import study
from quizapp.services.settings import StudySettings, settings_for
from quizapp.services.study import Response

ORDER = ["q-flash", "q-cloze", "q-mc", "q-tf", "q-def"]


@pytest.fixture
def user_id(session: Session) -> int:
    user = User()
    session.add(user)
    session.commit()
    return user.id


@pytest.fixture
def settings(app: Flask) -> StudySettings:
    return settings_for(app.config, None)


def answer(
    session: Session, user_id: int, qid: str, now: datetime, settings: StudySettings,
    key: str | None = None, **response: object,
) -> study.AnswerResult:  # fmt: skip
    result = study.submit_answer(
        session, user_id=user_id,
        answer=study.Answer(qid, key or f"{qid}-{now.isoformat()}", Response(**response)),  # type: ignore[arg-type]
        now=now, settings=settings,
    )  # fmt: skip
    session.commit()
    return result


RIGHT: dict[str, dict[str, object]] = {
    "q-flash": {"rating": Rating.Good},
    "q-cloze": {"typed": "Lou Gehrig's disease"},
    "q-mc": {"chosen": 1},
    "q-tf": {"chosen": 1},
    "q-def": {"typed": "hypocalcemia"},
}


def test_new_cards_in_deck_order_then_nothing(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    seen = []
    for _ in ORDER:
        q = study.next_card(session, user_id, deck_id, now, settings)
        assert q is not None
        seen.append(q.id)
        assert answer(session, user_id, q.id, now, settings, **RIGHT[q.id]).correct
    assert seen == ORDER
    assert study.next_card(session, user_id, deck_id, now, settings) is None
    counts = study.queue_counts(session, user_id, deck_id, now, settings)
    assert (counts.done_today, counts.remaining, counts.total) == (5, 0, 5)
    # Answered Good today: none of them is due tomorrow.
    tomorrow = now + timedelta(days=1)
    assert study.next_card(session, user_id, deck_id, tomorrow, settings) is None
    assert study.queue_counts(session, user_id, deck_id, tomorrow, settings).due == 0


def test_again_comes_back_in_the_same_session(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    result = answer(session, user_id, "q-mc", now, settings, chosen=0)
    assert not result.correct and result.rating is Rating.Again
    for qid in ORDER:
        if qid != "q-mc":
            assert study.next_card(session, user_id, deck_id, now, settings).id == qid  # type: ignore[union-attr]
            assert answer(session, user_id, qid, now, settings, **RIGHT[qid]).correct
    # Nothing new or due now: the lapsed card is shown again (learn-ahead), not tomorrow.
    assert study.next_card(session, user_id, deck_id, now, settings).id == "q-mc"  # type: ignore[union-attr]
    counts = study.queue_counts(session, user_id, deck_id, now, settings)
    assert (counts.learning_soon, counts.done_today) == (1, 5)
    in_a_minute = now + timedelta(minutes=1)
    assert study.queue_counts(session, user_id, deck_id, in_a_minute, settings).due == 1


def test_due_reviews_come_before_new_cards(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    answer(session, user_id, "q-def", now, settings, typed="hypocalcemia")
    due = session.get(CardState, (user_id, "q-def"))
    assert due is not None and due.state == State.Review
    later = due.due + timedelta(hours=1)
    assert study.next_card(session, user_id, deck_id, later, settings).id == "q-def"  # type: ignore[union-attr]


def test_daily_new_card_limit(
    app: Flask, session: Session, deck_id: int, user_id: int, now: datetime
) -> None:
    user = session.get(User, user_id)
    assert user is not None
    user.new_cards_per_day = 2
    session.commit()
    limited = settings_for(app.config, user)
    answer(session, user_id, "q-flash", now, limited, rating=Rating.Good)
    answer(session, user_id, "q-cloze", now, limited, typed="Lou Gehrig's disease")
    assert study.next_card(session, user_id, deck_id, now, limited) is None
    assert study.queue_counts(session, user_id, deck_id, now, limited).new == 0
    tomorrow = now + timedelta(days=1)
    assert study.next_card(session, user_id, deck_id, tomorrow, limited).id == "q-mc"  # type: ignore[union-attr]


def test_retried_answer_key_counts_once(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    first = answer(session, user_id, "q-mc", now, settings, key="same", chosen=0)
    again = answer(
        session, user_id, "q-mc", now + timedelta(seconds=5), settings, key="same", chosen=1
    )
    assert again.replayed and not first.replayed
    assert (again.review_id, again.correct, again.due) == (first.review_id, False, first.due)
    assert session.scalar(select(func.count(ReviewLog.id))) == 1
    with pytest.raises(study.StudyError, match="another question"):
        answer(session, user_id, "q-tf", now, settings, key="same", chosen=1)


def test_rerate_to_easy_and_back_is_idempotent(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    good = answer(session, user_id, "q-mc", now, settings, chosen=1)
    easy = study.rerate(session, user_id=user_id, review_id=good.review_id, rating=Rating.Easy,
                        now=now, settings=settings)  # fmt: skip
    assert easy.due > good.due
    twice = study.rerate(session, user_id=user_id, review_id=good.review_id, rating=Rating.Easy,
                         now=now, settings=settings)  # fmt: skip
    assert twice.due == easy.due
    with pytest.raises(study.StudyError):
        study.rerate(session, user_id=user_id, review_id=good.review_id, rating=Rating.Again,
                     now=now, settings=settings)  # fmt: skip
    wrong = answer(session, user_id, "q-tf", now, settings, chosen=0)
    with pytest.raises(study.StudyError, match="wrong answer"):
        study.rerate(session, user_id=user_id, review_id=wrong.review_id, rating=Rating.Easy,
                     now=now, settings=settings)  # fmt: skip


def test_undo_restores_the_card(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    first = answer(session, user_id, "q-mc", now, settings, chosen=1)
    before = session.get(CardState, (user_id, "q-mc"))
    assert before is not None
    snapshot = (before.state, before.due, before.reps)
    later = now + timedelta(days=10)
    second = answer(session, user_id, "q-mc", later, settings, chosen=0)
    assert study.last_undoable(session, user_id, deck_id).id == second.review_id  # type: ignore[union-attr]
    study.undo(session, user_id=user_id, review_id=second.review_id, now=later)
    session.commit()
    restored = session.get(CardState, (user_id, "q-mc"))
    assert restored is not None and (restored.state, restored.due, restored.reps) == snapshot
    study.undo(session, user_id=user_id, review_id=second.review_id, now=later)  # no-op
    study.undo(session, user_id=user_id, review_id=first.review_id, now=later)
    session.commit()
    assert session.get(CardState, (user_id, "q-mc")) is None
    assert study.next_card(session, user_id, deck_id, later, settings).id == "q-flash"  # type: ignore[union-attr]
    assert (
        session.scalar(select(func.count(ReviewLog.id)).where(ReviewLog.undone_at.is_(None))) == 0
    )


def test_other_learners_reviews_are_not_found(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    mine = answer(session, user_id, "q-mc", now, settings, chosen=1)
    other = User()
    session.add(other)
    session.commit()
    with pytest.raises(study.NotFound):
        study.undo(session, user_id=other.id, review_id=mine.review_id, now=now)
    with pytest.raises(study.NotFound):
        study.rerate(session, user_id=other.id, review_id=mine.review_id, rating=Rating.Easy,
                     now=now, settings=settings)  # fmt: skip
    assert study.next_card(session, other.id, deck_id, now, settings).id == "q-flash"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("qid", "response", "message"),
    [("q-mc", {}, "choose"), ("q-mc", {"chosen": 7}, "choose"), ("q-cloze", {}, "type"),
     ("q-flash", {}, "rating")],
)  # fmt: skip
def test_malformed_responses_are_refused(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings,
    qid: str, response: dict[str, object], message: str,
) -> None:  # fmt: skip
    with pytest.raises(study.StudyError, match=message):
        answer(session, user_id, qid, now, settings, **response)


def test_day_start_rolls_over_at_the_configured_hour(now: datetime) -> None:
    assert study.day_start(now, 4) == now.replace(hour=4)
    early = now.replace(hour=2)
    assert study.day_start(early, 4) == now.replace(hour=4) - timedelta(days=1)


def test_override_of_a_typed_answer_counts_it_right(
    session: Session, deck_id: int, user_id: int, now: datetime, settings: StudySettings
) -> None:
    wrong = answer(session, user_id, "q-def", now, settings, typed="calcium deficiency")
    assert not wrong.correct
    right = study.override_as_right(
        session, user_id=user_id, review_id=wrong.review_id, settings=settings
    )
    assert right.correct and right.due > now + timedelta(days=1)
    log = study.get_review(session, user_id, wrong.review_id)
    assert study.overridden(log) and not study.graded_correct(log)
    mc = answer(session, user_id, "q-mc", now, settings, chosen=0)
    with pytest.raises(study.StudyError):  # a wrong choice is not the learner's call
        study.override_as_right(session, user_id=user_id, review_id=mc.review_id, settings=settings)

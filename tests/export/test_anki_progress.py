"""A learner's progress in their package, imported by the real Anki importer with scheduling
into a fresh collection: card by card the due date, FSRS memory, reps, lapses and review log
are what the web app said. And what Anki does not do: reschedule notes it already has."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki", reason="the anki package (pip install anki) is needed")

from anki.collection import Collection

from export.anki import AnkiOptions
from export.progress import CardProgress, LearnerProgress, ReviewRow, State, anki_day
from questions.model import Bank
from tests.export.anki_open import WITH_SCHEDULING, card_for, import_apkg, new_collection

pytestmark = pytest.mark.anki

NOW = datetime(2026, 11, 28, 15, 30, tzinfo=UTC)
# The learner's zone is the one this machine's Anki counts days in.
ZONE = datetime.now().astimezone().tzinfo or UTC
DAY = timedelta(days=1)


def reviews(question_id: str, ratings: list[int], states: list[State]) -> list[ReviewRow]:
    """One answer a day, ending a day ago, each after the one before."""
    start = NOW - DAY * len(ratings)
    return [
        ReviewRow(
            question_id=question_id,
            reviewed_at=start + DAY * i + timedelta(seconds=i),
            rating=rating,
            state_before=state,
            interval_before=None if state == State.NEW else DAY,
            interval_after=DAY * (i + 1) if rating > 1 else timedelta(minutes=10),
            duration_ms=4200 + i,
            difficulty_after=5.0,
        )
        for i, (rating, state) in enumerate(zip(ratings, states, strict=True))
    ]


def learner() -> LearnerProgress:
    cards = {
        "q-flash": CardProgress(State.REVIEW, NOW + 5 * DAY, 8.31415, 5.12345, NOW - 3 * DAY, 3),
        "q-cloze": CardProgress(State.REVIEW, NOW - 2 * DAY, 2.5, 7.25, NOW - 4 * DAY, 2),
        "q-mc": CardProgress(State.LEARNING, NOW + timedelta(minutes=1), 0.4, 7.9, NOW, 1),
        "q-tf-false": CardProgress(
            State.RELEARNING, NOW + timedelta(minutes=10), 1.2, 8.8, NOW, 4, lapses=1, step=0
        ),
        "q-mc4": CardProgress(State.REVIEW, NOW + 9 * DAY, 20.0, 3.0, NOW - DAY, 2),
    }
    r, n = State.REVIEW, State.NEW
    rows = [
        *reviews("q-flash", [3, 3, 4], [n, r, r]),
        *reviews("q-cloze", [3, 3], [n, r]),
        *reviews("q-mc", [1], [n]),
        *reviews("q-tf-false", [3, 3, 3, 1], [n, r, r, r]),
        *reviews("q-mc4", [4, 3], [n, r]),
        *reviews("not-in-the-deck", [3], [n]),
    ]
    return LearnerProgress(cards=cards, reviews=tuple(rows), time_zone=ZONE, desired_retention=0.9)


@pytest.fixture
def col(tmp_path: Path) -> Any:
    collection = new_collection(tmp_path / "learner")
    yield collection
    collection.close()


def revlog(col: Collection, card_id: int) -> list[tuple[int, ...]]:
    assert col.db is not None
    sql = "select id, ease, ivl, lastIvl, time, type from revlog where cid = ? order by id"
    return [tuple(row) for row in col.db.all(sql, card_id)]


def expected_due(progress: CardProgress, col: Collection) -> int:
    if progress.state != State.REVIEW:
        return int(progress.due.timestamp())
    today = datetime.now(UTC)
    return col.sched.today + anki_day(progress.due, ZONE, 4) - anki_day(today, ZONE, 4)


def test_progress_arrives_card_by_card(col: Collection, bank: Bank, tmp_path: Path) -> None:
    progress = learner()
    options = AnkiOptions(progress=progress, retired={"q-mc4": "Dropped."})
    import_apkg(col, bank, tmp_path / "mine.apkg", NOW, WITH_SCHEDULING, options)
    for question in bank.questions:
        card = card_for(col, question)
        state = progress.cards.get(question.id)
        rows = [r for r in progress.reviews if r.question_id == question.id]
        assert len(revlog(col, card.id)) == len(rows), question.id
        if state is None:
            assert (card.type, card.queue, card.reps, card.memory_state) == (0, 0, 0, None)
            continue
        assert card.type == state.state
        assert card.queue == (-1 if question.id == "q-mc4" else {2: 2}.get(state.state, 1))
        assert card.due == expected_due(state, col), question.id
        assert (card.reps, card.lapses) == (state.reps, state.lapses)
        assert card.memory_state.stability == pytest.approx(state.stability, abs=1e-4)
        assert card.memory_state.difficulty == pytest.approx(state.difficulty, abs=1e-3)
        assert [(row[1], row[4]) for row in revlog(col, card.id)] == [
            (r.rating, r.duration_ms) for r in rows
        ]


def test_review_log_rows_say_kind_and_intervals(
    col: Collection, bank: Bank, tmp_path: Path
) -> None:
    import_apkg(
        col, bank, tmp_path / "mine.apkg", NOW, WITH_SCHEDULING, AnkiOptions(progress=learner())
    )
    card = card_for(col, bank.by_id()["q-tf-false"])
    rows = revlog(col, card.id)
    assert [row[5] for row in rows] == [0, 1, 1, 1]  # learning, then reviews
    assert [row[2] for row in rows] == [1, 2, 3, -600]  # days, or negative seconds
    assert [row[3] for row in rows] == [0, 1, 1, 1]
    first = datetime.fromtimestamp(rows[0][0] / 1000, UTC)
    assert first == NOW - 4 * DAY


def test_anki_keeps_the_schedule_of_notes_it_already_has(
    col: Collection, bank: Bank, tmp_path: Path
) -> None:
    import_apkg(col, bank, tmp_path / "plain.apkg", NOW - DAY)
    import_apkg(
        col, bank, tmp_path / "mine.apkg", NOW, WITH_SCHEDULING, AnkiOptions(progress=learner())
    )
    card = card_for(col, bank.by_id()["q-flash"])
    assert (card.type, card.queue, card.reps) == (0, 0, 0)
    assert revlog(col, card.id) == []

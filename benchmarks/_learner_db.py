"""The web level of ``bench_export.py``: a SQLite database holding a synthetic bank and one
learner who studied every card, and the two downloads timed on it as the web views make them
(``quizapp.decks.downloads``): the plain deck, and "take my progress to Anki" (the history
read through ``quizapp.services.learner_progress``). Imported as ``_learner_db``, like
``_server``.

The history is consistent: card ``i`` was answered Good ``reviews`` times, each answer due
again when the next one came, the last one ``i % 30`` days before ``now``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from sqlalchemy import insert

from questions.model import Bank
from quizapp import create_app
from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.db.models import CardState, Deck, ReviewLog, User
from quizapp.db.schema import prepare_database
from quizapp.services.export_sets import deck_set
from quizapp.services.exports import export_file
from quizapp.services.learner_progress import learner_progress
from quizapp.services.settings import settings_for

STABILITY, DIFFICULTY = 3.5, 5.2


@contextmanager
def learner_database(
    bank: Bank, reviews: int, folder: Path, now: datetime
) -> Iterator[tuple[Callable[[], object], Callable[[], object]]]:
    """(plain download, per-learner download) over a fresh database in ``folder``."""
    app = create_app(
        {"DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}", "AUTO_BOOTSTRAP": False}
    )
    prepare_database(app)
    with app.app_context():
        try:
            deck_id, user_id = _fill(bank, reviews, now)
            export_file(
                db.session, deck_set(db.session, db.session.get(Deck, deck_id)), "anki", now
            )
            db.session.commit()  # the change ledger as after a first download: the steady state
            _check(app, deck_id, user_id, now, len(bank.questions) * reviews)
            yield _downloads(app, deck_id, user_id, now)
        finally:
            db.session.remove()
            db.engine.dispose()


def _check(app: Flask, deck_id: int, user_id: int, now: datetime, expected: int) -> None:
    """The learner's package will carry the whole history (else the figures mean nothing)."""
    settings = settings_for(app.config, db.session.get(User, user_id))
    progress = learner_progress(db.session, user_id, deck_id, settings, now)
    if len(progress.reviews) != expected:
        raise SystemExit(
            f"expected {expected} reviews in the history, read {len(progress.reviews)}"
        )


def _downloads(
    app: Flask, deck_id: int, user_id: int, now: datetime
) -> tuple[Callable[[], object], Callable[[], object]]:
    def plain() -> object:
        deck = db.session.get(Deck, deck_id)
        made = export_file(db.session, deck_set(db.session, deck), "anki", now)
        db.session.rollback()
        return made

    def mine() -> object:  # as quizapp.decks.downloads.progress_file
        deck, user = db.session.get(Deck, deck_id), db.session.get(User, user_id)
        progress = learner_progress(
            db.session, user_id, deck_id, settings_for(app.config, user), now
        )
        chosen = deck_set(db.session, deck)
        made = export_file(db.session, chosen, "anki", now, progress=progress, learner="ada")
        db.session.rollback()
        return made

    return plain, mine


def _fill(bank: Bank, reviews: int, now: datetime) -> tuple[int, int]:
    import_bank(db.session, bank, now)
    user = User(username="ada")
    db.session.add(user)
    db.session.flush()
    cards, logs = [], []
    for i, question in enumerate(bank.questions):
        times = _answer_times(i, reviews, now)
        cards.append(_card(user.id, question.id, times, reviews))
        logs.extend(_log(user.id, question.id, times, k) for k in range(reviews))
    db.session.execute(insert(CardState), cards)
    db.session.execute(insert(ReviewLog), logs)
    deck = db.session.query(Deck).filter_by(slug=bank.deck.slug).one()
    db.session.commit()
    return deck.id, user.id


def _answer_times(i: int, reviews: int, now: datetime) -> list[datetime]:
    """When card ``i`` was answered, oldest first, then when it is due: answer k set the card
    due k + 1 days on, and the next answer came then; the last came ``i % 30`` days ago."""
    times = [now - timedelta(days=i % 30 - reviews, seconds=i)]
    for k in range(reviews - 1, -1, -1):
        times.insert(0, times[0] - timedelta(days=k + 1))
    return times


def _card(user_id: int, qid: str, times: list[datetime], reviews: int) -> dict[str, Any]:
    return dict(
        user_id=user_id, question_id=qid, state=2, step=None, stability=STABILITY,
        difficulty=DIFFICULTY, due=times[-1], last_review=times[-2], reps=reviews, lapses=0,
    )  # fmt: skip


def _log(user_id: int, qid: str, times: list[datetime], k: int) -> dict[str, Any]:
    previous = None
    if k > 0:
        previous = {
            "state": 2, "step": None, "stability": STABILITY, "difficulty": DIFFICULTY,
            "due": times[k].isoformat(), "last_review": times[k - 1].isoformat(),
            "reps": k, "lapses": 0,
        }  # fmt: skip
    return dict(
        user_id=user_id, question_id=qid, answer_key=f"{qid}-{k}", source="study", rating=3,
        correct=True, reviewed_at=times[k], duration_ms=5000, state_before=2 if k else 0,
        prev_card=previous, due_after=times[k + 1], undone_at=None,
    )  # fmt: skip

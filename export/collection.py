"""What genanki does not write into a package's collection: per-note modification times, the
note types' fixed modification time, the scheduler settings, and a learner's progress.

genanki stamps every note, card and note type with one timestamp. Anki updates an existing
note on import only if the incoming one is newer, so that stamp decides what a re-import
overwrites: here each note gets the time its question last changed instead, and the note
types get ``notetypes.CHANGED_AT``. Everything runs as SQL over the in-memory collection
that ``export.anki`` builds, before it is zipped.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime

from export.ids import note_guid
from export.notetypes import CHANGED_AT
from export.progress import LearnerProgress, ReviewRow, card_columns, revlog_columns
from questions.model import Bank

_CARD_COLUMNS = ("type", "queue", "due", "ivl", "factor", "reps", "lapses", "left", "data")
_REVLOG_COLUMNS = ("ease", "ivl", "lastIvl", "factor", "time", "type")


def set_note_times(db: sqlite3.Cursor, bank: Bank, changed: Mapping[str, datetime]) -> None:
    """Each note's ``mod``: when its question last changed (questions not in ``changed``
    keep the export time genanki gave them)."""
    slug = bank.deck.slug
    rows = [
        (int(changed[q.id].timestamp()), note_guid(slug, q.id))
        for q in bank.questions
        if q.id in changed
    ]
    db.executemany("update notes set mod = ? where guid = ?", rows)


def set_collection_config(db: sqlite3.Cursor, rollover_hour: int) -> None:
    """Declare the v2 scheduler's day numbering (else Anki would "upgrade" the package as a
    v1 collection on import, rewriting learning reviews' ratings) and fix the note types'
    modification time."""
    conf_text, models_text = db.execute("select conf, models from col").fetchone()
    conf = json.loads(conf_text)
    conf.update({"schedVer": 2, "rollover": rollover_hour, "creationOffset": 0})
    models = json.loads(models_text)
    for model in models.values():
        model["mod"] = int(CHANGED_AT.timestamp())
    db.execute("update col set conf = ?, models = ?", (json.dumps(conf), json.dumps(models)))


def write_progress(
    db: sqlite3.Cursor, bank: Bank, learner: LearnerProgress, suspended: Iterable[str]
) -> None:
    """The learner's scheduling on each card they have studied, and their review log.

    The cards of ``suspended`` questions (retired ones) keep their schedule but stay
    suspended (queue -1), as Anki suspends a card.
    """
    cards = card_ids(db, bank)
    keep_suspended = set(suspended)
    updates = []
    for question_id, progress in learner.cards.items():
        if question_id in cards:
            columns = card_columns(progress, learner)
            if question_id in keep_suspended:
                columns["queue"] = -1
            updates.append([*(columns[c] for c in _CARD_COLUMNS), cards[question_id]])
    assignments = ", ".join(f"{c} = ?" for c in _CARD_COLUMNS)
    db.executemany(f"update cards set {assignments} where id = ?", updates)
    db.executemany(
        f"insert into revlog (id, cid, usn, {', '.join(_REVLOG_COLUMNS)}) "
        f"values (?, ?, -1, {', '.join('?' * len(_REVLOG_COLUMNS))})",
        _revlog_rows(learner.reviews, cards),
    )


def card_ids(db: sqlite3.Cursor, bank: Bank) -> dict[str, int]:
    """Question id → the id of its (one) card in the package."""
    by_guid = {note_guid(bank.deck.slug, q.id): q.id for q in bank.questions}
    rows = db.execute("select notes.guid, cards.id from cards join notes on cards.nid = notes.id")
    return {by_guid[guid]: cid for guid, cid in rows if guid in by_guid}


def _revlog_rows(reviews: Iterable[ReviewRow], cards: Mapping[str, int]) -> list[list[int]]:
    rows: list[list[int]] = []
    last_id = 0
    for review in sorted(reviews, key=lambda r: r.reviewed_at):
        if review.question_id not in cards:
            continue
        # The id is the review time in milliseconds; Anki skips a row whose id it has.
        row_id = max(int(review.reviewed_at.timestamp() * 1000), last_id + 1)
        last_id = row_id
        columns = revlog_columns(review)
        rows.append([row_id, cards[review.question_id], *(columns[c] for c in _REVLOG_COLUMNS)])
    return rows

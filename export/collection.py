"""What genanki does not write into a package's collection: per-note modification times, the
note types' fixed modification time, the scheduler settings, and a learner's review log.

genanki stamps every note, card and note type with one timestamp. Anki updates an existing
note on import only if the incoming one is newer, so that stamp decides what a re-import
overwrites: here each note gets the time its question last changed instead, and the note
types get ``notetypes.CHANGED_AT``. Everything runs as SQL over the in-memory collection
that ``export.anki`` builds, before it is zipped.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator, Mapping
from datetime import datetime

from export.notetypes import CHANGED_AT
from export.progress import REVLOG_COLUMNS, LearnerProgress, revlog_rows
from questions.model import Bank


def note_and_card_ids(db: sqlite3.Cursor, bank: Bank) -> dict[str, tuple[int, int]]:
    """Question id → (note id, card id) in the package.

    genanki writes the notes in the bank's order with rising ids, one card each, so the
    order of the ids is the order of the questions (cheaper than recomputing 10,000 GUIDs).
    """
    rows = db.execute("select n.id, c.id from notes n join cards c on c.nid = n.id order by n.id")
    ids = [(nid, cid) for nid, cid in rows]
    if len(ids) != len(bank.questions):
        raise AssertionError("expected one note and one card per question")
    return {q.id: pair for q, pair in zip(bank.questions, ids, strict=True)}


def set_note_times(
    db: sqlite3.Cursor, ids: Mapping[str, tuple[int, int]], changed: Mapping[str, datetime]
) -> None:
    """Each note's ``mod``: when its question last changed (questions not in ``changed``
    keep the export time genanki gave them)."""
    rows = [(int(when.timestamp()), ids[qid][0]) for qid, when in changed.items() if qid in ids]
    db.executemany("update notes set mod = ? where id = ?", rows)


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


def write_review_log(
    db: sqlite3.Cursor, ids: Mapping[str, tuple[int, int]], learner: LearnerProgress
) -> None:
    """The learner's review log (their cards' scheduling is written with the cards, by
    ``export.cards.ScheduledCard``)."""
    rows = revlog_rows(learner.reviews, {qid: pair[1] for qid, pair in ids.items()})
    # Indexing 50,000 rows at the end costs a third of indexing them one by one.
    db.execute("drop index ix_revlog_usn")
    db.execute("drop index ix_revlog_cid")
    whole = len(rows) - len(rows) % _BATCH
    db.executemany(_insert_revlog(_BATCH), _batches(rows[:whole]))
    db.executemany(_insert_revlog(1), rows[whole:])
    db.execute("create index ix_revlog_usn on revlog (usn)")  # as genanki's schema has them
    db.execute("create index ix_revlog_cid on revlog (cid)")


# Rows per insert statement: SQLite then runs one statement per 100 rows instead of one
# per row, which halves the insert's time; the rows go in in the same order, so the
# package is the same byte for byte (9 parameters a row stay far below SQLite's limit).
_BATCH = 100


def _insert_revlog(rows: int) -> str:
    values = f"(?, ?, -1, {', '.join('?' * len(REVLOG_COLUMNS))})"
    return f"insert into revlog (id, cid, usn, {', '.join(REVLOG_COLUMNS)}) values " + ", ".join(
        [values] * rows
    )


def _batches(rows: list[tuple[int, ...]]) -> Iterator[tuple[int, ...]]:
    """``rows`` (a multiple of ``_BATCH`` long) flattened into one parameter tuple per batch."""
    for start in range(0, len(rows), _BATCH):
        yield tuple(itertools.chain.from_iterable(rows[start : start + _BATCH]))

"""When each note of an Anki export last changed, kept in the database between exports.

``note_times`` advances the deck's ledger (``quizapp.db.export_ledger``) with
``export.changes.track_changes`` and returns the times to pass as ``AnkiOptions.changed_at``:
an unchanged question keeps its time, so re-importing an unchanged deck updates no note in
Anki, and a changed one gets ``now``, so exactly its note updates. The web downloads and
``quizapp export anki`` both go through here, so they agree. A subset (a section, an
assignment) advances only its own questions' entries.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from export.changes import NoteVersion, changed_at, track_changes
from questions.model import Bank
from quizapp.db.export_ledger import PLAIN, TYPED, NoteVersionRow
from quizapp.db.session import DbSession


def note_times(
    session: DbSession,
    bank: Bank,
    now: datetime,
    *,
    retired: Mapping[str, str] | None = None,
    type_answer: bool = False,
) -> dict[str, datetime]:
    """The notes' modification times for exporting ``bank`` now; the ledger is updated
    (flushed, not committed). Two exports racing to add the same row: the loser re-reads."""
    variant = TYPED if type_answer else PLAIN
    try:
        with session.begin_nested():
            return _advance(session, bank, now, variant, retired or {}, type_answer)
    except IntegrityError:
        return _advance(session, bank, now, variant, retired or {}, type_answer)


def _advance(
    session: DbSession,
    bank: Bank,
    now: datetime,
    variant: str,
    retired: Mapping[str, str],
    type_answer: bool,
) -> dict[str, datetime]:
    ids = [q.id for q in bank.questions]
    rows = {
        row.question_id: row
        for row in session.scalars(
            select(NoteVersionRow).where(
                NoteVersionRow.deck_slug == bank.deck.slug,
                NoteVersionRow.variant == variant,
                NoteVersionRow.question_id.in_(ids),
            )
        )
    }
    previous = {qid: NoteVersion(row.digest, row.changed_at) for qid, row in rows.items()}
    ledger = track_changes(bank, previous, now, retired=retired, type_answer=type_answer)
    for qid, version in ledger.items():
        row = rows.get(qid)
        if row is None:
            session.add(
                NoteVersionRow(
                    deck_slug=bank.deck.slug,
                    variant=variant,
                    question_id=qid,
                    digest=version.digest,
                    changed_at=version.changed_at,
                )
            )
        elif row.digest != version.digest:
            row.digest, row.changed_at = version.digest, version.changed_at
    session.flush()
    return changed_at(ledger)

"""When each question last changed, as Anki must see it: the notes' modification times.

Anki updates a note it already has only if the incoming note's modification time is newer
(whole seconds). Stamping every note with the export time therefore updated every note on
every import and overwrote the learner's own edits; stamping it with when the question last
changed updates exactly the notes that changed.

A bank says *what* its questions are, not *when* each changed, so the caller keeps a small
ledger: question id → ``NoteVersion`` (the digest of the note as exported and the time it
last differed). ``track_changes`` advances it from one export to the next; its
``changed_at`` feeds ``AnkiOptions.changed_at``. The digest covers what Anki stores of the
note (note type, fields, tags), so a change in how the exporter renders a note counts as a
change too, and a retirement does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from export.notes import make_note
from questions.model import Bank, Question

# Anki compares modification times in whole seconds.
_TICK = timedelta(seconds=1)


@dataclass(frozen=True)
class NoteVersion:
    """What a question's note was at its last change, and when that was (aware)."""

    digest: str
    changed_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {"digest": self.digest, "changed_at": self.changed_at.isoformat()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> NoteVersion:
        return cls(data["digest"], datetime.fromisoformat(data["changed_at"]))


def note_digest(
    question: Question, deck_slug: str, *, retired: str | None = None, type_answer: bool = False
) -> str:
    """A digest of the note as Anki will store it: note type id, fields and tags."""
    note = make_note(question, deck_slug, retired=retired, type_answer=type_answer)
    payload = json.dumps([note.model.model_id, note.fields, sorted(note.tags)])
    return hashlib.sha256(payload.encode()).hexdigest()[:24]


def track_changes(
    bank: Bank,
    previous: Mapping[str, NoteVersion],
    now: datetime,
    *,
    retired: Mapping[str, str] | None = None,
    type_answer: bool = False,
) -> dict[str, NoteVersion]:
    """The ledger after this export: unchanged notes keep their time; new or changed ones
    get ``now``, or one second past their previous time if that is not earlier (so a
    change made within the same second as the last one still reads as newer)."""
    reasons = retired or {}
    ledger: dict[str, NoteVersion] = {}
    for question in bank.questions:
        digest = note_digest(
            question, bank.deck.slug, retired=reasons.get(question.id), type_answer=type_answer
        )
        before = previous.get(question.id)
        if before is not None and before.digest == digest:
            ledger[question.id] = before
        else:
            floor = before.changed_at + _TICK if before is not None else now
            ledger[question.id] = NoteVersion(digest, max(now, floor))
    return ledger


def changed_at(ledger: Mapping[str, NoteVersion]) -> dict[str, datetime]:
    """The ledger as ``AnkiOptions.changed_at``."""
    return {question_id: version.changed_at for question_id, version in ledger.items()}

"""The Anki change ledger: per deck, when each question's note last changed.

Anki updates a note it already has only if the incoming note's modification time is newer,
so every export (web or CLI) stamps each note with the time its content last changed, kept
here (``export.changes.NoteVersion``: a digest of the note as exported and that time).

Keyed by the deck's slug, not its row: the slug is what the notes' GUIDs come from, and the
CLI exports bank files whose deck may never have been imported. ``variant`` keeps the plain
and the type-in note types apart (switching between them must not bump every note).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from quizapp.db.base import db
from quizapp.db.models import QUESTION_ID_MAX
from quizapp.db.timecol import UTCDateTime

PLAIN = "plain"
TYPED = "typed"


class NoteVersionRow(db.Model):  # type: ignore[name-defined]
    __tablename__ = "export_note_version"

    deck_slug: Mapped[str] = mapped_column(String(100), primary_key=True)
    variant: Mapped[str] = mapped_column(String(10), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(QUESTION_ID_MAX), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)

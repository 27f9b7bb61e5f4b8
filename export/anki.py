"""Bank → Anki package (.apkg), written to a path or to any binary stream, in memory.

genanki's own ``Package.write_to_file`` builds the collection in a temporary file it never
deletes; here the same collection is built in an in-memory SQLite database and zipped
straight into the output, so exporting leaves nothing behind. Writing to a path goes
through ``export.files.write_atomically``, so a failed export never leaves half a package.

``AnkiOptions`` says what else goes in: when each question last changed (the notes'
modification times, which decide what a re-import updates), which questions are retired
and why, the type-in note types, and one learner's progress (scheduling and review log).
"""

from __future__ import annotations

import io
import itertools
import os
import sqlite3
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import genanki

from export import collection
from export.cards import ScheduledCard
from export.files import write_atomically
from export.ids import deck_id
from export.markup import field_html
from export.notes import make_note
from export.progress import LearnerProgress, card_columns
from questions.model import Bank


@dataclass(frozen=True)
class AnkiOptions:
    """What a package carries besides the bank's questions.

    - ``changed_at``: question id → when that question last changed (aware). It becomes
      the note's modification time; Anki updates a note it already has only if this is
      newer, so an unchanged question never overwrites a learner's edits. Questions not
      listed get the export time (``export.changes.track_changes`` keeps these times).
    - ``retired``: question id → why it was retired. Those questions (they must be in the
      bank) become suspended cards tagged ``retired`` with the reason on the back.
    - ``type_answer``: flashcards and clozes use the "type the answer" note types.
    - ``progress``: one learner's scheduling and review log, for a per-learner package.
    """

    changed_at: Mapping[str, datetime] = field(default_factory=dict)
    retired: Mapping[str, str] = field(default_factory=dict)
    type_answer: bool = False
    progress: LearnerProgress | None = None


PLAIN = AnkiOptions()


def apkg_bytes(bank: Bank, *, now: datetime | None = None, options: AnkiOptions = PLAIN) -> bytes:
    """The whole .apkg as bytes (for a download response)."""
    buffer = io.BytesIO()
    write_apkg(bank, buffer, now=now, options=options)
    return buffer.getvalue()


def package_filename(bank: Bank) -> str:
    """The file name to offer for a download or to write by default: ``<deck slug>.apkg``."""
    return f"{bank.deck.slug}.apkg"


def write_apkg(
    bank: Bank,
    out: BinaryIO | str | os.PathLike[str],
    *,
    now: datetime | None = None,
    options: AnkiOptions = PLAIN,
) -> None:
    """Write ``bank`` as an Anki package to a file path or a writable binary stream.

    ``now`` (aware; default: the real clock) numbers the notes and cards and stamps the
    notes whose change time ``options.changed_at`` does not give.
    """
    when = _aware(now)
    for moment in options.changed_at.values():
        _aware(moment)
    collection = collection_bytes(bank, when, options)
    if isinstance(out, str | os.PathLike):
        write_atomically(Path(out), lambda stream: _zip(stream, collection, when))
    else:
        _zip(out, collection, when)


def build_deck(bank: Bank, options: AnkiOptions = PLAIN) -> genanki.Deck:
    unknown = set(options.retired) - {q.id for q in bank.questions}
    if unknown:
        raise ValueError(f"retired questions not in the bank: {', '.join(sorted(unknown))}")
    deck = genanki.Deck(deck_id(bank.deck.slug), bank.deck.name, description=deck_description(bank))
    studied = studied_cards(bank, options.progress)
    for question in bank.questions:
        retired = options.retired.get(question.id)
        note = make_note(question, bank.deck.slug, retired=retired, type_answer=options.type_answer)
        columns = studied.get(question.id)
        if columns is not None:
            note.cards = [ScheduledCard(columns, retired is not None)]
        deck.add_note(note)
    return deck


def studied_cards(bank: Bank, learner: LearnerProgress | None) -> dict[str, tuple[int | str, ...]]:
    """Question id → the ``cards`` columns of each question the learner has studied.

    Worked out in a loop of their own before the notes are made: interleaved with making
    the notes, the same work took half as long again (benchmarks/bench_export.py)."""
    if learner is None:
        return {}
    cards = learner.cards
    return {q.id: card_columns(cards[q.id], learner) for q in bank.questions if q.id in cards}


def deck_description(bank: Bank) -> str:
    origin = f"Made by quizapp from the article “{field_html(bank.article.title)}”"
    if bank.content_version:
        origin += f" (questions version {field_html(bank.content_version)})"
    parts = [field_html(bank.deck.description), origin + "."]
    return "".join(f"<p>{part}</p>" for part in parts if part)


def collection_bytes(bank: Bank, when: datetime, options: AnkiOptions = PLAIN) -> bytes:
    """The package's collection.anki2 (Anki's legacy schema 11, which every client imports)."""
    timestamp = when.timestamp()
    connection = sqlite3.connect(":memory:")
    try:
        package = genanki.Package(build_deck(bank, options))
        cursor = connection.cursor()
        # genanki numbers notes and cards from the timestamp in milliseconds, as write_to_file does.
        package.write_to_db(cursor, timestamp, itertools.count(int(timestamp * 1000)))
        learner = options.progress
        collection.set_collection_config(cursor, learner.rollover_hour if learner else 4)
        if options.changed_at or learner is not None:
            ids = collection.note_and_card_ids(cursor, bank)
            collection.set_note_times(cursor, ids, options.changed_at)
            if learner is not None:
                collection.write_review_log(cursor, ids, learner)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def _zip(stream: BinaryIO, collection: bytes, when: datetime) -> None:
    # Stored, not deflated, as genanki does: deflating costs more time than the whole rest of
    # the export's overhead over plain genanki (see benchmarks/bench_export.py).
    stamp = when.astimezone(UTC).timetuple()[:6]
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_STORED) as package:
        for name, data in (("collection.anki2", collection), ("media", b"{}")):
            package.writestr(zipfile.ZipInfo(name, date_time=stamp), data)


def _aware(now: datetime | None) -> datetime:
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("times must be aware datetimes (use datetime.now(UTC))")
    return now

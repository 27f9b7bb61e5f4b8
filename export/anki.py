"""Bank → Anki package (.apkg), written to a path or to any binary stream, in memory.

genanki's own ``Package.write_to_file`` builds the collection in a temporary file it never
deletes; here the same collection is built in an in-memory SQLite database and zipped
straight into the output, so exporting leaves nothing behind. Writing to a path goes
through ``export.files.write_atomically``, so a failed export never leaves half a package.
"""

from __future__ import annotations

import io
import itertools
import os
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import genanki

from export.files import write_atomically
from export.ids import deck_id
from export.markup import field_html
from export.notes import make_note
from questions.model import Bank


def apkg_bytes(bank: Bank, *, now: datetime | None = None) -> bytes:
    """The whole .apkg as bytes (for a download response)."""
    buffer = io.BytesIO()
    write_apkg(bank, buffer, now=now)
    return buffer.getvalue()


def package_filename(bank: Bank) -> str:
    """The file name to offer for a download or to write by default: ``<deck slug>.apkg``."""
    return f"{bank.deck.slug}.apkg"


def write_apkg(
    bank: Bank, out: BinaryIO | str | os.PathLike[str], *, now: datetime | None = None
) -> None:
    """Write ``bank`` as an Anki package to a file path or a writable binary stream.

    ``now`` (aware) stamps the notes' modification time: Anki updates an existing note on
    import only if the incoming one is newer, so the default is the real clock.
    """
    when = _aware(now)
    collection = collection_bytes(bank, when)
    if isinstance(out, str | os.PathLike):
        write_atomically(Path(out), lambda stream: _zip(stream, collection, when))
    else:
        _zip(out, collection, when)


def build_deck(bank: Bank) -> genanki.Deck:
    deck = genanki.Deck(deck_id(bank.deck.slug), bank.deck.name, description=deck_description(bank))
    for question in bank.questions:
        deck.add_note(make_note(question, bank.deck.slug))
    return deck


def deck_description(bank: Bank) -> str:
    origin = f"Made by quizapp from the article “{field_html(bank.article.title)}”"
    if bank.content_version:
        origin += f" (questions version {field_html(bank.content_version)})"
    parts = [field_html(bank.deck.description), origin + "."]
    return "".join(f"<p>{part}</p>" for part in parts if part)


def collection_bytes(bank: Bank, when: datetime) -> bytes:
    """The package's collection.anki2 (Anki's legacy schema 11, which every client imports)."""
    timestamp = when.timestamp()
    connection = sqlite3.connect(":memory:")
    try:
        package = genanki.Package(build_deck(bank))
        # genanki numbers notes and cards from the timestamp in milliseconds, as write_to_file does.
        package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
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
        raise ValueError("now must be an aware datetime (use datetime.now(UTC))")
    return now

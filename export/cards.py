"""A genanki card that is written with a learner's scheduling instead of as a new card.

genanki writes every card as new (type 0, queue 0). For a per-learner package the card's
columns come from ``export.progress.card_columns`` instead, written in the same insert
(updating 10,000 cards afterwards cost a tenth of the whole export).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import genanki

_INSERT = "insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)"


class ScheduledCard(genanki.Card):
    """The one card of a note, with ``columns`` as named by ``progress.CARD_COLUMNS``."""

    def __init__(self, columns: tuple[int | str, ...], suspend: bool = False) -> None:
        super().__init__(0, suspend=suspend)
        self.columns = columns

    def write_to_db(
        self,
        cursor: sqlite3.Cursor,
        timestamp: float,
        deck_id: int,
        note_id: int,
        id_gen: Iterator[int],
        due: int = 0,
    ) -> None:
        kind, queue, card_due, ivl, factor, reps, lapses, left, data = self.columns
        if self.suspend:  # a retired question's card keeps its schedule, suspended
            queue = -1
        row = (next(id_gen), note_id, deck_id, self.ord, int(timestamp), kind, queue, card_due)
        cursor.execute(_INSERT, (*row, ivl, factor, reps, lapses, left, data))

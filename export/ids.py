"""Anki identities of our decks, note types and notes: fixed forever, derived from stable inputs.

Anki recognises a re-imported note by its GUID and a note type by its id. Changing any value
here would make every learner's next import duplicate their deck instead of updating it.
"""

from __future__ import annotations

import hashlib

import genanki

from questions.model import Kind

# Chosen once at random in [2**30, 2**31) as genanki recommends. Never change them.
MODEL_IDS: dict[Kind, int] = {
    Kind.FLASHCARD: 1156319190,
    Kind.CLOZE: 1743786697,
    Kind.MULTIPLE_CHOICE: 1788038073,
    Kind.TRUE_FALSE: 1901940626,
}

# The type-in-the-answer variants (chosen once, like the above): their own ids, since Anki
# matches note types by id and these have other templates over the same fields.
TYPED_MODEL_IDS: dict[Kind, int] = {
    Kind.FLASHCARD: 1643964209,
    Kind.CLOZE: 1833394852,
}

_DECK_ID_LOW = 1 << 30
_DECK_ID_SPAN = 1 << 30


def deck_id(slug: str) -> int:
    """A deck id in genanki's recommended range, the same for the same slug on every machine."""
    digest = hashlib.sha256(f"quizapp-deck:{slug}".encode()).digest()
    return _DECK_ID_LOW + int.from_bytes(digest[:8], "big") % _DECK_ID_SPAN


def note_guid(slug: str, question_id: str) -> str:
    """The note GUID: from the question id (never its wording), namespaced by deck.

    The deck slug is part of it so two decks whose questions happen to share an id can
    never overwrite each other's notes in one Anki collection.
    """
    return str(genanki.guid_for("quizapp", slug, question_id))

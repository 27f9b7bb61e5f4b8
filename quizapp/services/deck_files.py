"""The files a deck can be downloaded as, built from the database with the owner's edits.

``edited_bank`` is the deck as stored (hand fixes are already applied to the rows), with a
fresh content version so ``quizapp check`` and ``quizapp import`` accept it. ``export_file``
serves the bank file itself and hands every other format to ``services.exports`` (the one
call into ``export/``: retired questions suspended and tagged in Anki, left out of text).
"""

from __future__ import annotations

from datetime import datetime

from questions.bankfile import dumps, with_content_version
from questions.model import Bank
from quizapp.db.banks import bank_from_db
from quizapp.db.models import Deck
from quizapp.db.session import DbSession
from quizapp.services import exports
from quizapp.services.export_sets import deck_set
from quizapp.services.exports import DeckFile

FORMATS = ("bank", "anki", "tsv", "gift")


def edited_bank(session: DbSession, deck: Deck) -> Bank:
    return with_content_version(bank_from_db(session, deck))


def export_file(session: DbSession, deck: Deck, fmt: str, now: datetime) -> DeckFile:
    """The deck in ``fmt`` (one of ``FORMATS``); an Anki package advances the change ledger
    (flushed: the caller commits)."""
    if fmt == "bank":
        bank = edited_bank(session, deck)
        return DeckFile(dumps(bank).encode(), "application/json", f"{bank.deck.slug}.bank.json")
    return exports.export_file(session, deck_set(session, deck), fmt, now)

"""The files a deck can be downloaded as, built from the database with the owner's edits.

``edited_bank`` is the deck as stored (hand fixes are already applied to the rows), with a
fresh content version so ``quizapp check`` and ``quizapp import`` accept it. ``export_file``
is the one place that calls the exporters (Anki, TSV, GIFT); retired questions are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from export.anki import apkg_bytes, package_filename
from export.gift import gift_text
from export.tsv import tsv_text
from questions.bankfile import dumps, with_content_version
from questions.model import Bank
from quizapp.db.banks import bank_from_db
from quizapp.db.models import Deck
from quizapp.db.session import DbSession

FORMATS = ("bank", "anki", "tsv", "gift")


@dataclass(frozen=True)
class DeckFile:
    body: bytes
    mimetype: str
    filename: str


def edited_bank(session: DbSession, deck: Deck) -> Bank:
    return with_content_version(bank_from_db(session, deck))


def export_file(session: DbSession, deck: Deck, fmt: str, now: datetime) -> DeckFile:
    """The deck in ``fmt`` (one of ``FORMATS``)."""
    bank = edited_bank(session, deck)
    slug = bank.deck.slug
    if fmt == "anki":
        body = apkg_bytes(bank, now=now)
        return DeckFile(body, "application/octet-stream", package_filename(bank))
    if fmt == "tsv":
        return DeckFile(tsv_text(bank).encode(), "text/tab-separated-values", f"{slug}.tsv")
    if fmt == "gift":
        return DeckFile(gift_text(bank).encode(), "text/plain", f"{slug}.gift.txt")
    return DeckFile(dumps(bank).encode(), "application/json", f"{slug}.bank.json")

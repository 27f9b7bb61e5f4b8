"""``quizapp import`` with owners: a slug is never taken over.

A bank updates the deck of its slug only when that deck is the same deck: the same owner
(none, or ``--owner``) and the same article (its text, or at least one question id in
common: a new version of it). Anything else — another owner's deck, or another article
that happens to have the same file name — gets a fresh slug (``-2``, ``-3``, …) and so a
deck of its own.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from sqlalchemy import select

from questions.model import Bank
from quizapp.db.banks import ImportResult, import_bank
from quizapp.db.models import Deck, Question, User
from quizapp.db.session import DbSession
from quizapp.services.accounts import normalise_username
from quizapp.services.deck_upload import free_slug


class UnknownOwner(LookupError):
    """``--owner`` names no registered account."""


def owner_id_of(session: DbSession, username: str | None) -> int | None:
    if username is None:
        return None
    found = session.scalar(select(User.id).where(User.username == normalise_username(username)))
    if found is None:
        raise UnknownOwner(f"no registered account is called {username!r}")
    return found


def import_owned(
    session: DbSession, bank: Bank, owner_id: int | None, now: datetime
) -> ImportResult:
    existing = session.scalar(select(Deck).where(Deck.slug == bank.deck.slug))
    if existing is not None and not _same_deck(session, existing, bank, owner_id):
        slug = free_slug(session, bank.deck.slug)
        bank = replace(bank, deck=replace(bank.deck, slug=slug))
    result = import_bank(session, bank, now)
    if result.created:
        deck = session.scalar(select(Deck).where(Deck.slug == result.slug))
        if deck is not None:
            deck.owner_id = owner_id
    return result


def _same_deck(session: DbSession, deck: Deck, bank: Bank, owner_id: int | None) -> bool:
    if deck.owner_id != owner_id:
        return False
    if deck.article_sha256 == bank.article.sha256:
        return True
    ids = [q.id for q in bank.questions]
    shared = session.scalar(
        select(Question.id).where(Question.deck_id == deck.id, Question.id.in_(ids)).limit(1)
    )
    return shared is not None

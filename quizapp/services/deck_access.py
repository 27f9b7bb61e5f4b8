"""Who may see and who may edit a deck.

* public decks: everyone sees them; private decks: their owner only (class members reach
  the assigned questions through their attempts, never through the deck pages);
* only the owner edits a deck; an ownerless deck (imported by the CLI) is edited by the
  CLI alone.

A private deck looks missing (``NotFound``) to everyone else, so its slug cannot be probed;
a public deck someone else owns is ``Forbidden`` to edit.
"""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.sql import ColumnElement

from quizapp.db.models import Deck
from quizapp.db.session import DbSession
from quizapp.services.study import NotFound

PUBLIC = "public"
PRIVATE = "private"
VISIBILITIES = (PRIVATE, PUBLIC)


class Forbidden(PermissionError):
    """The learner may see the deck but not change it (a 403)."""


def can_view(deck: Deck, user_id: int | None) -> bool:
    return deck.visibility == PUBLIC or (user_id is not None and deck.owner_id == user_id)


def visible_to(user_id: int | None) -> ColumnElement[bool]:
    """A WHERE clause: the decks ``user_id`` (None: a visitor) may list."""
    if user_id is None:
        return Deck.visibility == PUBLIC
    return or_(Deck.visibility == PUBLIC, Deck.owner_id == user_id)


def viewable_deck(session: DbSession, slug: str, user_id: int | None) -> Deck:
    deck = session.scalar(select(Deck).where(Deck.slug == slug))
    if deck is None or not can_view(deck, user_id):
        raise NotFound(slug)
    return deck


def owned_deck(session: DbSession, slug: str, user_id: int | None) -> Deck:
    """The deck ``user_id`` may edit; NotFound if they may not see it, Forbidden otherwise."""
    deck = viewable_deck(session, slug, user_id)
    if user_id is None or deck.owner_id != user_id:
        raise Forbidden(slug)
    return deck


def owned_decks(session: DbSession, user_id: int) -> list[Deck]:
    return list(session.scalars(select(Deck).where(Deck.owner_id == user_id).order_by(Deck.name)))

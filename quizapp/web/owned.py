"""The deck the current learner owns, or the right error page: 404 when they may not even
see it (a private deck), 403 when it is someone else's public deck (or an imported one)."""

from __future__ import annotations

from flask import abort

from quizapp.db.base import db
from quizapp.db.models import Deck
from quizapp.services.deck_access import Forbidden, owned_deck
from quizapp.services.study import NotFound
from quizapp.web.auth import current_user_id


def owned_deck_or_abort(slug: str) -> Deck:
    try:
        return owned_deck(db.session, slug, current_user_id())
    except NotFound:
        abort(404)
    except Forbidden:
        abort(403, "Only the deck's owner can change it.")

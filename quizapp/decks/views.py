"""Deck pages: list with today's counts, deck page, article view, "Download for Anki"."""

from __future__ import annotations

from flask import Blueprint, Response, render_template

from quizapp.db.base import db
from quizapp.decks import downloads
from quizapp.domain.siblings import gives_away
from quizapp.services import decks as deck_service
from quizapp.services.export_sets import deck_set
from quizapp.services.study import queue_counts
from quizapp.web import clock
from quizapp.web.auth import current_user_id
from quizapp.web.helpers import deck_or_404, study_settings

bp = Blueprint("decks", __name__)


@bp.get("/")
def index() -> str:
    summaries = deck_service.deck_summaries(
        db.session, current_user_id(), clock.now(), study_settings()
    )
    return render_template("decks/index.html", summaries=summaries)


@bp.get("/decks/<slug>")
def deck(slug: str) -> str:
    found = deck_or_404(slug)
    counts = queue_counts(db.session, current_user_id(), found.id, clock.now(), study_settings())
    sections = deck_service.sections(db.session, found.id)
    questions = deck_service.active_questions(db.session, found.id)
    spoils = gives_away(
        found.description, (q.sentence for q in questions), (q.answer for q in questions)
    )
    return render_template(
        "decks/deck.html",
        deck=found,
        counts=counts,
        sections=sections,
        tags=deck_service.tags(db.session, found.id),
        description="" if spoils else found.description,
    )


@bp.get("/decks/<slug>/article")
def article(slug: str) -> str:
    found = deck_or_404(slug)
    questions = deck_service.active_questions(db.session, found.id)
    spans = [
        (q.source_start, q.source_end, q.id) for q in questions if q.source_end > q.source_start
    ]
    blocks = deck_service.article_view(found.article_text, found.article_blocks, spans)
    by_id = {q.id: q for q in questions}
    return render_template("decks/article.html", deck=found, blocks=blocks, questions=by_id)


@bp.get("/decks/<slug>/anki.apkg")
def anki(slug: str) -> Response:
    """The whole deck as an Anki package (``quizapp.decks.downloads`` has every format)."""
    return downloads.send(deck_set(db.session, deck_or_404(slug)), "anki")

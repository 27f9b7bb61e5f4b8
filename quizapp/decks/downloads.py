"""Downloads: a deck, a section, a tag's questions, the learner's own weak cards or (teachers)
an assignment's questions as Anki, Anki/Quizlet text or Moodle GIFT, and "take my progress
to Anki" (the learner's own .apkg).

Thin views over ``quizapp.services.exports``: who may download what is decided here (the
deck must be visible to the learner, ``deck_or_404``; an assignment must be the teacher's
own, ``classroom.access``; weak cards are always the session's learner's); what goes in the
file is decided there. Building an Anki package advances the deck's change ledger, so these
GET views commit.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, request

from export.progress import LearnerProgress
from quizapp.classroom import access
from quizapp.classroom.errors import Forbidden, NotFound
from quizapp.db.base import db
from quizapp.db.models import Deck, User
from quizapp.services.export_sets import (
    ExportSet,
    assignment_set,
    deck_set,
    section_set,
    tag_set,
    weak_set,
)
from quizapp.services.exports import FORMATS, export_file
from quizapp.services.learner_progress import learner_progress
from quizapp.services.settings import settings_for
from quizapp.services.weak_cards import weak_question_ids
from quizapp.web import clock
from quizapp.web.auth import current_user
from quizapp.web.helpers import bad_request, deck_or_404

bp = Blueprint("downloads", __name__)


@bp.app_context_processor
def _formats() -> dict[str, object]:
    # The download forms (templates/decks/_downloads.html) list these on every page using them.
    return {"export_formats": FORMATS}


@bp.get("/decks/<slug>/download")
def deck_download(slug: str) -> Response:
    """``?format=`` one of ``FORMATS`` (default anki); ``&part=deck`` (the default),
    ``section:<name>``, ``tag:<name>`` or ``weak`` (the learner's own weak cards)."""
    deck = deck_or_404(slug)
    part = request.args.get("part", "deck")
    try:
        chosen = _part(deck, part)
    except NotFound:
        abort(404, _MISSING.get(part.split(":", 1)[0], "Nothing to download."))
    return send(chosen, _format())


_MISSING = {
    "section": "This deck has no such section.",
    "tag": "No question of this deck has that tag.",
    "weak": "You have no weak cards in this deck: none forgotten, none likely to be.",
}


def _part(deck: Deck, part: str) -> ExportSet:
    """The subset ``part`` names (``NotFound`` if it holds nothing; 400 if it is no part)."""
    if part == "deck":
        return deck_set(db.session, deck)
    if part.startswith("section:"):
        return section_set(db.session, deck, part.removeprefix("section:"))
    if part.startswith("tag:"):
        return tag_set(deck_set(db.session, deck), part.removeprefix("tag:"))
    if part == "weak":
        user = current_user()  # only ever the learner's own: no parameter names anyone else
        if user is None:
            raise NotFound(part)
        settings = settings_for(current_app.config, user).scheduler
        weak = weak_question_ids(db.session, user.id, deck.id, clock.now(), settings)
        return weak_set(deck_set(db.session, deck), weak, user.username or "guest")
    bad_request("part must be deck, section:<name>, tag:<name> or weak")


@bp.get("/decks/<slug>/my-progress.apkg")
def progress_download(slug: str) -> Response:
    """The whole deck with this learner's scheduling and review history."""
    deck = deck_or_404(slug)
    user = current_user()
    if user is None:
        abort(404, "You have no progress on this deck yet: study some cards first.")
    fmt = "anki-typein" if request.args.get("typein") == "1" else "anki"
    return progress_file(deck, user, fmt)


def progress_file(deck: Deck, user: User, fmt: str) -> Response:
    """Shared with the API: the learner's own package of ``deck``."""
    progress = learner_progress(
        db.session, user.id, deck.id, settings_for(current_app.config, user), clock.now()
    )
    return send(
        deck_set(db.session, deck), fmt, progress=progress, learner=user.username or "guest"
    )


@bp.get("/teach/assignments/<int:assignment_id>/download")
def assignment_download(assignment_id: int) -> Response:
    """The questions an assignment draws from; its teacher only."""
    try:
        assignment = access.teacher_assignment(db.session, current_user(), assignment_id)
    except NotFound:
        abort(404)
    except Forbidden as exc:
        abort(403, str(exc))
    return send(assignment_set(db.session, assignment), _format())


def send(
    chosen: ExportSet, fmt: str, progress: LearnerProgress | None = None, learner: str = ""
) -> Response:
    made = export_file(db.session, chosen, fmt, clock.now(), progress=progress, learner=learner)
    db.session.commit()  # the change ledger, advanced by an Anki package
    return Response(
        made.body,
        mimetype=made.mimetype,
        headers={
            "Content-Disposition": f'attachment; filename="{made.filename}"',
            "Cache-Control": "no-store",
        },
    )


def _format() -> str:
    fmt = request.args.get("format", "anki")
    if fmt not in FORMATS:
        bad_request("format must be one of: " + ", ".join(FORMATS))
    return fmt

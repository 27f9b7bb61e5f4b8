"""The owner's review page: every question with its status and reports, filters, and the
forms that edit, retire, restore and add questions; and the learners' "report" form.

Views parse the form into plain values, call one ``deck_edits``/``reports`` function,
commit, and redirect back (or show the failed checks with nothing saved).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from quizapp.db.authoring import REPORT_REASONS
from quizapp.db.base import db
from quizapp.db.models import Deck, Question
from quizapp.services import deck_edits, reports
from quizapp.services.deck_edits import EditError
from quizapp.services.reports import ReportError
from quizapp.services.review_list import Filters, review_rows, sentence_choices
from quizapp.services.study import NotFound
from quizapp.web import clock
from quizapp.web.auth import current_user
from quizapp.web.owned import owned_deck_or_abort

bp = Blueprint("review", __name__)


@bp.get("/decks/<slug>/review")
def review(slug: str) -> str:
    return _page(owned_deck_or_abort(slug), {}, 200)[0]


def _page(deck: Deck, errors: dict[str, list[str]], status: int) -> tuple[str, int]:
    args = request.args
    filters = Filters(
        kind=args.get("kind", ""),
        section=args.get("section", ""),
        status=args.get("status", ""),
        reported=args.get("reported", "") == "1",
    )
    rows, sections = review_rows(db.session, deck, filters)
    html = render_template(
        "authoring/review.html", deck=deck, rows=rows, sections=sections, filters=filters,
        errors=errors, sentences=sentence_choices(db.session, deck), reasons=REPORT_REASONS,
    )  # fmt: skip
    return html, status


def question_form() -> dict[str, Any]:
    """The edit/add form as service values: only the fields that were sent."""
    form = request.form
    values: dict[str, Any] = {
        k: form[k].strip() for k in ("prompt", "answer", "explanation") if k in form
    }
    if "accepted" in form:
        values["accepted"] = [a.strip() for a in form["accepted"].split("\n") if a.strip()]
    if "options" in form:
        values["options"] = [o.strip() for o in form.getlist("options") if o.strip()]
    if form.get("correct", "").isdigit():
        values["correct"] = int(form["correct"])
    if form.get("kind"):
        values["kind"] = form["kind"]
    return values


@bp.post("/decks/<slug>/questions/<question_id>")
def edit(slug: str, question_id: str) -> BaseResponse | tuple[str, int]:
    deck = owned_deck_or_abort(slug)
    return _saved(deck, question_id, lambda: deck_edits.edit_question(
        db.session, deck, question_id, question_form(), clock.now()))  # fmt: skip


@bp.post("/decks/<slug>/questions/<question_id>/retire")
def retire(slug: str, question_id: str) -> BaseResponse | tuple[str, int]:
    deck = owned_deck_or_abort(slug)
    return _saved(deck, question_id, lambda: deck_edits.set_status(
        db.session, deck, question_id, retired=True, now=clock.now()))  # fmt: skip


@bp.post("/decks/<slug>/questions/<question_id>/restore")
def restore(slug: str, question_id: str) -> BaseResponse | tuple[str, int]:
    deck = owned_deck_or_abort(slug)
    return _saved(deck, question_id, lambda: deck_edits.set_status(
        db.session, deck, question_id, retired=False, now=clock.now()))  # fmt: skip


@bp.post("/decks/<slug>/questions")
def add(slug: str) -> BaseResponse | tuple[str, int]:
    deck = owned_deck_or_abort(slug)
    start, _, end = request.form.get("sentence", "").partition("-")
    if not (start.isdigit() and end.isdigit()):
        return _page(deck, {"new": ["source: choose a sentence of the article"]}, 400)
    return _saved(deck, "new", lambda: deck_edits.add_question(
        db.session, deck, question_form(), int(start), int(end), clock.now()))  # fmt: skip


def _saved(deck: Deck, key: str, change: Any) -> BaseResponse | tuple[str, int]:
    try:
        row = change()
    except NotFound:
        abort(404)
    except EditError as exc:
        db.session.rollback()
        return _page(deck, {key: exc.problems}, 400)
    db.session.commit()
    flash("Saved.", "success")
    return redirect(url_for("review.review", slug=deck.slug) + f"#{row.id}")


@bp.post("/questions/<question_id>/report")
def report(question_id: str) -> BaseResponse:
    """A learner who answered the question flags it; back to where they were."""
    user = current_user()
    question = db.session.get(Question, question_id)
    if (
        user is None
        or question is None
        or not reports.has_answered(db.session, user.id, question_id)
    ):
        abort(404)
    try:
        reports.report_question(
            db.session, user.id, question, request.form.get("reason", ""),
            request.form.get("text", ""), clock.now(),
        )  # fmt: skip
    except ReportError as exc:
        db.session.rollback()
        flash(str(exc), "error")
    else:
        db.session.commit()
        flash("Thank you: the deck's owner will see your report.", "success")
    return redirect(_local(request.form.get("next", "")) or url_for("decks.index"))


def _local(url: str) -> str | None:
    parts = urlsplit(url)
    ok = url.startswith("/") and not url.startswith("//") and not parts.netloc and "\\" not in url
    return url if ok else None

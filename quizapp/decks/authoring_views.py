"""Bringing your own article: "My decks", the new deck page, uploading a new version,
and the deck's downloads (bank, Anki, TSV, GIFT) built with the owner's edits.

Views parse the form, call one service, commit and render; generation is rate-limited per
account (``DECK_GENERATE_RATE_LIMIT``) because it costs CPU.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request
from werkzeug.wrappers import Response as BaseResponse

from quizapp.db.base import db
from quizapp.services import authoring, reports
from quizapp.services.deck_access import PRIVATE, owned_decks
from quizapp.services.deck_files import export_file
from quizapp.services.deck_upload import MAX_WEB_ARTICLE_BYTES, Article, UploadError, read_upload
from quizapp.web import clock
from quizapp.web.auth import current_user, login_required
from quizapp.web.extensions import limiter
from quizapp.web.helpers import deck_or_404
from quizapp.web.owned import owned_deck_or_abort

bp = Blueprint("authoring", __name__)
GENERATE_SCOPE = "deck-generation"  # one budget per account for pages and API alike
UPLOAD_ENDPOINTS = frozenset({"authoring.new", "authoring.version", "api.create_deck"})
# Room for a 1 MB article plus the form around it, so a larger one gets the form's own
# "too large" message rather than the site-wide 413 page.
UPLOAD_REQUEST_BYTES = 2 * MAX_WEB_ARTICLE_BYTES


def allow_article_upload(endpoint: str | None, values: object) -> None:
    """Registered as a URL value preprocessor: it runs before the CSRF check reads the form."""
    if endpoint in UPLOAD_ENDPOINTS:
        request.max_content_length = UPLOAD_REQUEST_BYTES


bp.url_value_preprocessor(allow_article_upload)


def per_account() -> str:
    user = current_user()
    return f"account:{user.id}" if user else request.remote_addr or "anonymous"


def generate_limit() -> str:
    return str(current_app.config["DECK_GENERATE_RATE_LIMIT"])


def posted_article() -> Article:
    """The uploaded file, else the pasted text (as ``pasted.txt``)."""
    upload = request.files.get("article")
    if upload is not None and upload.filename:
        with upload.stream:  # a large upload is a temporary file: closed at once
            return Article(upload.filename, upload.read(MAX_WEB_ARTICLE_BYTES + 1))
    return Article("pasted.txt", request.form.get("text", "").encode("utf-8", "replace"))


@bp.get("/decks/mine")
@login_required
def mine() -> str:
    user = current_user()
    assert user is not None
    decks = owned_decks(db.session, user.id)
    counts = reports.report_counts(db.session, user.id)
    return render_template("authoring/mine.html", decks=decks, counts=counts)


@bp.route("/decks/new", methods=["GET", "POST"])
@login_required
@limiter.shared_limit(generate_limit, GENERATE_SCOPE, key_func=per_account, methods=["POST"])
def new() -> str | BaseResponse | tuple[str, int]:
    values = {
        "name": request.form.get("name", ""),
        "visibility": request.form.get("visibility", PRIVATE),
    }
    if request.method == "GET":
        return render_template("authoring/new.html", values=values, error=None)
    user = current_user()
    assert user is not None
    try:
        raw = read_upload(posted_article())
        made = authoring.create_deck(
            db.session, user.id, values["name"], values["visibility"], raw, clock.now()
        )
    except UploadError as exc:
        db.session.rollback()
        return render_template("authoring/new.html", values=values, error=str(exc)), 400
    db.session.commit()
    return render_template("authoring/summary.html", deck=made.deck, result=made, created=True)


@bp.route("/decks/<slug>/version", methods=["GET", "POST"])
@limiter.shared_limit(generate_limit, GENERATE_SCOPE, key_func=per_account, methods=["POST"])
def version(slug: str) -> str | tuple[str, int]:
    deck = owned_deck_or_abort(slug)
    if request.method == "GET":
        return render_template("authoring/version.html", deck=deck, error=None)
    try:
        raw = read_upload(posted_article())
        made = authoring.new_version(db.session, deck, raw, clock.now())
    except UploadError as exc:
        db.session.rollback()
        return render_template("authoring/version.html", deck=deck, error=str(exc)), 400
    db.session.commit()
    return render_template("authoring/summary.html", deck=deck, result=made, created=False)


def _download(slug: str, fmt: str) -> Response:
    found = export_file(db.session, deck_or_404(slug), fmt, clock.now())
    db.session.commit()  # an Anki package advances the deck's change ledger
    disposition = f'attachment; filename="{found.filename}"'
    return Response(
        found.body, mimetype=found.mimetype, headers={"Content-Disposition": disposition}
    )


@bp.get("/decks/<slug>/bank.json")
def bank(slug: str) -> Response:
    return _download(slug, "bank")


@bp.get("/decks/<slug>/cards.tsv")
def tsv(slug: str) -> Response:
    return _download(slug, "tsv")


@bp.get("/decks/<slug>/deck.gift")
def gift(slug: str) -> Response:
    return _download(slug, "gift")

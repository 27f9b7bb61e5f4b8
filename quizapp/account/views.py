"""Account pages. Views parse the form, call one service, commit once, then redirect.

Password hashing happens outside the write transaction (it is deliberately slow), and
login attempts are rate-limited per address and per username; only failures count.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.auth import current_user, log_in, log_out
from quizapp.extensions import db, limiter
from quizapp.passwords import hash_password
from quizapp.services import accounts

bp = Blueprint("account", __name__, url_prefix="/account")


def _login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _username_key() -> str:
    return "login-user:" + accounts.normalise_username(request.form.get("username", ""))[:40]


def _failed(response: Response) -> bool:
    return response.status_code >= 400


@bp.get("/")
def profile() -> str:
    return render_template("account/profile.html", user=current_user())


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: str(current_app.config["REGISTER_RATE_LIMIT"]), methods=["POST"])
def register() -> str | Response | tuple[str, int]:
    user = current_user()
    if user is not None and not user.is_guest:
        return redirect(url_for("account.profile"))
    if request.method == "GET":
        return render_template("account/register.html", errors={}, form={})
    form = request.form
    username, password = form.get("username", ""), form.get("password", "")
    errors = {
        "username": accounts.username_problem(username),
        "password": accounts.password_problem(password),
    }
    if not errors["password"] and password != form.get("confirm", ""):
        errors["confirm"] = "The two passwords differ."
    errors = {k: v for k, v in errors.items() if v}
    if errors:
        return render_template("account/register.html", errors=errors, form=form), 400
    password_hash = hash_password(password)
    try:
        user = accounts.register(db.session, current_user(), username, password_hash)
        db.session.commit()
    except (accounts.AccountError, IntegrityError) as exc:
        db.session.rollback()
        message = str(exc) if isinstance(exc, accounts.AccountError) else "That username is taken."
        return render_template(
            "account/register.html", errors={"username": message}, form=form
        ), 400
    log_in(user)
    flash("Account created. Your progress is saved to it.", "success")
    return redirect(url_for("decks.index"))


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"], deduct_when=_failed)
@limiter.limit(
    lambda: str(current_app.config["LOGIN_USERNAME_RATE_LIMIT"]),
    key_func=_username_key,
    methods=["POST"],
    deduct_when=_failed,
)
def login() -> str | Response | tuple[str, int]:
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("account/login.html", next=next_url, error=None, username="")
    username, password = request.form.get("username", ""), request.form.get("password", "")
    user = accounts.find_by_username(db.session, username)
    # End the read before the slow hash check so the database is not held meanwhile.
    db.session.commit()
    if not accounts.authenticate(user, password) or user is None:
        error = "Wrong username or password."
        return render_template(
            "account/login.html", next=next_url, error=error, username=username
        ), 401
    accounts.upgrade_hash_if_needed(user, password)
    guest = current_user()
    if guest is not None and guest.is_guest:
        accounts.adopt_guest_progress(db.session, guest, user)
    db.session.commit()
    log_in(user)
    return redirect(next_url or url_for("decks.index"))


@bp.post("/logout")
def logout() -> Response:
    log_out()
    flash("You are logged out.", "info")
    return redirect(url_for("decks.index"))


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths: never redirect a learner to another site after login."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target

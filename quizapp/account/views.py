"""Account pages. Views parse the form, call one service, commit once, then redirect.

Password hashing happens outside the write transaction (it is deliberately slow), and
login attempts are rate-limited per address; only failures count. Wrong passwords typed
on the profile page (changing the password, deleting the account) count against the same
per-address limit as failed logins (``_password_checks``), so the profile forms are no way
around it. Every password check is also throttled per account with backoff
(``quizapp.web.throttle``). Logout and a password change end every other session of the
account (``quizapp.web.auth.end_sessions``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.db.sqlite import read_phase
from quizapp.domain.passwords import hash_password
from quizapp.services import accounts
from quizapp.web import throttle
from quizapp.web.auth import current_user, end_sessions, log_in, log_out
from quizapp.web.extensions import limiter

bp = Blueprint("account", __name__, url_prefix="/account")


def _failed(response: Response) -> bool:
    return response.status_code >= 400


# One per-address budget for every form that checks a password, shared by the login, the
# profile forms and the classroom's password forms (``throttle.password_checks``).
_password_checks = throttle.password_checks


def _profile_page(
    user: User | None, *, password_errors: dict[str, str] | None = None, delete_error: str = ""
) -> str:
    """The profile page; a teacher's class count decides whether deletion is offered."""
    classes_owned = (
        accounts.owned_class_count(db.session, user.id) if user and user.is_teacher else 0
    )
    return render_template(
        "account/profile.html",
        user=user,
        classes_owned=classes_owned,
        password_errors=password_errors or {},
        delete_error=delete_error,
        teacher_has_classes=accounts.TEACHER_HAS_CLASSES,
    )


@bp.get("/")
def profile() -> str:
    return _profile_page(current_user())


def _learner_read_first() -> User | None:
    """The learner, looked up in a read transaction that ends at once: the password checks
    and hashing that follow are slow and must not hold SQLite's write lock (a POST would
    otherwise take it with its first statement)."""
    with read_phase(db.session()):
        return current_user()


@bp.post("/password")
@_password_checks
def change_password() -> Response | tuple[str, int]:
    """Change the password: the current one, then the new one twice. Every other session
    of the account ends; this one stays."""
    user = _learner_read_first()
    if user is None or user.is_guest:
        return redirect(url_for("account.login", next=url_for("account.profile")))
    form = request.form
    account = throttle.account_key(user.id)
    throttle.check(account)
    errors = accounts.password_change_problems(
        user,
        form.get("current_password", ""),
        form.get("new_password", ""),
        form.get("confirm_password", ""),
    )
    throttle.record(account, wrong="current" in errors, checked=not errors or "current" in errors)
    if errors:
        return _profile_page(user, password_errors=errors), 400
    new_hash = hash_password(form.get("new_password", ""))  # before the write transaction
    try:
        accounts.change_password(db.session, user.id, user.password_hash, new_hash)
        end_sessions(user, keep_this_one=True)
        db.session.commit()
    except accounts.AccountError as exc:
        db.session.rollback()
        return _profile_page(user, password_errors={"current": str(exc)}), 400
    flash("Password changed. Use the new one from now on.", "success")
    return redirect(url_for("account.profile"))


@bp.post("/delete")
@_password_checks
def delete_account() -> Response | tuple[str, int]:
    """Delete the learner's account (registered or guest) and everything saved with it,
    after a confirmation that needs no JavaScript; then forget the session."""
    user = _learner_read_first()
    if user is None:
        flash("Nothing is saved for this browser, so there is nothing to delete.", "info")
        return redirect(url_for("account.profile"))
    form = request.form
    account = throttle.account_key(user.id)
    throttle.check(account)
    problem = accounts.deletion_problem(
        user,
        form.get("confirm_username", ""),
        form.get("confirm_delete") == "yes",
        form.get("password", ""),
    )
    wrong = problem == accounts.WRONG_PASSWORD
    throttle.record(account, wrong=wrong, checked=not user.is_guest and (wrong or not problem))
    if problem:
        return _profile_page(user, delete_error=problem), 400
    try:
        accounts.delete_account(db.session, user.id)
        db.session.commit()
    except (accounts.AccountError, IntegrityError) as exc:
        # IntegrityError: a row was added meanwhile (should the lock not cover it); the
        # transaction is undone as a whole, so nothing was deleted.
        db.session.rollback()
        message = (
            str(exc)
            if isinstance(exc, accounts.AccountError)
            else "Something changed while deleting, so nothing was deleted. Please try again."
        )
        return _profile_page(user, delete_error=message), 400
    log_out()
    flash("Your account and everything saved with it were deleted.", "success")
    return redirect(url_for("decks.index"))


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
    errors = accounts.registration_problems(username, password, form.get("confirm", ""))
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
@limiter.shared_limit(
    throttle.login_limit, scope=throttle.PASSWORD_SCOPE, methods=["POST"], deduct_when=_failed
)
def login() -> str | Response | tuple[str, int]:
    next_url = _safe_next(request.values.get("next"))
    if request.method == "GET":
        return render_template("account/login.html", next=next_url, error=None, username="")
    username, password = request.form.get("username", ""), request.form.get("password", "")
    user = accounts.find_by_username(db.session, username)
    # End the read before the slow hash check so the database is not held meanwhile.
    db.session.commit()
    account = throttle.account_key(user.id if user else None, accounts.normalise_username(username))
    throttle.check(account)
    wrong = not accounts.authenticate(user, password) or user is None
    throttle.record(account, wrong=wrong, checked=True)
    if wrong or user is None:
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
    home = url_for("classroom.dashboard") if user.is_teacher else url_for("decks.index")
    return redirect(next_url or home)


@bp.post("/logout")
def logout() -> Response:
    user = current_user()
    if user is not None:
        end_sessions(user, keep_this_one=False)  # a copied cookie ends with this one
        db.session.commit()
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

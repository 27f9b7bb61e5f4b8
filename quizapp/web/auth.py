"""Who is asking: the learner bound to the signed session cookie, and access decorators.

A visitor is nobody until they first do something worth saving (answer a card, change a
setting); then ``ensure_user`` creates a guest ``User`` row and binds it to the session.
Registering later fills in username and password on the *same* row, so a guest's progress
carries over. Other blueprints use ``current_user``, ``current_user_id``, ``ensure_user``,
``login_required`` (a registered account) and ``teacher_required``.

GET requests never write here: guests are only created by POST handlers (see
``quizapp.db.sqlite`` for why that matters on SQLite).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import abort, g, redirect, request, session, url_for
from werkzeug.wrappers import Response

from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.domain.timezones import utcnow

SESSION_KEY = "uid"
# The session names the learner by id *and* by when their row was created: SQLite hands a
# deleted row's id to the next new row, so a device still signed in to a deleted account
# would otherwise become signed in as whoever comes next. (id, created_at) is never reused.
SINCE_KEY = "since"
P = ParamSpec("P")
R = TypeVar("R")


def session_learner_id() -> int | None:
    """The learner id the signed session names, without loading the learner. Whoever uses it
    must confirm it with ``session_names`` on the row it loads (see ``SINCE_KEY``)."""
    uid = session.get(SESSION_KEY)
    return uid if isinstance(uid, int) else None


def session_names(user: User) -> bool:
    """Whether the session's learner is this very row, not an earlier one of the same id.

    A cookie signed before sessions carried the stamp is adopted (and stamped): refusing it
    would cut every existing guest off from their progress, as guests have no password."""
    if session.get(SESSION_KEY) != user.id:
        return False
    if SINCE_KEY not in session:
        session[SINCE_KEY] = _since(user)
        return True
    return bool(session[SINCE_KEY] == _since(user))


def _since(user: User) -> str:
    return user.created_at.isoformat()


def current_user() -> User | None:
    """The learner of this request, or None for a visitor who has not saved anything yet."""
    if "user" not in g:
        uid = session_learner_id()
        user = db.session.get(User, uid) if uid is not None else None
        g.user = user if user is not None and session_names(user) else None
    found: User | None = g.user
    return found


def current_user_id() -> int | None:
    """The learner's id, or None for a visitor (services accept None: no progress yet)."""
    user = current_user()
    return user.id if user else None


def ensure_user() -> User:
    """The current learner, creating a guest on first use. Call only when about to write."""
    user = current_user()
    if user is None:
        user = User(created_at=utcnow())
        db.session.add(user)
        db.session.flush()
        log_in(user)
    return user


def log_in(user: User) -> None:
    # A fresh session dict: nothing from before login (e.g. a stale next URL) carries over.
    session.clear()
    session[SESSION_KEY] = user.id
    session[SINCE_KEY] = _since(user)
    session.permanent = True
    g.user = user


def log_out() -> None:
    session.clear()
    g.user = None


def login_required(view: Callable[P, R]) -> Callable[P, R | Response]:
    """A registered (non-guest) account is required; others are sent to the login page."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R | Response:
        user = current_user()
        if user is None or user.is_guest:
            return redirect(url_for("account.login", next=request.full_path))
        return view(*args, **kwargs)

    return wrapped


def teacher_required(view: Callable[P, R]) -> Callable[P, R | Response]:
    """A teacher account is required: visitors log in, other learners get 403."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R | Response:
        user = current_user()
        if user is None or user.is_guest:
            return redirect(url_for("account.login", next=request.full_path))
        if not user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped

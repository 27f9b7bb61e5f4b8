"""Who is asking: the learner bound to the signed session cookie, and access decorators.

A visitor is nobody until they first do something worth saving (answer a card, change a
setting); then ``ensure_user`` creates a guest ``User`` row and binds it to the session.
Registering later fills in username and password on the *same* row, so a guest's progress
carries over. Other blueprints use ``current_user``, ``current_user_id``, ``ensure_user``,
``login_required`` (a registered account) and ``teacher_required``.

GET requests never write here: guests are only created by POST handlers (see
``quizapp.db.sqlite`` for why that matters on SQLite).

Sessions end server-side (``session_names``): the cookie carries the account's session
generation, which logout and password changes bump (``end_sessions``), so every cookie
issued before is signed out; and a registered account's cookie lapses after
``SESSION_IDLE_DAYS`` without a visit and ``SESSION_MAX_DAYS`` after logging in (see
docs/security.md for why these values).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import ParamSpec, TypeVar

from flask import abort, current_app, g, redirect, request, session, url_for
from werkzeug.wrappers import Response

from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.services import guests
from quizapp.web import clock
from quizapp.web.cookies import DAY_KEY, SECONDS_PER_DAY

SESSION_KEY = "uid"
# The session names the learner by id *and* by when their row was created: SQLite hands a
# deleted row's id to the next new row, so a device still signed in to a deleted account
# would otherwise become signed in as whoever comes next. (id, created_at) is never reused.
SINCE_KEY = "since"
GEN_KEY = "gen"  # the account's session_generation when this session was signed in
AUTH_KEY = "auth"  # when (clock seconds) this session was signed in
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
    if session.get(GEN_KEY, 0) != user.session_generation:
        return False  # logged out or password changed since: every older cookie ends
    if not user.is_guest and not _still_fresh():
        return False
    if SINCE_KEY not in session:
        session[SINCE_KEY] = _since(user)
        return True
    return bool(session[SINCE_KEY] == _since(user))


def _still_fresh() -> bool:
    """An account's session: signed in less than SESSION_MAX_DAYS ago, and used within
    SESSION_IDLE_DAYS (the cookie's daily renewal stamp says when it was last used).
    Guests have neither limit: the cookie is their only way back to their progress."""
    now = clock.now().timestamp()
    config = current_app.config
    signed_in = session.get(AUTH_KEY)
    if not isinstance(signed_in, int | float):
        return False  # a cookie from before sessions were stamped: sign in again
    if now - signed_in > float(config["SESSION_MAX_DAYS"]) * SECONDS_PER_DAY:
        return False
    last_day = session.get(DAY_KEY)
    idle_days = now // SECONDS_PER_DAY - (last_day if isinstance(last_day, int) else 0)
    return idle_days <= int(config["SESSION_IDLE_DAYS"])


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


def ensure_user(answer_key: str | None = None) -> User:
    """The current learner, creating a guest on first use. Call only when about to write.

    ``answer_key``: the request is an answer; a visitor whose first answer with this key
    was stored but whose cookie got lost is that answer's guest again (no second guest)."""
    user = current_user()
    if user is None and answer_key:
        user = guests.guest_of_first_answer(db.session, answer_key, clock.now())
        if user is not None:
            log_in(user)
    if user is None:
        user = User(created_at=clock.now())
        db.session.add(user)
        db.session.flush()
        log_in(user)
    return user


def log_in(user: User) -> None:
    # A fresh session dict: nothing from before login (e.g. a stale next URL) carries over.
    session.clear()
    session[SESSION_KEY] = user.id
    session[SINCE_KEY] = _since(user)
    session[GEN_KEY] = user.session_generation or 0
    session[AUTH_KEY] = int(clock.now().timestamp())
    session.permanent = True
    g.user = user


def end_sessions(user: User, keep_this_one: bool) -> None:
    """Sign out every session of ``user`` on every device (the caller commits); with
    ``keep_this_one`` this browser's session carries the new generation and stays."""
    user.session_generation = (user.session_generation or 0) + 1
    if keep_this_one and session.get(SESSION_KEY) == user.id:
        session[GEN_KEY] = user.session_generation


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

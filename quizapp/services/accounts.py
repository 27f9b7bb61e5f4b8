"""Accounts: validate and register usernames/passwords, authenticate.

Registering turns the learner's guest row into an account (same ``User.id``), so
everything studied as a guest stays theirs. Logging in to an existing account from a guest
session adopts the guest's progress on cards the account has never seen
(``adopt_guest_progress``); where both studied a card, the account's history wins.
Usernames are case-insensitive: stored case-folded; the display name keeps what was typed.
"""

from __future__ import annotations

import re

from sqlalchemy import select, update

from quizapp.models import USERNAME_MAX, CardState, Quiz, ReviewLog, User
from quizapp.passwords import MAX_LENGTH, MIN_LENGTH, hash_password, needs_rehash, verify_password
from quizapp.services.dbsession import DbSession

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]{2,39}$")


class AccountError(ValueError):
    """A problem the learner can fix (shown next to the form)."""


def normalise_username(username: str) -> str:
    return username.strip().casefold()


def username_problem(username: str) -> str | None:
    name = normalise_username(username)
    if not USERNAME_RE.match(name) or len(name) > USERNAME_MAX:
        return (
            "Use 3 to 40 letters, digits, dots, dashes or underscores, "
            "starting with a letter or digit."
        )
    return None


def password_problem(password: str) -> str | None:
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    return None


def register(
    session: DbSession, user: User | None, username: str, password_hash: str, display_name: str = ""
) -> User:
    """Give ``user`` (a guest, or None for a new learner) a username and password.

    ``password_hash`` is computed by the caller *before* the write transaction begins,
    so the slow hash never holds the database's write lock.
    """
    name = normalise_username(username)
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise AccountError("That username is taken.")
    if user is None:
        user = User()
        session.add(user)
    elif not user.is_guest:
        raise AccountError("You already have an account.")
    user.username = name
    user.password_hash = password_hash
    user.display_name = display_name.strip()[:80] or username.strip()
    session.flush()
    return user


def find_by_username(session: DbSession, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == normalise_username(username)))


def authenticate(user: User | None, password: str) -> bool:
    """Constant-ish time whether or not the user exists (see ``passwords``)."""
    return verify_password(user.password_hash if user else None, password)


def upgrade_hash_if_needed(user: User, password: str) -> None:
    """Re-hash with the current cost after a successful login (parameters change over time)."""
    if user.password_hash and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)


def adopt_guest_progress(session: DbSession, guest: User, account: User) -> int:
    """Move a guest's cards the account has not seen (with their history) and quizzes to
    the account; returns the number of cards moved. The guest row itself is kept."""
    if not guest.is_guest or guest.id == account.id:
        return 0
    seen = select(CardState.question_id).where(CardState.user_id == account.id)
    keys = select(ReviewLog.answer_key).where(ReviewLog.user_id == account.id)
    # History first: once the cards move, "the account has not seen it" is no longer true.
    session.execute(
        update(ReviewLog)
        .where(
            ReviewLog.user_id == guest.id,
            ReviewLog.question_id.not_in(seen),
            ReviewLog.answer_key.not_in(keys),
        )
        .values(user_id=account.id)
    )
    moved = session.execute(
        update(CardState)
        .where(CardState.user_id == guest.id, CardState.question_id.not_in(seen))
        .values(user_id=account.id)
    )
    session.execute(update(Quiz).where(Quiz.user_id == guest.id).values(user_id=account.id))
    if account.new_cards_per_day is None and account.desired_retention is None:
        account.new_cards_per_day = guest.new_cards_per_day
        account.desired_retention = guest.desired_retention
    session.flush()
    return int(moved.rowcount or 0)  # type: ignore[attr-defined]

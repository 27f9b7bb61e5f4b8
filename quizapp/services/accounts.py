"""Accounts: validate and register usernames/passwords, authenticate.

Registering turns the learner's guest row into an account (same ``User.id``), so
everything studied as a guest stays theirs. Logging in to an existing account from a guest
session adopts the guest's progress on cards the account has never seen
(``adopt_guest_progress``); where both studied a card, the account's history wins.
Usernames are case-insensitive: stored case-folded; the display name keeps what was typed.

Self-service: ``change_password`` and ``delete_account``. Both take work the caller did
before the write transaction (hashing and checking passwords is deliberately slow):
``password_change_problems`` and ``deletion_problem`` check the form without the database.
"""

from __future__ import annotations

import re

from sqlalchemy import func, select, update

from quizapp.db.classroom import Classroom
from quizapp.db.models import USERNAME_MAX, CardState, Quiz, ReviewLog, User
from quizapp.db.session import DbSession
from quizapp.domain.passwords import (
    MAX_LENGTH,
    MIN_LENGTH,
    hash_password,
    needs_rehash,
    too_common,
    verify_password,
)
from quizapp.services.erasure import erase_learners

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


def password_problem(password: str, username: str = "") -> str | None:
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    if too_common(password, (username,) if username else ()):
        return "That password is too common or too easy to guess: choose a longer, rarer one."
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


# --- self-service: change password, delete the account ------------------------------------

WRONG_PASSWORD = "That is not your password."
TEACHER_HAS_CLASSES = (
    "You still own classes: delete or hand over your classes first, then delete your account."
)


def registration_problems(username: str, password: str, confirm: str) -> dict[str, str]:
    """Form errors of a registration, by field (empty: go ahead). No database access."""
    errors = {
        "username": username_problem(username),
        "password": password_problem(password, username),
    }
    if not errors["password"] and password != confirm:
        errors["confirm"] = "The two passwords differ."
    return {field: message for field, message in errors.items() if message}


def password_change_problems(user: User, current: str, new: str, confirm: str) -> dict[str, str]:
    """Form errors of a password change, by field (empty: go ahead); ``"current"`` means
    the current password was wrong. No database access: the caller runs it outside the
    write transaction, because verifying a password is deliberately slow. The cheap checks
    come first, so a form that cannot succeed never costs a verification."""
    errors: dict[str, str] = {}
    problem = password_problem(new, user.username or "")
    if problem:
        errors["new"] = problem
    elif new != confirm:
        errors["confirm"] = "The two new passwords differ."
    if not errors and not authenticate(user, current):
        errors["current"] = "That is not your current password."
    return errors


def change_password(
    session: DbSession, user_id: int, verified_hash: str | None, new_hash: str
) -> None:
    """Store ``new_hash`` (computed by the caller before the write transaction).

    ``verified_hash`` is the hash the current password was checked against; the update
    applies only if it is still the stored one, so a password changed meanwhile from
    another session is never overwritten by a check made against the old one.
    Other sessions stay logged in: sessions are signed cookies naming the user id, with
    no server-side list to end them (the learner can delete the account instead).
    """
    # The default synchronisation also updates the learner object loaded in this session.
    result = session.execute(
        update(User)
        .where(User.id == user_id, User.password_hash == verified_hash)
        .values(password_hash=new_hash)
    )
    if not result.rowcount:  # type: ignore[attr-defined]
        raise AccountError("Your password was changed meanwhile. Please try again.")


def owned_class_count(session: DbSession, user_id: int) -> int:
    """How many classes ``user_id`` teaches (a teacher with classes cannot be deleted)."""
    count = session.scalar(select(func.count(Classroom.id)).where(Classroom.teacher_id == user_id))
    return int(count or 0)


def deletion_problem(user: User, typed_username: str, ticked: bool, password: str) -> str | None:
    """Why the deletion form does not confirm deleting ``user`` (None: it does).

    Registered accounts confirm with their username and password; guests (no password to
    ask for) tick a box. No database access: the password check is slow and runs before
    the write transaction."""
    if user.is_guest:
        return None if ticked else "Tick the box to confirm that everything should be deleted."
    if normalise_username(typed_username) != user.username:
        return "Type your username exactly as shown to confirm."
    if not authenticate(user, password):
        return WRONG_PASSWORD
    return None


def delete_account(session: DbSession, user_id: int) -> None:
    """Delete the learner ``user_id`` and every row that belongs to them.

    Refuses (``AccountError``) a teacher who still owns classes: their classes hold other
    learners' work, and what happens to it is the teacher's decision.

    The rows go children first (``quizapp.services.erasure``).

    On SQLite deleting the newest learner frees their id for the next one; a device still
    signed in to the deleted account does not become that learner because sessions name
    the row's creation time too (``quizapp.web.auth.SINCE_KEY``).
    """
    # Lock the user row first (PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises
    # writers): every insert that references the user (an answer from another tab, a new
    # class) waits for our commit, so no new child row appears between the deletes.
    if session.scalar(select(User.id).where(User.id == user_id).with_for_update()) is None:
        raise AccountError("This account no longer exists.")
    if owned_class_count(session, user_id):
        raise AccountError(TEACHER_HAS_CLASSES)
    erase_learners(session, [user_id])

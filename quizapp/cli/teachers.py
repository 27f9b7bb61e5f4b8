"""``quizapp create-teacher USERNAME``: a teacher account from the command line.

The password is prompted for (hidden, typed twice) at a terminal, or read as one line from
standard input when that is a pipe or a file (``getpass`` would warn that it cannot hide
it, and there is nobody to confirm it). A new username creates the account;
an existing one is refused unless ``--promote`` is given, which turns teacher features on
for that account without touching its password. Bad input is one ``Error: …`` line and
exit status 2, never a traceback.
"""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.db.schema import prepare_database
from quizapp.domain.passwords import hash_password
from quizapp.services import accounts


class BadInput(click.ClickException):
    exit_code = 2


@click.command("create-teacher")
@click.argument("username")
@click.option("--promote", is_flag=True, help="Make an existing account a teacher.")
@with_appcontext
def create_teacher(username: str, promote: bool) -> None:
    """Create a teacher account (or promote an existing one with --promote)."""
    problem = accounts.username_problem(username)
    if problem:
        raise BadInput(f"invalid username {username!r}: {problem}")
    prepare_database(current_app)
    existing = accounts.find_by_username(db.session, username)
    if existing is not None:
        _promote(existing, promote)
        return
    if promote:
        raise BadInput(f"no account named {accounts.normalise_username(username)!r} to promote")
    db.session.commit()  # end the read before prompting
    password = read_new_password()
    problem = accounts.password_problem(password)
    if problem:
        raise BadInput(f"invalid password: {problem}")
    password_hash = hash_password(password)
    try:
        user = accounts.register(db.session, None, username, password_hash)
    except accounts.AccountError as exc:
        db.session.rollback()
        raise BadInput(str(exc)) from None
    user.is_teacher = True
    db.session.commit()
    click.echo(f"teacher {user.username} created")


def read_new_password() -> str:
    """See module docstring."""
    if sys.stdin.isatty():
        return str(click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True))
    return sys.stdin.readline().rstrip("\r\n")


def _promote(user: User, promote: bool) -> None:
    if not promote:
        raise BadInput(
            f"an account named {user.username!r} exists; add --promote to make it a teacher"
        )
    user.is_teacher = True
    db.session.commit()
    click.echo(f"{user.username} is now a teacher")

"""``quizapp import BANK`` and ``quizapp decks``: thin commands over ``quizapp.db.banks``.

Each parses its arguments, calls one function, commits, prints one line. Bad input is a
one-line error with exit status 2, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from questions.bankfile import BankError, load
from questions.checking import check_bank
from quizapp.db.banks import ImportConflict
from quizapp.db.base import db
from quizapp.db.models import Deck, Question
from quizapp.db.schema import prepare_database
from quizapp.domain.timezones import utcnow
from quizapp.services.deck_imports import UnknownOwner, import_owned, owner_id_of


class BadInput(click.ClickException):
    exit_code = 2


@click.command("import")
@click.argument("bank_path", metavar="BANK", type=click.Path(path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Import even if content_version is stale (every other check still applies).",
)
@click.option("--owner", metavar="USERNAME", help="Account that owns the deck [default: none]")
@with_appcontext
def import_command(bank_path: Path, force: bool, owner: str | None) -> None:
    """Import or update a deck from a bank file (idempotent; dropped questions are retired).

    A deck of the same slug is updated only if it has the same owner and article;
    otherwise the bank becomes a new deck under a fresh slug. The bank must pass
    ``quizapp check`` first: the same validation runs here."""
    try:
        bank = load(bank_path)
    except BankError as exc:
        raise BadInput(str(exc)) from None
    problems = [
        p for p in check_bank(bank, str(bank_path)) if not (force and ": content_version:" in p)
    ]
    if problems:
        more = f" (and {len(problems) - 1} more: quizapp check {bank_path})"
        raise BadInput(problems[0] + (more if len(problems) > 1 else ""))
    prepare_database(current_app)
    try:
        result = import_owned(db.session, bank, owner_id_of(db.session, owner), utcnow())
    except (ImportConflict, UnknownOwner) as exc:
        db.session.rollback()
        raise BadInput(str(exc)) from None
    db.session.commit()
    click.echo(result.summary())


@click.command("decks")
@with_appcontext
def decks_command() -> None:
    """List the decks: slug, active questions, retired questions, name."""
    prepare_database(current_app)
    active = func.count(Question.id).filter(Question.retired_at.is_(None))
    retired = func.count(Question.id).filter(Question.retired_at.is_not(None))
    rows = db.session.execute(
        select(Deck.slug, Deck.name, active, retired)
        .outerjoin(Question, Question.deck_id == Deck.id)
        .group_by(Deck.id)
        .order_by(Deck.slug)
    ).all()
    if not rows:
        click.echo("no decks; add one with: quizapp import BANK")
    for slug, name, n_active, n_retired in rows:
        click.echo(f"{slug}\t{n_active} questions\t{n_retired} retired\t{name}")

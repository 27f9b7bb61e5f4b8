"""``quizapp export anki|tsv|gift``: a bank file → a file learners or teachers import elsewhere.

``--tag`` keeps the questions with a tag (``services.export_sets.tag_set``, as the web's
download by tag). A learner's weak cards are a web download only: they are the signed-in
learner's, and here ``--learner`` already means "their whole deck with their progress".

Each command loads the bank, refuses what ``quizapp check`` rejects (``check_exportable``;
an empty bank is exported with a warning), calls one export, writes the result and prints
one line. Every user error — a missing, invalid or inconsistent bank, an unwritable output
path, an unknown learner — is one line on stderr and exit status 2. Only ``anki`` opens the
app's database: the notes' change times live there (``services.note_times``), shared with
the web downloads, and so does a learner's progress (``--learner``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import click
from click.decorators import FC
from flask import Flask, current_app
from flask.cli import ScriptInfo

from export import files, gift, tsv
from export.guard import UnexportableBank, check_exportable
from questions import bankfile
from questions.default_deck import DEFAULT_BANK
from questions.model import Bank
from quizapp.db.base import db
from quizapp.db.schema import prepare_database
from quizapp.domain.timezones import utcnow
from quizapp.services.accounts import find_by_username
from quizapp.services.decks import deck_by_slug
from quizapp.services.export_sets import ExportSet, deck_set, file_set, file_stem, tag_set
from quizapp.services.exports import DeckFile, export_file
from quizapp.services.learner_progress import learner_progress
from quizapp.services.settings import settings_for
from quizapp.services.study import NotFound


class ExportError(click.ClickException):
    """A user error: click prints ``Error: <message>`` on one line; we exit 2 like a usage error."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


BANK_ARGUMENT = click.argument(
    "bank_path", metavar="[BANK]", required=False, type=click.Path(path_type=Path)
)
TAG_OPTION = click.option(
    "--tag",
    metavar="TAG",
    default=None,
    help="Only the questions tagged TAG or a tag under it (kind takes in kind::cloze); "
    "case-insensitive, as in Anki.",
)


@click.group("export")
def export_group() -> None:
    """Export a question bank for Anki (.apkg), Anki/Quizlet text import (TSV) or Moodle (GIFT).

    BANK is a bank file (*.bank.json); without it, the default deck's bank is exported.
    """


@export_group.command("anki")
@BANK_ARGUMENT
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to write the package (default: <deck slug>.apkg in the current directory).",
)
@click.option(
    "--type-in", is_flag=True, help="Flashcards and clozes ask to type the answer in Anki."
)
@click.option(
    "--learner",
    metavar="USERNAME",
    default=None,
    help="Take this learner's progress to Anki: the deck as the database has it, with their "
    "scheduling and review log.",
)
@TAG_OPTION
def export_anki(
    bank_path: Path | None, output: Path | None, type_in: bool, learner: str | None, tag: str | None
) -> None:
    """Write an Anki package (.apkg): one note per question, updating earlier imports in place.

    Notes carry when their question last changed (kept in the app's database), so
    re-importing updates only the notes that changed.
    """
    bank = _load(bank_path)
    if output is not None and str(output) == "-":
        raise ExportError("an .apkg is a binary file; give a file name with -o")
    fmt = "anki-typein" if type_in else "anki"
    with _app().app_context():
        try:
            made, count = cli_package(bank, fmt, learner, utcnow(), tag)
            target = output or Path(made.filename)
            _guard(target, lambda: files.write_atomically(target, lambda out: out.write(made.body)))
            db.session.commit()  # the change ledger, once the package is written
        finally:
            db.session.remove()
            db.engine.dispose()
    whose = f" with {learner}'s progress" if learner else ""
    click.echo(f"wrote {count} notes of deck “{bank.deck.name}”{whose} to {target}")


def cli_package(
    bank: Bank, fmt: str, learner: str | None, now: datetime, tag: str | None = None
) -> tuple[DeckFile, int]:
    """The package and its number of notes (retired ones included)."""
    if learner is None:
        chosen = _tagged(file_set(db.session, bank), tag)
        return export_file(db.session, chosen, fmt, now), len(chosen.bank.questions)
    user = find_by_username(db.session, learner)
    if user is None:
        raise ExportError(f"no learner named {learner!r}")
    try:
        deck = deck_by_slug(db.session, bank.deck.slug)
    except NotFound:
        raise ExportError(
            f"deck {bank.deck.slug} is not in the database: import it first"
        ) from None
    chosen = _tagged(deck_set(db.session, deck), tag)
    progress = learner_progress(
        db.session, user.id, deck.id, settings_for(current_app.config, user), now
    )
    made = export_file(db.session, chosen, fmt, now, progress=progress, learner=learner)
    return made, len(chosen.bank.questions)


def _tagged(whole: ExportSet, tag: str | None) -> ExportSet:
    """``whole``, or its questions tagged ``tag`` (their deck name and file name say so)."""
    if tag is None:
        return whole
    try:
        return tag_set(whole, tag)
    except NotFound:
        raise ExportError(
            f"no question of deck {whole.bank.deck.slug} has the tag {tag!r}"
        ) from None


def _app() -> Flask:
    """The app (for its database), created only by the commands that need it."""
    app = click.get_current_context().ensure_object(ScriptInfo).load_app()
    prepare_database(app)
    return app


def _text_output(what: str) -> Callable[[FC], FC]:
    """The ``-o/--output`` option of a text export (``-``, the default: standard output)."""
    help_text = f"Where to write {what}; - is standard output."
    return click.option("-o", "--output", default="-", show_default=True, help=help_text)


@export_group.command("tsv")
@BANK_ARGUMENT
@_text_output("the text")
@click.option(
    "--for",
    "flavor",
    type=click.Choice(tsv.FLAVORS),
    default="anki",
    show_default=True,
    help="anki: header lines, HTML, GUID and tags columns; quizlet: term<TAB>definition only.",
)
@TAG_OPTION
def export_tsv(bank_path: Path | None, output: str, flavor: tsv.Flavor, tag: str | None) -> None:
    """Write tab-separated text for Anki's or Quizlet's text import."""
    bank = _load(bank_path, tag)
    _write_text(tsv.tsv_text(bank, flavor=flavor), output, bank)


@export_group.command("gift")
@BANK_ARGUMENT
@_text_output("the GIFT file")
@TAG_OPTION
def export_gift(bank_path: Path | None, output: str, tag: str | None) -> None:
    """Write Moodle GIFT: multiple choice, true/false and short-answer questions."""
    bank = _load(bank_path, tag)
    _write_text(gift.gift_text(bank), output, bank)


def _load(bank_path: Path | None, tag: str | None = None) -> Bank:
    """The bank (only its questions tagged ``tag``, if given), refused (one line) if
    ``quizapp check`` would reject it; a warning on stderr if it has no questions."""
    path = bank_path or DEFAULT_BANK
    try:
        bank = bankfile.load(path)
        warnings = check_exportable(bank, str(path))
    except (bankfile.BankError, UnexportableBank) as exc:
        raise ExportError(str(exc)) from None
    for warning in warnings:
        click.echo(f"Warning: {warning}", err=True)
    return _tagged(ExportSet(bank, file_stem(bank.deck.slug)), tag).bank


def _write_text(text: str, output: str, bank: Bank) -> None:
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = Path(output)
    _guard(target, lambda: files.write_atomically(target, lambda out: out.write(text.encode())))
    click.echo(f"wrote {len(bank.questions)} questions of deck “{bank.deck.name}” to {target}")


def _guard(target: Path, write: Callable[[], object]) -> None:
    """Turn the ways writing can fail (missing folder, permissions, a directory) into one line."""
    try:
        write()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise ExportError(f"cannot write {target}: {reason}") from None

"""``quizapp export anki|tsv|gift``: a bank file → a file learners or teachers import elsewhere.

Plain click commands (no Flask app context): each loads and validates the bank, calls one
``export`` function, writes the result and prints one line. Every user error — a missing or
invalid bank, an unwritable output path — is one line on stderr and exit status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
from click.decorators import FC

from export import anki, files, gift, tsv
from questions import bankfile
from questions.default_deck import DEFAULT_BANK
from questions.model import Bank


class ExportError(click.ClickException):
    """A user error: click prints ``Error: <message>`` on one line; we exit 2 like a usage error."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))


BANK_ARGUMENT = click.argument(
    "bank_path", metavar="[BANK]", required=False, type=click.Path(path_type=Path)
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
def export_anki(bank_path: Path | None, output: Path | None) -> None:
    """Write an Anki package (.apkg): one note per question, updating earlier imports in place."""
    bank = _load(bank_path)
    if output is not None and str(output) == "-":
        raise ExportError("an .apkg is a binary file; give a file name with -o")
    target = output or Path(anki.package_filename(bank))
    _guard(target, lambda: anki.write_apkg(bank, target))
    click.echo(f"wrote {len(bank.questions)} notes of deck “{bank.deck.name}” to {target}")


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
def export_tsv(bank_path: Path | None, output: str, flavor: tsv.Flavor) -> None:
    """Write tab-separated text for Anki's or Quizlet's text import."""
    bank = _load(bank_path)
    _write_text(tsv.tsv_text(bank, flavor=flavor), output, bank)


@export_group.command("gift")
@BANK_ARGUMENT
@_text_output("the GIFT file")
def export_gift(bank_path: Path | None, output: str) -> None:
    """Write Moodle GIFT: multiple choice, true/false and short-answer questions."""
    bank = _load(bank_path)
    _write_text(gift.gift_text(bank), output, bank)


def _load(bank_path: Path | None) -> Bank:
    try:
        return bankfile.load(bank_path or DEFAULT_BANK)
    except bankfile.BankError as exc:
        raise ExportError(str(exc)) from None


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

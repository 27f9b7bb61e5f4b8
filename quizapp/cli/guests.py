"""``quizapp prune-guests``: delete guest accounts whose session cookie has long expired.

A thin command over ``quizapp.services.guests``: list the stale guests, ask (unless
``--yes``), then delete them in batches, committing each so no transaction holds SQLite's
write lock for long. Bad input is one ``Error: …`` line with exit status 2.
"""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from quizapp.db.base import db
from quizapp.db.schema import prepare_database
from quizapp.domain.timezones import utcnow
from quizapp.services import guests


class BadInput(click.ClickException):
    exit_code = 2


@click.command("prune-guests")
@click.option(
    "--inactive-days",
    type=int,
    default=guests.DEFAULT_INACTIVE_DAYS,
    show_default=True,
    metavar="N",
    help=(
        "Delete guests whose last activity (account created, last answer, last quiz "
        "started) is older than N days. The default is the session cookie's lifetime: "
        "such a guest can no longer reach their data."
    ),
)
@click.option("--dry-run", is_flag=True, help="Only print how many guests would be deleted.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def prune_guests_command(inactive_days: int, dry_run: bool, yes: bool) -> None:
    """Delete inactive guest accounts (no username) with their answers, cards and quizzes.

    Registered accounts are never touched, nor is a guest who is a member of a class (the
    class report still shows their answers).
    """
    if inactive_days < 1:
        raise BadInput(f"--inactive-days must be at least 1, not {inactive_days}")
    prepare_database(current_app)
    now = utcnow()
    ids = guests.stale_guest_ids(db.session, now, inactive_days)
    # End the read transaction before prompting: on SQLite a CLI transaction holds the
    # write lock, and the web app must not wait for somebody to answer y/N.
    db.session.commit()
    if dry_run:
        click.echo(f"would delete {_guests(len(ids), inactive_days)} (dry run: nothing changed)")
        return
    if not ids:
        click.echo(f"no guest accounts inactive for over {inactive_days} days; nothing to do")
        return
    if not yes:
        question = f"Delete {_guests(len(ids), inactive_days)}, with all their data?"
        click.confirm(question, abort=True, err=True)
    deleted = 0
    # The bar goes to stderr so stdout carries only the summary line (for scripts and cron).
    with click.progressbar(length=len(ids), label="Deleting guests", file=sys.stderr) as bar:
        for batch in guests.batches(ids):
            deleted += guests.prune_batch(db.session, batch, now, inactive_days)
            db.session.commit()
            bar.update(len(batch))
    kept = len(ids) - deleted
    note = f" ({kept} became active meanwhile and were kept)" if kept else ""
    click.echo(f"deleted {_guests(deleted, inactive_days)}{note}")


def _guests(count: int, inactive_days: int) -> str:
    plural = "" if count == 1 else "s"
    return f"{count} guest account{plural} inactive for over {inactive_days} days"

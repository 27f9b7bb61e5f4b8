"""The ``quizapp`` console script: one Flask CLI group; one module per command family
(``bank``: generate/check, ``decks``: import/decks, ``exports``: export, ``guests``: prune-guests,
``teachers``: create-teacher, ``database``: db). ``--version`` is quizapp's own (Flask's
would print Flask's). Top layer: may import everything below it."""

from __future__ import annotations

from typing import Any

import click
from flask.cli import FlaskGroup

from quizapp import create_app
from quizapp.cli.bank import check, generate
from quizapp.cli.database import db_group
from quizapp.cli.decks import decks_command, import_command
from quizapp.cli.exports import export_group
from quizapp.cli.guests import prune_guests_command
from quizapp.cli.teachers import create_teacher


class QuizappGroup(FlaskGroup):
    """Flask's CLI group; a configuration mistake (``quizapp.db.startup``) ends any command
    with one line naming the setting, exit status 2, instead of a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except Exception as exc:
            message = _configuration_problem(exc)
            if message is None:
                raise
            click.echo(f"Error: {message}", err=True)
            ctx.exit(2)


def _configuration_problem(exc: Exception) -> str | None:
    from flask import current_app

    from quizapp.db.startup import explain

    try:
        url = str(current_app.config["SQLALCHEMY_DATABASE_URI"])
    except RuntimeError:  # no app: the URL as configured
        import os

        url = os.environ.get("QUIZAPP_DATABASE_URL", "")
    return explain(exc, url)


cli = QuizappGroup(
    create_app=create_app,
    help="quizapp: turn an article into spaced-repetition quizzes, study them, export them.",
    add_version_option=False,
)
click.version_option(package_name="quizapp", prog_name="quizapp")(cli)
cli.add_command(db_group)
cli.add_command(export_group)
cli.add_command(import_command)
cli.add_command(decks_command)
cli.add_command(generate)
cli.add_command(check)
cli.add_command(create_teacher)
cli.add_command(prune_guests_command)

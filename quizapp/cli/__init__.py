"""The ``quizapp`` console script: one Flask CLI group; one module per command family
(``bank``: generate/check, ``decks``: import/decks, ``exports``: export, ``guests``: prune-guests,
``teachers``: create-teacher, ``database``: db). ``--version`` is quizapp's own (Flask's
would print Flask's). Top layer: may import everything below it."""

from __future__ import annotations

import click
from flask.cli import FlaskGroup

from quizapp import create_app
from quizapp.cli.bank import check, generate
from quizapp.cli.database import db_group
from quizapp.cli.decks import decks_command, import_command
from quizapp.cli.exports import export_group
from quizapp.cli.guests import prune_guests_command
from quizapp.cli.teachers import create_teacher

cli = FlaskGroup(
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

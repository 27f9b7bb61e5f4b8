"""The ``quizapp`` console script: one Flask CLI group; each feature adds its commands here."""

from __future__ import annotations

from flask.cli import FlaskGroup

from quizapp import create_app
from quizapp.classroom.cli import create_teacher
from quizapp.cli_bank import check, generate
from quizapp.cli_decks import decks_command, import_command
from quizapp.cli_export import export_group
from quizapp.cli_guests import prune_guests_command

cli = FlaskGroup(
    create_app=create_app,
    help="quizapp: turn an article into spaced-repetition quizzes, study them, export them.",
)
cli.add_command(export_group)
cli.add_command(import_command)
cli.add_command(decks_command)
cli.add_command(generate)
cli.add_command(check)
cli.add_command(create_teacher)
cli.add_command(prune_guests_command)

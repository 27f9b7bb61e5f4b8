"""The ``quizapp`` console script: one Flask CLI group; each feature adds its commands here."""

from __future__ import annotations

from flask.cli import FlaskGroup

from quizapp import create_app

cli = FlaskGroup(
    create_app=create_app,
    help="quizapp: turn an article into spaced-repetition quizzes, study them, export them.",
)

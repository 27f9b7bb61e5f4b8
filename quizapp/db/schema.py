"""Is the database ready? An empty one is set up on first start; an old one is refused.

``prepare_database`` runs when the app starts serving:

* no tables at all (a fresh clone, a new PostgreSQL database): upgrade to the latest
  migration and import the default deck (``upgrade_schema``, which ``quizapp db upgrade``
  uses too, so a database is seeded the same way whichever command creates it), so
  ``quizapp run`` just works;
* at the latest migration: nothing to do;
* anything else: refuse to start with ``SchemaOutOfDate`` ("run: quizapp db upgrade").

Afterwards the engine's pool is disposed, so no connection opened here survives into
the worker processes a server forks (gunicorn ``--preload``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from enum import StrEnum

import click
import flask_migrate
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from sqlalchemy import Engine, inspect, text

from questions import bankfile
from questions.default_deck import DEFAULT_BANK
from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.domain.timezones import utcnow

# Any constant: serialises concurrent first starts of several workers on PostgreSQL.
BOOTSTRAP_LOCK_KEY = 0x5155495A


class SchemaStatus(StrEnum):
    EMPTY = "empty"
    CURRENT = "current"
    OUTDATED = "outdated"
    UNVERSIONED = "unversioned"


class SchemaOutOfDate(click.ClickException):
    """The database is not at the latest migration; the message says what to run."""


def migrations_dir(app: Flask) -> str:
    return os.path.join(app.root_path, "db", "migrations")


def schema_status(engine: Engine, directory: str) -> SchemaStatus:
    heads = set(ScriptDirectory(directory).get_heads())
    with engine.connect() as conn:
        if not inspect(conn).get_table_names():
            return SchemaStatus.EMPTY
        current = set(MigrationContext.configure(conn).get_current_heads())
    if not current:
        return SchemaStatus.UNVERSIONED
    return SchemaStatus.CURRENT if current == heads else SchemaStatus.OUTDATED


def prepare_database(app: Flask) -> None:
    """See module docstring."""
    with app.app_context():
        try:
            status = schema_status(db.engine, migrations_dir(app))
            if status is SchemaStatus.EMPTY:
                upgrade_schema(app)
            elif status is SchemaStatus.OUTDATED:
                raise SchemaOutOfDate("the database schema is out of date; run: quizapp db upgrade")
            elif status is SchemaStatus.UNVERSIONED:
                raise SchemaOutOfDate(
                    "the database has tables but no quizapp migration version; "
                    "point QUIZAPP_DATABASE_URL at an empty or quizapp database"
                )
        finally:
            db.session.remove()
            db.engine.dispose()


def upgrade_schema(app: Flask, upgrade: Callable[[], object] | None = None) -> None:
    """Run ``upgrade`` (default: to the latest migration); a database that had no tables and
    is now at the latest migration also gets the default deck."""
    directory = migrations_dir(app)
    was_empty = schema_status(db.engine, directory) is SchemaStatus.EMPTY
    if upgrade is None:
        flask_migrate.upgrade(directory=directory)
    else:
        upgrade()
    if was_empty and schema_status(db.engine, directory) is SchemaStatus.CURRENT:
        import_default_deck()


def import_default_deck() -> None:
    """Import the project's default deck (idempotent; safe when several workers race)."""
    bank = bankfile.load(DEFAULT_BANK)
    if db.engine.dialect.name == "postgresql":
        db.session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": BOOTSTRAP_LOCK_KEY})
    import_bank(db.session, bank, utcnow())
    db.session.commit()

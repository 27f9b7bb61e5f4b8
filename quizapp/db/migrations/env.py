"""Alembic environment for quizapp, run through Flask-Migrate inside an app context.

Differences from Flask-Migrate's template, and why:
* no ``fileConfig``: reconfiguring logging from a migration would silence the app's loggers
  (the CLI still prints each migration it applies);
* SQLite runs its DDL in one transaction (our engine hook emits ``BEGIN IMMEDIATE``), so a
  failed upgrade leaves nothing half-done and concurrent first starts serialise;
* PostgreSQL takes an advisory lock for the same reason;
* ``render_as_batch`` on SQLite so ALTERs in later migrations work there;
* ``compare_type`` so autogenerate notices column type changes; ``UTCDateTime`` renders as
  ``sa.DateTime()`` so migration files never import application code.
"""

from __future__ import annotations

import logging
from typing import Any

import click
from alembic import context
from flask import current_app
from sqlalchemy import text

from quizapp.db.schema import BOOTSTRAP_LOCK_KEY
from quizapp.db.timecol import UTCDateTime

config = context.config

# From the command line, say what is applied ("Running upgrade  -> 83ab…, initial schema").
# The handler lives only while this script runs, so no stream outlives its command.
_alembic_log = logging.getLogger("alembic")
_has_output = any(not isinstance(h, logging.NullHandler) for h in _alembic_log.handlers)
_cli_handler: logging.Handler | None = None
if click.get_current_context(silent=True) is not None and not _has_output:
    _cli_handler = logging.StreamHandler()
    _alembic_log.addHandler(_cli_handler)
    _alembic_log.setLevel(logging.INFO)
target_db = current_app.extensions["migrate"].db
engine = target_db.engine
config.set_main_option(
    "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
)


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_db.metadata,
        literal_binds=True,
        render_as_batch=engine.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _skip_empty_autogenerate(ctx: object, revision: object, directives: list[Any]) -> None:
    if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
        directives[:] = []


def _render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    # Migrations must not import app code: UTCDateTime is stored as a plain DATETIME.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    return False


def run_migrations_online() -> None:
    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", _skip_empty_autogenerate)
    conf_args.setdefault("compare_type", True)
    conf_args.setdefault("render_item", _render_item)
    conf_args.setdefault("render_as_batch", engine.dialect.name == "sqlite")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_db.metadata,
            transactional_ddl=True,
            **conf_args,
        )
        with context.begin_transaction():
            if engine.dialect.name == "postgresql":
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:k)"), {"k": BOOTSTRAP_LOCK_KEY}
                )
            context.run_migrations()


try:
    if context.is_offline_mode():
        run_migrations_offline()
    else:
        run_migrations_online()
finally:
    if _cli_handler is not None:
        _alembic_log.removeHandler(_cli_handler)
        _alembic_log.setLevel(logging.NOTSET)

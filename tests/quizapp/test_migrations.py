"""The migrations produce exactly the models' schema; the app refuses an out-of-date one."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from flask import Flask
from sqlalchemy import create_engine, func, select, text

from questions.bankfile import load
from questions.default_deck import DEFAULT_BANK
from quizapp import create_app
from quizapp.cli import cli
from quizapp.config import database_url, persistent_secret_key
from quizapp.db.base import db
from quizapp.db.models import Deck, Question
from quizapp.db.schema import SchemaOutOfDate, SchemaStatus, migrations_dir, schema_status

from .conftest import app_config


def test_migrations_match_the_models(app: Flask) -> None:
    with app.app_context(), db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, db.metadata)
    assert diff == []


def test_app_refuses_an_out_of_date_schema(app: Flask, database: str) -> None:
    with app.app_context():
        head = db.session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        db.session.execute(text("UPDATE alembic_version SET version_num = 'older'"))
        db.session.commit()
        try:
            with pytest.raises(SchemaOutOfDate, match="run: quizapp db upgrade"):
                create_app(app_config(database))
        finally:  # the PostgreSQL database is shared by the whole test session
            db.session.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
            db.session.commit()


def test_an_empty_database_is_set_up_with_the_default_deck(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    app = create_app(app_config(url))
    create_app(app_config(url))  # a second start (another worker) changes nothing
    with app.app_context():
        tables = set(db.inspect(db.engine).get_table_names())
        decks = db.session.scalars(select(Deck.slug)).all()
        questions = db.session.scalar(select(func.count(Question.id)))
        db.engine.dispose()
    assert {"alembic_version", "user_account", "deck", "question", "card_state"} <= tables
    assert decks == [load(DEFAULT_BANK).deck.slug]
    assert questions == len(load(DEFAULT_BANK).questions)


def test_database_url_normalisation(tmp_path: Path) -> None:
    assert database_url("postgresql://u@h/db", "") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db", "") == "postgresql+psycopg://u@h/db"
    assert database_url("", str(tmp_path)) == f"sqlite:///{tmp_path / 'quizapp.sqlite3'}"


def test_secret_key_is_generated_once_and_kept(tmp_path: Path) -> None:
    first = persistent_secret_key(str(tmp_path))
    assert len(first) == 64
    assert persistent_secret_key(str(tmp_path)) == first


def test_cli_db_upgrade_sets_up_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    app = create_app(app_config(url, AUTO_BOOTSTRAP=False))
    result = app.test_cli_runner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        status = schema_status(db.engine, migrations_dir(app))
        db.engine.dispose()
    assert status is SchemaStatus.CURRENT


def test_management_commands_still_work_on_an_old_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    create_app(app_config(url))  # set up, then pretend it predates the latest migration
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    engine.dispose()
    with pytest.raises(SchemaOutOfDate):
        create_app(app_config(url))
    # ``quizapp db …`` builds the app inside a click context: no refusal there, so the
    # command that fixes the schema can run; ``quizapp run`` refuses like gunicorn does.
    with click.Context(click.Command("db"), info_name="db"):
        create_app(app_config(url))
    with click.Context(click.Command("run"), info_name="run"), pytest.raises(SchemaOutOfDate):
        create_app(app_config(url))

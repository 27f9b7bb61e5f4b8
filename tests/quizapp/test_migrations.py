"""The migrations produce exactly the models' schema; the app refuses an out-of-date one."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from flask import Flask
from sqlalchemy import text

from quizapp import create_app
from quizapp.extensions import db
from quizapp.schema import SchemaOutOfDate

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


def test_an_empty_database_is_set_up_on_first_start(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    app = create_app(app_config(url))
    with app.app_context():
        tables = set(db.inspect(db.engine).get_table_names())
        db.engine.dispose()
    assert {"alembic_version", "user_account", "deck", "question", "card_state"} <= tables

"""Fixtures for every quizapp test (study, API, classroom): an app on each backend, clients,
small banks built in code, a fixed clock.

``app`` is parametrized over ``sqlite`` and ``postgres``:
* sqlite: the migrations run once per test session into a template file, copied per test;
* postgres: ``QUIZAPP_TEST_POSTGRES_URL``, or the local server on 127.0.0.1:5432 when it
  answers (``tests/local_services.py``), names a server; a uniquely named database
  ``quizapp_t_<random>`` is created for this test session (so engineers running tests at
  once never collide), upgraded once, its tables truncated before each test, and dropped at
  the end. No server: those tests skip, saying why.

Tests use the real migrations, never ``create_all``.
"""

from __future__ import annotations

import secrets
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import flask_migrate
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from questions.bankfile import with_content_version
from questions.model import CLOZE_BLANK, Article, Bank, Block, Deck, Kind, Question, Source
from questions.normalise import sha256_text
from quizapp import create_app
from quizapp.config import database_url
from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.db.schema import migrations_dir
from tests import local_services

BACKENDS = ["sqlite", "postgres"]
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def app_config(url: str, **overrides: Any) -> dict[str, Any]:
    """The config every test app starts from (CSRF and rate limits off unless a test turns
    them on; no fuzz so intervals are exact)."""
    config: dict[str, Any] = {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "DATABASE_URL": url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "FSRS_ENABLE_FUZZING": False,
        # The small test deck is two sibling groups: tests that walk all its cards in one
        # day turn burying off; tests of burying itself turn it on (BURY_SIBLINGS=True).
        "BURY_SIBLINGS": False,
        "SERVER_NAME": "localhost",
    }
    config.update(overrides)
    return config


def _upgraded(url: str) -> None:
    app = create_app(app_config(url, AUTO_BOOTSTRAP=False))
    with app.app_context():
        flask_migrate.upgrade(directory=migrations_dir(app))
        db.engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    _upgraded(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    base = local_services.postgres_url()
    if not base:
        pytest.skip(
            local_services.missing(local_services.POSTGRES_ENV, local_services.POSTGRES_DEFAULT)
        )
    admin_url = make_url(database_url(base, ""))
    name = f"quizapp_t_{secrets.token_hex(6)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = admin_url.set(database=name).render_as_string(hide_password=False)
    try:
        _upgraded(url)
        yield url
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def _truncate_postgres(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        tables = conn.execute(
            text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                "AND tablename <> 'alembic_version'"
            )
        ).scalars()
        names = ", ".join(f'"{t}"' for t in tables)
        if names:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database URL on the parametrized backend."""
    if request.param == "sqlite":
        path = tmp_path / "quizapp.sqlite3"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_url")
    _truncate_postgres(url)
    return url


@contextmanager
def apps_on(url: str) -> Iterator[Callable[..., Flask]]:
    """Build apps on the database ``url`` with config overrides; their sessions and engines
    are closed when the block ends."""
    apps: list[Flask] = []

    def build(**overrides: Any) -> Flask:
        app = create_app(app_config(url, **overrides))
        apps.append(app)
        return app

    try:
        yield build
    finally:
        for app in apps:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


@pytest.fixture
def make_app(database: str) -> Iterator[Callable[..., Flask]]:
    """Build an app on the test database with config overrides (e.g. WTF_CSRF_ENABLED=True)."""
    with apps_on(database) as build:
        yield build


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def session(app: Flask) -> Iterator[Session]:
    """``db.session`` inside an app context (for service-level tests)."""
    with app.app_context():
        yield db.session
        db.session.rollback()


@pytest.fixture
def now() -> datetime:
    return NOW


# --- banks -------------------------------------------------------------------------------

TEXT = (
    "Muscle cramps\n\n"
    "Motor neuron diseases\n\n"
    "ALS, also known as Lou Gehrig's disease, affects motor neurons.\n\n"
    "Metabolic causes\n\n"
    "Hypocalcemia is a low level of calcium in the blood.\n"
)


def _span(sentence: str) -> tuple[int, int]:
    start = TEXT.index(sentence)
    return start, start + len(sentence)


def _source(section: str, sentence: str) -> Source:
    start, end = _span(sentence)
    return Source(section=section, sentence=sentence, start=start, end=end)


ALS_SENTENCE = "ALS, also known as Lou Gehrig's disease, affects motor neurons."
HYPO_SENTENCE = "Hypocalcemia is a low level of calcium in the blood."


def build_questions() -> tuple[Question, ...]:
    als = _source("Motor neuron diseases", ALS_SENTENCE)
    hypo = _source("Metabolic causes", HYPO_SENTENCE)
    common: dict[str, Any] = {"fact_kind": "alias", "explanation": ALS_SENTENCE}
    return (
        Question(id="q-flash", kind=Kind.FLASHCARD, prompt="What is ALS also known as?",
                 answer="Lou Gehrig's disease", fact_id="f-als", entity="ALS", source=als,
                 tags=("section::Motor_neuron_diseases",), **common),
        Question(id="q-cloze", kind=Kind.CLOZE,
                 prompt=f"ALS, also known as {CLOZE_BLANK}, affects motor neurons.",
                 answer="Lou Gehrig's disease", accepted=("Lou Gehrig disease",),
                 fact_id="f-als", entity="ALS", source=als, **common),
        Question(id="q-mc", kind=Kind.MULTIPLE_CHOICE,
                 prompt="Which disease is also known as Lou Gehrig's disease?", answer="ALS",
                 options=("Multiple sclerosis", "ALS", "Hypocalcemia"), correct=1,
                 fact_id="f-als", entity="ALS", source=als, **common),
        Question(id="q-tf", kind=Kind.TRUE_FALSE,
                 prompt="Hypocalcemia is a high level of calcium in the blood.",
                 answer="False", options=("True", "False"), correct=1, fact_id="f-hypo",
                 entity="Hypocalcemia", source=hypo, fact_kind="definition",
                 explanation=HYPO_SENTENCE),
        Question(id="q-def", kind=Kind.CLOZE,
                 prompt=f"{CLOZE_BLANK} is a low level of calcium in the blood.",
                 answer="Hypocalcemia", fact_id="f-hypo", entity="Hypocalcemia", source=hypo,
                 fact_kind="definition", explanation=HYPO_SENTENCE),
    )  # fmt: skip


def build_bank(questions: tuple[Question, ...] | None = None, slug: str = "cramps") -> Bank:
    blocks = []
    offset = 0
    for line in TEXT.split("\n"):
        if line:
            kind = "title" if offset == 0 else ("paragraph" if "." in line else "heading")
            blocks.append(Block(kind, offset, offset + len(line)))
        offset += len(line) + 1
    article = Article(
        title="Muscle cramps", filename="cramps.txt", sha256=sha256_text(TEXT), text=TEXT,
        blocks=tuple(blocks),
    )  # fmt: skip
    qs = build_questions() if questions is None else questions
    deck = Deck(slug, "Muscle cramps", "Neurological causes of muscle cramps.")
    return with_content_version(Bank(deck=deck, article=article, questions=qs))


@pytest.fixture
def small_bank() -> Bank:
    """Five questions over two sections: one flashcard, two clozes, one MC, one true/false."""
    return build_bank()


@pytest.fixture
def deck_id(app: Flask, small_bank: Bank, now: datetime) -> int:
    """``small_bank`` imported into the test database; returns the deck's id."""
    with app.app_context():
        import_bank(db.session, small_bank, now)
        db.session.commit()
        deck = db.session.execute(text("SELECT id FROM deck WHERE slug = 'cramps'")).scalar_one()
        db.session.remove()
    return int(deck)

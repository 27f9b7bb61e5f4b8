"""Configuration a newcomer meets first: ``QUIZAPP_INSTANCE_PATH`` holds the database and the
secret key; ``quizapp --version`` is quizapp's; no ``--help`` writes anything; a piped password
is read without ``GetPassWarning``; ``quizapp db upgrade`` on a fresh database seeds the
default deck exactly as the first start of the site does."""

from __future__ import annotations

import importlib.metadata
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from quizapp import create_app
from quizapp.cli import cli
from quizapp.db.base import db
from quizapp.db.schema import prepare_database
from quizapp.domain.passwords import verify_password

DEFAULT_SLUG = "neurological-disorders-that-cause-muscle-cramps"


@pytest.fixture
def instance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An instance folder that does not exist yet, named by the variable; no other
    configuration from the environment. FlaskGroup sets FLASK_RUN_FROM_CLI: restore it."""
    for name in ("QUIZAPP_DATABASE_URL", "QUIZAPP_SECRET_KEY", "QUIZAPP_AUTO_BOOTSTRAP"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("FLASK_RUN_FROM_CLI", "true")
    folder = tmp_path / "elsewhere" / "instance"
    monkeypatch.setenv("QUIZAPP_INSTANCE_PATH", str(folder))
    monkeypatch.chdir(tmp_path)
    return folder


def _deck_slugs(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "quizapp.sqlite3") as conn:
        return [row[0] for row in conn.execute("SELECT slug FROM deck ORDER BY slug")]


def test_instance_path_holds_the_database_and_the_secret_key(instance: Path) -> None:
    app = create_app()  # serving: the empty database is set up on the spot
    assert app.instance_path == str(instance)
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{instance / 'quizapp.sqlite3'}"
    assert not (instance / "secret_key").exists()  # made by the first request, not the factory
    assert app.test_client().get("/").status_code == 200
    key = (instance / "secret_key").read_text(encoding="utf-8").strip()
    assert app.secret_key == key and len(key) == 64
    assert _deck_slugs(instance) == [DEFAULT_SLUG]
    with app.app_context():
        db.engine.dispose()
    assert create_app().test_client().get("/").status_code == 200
    assert (instance / "secret_key").read_text(encoding="utf-8").strip() == key  # kept


def test_version_is_quizapp_s_own(instance: Path) -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"quizapp, version {importlib.metadata.version('quizapp')}"


def _all_command_paths(group: click.Group, ctx: click.Context) -> Iterator[list[str]]:
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        yield [name]
        if isinstance(command, click.Group):
            sub = click.Context(command, parent=ctx, info_name=name)
            yield from ([name, *rest] for rest in _all_command_paths(command, sub))


def test_no_help_writes_anything(instance: Path, tmp_path: Path) -> None:
    with click.Context(cli, info_name="quizapp") as ctx:
        paths = [[], *_all_command_paths(cli, ctx)]
    assert {"db", "run", "export", "create-teacher"} <= {p[0] for p in paths if p}
    assert ["db", "upgrade"] in paths
    for path in paths:
        result = CliRunner().invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Usage:" in result.output
    assert not instance.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_piped_password_makes_a_teacher_without_a_warning(instance: Path) -> None:
    script = Path(sys.executable).with_name("quizapp")
    result = subprocess.run(
        [str(script), "create-teacher", "Mrs.Smith"],
        input="long enough\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "teacher mrs.smith created"
    assert "Warning" not in result.stderr and "long enough" not in result.stderr
    with sqlite3.connect(instance / "quizapp.sqlite3") as conn:
        (stored,) = conn.execute(
            "SELECT password_hash FROM user_account WHERE username = 'mrs.smith'"
        ).fetchone()
    assert verify_password(stored, "long enough")


def test_db_upgrade_seeds_a_fresh_database_like_the_first_start(instance: Path) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert _deck_slugs(instance) == [DEFAULT_SLUG]
    again = CliRunner().invoke(cli, ["db", "upgrade"])
    assert again.exit_code == 0, again.output
    assert _deck_slugs(instance) == [DEFAULT_SLUG]
    # The first start of the site finds the database current and changes nothing.
    app = create_app({"SECRET_KEY": "k"})
    prepare_database(app)
    assert _deck_slugs(instance) == [DEFAULT_SLUG]


def test_db_upgrade_to_an_older_revision_does_not_seed(instance: Path) -> None:
    result = CliRunner().invoke(cli, ["db", "upgrade", "83ab75dc5a98"])
    assert result.exit_code == 0, result.output
    assert _deck_slugs(instance) == []

"""Configuration mistakes are one line naming the setting, exit status 2 in the CLI (and
gunicorn's "app failed to load", 4, under gunicorn), never a traceback (issue 9, finding 6)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests import local_services

BIN = Path(sys.executable).parent


def _run(
    args: list[str], url: str, cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZAPP_DATABASE_URL": url}
    return subprocess.run(
        args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )


def _one_line(result: subprocess.CompletedProcess[str], status: int = 2) -> str:
    assert result.returncode == status, result.stderr[-500:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "quizapp" in line or "Error" in line]
    assert len(lines) >= 1 and len(result.stderr.strip().splitlines()) <= 2, result.stderr
    assert "QUIZAPP_DATABASE_URL" in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+psycopg2://u@127.0.0.1/x", "driver is not installed"),
        ("sqlite:////nonexistent-folder/quizapp.sqlite3", "cannot open the SQLite file"),
        ("not a url", "not a database URL"),
    ],
)
def test_cli_configuration_errors_are_one_line(tmp_path: Path, url: str, message: str) -> None:
    assert message in _one_line(_run([str(BIN / "quizapp"), "decks"], url, tmp_path))


def test_a_missing_postgresql_database_is_one_line(tmp_path: Path) -> None:
    base = local_services.postgres_url()
    if not base:
        pytest.skip(
            local_services.missing(local_services.POSTGRES_ENV, local_services.POSTGRES_DEFAULT)
        )
    url = base.rsplit("/", 1)[0] + "/quizapp_no_such_database"
    line = _one_line(_run([str(BIN / "quizapp"), "decks"], url, tmp_path))
    assert "does not exist" in line and "createdb" in line


def test_gunicorn_on_an_out_of_date_schema_stops_with_one_line(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    assert _run([str(BIN / "quizapp"), "db", "upgrade"], url, tmp_path).returncode == 0
    with sqlite3.connect(tmp_path / "old.sqlite3") as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'older'")
    args = [str(BIN / "gunicorn"), "--preload", "-w", "1", "-b", "127.0.0.1:0"]
    result = _run([*args, "quizapp:create_app()"], url, tmp_path)
    assert result.returncode == 4, result.stderr[-500:]  # gunicorn's "app failed to load"
    assert "Traceback" not in result.stderr
    assert "schema is out of date; run: quizapp db upgrade" in result.stderr

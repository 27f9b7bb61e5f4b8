"""The classroom benchmark runs end to end with tiny parameters (gunicorn, real HTTP,
the report check). No timing is asserted: only that nothing failed and nothing was lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import local_services

SCRIPT = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_classroom.py"
TINY = ["--students", "4", "--questions", "3", "--workers", "2", "--client-processes", "2"]


def _run(*extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "QUIZAPP_DATABASE_URL"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *TINY, *extra],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )


def _assert_clean(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 0, result.stdout + result.stderr
    assert "errors: 0" in result.stdout
    assert "lost answers: 0" in result.stdout
    assert "12 acknowledged answers" in result.stdout
    assert "in the report: 12" in result.stdout


@pytest.mark.slow
def test_benchmark_on_sqlite() -> None:
    result = _run()
    _assert_clean(result)
    assert "SQLite" in result.stdout


@pytest.mark.slow
@pytest.mark.postgres
def test_benchmark_on_postgres() -> None:
    url = local_services.postgres_url()
    if not url:
        pytest.skip(
            local_services.missing(local_services.POSTGRES_ENV, local_services.POSTGRES_DEFAULT)
        )
    result = _run("--database-url", url)
    _assert_clean(result)
    assert "PostgreSQL" in result.stdout

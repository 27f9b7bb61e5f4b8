"""The load benchmark runs end to end with tiny parameters: database set up by the CLI,
gunicorn started and stopped, learners answer through the API, every acknowledged answer
found in the database. No timing is asserted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_load.py"


@pytest.mark.slow
def test_load_benchmark_smoke() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--seconds", "2", "--learners", "2", "--workers", "2",
         "--baseline-seconds", "1"],
        capture_output=True, text=True, timeout=240, cwd=SCRIPT.parents[1],
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout
    found = re.search(r"answers/s: [\d.]+ \((\d+) acknowledged answers\)", out)
    assert found is not None, out
    assert int(found.group(1)) > 0
    assert "errors: 0\n" in out
    assert "lost answers: 0 " in out and "duplicate keys: 0" in out
    assert re.search(r"/healthz: [\d.]+ requests/s", out)

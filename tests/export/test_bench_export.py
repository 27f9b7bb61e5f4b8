"""The export benchmark keeps working (a small run; the 10,000-question figures are printed by
``python benchmarks/bench_export.py``, not asserted here, since timings vary by machine): both
levels (the exporter alone, and the web downloads over a SQLite database) for 3 and 5 reviews
per card."""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_export.py"


def load_benchmark() -> ModuleType:
    # As ``python benchmarks/bench_export.py`` does, so that its helper ``_learner_db`` imports.
    if str(SCRIPT.parent) not in sys.path:
        sys.path.insert(0, str(SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("bench_export", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_runs_and_reports_both_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    bench = load_benchmark()
    bank = bench.synthetic_bank(40)
    assert {q.kind for q in bank.questions} == {
        "flashcard",
        "cloze",
        "multiple_choice",
        "true_false",
    }
    bench.main(["--questions", "40", "--repeat", "1"])  # exit status: timing noise at this size
    out = capsys.readouterr().out
    assert "quizapp .apkg export:" in out and "plain genanki:" in out and "ratio:" in out
    assert "per-learner export:" in out and "learner ratio:" in out
    assert "3 reviews per card (120 reviews)" in out and "5 reviews per card (200 reviews)" in out
    assert out.count("web my-progress:") == 2 and out.count("web learner ratio:") == 2
    assert tempfile.tempdir == str(tmp_path)  # restored
    assert not list(tmp_path.iterdir())  # everything it wrote is gone

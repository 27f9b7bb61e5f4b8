"""The quality benchmark runs on a small folder and measures what it claims (issue 13).

The figures of ``../shared/articles/dev`` are printed by ``python benchmarks/bench_quality.py``,
not asserted: a test checks the script and its measures on a tiny article it can reason about.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from questions.rarity import is_trivial

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_quality.py"
ARTICLE = Path(__file__).resolve().parent / "articles" / "photosynthesis-prose.txt"


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_quality", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_benchmark()


def test_fold_ignores_case_plural_and_punctuation(bench: ModuleType) -> None:
    assert bench.fold("Motor Neurons") == bench.fold("motor neuron")
    assert bench.fold("diagnosis") == "diagnosis"  # not a plural
    assert bench.fold("70 mg/dL") == "70 mg dl"


def test_trivial_answers_are_function_and_filler_words_not_terms() -> None:
    for word in ("people", "method", "value", "factors", "first", "the"):
        assert is_trivial(word), word
    for term in ("chlorophyll", "hypocalcemia", "70 mg/dL", "85%", "motor neurons"):
        assert not is_trivial(term), term


def test_runs_on_a_small_folder_and_reports_every_figure(
    bench: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "prose.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "prose.facts").write_text(
        "a term the article never uses | zyxwvut\n", encoding="utf-8"
    )
    (tmp_path / "no-facts.txt").write_text("Not measured without a facts file.\n")
    assert bench.main([str(tmp_path), "--missed"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[1:2]] == ["prose"]
    assert "  0.0%" in lines[1] and lines[1].endswith("yes")  # the made-up term is missed
    assert "missed: zyxwvut" in out
    for figure in ("key-term coverage", "multiple choice", "false true/false", "trivial cloze"):
        assert figure in out
    assert "questions / 1,000 words" in out and "errors 0, not byte-identical 0" in out


def test_lists_the_questions_of_one_article(
    bench: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench.main(["--list", str(ARTICLE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ")
    assert "[cloze]" in out and "-> " in out

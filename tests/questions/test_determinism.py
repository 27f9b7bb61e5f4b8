"""Same article, same bytes (under any hash seed); ids survive small edits; the file round-trips."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from questions import pipeline
from questions.bankfile import dump, dumps, load
from questions.default_deck import DEFAULT_ARTICLE
from questions.pipeline import generate
from questions.reading import RawArticle, read_article

ARTICLES = Path(__file__).resolve().parent / "articles"
GENERATE = "import sys; from quizapp.cli.bank import generate; generate(sys.argv[1:])"


def generate_in_subprocess(article: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-c", GENERATE, str(article), "-o", "-", "-q"],
        env=env,
        capture_output=True,
        check=True,
        timeout=120,
    )
    return done.stdout


@pytest.mark.parametrize(
    "article", [DEFAULT_ARTICLE, ARTICLES / "solar-system.md", ARTICLES / "coffee-page.html"]
)
def test_two_runs_under_different_hash_seeds_are_byte_identical(article: Path) -> None:
    first = generate_in_subprocess(article, "1")
    second = generate_in_subprocess(article, "4242")
    assert first and first == second


def _edited(old: str, new: str) -> RawArticle:
    raw = read_article(DEFAULT_ARTICLE)
    assert raw.text.count(old) == 1
    return RawArticle(raw.filename, raw.text.replace(old, new), raw.fmt)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Calcium ions play a critical role", "Calcium ions play a crucial role"),
        ("insulating nerve fibers", "insulating the nerve fibers"),
        ("Measuring the speed of nerve signals", "Measuring the speed of nerve signal"),
    ],
)
def test_ids_of_unaffected_questions_survive_a_small_edit(
    old: str, new: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    ranked_before, _ = generate(read_article(DEFAULT_ARTICLE))
    ranked_after, _ = generate(_edited(old, new))
    # Every candidate, before ranking: the ids themselves must not move.
    monkeypatch.setattr(pipeline, "rank", lambda questions, *args: questions)
    before, _ = generate(read_article(DEFAULT_ARTICLE))
    after, _ = generate(_edited(old, new))
    after_ids = set(after.by_id())
    untouched = [q for q in before.questions if old not in q.source.sentence]
    missing = [q.id for q in untouched if q.id not in after_ids]
    assert not missing
    # The offsets move with the text, the ids do not.
    assert len(after.questions) >= len(untouched)
    # Ranked, a small edit may swap a question or two at the budget's edge, no more.
    kept = set(ranked_after.by_id())
    swapped = [q.id for q in ranked_before.questions if old not in q.source.sentence]
    assert sum(1 for qid in swapped if qid not in kept) <= 2


def test_ids_do_not_depend_on_wording_of_the_prompt() -> None:
    """Regenerating with a different deck name or file name keeps every id."""
    raw = read_article(DEFAULT_ARTICLE)
    a, _ = generate(raw)
    b, _ = generate(RawArticle("renamed.txt", raw.text, raw.fmt))
    assert [q.id for q in a.questions] == [q.id for q in b.questions]


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.iterdir()))
def test_generated_banks_round_trip_through_the_file(tmp_path: Path, name: str) -> None:
    bank, _ = generate(read_article(ARTICLES / name))
    path = tmp_path / "bank.json"
    dump(bank, path)
    assert load(path) == bank
    assert dumps(load(path)) == path.read_text(encoding="utf-8")

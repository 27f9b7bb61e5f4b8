"""Benchmark: our .apkg export of a 10,000-question bank against plain genanki writing the
same 10,000 notes with a trivial two-field model, in the same run. Target: ours ≤ 1.5×.
Second figure: "take my progress to Anki", the per-learner package of the same bank with a
study history on every card (FSRS state and ``--reviews`` answers per card, 3 and 5 by
default), against the plain package, at two levels. Target ≤ 2× at both:

- export level: ``export.anki.write_apkg`` with the progress built in memory;
- web level: both downloads as the web views build them from a SQLite database (the deck's
  rows, the change ledger and, for the learner, their history read through
  ``quizapp.services.learner_progress``; ``_learner_db``).

Three reviews per card is a learner a couple of months in: with the web app's FSRS a card
answered Good is next due in days, then weeks, then months.

    python benchmarks/bench_export.py [--questions N] [--repeat R] [--reviews K [K ...]]

Prints the timings (best of R, CPU time), the ratios, and exits 1 if a target is missed.
Everything is written inside a temporary directory that is removed afterwards (genanki's own
stray temporary files included, by pointing ``tempfile`` at that directory).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import genanki
from _learner_db import learner_database

from export.anki import AnkiOptions, write_apkg
from export.progress import CardProgress, LearnerProgress, ReviewRow, State
from questions.model import CLOZE_BLANK, Article, Bank, Deck, Kind, Question, Source

TARGET = 1.5
LEARNER_TARGET = 2.0
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
SENTENCE = "Hypocalcemia <low calcium> causes cramps & spasms, often in the hands and feet."


def synthetic_bank(size: int) -> Bank:
    """``size`` questions cycling through the four kinds, with text that needs escaping."""
    article = Article(title="Synthetic", filename="synthetic.txt", sha256="0" * 64, text=SENTENCE)
    questions = tuple(_question(i) for i in range(size))
    return Bank(deck=Deck("benchmark", "Benchmark deck"), article=article, questions=questions)


def _question(i: int) -> Question:
    kind = list(Kind)[i % 4]
    common = dict(
        id=f"q{i:05d}-{kind.value}",
        kind=kind,
        explanation=f"Explanation {i}: calcium & nerves <excitable>.",
        fact_id=f"f{i}",
        fact_kind="cause",
        entity=f"Entity {i % 97}",
        source=Source(f"Section {i % 13}", SENTENCE, 0, len(SENTENCE)),
        tags=(f"topic::group {i % 7}",),
    )
    if kind == Kind.CLOZE:
        prompt = f"Hypocalcemia {i} causes {CLOZE_BLANK}, often in the hands."
        return Question(prompt=prompt, answer="cramps & spasms", **common)  # type: ignore[arg-type]
    if kind == Kind.MULTIPLE_CHOICE:
        options = ("cramps", "sleep", "fever", "rash")
        return Question(
            prompt=f"What does condition {i} cause?", answer="cramps", options=options,
            correct=0, **common,  # type: ignore[arg-type]
        )  # fmt: skip
    if kind == Kind.TRUE_FALSE:
        return Question(
            prompt=f"Condition {i} causes cramps.", answer="True", options=("True", "False"),
            correct=0, **common,  # type: ignore[arg-type]
        )  # fmt: skip
    return Question(prompt=f"What does condition {i} cause?", answer="cramps", **common)  # type: ignore[arg-type]


def synthetic_progress(bank: Bank, reviews_per_card: int) -> LearnerProgress:
    """Every card studied: in review, due within a month, ``reviews_per_card`` answers each."""
    cards, rows = {}, []
    for i, q in enumerate(bank.questions):
        last = NOW - timedelta(days=i % 30, seconds=i)
        cards[q.id] = CardProgress(
            State.REVIEW, last + timedelta(days=1 + i % 29), 3.5, 5.2, last, reviews_per_card
        )
        for k in range(reviews_per_card):
            rows.append(
                ReviewRow(
                    q.id,
                    last - timedelta(days=reviews_per_card - k),
                    3,
                    timedelta(days=k + 1),
                    State.NEW if k == 0 else State.REVIEW,
                    None if k == 0 else timedelta(days=k),
                    5000,
                    5.2,
                )
            )
    return LearnerProgress(cards=cards, reviews=tuple(rows))


TRIVIAL_MODEL = genanki.Model(
    1380120064,
    "benchmark: trivial",
    fields=[{"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": "{{FrontSide}}<hr>{{Back}}"}],
)


def plain_genanki(bank: Bank, out: Path) -> None:
    deck = genanki.Deck(2059400110, "Benchmark deck")
    for q in bank.questions:
        deck.add_note(
            genanki.Note(TRIVIAL_MODEL, [q.prompt, q.answer], guid=genanki.guid_for(q.id))
        )
    genanki.Package(deck).write_to_file(str(out))


def best_of(repeat: int, run: Callable[[], None]) -> float:
    """The least CPU time of ``repeat`` runs, garbage collection off (as timeit does): the
    machine is shared, and wall-clock time measured other people's work as much as ours."""
    timings = []
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            run()
            timings.append(time.process_time() - start)
    finally:
        if collecting:
            gc.enable()
    return min(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--reviews", type=int, nargs="+", default=[3, 5], help="review-log rows per card"
    )
    args = parser.parse_args(argv)
    bank = synthetic_bank(args.questions)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as scratch:
        out = Path(scratch)
        previous, tempfile.tempdir = tempfile.tempdir, scratch  # genanki's leftovers land here
        try:
            ours = best_of(args.repeat, lambda: write_apkg(bank, out / "ours.apkg", now=NOW))
            plain = best_of(args.repeat, lambda: plain_genanki(bank, out / "plain.apkg"))
            sizes = {p.name: p.stat().st_size / 1e6 for p in out.glob("*.apkg")}
            _print_plain(len(bank.questions), ours, plain, sizes)
            met = ours / plain <= TARGET
            for reviews in args.reviews:
                met &= _learner_figures(bank, reviews, args.repeat, out, ours)
        finally:
            tempfile.tempdir = previous
    return 0 if met else 1


def _print_plain(questions: int, ours: float, plain: float, sizes: dict[str, float]) -> None:
    ratio = ours / plain
    print(f"questions:            {questions:,}")
    print(f"quizapp .apkg export: {ours:.3f} s  ({sizes['ours.apkg']:.1f} MB)")
    print(f"plain genanki:        {plain:.3f} s  ({sizes['plain.apkg']:.1f} MB)")
    print(f"ratio:                {ratio:.2f}×  (target ≤ {TARGET}×: {_verdict(ratio, TARGET)})")


def _learner_figures(bank: Bank, reviews: int, repeat: int, out: Path, ours: float) -> bool:
    """The per-learner figures with ``reviews`` answers per card, at the export level
    (against ``ours``, the plain export) and at the web level (both downloads built from
    a SQLite database as the web views build them); whether both ratios meet the target."""
    learner = AnkiOptions(progress=synthetic_progress(bank, reviews))
    path = out / "learner.apkg"
    mine = best_of(repeat, lambda: write_apkg(bank, path, now=NOW, options=learner))
    rows = len(learner.progress.reviews) if learner.progress else 0
    print(f"--- {reviews} reviews per card ({rows:,} reviews)")
    print(f"per-learner export:   {mine:.3f} s  ({path.stat().st_size / 1e6:.1f} MB)")
    export_ratio = mine / ours
    verdict = _verdict(export_ratio, LEARNER_TARGET)
    print(f"learner ratio:        {export_ratio:.2f}×  (target ≤ {LEARNER_TARGET}×: {verdict})")
    folder = out / f"web-{reviews}"
    folder.mkdir()
    with learner_database(bank, reviews, folder, NOW) as (plain_download, my_download):
        web_plain = best_of(repeat, plain_download)
        web_mine = best_of(repeat, my_download)
    web_ratio = web_mine / web_plain
    print(f"web plain download:   {web_plain:.3f} s  (SQLite)")
    print(f"web my-progress:      {web_mine:.3f} s")
    verdict = _verdict(web_ratio, LEARNER_TARGET)
    print(f"web learner ratio:    {web_ratio:.2f}×  (target ≤ {LEARNER_TARGET}×: {verdict})")
    return export_ratio <= LEARNER_TARGET and web_ratio <= LEARNER_TARGET


def _verdict(ratio: float, target: float) -> str:
    return "met" if ratio <= target else "MISSED"


if __name__ == "__main__":
    sys.exit(main())

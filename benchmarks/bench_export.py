"""Benchmark: our .apkg export of a 10,000-question bank against plain genanki writing the
same 10,000 notes with a trivial two-field model, in the same run. Target: ours ≤ 1.5×.

    python benchmarks/bench_export.py [--questions N] [--repeat R]

Prints both timings (best of R), the ratio, and exits 1 if the target is missed. Everything
is written inside a temporary directory that is removed afterwards (genanki's own stray
temporary files included, by pointing ``tempfile`` at that directory).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import genanki

from export.anki import write_apkg
from questions.model import CLOZE_BLANK, Article, Bank, Deck, Kind, Question, Source

TARGET = 1.5
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
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    bank = synthetic_bank(args.questions)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as scratch:
        previous, tempfile.tempdir = tempfile.tempdir, scratch  # genanki's leftovers land here
        try:
            ours = best_of(args.repeat, lambda: write_apkg(bank, Path(scratch) / "ours.apkg"))
            plain = best_of(args.repeat, lambda: plain_genanki(bank, Path(scratch) / "plain.apkg"))
            sizes = {p.name: p.stat().st_size for p in Path(scratch).glob("*.apkg")}
        finally:
            tempfile.tempdir = previous
    ratio = ours / plain
    print(f"questions:            {len(bank.questions):,}")
    print(f"quizapp .apkg export: {ours:.3f} s  ({sizes['ours.apkg'] / 1e6:.1f} MB)")
    print(f"plain genanki:        {plain:.3f} s  ({sizes['plain.apkg'] / 1e6:.1f} MB)")
    verdict = "met" if ratio <= TARGET else "MISSED"
    print(f"ratio:                {ratio:.2f}×  (target ≤ {TARGET}×: {verdict})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

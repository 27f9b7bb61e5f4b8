"""How today's generator fares on the questions blind reviewers already graded.

Run: ``python benchmarks/bench_audited.py`` (reads ``benchmarks/audit_labels.jsonl``).
Every graded page of ``benchmarks/heldout`` is generated again; each question the bank
still asks word for word (kind, stem and answer) carries its grade. The script prints,
per audit round and in total, how many graded-acceptable and graded-unacceptable questions
are still asked, how many were dropped, and how many questions are new (never graded): a
change that drops unacceptable questions and keeps acceptable ones shows here at once,
without a new audit. It is not a first-sight figure: these pages were read and tuned on
after their audit; only a new audit on new pages measures that.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm
from train_quality import HELDOUT, LABELS, load

from questions.pipeline import generate
from questions.reading import read_article

Key = tuple[str, str, str]


@dataclass
class Tally:
    kept_ok: int = 0
    kept_bad: int = 0
    dropped_ok: int = 0
    dropped_bad: int = 0
    new: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        kept = self.kept_ok + self.kept_bad
        share = f"{100 * self.kept_ok / kept:5.1f} %" if kept else "     -"
        return (
            f"{name:>6} {self.kept_ok:8d} {self.kept_bad:9d} {self.dropped_ok:11d} "
            f"{self.dropped_bad:12d} {self.new:5d} {share:>9}"
        )


HEADER = f"{'round':>6} {'kept ok':>8} {'kept bad':>9} {'dropped ok':>11} "
HEADER += f"{'dropped bad':>12} {'new':>5} {'ok share':>9}"


def key(q: dict) -> Key:
    return (q["kind"], q["prompt"], q["answer"])


def latest_grades(rows: list[dict]) -> dict[str, tuple[int, dict[Key, bool]]]:
    """Per page, the grades of its last audit round (a page graded twice: the later look)."""
    last: dict[str, int] = {}
    for row in rows:
        last[row["page"]] = max(last.get(row["page"], 0), row["round"])
    out: dict[str, tuple[int, dict[Key, bool]]] = {p: (r, {}) for p, r in last.items()}
    for row in rows:
        if row["round"] == last[row["page"]]:
            out[row["page"]][1][key(row["question"])] = row["ok"]
    return out


def tally(page: Path, grades: dict[Key, bool]) -> Tally:
    bank, _ = generate(read_article(page))
    asked = {key(q.to_dict()) for q in bank.questions}
    t = Tally(new=len(asked - grades.keys()))
    for k, ok in grades.items():
        if k in asked:
            t.kept_ok += ok
            t.kept_bad += not ok
        else:
            t.dropped_ok += ok
            t.dropped_bad += not ok
    return t


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--pages", type=Path, default=HELDOUT)
    args = parser.parse_args(argv)
    by_round: dict[int, Tally] = defaultdict(Tally)
    pages = latest_grades(load(args.labels))
    for name, (rnd, grades) in tqdm(sorted(pages.items()), desc="pages", unit="page"):
        by_round[rnd].add(tally(args.pages / name, grades))
    total = Tally()
    print(HEADER)
    for rnd in sorted(by_round):
        print(by_round[rnd].row(str(rnd)))
        total.add(by_round[rnd])
    print(total.row("all"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

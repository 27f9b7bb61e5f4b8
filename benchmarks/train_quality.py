"""Fit the acceptance model of ``quality_features.py`` on the blind audits' gradings.

Run: ``python benchmarks/train_quality.py`` (reads ``benchmarks/audit_labels.jsonl``, made by
``audit_labels.py``; writes ``benchmarks/quality_model.json``). A logistic regression with an L2
penalty, fitted by Newton's method on the features ``quality_features.features`` computes
with today's code (each page re-read from ``benchmarks/heldout`` for its vocabulary).

Before it writes the model it prints how well a model of the same kind does on rounds it
did not see: each audit round in turn is left out, the model fitted on the others scores
it, and the script prints the area under the ROC curve and, for the later rounds, the share
of acceptable questions among those the threshold keeps (``quality_features.THRESHOLD``).
``--dry-run`` prints the figures without writing.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from quality_features import MODEL_PATH, THRESHOLD, features
from tqdm import tqdm

from questions.model import Question
from questions.pipeline import analyse
from questions.reading import read_article

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "benchmarks" / "audit_labels.jsonl"
HELDOUT = ROOT / "benchmarks" / "heldout"
PENALTY = 2.0
REPORT_FROM = 16  # rounds graded on the generators of the last sessions


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def design(rows: list[dict], pages: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Feature names, the feature matrix and the grades (1 acceptable, 0 not)."""
    vocabs = {}
    feats = []
    for row in tqdm(rows, desc="features", unit="question"):
        if row["page"] not in vocabs:
            raw = read_article(pages / row["page"])
            vocabs[row["page"]] = analyse(raw.text, raw.fmt).vocab
        q = Question.from_dict({"explanation": "", **row["question"]})
        feats.append(features(q, vocabs[row["page"]]))
    names = sorted({name for f in feats for name in f})
    x = np.array([[f.get(n, 0.0) for n in names] for f in feats])
    y = np.array([1.0 if row["ok"] else 0.0 for row in rows])
    return names, x, y


def fit(x: np.ndarray, y: np.ndarray, names: list[str], penalty: float = PENALTY) -> np.ndarray:
    """Newton's method on the penalised log-likelihood (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    ridge = np.diag([0.0 if n == "bias" else penalty for n in names])
    for _ in range(25):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + ridge @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + ridge + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    order = np.argsort(scores, kind="stable")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    pos = y == 1
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def left_out(names: list[str], x: np.ndarray, y: np.ndarray, rounds: np.ndarray) -> np.ndarray:
    """Each question's probability from a model fitted without its round."""
    prob = np.zeros(len(y))
    for rnd in sorted(set(rounds.tolist())):
        out = rounds == rnd
        w = fit(x[~out], y[~out], names)
        prob[out] = 1.0 / (1.0 + np.exp(-x[out] @ w))
    return prob


def report(prob: np.ndarray, y: np.ndarray, rounds: np.ndarray) -> Iterable[str]:
    yield f"left-out rounds: AUC {auc(prob, y):.3f} over {len(y)} graded questions"
    yield f"{'round':>5} {'graded':>7} {'acceptable':>11} {'kept':>5} {'acceptable kept':>16}"
    later = rounds >= REPORT_FROM
    for rnd in [*sorted(set(rounds[later].tolist())), "all"]:
        m = later if rnd == "all" else rounds == rnd
        kept = m & (prob >= THRESHOLD)
        yield (
            f"{rnd!s:>5} {int(m.sum()):7d} {_share(y[m]):>11} {int(kept.sum()):5d} "
            f"{_share(y[kept]):>16}"
        )


def _share(y: np.ndarray) -> str:
    return f"{100 * y.mean():.1f} %" if len(y) else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--pages", type=Path, default=HELDOUT)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--dry-run", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    rows = load(args.labels)
    names, x, y = design(rows, args.pages)
    rounds = np.array([row["round"] for row in rows])
    for line in report(left_out(names, x, y, rounds), y, rounds):
        print(line)
    if not args.dry_run:
        w = fit(x, y, names)
        model = {
            "trained_on": len(rows),
            "rounds": sorted(set(rounds.tolist())),
            "penalty": PENALTY,
            "weights": {n: round(float(v), 4) for n, v in zip(names, w, strict=True)},
        }
        args.out.write_text(json.dumps(model, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"model written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

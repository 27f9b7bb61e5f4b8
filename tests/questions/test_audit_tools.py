"""The scripts that turn blind audits into data (issue 13): gradings parsed question by
question, the acceptance model fitted on them, and today's generator scored against them."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from questions.pipeline import generate
from questions.reading import read_article

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
ARTICLE = Path(__file__).resolve().parent / "articles" / "photosynthesis-prose.txt"
AUDIT = """# Blind audit: h61 (Gulf Stream) and h62 (Voyager), generator bf401ab

## h61 Gulf Stream (2 questions)

| # | kind | OK/NOT | flaw | reason |
|---|---|---|---|---|
| 1 | flashcard | OK | | The article's own definition. |
| 2 | cloze | NOT | vague | "it" is never said. |

### h62-voyager

| 1 | multiple_choice | **acceptable** | | Fine. |
"""


def script(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module(name)


def test_gradings_are_read_row_by_row_under_their_page() -> None:
    grades = script("audit_labels").grades(AUDIT)
    assert [(g.page, g.number, g.kind, g.ok, g.flaw) for g in grades] == [
        (61, 1, "flashcard", True, ""),
        (61, 2, "cloze", False, "vague"),
        (62, 1, "multiple_choice", True, ""),
    ]


def test_the_fit_learns_a_separable_sign_and_auc_ranks() -> None:
    train = script("train_quality")
    x = np.array([[1.0, v] for v in (-2, -1, -0.5, 0.5, 1, 2)])
    y = np.array([0, 0, 0, 1, 1, 1], dtype=float)
    w = train.fit(x, y, ["bias", "signal"])
    assert w[1] > 0.5 and abs(w[0]) < 1e-6  # symmetric data: no bias
    assert train.auc(x[:, 1], y) == 1.0
    assert train.auc(-x[:, 1], y) == 0.0


@pytest.fixture
def labels(tmp_path: Path) -> Path:
    page = tmp_path / "h1-prose.txt"
    page.write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    bank, _ = generate(read_article(page))
    rows = []
    for i, q in enumerate(bank.questions[:6]):
        data = {k: v for k, v in q.to_dict().items() if k not in ("explanation", "tags")}
        rows.append(
            {"round": 1 if i == 5 else 2, "page": page.name, "ok": i % 2 == 0, "question": data}
        )
    fake = {**rows[0]["question"], "prompt": "Never asked?", "id": "q-none"}
    rows.append({"round": 2, "page": page.name, "ok": False, "question": fake})
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_training_writes_a_model_of_every_feature(labels: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    args = ["--labels", str(labels), "--pages", str(tmp_path), "--out", str(out)]
    assert script("train_quality").main(args) == 0
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["trained_on"] == 7 and model["rounds"] == [1, 2]
    assert {"bias", "stem_words"} <= model["weights"].keys()


def test_graded_questions_still_asked_keep_their_grade(labels: Path, tmp_path: Path) -> None:
    audited = script("bench_audited")
    pages = audited.latest_grades(audited.load(labels))
    rnd, grades = pages["h1-prose.txt"]
    assert rnd == 2 and len(grades) == 6  # the earlier round's grade is not counted
    t = audited.tally(tmp_path / "h1-prose.txt", grades)
    assert (t.kept_ok, t.kept_bad, t.dropped_ok, t.dropped_bad) == (3, 2, 0, 1)

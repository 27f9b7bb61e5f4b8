"""The results CSV: one row per student per question of their counted attempt.

Spreadsheet-safe: UTF-8 with a byte order mark (so Excel reads accents correctly), CRLF
line ends, every cell quoted when needed by ``csv``. CSV injection is guarded: a cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read as a
formula, so it gets a leading single quote (OWASP's advice); numbers we write ourselves are
plain digits and never start with those characters.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from quizapp.classroom.report import AttemptFacts, QuestionInfo, response_text

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER = (
    "student",
    "attempt",
    "started_at",
    "finished_at",
    "question_number",
    "question_id",
    "section",
    "kind",
    "question",
    "response",
    "correct_answer",
    "correct",
    "answered_at",
    "time_ms",
)


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def rows(
    questions: Mapping[str, QuestionInfo], attempts: Sequence[AttemptFacts]
) -> Iterable[tuple[object, ...]]:
    for attempt in attempts:
        for number, qid in enumerate(attempt.question_ids, 1):
            q = questions[qid]
            a = attempt.answer_to(qid)
            yield (
                attempt.student,
                attempt.number,
                _iso(attempt.started_at),
                _iso(attempt.finished_at),
                number,
                qid,
                q.section,
                q.kind,
                q.prompt.replace("{{blank}}", "_____"),
                response_text(q, a),
                q.answer,
                "" if a is None else int(a.correct),
                _iso(a.answered_at) if a else "",
                "" if a is None or a.duration_ms is None else a.duration_ms,
            )


def to_csv(records: Iterable[Sequence[object]]) -> str:
    """The CSV text, BOM first, every cell neutralised."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for record in records:
        writer.writerow([neutralise(cell) for cell in record])
    return out.getvalue()


def _iso(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else ""

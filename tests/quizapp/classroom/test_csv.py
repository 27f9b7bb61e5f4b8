"""The results CSV: BOM, one row per student per question, CSV injection neutralised."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest

from quizapp.classroom.csv_export import HEADER, neutralise, rows, to_csv
from quizapp.classroom.report import AnswerFact, AttemptFacts, QuestionInfo

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+49 123", "'+49 123"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Zoë", "Zoë"),
        ("a=b", "a=b"),
        (3, "3"),
        (None, ""),
    ],
)
def test_neutralise(cell: object, safe: str) -> None:
    assert neutralise(cell) == safe


def test_csv_has_bom_header_and_a_row_per_student_per_question() -> None:
    questions = {
        "q1": QuestionInfo("q1", "multiple_choice", "Pick", "B", "S", ("A", "=B"), 1),
        "q2": QuestionInfo("q2", "cloze", "{{blank}} is it", "x"),
    }
    attempts = [
        AttemptFacts(1, 10, "=HYPERLINK(\"http://evil\")", 1, ("q1", "q2"), T0, T0,
                     (AnswerFact("q1", True, "1", T0, 1500),)),
        AttemptFacts(2, 11, "Zoë", 2, ("q2", "q1"), T0, None,
                     (AnswerFact("q2", False, "-1+2", T0),)),
    ]  # fmt: skip
    data = to_csv(rows(questions, attempts)).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(parsed[0]) == HEADER
    body = [dict(zip(HEADER, r, strict=True)) for r in parsed[1:]]
    assert len(body) == 4
    first = body[0]
    assert first["student"] == '\'=HYPERLINK("http://evil")'
    assert first["response"] == "'=B" and first["correct"] == "1" and first["time_ms"] == "1500"
    assert body[1]["question"] == "_____ is it" and body[1]["response"] == ""
    assert body[1]["correct"] == ""  # not answered
    assert body[2]["student"] == "Zoë" and body[2]["attempt"] == "2"
    assert body[2]["response"] == "'-1+2" and body[2]["correct"] == "0"
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in parsed for cell in r)

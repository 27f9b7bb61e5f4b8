"""Report computations on a small fixed data set, against values computed by hand.

Six students answer the same four questions (all attempts finished):

    student  mc1    tf1    cz1         tf2    score
    Ann(1)   B ✓    F ✓    Paris ✓     T ✓    4/4
    Bob(2)   B ✓    F ✓    London ✗    T ✓    3/4
    Cid(3)   B ✓    T ✗    paris ✓     T ✓    3/4
    Dee(4)   A ✗    T ✗    Paris ✓     T ✓    2/4
    Eve(5)   C ✗    T ✗    Paris ✓     T ✓    2/4
    Fay(6)   A ✗    T ✗    london ✗    F ✗    0/4

N = 6, so each group has floor(0.27 × 6 + 0.5) = floor(2.12) = 2 students: upper = Ann, Bob;
lower = Eve, Fay (Dee and Eve tie at 2/4; the tie goes by student id, so Eve is lower).

    question  facility       p_upper  p_lower  D      options chosen
    tf1       2/6 = 0.333    2/2      0/2      1.0    True 4, False(correct) 2
    mc1       3/6 = 0.5      2/2      0/2      1.0    A 2, B(correct) 3, C 1, D 0
    cz1       4/6 = 0.667    1/2      1/2      0.0    wrong: "London" × 2
    tf2       5/6 = 0.833    2/2      1/2      0.5    True(correct) 5, False 1

Hardest first: tf1, mc1, cz1, tf2. Sections: S1 (mc1, tf1) 5 of 12 right; S2 (cz1, tf2)
9 of 12.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.classroom.report import (
    AnswerFact,
    AttemptFacts,
    QuestionInfo,
    counted_attempts,
    group_size,
    item_analysis,
    percent,
    progress,
    response_text,
    section_mastery,
    upper_lower,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
QUESTIONS = {
    "mc1": QuestionInfo("mc1", "multiple_choice", "Capital of France?", "Paris", "S1",
                        ("Lyon", "Paris", "Nice", "Metz"), 1, "Paris is the capital.", "s-0", 1),
    "tf1": QuestionInfo("tf1", "true_false", "Paris is in Spain.", "False", "S1",
                        ("True", "False"), 1, "Paris is in France.", "s-30", 2),
    "cz1": QuestionInfo("cz1", "cloze", "{{blank}} is the capital.", "Paris", "S2",
                        (), None, "Paris is the capital.", "s-0", 3),
    "tf2": QuestionInfo("tf2", "true_false", "Paris is in France.", "True", "S2",
                        ("True", "False"), 0, "Paris is in France.", "s-30", 4),
}  # fmt: skip
ORDER = ("mc1", "tf1", "cz1", "tf2")
TABLE = {
    (1, "Ann"): [("1", True), ("1", True), ("Paris", True), ("0", True)],
    (2, "Bob"): [("1", True), ("1", True), ("London", False), ("0", True)],
    (3, "Cid"): [("1", True), ("0", False), ("paris", True), ("0", True)],
    (4, "Dee"): [("0", False), ("0", False), ("Paris", True), ("0", True)],
    (5, "Eve"): [("2", False), ("0", False), ("Paris", True), ("0", True)],
    (6, "Fay"): [("0", False), ("0", False), ("london", False), ("1", False)],
}


def attempt(
    sid: int,
    name: str,
    answers: list[tuple[str, bool]],
    number: int = 1,
    finished: bool = True,
    questions: tuple[str, ...] = ORDER,
) -> AttemptFacts:
    facts = tuple(
        AnswerFact(qid, ok, response, T0 + timedelta(minutes=i + 1), 1000 * (i + 1))
        for i, (qid, (response, ok)) in enumerate(zip(questions, answers, strict=False))
    )
    return AttemptFacts(
        attempt_id=100 * sid + number,
        student_id=sid,
        student=name,
        number=number,
        question_ids=questions,
        started_at=T0,
        finished_at=T0 + timedelta(minutes=len(questions)) if finished else None,
        answers=facts,
    )


@pytest.fixture
def attempts() -> list[AttemptFacts]:
    return [attempt(sid, name, rows) for (sid, name), rows in TABLE.items()]


@pytest.mark.parametrize(
    ("n", "size"),
    [(0, 0), (1, 0), (2, 1), (3, 1), (5, 1), (6, 2), (7, 2), (10, 3), (30, 8), (300, 81)],
)
def test_group_size_is_27_percent_rounded_half_up(n: int, size: int) -> None:
    assert group_size(n) == size


def test_upper_and_lower_groups(attempts: list[AttemptFacts]) -> None:
    assert upper_lower(attempts) == ({1, 2}, {5, 6})


def test_item_analysis_matches_hand_computed_values(attempts: list[AttemptFacts]) -> None:
    items = item_analysis(QUESTIONS, counted_attempts(attempts))
    assert [i.question.id for i in items] == ["tf1", "mc1", "cz1", "tf2"]
    by_id = {i.question.id: i for i in items}
    expected = {  # id: (answered, correct, facility, discrimination)
        "tf1": (6, 2, 2 / 6, 1.0),
        "mc1": (6, 3, 0.5, 1.0),
        "cz1": (6, 4, 4 / 6, 0.0),
        "tf2": (6, 5, 5 / 6, 0.5),
    }
    for qid, (answered, correct, facility, discrimination) in expected.items():
        item = by_id[qid]
        assert (item.answered, item.correct) == (answered, correct), qid
        assert item.facility == pytest.approx(facility), qid
        assert item.discrimination == pytest.approx(discrimination), qid
    assert [(o.text, o.count, o.correct) for o in by_id["mc1"].options] == [
        ("Lyon", 2, False),
        ("Paris", 3, True),
        ("Nice", 1, False),
        ("Metz", 0, False),
    ]
    assert [(o.text, o.count) for o in by_id["mc1"].distractors] == [
        ("Lyon", 2),
        ("Nice", 1),
        ("Metz", 0),
    ]
    assert [(o.text, o.count) for o in by_id["tf1"].options] == [("True", 4), ("False", 2)]
    assert by_id["cz1"].wrong_typed == (("London", 2),)
    assert by_id["cz1"].options == ()


def test_section_mastery(attempts: list[AttemptFacts]) -> None:
    sections = section_mastery(QUESTIONS, counted_attempts(attempts))
    assert [(s.section, s.correct, s.answered) for s in sections] == [("S1", 5, 12), ("S2", 9, 12)]
    assert sections[0].mastery == pytest.approx(5 / 12)


def test_scores_and_time_taken(attempts: list[AttemptFacts]) -> None:
    ann = attempts[0]
    assert (ann.correct, ann.total, ann.score) == (4, 4, 1.0)
    assert ann.time_taken == timedelta(minutes=4)
    unfinished = attempt(7, "Gus", [("1", True)], finished=False)
    assert unfinished.time_taken == timedelta(minutes=1)  # up to the last answer
    assert unfinished.score == 0.25  # unanswered questions count as wrong


def test_the_best_finished_attempt_counts() -> None:
    first = attempt(1, "Ann", [("0", False), ("0", False), ("x", False), ("0", True)], 1)
    second = attempt(1, "Ann", TABLE[(1, "Ann")], 2)
    third = attempt(1, "Ann", [("0", False)], 3, finished=False)
    assert counted_attempts([first, second, third]) == [second]
    only_unfinished = attempt(2, "Bob", [("1", True)], 1, finished=False)
    assert counted_attempts([only_unfinished]) == [only_unfinished]
    tie_a = attempt(3, "Cid", TABLE[(2, "Bob")], 1)
    tie_b = attempt(3, "Cid", TABLE[(3, "Cid")], 2)
    assert counted_attempts([tie_b, tie_a]) == [tie_a]  # same score: the earlier one


def test_a_question_nobody_answered_comes_last_without_figures() -> None:
    only = attempt(1, "Ann", [("1", True)], finished=False)
    items = item_analysis(QUESTIONS, [only])
    assert items[0].question.id == "mc1"
    unanswered = [i for i in items if i.answered == 0]
    assert {i.question.id for i in unanswered} == {"tf1", "cz1", "tf2"}
    assert all(i.facility is None and i.discrimination is None for i in unanswered)
    assert items[0].discrimination is None  # one student: no groups


def test_live_progress_rows() -> None:
    students = [(1, "Ann"), (2, "Bob"), (3, "Cid")]
    rows = progress(
        students,
        [attempt(1, "Ann", TABLE[(1, "Ann")]), attempt(2, "Bob", [("1", True)], finished=False)],
        closed=False,
    )
    assert [(r.student, r.status, r.answered, r.total, r.score) for r in rows] == [
        ("Ann", "finished", 4, 4, 100),
        ("Bob", "in progress", 1, 4, 25),
        ("Cid", "not started", 0, 0, None),
    ]
    closed = progress(students[1:2], [attempt(2, "Bob", [("1", True)], finished=False)], True)
    assert closed[0].status == "closed before finishing"


def test_percent_rounds_half_up() -> None:
    assert (percent(0.125), percent(0.5), percent(2 / 3), percent(None)) == (13, 50, 67, None)


def test_response_text_is_what_the_student_saw() -> None:
    fact = AnswerFact("mc1", False, "2", T0)
    assert response_text(QUESTIONS["mc1"], fact) == "Nice"
    assert response_text(QUESTIONS["cz1"], AnswerFact("cz1", True, "paris", T0)) == "paris"
    flash = QuestionInfo("f", "flashcard", "Q?", "A")
    assert response_text(flash, AnswerFact("f", True, None, T0, rating=3)) == "Good"
    assert response_text(QUESTIONS["mc1"], None) == ""

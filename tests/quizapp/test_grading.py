"""Grading of each kind: options by index, cloze tolerantly, flashcards by self-rating."""

from __future__ import annotations

import pytest

from quizapp.domain import grading


def test_choice_by_index() -> None:
    assert grading.grade_choice(1, 1).correct
    assert not grading.grade_choice(1, 0).correct
    assert not grading.grade_choice(1, None).correct


def test_true_false_goes_through_the_same_rule() -> None:
    assert grading.grade("true_false", answer="False", correct_index=1, chosen=1).correct
    assert not grading.grade("true_false", answer="False", correct_index=1, chosen=0).correct


@pytest.mark.parametrize(
    "typed",
    ["Lou Gehrig's disease", "lou gehrigs disease", "  LOU GEHRIG'S DISEASE. ",
     "the Lou Gehrig's disease", "Lou Gehrig disease", "Lou-Gehrig's disease!"],
)  # fmt: skip
def test_cloze_exact_after_normalising(typed: str) -> None:
    grade = grading.grade_typed("Lou Gehrig's disease", ["Lou Gehrig disease"], typed)
    assert grade.correct
    assert not grade.near_miss


@pytest.mark.parametrize("typed", ["Lou Gehrigs desease", "Lou Gherig's disease", "hypocalcaemia"])
def test_small_typos_are_near_misses(typed: str) -> None:
    grade = grading.grade_typed(
        "Lou Gehrig's disease" if "Lou" in typed else "hypocalcemia", [], typed
    )
    assert grade.correct
    assert grade.near_miss


@pytest.mark.parametrize(
    ("answer", "typed"),
    [("hypocalcemia", "hypercalcemia"), ("ALS", "MLS"), ("1990", "1991"),
     ("Lou Gehrig's disease", "Parkinson's disease"), ("ALS", ""), ("ALS", "the")],
)  # fmt: skip
def test_wrong_answers_stay_wrong(answer: str, typed: str) -> None:
    assert not grading.grade_typed(answer, [], typed).correct


def test_accents_and_aliases() -> None:
    assert grading.grade_typed("Guillain–Barré syndrome", [], "guillain barre syndrome").correct
    grade = grading.grade_typed("amyotrophic lateral sclerosis", ["ALS"], "als")
    assert grade.correct
    assert grade.matched == "ALS"


def test_flashcards_are_self_graded() -> None:
    assert grading.grade_flashcard(again=False).correct
    assert not grading.grade_flashcard(again=True).correct
    with pytest.raises(ValueError):
        grading.grade("flashcard", answer="x")


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("", "", 0), ("abc", "abc", 0), ("abc", "acb", 1), ("kitten", "sitting", 3), ("", "ab", 2)],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert grading.edit_distance(a, b) == distance

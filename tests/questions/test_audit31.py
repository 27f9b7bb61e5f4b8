"""Round 31's failures as general rules: judgements, pointed-at things and summing-up
appositives are no definitions."""

from __future__ import annotations

from tests.questions.candidate_support import candidate_questions


def _prompts(text: str) -> set[str]:
    return {q.prompt for q in candidate_questions(text, "md")}


def test_a_judgement_is_no_definition() -> None:
    page = (
        "# Coffee\n\nThe fridge is a poor choice, because moisture condenses on the cold beans.\n"
        "An espresso is a small, strong coffee made by forcing hot water through fine grounds.\n"
    )
    prompts = _prompts(page)
    assert "What is the fridge?" not in prompts
    assert "What is an espresso?" in prompts


def test_a_thing_the_page_points_at_is_no_term() -> None:
    page = "# Hagia Sophia\n\nThe present building is the third church to stand on the site.\n"
    assert "What is the present building?" not in _prompts(page)


def test_an_appositive_that_sums_up_a_clause_defines_nothing_before_it() -> None:
    page = (
        "# Walls\n\nThe walls are built of brick laid in thick beds of mortar, a technique that "
        "made them light but let them deform as the mortar set.\n\n"
        "Chlorophyll gives leaves their colour, and plants rely on chlorophyll, a green pigment "
        "that absorbs red and blue light.\n"
    )
    prompts = _prompts(page)
    assert "What is mortar?" not in prompts
    assert "What is chlorophyll?" in prompts

"""Round 40's failures as general rules (pages h147-h152)."""

from __future__ import annotations

from questions.templates_structure import names_a_person
from tests.questions.candidate_support import candidate_questions


def _asked(text: str, fmt: str = "md") -> dict[str, str]:
    return {q.prompt: q.answer for q in candidate_questions(text, fmt)}


def test_a_person_is_asked_who_among_the_list_s_people() -> None:
    page = (
        "# Impressionism\n\nImpressionism began in France in the 1860s.\n\n## Key people\n\n"
        "- **Pierre-Auguste Renoir** – painted lively scenes of Parisians enjoying themselves\n"
        "- **Paul Durand-Ruel** – art dealer who bought and promoted Impressionist paintings\n"
        "- **Claude Monet** – painted the same subjects again and again in changing light\n"
        "- **Edgar Degas** – drew and painted dancers, racecourses and cafe life\n"
    )
    questions = candidate_questions(page, "md")
    assert not any(q.prompt.startswith(("Which term", "What is")) for q in questions)
    asked = {q.prompt: q for q in questions}
    assert asked["Who was Paul Durand-Ruel?"].answer.startswith("Art dealer")
    renoir = [q for q in questions if q.answer == "Pierre-Auguste Renoir"]
    assert {q.prompt for q in renoir} == {
        "Who painted lively scenes of Parisians enjoying themselves?"
    }
    choice = next(q for q in renoir if q.kind.value == "multiple_choice")
    assert set(choice.options) <= {
        "Pierre-Auguste Renoir",
        "Paul Durand-Ruel",
        "Claude Monet",
        "Edgar Degas",
    }


def test_names_a_person_tells_people_from_things_named_after_them() -> None:
    people = ["Isaac Newton (1643–1727)", "Henry Tudor (Henry VII)", "Margaret of Anjou"]
    things = ["Aqua Appia (312 BC)", "Mount Vesuvius", "Act of Accord", "Saffir-Simpson Scale"]
    assert all(names_a_person(p) for p in people)
    assert not any(names_a_person(t) for t in things)


def test_a_judgement_is_no_definition_and_a_table_of_figures_asks_nothing() -> None:
    page = (
        "# Archery\n\nArchery is a very safe sport, but only because everyone follows the "
        "rules. A compound bow is a bow that uses pulleys to bend its limbs.\n\n"
        "## Scarlet fever in numbers\n\n| What | Typical figure |\n| --- | --- |\n"
        "| Incubation period | 2 to 5 days |\n| Usual length of an antibiotic course | 10 days |\n"
        "| Fever | 38 °C or above |\n"
    )
    asked = _asked(page)
    assert "What is archery?" not in asked
    assert "What is a compound bow?" in asked
    assert not any("typical figure" in p for p in asked)

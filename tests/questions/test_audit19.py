"""Blind audit 19 (h57–h60): a prose definition whose subject names nothing ("The pattern is
…", "the lowest note") or whose predicate is a role ("the only penguins that …") is not asked
as "What is X?". The refused blanks and stems (a timeline's row, a cut designation or unit,
"it" after a number, a bare role noun: "Males crowd …") are cases of
``tests/questions/test_acceptance.py``. Texts are written for these tests."""

from __future__ import annotations

from tests.questions.candidate_support import candidate_questions

PENGUINS = """# Penguins

## Colour

Penguins are black on the back and white on the front. The pattern is a form of camouflage
called countershading. Emperors are the only penguins that breed during the Antarctic winter.
Krill is a small crustacean that forms huge swarms in the Southern Ocean.
"""


def test_a_definition_of_nothing_or_of_a_role_is_not_asked_as_what_is() -> None:
    stems = {q.prompt for q in candidate_questions(PENGUINS, "md")}
    assert "What is the pattern?" not in stems
    assert "What are emperors?" not in stems
    assert "What is krill?" in stems

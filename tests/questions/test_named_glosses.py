"""A rare one-word bracket names the whole noun phrase before it, across "of"/"in" links."""

from __future__ import annotations

from tests.questions.candidate_support import candidate_questions

TEXT = """Calcium disorders

Kidneys

Some people with the condition have high levels of calcium in their urine (hypercalciuria),
which can lead to deposits of calcium in the kidneys (nephrocalcinosis) or the formation of
kidney stones (nephrolithiasis). Doctors check people with kidney disease (nephropathy) often.
Others hear ringing, buzzing or hissing noises inside their head (tinnitus).
"""


def _pairs() -> dict[str, str]:
    return {q.prompt: q.answer for q in candidate_questions(TEXT, "txt")}


def test_the_bracket_names_the_phrase_through_of_and_in_links() -> None:
    pairs = _pairs()
    assert pairs["What is hypercalciuria?"] == "High levels of calcium in the urine"
    assert pairs["What is nephrocalcinosis?"] == "Deposits of calcium in the kidneys"
    assert pairs["What are high levels of calcium in the urine also called?"] == "Hypercalciuria"


def test_a_rare_mass_noun_takes_no_article_from_the_phrase() -> None:
    pairs = _pairs()
    assert pairs["What is nephrolithiasis?"] == "Formation of kidney stones"
    assert pairs["What is the formation of kidney stones also called?"] == "Nephrolithiasis"
    assert "What is the nephrolithiasis?" not in pairs


def test_no_phrase_across_with_or_a_coordination() -> None:
    answers = {a.casefold() for a in _pairs().values()}
    assert not any("people with" in a for a in answers)
    assert "hissing noises inside the head" not in answers

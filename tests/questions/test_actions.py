"""What a thing does, asked back ("What does calcitonin regulate?", "What regulates …?"),
and a finding the page reports kept as reported ("What does research suggest is …?")."""

from __future__ import annotations

from tests.questions.candidate_support import candidate_questions

SENTENCES = (
    "Calcitonin regulates calcium in the blood.",
    "Hypokalemic periodic paralysis is a condition that causes episodes of extreme muscle "
    "weakness.",
    "Most mammals produce vitamin C in the liver.",
    "This hormone controls growth of the long bones.",
    "A colony contains three kinds of adult bee, called castes.",
    "Research suggests that the main cause of restless legs syndrome is a lack of iron in the "
    "brain.",
)
TEXT = "Calcium balance\n\nHormones\n\n" + " ".join(SENTENCES) + "\n"


def _asked() -> dict[str, str]:
    return {
        q.prompt: q.answer
        for q in candidate_questions(TEXT, "txt")
        if q.fact_kind in ("action", "actor", "attribute")
    }


def test_what_a_thing_does_is_asked_both_ways() -> None:
    asked = _asked()
    assert asked["What does calcitonin regulate?"] == "Calcium in the blood"
    assert asked["What regulates calcium in the blood?"] == "Calcitonin"


def test_a_definitions_clause_says_what_its_term_does() -> None:
    asked = _asked()
    cause = asked["What does hypokalemic periodic paralysis cause?"]
    assert cause == "Episodes of extreme muscle weakness"


def test_no_question_on_a_quantified_pointing_or_named_phrase() -> None:
    asked = _asked()
    assert "Most mammals" not in asked.values()
    assert not any("hormone control" in stem for stem in asked)
    assert not any("castes" in stem or "castes" in answer for stem, answer in asked.items())


def test_a_reported_finding_keeps_its_source() -> None:
    asked = _asked()
    stem = "What does research suggest is the main cause of restless legs syndrome?"
    assert asked[stem] == "A lack of iron in the brain"

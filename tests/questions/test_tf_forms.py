"""True/false forms that a test-wise student answers by their wording: an abbreviation's
expansion (always true), a false statement whose swapped-in name the claim itself names, a
list line whose description repeats its label's word."""

from __future__ import annotations

from questions.context import build_context
from questions.model import Kind, Question
from questions.pipeline import analyse
from questions.templates import candidates

ARTICLE = """# Bone disorders

Bones can be affected by several disorders that weaken them.

## Osteoporosis

Osteoporosis is a condition in which bones become thin and brittle with age.
Bone mineral density (BMD) is measured with a DXA scan.

## Fracture of the hip bone

Fracture of the hip bone is a break in the upper part of the thigh bone near the pelvis.

## Rickets

Rickets is a childhood disorder in which bones soften because of a lack of vitamin D.

## Paget disease

Paget disease is a disorder that disrupts the normal recycling of old bone tissue into new bone.

## Treatment

Treatment may include:

- Physical therapy: exercises and other therapies that strengthen the muscles around weak bones.
- Supplements: calcium and vitamin D taken every day to support bone mineral density.
- Surgery: pins or a replacement joint after a broken hip.
- Massage: gentle massage of the sore area to ease stiffness.
- Walking aids: canes and other aids that take weight off a weak hip.
- Heat packs: warm packs held on aching joints for twenty minutes.
"""


def true_false() -> list[Question]:
    """Every true/false candidate the templates make, before gates and ranking."""
    analysis = analyse(ARTICLE, "md")
    facts = list(analysis.facts)
    made = [c.question for c in candidates(build_context(analysis.doc, facts), facts)]
    return [q for q in made if q.kind == Kind.TRUE_FALSE]


def test_no_true_false_item_states_what_an_abbreviation_stands_for() -> None:
    assert not [q for q in true_false() if "stands for" in q.prompt]


def test_a_false_statement_never_names_the_swapped_in_subject_in_its_claim() -> None:
    false = [q for q in true_false() if q.answer == "False" and "list" not in q.prompt]
    assert false, "sibling sections give false statements"
    assert not [q for q in false if q.prompt.startswith("Fracture of the hip bone")]


def test_a_name_the_article_says_is_singular_keeps_a_singular_verb() -> None:
    rickets = [q for q in true_false() if q.prompt.startswith("Rickets")]
    assert rickets and all(q.prompt.startswith("Rickets is ") for q in rickets)


def test_a_list_line_gives_no_true_false_item_and_no_label_cloze() -> None:
    """ "“Physical therapy” is described as “…”" is answered by its form (its true items quote
    the list, its false ones pair a label with a foreign description), and "Treatment —
    ___: exercises …" is a label and a fragment: neither is made (audits)."""
    analysis = analyse(ARTICLE, "md")
    facts = list(analysis.facts)
    made = [c.question for c in candidates(build_context(analysis.doc, facts), facts)]
    listed = [q for q in made if q.fact_kind == "list_item"]
    assert listed, "the list's lines give questions"
    assert all(q.kind in (Kind.MULTIPLE_CHOICE, Kind.FLASHCARD) for q in listed)


def test_no_stem_is_framed_with_its_section_label() -> None:
    """A section's name glued before a sentence that does not name it ("Rickets: Children
    … bowed legs") reads as a heading, not a question (audits: vague); the sentence stands
    alone or is not asked."""
    analysis = analyse(ARTICLE.replace(LACK, LACK + " " + BOWED), "md")
    facts = list(analysis.facts)
    made = [c.question for c in candidates(build_context(analysis.doc, facts), facts)]
    bowed = [q for q in made if "bowed" in q.prompt]
    assert bowed
    assert not [q for q in bowed if q.prompt.startswith("Rickets:")]


LACK = "because of a lack of vitamin D."
BOWED = "Children with soft growth plates may walk with bowed legs and have delayed tooth growth."


def test_false_values_are_of_the_same_shape_and_order_and_advice_is_no_statement() -> None:
    from questions.templates_blanks import in_digits, is_advice, no_claim, overlapping

    assert in_digits("two weeks") == "2 weeks" and overlapping("two weeks", "2 weeks")
    assert is_advice("Do not treat a person more than 3 times with one medicine.")
    assert no_claim("Patients must be referred to a physician.")
    assert not is_advice("Permethrin is approved for children 2 months of age and older.")
    text = ARTICLE + (
        "\n## Doses\n\nAdults take 600 mg of calcium a day.\n"
        "Children take 60 mg of calcium a day.\n"
        "Teenagers take 400 to 700 mg of calcium a day.\n"
        "Older adults take 800 mg of calcium a day.\n"
    )
    analysis = analyse(text, "md")
    facts = list(analysis.facts)
    made = [c.question for c in candidates(build_context(analysis.doc, facts), facts)]
    false = [
        q for q in made if q.kind == Kind.TRUE_FALSE and q.answer == "False" and " mg" in q.prompt
    ]
    assert false
    for q in false:  # a false value is within five times the true one, and single for single
        assert "Children" in q.prompt or "60 mg" not in q.prompt
        assert "Teenagers" in q.prompt or "400 to 700" not in q.prompt


def test_a_statement_that_repeats_its_subjects_words_is_not_a_true_false_item() -> None:
    """ "Bone fractures are breaks that happen when a bone …": true by its own words."""
    text = ARTICLE.replace(
        "## Rickets",
        "## Stress fractures\n\nStress fractures are small fractures caused by repeated force.\n\n"
        "## Rickets",
    )
    analysis = analyse(text, "md")
    facts = list(analysis.facts)
    made = [c.question for c in candidates(build_context(analysis.doc, facts), facts)]
    tf = [q for q in made if q.kind == Kind.TRUE_FALSE]
    assert tf
    assert not [q for q in tf if "small fractures caused by repeated force" in q.prompt]

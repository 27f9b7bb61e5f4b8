"""Blind audit 18 (h53–h56): "Tags:" and "Share:" lines are no glossary, an infobox's
"Label: value" lines and a procedure's steps are no definitions, a person is no term, a
bracket after an action or a state ("constricts the pupil in bright light (miosis)", "work
in dim light (scotopic vision)") names no phrase, a one-letter name keeps its capital ("M
cones"), Greek singulars take "is", and a table row that English counts takes "a". Texts
are written for these tests."""

from __future__ import annotations

from questions.templates_gloss import is_plural
from questions.templates_structure import defines_a_thing
from questions.textutil import decapitalise
from tests.questions.candidate_support import candidate_questions

FOOTER = """# Balloons

## How they fly

A hot-air balloon rises because the air inside the envelope is lighter than the air outside.
The burner heats the air, and the pilot controls height by burning more or less often.

---

Tags: hot-air balloons, aviation history, physics, adventure travel

Share: Facebook | X (Twitter) | LinkedIn | Email | Copy link

Last updated: 3 March 2025
"""


def test_tags_and_share_lines_make_no_question() -> None:
    answers = {q.answer for q in candidate_questions(FOOTER, "md")}
    assert not answers & {"Tags", "Share", "Last updated"}


def test_infobox_values_steps_and_people_are_no_definitions() -> None:
    assert not defines_a_thing("Tuning", "G3, D4, A4, E5 (perfect fifths)")
    assert not defines_a_thing("Developed", "Early 16th century, northern Italy")
    assert not defines_a_thing("Main woods", "spruce (top), maple (back), ebony (fingerboard)")
    assert not defines_a_thing("Take-off", "a few more burns make the balloon lighter than air")
    assert not defines_a_thing("Basket", "traditionally woven from wicker, which flexes")
    assert not defines_a_thing("Johannes Kepler", "first explained that the lens forms an image")
    assert defines_a_thing("Silk Road", "network of trade routes linking China with Persia")
    assert defines_a_thing("Nucleus", "the solid central body of a comet, about 1 km to 20 km")
    assert defines_a_thing("Condenser", "coil where hot vapour releases heat and becomes liquid")


EYE = """# The eye

## The pupil

The iris has two muscles. The sphincter pupillae constricts the pupil in bright light (miosis).
Rods work in dim light (scotopic vision) and contain the pigment rhodopsin.
Old age often brings loss of hair colour (canities) in adults.
"""


def test_a_bracket_after_an_action_or_a_state_names_no_phrase() -> None:
    asked = {q.prompt: q.answer for q in candidate_questions(EYE, "md")}
    assert not any("bright light" in p and a == "Miosis" for p, a in asked.items())
    assert "What is dim light?" not in asked
    assert asked.get("What is loss of hair colour also called?") == "Canities"


def test_letters_that_name_and_greek_singulars() -> None:
    assert decapitalise("M cones respond to green light", frozenset()).startswith("M cones")
    assert not is_plural("miosis") and not is_plural("mydriasis")


TABLE = """# Balloons

## Kinds

| Type | Typical use |
|---|---|
| Hot-air balloon | Sport flying and pleasure rides |
| Gas balloon | Long-distance racing |
| Weather balloon | Carrying instruments into the upper atmosphere |
"""


def test_a_row_english_counts_takes_a() -> None:
    stems = {q.prompt for q in candidate_questions(TABLE, "md")}
    assert "What is the typical use of a weather balloon?" in stems

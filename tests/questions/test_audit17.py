"""Blind audit 17 (h49–h52): a heading with "and", a colon or a verb names no entity, "This
is why …" is not resolved to a heading, a bare glossary definition of a counted noun takes
"a", an FAQ answer must hold what its question asks for, a list lead-in that is a clause is
no topic, and a role ("the main ingredient of …") is not asked as "What is X?". The refused
blanks and stems of that audit are cases of ``tests/questions/test_acceptance.py``. Texts
are written for these tests."""

from __future__ import annotations

from questions.facts_terms import of_the_kind_asked
from questions.pipeline import analyse
from tests.questions.candidate_support import candidate_questions

COOLING = """# Cooling at home

## 1. THE VAPOUR-COMPRESSION CYCLE

The vapour-compression cycle is used in almost every fridge. It moves heat out of the cabinet.

## 2. REFRIGERANTS AND THE ENVIRONMENT

Old refrigerants damaged the ozone layer. This is why manufacturers have moved to hydrocarbons.

## 3. OTHER WAYS TO COOL

Absorption refrigerators use a heat source instead of a compressor.

## 4. MEASURING PERFORMANCE: THE COEFFICIENT

The coefficient of performance compares heat removed with work done.

## Key terms

Compressor - motor-driven pump that raises refrigerant pressure
Latent heat - energy absorbed or released during a change of state
Refrigerant - working fluid that carries heat round the cycle
"""


def test_a_heading_with_and_a_colon_or_a_verb_names_no_entity() -> None:
    entities = analyse(COOLING, "md").doc.entities.values()
    names = {e.name.casefold() for e in entities}
    assert not any(" and " in n or ":" in n or "ways to" in n for n in names)


def test_this_is_why_is_never_put_in_a_headings_name() -> None:
    prompts = [q.prompt for q in candidate_questions(COOLING, "md")]
    assert not any("ENVIRONMENT is why" in p or "environment is why" in p for p in prompts)


def test_a_bare_definition_of_a_counted_noun_takes_a() -> None:
    stems = {q.prompt for q in candidate_questions(COOLING, "md")}
    assert "What is a compressor?" in stems
    assert "What is latent heat?" in stems  # energy is not counted


def test_an_faq_answer_must_hold_what_is_asked() -> None:
    assert not of_the_kind_asked(
        "Who won the first Olympic marathon?", "It was held on 10 April 1896 in Athens"
    )
    assert of_the_kind_asked("Who won the first Olympic marathon?", "It was won by Spyridon Louis")
    assert not of_the_kind_asked(
        "When were women allowed to run?", "For decades, officials claimed it was unsafe"
    )


LISTS = """# Hedgehogs

## Decline

Surveys suggest that hedgehogs in rural Britain have declined because of:

- Habitat loss: hedgerows and fields have been removed
- Road traffic: many hedgehogs are killed on roads at night
- Pesticides: slug pellets reduce the food hedgehogs eat

## Glass

High-purity silica sand is the main ingredient of ordinary glass. Each spine is a hollow,
modified hair made of keratin.
"""


def test_a_clause_before_a_list_is_no_topic_and_a_role_is_no_definition() -> None:
    prompts = [q.prompt for q in candidate_questions(LISTS, "md")]
    assert not any("list on surveys" in p for p in prompts)
    assert "What is high-purity silica sand?" not in prompts
    assert not any(p.startswith("What is each") for p in prompts)

"""Audit 21's failures as general rules (pages h65-h68, first seen in round 21)."""

from __future__ import annotations

from questions.gates import GateContext, check_leakage
from questions.pipeline import analyse
from tests.questions.candidate_support import candidate_questions

APPOSITIVES = """# Elasticity

Total revenue, the amount paid by buyers and received by sellers, equals price multiplied by
quantity sold. Price elasticity of demand, the percentage change in quantity demanded divided
by the percentage change in price, measures how strongly buyers respond. The river, a major
route for trade, carried salt and grain. Alfred Marshall, the British economist who wrote the
Principles, popularised the idea. Demand, the water, the heat and the light, all matter.
"""


def test_a_subject_renamed_between_commas_before_its_verb_is_defined() -> None:
    asked = {q.prompt: q.answer for q in candidate_questions(APPOSITIVES, "md")}
    assert asked["What is total revenue?"] == "The amount paid by buyers and received by sellers"
    elasticity = asked["What is price elasticity of demand?"]
    assert elasticity.startswith("The percentage change in quantity demanded divided by")
    assert not any(p.startswith("What is the river") for p in asked)  # "The river" is no term
    assert "What is Alfred Marshall?" not in asked  # a name, not a term
    assert "What is demand?" not in asked  # a list, not a meaning


def test_a_long_definition_sharing_a_word_with_its_term_is_no_leak() -> None:
    analysis = analyse(APPOSITIVES, "md")
    gates = GateContext.of([], {})
    asked = {q.prompt: q for q in candidate_questions(APPOSITIVES, "md")}
    elasticity = asked["What is price elasticity of demand?"]  # "demanded" in the answer
    assert check_leakage(elasticity, gates) == [] and analysis.facts


EXTINGUISHERS = """# Fire extinguishers

Every workplace needs the right extinguisher for the fires it may face. CO2 extinguishers
suit offices with computers, and wet chemical extinguishers suit kitchens.

## Types of extinguisher

| Type | Label colour | Suitable for |
| --- | --- | --- |
| Water | Red | Class A |
| Foam (AFFF) | Cream | Class A and Class B |
| Carbon dioxide (CO2) | Black | Class B and electrical fires |
| Wet chemical | Yellow | Class F |

## Types of glacier

| Type | Typical size |
| --- | --- |
| Ice sheet | More than 50,000 km² |
| Ice cap | Less than 50,000 km² |
| Valley glacier | A few to hundreds of km² |
"""


def test_rows_named_by_their_type_are_things_of_the_headings_kind() -> None:
    prompts = [q.prompt for q in candidate_questions(EXTINGUISHERS, "md")]
    assert "What is the label colour of a water extinguisher?" in prompts
    assert "What is the label colour of a foam extinguisher?" in prompts  # "(AFFF)" dropped
    assert not any("label colour of water?" in p for p in prompts)
    # a table one of whose rows names the thing itself: each row is a whole name
    assert any(p == "What is the typical size of an ice cap?" for p in prompts), prompts


KONTORE = """# The Hanseatic League

Merchants of the League lived in trading posts abroad, in London, Bruges and Novgorod.

## Trading posts

- **London** – the Steelyard on the north bank of the Thames, exporting wool and cloth;
- **Novgorod** – the Peterhof, the source of furs and wax from Russia;
- **Kontor** – a trading post of the League abroad, with its own laws;
"""


def test_a_named_place_labelled_with_what_is_there_is_not_defined() -> None:
    asked = {q.prompt: q.answer for q in candidate_questions(KONTORE, "md")}
    assert "What is London?" not in asked
    assert not any(a == "Novgorod" for a in asked.values())
    meaning = asked.get("What is a kontor?") or asked.get("What is Kontor?")
    assert meaning == "A trading post of the League abroad, with its own laws"  # no ";"


ARTICLES = """# Markets

The law of demand says that buyers purchase less as the price rises. Economists test
the law of demand with market data. Continental drift moved the continents apart, and
continental drift still goes on today.

## Glossary

Law of demand: the principle that quantity demanded falls as price rises
Continental drift: the slow movement of the continents across the Earth's surface
Supply curve: a graph of the quantity sellers offer at each price
"""


def test_the_prose_says_which_article_a_glossary_term_takes() -> None:
    prompts = {q.prompt for q in candidate_questions(ARTICLES, "md")}
    assert "What is the law of demand?" in prompts
    assert "What is continental drift?" in prompts

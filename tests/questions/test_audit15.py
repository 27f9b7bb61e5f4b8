"""Blind audit 15 (h41–h44): a table row keyed by an ordinal is named with its key column's
noun ("the fifth order"), a superlative cell reads before the attribute, glossary lines
"term — definition" are entries of their own, the audit's refused blanks and stems are cases of
``tests/questions/test_acceptance.py`` (name_fragment, range_end, first_person, "However,"
and "From there" openers). Texts are written for these tests."""

from __future__ import annotations

from questions.model import CLOZE_BLANK, Kind, Question, Source
from questions.ranking import rank
from questions.unwrap import unwrapped
from tests.questions.candidate_support import candidate_questions

ORDERS = """# Lighthouse lenses

## Orders

Lighthouse lenses were made in several sizes, called orders, from the first to the sixth.

| Order | Focal distance | Typical use |
|---|---|---|
| First | 920 mm | Major seacoast lights |
| Second | 700 mm | Lesser seacoast lights |
| Third | 500 mm | Coastal points and bays |
| Fourth | 250 mm | Harbour entrances |
| Fifth | 187.5 mm | Small harbours and rivers |
| Sixth | 150 mm | Piers and channel markers |

| Cell type | Relative endurance |
|---|---|
| SLC | Highest |
| MLC | High |
| QLC | Lowest |
"""


def test_an_ordinal_row_is_named_with_its_key_columns_noun() -> None:
    stems = {q.prompt for q in candidate_questions(ORDERS, "md") if q.fact_kind == "table_cell"}
    assert "What is the focal distance of the fifth order?" in stems
    assert not any(" of fifth" in s or " of the fifth?" in s for s in stems)


def test_ordinal_options_are_the_keys_neighbours() -> None:
    reverse = [
        q for q in candidate_questions(ORDERS, "md") if q.prompt.startswith("Which order has piers")
    ]
    assert reverse and set(reverse[0].options) == {"Fifth", "Fourth", "Third", "Sixth"}


def test_a_superlative_cell_reads_before_the_attribute() -> None:
    stems = {q.prompt for q in candidate_questions(ORDERS, "md")}
    assert "Which cell type has the lowest relative endurance?" in stems
    assert not any("Lowest" in s for s in stems)


def test_dash_glossary_lines_are_entries_of_their_own() -> None:
    lines = [
        "The plague reached the ports of Sicily in the autumn of 1347 and spread",
        "along the trade routes of the Mediterranean within a few months. Towns",
        "closed their gates, and many people fled to the countryside, where the",
        "disease soon followed them along the roads and rivers of the continent.",
        "Chroniclers wrote that the living were hardly able to bury the dead, and",
        "whole villages were left empty by the end of the great mortality there.",
        "",
        "bubo — a painful swelling of a lymph node, typical of bubonic plague",
        "Yersinia pestis — the bacterium that causes plague",
        "pneumonic plague — the form of plague that infects the lungs and spreads",
        "    through coughing",
        "miasma — the medieval belief that disease was spread by poisoned air",
    ]
    out = unwrapped(lines)
    assert any(line.startswith("Yersinia pestis — ") for line in out)
    assert any(line.startswith("pneumonic plague — ") and "coughing" in line for line in out)


def _asked(kind: Kind, prompt: str, answer: str, fact_kind: str, start: int) -> Question:
    return Question(
        id=f"q-{start}",
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation="",
        fact_id=f"f-{start}",
        fact_kind=fact_kind,
        entity="",
        source=Source("s", prompt, start, start + 10),
    )


def test_a_glossary_definition_the_body_restates_is_one_fact() -> None:
    body = _asked(
        Kind.CLOZE,
        f"Groups of {CLOZE_BLANK} marched from town to town, whipping themselves in public "
        "as an act of penance.",
        "flagellants",
        "key_term",
        0,
    )
    entry = _asked(
        Kind.FLASHCARD,
        "What are flagellants?",
        "Groups who whipped themselves in public as penance for sin",
        "glossary",
        500,
    )
    text = "word " * 300
    kept = rank([body, entry], text, lambda phrase: 1)
    assert len(kept) == 1

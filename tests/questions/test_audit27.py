"""Audit 27's failures as general rules (pages h89-h92)."""

from __future__ import annotations

from questions.acceptance import needs_antecedent
from questions.lines import WORKED_EXAMPLE_RE
from questions.pipeline import analyse
from tests.questions.candidate_support import candidate_questions

GLOSSARY_LIST = """# Basalt

Basalt is a dark volcanic rock that forms most of the ocean floor. Gabbro forms from the same
magma deep underground, and mafic rocks are rich in iron.

## Key terms

- gabbro: coarse-grained intrusive equivalent of basalt.
- mafic: rich in magnesium and iron.
- pahoehoe: basaltic lava with a smooth or ropy surface.
- Christopher Wilson, The Gothic Cathedral: the Great Church, 1130–1530. Thames and Hudson, 1990
"""


def test_a_key_terms_list_is_a_glossary_not_a_list_of_things() -> None:
    asked = {q.prompt: q.answer for q in candidate_questions(GLOSSARY_LIST, "md")}
    assert not any("involve?" in p for p in asked), asked
    defined = (
        "Which term does the article define as “coarse-grained intrusive equivalent of basalt”?"
    )
    assert asked.get(defined) == "Gabbro"
    assert not any("Wilson" in a for a in asked.values())  # a reference under the same heading


def test_a_worked_example_is_no_source_of_facts() -> None:
    assert WORKED_EXAMPLE_RE.match("EXAMPLE. A student on a field trip finds a dark rock.")
    assert WORKED_EXAMPLE_RE.match("Worked Example 8.3: An Rf value of 0.4 means …")
    assert not WORKED_EXAMPLE_RE.match("Examples of basalt include the Giant's Causeway.")
    text = (
        "# Basalt\n\nBasalt is a dark volcanic rock rich in olivine crystals.\n\n"
        "EXAMPLE. A student on a field trip near Peterhead finds a dark, fine-grained rock.\n"
    )
    kinds = {line.text[:8]: line.kind for line in analyse(text, "md").lines}
    assert kinds["EXAMPLE."] == "noise"


def test_asides_claims_and_more_examples_are_no_definitions_or_stems() -> None:
    page = (
        "# Teeth\n\nBacteria live in dental plaque, a sticky film (a type of biofilm) that "
        "builds up on teeth. Fluoride is the single most effective way of protecting teeth.\n"
    )
    prompts = {q.prompt for q in candidate_questions(page, "md")}
    assert "What is a sticky film?" not in prompts
    assert "What is fluoride?" not in prompts
    assert needs_antecedent("Other famous examples include Fingal's Cave on Staffa.")
    assert not needs_antecedent("The results of the survey were published in 2020.")

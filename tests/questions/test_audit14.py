"""Blind audit 14 (h37–h40): a name put for "It" keeps its article ("The troposphere is …"),
a table row the article names with "the" takes it, "Here …", "The reason …" and "The
couple …" lean on an unread sentence, a ratio's denominator is no blank, a publisher's line
is no title, and a note that makes a claim ("Smoking - smoking doubles your risk") or gives
a phone number is no definition. The texts are general English written for these tests."""

from __future__ import annotations

import re

import pytest

from questions import acceptance as acc
from questions.acceptance import needs_antecedent
from questions.context import build_context
from questions.model import CLOZE_BLANK, Kind, Question, Source
from questions.pipeline import analyse
from questions.templates_blanks import resolved
from questions.templates_structure import defines_a_thing
from tests.questions.candidate_support import candidate_questions

LAYERS = """# The layers of the atmosphere

## Troposphere

It is the lowest layer of the atmosphere, where almost all weather happens.
The troposphere holds about three quarters of the mass of the air above us.

## Stratosphere

It contains the ozone layer, which absorbs most of the Sun's ultraviolet light.
Above the troposphere, the stratosphere warms with height because of the ozone.

## Mesosphere

It is the coldest layer, and most meteors burn up in it as shooting stars.
The mesosphere reaches about 85 km, where the temperature falls to about −90 °C.

| Layer | Approximate height |
|---|---|
| Troposphere | 0 to 12 km |
| Stratosphere | 12 to 50 km |
| Mesosphere | 50 to 85 km |
"""


def test_a_name_put_for_it_keeps_its_article() -> None:
    analysis = analyse(LAYERS, "md")
    ctx = build_context(analysis.doc, list(analysis.facts))
    said = {
        found[0]
        for fact in analysis.facts
        if fact.unit.sentence.text.startswith("It ") and (found := resolved(ctx, fact)) is not None
    }
    layers = ("The troposphere ", "The stratosphere ", "The mesosphere ")
    assert said and all(text.startswith(layers) for text in said)


def test_a_table_row_the_article_names_with_the_takes_it() -> None:
    stems = [q.prompt for q in candidate_questions(LAYERS, "md") if q.fact_kind == "table_cell"]
    assert "What is the approximate height of the troposphere?" in stems
    assert not [s for s in stems if re.search(r"of (?:tropo|strato|meso)sphere", s)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Here the temperature stops falling and starts to rise again with height.",
        "The reason is the ozone layer, which absorbs ultraviolet light from the Sun.",
        "The couple worked in a leaking shed at the school for four years.",
    ],
)
def test_a_sentence_that_leans_on_an_unread_one_is_recognised(sentence: str) -> None:
    assert needs_antecedent(sentence)


def test_a_ratios_denominator_is_no_blank() -> None:
    prompt = f"Up to 9 in {CLOZE_BLANK} are linked to risk factors that can be changed."
    sentence = prompt.replace(CLOZE_BLANK, "10 strokes")
    question = Question(
        id="q-1",
        kind=Kind.CLOZE,
        prompt=prompt,
        answer="10 strokes",
        explanation="",
        fact_id="f-1",
        fact_kind="key_term",
        entity="",
        source=Source("s", sentence, 0, len(sentence)),
    )
    lex = acc.Lexicon(lambda phrase: 1, frozenset(), "stroke", frozenset(), {})
    assert "bad_span" in acc.reasons(question, lex)


def test_a_publishers_line_is_no_title() -> None:
    text = """Public Health Information Service
Patient information leaflet

STROKE: KNOW THE SIGNS, ACT FAST

A stroke happens when the blood supply to part of the brain is cut off. A stroke is a
medical emergency, and the sooner a person with a stroke gets treatment the better.
Strokes can be caused by a clot or by bleeding, and each stroke needs its own treatment.
"""
    assert analyse(text, "txt").doc.title == "Stroke: Know the Signs, Act Fast"


def test_a_note_making_a_claim_or_a_contact_line_is_no_definition() -> None:
    assert not defines_a_thing("Smoking", "smoking roughly doubles your risk of stroke")
    assert not defines_a_thing("Stroke Association Helpline", "0303 3033 100")
    assert defines_a_thing("Producer", "an organism that makes its own food")

"""Blind audit 11 (h25–h28): stems that still lean on a sentence the learner has not read: a
subject that is a role or shell word alone ("The start is …", "Patients usually …",
"Values are …"), a time told relative to an undated event ("In the same year", "later that
year", "flooded again"), an FAQ answer's opener ("For most people, no."), and an instruction
about a moment the stem does not set ("Notice when …"). The texts are general English
written for these tests."""

from __future__ import annotations

import pytest

from questions import acceptance as acc
from questions.acceptance import needs_antecedent
from questions.model import CLOZE_BLANK, Kind, Question, Source


def lex() -> acc.Lexicon:
    return acc.Lexicon(lambda phrase: 1, frozenset(), "page", frozenset(), {})


def cloze(prompt: str, answer: str) -> Question:
    sentence = prompt.replace(CLOZE_BLANK, answer)
    return Question(
        id="q-1",
        kind=Kind.CLOZE,
        prompt=prompt,
        answer=answer,
        explanation="",
        fact_id="f-1",
        fact_kind="key_term",
        entity="",
        source=Source("s", sentence, 0, len(sentence)),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The start is usually linked to the first operas, and the end to the death of Bach.",
        "Patients usually feel better within a few days of treatment.",
        "Values are rounded from the national database and vary with storage.",
        "The difference is small in most adults.",
        "In the same year the chemist shared the prize for working out the structure.",
        "A team of archaeologists began systematic excavation later that year.",
        "At that time most sailors died of the disease on long voyages.",
        "The following year the treaty was signed in the capital.",
        "The river flooded again and destroyed the lower town.",
        "For most people, no. Large reviews found that the tablets do not prevent colds.",
        "Not usually. The body removes the excess within hours.",
        "Yes, the vitamin dissolves in water.",
    ],
)
def test_a_stem_that_leans_on_an_unread_sentence_is_recognised(sentence: str) -> None:
    assert needs_antecedent(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The start of the period is usually linked to the first operas.",
        "Patients with the disease usually feel better within a few days.",
        "The result is two identical molecules.",
        "The figures were made to protect the emperor in the afterlife.",
        "The difference between magnification and resolution is often asked about.",
        "The king was executed on 21 January 1793; the queen died in October of the same year.",
        "In 1794 Robespierre was arrested and executed the next day.",
        "A volcano is dormant if it is expected to erupt again.",
        "No treatment cures the disease, but symptoms can be eased.",
        "Usually the disease starts in childhood.",
    ],
)
def test_a_stem_that_names_what_it_needs_stands_alone(sentence: str) -> None:
    assert not needs_antecedent(sentence)


@pytest.mark.parametrize(
    ("prompt", "answer"),
    [
        ("Notice when the {{blank}} (or the small group) enters with new material.", "soloist"),
        ("{{blank}} again for every objective lens, because the value changes.", "Calibrate"),
        ("Check whether the {{blank}} is dry.", "slide"),
    ],
)
def test_an_instruction_about_an_unset_moment_is_not_asked(prompt: str, answer: str) -> None:
    assert "unresolved_opener" in acc.unresolved_opener(cloze(prompt, answer), lex())


@pytest.mark.parametrize(
    ("prompt", "answer"),
    [
        ("{{blank}} when it enters glass slows down and bends.", "Light"),
        ("Water boils at {{blank}} at sea level.", "100 °C"),
    ],
)
def test_a_statement_opening_with_a_noun_is_no_instruction(prompt: str, answer: str) -> None:
    assert acc.unresolved_opener(cloze(prompt, answer), lex()) == []

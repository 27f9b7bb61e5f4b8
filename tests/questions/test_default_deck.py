"""The checked-in default deck: what issue 2 requires of the bank made from our article."""

from __future__ import annotations

import json
import re

import pytest

from questions.bankfile import dumps, load
from questions.checking import check_bank
from questions.default_deck import DEFAULT_ARTICLE, DEFAULT_BANK
from questions.model import Bank, Kind, Question
from questions.overrides import overrides_path, parse
from questions.pipeline import generate
from questions.reading import read_article
from questions.textutil import contains_phrase

CONDITIONS = (
    "ALS",
    "MS",
    "Peripheral neuropathies",
    "Spinal cord injury",
    "Hypocalcemia",
    "Periodic paralysis",
)
DIAGNOSTIC_METHODS = (
    "Physical examination",
    "Neurological examination",
    "Blood tests",
    "Nerve conduction studies",
    "Electromyography",
    "MRI or CT scans",
)
TREATMENTS = ("Medication", "Physical therapy", "Lifestyle modifications")
NOISE = ("3 min read", "11-03-2025", "Related Posts")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load(DEFAULT_BANK)


def texts(q: Question) -> list[str]:
    return [q.prompt, q.answer, q.explanation, *q.options, *q.accepted]


def asked(bank: Bank, phrase: str) -> list[Question]:
    """Questions whose prompt or answer is about ``phrase`` (not only its explanation)."""
    return [
        q for q in bank.questions if any(contains_phrase(t, phrase) for t in (q.prompt, q.answer))
    ]


def test_committed_bank_is_exactly_what_generate_makes(bank: Bank) -> None:
    path = overrides_path(DEFAULT_BANK)
    overrides = parse(json.loads(path.read_text(encoding="utf-8"))) if path.exists() else {}
    fresh, report = generate(read_article(DEFAULT_ARTICLE), overrides=overrides)
    assert dumps(fresh) == DEFAULT_BANK.read_text(encoding="utf-8")
    assert report.stale_overrides == []
    assert bank.deck.slug == "neurological-disorders-that-cause-muscle-cramps"
    assert bank.deck.name == "Neurological Disorders That Cause Muscle Cramps"


def test_at_least_sixty_questions_of_all_four_kinds(bank: Bank) -> None:
    assert len(bank.questions) >= 60
    assert {q.kind for q in bank.questions} == set(Kind)


@pytest.mark.parametrize("condition", CONDITIONS)
def test_each_condition_is_asked_three_different_ways(bank: Bank, condition: str) -> None:
    kinds = {q.kind for q in bank.questions if q.entity == condition}
    assert len(kinds) >= 3, (condition, kinds)


@pytest.mark.parametrize("item", DIAGNOSTIC_METHODS + TREATMENTS)
def test_each_diagnostic_method_and_treatment_is_asked(bank: Bank, item: str) -> None:
    about = [q for q in asked(bank, item) if q.fact_kind in ("list_item", "abbreviation")]
    assert about, item


def test_mechanism_and_ordinary_triggers_are_asked(bank: Bank) -> None:
    mechanism = asked(bank, "an imbalance between muscle excitation and relaxation")
    assert any(q.kind == Kind.FLASHCARD for q in mechanism)
    assert any(q.kind == Kind.CLOZE and q.answer == "excitation" for q in bank.questions)
    for trigger in ("dehydration", "strenuous exercise"):
        assert asked(bank, trigger), trigger


def test_no_question_contains_noise(bank: Bank) -> None:
    for q in bank.questions:
        for text in texts(q):
            assert not any(n.casefold() in text.casefold() for n in NOISE), (q.id, text)
            assert not re.search(r"\bclose\b", text, re.IGNORECASE), (q.id, text)


def test_the_bank_passes_every_gate_and_check(bank: Bank) -> None:
    assert check_bank(bank, "bank", (DEFAULT_ARTICLE.read_text(encoding="utf-8"), "txt", "a")) == []


def test_every_answer_is_found_in_its_source_sentence(bank: Bank) -> None:
    text = bank.article.text
    for q in bank.questions:
        assert text[q.source.start : q.source.end] == q.source.sentence
        if q.kind == Kind.TRUE_FALSE:
            continue
        names = (q.answer, *q.accepted)
        assert any(contains_phrase(q.source.sentence, n) for n in names), q.id


def test_no_stem_contains_its_answer_or_an_alias(bank: Bank) -> None:
    aliases = {"ALS": "Lou Gehrig's disease", "Amyotrophic lateral sclerosis": "ALS"}
    for q in bank.questions:
        if q.kind in (Kind.TRUE_FALSE,) or q.fact_kind in ("abbreviation", "alias", "gloss"):
            continue
        stem = q.prompt.replace("{{blank}}", " ")
        assert not contains_phrase(stem, q.answer), q.id
        assert not any(contains_phrase(stem, a) for a in q.accepted), q.id
        if q.answer in aliases:
            assert not contains_phrase(stem, aliases[q.answer]), q.id


def test_multiple_choice_distractors_are_of_the_answers_kind(bank: Bank) -> None:
    names = {"Amyotrophic lateral sclerosis", "Multiple sclerosis", *CONDITIONS[2:]}
    methods = set(DIAGNOSTIC_METHODS)
    for q in bank.questions:
        if q.kind != Kind.MULTIPLE_CHOICE:
            continue
        assert 3 <= len(q.options) <= 4 and q.options[q.correct or 0] == q.answer
        if q.answer in names:
            assert set(q.options) <= names, q.options
        if q.answer in methods:
            assert set(q.options) <= methods, q.options


def test_false_statements_swap_a_sibling_never_negate(bank: Bank) -> None:
    false = [q for q in bank.questions if q.kind == Kind.TRUE_FALSE and q.answer == "False"]
    assert len(false) >= 5
    for q in false:
        assert not re.search(r"\b(not|never|no)\b", q.prompt), q.prompt
        assert q.prompt != q.source.sentence


def test_every_question_has_section_entity_and_kind_tags(bank: Bank) -> None:
    for q in bank.questions:
        prefixes = {t.split("::")[0] for t in q.tags}
        assert {"section", "entity", "kind"} <= prefixes
        assert all(" " not in t for t in q.tags)
        assert re.fullmatch(r"q-[0-9a-f]{12}", q.id)
        assert q.explanation.strip()

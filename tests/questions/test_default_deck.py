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
from questions.ranking import MINIMUM, budget
from questions.rarity import is_trivial
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


def test_a_ranked_deck_within_the_budget_of_all_four_kinds(bank: Bank) -> None:
    words = len(re.findall(r"\w+", bank.article.text))
    assert MINIMUM <= len(bank.questions) <= budget(words) <= words * 40 // 1000
    assert {q.kind for q in bank.questions} == set(Kind)


def mentioned(bank: Bank, name: str) -> list[Question]:
    return [q for q in bank.questions if any(contains_phrase(t, name) for t in texts(q))]


@pytest.mark.parametrize("condition", CONDITIONS)
def test_each_condition_is_asked_about_or_offered_as_an_option(bank: Bank, condition: str) -> None:
    assert mentioned(bank, condition), condition


def test_most_conditions_are_the_subject_of_a_question(bank: Bank) -> None:
    entities = {q.entity for q in bank.questions}
    assert len(entities & set(CONDITIONS)) >= 5, entities


@pytest.mark.parametrize("items", [DIAGNOSTIC_METHODS, TREATMENTS])
def test_each_list_is_asked_with_its_siblings_as_options(
    bank: Bank, items: tuple[str, ...]
) -> None:
    choices = [q for q in bank.questions if q.kind == Kind.MULTIPLE_CHOICE and q.answer in items]
    assert choices, items
    for q in choices:
        assert set(q.options) <= set(items), q.options


def test_most_diagnostic_methods_and_treatments_are_in_the_deck(bank: Bank) -> None:
    items = DIAGNOSTIC_METHODS + TREATMENTS
    assert sum(1 for item in items if mentioned(bank, item)) * 4 >= len(items) * 3


def test_no_cloze_blanks_a_trivial_word(bank: Bank) -> None:
    for q in bank.questions:
        if q.kind == Kind.CLOZE:
            assert not is_trivial(q.answer), (q.id, q.answer)


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
    items = [q for q in bank.questions if q.kind == Kind.TRUE_FALSE]
    false = [q for q in items if q.answer == "False"]
    assert false and abs(len(items) - 2 * len(false)) <= 1  # balanced: "always True" fails
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

"""Small banks built in code: every kind, awkward text (HTML, braces, GIFT specials, colons)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from questions.bankfile import with_content_version
from questions.model import CLOZE_BLANK, Article, Bank, Deck, Kind, Question, Source

TEXT = (
    "Muscle cramps\n\n"
    "ALS, also known as Lou Gehrig's disease, affects motor neurons.\n"
    "Hypocalcemia <low calcium> causes cramps & spasms {often}: see ~note #1 = a\\b.\n"
)
ALS = TEXT.index("ALS")
HYPO = TEXT.index("Hypocalcemia")


def make_bank(questions: tuple[Question, ...] | None = None, slug: str = "cramps") -> Bank:
    article = Article(title="Muscle cramps", filename="cramps.txt", sha256="0" * 64, text=TEXT)
    deck = Deck(slug, "Muscle cramps: causes", "Cramps & <spasms>.")
    qs = default_questions() if questions is None else questions
    return with_content_version(Bank(deck=deck, article=article, questions=qs))


def default_questions() -> tuple[Question, ...]:
    als = Source("Causes of cramps", TEXT[ALS : HYPO - 1], ALS, HYPO - 1)
    hypo = Source("Metabolic: <rare> causes", TEXT[HYPO:-1], HYPO, len(TEXT) - 1)
    base = dict(fact_id="f-als", fact_kind="alias", entity="ALS", source=als, explanation="ALS is also called Lou Gehrig's disease.")
    weird = dict(fact_id="f-hypo", fact_kind="cause", entity="Hypocalcemia (low Ca)", source=hypo, explanation="Low calcium <Ca²⁺> makes nerves {excitable}.")
    return (
        Question(id="q-flash", kind=Kind.FLASHCARD, prompt="What is ALS also known as?", answer="Lou Gehrig's disease", accepted=("Lou Gehrig disease",), tags=("section::Causes of cramps",), **base),  # type: ignore[arg-type]
        Question(id="q-cloze", kind=Kind.CLOZE, prompt=f"ALS, also known as {CLOZE_BLANK}, affects motor neurons.", answer="Lou Gehrig's disease", **base),  # type: ignore[arg-type]
        Question(id="q-mc", kind=Kind.MULTIPLE_CHOICE, prompt="Which disease is also known as Lou Gehrig's disease?", answer="ALS", options=("MS", "ALS", "Hypocalcemia"), correct=1, **base),  # type: ignore[arg-type]
        Question(id="q-tf-false", kind=Kind.TRUE_FALSE, prompt="MS is also known as Lou Gehrig's disease.", answer="False", options=("True", "False"), correct=1, **base),  # type: ignore[arg-type]
        Question(id="q-mc4", kind=Kind.MULTIPLE_CHOICE, prompt="What does a low level of <calcium> {Ca} cause?", answer="cramps & spasms: {often}", options=("sleep ~ rest", "cramps & spasms: {often}", "a = b # c", "back\\slash"), correct=1, **weird),  # type: ignore[arg-type]
        Question(id="q-cloze-weird", kind=Kind.CLOZE, prompt=f"Hypocalcemia <low calcium> causes {CLOZE_BLANK}: see ~note #1.", answer="cramps::spasms {x}", accepted=("cramps",), **weird),  # type: ignore[arg-type]
        Question(id="q-tf-true", kind=Kind.TRUE_FALSE, prompt="Hypocalcemia causes cramps & spasms.", answer="True", options=("True", "False"), correct=0, tags=("topic::metabolic causes",), **weird),  # type: ignore[arg-type]
        Question(id="q-flash-weird", kind=Kind.FLASHCARD, prompt="Which ion is low in hypocalcemia? {{c1::no}}", answer="calcium = Ca", **weird),  # type: ignore[arg-type]
    )


def reworded(bank: Bank, question_id: str, prompt: str) -> Bank:
    questions = tuple(replace(q, prompt=prompt) if q.id == question_id else q for q in bank.questions)
    return with_content_version(replace(bank, questions=questions))


@pytest.fixture
def bank() -> Bank:
    return make_bank()

"""Small banks built in code: every kind, and article text full of HTML, braces, colons and
GIFT's special characters, so every exporter meets the awkward cases on every run."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from questions.bankfile import with_content_version
from questions.model import CLOZE_BLANK, Article, Bank, Deck, Kind, Question, Source
from questions.normalise import sha256_text

TEXT = (
    "Muscle cramps\n\n"
    "ALS, also known as Lou Gehrig's disease, affects motor neurons.\n"
    "Hypocalcemia <low calcium> causes cramps & spasms {often}: see ~note #1 = a\\b.\n"
)
_ALS = TEXT.index("ALS")
_HYPO = TEXT.index("Hypocalcemia")
ALS_SOURCE = Source("Causes of cramps", TEXT[_ALS : _HYPO - 1], _ALS, _HYPO - 1)
HYPO_SOURCE = Source("Metabolic: <rare> causes", TEXT[_HYPO:-1], _HYPO, len(TEXT) - 1)
TF = ("True", "False")


def question(qid: str, kind: Kind, prompt: str, answer: str, **extra: object) -> Question:
    """A question about ALS, or (``weird=True``) about hypocalcemia with awkward text."""
    weird = bool(extra.pop("weird", False))
    return Question(
        id=qid,
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation=(
            "Low calcium <Ca²⁺> makes nerves {excitable}."
            if weird
            else "ALS is also called Lou Gehrig's disease."
        ),
        fact_id="f-hypo" if weird else "f-als",
        fact_kind="cause" if weird else "alias",
        entity="Hypocalcemia (low Ca)" if weird else "ALS",
        source=HYPO_SOURCE if weird else ALS_SOURCE,
        **extra,  # type: ignore[arg-type]
    )


def default_questions() -> tuple[Question, ...]:
    return (
        question(
            "q-flash", Kind.FLASHCARD, "What is ALS also known as?", "Lou Gehrig's disease",
            accepted=("Lou Gehrig disease",), tags=("section::Causes of cramps",),
        ),
        question(
            "q-cloze", Kind.CLOZE, f"ALS, also known as {CLOZE_BLANK}, affects motor neurons.",
            "Lou Gehrig's disease",
        ),
        question(
            "q-mc", Kind.MULTIPLE_CHOICE, "Which disease is also known as Lou Gehrig's disease?",
            "ALS", options=("MS", "ALS", "Hypocalcemia"), correct=1,
        ),
        question(
            "q-tf-false", Kind.TRUE_FALSE, "MS is also known as Lou Gehrig's disease.", "False",
            options=TF, correct=1,
        ),
        question(
            "q-mc4", Kind.MULTIPLE_CHOICE, "What does a low level of <calcium> {Ca} cause?",
            "cramps & spasms: {often}", weird=True, correct=1,
            options=("sleep ~ rest", "cramps & spasms: {often}", "a = b # c", "back\\slash"),
        ),
        question(
            "q-cloze-weird", Kind.CLOZE,
            f"Hypocalcemia <low calcium> causes {CLOZE_BLANK}: see ~note #1.",
            "cramps::spasms {x}", accepted=("cramps", "spasm*"), weird=True,
        ),
        question(
            "q-tf-true", Kind.TRUE_FALSE, "Hypocalcemia causes cramps & spasms.", "True",
            options=TF, correct=0, tags=("topic::metabolic causes",), weird=True,
        ),
        question(
            "q-flash-weird", Kind.FLASHCARD, "Which ion is low in hypocalcemia? {{c1::no}}",
            "calcium = Ca", weird=True,
        ),
    )  # fmt: skip


def make_bank(questions: tuple[Question, ...] | None = None, slug: str = "cramps") -> Bank:
    article = Article(
        title="Muscle cramps", filename="cramps.txt", sha256=sha256_text(TEXT), text=TEXT
    )
    deck = Deck(slug, "Muscle cramps: causes", "Cramps & <spasms>.")
    chosen = default_questions() if questions is None else questions
    return with_content_version(Bank(deck=deck, article=article, questions=chosen))


def reword(bank: Bank, question_id: str, prompt: str) -> Bank:
    """``bank`` with one question's wording changed (same id, as the generator keeps it)."""
    questions = tuple(
        replace(q, prompt=prompt) if q.id == question_id else q for q in bank.questions
    )
    return with_content_version(replace(bank, questions=questions))


@pytest.fixture
def bank() -> Bank:
    return make_bank()


@pytest.fixture(name="make_bank")
def make_bank_fixture() -> Callable[..., Bank]:
    return make_bank


@pytest.fixture(name="reword")
def reword_fixture() -> Callable[[Bank, str, str], Bank]:
    return reword

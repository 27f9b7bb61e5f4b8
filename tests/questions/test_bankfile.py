"""The bank file round-trips exactly and reports every problem with file, question id and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from questions.bankfile import BankError, dump, dumps, load, loads, with_content_version
from questions.model import (
    CLOZE_BLANK,
    Article,
    Bank,
    Block,
    Deck,
    Kind,
    Question,
    Source,
)

TEXT = "Cramps\n\nALS, also known as Lou Gehrig's disease, affects motor neurons."


def small_bank() -> Bank:
    src = Source(section="Cramps", sentence=TEXT[8:], start=8, end=len(TEXT))
    common = dict(
        fact_id="f1", fact_kind="alias", entity="ALS", source=src, tags=("section::Cramps",)
    )
    questions = (
        Question(
            id="q1",
            kind=Kind.FLASHCARD,
            prompt="What is ALS also known as?",
            answer="Lou Gehrig's disease",
            explanation="e",
            **common,
        ),  # type: ignore[arg-type]
        Question(
            id="q2",
            kind=Kind.CLOZE,
            prompt=f"ALS, also known as {CLOZE_BLANK}, affects motor neurons.",
            answer="Lou Gehrig's disease",
            accepted=("Lou Gehrig disease",),
            explanation="e",
            **common,
        ),  # type: ignore[arg-type]
        Question(
            id="q3",
            kind=Kind.MULTIPLE_CHOICE,
            prompt="Which disease is also known as Lou Gehrig's disease?",
            answer="ALS",
            options=("MS", "ALS", "Hypocalcemia"),
            correct=1,
            explanation="e",
            **common,
        ),  # type: ignore[arg-type]
        Question(
            id="q4",
            kind=Kind.TRUE_FALSE,
            prompt="MS is also known as Lou Gehrig's disease.",
            answer="False",
            options=("True", "False"),
            correct=1,
            explanation="e",
            **common,
        ),  # type: ignore[arg-type]
    )
    article = Article(
        title="Cramps",
        filename="a.txt",
        sha256="0" * 64,
        text=TEXT,
        blocks=(Block("title", 0, 6), Block("paragraph", 8, len(TEXT))),
    )
    return with_content_version(
        Bank(deck=Deck("cramps", "Cramps"), article=article, questions=questions)
    )


def test_round_trip_is_exact(tmp_path: Path) -> None:
    bank = small_bank()
    path = tmp_path / "bank.json"
    dump(bank, path)
    assert load(path) == bank
    assert dumps(load(path)) == dumps(bank)
    assert not list(tmp_path.glob("*.tmp"))


def test_content_version_follows_questions_only() -> None:
    bank = small_bank()
    renamed = with_content_version(
        Bank(deck=Deck("x", "Other"), article=bank.article, questions=bank.questions)
    )
    assert renamed.content_version == bank.content_version
    fewer = with_content_version(
        Bank(deck=bank.deck, article=bank.article, questions=bank.questions[:2])
    )
    assert fewer.content_version != bank.content_version


def test_every_problem_is_reported_with_question_and_field() -> None:
    data = json.loads(dumps(small_bank()))
    data["questions"][0]["kind"] = "essay"
    data["questions"][2]["correct"] = 7
    data["questions"][3]["source"]["end"] = 10_000
    del data["questions"][1]["answer"]
    with pytest.raises(BankError) as err:
        loads(json.dumps(data), "deck.json")
    messages = [str(p) for p in err.value.problems]
    assert (
        "deck.json: question q1: kind: must be one of flashcard, cloze, multiple_choice, true_false"
        in messages
    )
    assert "deck.json: question q2: answer: missing" in messages
    assert "deck.json: question q3: correct: 7 is not an option index" in messages
    assert "deck.json: question q4: source.start: offsets fall outside the article text" in messages


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (
            lambda d: d["questions"].append(dict(d["questions"][0])),
            "question q1: id: is used by more than one question",
        ),
        (
            lambda d: d["questions"][1].update(prompt="no blank here"),
            "question q2: prompt: a cloze needs exactly one",
        ),
        (
            lambda d: d["questions"][2].update(answer="MS"),
            "question q3: answer: must equal the text of the correct option",
        ),
        (
            lambda d: d["questions"][3].update(options=["Yes", "No"]),
            'question q4: options: must be ["True", "False"]',
        ),
        (lambda d: d.update(schema_version=99), "schema_version: is 99"),
    ],
)
def test_single_problems(mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(dumps(small_bank()))
    mutate(data)
    with pytest.raises(BankError) as err:
        loads(json.dumps(data), "deck.json")
    assert any(expected in str(p) for p in err.value.problems), err.value.problems


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"\xff\xfe\x00", "is not UTF-8 text"),
        (b"{not json", "line 1 column 2"),
    ],
)
def test_unreadable_files_are_one_clear_problem(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "bank.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(BankError, match=expected):
        load(path)


def test_directory_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="is a directory"):
        load(tmp_path)

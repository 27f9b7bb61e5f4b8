"""The two sides of a question as plain text, for formats without note types (TSV).

Anki's own package keeps the fields separate; text formats have only a front and a back,
so each kind is flattened here once: the cloze blank becomes a line, options get letters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from dataclasses import dataclass

from questions.model import CLOZE_BLANK, Bank, Kind, Question

BLANK = "_____"
LETTERS = ("A", "B", "C", "D")


@dataclass(frozen=True)
class Sides:
    """Front and back as lists of plain-text lines (the caller joins them for its format)."""

    front: tuple[str, ...]
    back: tuple[str, ...]


def active(bank: Bank, retired: Collection[str] = ()) -> tuple[Question, ...]:
    """The questions a text format carries: all but the retired ones (those formats have no
    way to mark a question as retired, and a re-import cannot remove one anyway)."""
    if not retired:
        return bank.questions
    return tuple(q for q in bank.questions if q.id not in retired)


def sides(question: Question) -> Sides:
    return Sides(front=_front(question), back=_back(question))


def correct_letter(question: Question) -> str:
    index = question.correct
    if index is None:  # the bank validator forbids this; the answer text still says which
        index = question.options.index(question.answer)
    return LETTERS[index]


def shuffled_options(question: Question) -> tuple[tuple[str, ...], int]:
    """The options in this card's own order and the index of the right one there.

    Seeded by the question id alone, so the order is the same in every export of the card
    (a learner never sees it move) yet differs from card to card (the right answer is not
    always in the bank's place).
    """
    digest = hashlib.sha256(f"quizapp-options:{question.id}".encode()).digest()
    order = list(range(len(question.options)))
    # Fisher–Yates driven by the digest's bytes (random.Random costs 40× more to seed).
    for i in range(len(order) - 1, 0, -1):
        j = digest[i] % (i + 1)
        order[i], order[j] = order[j], order[i]
    right = question.correct
    if right is None:  # the bank validator forbids this; the answer text still says which
        right = question.options.index(question.answer)
    return tuple(question.options[i] for i in order), order.index(right)


def explanation(question: Question) -> str:
    """The explanation, unless it only repeats the source sentence every format shows anyway."""
    if question.explanation.strip() == question.source.sentence.strip():
        return ""
    return question.explanation


def _front(question: Question) -> tuple[str, ...]:
    if question.kind == Kind.CLOZE:
        return (question.prompt.replace(CLOZE_BLANK, BLANK),)
    if question.kind == Kind.MULTIPLE_CHOICE:
        options = (f"{LETTERS[i]}. {option}" for i, option in enumerate(question.options))
        return (question.prompt, *options)
    if question.kind == Kind.TRUE_FALSE:
        return (f"True or false? {question.prompt}",)
    return (question.prompt,)


def _back(question: Question) -> tuple[str, ...]:
    if question.kind == Kind.MULTIPLE_CHOICE:
        answer = f"{correct_letter(question)}. {question.answer}"
    elif question.kind == Kind.TRUE_FALSE and question.answer == "False":
        answer = f"False. Correct: {question.source.sentence}"
    else:
        answer = question.answer
    lines = [answer]
    if question.accepted:
        lines.append("Also accepted: " + ", ".join(question.accepted))
    if explanation(question):
        lines.append(explanation(question))
    lines.append(f"Source: {question.source.section}: {question.source.sentence}")
    return tuple(lines)

"""Bank → Moodle GIFT, for teachers who run quizzes in an LMS.

Mapping: multiple choice → multiple choice (one ``=`` right answer, ``~`` wrong ones);
true/false → true/false; cloze → short answer in GIFT's "missing word" form (the answer block
sits where the blank was); flashcard → short answer. Accepted variants become extra ``=``
answers. The explanation and the source go in the general feedback (``####``), the question
id is the question's name (``::id::``), and the deck becomes a ``$CATEGORY``.

Every text goes through ``escape`` (GIFT's special characters ``~ = # { } :`` and the
backslash), is put on one line, and is marked ``[plain]`` so Moodle shows ``<``/``&`` as typed.
"""

from __future__ import annotations

import re

from export.sides import explanation
from questions.model import CLOZE_BLANK, Bank, Kind, Question

_SPECIAL = frozenset("\\~=#{}:")
_SPACE = re.compile(r"\s+")


def gift_text(bank: Bank) -> str:
    """The whole GIFT file: a header comment, the category, then one block per question."""
    blocks = [_header(bank), *(_question(question) for question in bank.questions)]
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """GIFT-escape ``text`` and put it on one line (a blank line would end the question)."""
    one_line = _SPACE.sub(" ", text)
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in one_line)


def _header(bank: Bank) -> str:
    # In a category path "/" separates levels and "//" is a literal slash.
    category = " ".join(bank.deck.name.split()).replace("/", "//")
    comment = _comment(f"{bank.deck.name}: made by quizapp from {bank.article.title}")
    return f"{comment}\n$CATEGORY: $course$/top/{category}"


def _comment(text: str) -> str:
    return "// " + " ".join(text.split())


def _question(question: Question) -> str:
    comment = _comment(f"{question.kind.value} · {question.source.section}")
    name = f"::{escape(question.id)}::[plain]"
    feedback = f"####{escape(_feedback(question))}"
    if question.kind == Kind.CLOZE:
        before, after = question.prompt.split(CLOZE_BLANK, 1)
        block = "{" + _short_answers(question) + feedback + "}"
        return f"{comment}\n{name}{escape(before.lstrip())}{block}{escape(after.rstrip())}"
    return f"{comment}\n{name}{escape(question.prompt.strip())} {{{_answers(question)}{feedback}}}"


def _answers(question: Question) -> str:
    if question.kind == Kind.TRUE_FALSE:
        return "TRUE" if question.answer == "True" else "FALSE"
    if question.kind == Kind.MULTIPLE_CHOICE:
        marks = ("=" if option == question.answer else "~" for option in question.options)
        return " ".join(
            mark + escape(option) for mark, option in zip(marks, question.options, strict=True)
        )
    return _short_answers(question)


def _short_answers(question: Question) -> str:
    # Moodle's short answer reads "*" as a wildcard; "\*" is a literal star.
    answers = dict.fromkeys((question.answer, *question.accepted))
    return " ".join("=" + escape(answer.replace("*", "\\*")) for answer in answers)


def _feedback(question: Question) -> str:
    parts = [explanation(question)] if explanation(question) else []
    if question.kind == Kind.MULTIPLE_CHOICE:
        # No letter: Moodle shuffles the options.
        parts.insert(0, f"Answer: {question.answer}.")
    parts.append(f"Source ({question.source.section}): {question.source.sentence}")
    return " ".join(parts)

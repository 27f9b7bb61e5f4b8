"""Bank → Moodle GIFT, for teachers who run quizzes in an LMS.

Mapping: multiple choice → multiple choice (one ``=`` right answer, ``~`` wrong ones);
true/false → true/false; cloze → short answer, the blank written as ``_____`` in the question
and the answers after it (Moodle's missing-word form would lose a blank at the very end);
flashcard → **essay**: its answer is a sentence a student may put in their own words, which
Moodle's short answer (exact text match) would mark wrong, so the expected answer goes in
the general feedback and a teacher grades. Accepted variants become extra ``=`` answers.
The explanation and the source go in the general feedback (``####``). Each section gets its
own ``$CATEGORY`` under the deck's; each question a readable name (its kind and the start of
its text) and its id as Moodle's ID number (``// [id:…]``). Retired questions are left out.

No text can change a question's type, whatever it contains:

- GIFT's special characters ``~ = # { } :`` and the backslash are escaped, and every text is
  put on one line (a blank line would end the question);
- ``->`` becomes ``→``: GIFT has no escape for it, and Moodle reads a short answer
  containing it as a matching question (and, stopping on the error, imports nothing);
- an answer starting with ``%`` or ``[`` gets an explicit ``[plain]`` first, so Moodle reads
  neither a ``%n%`` weight nor a ``[format]`` out of it;
- the question and feedback texts are marked ``[plain]``, so Moodle shows ``<``/``&`` as typed.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Collection

from export.sides import BLANK, active, explanation
from questions.model import CLOZE_BLANK, Bank, Kind, Question

_SPECIAL = frozenset("\\~=#{}:")
_SPACE = re.compile(r"\s+")
_LABELS = {
    Kind.FLASHCARD: "Question",
    Kind.CLOZE: "Fill in the blank",
    Kind.MULTIPLE_CHOICE: "Multiple choice",
    Kind.TRUE_FALSE: "True or false",
}
NAME_WIDTH = 72


def gift_text(bank: Bank, *, retired: Collection[str] = ()) -> str:
    """The whole GIFT file: a header comment, then per section its category and questions."""
    blocks = [_comment(f"{bank.deck.name}: made by quizapp from {bank.article.title}")]
    section = None
    for question in active(bank, retired):
        if question.source.section != section or len(blocks) == 1:
            section = question.source.section
            blocks.append(f"$CATEGORY: {category(bank, section)}")
        blocks.append(_question(question))
    if len(blocks) == 1:  # no question: still say where the (empty) deck would go
        blocks.append(f"$CATEGORY: {category(bank, None)}")
    return "\n\n".join(blocks) + "\n"


def category(bank: Bank, section: str | None) -> str:
    """``$course$/top/<deck>/<section>``; in a category path "/" separates levels, "//" is
    a literal slash."""
    levels = [bank.deck.name] + ([section] if section else [])
    return "$course$/top/" + "/".join(" ".join(x.split()).replace("/", "//") for x in levels)


def escape(text: str) -> str:
    """GIFT-escape ``text``, put it on one line and rewrite ``->`` (which has no escape)."""
    one_line = _SPACE.sub(" ", text).replace("->", "→")
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in one_line)


def question_name(question: Question) -> str:
    """A name a teacher can read in Moodle's question bank: kind and the start of the text."""
    text = question.prompt.replace(CLOZE_BLANK, BLANK)
    short = textwrap.shorten(text, width=NAME_WIDTH, placeholder="…")
    return f"{_LABELS[question.kind]}: {short}"


def _comment(text: str) -> str:
    return "// " + " ".join(text.split())


def _question(question: Question) -> str:
    # The id first: Moodle takes the first "[id:…]" of the comment as the ID number.
    comment = _comment(f"[id:{question.id}] {question.kind.value} · {question.source.section}")
    head = f"::{escape(question_name(question))}::[plain]"
    feedback = f"####[plain]{escape(_feedback(question))}"
    if question.kind == Kind.CLOZE:
        stem = question.prompt.replace(CLOZE_BLANK, BLANK)
    else:
        stem = question.prompt
    return f"{comment}\n{head}{escape(stem.strip())} {{{_answers(question)}{feedback}}}"


def _answers(question: Question) -> str:
    if question.kind == Kind.TRUE_FALSE:
        return "TRUE" if question.answer == "True" else "FALSE"
    if question.kind == Kind.MULTIPLE_CHOICE:
        marks = ("=" if option == question.answer else "~" for option in question.options)
        return " ".join(
            mark + _answer(option) for mark, option in zip(marks, question.options, strict=True)
        )
    if question.kind == Kind.FLASHCARD:
        return ""  # an essay: no answer block, only the general feedback
    # Moodle's short answer reads "*" as a wildcard; "\*" is a literal star.
    answers = dict.fromkeys((question.answer, *question.accepted))
    return " ".join("=" + _answer(answer.replace("*", "\\*")) for answer in answers)


def _answer(text: str) -> str:
    """One answer, escaped; ``[plain]`` first where Moodle would read a weight or a format."""
    escaped = escape(text).strip()
    return f"[plain]{escaped}" if escaped.startswith(("%", "[")) else escaped


def _feedback(question: Question) -> str:
    parts = [explanation(question)] if explanation(question) else []
    if question.kind in (Kind.MULTIPLE_CHOICE, Kind.FLASHCARD):
        # No letter for a multiple choice: Moodle shuffles the options.
        parts.insert(0, f"Answer: {question.answer.strip()}.")
    if question.kind == Kind.FLASHCARD and question.accepted:
        parts.insert(1, f"Also accepted: {', '.join(question.accepted)}.")
    parts.append(f"Source ({question.source.section}): {question.source.sentence}")
    return " ".join(parts)

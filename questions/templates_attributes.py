"""Questions on a thing's named property and on who did something (``facts_attributes``).

"What is the most common cause of CMT?" and "Who explained the origin of atolls?": the
question is the sentence's subject asked back, so it reads as a person wrote it and needs no
gap. Flashcards: the answer is recalled, and no other fact of the article is of its kind for
certain (a second cause is not false, only unsaid).
"""

from __future__ import annotations

from collections.abc import Iterator

from questions.build import Candidate, make
from questions.context import Context
from questions.facts import Fact
from questions.model import Kind
from questions.textutil import capitalise


def attribute(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "What is the most common cause of CMT?" → "The duplication of …"."""
    stem = f"What {fact.relation} {fact.subject}?"
    said = fact.unit.sentence.text
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, capitalise(fact.answer), said)


def agent(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "Who explained the origin of atolls?" → "Charles Darwin" (or his surname)."""
    stem = f"Who {fact.relation} {fact.subject}?"
    said = fact.unit.sentence.text
    surname = fact.answer.split()[-1]
    alone = surname != fact.answer and " and " not in fact.answer  # not "Crick" for two
    accepted = (surname,) if alone else ()
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, fact.answer, said, accepted=accepted)


def date(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "In what year was the pH scale introduced?" → "1909"; "When was …?" for a day."""
    copula, verb = fact.relation.split(" ", 1)
    ask = "In what year" if fact.answer.isdigit() else "When"
    stem = f"{ask} {copula} {fact.subject} {verb}?"
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, fact.answer, fact.unit.sentence.text)

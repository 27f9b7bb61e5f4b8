"""Questions on a thing's named property and on who did something (``facts_attributes``).

"What is the most common cause of CMT?" and "Who explained the origin of atolls?": the
question is the sentence's subject asked back, so it reads as a person wrote it and needs no
gap. Flashcards: the answer is recalled, and no other fact of the article is of its kind for
certain (a second cause is not false, only unsaid). Who did something is also a multiple
choice where the page names at least two other people who did other things.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from lemminflect import getInflection, getLemma

from questions.build import Candidate, make, pick_distractors
from questions.context import Context
from questions.facts import Fact
from questions.model import Kind
from questions.nlp import singular
from questions.textutil import STOPWORDS, capitalise, decapitalise, find_phrase

# Two capitalised words in a row, the second not a possessive: "James Watt", "Since Watt".
PAIR_RE = re.compile(r"\b([A-Z][a-z]+) (?=([A-Z][\w-]*)\b(?!['’]))")


def attribute(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "What is the most common cause of CMT?" → "The duplication of …"."""
    stem = f"What {fact.relation} {_inside(ctx, fact.subject)}?"
    said = fact.unit.sentence.text
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, capitalise(fact.answer), said)


def _inside(ctx: Context, subject: str) -> str:
    """A sentence's subject as it reads inside a question: "Canning was invented by …" →
    "Who invented canning?"; names and abbreviations keep their capitals."""
    return decapitalise(subject, ctx.doc.proper)


def agent(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "Who explained the origin of atolls?" → "Charles Darwin" (or his surname)."""
    stem = f"Who {fact.relation} {_inside(ctx, fact.subject)}?"
    said = fact.unit.sentence.text
    people = [f.answer for f in ctx.siblings(fact, size=40)]
    answer = full_name(fact.answer, ctx.doc.text)  # "Watt patented …": "James Watt"
    if len(answer.split()) == 1:
        return  # "… was signed by Panama": a one-word name the page never gives a person's
    surname = answer.split()[-1]
    alone = surname != answer and " and " not in answer  # not "Crick" for two
    accepted = (surname,) if alone else ()
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, answer, said, accepted=accepted)
    others = [o for o in people if not _same_person(o, answer) and find_phrase(said, o) == -1]
    options = pick_distractors(answer, others)
    if len(options) >= 2:  # other people the page says did other things
        yield make(
            ctx.doc,
            fact,
            Kind.MULTIPLE_CHOICE,
            stem,
            answer,
            said,
            accepted=accepted,
            distractors=options,
        )


def full_name(name: str, text: str) -> str:
    """A surname alone, as the page writes it in full elsewhere: the commonest capitalised
    word before it that is not a function word ("James Watt", not "Since Watt")."""
    if len(name.split()) > 1:
        return name
    found = given_names(text).get(name)
    return f"{found.most_common(1)[0][0]} {name}" if found else name


@lru_cache(maxsize=4)
def given_names(text: str) -> dict[str, Counter[str]]:
    """Each capitalised word of the text, with the capitalised words written before it, once
    per article (not a scan of the page per question)."""
    out: dict[str, Counter[str]] = {}
    for m in PAIR_RE.finditer(text):
        if m.group(1).casefold() not in STOPWORDS:
            out.setdefault(m.group(2), Counter())[m.group(1)] += 1
    return out


def person(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """Someone the page says did something: a wrong option of a who-question, asked nothing
    itself (what they did is asked where the sentence allows: ``agent``)."""
    return iter(())


def _same_person(a: str, b: str) -> bool:
    """ "Darwin" and "Charles Darwin", or one pair inside another, are one answer."""
    mine, theirs = set(a.split()), set(b.split())
    return bool(mine & theirs)


def date(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "In what year was the pH scale introduced?" → "1909"; "When was …?" for a day."""
    copula, verb = fact.relation.split(" ", 1)
    ask = "In what year" if fact.answer.isdigit() else "When"
    stem = f"{ask} {copula} {fact.subject} {verb}?"
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, fact.answer, fact.unit.sentence.text)


def action(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "What does calcitonin regulate?" → "Calcium in the blood"."""
    subject = decapitalise(fact.subject, ctx.doc.proper)
    head = fact.subject.split()[-1]
    do = "do" if singular(head.casefold()) != head.casefold() else "does"
    base = getLemma(fact.relation.casefold(), upos="VERB")[0]
    stem = f"What {do} {subject} {base}?"
    said = fact.unit.sentence.text
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, capitalise(fact.answer), said)


def actor(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """ "What regulates calcium in the blood?" → "Calcitonin"."""
    verb = getLemma(fact.relation.casefold(), upos="VERB")[0]
    third = getInflection(verb, tag="VBZ")[0] if getInflection(verb, tag="VBZ") else verb
    stem = f"What {third} {decapitalise(fact.subject, ctx.doc.proper)}?"
    said = fact.unit.sentence.text
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, capitalise(fact.answer), said)

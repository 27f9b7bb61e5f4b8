"""Questions on facts read off the page's structure (``facts_structure``): table cells and
glossary entries, whose sibling groups (a table's column, a glossary's terms) give multiple
choice and false true/false items of the answer's kind.

A table cell is asked as "the “Column” value for Row": the column header is quoted, so the
stem is grammatical whatever the header says ("Plasma", "Median survival"). Yes/no cells
are not asked: a two-valued answer is a guess, not a fact to learn. A glossary entry is
asked both ways, its definition quoted, since glossary definitions are fragments.
A false statement always swaps in a sibling's value that differs from this fact's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from questions.build import Candidate, make, pick_distractors, say_false
from questions.context import Context
from questions.facts import Fact
from questions.model import Kind
from questions.nlp import NOUN_TAGS, singular, tag_phrase
from questions.textutil import capitalise, decapitalise, squash

GLOSSARY_WINDOW = 100  # a glossary is alphabetical: terms of one kind lie far apart
WHERE = "According to the article's table"
BINARY = frozenset(["yes", "no", "y", "n", "true", "false", "✓", "✗", "x", "+", "-", "–"])


def _others(ctx: Context, fact: Fact, of: str, size: int = 12) -> list[str]:
    """Distinct sibling values (``of`` = "answer") or names ("subject") unlike this fact's."""
    seen = {squash(getattr(fact, of)), squash(fact.answer if of == "subject" else fact.subject)}
    out: list[str] = []
    for other in ctx.siblings(fact, size):
        value = getattr(other, of)
        if squash(other.answer) == squash(fact.answer) or squash(value) in seen:
            continue  # a sibling with the same value is not a wrong option
        seen.add(squash(value))
        out.append(value)
    return out


def table_cell(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    if squash(fact.answer.split(",")[0]) in BINARY:
        return  # "Yes", "No", "Yes, bulbar region": a guess, not a fact to learn
    said, column = fact.unit.sentence.text, fact.relation
    row = decapitalise(fact.subject, ctx.doc.proper)
    stem = f"{WHERE}, what is the “{column}” value for {row}?"
    yield make(ctx.doc, fact, Kind.FLASHCARD, stem, fact.answer, said)
    values = _others(ctx, fact, "answer")
    yield make(ctx.doc, fact, Kind.MULTIPLE_CHOICE, stem, fact.answer, said, distractors=values[:3])
    names = _others(ctx, fact, "subject")
    yield make(
        ctx.doc,
        fact,
        Kind.MULTIPLE_CHOICE,
        f"{WHERE}, which row has “{fact.answer}” as its “{column}” value?",
        fact.subject,
        said,
        variant="reverse",
        accepted=fact.accepted,
        distractors=names[:3],
    )
    false = say_false(fact) and bool(values)
    claim = values[0] if false else fact.answer
    prompt = f"{WHERE}, the “{column}” value for {row} is {claim}."
    yield make(ctx.doc, fact, Kind.TRUE_FALSE, prompt, "False" if false else "True", said)


def glossary_entry(ctx: Context, fact: Fact) -> Iterator[Candidate]:
    """The term of a quoted definition (flashcard and multiple choice), and a true/false
    item pairing the term with its own or a sibling's definition."""
    said, meaning = fact.unit.sentence.text, decapitalise(fact.answer, ctx.doc.proper)
    stem = f"Which term does the article define as “{meaning}”?"
    term = capitalise(fact.subject)
    yield make(
        ctx.doc, fact, Kind.FLASHCARD, stem, term, said, variant="reverse", accepted=fact.accepted
    )
    others = set(_others(ctx, fact, "subject", GLOSSARY_WINDOW))
    pool = [
        (f.subject, f.answer) for f in ctx.siblings(fact, GLOSSARY_WINDOW) if f.subject in others
    ]
    kin = same_kind(fact.answer, pool) or _others(ctx, fact, "subject")
    names = pick_distractors(term, [capitalise(n) for n in kin])
    yield make(
        ctx.doc,
        fact,
        Kind.MULTIPLE_CHOICE,
        stem,
        term,
        said,
        accepted=fact.accepted,
        distractors=names[:3],
    )
    meanings = _others(ctx, fact, "answer")
    false = say_false(fact) and bool(meanings)
    claim = decapitalise(meanings[0], ctx.doc.proper) if false else meaning
    prompt = f"The article defines “{fact.subject}” as “{claim}”."
    yield make(ctx.doc, fact, Kind.TRUE_FALSE, prompt, "False" if false else "True", said)


def category(definition: str) -> str:
    """The head of a definition's first noun phrase, singular: "regulatory protein that …"
    → "protein", "ability to lengthen" → "ability", "muscle-forming stem cell" → "cell"."""
    head = ""
    for token in tag_phrase(definition):
        if token.tag in NOUN_TAGS:
            head = token.text
        elif head or token.tag not in ("DT", "JJ", "JJR", "JJS", "RB", "VBN", "VBG", "HYPH", ","):
            break
    return singular(head.casefold()) if head else ""


def same_kind(definition: str, pool: list[tuple[str, str]], enough: int = 3) -> list[str]:
    """Options (first of each pair) whose definitions (second) share ``definition``'s category,
    if there are ``enough`` of them: proteins with proteins, abilities with abilities; else
    none, and the caller picks its options as it did before."""
    kind = category(definition)
    kin = [option for option, meaning in pool if kind and category(meaning) == kind]
    return kin if len(kin) >= enough else []

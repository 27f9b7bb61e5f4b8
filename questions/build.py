"""Turning a fact into a ``Question``: ids, sources, tags, option order, distractor choice.

Ids are ``q-`` + 12 hex digits of sha256 over the fact's identity, the kind and a variant
(e.g. which word a cloze blanks), never over wording, so an edit of an unrelated sentence
keeps every other id. Option order is a pure function of the id, so it never changes
between runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from questions.document import Document
from questions.facts import Fact
from questions.model import TRUE_FALSE_OPTIONS, Kind, Question, Source
from questions.textutil import content_stems, digest, squash, tag_slug


@dataclass
class Candidate:
    """A question before the gates, with the fact it asks about and any construction problem."""

    question: Question
    fact: Fact
    reasons: list[str] = field(default_factory=list)


def question_id(fact: Fact, kind: Kind, variant: str = "") -> str:
    return "q-" + digest(fact.id, kind.value, squash(variant))


def say_false(fact: Fact) -> bool:
    """Half of the true/false items are false: which half is fixed by the fact's identity."""
    return int(digest(fact.id, "tf", length=4), 16) % 2 == 0


def source_of(doc: Document, fact: Fact) -> Source:
    """The fact's sentence; for a glossary definition, from its term's line on, so that the
    source shows the term the question asks for; for a sentence carried with the one
    before it (``questions.antecedent``), both."""
    sentence = fact.unit.sentence
    antecedent = fact.unit.antecedent
    start = sentence.start if antecedent is None else antecedent.start
    term = doc.term_of.get(fact.unit.line.start) if fact.kind == "definition" else None
    if term is not None and sentence.start == fact.unit.line.start:
        start = term.start
    return Source(
        section=doc.section_name(fact.section),
        sentence=doc.text[start : sentence.end],
        start=start,
        end=sentence.end,
    )


def tags_of(doc: Document, fact: Fact, kind: Kind) -> tuple[str, ...]:
    return (
        f"section::{tag_slug(doc.section_name(fact.section))}",
        f"entity::{tag_slug(fact.entity)}",
        f"kind::{kind.value}",
        f"fact::{fact.kind}",
    )


def make(
    doc: Document,
    fact: Fact,
    kind: Kind,
    prompt: str,
    answer: str,
    explanation: str,
    *,
    variant: str = "",
    accepted: Sequence[str] = (),
    distractors: Sequence[str] = (),
    reasons: Sequence[str] = (),
) -> Candidate:
    qid = question_id(fact, kind, variant)
    options: tuple[str, ...] = ()
    correct: int | None = None
    if kind == Kind.MULTIPLE_CHOICE:
        options, correct = place_answer(qid, answer, distractors)
    elif kind == Kind.TRUE_FALSE:
        options, correct = TRUE_FALSE_OPTIONS, TRUE_FALSE_OPTIONS.index(answer)
    unique_accepted = tuple(dict.fromkeys(a for a in accepted if squash(a) != squash(answer)))
    question = Question(
        id=qid,
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation=explanation,
        fact_id=fact.id,
        fact_kind=fact.kind,
        entity=fact.entity,
        source=source_of(doc, fact),
        accepted=unique_accepted,
        options=options,
        correct=correct,
        tags=tags_of(doc, fact, kind),
    )
    problems = list(reasons)
    if kind == Kind.MULTIPLE_CHOICE and len(distractors) < 2:
        problems.append("too_few_distractors")
    return Candidate(question, fact, problems)


def place_answer(qid: str, answer: str, distractors: Sequence[str]) -> tuple[tuple[str, ...], int]:
    """The answer goes to a position fixed by the id: stable, and spread evenly over positions."""
    chosen = list(distractors[:3])
    position = int(qid[2:], 16) % (len(chosen) + 1)
    chosen.insert(position, answer)
    return tuple(chosen), position


def pick_distractors(answer: str, pool: Sequence[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` siblings unlike the answer in meaning but close to it in length.

    A sibling sharing most content words with the answer is a paraphrase, not a wrong
    option, so it is left out. Ties keep document order, so the choice is deterministic.
    """
    answer_stems = content_stems(answer)
    seen = {squash(answer)}
    usable: list[tuple[int, int, str]] = []
    for index, option in enumerate(pool):
        key = squash(option)
        if key in seen:
            continue
        seen.add(key)
        stems = content_stems(option)
        shared = len(answer_stems & stems)
        if answer_stems and stems and shared * 2 > max(len(answer_stems), len(stems)):
            continue
        usable.append((abs(len(option) - len(answer)), index, option))
    usable.sort()
    return [option for _, _, option in usable[:limit]]


VALUE_WORDS = 2  # "scurvy", "water-soluble", "176.12 g/mol": a value, not a description


def is_value(text: str) -> bool:
    """Is a list item's description a value ("Chemical formula: C6H8O6", "Molar mass: 176.12
    g/mol", "Solubility: water-soluble") rather than a description? A value's form or unit
    says which label it belongs to, so "which item is described as '176.12 g/mol'?" is
    answered by "g/mol" alone."""
    return any(c.isdigit() for c in text) or len(text.split()) <= VALUE_WORDS


def window(items: Sequence[Fact], index: int, size: int = 12) -> list[Fact]:
    """Siblings near position ``index`` in document order: bounded work on huge articles."""
    lo = max(0, min(index - size // 2, len(items) - size))
    return list(items[lo : lo + size])

"""Typed facts: what the article states, with its source sentence and its sibling group.

A fact is the unit a question asks about. Its ``group`` names the set of facts of the same
kind (the six conditions, the items of one list, all abbreviations …): distractors and the
swapped-in statements of false true/false items are always taken from the same group, so
they are things of the answer's kind. The extractors live in ``facts_terms`` and
``facts_relations``; this module holds the type and runs them in document order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from questions.document import Document, Unit
from questions.textutil import digest, squash


@dataclass(frozen=True)
class Fact:
    kind: str  # abbreviation | alias | gloss | definition | list_item | cause | trigger |
    #            trigger_item | effect | statement | key_term | qa |
    #            table_cell (subject = the row's thing, answer = the cell, relation = the
    #            column header; group = one column of one table; facts_structure)
    subject: str  # what is asked about: "ALS", "Blood tests", "muscle cramps"
    answer: str  # the fact's object, as written in the source sentence
    unit: Unit
    group: str  # sibling group: distractors come from facts of the same group
    entity: str  # the question's entity: the section's entity, else the subject
    relation: str = ""  # template detail: a verb ("refers to"), a list topic, a modal clause
    accepted: tuple[str, ...] = ()  # other names the answer may be typed as

    @cached_property
    def id(self) -> str:
        """Identity, not wording: kind, entity, subject and answer (case and space folded)."""
        return "f-" + digest(
            self.kind, squash(self.entity), squash(self.subject), squash(self.answer)
        )

    @property
    def section(self) -> int:
        return self.unit.section


Extractor = Callable[[Document, Unit], Iterable[Fact]]


def extract_facts(
    doc: Document,
    extractors: list[Extractor],
    tick: Callable[[int, int], None] | None = None,
) -> list[Fact]:
    """Every extractor on every sentence, in document order; the same fact is kept once."""
    seen: set[str] = set()
    facts: list[Fact] = []
    total = len(doc.units)
    for index, unit in enumerate(doc.units):
        for extractor in extractors:
            for fact in extractor(doc, unit):
                if fact.id not in seen:
                    seen.add(fact.id)
                    facts.append(fact)
        if tick is not None and (index % 200 == 199 or index == total - 1):
            tick(index + 1, total)
    return facts


def groups(facts: list[Fact]) -> dict[str, list[Fact]]:
    """Facts by sibling group, each group in document order."""
    out: dict[str, list[Fact]] = {}
    for fact in facts:
        out.setdefault(fact.group, []).append(fact)
    return out

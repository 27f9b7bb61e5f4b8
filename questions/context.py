"""What question templates may look up besides their own fact: siblings, section vocabularies
and the article's terms by kind (``questions.kinship``).

Built once per article in linear time; every lookup is a dict access, so templates do
bounded work per fact however long the article is.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from questions.build import window
from questions.document import Document, Entity
from questions.facts import Fact, groups
from questions.kinship import Kinship, build_kinship
from questions.textutil import content_stems, spaced_words, squash

PROSE_KINDS = ("paragraph", "list_item", "lead_in")


@dataclass(frozen=True)
class Context:
    doc: Document
    groups: dict[str, list[Fact]]
    positions: dict[str, int]  # fact id → index in its group
    entity_groups: dict[str, list[Entity]]  # group name → entities in document order
    entity_section: dict[tuple[str, str], int]  # (group, short name) → its section
    entity_position: dict[tuple[str, str], int]  # (group, short name) → index in its group
    section_stems: dict[int, frozenset[str]]  # section → content stems of all its sentences
    common_stems: dict[str, frozenset[str]]  # entity group → stems in most of its sections
    rare_stems: dict[str, frozenset[str]]  # entity group → stems in at most two sections
    stated: frozenset[tuple[str, str, str]]  # (group, subject, answer) of every fact, folded
    kinship: Kinship | None = None  # terms of the article by kind (``questions.kinship``)
    unit_index: dict[int, int] | None = None  # sentence start → index of its unit
    singular_subjects: frozenset[str] = frozenset()  # ``singular_subjects`` of the article

    @cached_property
    def prose(self) -> str:
        """The words of the article's prose (not its headings or tables), as
        ``spaced_words`` gives them: a phrase is looked up in it as " phrase "."""
        return spaced_words(
            " ".join(line.text for line in self.doc.lines if line.kind in PROSE_KINDS)
        )

    def siblings(self, fact: Fact, size: int = 12) -> list[Fact]:
        """Other facts of the fact's group, nearest in document order first-come."""
        members = self.groups.get(fact.group, [])
        near = window(members, self.positions.get(fact.id, 0), size)
        return [f for f in near if f.id != fact.id]

    def states(self, fact: Fact, answer: str) -> bool:
        """Does the article also state ``answer`` of this fact's subject (same group)?

        Used both ways: a sibling's answer swapped into this fact, and this fact's answer
        given to a sibling as a wrong option.

        Either is safe only if it is not *also* true.
        """
        return (fact.group, squash(fact.subject), squash(answer)) in self.stated

    def kin(self, fact: Fact, answer: str) -> list[str]:
        """Terms of ``answer``'s kind that are safe wrong options in the fact's sentence."""
        if self.kinship is None or self.unit_index is None:
            return []
        index = self.unit_index.get(fact.unit.sentence.start, -1)
        return self.kinship.kin(answer, fact.unit.sentence.text, index)

    def entity(self, fact: Fact) -> Entity | None:
        return self.doc.entities.get(fact.section)

    def sibling_entities(self, entity: Entity, size: int = 12) -> list[Entity]:
        """Other entities of the group, at most ``size`` nearest: bounded work per question."""
        members = self.entity_groups.get(entity.group, [])
        index = self.entity_position.get((entity.group, entity.short), 0)
        lo = max(0, min(index - size // 2, len(members) - size))
        return [e for e in members[lo : lo + size] if e.short != entity.short]

    def may_also_be_true(self, entity: Entity, claim: str) -> bool:
        """Does ``entity``'s own section share 40% of the claim's content words? Then a
        statement about another entity might hold for it too: not a safe wrong option."""
        # Words most sibling sections use ("planet", "nerve") say nothing about which one.
        stems = content_stems(claim) - self.common_stems.get(entity.group, frozenset())
        if not stems:
            return False
        section = self.entity_section.get((entity.group, entity.short))
        own = self.section_stems.get(section, frozenset()) if section is not None else frozenset()
        shared = stems & own
        # A rare word shared with this section ("spasticity" also under Spinal Cord Injury)
        # is enough; otherwise 40% of the claim's words must be shared.
        rare = self.rare_stems.get(entity.group, frozenset())
        return not rare.isdisjoint(shared) or len(shared) * 5 >= len(stems) * 2


def build_context(doc: Document, facts: list[Fact]) -> Context:
    by_group = groups(facts)
    positions = {f.id: i for members in by_group.values() for i, f in enumerate(members)}
    entity_groups: dict[str, list[Entity]] = {}
    entity_section: dict[tuple[str, str], int] = {}
    entity_position: dict[tuple[str, str], int] = {}
    for section, entity in doc.entities.items():
        members = entity_groups.setdefault(entity.group, [])
        entity_position[(entity.group, entity.short)] = len(members)
        members.append(entity)
        entity_section[(entity.group, entity.short)] = section
    texts: dict[int, list[str]] = {}
    for unit in doc.units:
        texts.setdefault(unit.section, []).append(unit.sentence.text)
    section_stems = {s: content_stems(" ".join(t)) for s, t in texts.items()}
    common, rare = _common_and_rare(entity_groups, entity_section, section_stems)
    return Context(
        doc,
        by_group,
        positions,
        entity_groups,
        entity_section,
        entity_position,
        section_stems,
        common,
        rare,
        frozenset((f.group, squash(f.subject), squash(f.answer)) for f in facts),
        build_kinship(doc),
        {u.sentence.start: i for i, u in enumerate(doc.units)},
        singular_subjects(doc.text),
    )


SINGULAR_VERB_RE = re.compile(r"\b(?:is|was|has|refers|encompasses)\b", re.I)


def singular_subjects(text: str) -> frozenset[str]:
    """Every run of up to six words before a singular verb in the article, folded: so a
    phrase's number as the article uses it ("Rickets is …") is a set test per question."""
    out: set[str] = set()
    for match in SINGULAR_VERB_RE.finditer(text):
        before = text[max(0, match.start() - 80) : match.start()].casefold().split()[-6:]
        out.update(" ".join(before[i:]) for i in range(len(before)))
    return frozenset(out)


def _common_and_rare(
    entity_groups: dict[str, list[Entity]],
    entity_section: dict[tuple[str, str], int],
    section_stems: dict[int, frozenset[str]],
) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Per entity group: the stems most of its sections use, and those at most two use."""
    counts = {
        group: _stem_counts(
            [section_stems.get(entity_section[(group, e.short)], frozenset()) for e in ents]
        )
        for group, ents in entity_groups.items()
    }
    common = {
        g: frozenset(s for s, n in c.items() if n * 2 > len(entity_groups[g]))
        for g, c in counts.items()
    }
    rare = {g: frozenset(s for s, n in c.items() if n <= 2) for g, c in counts.items()}
    return common, rare


def _stem_counts(sections: list[frozenset[str]]) -> Counter[str]:
    """In how many of the sections each stem occurs."""
    counts: Counter[str] = Counter()
    for stems in sections:
        counts.update(stems)
    return counts

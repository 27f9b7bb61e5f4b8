"""Classified lines → a document: sections, their entities, and sentences in context.

A *section* is the text under a heading. Sibling headings under one parent that name things
(numbered, or short, not generic like "Conclusion", and named again in their own section)
are *entities* of one group — the six conditions of our article — so questions about one
can use the others as distractors. Each sentence becomes a ``Unit`` that knows its line
kind, section and, for list items, the lead-in of its list; a table row or glossary term is
one unit. The document also knows each table row's header and each definition's term.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from questions.lines import NUMBERED_RE, Line
from questions.masthead import clean_title
from questions.nlp import tag_phrase
from questions.sentences import Sentence, split_sentences
from questions.textutil import (
    PRONOUNS,
    contains_phrase,
    is_acronym,
    sentence_case,
    words,
)

HEADING_VERB_TAGS = frozenset(["VB", "VBG", "VBZ", "VBP", "VBD", "TO", "MD"])
_GENERIC_HEADINGS_WORDS = """
    introduction conclusion conclusions overview summary background references sources
    understanding diagnosis treatment treatments prevention outlook history about faq
    faqs notes appendix glossary discussion methods results contents acknowledgements
    takeaways key takeaways final thoughts resources further reading symptoms causes
    management
"""
GENERIC_HEADINGS = frozenset(_GENERIC_HEADINGS_WORDS.split())
CONDITION_WORDS = re.compile(
    r"\b(disorders?|diseases?|conditions?|syndromes?|illness(es)?)\b", re.I
)
PAREN_RE = re.compile(r"^(?P<outer>.*?\S)\s*\((?P<inner>[^()]+)\)$")
INTRODUCTION = "Introduction"
LEAD_SUBJECT_RE = re.compile(
    r"^(?P<name>[A-Z][\w'’–-]*(?: [\w'’–-]+){0,5}?)(?: \([^()]{1,40}\))?,? "
    r"(?:is|are|was|were|refers to) (?:a|an|the|any|one)\b"
)
SECTION_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)+\s+(?=\S)")  # "26.3 Electrolyte Balance"
WHOLE_LINE_KINDS = ("table_header", "table_row", "term")
QUESTION_WORDS = frozenset(["how", "why", "what", "when", "where", "which", "who"])


@dataclass(frozen=True)
class Entity:
    name: str  # display form, sentence case: "Amyotrophic lateral sclerosis"
    short: str  # what questions record as their entity: "ALS", or the name
    names: tuple[str, ...]  # every surface form: full name, abbreviation, aliases
    group: str  # the parent section ("index:name"): entities of one group are siblings
    noun: str  # "condition" or "" (then stems say "Which of these")
    gloss: str = ""  # "Hypocalcemia (Low Calcium Levels)" → "Low Calcium Levels"


@dataclass(frozen=True)
class Section:
    index: int
    name: str
    level: int
    parent: int | None
    heading: Line | None


@dataclass(frozen=True)
class Unit:
    """A sentence in context."""

    sentence: Sentence
    line: Line
    section: int
    lead_in: Line | None = None  # for list items: the line introducing the list
    # For a sentence that points back: the sentence before it, shown with it in a cloze
    # (``questions.antecedent``); never set on ``Document.units``.
    antecedent: Sentence | None = None


@dataclass(frozen=True)
class Document:
    text: str
    title: str
    lines: tuple[Line, ...]
    sections: tuple[Section, ...]
    units: tuple[Unit, ...]
    entities: dict[int, Entity] = field(default_factory=dict)  # section index → entity
    proper: frozenset[str] = frozenset()
    first_paragraph: dict[int, int] = field(default_factory=dict)  # section → its first sentence
    table_header: dict[int, Line] = field(default_factory=dict)  # row line start → its header
    term_of: dict[int, Line] = field(default_factory=dict)  # definition line start → its term

    def section_name(self, index: int) -> str:
        return self.sections[index].name

    def entity_of(self, unit: Unit) -> Entity | None:
        return self.entities.get(unit.section)


def heading_name(text: str) -> str:
    """ "1. Amyotrophic Lateral Sclerosis (ALS)" → "Amyotrophic Lateral Sclerosis (ALS)"."""
    return NUMBERED_RE.sub("", text).strip()


def split_parenthetical(name: str) -> tuple[str, str]:
    match = PAREN_RE.match(name)
    return (match.group("outer"), match.group("inner")) if match else (name, "")


def build_sections(lines: list[Line]) -> tuple[list[Section], list[int]]:
    """Sections in order, and for each line the index of the section it belongs to."""
    sections = [Section(0, INTRODUCTION, 0, None, None)]
    owner: list[int] = []
    stack: list[int] = [0]
    for line in lines:
        if line.kind == "heading":
            while len(stack) > 1 and sections[stack[-1]].level >= line.level:
                stack.pop()
            index = len(sections)
            sections.append(Section(index, heading_name(line.text), line.level, stack[-1], line))
            stack.append(index)
        owner.append(stack[-1])
    return sections, owner


def proper_words(lines: list[Line]) -> frozenset[str]:
    """Words capitalised mid-sentence in prose: proper nouns keep their capital in options."""
    found: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    done: set[str] = set()  # a long page repeats lines: each adds its words once
    for line in lines:
        if line.kind not in ("paragraph", "list_item", "lead_in"):
            continue
        body = line.text.split(": ", 1)[-1]
        if body in done:
            continue
        done.add(body)
        for sentence in split_sentences(body):
            for word in words(sentence.text)[1:]:
                if word[:1].isupper() and not is_acronym(word):
                    found.update([word, word.split("'")[0].split("’")[0]])
                elif word.islower():
                    lower[word] += 1
    # "Explore · Paper gallery" beside "paper" written small ten times: a common noun
    return frozenset(w for w, n in found.items() if n >= lower[w[:1].lower() + w[1:]])


def _is_entity_heading(section: Section, body: str) -> bool:
    """A heading that names a thing the section then talks about ("Sodium": "Sodium is the
    major cation …"), not a topic ("Roles of Electrolytes", "Terminology", "Physical Exam")."""
    text = section.name
    outer, _ = split_parenthetical(text)
    first = words(outer)[:1]
    if text.endswith("?") or len(words(outer)) > 6 or not first:
        return False
    if first[0].casefold() in QUESTION_WORDS or any(w.casefold() in PRONOUNS for w in words(outer)):
        return False  # "How we explore them" is a topic, not a thing
    if not _one_thing(outer):
        return False  # "REFRIGERANTS AND THE ENVIRONMENT", "OTHER WAYS TO COOL": topics
    numbered = section.heading is not None and NUMBERED_RE.match(section.heading.text)
    generic = any(w.casefold() in GENERIC_HEADINGS for w in words(outer))
    # A numbered heading is one of an enumeration of things; any other must be named in
    # its own section.
    return bool(numbered) or (not generic and _mentions(body, text))


def _one_thing(heading: str) -> bool:
    """Does a heading name one thing: no "and", "&", "or" or colon, no verb ("Other ways
    to cool", "Measuring performance"; read in lower case, so that a heading in capitals
    is not taken for a run of names)?"""
    low = heading.casefold()
    if re.search(r"\band\b|&|:|\bor\b", low):
        return False
    read = low if heading.isupper() else heading  # "Mars" is a name, "mars" a verb
    return not any(t.tag in HEADING_VERB_TAGS for t in tag_phrase(read))


def _mentions(body: str, heading: str) -> bool:
    outer, inner = split_parenthetical(heading)
    names = [outer, inner] if inner else [outer]
    names += [name[:-1] for name in names if name.endswith("s")]  # "Neuropathies" → singular
    return any(contains_phrase(body, name) for name in names)


def section_bodies(lines: list[Line], owner: list[int]) -> dict[int, str]:
    """Each section's own prose (paragraphs, lists, table rows), joined."""
    parts: dict[int, list[str]] = {}
    for line, section in zip(lines, owner, strict=True):
        if line.kind not in ("title", "heading", "noise"):
            parts.setdefault(section, []).append(line.text)
    return {section: "\n".join(texts) for section, texts in parts.items()}


def find_entities(
    sections: list[Section], proper: frozenset[str], bodies: dict[int, str]
) -> dict[int, Entity]:
    """Sibling headings that name things, three or more under one parent, become entities."""
    groups: dict[tuple[int | None, int], list[Section]] = {}
    for section in sections[1:]:
        groups.setdefault((section.parent, section.level), []).append(section)
    out: dict[int, Entity] = {}
    for (parent, _), members in groups.items():
        named = [s for s in members if _is_entity_heading(s, bodies.get(s.index, ""))]
        if len(named) < 3:
            continue
        parent_name = sections[parent].name if parent is not None else ""
        noun = "condition" if CONDITION_WORDS.search(parent_name) else ""
        group = f"{parent}:{parent_name}"  # by position: repeated headings stay apart
        for section in named:
            out[section.index] = _entity(section.name, group, noun, proper)
    return out


def _entity(heading: str, group: str, noun: str, proper: frozenset[str]) -> Entity:
    outer, inner = split_parenthetical(heading)
    abbr = inner if inner and is_acronym(inner) else ""
    gloss = inner if inner and not abbr else ""
    name = sentence_case(outer, proper)
    names = tuple(n for n in (outer, abbr) if n)
    return Entity(name=name, short=abbr or name, names=names, group=group, noun=noun, gloss=gloss)


def build_units(lines: list[Line], owner: list[int], sections: list[Section]) -> list[Unit]:
    units: list[Unit] = []
    lead_in: Line | None = None
    answered: set[int] = set()  # question sections whose answer has begun
    for line, section in zip(lines, owner, strict=True):
        if line.kind == "noise":
            continue
        if line.kind == "lead_in":
            lead_in = line
        elif line.kind != "list_item":
            lead_in = None
        context = lead_in if line.kind == "list_item" else None
        for sentence in _sentences(line):
            if _restates_question(sentence, line, sections[section], section in answered):
                continue
            if line.kind == "paragraph":
                answered.add(section)
            units.append(Unit(sentence, line, section, context))
    return units


def _sentences(line: Line) -> list[Sentence]:
    """A table row or a glossary term is one unit whatever its full stops ("Calcium | Ca++ …")."""
    if line.kind in WHOLE_LINE_KINDS:
        return [Sentence(line.text, line.start, line.end)]
    return split_sentences(line.text, line.start)


def _restates_question(sentence: Sentence, line: Line, section: Section, answered: bool) -> bool:
    """FAQ pages often open an answer by repeating its question ("What causes X? X is …"):
    the repeat is not a fact and not the answer."""
    heading = section.heading
    return (
        not answered
        and line.kind == "paragraph"
        and heading is not None
        and heading.text.endswith("?")
        and sentence.text.endswith("?")
    )


def _body_text(lines: list[Line]) -> str:
    """The article without its title and furniture: a banner or a course header in capitals
    ("GEOG 210: RIVERS AND …") must not teach the title that "RIVERS" is an acronym."""
    return "\n".join(line.text for line in lines if line.kind not in ("title", "noise"))


def build_document(text: str, lines: list[Line]) -> Document:
    sections, owner = build_sections(lines)
    proper = proper_words(lines)
    title = next((line.text for line in lines if line.kind == "title"), "")
    units = build_units(lines, owner, sections)
    return Document(
        text=text,
        title=clean_title(SECTION_NUMBER_RE.sub("", title), _body_text(lines)) or lead_title(lines),
        lines=tuple(lines),
        sections=tuple(sections),
        units=tuple(units),
        entities=find_entities(sections, proper, section_bodies(lines, owner)),
        proper=proper,
        first_paragraph=_first_paragraphs(units),
        table_header=_table_headers(lines),
        term_of=_terms(lines),
    )


def _table_headers(lines: list[Line]) -> dict[int, Line]:
    """Each table row's header line: the ``table_header`` line above it in the same table."""
    out: dict[int, Line] = {}
    header: Line | None = None
    for line in lines:
        if line.kind == "table_header":
            header = line
        elif line.kind == "table_row" and header is not None:
            out[line.start] = header
        elif line.kind != "noise":
            header = None
    return out


def _terms(lines: list[Line]) -> dict[int, Line]:
    """A glossary definition line's term: the ``term`` line right before it."""
    out: dict[int, Line] = {}
    for before, line in pairwise(lines):
        if before.kind == "term" and line.kind == "definition":
            out[line.start] = before
    return out


def lead_title(lines: list[Line]) -> str:
    """No title line: an encyclopaedia lead opens by naming its topic ("Chlorophyll (also
    chlorophyl) is any of several …", "Motor neuron diseases (MNDs) are …")."""
    first = next((line for line in lines if line.kind not in ("noise", "title")), None)
    match = LEAD_SUBJECT_RE.match(first.text) if first and first.kind == "paragraph" else None
    return match.group("name") if match else ""


def _first_paragraphs(units: list[Unit]) -> dict[int, int]:
    """Each section's first sentence of paragraph text (after a restated FAQ question); -1
    where that sentence only announces what follows ("The four key signs are:")."""
    out: dict[int, int] = {}
    for unit in units:
        if unit.line.kind in ("paragraph", "lead_in") and unit.section not in out:
            announces = unit.sentence.text.endswith(":")
            out[unit.section] = -1 if announces else unit.sentence.start
    return out

"""Facts about names: abbreviations, aliases, glosses ("X (meaning)") and "Term: description" items.

Each extractor takes one sentence in context and yields facts. They only use the sentence,
its line and its section, so a change elsewhere in the article never changes these facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from questions.document import Document, Unit, split_parenthetical
from questions.facts import Fact
from questions.nlp import is_noun_phrase
from questions.textutil import PRONOUNS, STOPWORDS, is_acronym, words

PAREN_IN_TEXT = re.compile(r"\(([^()]{1,60})\)")
ALIAS_RE = re.compile(
    r"(?:^|, |; )(?P<subject>[A-Z][\w'’\- ]{0,60}?),? (?:also known as|also called|"
    r"otherwise known as|commonly known as|commonly called|sometimes called) "
    r"(?P<alias>[^,.;()]{2,60})"
)
TERM_RE = re.compile(r"^(?P<term>[^:]{2,60}): (?P<desc>\S.{4,})$")
LIST_TOPIC_RE = re.compile(
    r"^(?P<topic>.+?) (?:requires?|depends?|may|can|will|should|includes?|involves?|consists?|"
    r"is|are|has|have|comprises?|covers?|needs?)\b"
)


def entity_heading_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Amyotrophic Lateral Sclerosis (ALS)' → abbreviation; 'Hypocalcemia (Low …)' → gloss."""
    entity = doc.entities.get(unit.section)
    if entity is None or unit.line.kind != "heading":
        return
    if entity.short != entity.name:
        yield Fact(
            "abbreviation", entity.short, entity.names[0], unit, "abbreviation", entity.short
        )
    if entity.gloss:
        yield Fact("gloss", entity.names[0], entity.gloss, unit, "gloss", entity.short)


def _entity_name(doc: Document, unit: Unit, fallback: str) -> str:
    entity = doc.entities.get(unit.section)
    return entity.short if entity else fallback


def _phrase_before(text: str, end: int, max_words: int) -> list[str]:
    """Up to ``max_words`` words right before ``end``, stopping at punctuation."""
    head = text[:end].rstrip()
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"), head.rfind("–"), head.rfind("—"))
    head = head[cut + 1 :]
    return words(head)[-max_words:]


def _acronym_phrase(before: list[str], acronym: str) -> str:
    """The words an acronym abbreviates: initials match, or one word holds its letters in order."""
    letters = acronym.casefold()
    for k in range(1, min(len(before), len(letters) + 2) + 1):
        phrase = before[-k:]
        initials = "".join(w[0] for w in phrase if w.casefold() not in STOPWORDS).casefold()
        if initials == letters:
            return " ".join(phrase)
    word = before[-1].casefold() if before else ""
    if word[:1] == letters[:1] and _subsequence(letters, word) and len(word) > len(letters) + 2:
        return before[-1]
    return ""


def _subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(c in it for c in needle)


def parenthetical_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Nerve conduction studies (NCS)' → abbreviation; 'fasciculations (involuntary …)' → gloss."""
    if unit.line.kind == "heading" or unit.line.kind == "title":
        return
    text = unit.sentence.text
    for match in PAREN_IN_TEXT.finditer(text):
        inner = match.group(1).strip()
        before = _phrase_before(text, match.start(), 6)
        if not before or any(c.isdigit() for c in inner):
            continue
        if is_acronym(inner):
            phrase = _acronym_phrase(before, inner)
            if phrase:
                yield Fact("abbreviation", inner, phrase, unit, "abbreviation", inner)
            continue
        yield from _gloss(doc, unit, before, inner)


def _gloss(doc: Document, unit: Unit, before: list[str], inner: str) -> Iterator[Fact]:
    inner_words = words(inner)
    if not 1 <= len(inner_words) <= 5 or inner_words[0].casefold() in ("e.g", "eg", "see", "i.e"):
        return
    # The noun phrase before the bracket: back to the first stop word ("and fasciculations").
    phrase: list[str] = []
    for word in reversed(before):
        if word.casefold() in STOPWORDS or word.casefold() in PRONOUNS:
            break
        phrase.insert(0, word)
    phrase = phrase[-3:]
    outer = " ".join(phrase)
    # Both sides must be noun phrases: "kidney transplants (but not dialysis)" is an aside,
    # "dopamine (DO-pah-meen)" a pronunciation, "antihistamines (used to treat …)" a clause.
    if not phrase or not is_noun_phrase(outer) or not is_noun_phrase(inner):
        return
    # A one-word bracket after a longer phrase names the term: "Muscle stiffness (spasticity)".
    if len(inner_words) == 1 and len(phrase) > 1:
        term, meaning = inner, outer
    else:
        term, meaning = outer, inner
    yield Fact("gloss", term, meaning, unit, "gloss", _entity_name(doc, unit, term))


def alias_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'ALS, also known as Lou Gehrig's disease, …' → alias."""
    if " known as " not in unit.sentence.text and " called " not in unit.sentence.text:
        return
    for match in ALIAS_RE.finditer(unit.sentence.text):
        subject = match.group("subject").strip()
        alias = match.group("alias").strip()
        if len(words(subject)) > 6 or subject.split()[0].casefold() in PRONOUNS:
            continue
        if not is_noun_phrase(subject):
            continue  # "What is apply lice medicine also known as?" is no question
        entity = _entity_name(doc, unit, subject)
        yield Fact("alias", subject, alias, unit, "alias", entity)


def list_topic(lead_in: str, fallback: str) -> str:
    """'Treatment for muscle cramps depends on …' → 'treatment for muscle cramps'."""
    first = lead_in.split(". ")[0]
    match = LIST_TOPIC_RE.match(first)
    topic = match.group("topic") if match else ""
    if not topic or topic.split()[0].casefold() in PRONOUNS or len(words(topic)) > 9:
        return fallback.casefold()
    return topic[:1].lower() + topic[1:] if not is_acronym(topic.split()[0]) else topic


def list_item_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Blood tests: Checking for electrolyte imbalances …' → list_item of its list."""
    if unit.line.kind != "list_item" or unit.sentence.start != unit.line.start:
        return
    match = TERM_RE.match(unit.line.text)
    if not match or len(words(match.group("term"))) > 6 or len(words(match.group("desc"))) < 2:
        return
    term, abbr = split_parenthetical(match.group("term").strip())
    accepted = (abbr,) if abbr and is_acronym(abbr) else ()
    lead = unit.lead_in
    group = f"list@{lead.start}" if lead else f"list@{doc.section_name(unit.section)}"
    # Before the first heading the section is "Introduction": the title says more.
    where = doc.title if unit.section == 0 and doc.title else doc.section_name(unit.section)
    topic = list_topic(lead.text, where) if lead else ""
    topic = topic or where.casefold()
    desc = match.group("desc").strip().rstrip(".")
    yield Fact("list_item", term, desc, unit, group, _entity_name(doc, unit, term), topic, accepted)


def qa_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """A FAQ: the question heading is asked, the first sentence of its answer is the answer."""
    section = doc.sections[unit.section]
    heading = section.heading
    if heading is None or not heading.text.endswith("?") or unit.line.kind != "paragraph":
        return
    if doc.first_paragraph.get(unit.section) != unit.sentence.start:
        return
    answer = unit.sentence.text.rstrip(".")
    if not 3 <= len(words(answer)) <= 30:
        return
    yield Fact("qa", section.name, answer, unit, "qa", section.name)

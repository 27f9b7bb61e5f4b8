"""Facts a sentence states as what a thing does, asked back as a question.

"Calcitonin regulates calcium in the blood." says what calcitonin does and what regulates
calcium; a teacher asks either way: "What does calcitonin regulate?" (``action``) and
"What regulates calcium in the blood?" (``actor``). The ranking keeps one of the two (one
fact is never asked both ways). A definition that names what its term does is read the same
way: "Hypokalemic periodic paralysis is a condition that causes episodes of …" → "What does
hypokalemic periodic paralysis cause?".

The grammar is guarded by the tagger: the subject is a noun phrase from the sentence's start
naming a rare word or a name, with nothing that points back; the verb is a present-tense
verb of a closed list of what things do to each other (general English: cause, regulate,
block …); the object starts a noun phrase and ends at its own clause's end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lemminflect import getLemma

from questions.document import Document, Unit
from questions.facts import Fact
from questions.facts_attributes import (
    ANSWER_END_RE,
    PARENTHESIS_RE,
    POINTING_WORDS,
    PROSE,
)
from questions.nlp import Token, tag
from questions.rarity import zipf
from questions.textutil import STOPWORDS, content_words, words

_ACTION_VERBS = """
cause trigger produce contain control regulate prevent release stimulate inhibit block carry
transport store convert absorb bind activate damage destroy protect detect relieve kill infect
attack secrete encode require break digest filter pump reflect emit generate
"""
ACTION_VERBS = frozenset(_ACTION_VERBS.split())
SUBJECT_TAGS = frozenset(["DT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "HYPH", "VBN"])
OBJECT_START = frozenset(["DT", "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "VBG"])
PRESENT = frozenset(["VBZ", "VBP"])
COUNT_WORD_RE = re.compile(r"(?:tens|hundreds|thousands|millions|billions|trillions|dozens)")
QUANTIFIERS = frozenset(["most", "many", "some", "all", "several", "few", "each", "every", "both"])
NAMING_WORDS = frozenset(["called", "named", "termed", "known"])
TERM_ZIPF = 3.6  # "ozone" 3.5, "foragers" 1.9 are terms; "plates" 4.2, "colony" 4.0 are not
OBJECT_ZIPF = 4.0  # an object names something to recall: "calcium" 3.8; not "tens of billions"
MAX_SUBJECT = 6
MAX_OBJECT = 14
MAX_ASKED_OBJECT = 8  # "What regulates ___?" reads only with a short object
KIND_NOUNS = 3  # "a condition", "an inherited muscle disorder": the kind before "that"


def action_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """ "X V-s Y." → action (what X does) and actor (what does it to Y)."""
    text = unit.sentence.text
    if unit.line.kind not in PROSE or not text[:1].isupper():
        return
    tokens = tag(text)
    end = _subject_end(tokens)
    if end is None:
        return
    verb_at = _kind_clause(tokens, end) if tokens[end].text in ("is", "are") else end
    if verb_at is None or not _action_verb(tokens[verb_at]):
        return
    subject = PARENTHESIS_RE.sub("", text[: tokens[end - 1].end]).strip()
    thing = _object(text, tokens, verb_at + 1)
    if not thing or not is_a_term(subject):
        return
    entity = doc.entities[unit.section].short if unit.section in doc.entities else subject
    verb = tokens[verb_at].text
    yield Fact("action", subject, thing, unit, "action", entity, verb)
    if verb_at == end and len(words(thing)) <= MAX_ASKED_OBJECT and is_a_term(thing, OBJECT_ZIPF):
        yield Fact("actor", thing, subject, unit, "actor", entity, verb)


def is_a_term(phrase: str, ceiling: float = TERM_ZIPF) -> bool:
    """Does the phrase name something worth recalling: a word rarer than ``ceiling`` or a
    name, not a quantified, counted or everyday phrase ("Most mammals", "tens of billions",
    "The excess water", "Plates")?"""
    parts = [w for w in words(phrase) if not COUNT_WORD_RE.fullmatch(w.casefold())]
    if not parts or parts[0].casefold() in QUANTIFIERS:
        return False
    return any(
        zipf(w.casefold()) < ceiling or (k and w[:1].isupper()) or w.isupper()
        for k, w in enumerate(parts)
        if w.casefold() not in STOPWORDS
    )


def _subject_end(tokens: tuple[Token, ...]) -> int | None:
    """The index of the verb after a noun phrase subject, or None."""
    if not tokens or tokens[0].text.casefold() in POINTING_WORDS | {"there", "here"}:
        return None
    depth = count = 0
    for k, token in enumerate(tokens):
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif token.tag in PRESENT and count:
            return k if tokens[k - 1].tag not in ("DT", "JJ") else None
        elif token.tag not in SUBJECT_TAGS or token.text.casefold() in POINTING_WORDS:
            return None
        else:
            count += 1
            if count > MAX_SUBJECT:
                return None
    return None


def _kind_clause(tokens: tuple[Token, ...], k: int) -> int | None:
    """ "is a condition that causes …": the index of "causes", or None."""
    j = k + 1
    if j >= len(tokens) or tokens[j].text.casefold() not in ("a", "an"):
        return None
    j += 1
    start = j
    while j < len(tokens) and j - start < KIND_NOUNS and tokens[j].tag in ("JJ", "NN", "NNS"):
        j += 1
    if j == start or j + 1 >= len(tokens) or tokens[j].text not in ("that", "which"):
        return None
    return j + 1


def _action_verb(token: Token) -> bool:
    if token.tag not in PRESENT and token.tag not in ("NN", "NNS"):
        return False  # a noun-tagged "causes" right after the subject is the verb
    return getLemma(token.text.casefold(), upos="VERB")[0] in ACTION_VERBS


def _object(text: str, tokens: tuple[Token, ...], k: int) -> str:
    """The verb's object up to its own clause's end, or "" when it is no noun phrase."""
    if k >= len(tokens) or tokens[k].tag not in OBJECT_START:
        return ""
    if tokens[k].text.casefold() in POINTING_WORDS:
        return ""
    rest = text[tokens[k].start :]
    cut = ANSWER_END_RE.search(rest)
    thing = PARENTHESIS_RE.sub("", rest[: cut.start()] if cut else rest).strip().rstrip(".!")
    said = {w.casefold() for w in words(thing)}
    if said & (POINTING_WORDS | NAMING_WORDS) or len(words(thing)) > MAX_OBJECT:
        return ""  # "three kinds of adult bee, called castes": the naming cloze asks it
    described = len([w for w in content_words(thing) if not COUNT_WORD_RE.fullmatch(w)]) >= 3
    if not (described or is_a_term(thing, OBJECT_ZIPF)):
        return ""  # "tens of billions": nothing to recall
    return re.sub(r"\s+", " ", thing)

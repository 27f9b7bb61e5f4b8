"""The page's topic named where a sentence calls it by its class: "The disease …" → "Late blight …".

A page about late blight defines its topic once ("Late blight … is a destructive disease of
potatoes …") and then calls it "the disease". A stem lifted from such a sentence ("The
disease was first recorded in …") is vague on its own: which disease? The definition of the
title says what class the topic is (the head noun of its predicate: "disease"), so a stem or
a quoted sentence that opens with "The <class>" is about the topic, and its name can stand
in its place. Only an opening subject is renamed: "the disease" later in a sentence may be
another one the sentence names first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from questions.document import Document
from questions.facts_relations import definition_match
from questions.model import Question
from questions.nlp import noun_phrases, singular, tag
from questions.rarity import FILLER
from questions.textutil import squash

# "The disease", at the start of a stem or of the sentence a multiple choice quotes.
_OPENING = r"(^|“)The {}\b(?! of\b)"
LEAD = 12  # sentences: a page defines its topic at its start
COLLECTIVE = frozenset(["one", "collection", "family", "member", "series", "class", "name", "word"])


@dataclass(frozen=True)
class Topic:
    name: str  # as the defining sentence writes it: "Late blight"
    noun: str  # its class, singular: "disease"

    def named(self, q: Question) -> Question:
        """``q`` with an opening "The <class>" replaced by the topic's name."""
        if squash(q.answer) in (self.noun, squash(self.name)):
            return q
        pattern = re.compile(_OPENING.format(re.escape(self.noun)))
        prompt = pattern.sub(lambda m: m.group(1) + self.name, q.prompt, count=1)
        return q if prompt == q.prompt else replace(q, prompt=prompt)


def topic_of(doc: Document) -> Topic | None:
    """The sentence defining the title ("Late blight, also called potato blight, is a
    destructive disease of …"), among the first ``LEAD`` sentences, as a ``Topic``."""
    key = _bare(doc.title)
    for unit in doc.units[:LEAD]:
        match = definition_match(unit.sentence.text)
        if key and match and _bare(match.group("subject")) == key:
            return _topic(match.group("subject"), match.group("predicate"), key)
    return None


def _topic(subject: str, predicate: str, key: str) -> Topic | None:
    phrases = noun_phrases(predicate)
    if not re.match(r"(?:an?|one) ", predicate) or not phrases or phrases[0].start > 30:
        return None  # "the percentage change in …" says what it is, not its class
    if not _ends_there(predicate, phrases[0].end):
        return None  # "a swift ocean current": the tagger cut the phrase short
    noun = singular(phrases[0].head.casefold())
    name = re.sub(r"^(?:the|an?)\s+", "", subject.split("(")[0].strip(), flags=re.I)
    if not noun.isalpha() or noun in key.split() or noun in FILLER | COLLECTIVE:
        return None  # "a group of …", "one of …": a collective, not the topic's class
    return Topic(name[:1].upper() + name[1:], noun)


# What may follow a class noun: its qualifier, never another noun of its phrase.
_AFTER_CLASS = frozenset(["IN", "WDT", "WP", "VBN", "VBG", "CC", "TO", ",", ".", ":"])


def _ends_there(text: str, end: int) -> bool:
    after = tag(text[end:])[:1]
    return not after or after[0].tag in _AFTER_CLASS


def _bare(text: str) -> str:
    return squash(re.sub(r"^(?:the|an?)\s+", "", text.split("(")[0].strip(), flags=re.I))

"""The page's topic named where a sentence calls it by its class or by "It".

A page about late blight defines its topic once ("Late blight … is a destructive disease of
potatoes …") and then calls it "the disease". A stem lifted from such a sentence ("The
disease was first recorded in …") is vague on its own: which disease? The definition of the
title says what class the topic is (the head noun of its predicate: "disease"), so "the
<class>" in a stem is the topic, and its name can stand in its place, unless the sentence
names another of that class before it ("a disease", "diseases": then "the disease" may be
that one). An encyclopedia goes on with "It": "The Rhine is one of the major rivers of
Western Europe. It rises in the Swiss Alps …". A sentence that opens with "It" right after
the definition, or after another such sentence, in one paragraph, is about the topic too;
"It is likely that …" is no reference at all and keeps its "It".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from questions.document import Document, Unit
from questions.facts_relations import definition_match
from questions.model import Question
from questions.nlp import noun_phrases, plural, singular, tag
from questions.rarity import FILLER
from questions.textutil import squash

LEAD = 12  # paragraph sentences: a page defines its topic at its start
COLLECTIVE = frozenset(["one", "collection", "family", "member", "series", "class", "name", "word"])
# "one of the major rivers of …": the class is the plural after "one of".
_ONE_OF_RE = re.compile(r"one of (?:the |its |their |[A-Z]\w+'s )?", re.I)
# "Tetanus: causes, symptoms and vaccination", "Rhine – Rivers of Europe": the topic first.
_SUBTITLE_RE = re.compile(r"\s*(?::|\s[–—-]\s|\|).*$")
_PREPOSITION_RE = re.compile(r"\b(?:on|in|of|at|near|from|by|with|for|to)\b")
# "It" that points at nothing: "It is likely that …", "It takes …", "It seems …".
_EMPTY_IT_RE = re.compile(
    r"^It\s+(?:(?:is|was|will be|would be|can be|may be|has been)\s+(?:\w+\s+){0,3}?"
    r"(?:to|that|for|whether|how|when|why|what)\b|(?:seems|seemed|appears|appeared|"
    r"takes|took|follows|remains to|is said|was said|is thought|is estimated|is believed))"
)
_IT_RE = re.compile(r"^It\s+(?=[a-z])")
_IT_OPENING_RE = re.compile(r"(^|“)It\s+(?=[a-z])")


@dataclass(frozen=True)
class Topic:
    name: str  # as the defining sentence writes it, article and all: "The Rhine", "Late blight"
    noun: str  # its class, singular: "disease"
    lower: bool = False  # the page writes the name in lower case inside a sentence
    it_sentences: frozenset[str] = frozenset()  # sentences whose opening "It" is the topic

    def named(self, q: Question) -> Question:
        """``q`` with "the <class>" or an opening "It" replaced by the topic's name."""
        if squash(q.answer) in (self.noun, squash(self.name), squash(self.bare)):
            return q
        prompt = self._class_named(q.prompt)
        if q.source.sentence in self.it_sentences:
            prompt = _IT_OPENING_RE.sub(lambda m: m.group(1) + self.name + " ", prompt, count=1)
        return q if prompt == q.prompt else replace(q, prompt=prompt)

    @property
    def bare(self) -> str:
        return re.sub(r"^(?:the|an?)\s+", "", self.name, flags=re.I)

    def _class_named(self, prompt: str) -> str:
        found = re.search(rf"\b[Tt]he {re.escape(self.noun)}\b(?! of\b)(?!-)", prompt)
        if not found or self._named_before(prompt[: found.start()]):
            return prompt
        opening = found.start() == 0 or prompt[found.start() - 1] == "“"
        return prompt[: found.start()] + self._as_written(opening) + prompt[found.end() :]

    def _named_before(self, text: str) -> bool:
        """Does ``text`` name another of the class, or the topic itself?"""
        forms = {self.noun, plural(self.noun)}
        said = re.findall(r"[\w'-]+", text)
        initials = "".join(w[0] for w in self.bare.split()).upper()
        if len(initials) > 1 and initials in said:
            return True  # "RLS can affect …, but the disorder …": named by its initials
        return bool(forms & {w.casefold() for w in said}) or squash(self.bare) in squash(text)

    def _as_written(self, opening: bool) -> str:
        name = self.name
        if opening:
            return name[:1].upper() + name[1:]
        if name[:4].casefold() == "the ":
            return "the " + name[4:]
        return name[:1].lower() + name[1:] if self.lower else name


def topic_of(doc: Document) -> Topic | None:
    """The sentence defining the title ("Late blight, also called potato blight, is a
    destructive disease of …"), among the first ``LEAD`` paragraph sentences, as a ``Topic``."""
    keys = {_bare(doc.title), _bare(_SUBTITLE_RE.sub("", doc.title))} - {""}
    lead = [u for u in doc.units if u.line.kind == "paragraph"][:LEAD]
    for unit in lead:
        match = definition_match(unit.sentence.text)
        if not match or _bare(match.group("subject")) not in keys:
            continue
        found = _topic(match.group("subject"), match.group("predicate"))
        if found is None:
            return None
        lower = _written_lower(doc, found)
        return replace(found, lower=lower, it_sentences=_its(doc, unit))
    return None


def _topic(subject: str, predicate: str) -> Topic | None:
    one_of = _ONE_OF_RE.match(predicate)
    rest = predicate[one_of.end() :] if one_of else predicate
    phrases = noun_phrases(rest)
    if not (one_of or re.match(r"an? ", predicate)) or not phrases or phrases[0].start > 30:
        return None  # "the percentage change in …" says what it is, not its class
    if _PREPOSITION_RE.search(rest[: phrases[0].start]):
        return None  # "a somma-stratovolcano on the Gulf …": the class was not read
    if re.match(r"an?\s", subject, re.I) or not _ends_there(rest, phrases[0].end):
        return None  # "a swift ocean current": cut short; "A coral reef is …": any reef
    noun = singular(phrases[0].head.casefold())
    name = re.sub(r"^(?:an?)\s+", "", subject.split("(")[0].strip(), flags=re.I)
    key = _bare(subject)
    if not noun.isalpha() or noun in key.split() or noun in FILLER | COLLECTIVE:
        return None  # "a group of …", "one of …": a collective, not the topic's class
    return Topic(name[:1].upper() + name[1:], noun)


def _written_lower(doc: Document, topic: Topic) -> bool:
    """Lower case inside a sentence where the page writes it so ("tetanus") or it is a
    common noun's phrase ("Late blight"), never a name ("Mount Vesuvius", "the Rhine")."""
    bare = topic.bare
    first, lowered = bare.split()[0], bare[:1].lower() + bare[1:]
    if not first[:1].isupper():
        return False
    prose = [u.sentence.text for u in doc.units if u.line.kind == "paragraph"]
    capitalised = re.compile(rf"(?<=[a-z,] ){re.escape(first)}\b")
    if any(capitalised.search(text) for text in prose):
        return False
    said = re.compile(rf"\b{re.escape(lowered)}\b")
    phrase = len(bare.split()) > 1 and not all(w[:1].isupper() for w in bare.split())
    return phrase or any(said.search(text) for text in prose)


def _its(doc: Document, definition: Unit) -> frozenset[str]:
    """The sentences after the definition, in its paragraph, that open with "It" and mean it."""
    out: list[str] = []
    at = doc.units.index(definition)
    for unit in doc.units[at + 1 :]:
        text = unit.sentence.text
        if unit.line != definition.line or not _IT_RE.match(text) or _EMPTY_IT_RE.match(text):
            break
        out.append(text)
    return frozenset(out)


# What may follow a class noun: its qualifier, never another noun of its phrase.
_AFTER_CLASS = frozenset(["IN", "WDT", "WP", "VBN", "VBG", "CC", "TO", ",", ".", ":"])
_MODIFIER = frozenset(["JJ", "JJR", "JJS", "NN", "NNS", "VBN"])


def _ends_there(text: str, end: int) -> bool:
    after = tag(text[end:])[:2]
    if after[:1] and after[0].tag == "CC" and after[1:] and after[1].tag in _MODIFIER:
        return False  # "the hereditary motor and sensory neuropathies"
    return not after or after[0].tag in _AFTER_CLASS


def _bare(text: str) -> str:
    return squash(re.sub(r"^(?:the|an?)\s+", "", text.split("(")[0].strip(), flags=re.I))

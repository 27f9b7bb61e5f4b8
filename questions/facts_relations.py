"""Facts about relations stated in sentences: definitions, causes, triggers, effects, statements.

Patterns are deliberately narrow: a sentence that does not clearly state the relation yields
nothing, because a wrong fact makes a wrong question. Sentences that start with a pronoun
("These episodes …") are resolved only where the section names one entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from questions.document import Document, Unit
from questions.facts import Fact
from questions.nlp import (
    NOUN_TAGS,
    Token,
    can_be_verb,
    is_noun_phrase,
    starts_noun_phrase,
    tag,
    tag_of,
    tag_phrase,
)
from questions.textutil import PRONOUNS, STOPWORDS, content_words, squash, words

PROSE = ("paragraph", "list_item", "lead_in")
DEFINITION_RE = re.compile(
    r"^(?P<subject>[^,]{1,80}?)(?P<appositive>, [^,]{3,80},)? (?P<verb>is|are|refers to|refer to|"
    r"encompasses|encompass|describes|means|denotes) (?P<predicate>(?:a|an|the|one|any)\b.+?)[.!]?$"
)
WEAK_PREDICATE = re.compile(
    r"^(?:a|an|the) (?:common |good |typical |classic |rare |notable )?"
    r"(?:example|one|case|symptom|sign|exception|highlight|favourite|favorite|bonus)\b"
    # a judgement, not a kind: "The fridge is a poor choice", "… an ideal place"
    r"|^(?:a|an|the) (?:\w+ )?(?:choice|option|idea|alternative)\b"
    r"|^(?:a|an) (?:very |really |fairly |quite )?(?:poor|bad|good|great|ideal|excellent|useful"
    r"|popular|sensible|safe|easy)\b"
)
# "The present building is the third church …": a thing the page points at, not a term.
_DEICTIC = "present current same other former latter following previous remaining existing original"
DEICTIC_WORDS = frozenset(_DEICTIC.split())
CAUSE_RES = (
    re.compile(
        r"^(?P<effect>[^,]{3,80}?) (?P<verb>arises?|results?|stems?|originates?) from "
        r"(?P<cause>[^,;]+?)[.!]?$"
    ),
    re.compile(r"^(?P<effect>[A-Z][^,]{2,60}), caused by (?P<cause>[^,]{3,80}),"),
    re.compile(
        r"^(?P<effect>[^,]{3,80}?) (?:is|are) (?:usually |often |mainly |mostly |commonly )?"
        r"caused by (?P<cause>[^,;]+?)[.!]?$"
    ),
)
TRIGGER_RES = (
    re.compile(
        r"\btrigger (?P<effect>[^,]{3,60}?),? (?:including|such as|like) "
        r"(?P<items>[^,.;]+(?:, [^,.;]+)*?(?:,? (?:or|and) [^,.;]+)?)(?:,|\.|$)"
    ),
    re.compile(
        r"^(?P<effect>[^,]{3,60}?) (?:is|are) (?:often |usually |commonly |typically |sometimes )?"
        r"triggered by (?:factors |things )?(?:like |such as |including )?(?P<items>.+?)[.!]?$"
    ),
)
EFFECT_RE = re.compile(
    r"^(?P<subject>[A-Z][^,]{2,60}?) (?P<modal>can|may|could) (?P<verb>[a-z]+)(?P<prep> to| in)? "
    r"(?P<object>[^,;]{3,90}?)(?:,.*)?[.!]$"
)
NOT_OBJECT_START = re.compile(
    r"^(?:during|in|at|on|for|with|between|to|from|below|above|after|before|by|be|also|often|"
    r"significantly|lead|result|occur|vary)\b"
)
SUBORDINATE = re.compile(
    r"^(?:while|although|though|if|when|whenever|as|because|since|however|unless|whether|"
    r"once|after|before|until)\b",
    re.IGNORECASE,
)
# A one-word term, then ", a/an …" up to the next comma or the end: an appositive definition.
APPOSITIVE_RE = re.compile(
    r"(?<![\w-])(?P<term>[A-Za-z][a-z][\w-]{2,}), (?P<meaning>an? [^,;()]{8,120}?"
    r"\b(?:that|which|who|of|for|used|made|found)\b[^,;()]*?)(?:[,;]|\.$|$)"
)
# "Total revenue, the amount paid by buyers and received by sellers, equals …": a subject
# renamed by a noun phrase between commas before its verb (a textbook's inline definition).
SUBJECT_APPOSITIVE_RE = re.compile(
    r"^(?P<term>[A-Z][a-z][\w-]*(?: (?:of |and )?[a-z][\w-]*){0,4}), "
    r"(?P<meaning>(?:the|an?) [^,;()]{12,160}?), (?P<verb>[a-z]+)\b"
)
FINITE_VERB_TAGS = frozenset(["VBZ", "VBD", "VBP", "MD"])
LIST_RE = re.compile(r"\b(?:and|or) (?:an?|the)\b")
NOUN_MODIFIERS = frozenset(["NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "HYPH", "CD"])
CLAUSE_COMMA = frozenset([",", ";", ":"])
SUPERLATIVE_WORDS = frozenset(["most", "least", "best", "worst", "best-known", "largest"])
EXAMPLE_WORDS = frozenset(["typical", "classic", "famous", "well-known", "notable"])
ITEM_SPLIT = re.compile(r",\s*(?:or |and )?|\s+(?:or|and)\s+")


def _starts_with_pronoun(text: str) -> bool:
    first = words(text[:40])
    return bool(first) and first[0].casefold() in PRONOUNS


def _entity_short(doc: Document, unit: Unit, fallback: str) -> str:
    entity = doc.entities.get(unit.section)
    return entity.short if entity else fallback


def _resolve(doc: Document, unit: Unit, phrase: str) -> str:
    """'These episodes' in the Periodic Paralysis section → 'episodes of periodic paralysis'."""
    if not _starts_with_pronoun(phrase):
        return phrase
    entity = doc.entities.get(unit.section)
    rest = phrase.split(" ", 1)[1] if " " in phrase else ""
    if entity is None or not rest or len(words(rest)) > 3:
        return ""
    return f"{rest} of {entity.name[:1].lower() + entity.name[1:]}"


def appositive_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'… chlorophyll, a green pigment that absorbs red and blue light.' → definition;
    'Total revenue, the amount paid by buyers …, equals …' → definition of total revenue."""
    if unit.line.kind not in PROSE:
        return
    yield from _subject_appositive(unit)
    if ", a" not in unit.sentence.text:
        return  # the substring test skips the regex on almost every sentence
    for match in APPOSITIVE_RE.finditer(unit.sentence.text):
        term, meaning = match.group("term"), match.group("meaning").strip()
        if term.casefold() in PRONOUNS or term.casefold() in STOPWORDS:
            continue
        if len(content_words(meaning)) < 3 or not _whole_noun(unit.sentence.text, match):
            continue
        if LIST_RE.search(meaning):
            continue  # "a coma, a curved dust tail and a straight ion tail": a list, no apposition
        if _cut_at_comma(meaning):
            continue  # "… refers to their strong, toothed jaws": the comma cut an adjective list
        if _sums_up(unit.sentence.text, match):
            continue
        yield Fact("definition", term, meaning, unit, "definition", term, "is")


# Nouns that sum up the clause before them: "… laid in thick beds of mortar, a technique that
# …" names what was done, not what mortar is.
_SHELL = (
    "technique process practice method approach procedure arrangement design feature step "
    "move measure strategy tradition habit change effect phenomenon situation event "
    "development decision episode feat achievement milestone outcome"
)
SHELL_NOUNS = frozenset(_SHELL.split())


def _sums_up(text: str, match: re.Match[str]) -> bool:
    """Is the appositive a summary of the clause before it: a shell noun ("a technique
    that …") after a term that ends a prepositional phrase ("beds of mortar")?"""
    head = words(match.group("meaning"))[1:3]
    if not any(w.casefold() in SHELL_NOUNS for w in head):
        return False
    before = [t for t in tag(text) if t.end <= match.start("term")][-3:]
    return any(t.tag == "IN" for t in before)  # "above the nave", "beds of mortar"


def _cut_at_comma(meaning: str) -> bool:
    """Does the meaning end on an adjective ("their strong")? Then the comma after it went
    on with another ("strong, toothed jaws"), and the meaning stops mid-phrase."""
    tokens = tag(meaning)
    return bool(tokens) and tokens[-1].tag in ("JJ", "JJR", "DT", "PRP$")


def _subject_appositive(unit: Unit) -> Iterator[Fact]:
    """A sentence's subject renamed before its verb: a common-noun term (no name, no
    pointing word), a meaning of at least three content words that is no list, and a
    finite verb after the second comma."""
    match = SUBJECT_APPOSITIVE_RE.match(unit.sentence.text)
    if match is None:
        return
    term, meaning = match.group("term"), match.group("meaning")
    if term.split()[0].casefold() in PRONOUNS | STOPWORDS or not is_noun_phrase(term):
        return
    if len(content_words(meaning)) < 3 or LIST_RE.search(meaning):
        return
    verb = next((t for t in tag(unit.sentence.text) if t.start == match.start("verb")), None)
    if verb is not None and _finite(verb):
        yield Fact("definition", term, meaning, unit, "definition", term, "is")


def _finite(token: Token) -> bool:
    """A finite verb, or a plural the tagger read as a noun that is also a verb's -s form
    ("…, measures how strongly buyers respond")."""
    if token.tag in FINITE_VERB_TAGS:
        return True
    return token.tag == "NNS" and token.text.endswith("s") and can_be_verb(token.text)


def _whole_noun(text: str, match: re.Match[str]) -> bool:
    """Is the term a whole noun phrase the appositive renames? Not an adverb ("and,
    eventually, a …"), the last word of a compound ("fiber type grouping, a …"), or the end
    of an opening phrase whose comma starts the main clause ("For example, a …",
    "Because … for movement, a …")."""
    tokens = tag(text)
    at = next((i for i, t in enumerate(tokens) if t.start == match.start("term")), -1)
    if at == -1 or tokens[at].tag not in NOUN_TAGS:
        return False
    if at and tokens[at - 1].tag in NOUN_MODIFIERS:
        return False
    opening = all(t.tag not in CLAUSE_COMMA for t in tokens[:at])
    return not (opening and tokens[0].tag in ("IN", "RB", "TO", "WRB"))


@lru_cache(maxsize=65536)
def definition_match(text: str) -> re.Match[str] | None:
    """``DEFINITION_RE`` on a sentence: two passes ask it of every sentence, and the pattern
    backtracks over the subject's eighty characters."""
    return DEFINITION_RE.match(text)


# "A bell is a heavy object moving quickly, so learners are always supervised": a reason
# for what follows, not what a bell is.
CONSEQUENCE_RE = re.compile(r",\s+(?:so|which is why|and so|therefore)\b")


def definition_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'MS is an autoimmune disease affecting …' → definition of MS."""
    if unit.line.kind not in PROSE:
        return
    match = definition_match(unit.sentence.text)
    if not match or _starts_with_pronoun(match.group("subject")):
        return
    subject = match.group("subject").strip()
    predicate = match.group("predicate").strip()
    if not is_noun_phrase(subject) or _two_phrases(subject):
        return  # "What is {subject}?" needs a noun phrase: never "most of the time a comet"
    if words(subject.casefold())[1:2] and words(subject.casefold())[1] in DEICTIC_WORDS:
        return
    if (
        len(words(subject)) > 6
        or len(content_words(predicate)) < 2
        or WEAK_PREDICATE.match(predicate)
        or not _names_a_kind(predicate)
        or CONSEQUENCE_RE.search(predicate)
    ):
        return
    entity = doc.entities.get(unit.section)
    is_entity = entity is not None and any(
        squash(subject.removeprefix("The ")) == squash(n) for n in (entity.short, *entity.names)
    )
    # Only the section's own entity gets sibling entities as wrong options; any other
    # defined term ("Espresso" under "Brewing") is asked about on its own.
    group = f"entity:{entity.group}" if entity is not None and is_entity else "definition"
    yield Fact(
        "definition",
        subject,
        predicate,
        unit,
        group,
        _entity_short(doc, unit, subject),
        match.group("verb"),
    )


def first_definitions(doc: Document, facts: list[Fact]) -> list[Fact]:
    """The facts with a definition kept only where the article first defines its term:
    "Tuberculosis (TB) is a bacterial infection …" defines TB, so a later "TB is a notifiable
    disease" (an attribute) is no definition of it; nor is "… a coma, a curved dust tail …"
    after the glossary's "Coma - the cloud of gas and dust …"."""
    first: dict[str, int] = {}
    for fact in facts:
        if fact.kind == "definition":
            for name in _names(fact.subject):
                first.setdefault(name, fact.unit.sentence.start)
    for unit in doc.units:
        match = definition_match(unit.sentence.text) if unit.line.kind in PROSE else None
        if match and _names_a_kind(match.group("predicate")):
            for name in _names(match.group("subject")):
                first[name] = min(first.get(name, unit.sentence.start), unit.sentence.start)
    return [
        f
        for f in facts
        if f.kind != "definition"
        or all(first[n] >= f.unit.sentence.start for n in _names(f.subject))
    ]


def _names(subject: str) -> set[str]:
    """ "Tuberculosis (TB)" → {"tuberculosis", "tb"}; "The nucleus" → {"nucleus"}."""
    outer, _, inner = subject.partition("(")
    names = {squash(re.sub(r"^(?:an?|the)\s+", "", outer.strip(), flags=re.I))}
    if inner.strip(" )"):
        names.add(squash(inner.strip(" )")))
    return names - {""}


def _two_phrases(subject: str) -> bool:
    """ "Most of the time a comet": a noun right before a determiner ends one phrase and
    starts another; the subject is an adverbial, then the real subject."""
    tokens = tag_phrase(subject)
    return any(a.tag in NOUN_TAGS and b.tag == "DT" for a, b in pairwise(tokens))


def _names_a_kind(predicate: str) -> bool:
    """Does the predicate name what the subject is: a determiner, any modifiers, then a noun
    before the first preposition, verb or comma? Not "the same for every reaction" (an
    adjective alone) and not "the best-known periodic comet" (a superlative: a property)."""
    tokens = tag_phrase(predicate)[1:]
    first = tokens[0].text.casefold() if tokens else ""
    if tokens and (tokens[0].tag == "JJS" or first in SUPERLATIVE_WORDS | EXAMPLE_WORDS):
        return False  # "a typical weak acid": an example of a kind, not what the term is
    for token in tokens:
        if token.tag in NOUN_TAGS:
            return True
        if token.tag not in NOUN_MODIFIERS | {"RB", "VBN", "VBG", "RBS", "CC", ","}:
            return False
    return False


def cause_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Muscle cramps arise from an imbalance …' → cause; 'X, caused by Y,' → cause."""
    text = unit.sentence.text
    if unit.line.kind not in PROSE or (" from " not in text and "caused by" not in text):
        return
    for pattern in CAUSE_RES:
        match = pattern.search(unit.sentence.text)
        if not match:
            continue
        effect = _resolve(doc, unit, match.group("effect").strip())
        cause = match.group("cause").strip()
        grammatical = is_noun_phrase(effect) and starts_noun_phrase(cause)
        if grammatical and len(words(effect)) <= 8 and len(content_words(cause)) >= 2:
            verb = match.groupdict().get("verb") or "caused by"
            yield Fact(
                "cause", effect, cause, unit, "cause", _entity_short(doc, unit, effect), verb
            )
        return


def trigger_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'… can trigger muscle cramps, including dehydration or strenuous exercise' → triggers."""
    if unit.line.kind not in PROSE or "trigger" not in unit.sentence.text:
        return
    for pattern in TRIGGER_RES:
        match = pattern.search(unit.sentence.text)
        if not match:
            continue
        effect = _resolve(doc, unit, match.group("effect").strip())
        items = [i.strip() for i in ITEM_SPLIT.split(match.group("items")) if i.strip()]
        if not effect or len(items) < 2 or any(len(words(i)) > 6 for i in items):
            return
        entity = _entity_short(doc, unit, effect)
        yield Fact("trigger", effect, match.group("items").strip(), unit, "trigger", entity)
        for item in items:
            yield Fact("trigger_item", effect, item, unit, f"trigger:{effect}", entity)
        return


def effect_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Damage to the spinal cord can interrupt nerve signals …' → what it can do."""
    text = unit.sentence.text
    if unit.line.kind != "paragraph" or not any(f" {m} " in text for m in ("can", "may", "could")):
        return
    match = EFFECT_RE.match(text)
    if not match or _starts_with_pronoun(match.group("subject")):
        return
    if SUBORDINATE.match(match.group("subject")):
        return  # "While many factors can trigger …": not a main clause
    obj = match.group("object").strip()
    verb = match.group("verb")
    if NOT_OBJECT_START.match(verb) and not match.group("prep"):
        return
    if NOT_OBJECT_START.match(obj) or len(content_words(obj)) < 2:
        return
    subject = match.group("subject").strip()
    if not is_noun_phrase(subject) or not tag_of(text, verb).startswith("VB"):
        return  # "what can {subject} {verb}?" needs a noun phrase and a verb
    if not match.group("prep") and not starts_noun_phrase(obj):
        return  # the answer must be the verb's object: "Or prevent …" is not
    clause = f"{match.group('modal')} {{subject}} {verb}{match.group('prep') or ''}"
    entity = _entity_short(doc, unit, subject)
    yield Fact("effect", subject, obj, unit, f"effect:{unit.section}", entity, clause)


def statement_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """A sentence of an entity's section says something about that entity (which one?)."""
    entity = doc.entities.get(unit.section)
    if (
        entity is None
        or unit.line.kind != "paragraph"
        or len(content_words(unit.sentence.text)) < 5
    ):
        return
    # The subject carries the sentence's first content words: one fact per sentence, and an
    # edit elsewhere in the section does not change this fact's identity.
    key = " ".join(content_words(unit.sentence.text)[:4]).casefold()
    yield Fact(
        "statement",
        f"{entity.short}: {key}",
        entity.name,
        unit,
        f"entity:{entity.group}",
        entity.short,
    )

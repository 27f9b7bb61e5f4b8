"""Facts a sentence states about a named property of a thing, asked back as a question.

Two shapes whose grammar the tagger guarantees, each turned into a question a person would
write rather than a lifted sentence with a gap:

- "The most common cause of CMT (70–80% of the cases) is the duplication of …" → attribute:
  "What is the most common cause of CMT?" → "The duplication of …";
- "The origin of atolls was explained by Charles Darwin, who …" → agent: "Who explained the
  origin of atolls?" → "Charles Darwin".

The subject must be "The [modifiers] noun of [noun phrase]": nothing that points back (this,
its), no verb, no shell or quantity noun ("the part of", "the number of", "the idea of"),
which would leave the question as vague as the sentence before it made it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from questions.document import Document, Unit
from questions.facts import Fact
from questions.nlp import Token, tag
from questions.rarity import zipf
from questions.textutil import PRONOUNS, content_words, words

PROSE = ("paragraph", "list_item", "lead_in")
COPULAS = frozenset(["is", "are", "was", "were"])
MODIFIER_TAGS = frozenset(["JJ", "JJS", "RBS", "NN", "NNS", "VBN", "HYPH"])
HEAD_TAGS = frozenset(["NN", "NNS"])
OWNER_TAGS = frozenset(["DT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "HYPH"])
MAX_MODIFIERS = 3
MAX_OWNER = 8
MAX_ANSWER_WORDS = 22
TOPIC_ZIPF = 4.4  # "helix" 3.3, "kidney" 4.0 name a topic; "decision" 5.1 does not
SURNAME_ZIPF = 4.6  # "Darwin", "Bell" are surnames; "war", "house" are everyday nouns
# Nouns that name a share, a piece or a thought rather than a property: "The first number
# of the fraction", "The idea of very high doses", "The side of Earth nearest the Moon".
# General English, never a topic's words.
_VAGUE_HEADS = (
    "part parts number numbers amount rest majority minority side sides combination presence "
    "idea ideas details extent dates date behaviour behavior removal control account first "
    "second third last end beginning start case cases example examples kind area areas top "
    "bottom middle half one ones way ways time times arches layer set group lot bit piece"
)
VAGUE_HEADS = frozenset(_VAGUE_HEADS.split())
COPULA_PREFIXES = ("is ", "are ", "was ", "were ")
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
MONTHS = frozenset(_MONTH_NAMES.split())
YEAR_RE = re.compile(r"1\d{3}|20\d{2}")
POINTING_WORDS = PRONOUNS | {"our", "your"}
# Where an answer's own clause ends: a relative or a second clause is more than it asks.
ANSWER_END_RE = re.compile(
    r",\s+(?:which|who|whom|whose|where|while|and|but|as|so|the|a|an)\b|;|\s[—–]\s"
)
# A finding reported by its source: "Research suggests that …", "Studies show that …".
REPORTED_RE = re.compile(
    r"^(?P<who>Research|Studies|Evidence|Scientists|Researchers|Experts|Doctors)\s+"
    r"(?P<verb>suggests?|shows?|indicates?|believes?|thinks?)\s+that\s+(?=the\s)"
)
PARENTHESIS_RE = re.compile(r"\s*\([^()]*\)")
# Words before a name that describe the person ("the Austrian zoologist Karl von Frisch").
NAME_PARTICLES = frozenset(["von", "van", "de", "da", "der", "del", "di", "la", "le"])
# Capitalised words that name a body, not a person: "Who" would be the wrong question.
_ORGANISATIONS = (
    "labs laboratory laboratories university institute company corporation society agency "
    "council committee government army navy museum library school college association "
    "foundation academy office department ministry church party bank"
)
ORGANISATION_WORDS = frozenset(_ORGANISATIONS.split())


@dataclass(frozen=True)
class _Subject:
    text: str  # "the most common cause of CMT", parentheses left out
    end: int  # index of the copula token


@dataclass(frozen=True)
class _Passive:
    subject: str  # "the pH scale"
    verb: str  # "was introduced"
    date: str  # "1909", "11 April 1970" or ""
    name: str  # "Søren Sørensen" or ""


def attribute_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'The N of X is Y.' → attribute; 'X was V-ed in 1909 by Name' → date and agent;
    'Name V-ed X' → agent."""
    if unit.line.kind not in PROSE or not unit.sentence.text[:1].isupper():
        return
    tokens = tag(unit.sentence.text)
    entity = doc.entities[unit.section].short if unit.section in doc.entities else ""
    done = _passive(tokens) or _active(unit.sentence.text, tokens, doc.proper)
    if done is not None:
        yield from _done_facts(done, unit, entity)
        return
    for name in _people(tokens, doc.proper):
        yield Fact("person", name, name, unit, "agent", entity or name)
    text, frame = _reported(unit.sentence.text)
    tokens = tag(text) if frame else tokens
    found = _subject(tokens) if text.startswith("The ") else None
    value = _value(text, tokens, found.end + 1) if found else ""
    if found and value:
        verb = f"{frame}{tokens[found.end].text}"
        yield Fact("attribute", found.text, value, unit, "attribute", entity or found.text, verb)


def _reported(text: str) -> tuple[str, str]:
    """ "Research suggests that the main cause of RLS is …" → the clause ("The main cause
    …") and the frame its question keeps ("does research suggest "): the page reports the
    fact as a finding, and the question must not state it as more certain."""
    match = REPORTED_RE.match(text)
    if not match:
        return text, ""
    who = match.group("who")
    do = "do" if who.casefold().endswith("s") and who.casefold() != "evidence" else "does"
    verb = match.group("verb").casefold().removesuffix("s")
    clause = text[match.end() :]
    return clause[:1].upper() + clause[1:], f"{do} {who.casefold()} {verb} "


def _done_facts(done: _Passive, unit: Unit, entity: str) -> Iterator[Fact]:
    """Who did it (relation: the verb without "was"), and when (relation: "was introduced")."""
    if done.name:
        verb = done.verb.split(" ", 1)[1] if done.verb.startswith(COPULA_PREFIXES) else done.verb
        yield Fact("agent", done.subject, done.name, unit, "agent", entity or done.subject, verb)
    if done.date:
        yield Fact("date", done.subject, done.date, unit, "date", entity or done.subject, done.verb)


def _passive(tokens: tuple[Token, ...]) -> _Passive | None:
    """ "The pH scale was introduced in 1909 by the Danish chemist Søren Sørensen" → the pH
    scale, was introduced, 1909, Søren Sørensen: a noun phrase subject, a passive verb, a
    date or a person's name (or both)."""
    if not tokens or tokens[0].text.casefold() in POINTING_WORDS or tokens[0].tag == "IN":
        return None  # "Although lindane shampoo …": a subordinate clause, not a subject
    end = _owner_end(tokens, 0)
    if end is None or end > MAX_OWNER:
        return None
    verb, k = _passive_verb(tokens, end + 1)
    if not verb:
        return None
    date, k = _date(tokens, k)
    name = _names(tokens, k + 1) if k < len(tokens) and tokens[k].text == "by" else ""
    text = PARENTHESIS_RE.sub("", _joined(tokens, 0, end))
    first = tokens[0]
    if first.tag == "DT" or (first.tag in ("NN", "NNS") and first.text[1:].islower()):
        text = text[:1].lower() + text[1:]  # "the printing press", "penicillin"
    if not (date or name) or not names_a_topic(text):
        return None
    return _Passive(text, f"{tokens[end].text} {verb}", date, name)


def _passive_verb(tokens: tuple[Token, ...], k: int) -> tuple[str, int]:
    """ "first described", "worked out", "introduced" after a copula, and the index after."""
    verb: list[str] = []
    if k < len(tokens) and tokens[k].tag == "RB" and tokens[k].text.islower():
        verb.append(tokens[k].text)  # "was first described by"
        k += 1
    if k >= len(tokens) or tokens[k].tag not in ("VBN", "VBD"):
        return "", k
    verb.append(tokens[k].text)
    k += 1
    if k < len(tokens) and tokens[k].tag == "RP":  # "worked out"
        verb.append(tokens[k].text)
        k += 1
    return " ".join(verb), k


def _date(tokens: tuple[Token, ...], k: int) -> tuple[str, int]:
    """ "in 1909", "on 11 April 1970", "in December 1947" → the date and the index after."""
    if k >= len(tokens) or tokens[k].text not in ("in", "on"):
        return "", k
    parts: list[str] = []
    j = k + 1
    while j < len(tokens) and len(parts) < 3:
        word = tokens[j].text
        if not (word in MONTHS or (word.isdigit() and len(word) <= 4)):
            break
        parts.append(word)
        j += 1
    if not parts or not YEAR_RE.fullmatch(parts[-1]):
        return "", k
    return " ".join(parts), j


def _active(text: str, tokens: tuple[Token, ...], proper: frozenset[str]) -> _Passive | None:
    """ "Karl Landsteiner discovered the ABO system in 1901, and …" → who discovered the ABO
    system in 1901: a person's name, a past verb, its object to the clause's end."""
    if not tokens or tokens[0].tag not in ("NNP", "NNPS"):
        return None  # "The Declaration", "Transistors": a thing, not a person's name
    name, k = _name(tokens, 0, described=False)
    if any(part not in proper for part in name.split()):
        return None  # "Printing required …", "Opera used …": capitalised by the start only
    if (
        not name
        or k + 1 >= len(tokens)
        or tokens[k].tag not in ("VBD", "VBN")
        or tokens[k].text in COPULAS
    ):
        return None
    first = tokens[k + 1]
    if first.tag not in ("DT", "JJ", "NN", "NNS", "NNP", "CD") or first.text in POINTING_WORDS:
        return None
    rest = text[first.start :]
    cut = ANSWER_END_RE.search(rest)
    thing = PARENTHESIS_RE.sub("", rest[: cut.start()] if cut else rest).strip().rstrip(".!")
    said = {w.casefold() for w in words(thing)}
    if said & (POINTING_WORDS | {"that", "it", "him", "them"}) or not names_a_topic(thing):
        return None  # "published his results", "wrote that …": not a question on its own
    if len(words(thing)) > MAX_ANSWER_WORDS:
        return None
    return _Passive(thing, tokens[k].text, "", name)


def _people(tokens: tuple[Token, ...], proper: frozenset[str]) -> list[str]:
    """Names of two words or more the page writes mid-sentence, right before a past verb
    ("… and Rosalind Franklin produced …") or after "by": people who did something."""
    out: list[str] = []
    for k in range(1, len(tokens)):
        if tokens[k].tag != "NNP" or tokens[k - 1].tag == "NNP" or _inside_a_name(tokens, k):
            continue
        name, end = _name(tokens, k, described=False)
        done = end < len(tokens) and tokens[end].tag in ("VBD", "VBN")
        named = tokens[k - 1].text == "by" or done
        if named and len(name.split()) >= 2 and all(p in proper for p in name.split()):
            out.append(name)
    return out


def _inside_a_name(tokens: tuple[Token, ...], k: int) -> bool:
    """ "the Protestant Reformation", "the Stockton and Darlington Railway": a capitalised
    run after "the", or after "and"/"of" that joins it to a name before, is a body's name."""
    before = tokens[k - 1].text
    joined = before in ("and", "of", "&") and k >= 2 and tokens[k - 2].tag == "NNP"
    return before.casefold() == "the" or joined


def names_a_topic(subject: str) -> bool:
    """Does the subject hold a rare word or a name ("the double helix model", "Permethrin")?
    "the decision", "the first modern definition" leave the question as vague as a pronoun."""
    parts = words(subject)
    return any(
        zipf(w.casefold()) < TOPIC_ZIPF or (k and w[:1].isupper()) for k, w in enumerate(parts)
    )


def _subject(tokens: tuple[Token, ...]) -> _Subject | None:
    """ "The [modifiers] noun of [noun phrase]" up to a copula, or None."""
    i = 1
    while i < len(tokens) and i <= MAX_MODIFIERS and tokens[i].tag in MODIFIER_TAGS:
        i += 1
    head = i - 1
    if head < 1 or i >= len(tokens) or tokens[i].text != "of":
        return None
    if tokens[head].tag not in HEAD_TAGS or tokens[head].text.casefold() in VAGUE_HEADS:
        return None
    end = _owner_end(tokens, i + 1)
    if end is None:
        return None
    text = PARENTHESIS_RE.sub("", _joined(tokens, 0, end))
    return _Subject("the" + text[3:], end)  # asked mid-question: "What is the …?"


def _owner_end(tokens: tuple[Token, ...], start: int) -> int | None:
    """The copula's index after the owner noun phrase ("CMT (70–80% of the cases)")."""
    depth, count = 0, 0
    for k in range(start, len(tokens)):
        word = tokens[k].text
        if depth == 0 and word in COPULAS and count:
            return k
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            if word.casefold() in POINTING_WORDS or tokens[k].tag not in OWNER_TAGS | {"IN"}:
                return None
            count += 1
            if count > MAX_OWNER:
                return None
    return None


def _joined(tokens: tuple[Token, ...], start: int, end: int) -> str:
    """The tokens' text with the sentence's own spacing ("70–80%", "vitamin C")."""
    out = ""
    for k in range(start, end):
        gap = k > start and tokens[k].start > tokens[k - 1].end
        out += (" " if gap else "") + tokens[k].text
    return out


def _value(text: str, tokens: tuple[Token, ...], start: int) -> str:
    """The predicate after the copula, up to its own clause's end, or "" when it is not a
    thing or an action the question can ask for ("is unknown", "is not", "was found")."""
    if start >= len(tokens) or tokens[start].tag not in (
        "DT",
        "CD",
        "NN",
        "NNS",
        "NNP",
        "VBG",
        "TO",
    ):
        return ""
    if tokens[start].text.casefold() in POINTING_WORDS | {"not", "no"}:
        return ""
    rest = text[tokens[start].start :]
    cut = ANSWER_END_RE.search(rest)
    value = PARENTHESIS_RE.sub("", rest[: cut.start()] if cut else rest).strip().rstrip(".!")
    if not content_words(value) or len(words(value)) > MAX_ANSWER_WORDS:
        return ""
    return value


def _names(tokens: tuple[Token, ...], start: int) -> str:
    """One person's name, or two joined by "and" ("James Watson and Francis Crick")."""
    name, k = _name(tokens, start)
    if name and k + 1 < len(tokens) and tokens[k].text == "and":
        second, k = _name(tokens, k + 1)
        return f"{name} and {second}" if second else ""
    return name


def _name(tokens: tuple[Token, ...], start: int, described: bool = True) -> tuple[str, int]:
    """The person's name from ``start`` and the index after it: capitalised words (and
    "von", "de" between them), after an optional "the" and a description; "" if none or
    an organisation."""
    k = start
    if described and k < len(tokens) and tokens[k].text == "the":
        k += 1  # "the Swedish chemist Svante Arrhenius": the description is left out
        while k < len(tokens) and (tokens[k].tag == "JJ" or tokens[k].text[:1].islower()):
            if tokens[k].tag not in ("JJ", "NN"):
                return "", k
            k += 1
    parts: list[str] = []
    while k < len(tokens):
        word = tokens[k].text
        if word[:1].isupper() and word.isalpha():
            parts.append(word)
        elif not (parts and word in NAME_PARTICLES):
            break
        k += 1
    while parts and parts[-1] in NAME_PARTICLES:
        parts.pop()
        k -= 1
    if not parts or len(parts) > 4 or any(p.casefold() in ORGANISATION_WORDS for p in parts):
        return "", k
    if parts[-1].isupper() or zipf(parts[-1].casefold()) >= SURNAME_ZIPF:
        return "", k  # "FDA", "the Cold War": a body or an event, not a person
    return " ".join(parts), k

"""Terms of one kind in an article: the wrong options and false swaps a key term may take.

A key term's distractors must be things of its kind, drawn from the same article. Without a
parser that knows what a word means, two general English signals are reliable enough:

- the same head noun ("spring tides" / "neap tide", "motor neurons" / "sensory neuron"),
  each option then written with the answer's head word, so all agree in number;
- for numbers, the same unit ("70 mg/dL", "55 mg/dL"), wherever the article states them,
  and the same role: the words each side of a number (or a table cell's column header)
  say what it measures ("eat leftovers within 2 days", "cool rice within 1 hour", "typical time
  to symptoms: 2 to 5 days"); an option whose role shares no word with the answer's is of
  another thing (``same_role``);
- the same medical or chemical word ending on a rare single word (-itis/-osis/-emia
  conditions, -ine/-ide chemicals, -ase enzymes, -ology fields).

A term is kin of the answer only if it is not said in the answer's sentence, nor in a
sentence that shares much of the answer's sentence's content: there it might also be true.
Built once per article in linear time; lookups are dict accesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from questions.document import Document
from questions.facts_keyterms import number_group, phrases
from questions.lines import Line, is_citation
from questions.nlp import AFTER_VERB_SLOT, NOUN_TAGS, Token, noun_phrases, singular, tag
from questions.rarity import is_trivial_word, zipf
from questions.tables import CELL_SEP
from questions.textutil import content_stems, find_phrase, squash, words
from questions.years import cited_years

# Word endings of one class of thing (general English morphology, not any article's words).
SUFFIX_CLASSES = (
    # Not "-osis": it ends processes as often as conditions ("osmosis", "mitosis").
    ("condition", ("itis", "emia", "aemia", "pathy", "algia", "plegia")),
    ("chemical", ("ine", "ide")),
    ("enzyme", ("ase",)),
    ("field", ("ology",)),
)
RARE_SUFFIX_ZIPF = 3.5  # "medicine", "side", "case" are everyday words, not of the class
MAX_WORDS = 3
EVERYDAY_ADJECTIVE = 4.0  # "huge", "actual", "extra": they grade a thing, not sort it
# A sentence sharing this share of the answer sentence's content stems says much the same.
SAME_SAY = 0.4
SAME_SPELLING = 0.85
# Words that give a thing a second name in one sentence.
ALIAS_RE = re.compile(r"\b(?:called|known as|termed|named|also|i\.e\.|or)\b|\(", re.I)
OCCURRENCES = 4  # sentences remembered per term: bounded work per option
ROLE_WINDOW = 6  # words each side of a number that say what it measures
# Words around a number that say nothing of what it measures (general English).
_ROLE_NEUTRAL_WORDS = """
a an the of and or to is are was were be been being it its their this that these those
about approximately around roughly nearly almost some only just than more less least
most up usually typically often each every per as has have had can may
"""
ROLE_NEUTRAL = frozenset(_ROLE_NEUTRAL_WORDS.split())


@dataclass(frozen=True)
class Kinship:
    """Terms of the article by kind, and where each is said."""

    by_kind: dict[str, tuple[str, ...]]  # kind → terms in document order, one per folded form
    said_in: dict[str, tuple[int, ...]]  # folded term → indexes of units that say it
    unit_stems: tuple[frozenset[str], ...]  # content stems of each unit's sentence
    unit_text: tuple[str, ...]  # each unit's sentence
    number_roles: dict[str, frozenset[str]] = field(default_factory=dict)  # value → role

    def role(self, value: str) -> frozenset[str] | None:
        """What the article's first statement of ``value`` measures (``role_words``)."""
        return self.number_roles.get(squash(value))

    def numbers(self, group: str) -> tuple[str, ...]:
        """Numbers of the article counting one unit (``facts_keyterms.number_group``)."""
        return self.by_kind.get(group, ())

    def kin(self, answer: str, sentence: str, unit: int) -> list[str]:
        """Terms of ``answer``'s kind not said in, nor nearly in, its sentence."""
        kind = kind_of(answer)
        if not kind or squash(answer) not in self.said_in:
            return []  # the answer itself must name a kind of thing ("hatched lice" does not)
        own = self.unit_stems[unit] if 0 <= unit < len(self.unit_stems) else frozenset()
        out: list[str] = []
        named = words(answer)[-1][:1].isupper()
        for said in self.by_kind.get(kind, ()):
            if words(said)[-1][:1].isupper() != named:
                continue  # "Aletsch Glacier" is one glacier, not a kind of "valley glaciers"
            term = _as_number_of(said, answer)
            if squash(term) == squash(answer) or find_phrase(sentence, term) != -1:
                continue
            if same_thing(term, answer) or self._said_alike(said, own, answer):
                continue
            if self._named_alike(said, answer) or any(overlap(term, o) for o in (answer, *out)):
                continue  # "Lorentz force" for "electromagnetic force"; "blood pressure" twice
            out.append(term)
        return out

    def _named_alike(self, term: str, answer: str) -> bool:
        """Does a sentence say the term as another name of the answer ("the electromagnetic
        force, sometimes called the Lorentz force")?"""
        mark = words(answer)[0]
        for index in self.said_in.get(squash(term), ()):
            text = self.unit_text[index]
            if find_phrase(text, mark) != -1 and ALIAS_RE.search(text):
                return True
        return False

    def _said_alike(self, term: str, own: frozenset[str], answer: str) -> bool:
        """Is ``term`` said in a sentence much like the answer's? Then it may be true there."""
        shared_head = content_stems(answer) | content_stems(term)
        mine = own - shared_head
        for index in self.said_in.get(squash(term), ()):
            other = self.unit_stems[index] - shared_head
            if mine and len(mine & other) >= max(2, SAME_SAY * len(mine)):
                return True
        return False


def _as_number_of(term: str, answer: str) -> str:
    """``term`` with the answer's head word ("sensory neuropathy" beside "peripheral
    neuropathies" → "sensory neuropathies"): options agree in number."""
    head, own = words(answer)[-1], term.split()
    if len(own) < 2 or len(words(answer)) < 2:
        return term
    return " ".join([*own[:-1], head])


def overlap(a: str, b: str) -> bool:
    """The same thing, or two terms sharing a modifier as well as the head ("distal
    tubules", "distal convoluted tubules"): one may be a sort of the other."""
    if same_thing(a, b):
        return True
    mods_a = {w.casefold() for w in words(a)[:-1]}
    return bool(mods_a & {w.casefold() for w in words(b)[:-1]})


def same_thing(a: str, b: str) -> bool:
    """One term inside the other ("bulges" / "tidal bulges"), or one up to a plural."""
    fa, fb = squash(a), squash(b)
    if fa in fb or fb in fa or fa.rstrip("s") == fb.rstrip("s"):
        return True
    # Spellings of one word ("pediculicide" / "pediculocide") are one thing, not two.
    return SequenceMatcher(None, fa, fb).ratio() >= SAME_SPELLING


@lru_cache(maxsize=65536)
def kind_of(term: str) -> str:
    """The term's kind key, or "" when no reliable kind is known."""
    parts = words(term)
    if not parts or any(p[:1].isdigit() for p in parts) or len(parts) > MAX_WORDS:
        return ""
    if len(parts) > 1:
        head = parts[-1]
        if is_trivial_word(head) or not head.isalpha():
            return ""
        return f"head:{singular(head.casefold())}"  # options take the answer's number
    word = parts[0].casefold()
    if zipf(word) >= RARE_SUFFIX_ZIPF or not word.isalpha() or len(word) < 6:
        return ""
    for name, endings in SUFFIX_CLASSES:
        if word.endswith(endings):
            return f"suffix:{name}"
    return ""


@lru_cache(maxsize=16384)
def _terms(text: str) -> tuple[str, ...]:
    """The sentence's noun phrases that name a kind of thing: at most ``MAX_WORDS`` words,
    each modifier a noun or a rare adjective ("neap tides", "angular momentum"), never an
    everyday one that only grades the head ("huge tides", "greatest depths")."""
    out = []
    tokens = tag(text)
    for phrase in noun_phrases(text):
        before = [t for t in tokens if t.end <= phrase.start][-1:]
        if phrase.is_number or (before and _verb_slot(before[0])):
            continue  # "do not share combs": "share" is a verb the tagger read as a noun
        parts, tags = phrase.text.split(), list(phrase.tags)
        while len(parts) > 1 and is_trivial_word(parts[0].strip(",;:()")):
            parts, tags = parts[1:], tags[1:]
        if len(parts) != len(tags) or len(parts) > MAX_WORDS:
            continue  # a hyphen or a possessive split the words from their tags
        if before and before[0].text == "," and "JJ" in tags[:-1]:
            continue  # "a soft, ductile, reddish-orange metal": a description, not a sort
        if parts[-1][:1].isupper() and any(p[:1].islower() for p in parts):
            continue  # "naturalist Charles Darwin": a name with a description, not a name
        if all(_naming(w, t) for w, t in zip(parts[:-1], tags[:-1], strict=True)):
            out.append(" ".join(parts).strip(",;:()"))
    return tuple(out)


def _numbers(text: str) -> list[str]:
    """The sentence's numbers with their whole units ("3.0 mmol/L", "70 percent", "3.8
    centimeters per year", never "3.8 centimeters" of it: ``facts_keyterms.phrases``).
    Not a citation's numbers: a publication's year or pages are no fact of the topic."""
    cited = cited_years(text)
    return [
        p.text
        for p in phrases(text)
        if p.is_number and p.text[:1].isdigit() and len(p.text.split()) <= 4 and p.text not in cited
    ]  # "two weeks" in words: its range with "2–3 weeks" cannot be compared


def role_words(before: str, after: str = "") -> frozenset[str]:
    """The ``ROLE_WINDOW`` words each side of a number, folded and singular, without those
    that say nothing of what it measures: "Eat refrigerated leftovers within ___, except
    for cooked" → eat, refrigerated, leftover, within, except, for, cooked."""
    head = [w.casefold() for w in words(before) if w[:1].isalpha()][-ROLE_WINDOW:]
    tail = [w.casefold() for w in words(after) if w[:1].isalpha()][:ROLE_WINDOW]
    return frozenset(singular(w) for w in head + tail if w not in ROLE_NEUTRAL)


def same_role(answer_role: frozenset[str], option_role: frozenset[str] | None) -> bool:
    """May a number of ``option_role`` stand for one of ``answer_role``? Only when the two
    share a word of what they measure; an answer with no such words takes any."""
    if not answer_role:
        return True
    return option_role is not None and bool(answer_role & option_role)


def _number_role(doc: Document, unit_line: Line, text: str, value: str) -> frozenset[str]:
    """A number's role: the words before it, or for a table cell its column's header."""
    header = doc.table_header.get(unit_line.start)
    if unit_line.kind == "table_row" and header is not None:
        cells, names = text.split(CELL_SEP), header.text.split(CELL_SEP)
        column = next((k for k, c in enumerate(cells) if find_phrase(c, value) != -1), -1)
        return role_words(names[column]) if 0 <= column < len(names) else frozenset()
    at = find_phrase(text, value)
    return role_words(text[:at], text[at + len(value) :]) if at != -1 else frozenset()


def _verb_slot(token: Token) -> bool:
    return token.tag in AFTER_VERB_SLOT or token.text.casefold() in ("not", "n't", "n’t")


def _naming(word: str, tag: str) -> bool:
    """Does a modifier name a sort of the head (a noun, a rare adjective)?"""
    if tag in NOUN_TAGS:
        return word.isalpha() and not is_trivial_word(word)
    return tag == "JJ" and zipf(word) < EVERYDAY_ADJECTIVE and word.replace("-", "").isalpha()


def build_kinship(doc: Document) -> Kinship:
    by_kind: dict[str, list[str]] = {}
    seen: set[str] = set()
    said_in: dict[str, list[int]] = {}
    roles: dict[str, frozenset[str]] = {}
    stems = []
    numbers: dict[str, list[str]] = {}  # by sentence text: a long page repeats sentences
    for index, unit in enumerate(doc.units):
        text = unit.sentence.text
        stems.append(content_stems(text))
        if text not in numbers:
            numbers[text] = _numbers(text)
        for value in () if is_citation(unit.line.text) else numbers[text]:
            group = number_group(value, text)
            if squash(value) not in roles:  # the first saying of a number gives its role
                roles[squash(value)] = _number_role(doc, unit.line, text, value)
            if group.startswith("number:") and squash(value) not in seen:
                seen.add(squash(value))
                by_kind.setdefault(group, []).append(value)
        for term in _terms(text):
            key = squash(term)
            places = said_in.setdefault(key, [])
            if len(places) < OCCURRENCES and index not in places:
                places.append(index)
            kind = kind_of(term)
            if kind and key not in seen:
                seen.add(key)
                by_kind.setdefault(kind, []).append(term)
    return Kinship(
        {k: tuple(v) for k, v in by_kind.items()},
        {k: tuple(v) for k, v in said_in.items()},
        tuple(stems),
        tuple(u.sentence.text for u in doc.units),
        roles,
    )

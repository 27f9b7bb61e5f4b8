"""Acceptance rule for a pronoun inside a lifted sentence that names nothing before it.

The opener rules (``questions.acceptance``) catch a sentence that starts by pointing back
("It …", "These …"). A pronoun further in does the same when nothing before it in the
sentence can be what it stands for: "Between 1969 and 1972 it carried out six landings",
"Together with permanent snow, they store about ___", "Receivers that use ___ can remove
most of it". "it" needs a singular noun before it, "they" a plural one (or two nouns joined
by "and"), "its", "them" and "their" any noun. An "it" that anticipates ("it was claimed
that …") points at nothing. Measured on the graded questions of audits 0–13: seven failed
questions and none passed among those this rule finds (``docs/generator.md``).

A question that speaks in the first person singular ("Do I need antibiotics straight after
being bitten?", an FAQ page's heading) asks about the reader of the page, not a fact: a
teacher would rewrite it (audit 15). So does an FAQ heading that never names its topic
("How do you win a game?", "How is the board set up?" on a chess page: audit 16).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from questions.facts_attributes import names_a_topic
from questions.model import CLOZE_BLANK, Kind, Question
from questions.nlp import Token, tag
from questions.sentences import split_sentences

if TYPE_CHECKING:
    from questions.acceptance import Lexicon

REF_REASONS = {
    "dangling_pronoun": "a pronoun in the stem stands for something the stem does not name",
    "first_person": "the question speaks as the page's reader ('Do I …?', 'my child')",
    "unnamed_topic": "an FAQ heading that never names what it asks about ('How do you win?')",
    "faq_heading": "an FAQ heading asking how, why, who or when: its answer's first sentence",
}
# "you" of a page's FAQ heading is its reader: "How do you win a game?" asks of no game.
YOU_RE = re.compile(r"\b(?:you|your)\b", re.I)
THE_NOUN_RE = re.compile(r"\bthe\s+[a-z]", re.I)
# Outside quotation marks: a quoted "I" is a person of the article speaking.
# "I" only where a clause starts with it or a question puts it after its verb: "Elizabeth I",
# "World War I" are names.
FIRST_PERSON_RE = re.compile(
    r"\b(?:me|my|My|mine)\b|(?:^|[.?!,;:]\s*|\b(?i:do|can|should|will|am|have|if|when|"
    r"what|how|where|why|could|would|did|and|or|so|that|shall|may|must|was|need)\s+)I\b"
)
QUOTED_RE = re.compile(r"[“\"][^”\"]*[”\"]")
# Quantifiers that stand for a plural noun when a verb follows them: "many were", "some use".
QUANTIFIERS = frozenset(["many", "some", "most", "few", "several", "others", "both"])
SUBJECT_VERB_TAGS = frozenset(["VBD", "VBZ", "VBP", "MD"])
OWNER_FORMS = frozenset(["its", "them", "their", "theirs"])  # any noun before may own them
SINGULAR_NOUNS = frozenset(["NN", "NNP"])
PLURAL_NOUNS = frozenset(["NNS", "NNPS"])
# "it was claimed that", "it is likely that", "it takes": an "it" that points forward.
ANTICIPATORY = frozenset(["is", "was", "has", "had", "may", "can", "seems", "takes", "took"])


def dangling_pronoun(q: Question, lex: Lexicon) -> list[str]:
    """A cloze's or a true/false item's one sentence with a pronoun nothing before it names."""
    if q.kind not in (Kind.CLOZE, Kind.TRUE_FALSE):
        return []
    # A number's unit ("2,850 km") is no antecedent: "At roughly ___ long, it is …" names nothing
    filled = "" if any(c.isdigit() for c in q.answer) else q.answer
    text = q.prompt.replace(CLOZE_BLANK, filled) if q.kind == Kind.CLOZE else q.prompt
    if len(split_sentences(text.strip())) > 1:
        return []  # shown after the sentence it points to (``questions.antecedent``)
    return ["dangling_pronoun"] if _unnamed(tag(text)) else []


def unnamed_pronoun(sentence: str) -> bool:
    """Does a pronoun of the sentence name nothing the sentence said before it?"""
    return _unnamed(tag(sentence))


def _unnamed(tokens: tuple[Token, ...]) -> bool:
    """Does a subject pronoun come before any noun of its number, or an owner's or object's
    form ("its", "them", "their") before any noun at all?"""
    singular = plural = False
    for i, token in enumerate(tokens):
        word = token.text.casefold()
        if i and word in OWNER_FORMS and not (singular or plural):
            return True
        if i and word == "it" and not singular and not _anticipates(tokens, i):
            return True
        if i and word == "they" and not plural:
            return True
        if i and word in QUANTIFIERS and _subject(tokens, i) and not plural:
            return True  # "From the 1890s many were floated …": many what?
        if i and word in DEMONSTRATIVES and _stands_alone(tokens, i):
            return True  # "Machines changed this", "these were replaced": the sentence before
        named = i > 0 and token.text[:1].isupper() and token.tag == "JJ"  # "the late Baroque"
        singular = singular or token.tag in SINGULAR_NOUNS or named
        plural = plural or token.tag in PLURAL_NOUNS or (word == "and" and singular)
    return False


DEMONSTRATIVES = frozenset(["this", "these", "those"])
# What follows a demonstrative that stands for something rather than pointing at a noun.
_AFTER_PRONOUN = frozenset(["IN", "TO", "MD", "CC", ",", ".", ";", ":", "VB", "VBD", "VBZ"])
_AFTER_PRONOUN |= {"VBP", "VBN", "VBG", "RB"}


def _stands_alone(tokens: tuple[Token, ...], i: int) -> bool:
    """Is the demonstrative at ``i`` a pronoun: a verb, a preposition or the end after it?
    Not after "and" or a comma: "… are slower, and this can be measured" sums up its own
    sentence's clause."""
    if tokens[i - 1].text.casefold() in ("and", ",", "but", ";", "so"):
        return False
    return i + 1 == len(tokens) or tokens[i + 1].tag in _AFTER_PRONOUN


def _subject(tokens: tuple[Token, ...], i: int) -> bool:
    """Is the quantifier at ``i`` a subject on its own: a verb right after it ("many were")?"""
    return i + 1 < len(tokens) and tokens[i + 1].tag in SUBJECT_VERB_TAGS


def _anticipates(tokens: tuple[Token, ...], i: int) -> bool:
    """ "it was claimed that …": "it" before a verb of being, seeming or taking."""
    after = tokens[i + 1].text.casefold() if i + 1 < len(tokens) else ""
    if tokens[i].text.casefold() != "it" or after not in ANTICIPATORY:
        return False
    if after in ("seems", "takes", "took"):
        return True
    # "it is likely that …", "it was decided to …"; not "it is the second-longest river"
    return any(t.text.casefold() in ("that", "to") for t in tokens[i + 2 : i + 6])


def first_person(q: Question, lex: Lexicon) -> list[str]:
    """A question (not a lifted sentence) whose stem says "I", "me" or "my"."""
    if q.kind == Kind.CLOZE:
        return []
    stem = QUOTED_RE.sub("", q.prompt)
    return ["first_person"] if FIRST_PERSON_RE.search(stem) else []


def unnamed_topic(q: Question, lex: Lexicon) -> list[str]:
    """An FAQ heading asked as it stands must name its topic: not "you" (the page's reader)
    and not "the board" without a rare word or a name ("Why are plants green?" stands)."""
    if q.fact_kind != "qa":
        return []
    if YOU_RE.search(q.prompt):
        return ["unnamed_topic"]
    vague = THE_NOUN_RE.search(q.prompt) and not names_a_topic(q.prompt)
    return ["unnamed_topic"] if vague else []


# A FAQ heading that asks what one thing is: "What is wear levelling?", "What was smallpox?"
WHAT_IS_RE = re.compile(r"^What (?:is|are|was|were) (?!.*\b(?:and|or)\b)(?:\S+\s?){1,5}\?$")


def faq_heading(q: Question, lex: Lexicon) -> list[str]:
    """A FAQ heading asked with the first sentence of its answer, where the heading asks
    how, why, who, when or whether: blind reviewers accepted such cards 6 times in 30, and
    5 times in 7 where the heading asks what a thing is (rounds 8-29); the first sentence
    of an answer sets the scene more often than it answers."""
    if q.fact_kind != "qa" or WHAT_IS_RE.match(q.prompt):
        return []
    return ["faq_heading"]


REF_RULES = (dangling_pronoun, first_person, unnamed_topic, faq_heading)

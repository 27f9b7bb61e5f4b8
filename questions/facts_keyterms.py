"""Key terms: the one word (or known term) of a sentence most worth blanking in a cloze.

A good blank is a content word the article uses rarely (so it carries the sentence's point),
long enough to be a real term, not after "a"/"an" (a grammatical cue), and leaves at least
four content words of context. Known terms (entity names, abbreviations) win over words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from questions.document import Document, Unit
from questions.facts import Fact
from questions.textutil import (
    GENERIC,
    PRONOUNS,
    STOPWORDS,
    WORD_RE,
    content_words,
    is_acronym,
    words,
)

TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z\-]*[A-Za-z]")  # a blankable word: letters and hyphens
MIN_CONTEXT = 4
# Evaluative words make blanks a learner can only guess ("crucial for ___ diagnosis").
_WEAK_WORDS = """
    proper appropriate crucial important essential vital various several common
    different possible potential delicate certain particular specific overall major
    minor main key significant serious severe persistent effective effectively early
    late good better best great large small wide range
"""
WEAK = frozenset(_WEAK_WORDS.split())
_BEFORE_NOUN_WORDS = """
    the of in for to with from by on into between their its
"""
BEFORE_NOUN = frozenset(_BEFORE_NOUN_WORDS.split())
_BEFORE_VERB_WORDS = """
    can may might could will would should must often to does do did not
"""
BEFORE_VERB = frozenset(_BEFORE_VERB_WORDS.split())
AFTER_VERB = frozenset(["a", "an", "the", "this", "that", "these", "on", "to"])
ANAPHORIC = frozenset(["this", "that", "these", "those"])
MIN_SCORE = 8.0
META_RE = re.compile(r"\b(?:you|your|this article|this post|this guide|we will|we'll)\b", re.I)
# "Understanding X is crucial for …": an opinion about the topic, not a fact of it.
FILLER_RE = re.compile(r"\b(?:is|are) (?:crucial|vital|essential|important|key|critical)\b", re.I)


def word_frequencies(doc: Document) -> Counter[str]:
    counts: Counter[str] = Counter()
    for unit in doc.units:
        counts.update(w.casefold() for w in words(unit.sentence.text))
    return counts


@lru_cache(maxsize=32768)
def _word_score(word: str) -> float:
    """The part of a word's score that depends on the word alone."""
    score = float(min(len(word), 12))
    if word.endswith("ly"):
        score -= 8  # adverbs make vague blanks
    elif word.endswith(("ing", "ed")):
        score -= 5  # verbs are guessable from grammar more than from knowledge
    if is_acronym(word):
        score += 4
    return score


def _score(word: str, freq: int, prev: str, nxt: str, title: frozenset[str]) -> float:
    score = _word_score(word)
    if word.casefold() in title:
        score -= 6  # the deck's title already says it: no knowledge is tested
    if prev in ANAPHORIC:
        score -= 6  # "this process": a noun that only points back
    if prev in BEFORE_NOUN:
        score += 2  # starts a noun phrase: likely the thing itself
    if prev in BEFORE_VERB or nxt in AFTER_VERB:
        score -= 4  # in a verb slot: guessable from grammar
    score += 6 if freq <= 1 else 3 if freq == 2 else 0
    return score


def best_blank(
    text: str,
    freq: Counter[str],
    lo: int = 0,
    hi: int | None = None,
    title: frozenset[str] = frozenset(),
) -> tuple[int, int] | None:
    """Span of the best single-word blank of ``text`` within [lo, hi), or None."""
    hi = len(text) if hi is None else hi
    if len(content_words(text)) - 1 < MIN_CONTEXT:
        return None
    tokens = [(m.start(), m.end(), m.group().casefold()) for m in WORD_RE.finditer(text)]
    best: tuple[float, int, int] | None = None
    for i, (start, end, folded) in enumerate(tokens):
        word = text[start:end]
        if start < lo or end > hi or not TOKEN_RE.fullmatch(word) or _ends_possessive(text, end):
            continue
        if folded in STOPWORDS or folded in GENERIC or folded in PRONOUNS or folded in WEAK:
            continue
        if len(word) < 5 and not is_acronym(word):
            continue
        prev = tokens[i - 1][2] if i else ""
        if prev in ("a", "an"):
            continue  # the article before the blank would hint at the answer
        nxt = tokens[i + 1][2] if i + 1 < len(tokens) else ""
        score = _score(word, freq[folded], prev, nxt, title)
        if score >= MIN_SCORE and (best is None or score > best[0]):
            best = (score, start, end)
    return (best[1], best[2]) if best else None


def _ends_possessive(text: str, end: int) -> bool:
    return text[end : end + 1] in ("'", "’")


def key_term_extractor(
    freq: Counter[str], title: str
) -> Callable[[Document, Unit], Iterator[Fact]]:
    title_words = frozenset(w.casefold() for w in words(title))

    def key_term_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
        if unit.line.kind not in ("paragraph", "list_item"):
            return  # a lead-in ("Options may include:") announces, it does not state
        text = unit.sentence.text
        if META_RE.search(text) or FILLER_RE.search(text):
            return  # advice to the reader or talk about the article: nothing to learn
        lo = text.find(": ") + 2 if unit.line.kind == "list_item" and ": " in text[:60] else 0
        span = best_blank(text, freq, lo, title=title_words)
        if span is None:
            return
        entity = doc.entities.get(unit.section)
        term = text[span[0] : span[1]]
        subject = f"{doc.section_name(unit.section)}: {' '.join(content_words(text)[:4])}"
        yield Fact(
            "key_term",
            subject,
            term,
            unit,
            "key_term",
            entity.short if entity else doc.section_name(unit.section),
            str(span[0]),
        )

    return key_term_facts

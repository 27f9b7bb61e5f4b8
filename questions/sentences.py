"""Split a line of canonical text into sentences with absolute offsets (no NLTK, no models).

A sentence ends at ``.``, ``!`` or ``?`` (optionally followed by a closing quote or bracket)
when whitespace and an upper-case letter, digit or opening quote follow, unless the word
before the stop is a known abbreviation ("e.g.", "Dr.", "vs.") or a single initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ABBREVIATIONS_WORDS = """
    e.g i.e etc vs cf al dr mr mrs ms prof st jr sr fig figs no nos approx ca est inc
    ltd co corp dept univ vol pp ed eds op mt ft u.s u.k a.m p.m
"""
ABBREVIATIONS = frozenset(_ABBREVIATIONS_WORDS.split())
NEXT_INITIAL_RE = re.compile(r"\s+[A-Z]\.\s")
BOUNDARY = re.compile(r"[.!?]+[\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int


def _is_abbreviation(text: str, stop: int) -> bool:
    """Is the full stop at ``stop`` the end of an abbreviation rather than a sentence?"""
    if text[stop] != ".":
        return False
    head = text[max(0, stop - 12) : stop]  # bounded look-back keeps long lines linear
    token = head.rsplit(None, 1)[-1] if head.strip() else ""
    token = token.lstrip('("“‘[').casefold()
    if token.isdigit() and len(token) <= 3:
        before = text[max(0, stop - len(token) - 3) : stop - len(token)].rstrip()
        if not before or before[-1] in ".!?:":
            return True  # "1. Amyotrophic Lateral Sclerosis (ALS)": an enumerator, not a sentence
    if len(token) == 1 and token.isalpha() and NEXT_INITIAL_RE.match(text, stop + 1):
        return True  # "by J. W. Pepper": an initial before another is one name
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha() and _initial(head))


def _initial(head: str) -> bool:
    """A single letter before a stop is an initial ("George W. Bush", "J. R. Smith") unless a
    lower-case word comes before it: "vitamin D." and "type B." end their sentence."""
    words = head.split()
    return len(words) < 2 or not words[-2][:1].islower()


def split_sentences(text: str, offset: int = 0) -> list[Sentence]:
    """Sentences of ``text``; ``offset`` is where ``text`` starts in the canonical text."""
    return [Sentence(body, offset + begin, offset + end) for body, begin, end in _split(text)]


# A long page repeats its lines word for word: each is split once, at offsets within it.
@lru_cache(maxsize=65536)
def _split(text: str) -> tuple[tuple[str, int, int], ...]:
    out: list[tuple[str, int, int]] = []
    start = 0
    for match in BOUNDARY.finditer(text):
        if _is_abbreviation(text, match.start()):
            continue
        _append(out, text, start, match.end())
        start = match.end()
    _append(out, text, start, len(text))
    return tuple(out)


def _append(out: list[tuple[str, int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    body = chunk.strip()
    if body:
        begin = start + lead
        out.append((body, begin, begin + len(body)))

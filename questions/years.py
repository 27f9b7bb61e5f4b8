"""Years as wrong options: which of the article's other years a year's multiple choice may offer.

The candidates are the years the article's body states (``questions.kinship``; a reference
list never reaches the body, ``questions.lines``). Three rules keep an option plausible and
still clearly wrong:

- **Order.** A stem that states other years ("first established in ___ and re-founded in
  1159") fixes on which side of each the answer lies; an option on the other side is
  ruled out by the stem itself. Every option keeps the answer's side (before, within,
  after) of every year, decade ("the late 1430s") and century ("the 12th century") the
  stem states.
- **Span.** An option from another era of the article (1980 for a founding in 1143) is
  absurd. An era is measured on the article's own timeline: an option lies within a
  quarter of the spread of the body's years of the answer, and never needs to be closer
  than ``MIN_SPAN`` years. A quarter, because an article's dates fall in a few eras
  (origins, height, decline, legacy) and a quarter keeps an event's neighbours while
  dropping the far ends; fifty years, because in a short timeline (the decade of a war)
  every year the article gives is plausible.
- **Citations.** A year in an inline citation ("(Dollinger 1970)", "(Smith et al., 2005)")
  is a publication's year, not an event's: never an option.

Fewer options than a multiple choice needs: no multiple choice (the cloze stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

MIN_SPAN = 50
SPAN_SHARE = 0.25
YEAR_RE = re.compile(r"(?<![\d,.])(1\d{3}|20\d{2})(s)?(?![\d%])(?![,.]\d)")
CENTURY_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)[ -]centur(?:y|ies)\b", re.IGNORECASE)
# "(Dollinger 1970)", "(Smith and Jones, 1988; …)", "(see Lloyd et al. 1991)".
INLINE_CITATION_RE = re.compile(
    r"\((?:see |e\.g\.,? |cf\. )?[A-Z][\w'’-]+(?:(?: and| &) [A-Z][\w'’-]+| et al\.?)?,? "
    r"(1\d{3}|20\d{2})[a-z]?(?:[,;:][^()]*)?\)"
)


# "AD 79", "1500 BC", "c. 250 BCE": an era marks a number as a year.
ERA_RE = re.compile(r"\b(?:AD|BC|BCE|CE)\b")
CIRCA_RE = re.compile(r"(?:c\.|ca\.|circa)?\s*\d{3,4}s?")  # "c. 600", "600": a year alone


def is_date(term: str) -> bool:
    """Does a list's term name a time ("1923", "c. 1475", "AD 79", "the 5th century"), not a
    thing that holds a number ("Road bike, 25 mm tyres", "Pit 1")?"""
    found = YEAR_RE.search(term) or CENTURY_RE.search(term) or CIRCA_RE.fullmatch(term.strip())
    return bool(found) or (ERA_RE.search(term) is not None and any(c.isdigit() for c in term))


def stated_spans(text: str) -> list[tuple[int, int]]:
    """The years a text states, each as the inclusive span it names: "1159" → (1159, 1159),
    "the 1430s" → (1430, 1439), "the 12th century" → (1100, 1199)."""
    spans = []
    for match in YEAR_RE.finditer(text):
        year = int(match.group(1))
        decade = bool(match.group(2)) and year % 10 == 0
        spans.append((year, year + 9 if decade else year))
    for match in CENTURY_RE.finditer(text):
        number = int(match.group(1))
        if 1 <= number <= 21:
            spans.append(((number - 1) * 100, number * 100 - 1))
    return spans


@lru_cache(maxsize=65536)
def cited_years(text: str) -> frozenset[str]:
    """The years of the text's inline citations: a publication's year, not an event's."""
    return frozenset(m.group(1) for m in INLINE_CITATION_RE.finditer(text))


def _side(year: int, span: tuple[int, int]) -> int:
    """-1 before the span, 0 within it, 1 after it."""
    return (year > span[1]) - (year < span[0])


def keeps_order(answer: int, option: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Does ``option`` lie on the answer's side of every span the stem states?"""
    return all(_side(option, span) == _side(answer, span) for span in spans)


def span_of(body: Iterable[str]) -> float:
    """How far a plausible option may lie from the answer, on this article's timeline."""
    years = [int(y) for y in body if y.isdigit()]
    spread = max(years) - min(years) if years else 0
    return max(float(MIN_SPAN), SPAN_SHARE * spread)


def plausible_years(answer: str, options: list[str], stem: str, body: Iterable[str]) -> list[str]:
    """The ``options`` a year's multiple choice may offer: on the answer's side of every
    year in ``stem`` (the sentence without the answer) and within ``span_of(body)`` of it."""
    if not answer.isdigit():
        return options
    key, spans, reach = int(answer), stated_spans(stem), span_of([*body, answer])
    return [
        o
        for o in options
        if o.isdigit() and abs(int(o) - key) <= reach and keeps_order(key, int(o), spans)
    ]

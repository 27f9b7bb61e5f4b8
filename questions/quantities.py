"""Quantities: a number with its whole unit, the span a numeric cloze blanks.

The tagger sees "0.002 second" as a number and an adjective and "3.8 centimeters per year" as
a noun phrase and a prepositional one, so a blank of the noun phrase alone would leave half
the unit visible or cut "per year" off. This module finds the whole quantity with generic
English patterns only (units of measure and time, number words, "one in N people"):

- a number (digits, a range "2–5", a number word "three", a fraction word "half") and up to
  two unit words, optionally "per UNIT": "0.002 second", "3.8 centimeters per year", "70 mg/dL";
- "one in 2,500 people": a rate with the noun it counts;
- "the last 3 months": a time span keeps its "first/last/past/next";
- "about half": a fraction word keeps its approximation ("about", "nearly", "almost");
- "between seven and nine hours": a range keeps both ends.

A number word without a unit ("one of the …", "four") is not a quantity: what it counts,
only the sentence says, and "one" is more often a pronoun than a number.
"""

from __future__ import annotations

import re
from functools import lru_cache

_UNIT_WORDS = """
    second seconds minute minutes hour hours day days week weeks month months year years
    decade decades century centuries millennium millennia
    millisecond milliseconds microsecond microseconds nanosecond nanoseconds
    meter meters metre metres centimeter centimeters centimetre centimetres millimeter
    millimeters millimetre millimetres kilometer kilometers kilometre kilometres
    micrometer micrometers nanometer nanometers inch inches foot feet yard yards mile miles
    gram grams kilogram kilograms milligram milligrams microgram micrograms pound pounds
    ounce ounces ton tons tonne tonnes liter liters litre litres milliliter milliliters
    millilitre millilitres gallon gallons cup cups teaspoon teaspoons tablespoon tablespoons
    percent degree degrees calorie calories kilocalorie kilocalories joule joules volt volts
    ampere amperes amp amps watt watts ohm ohms hertz kelvin newton newtons pascal pascals
    mole moles unit units dose doses times mg kg mcg µg ml mL cm mm km nm µm
    mmol mEq IU kcal kJ Hz kHz MHz GHz kW MW min ms ppm
"""
UNITS = frozenset(_UNIT_WORDS.split())
_NUMBER_WORDS = """
    two three four five six seven eight nine ten eleven twelve fifteen twenty thirty
    forty fifty sixty seventy eighty ninety hundred thousand million billion dozen
"""
NUMBER_WORDS = frozenset(_NUMBER_WORDS.split())
_DIGITS = r"[$£€]?\d+(?:[.,]\d+)*(?:\s?(?:–|-|to)\s?\d+(?:[.,]\d+)*)?"
_WORD = rf"(?:{'|'.join(sorted(NUMBER_WORDS))})(?:[\s-](?:{'|'.join(sorted(NUMBER_WORDS))}))*"
_NUMBER = rf"(?:{_DIGITS}|{_WORD}(?:\s(?:to|or)\s{_WORD})?)"
_UNIT = rf"(?:{'|'.join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))})"
QUANTITY_RE = re.compile(
    rf"(?<![\w.,])(?:(?:the\s)?(?P<span>first|last|past|next)\s|between\s{_NUMBER}\sand\s)?"
    rf"(?P<number>{_NUMBER})(?:\s?(?:%|°[CF]?)|\s(?P<unit>{_UNIT}(?:/[A-Za-zµ]{{1,4}})?)"
    rf"(?:\s(?:per|a|an)\s{_UNIT})?)(?![\w/])",
    re.I,
)
DIGIT_OR_WORD_RE = re.compile(
    rf"\d|\b(?:{'|'.join(sorted(NUMBER_WORDS))}|half|third|quarter)", re.I
)
RATE_RE = re.compile(rf"(?<![\w.,])(?:one|1)\sin\s(?:every\s)?{_DIGITS}(?:\s[a-z]+)?(?![\w])", re.I)
FRACTION_RE = re.compile(
    r"(?<![\w-])(?:(?:about|nearly|almost|roughly|around|approximately|over|under)\s)?"
    r"(?:a\s|one\s)?(?:half|third|quarter|two-thirds|three-quarters)(?![\w-])",
    re.I,
)


@lru_cache(maxsize=65536)
def quantities(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the quantities of ``text``, in order, none overlapping another."""
    if not DIGIT_OR_WORD_RE.search(text):
        return ()  # most sentences hold no number at all: one cheap scan says so
    found: list[tuple[int, int]] = []
    for pattern in (RATE_RE, QUANTITY_RE, FRACTION_RE):
        for match in pattern.finditer(text):
            span = _span(match)
            if span and not any(s < span[1] and span[0] < e for s, e in found):
                found.append(span)
    return tuple(sorted(found))


def _span(match: re.Match[str]) -> tuple[int, int] | None:
    """The quantity's span without a leading "the"; a time word ("last") only before a unit
    of time; a number word only with a unit (or a "%" sign)."""
    start, end = match.span()
    text = match.group()
    if text.casefold().startswith("the "):
        start += 4
    groups = match.groupdict()
    number = groups.get("number")
    if number is not None and not number[:1].isdigit() and not groups.get("unit"):
        return None  # "four" alone: the sentence, not the number, says what it counts
    if groups.get("span") and not groups.get("unit"):
        start = match.start("number")
    return start, end


@lru_cache(maxsize=65536)
def is_quantity(text: str) -> bool:
    """Is ``text`` exactly one quantity ("3.8 centimeters per year", "about half")?"""
    return any(span == (0, len(text)) for span in quantities(text))

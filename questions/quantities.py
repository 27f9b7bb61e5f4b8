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
only the sentence says, and "one" is more often a pronoun than a number. A unit with
exponents is whole: "41 mg m⁻²", "3 M⁻¹ cm⁻¹".

``unit_key`` folds a quantity's whole unit, so that numbers are compared only with numbers
of the same unit: plural and singular, a spelled-out unit and its symbol ("percent" = "%",
"milligrams" = "mg", "per day" = "/day") are one; "mg m⁻²" is not "mg", nor "mg/dL" "mmol/L".
"""

from __future__ import annotations

import re
from functools import lru_cache

from questions.nlp import singular

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
    mmol mEq IU kcal kJ Hz kHz MHz GHz kW MW min ms ppm psi bar kPa MPa atm mmHg
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
_EXPONENT = r"[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+"
# A symbol with an exponent is a unit whatever its letters: "M⁻¹", "m⁻²", "s⁻¹".
_POWER = rf"[A-Za-zµ]{{1,3}}{_EXPONENT}"
QUANTITY_RE = re.compile(
    rf"(?<![\w.,])(?:(?:the\s)?(?P<span>first|last|past|next)\s|between\s{_NUMBER}\sand\s)?"
    rf"(?P<number>{_NUMBER})(?:\s?(?:%|°[CF]?)|\s(?P<unit>(?:{_UNIT}(?:/[A-Za-zµ]{{1,4}})?"
    rf"|{_POWER})(?:\s{_POWER})*)(?:\s(?:per|a|an)\s{_UNIT})?)(?![\w/])",
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


# A spelled-out unit (singular, folded) → its symbol: the two are one unit.
SYMBOLS = {
    "percent": "%", "milligram": "mg", "microgram": "µg", "mcg": "µg", "gram": "g",
    "kilogram": "kg", "millimeter": "mm", "millimetre": "mm", "centimeter": "cm",
    "centimetre": "cm", "meter": "m", "metre": "m", "kilometer": "km", "kilometre": "km",
    "milliliter": "ml", "millilitre": "ml", "liter": "l", "litre": "l", "second": "s",
    "sec": "s", "minute": "min", "hour": "h", "hr": "h", "degree": "°",
}  # fmt: skip
NUMBER_PART_RE = re.compile(r"^[$£€]?[0-9][0-9.,⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*(?:[–-][0-9][0-9.,]*)?")
RATE_START_RE = re.compile(r"^(?:one|1)\s+in\s", re.I)


def unit_key(quantity: str) -> str:
    """The quantity's whole unit, folded ("3.8 centimeters per year" → "cm/year", "85 per
    cent" → "%", "41 mg m⁻²" → "mg m⁻²"); "" for a bare number; a rate ("one in 2,500
    people") is not a count ("3 people")."""
    tokens = quantity.replace("per cent", "percent").split()
    numeric = [
        i for i, t in enumerate(tokens) if NUMBER_PART_RE.match(t) or t.casefold() in NUMBER_WORDS
    ]
    if not numeric:
        return ""
    last = numeric[-1]
    unit = ""
    glued = NUMBER_PART_RE.sub("", tokens[last])  # "130°F", "85%": a unit glued on
    glued = "" if glued == tokens[last] else glued  # a number word: no unit glued on
    for token in [glued, *tokens[last + 1 :]]:
        folded = "/" if token.casefold() in ("per", "a", "an") else _fold_unit(token)
        glue = "" if not unit or "/" in (unit[-1], folded) else " "
        unit += glue + folded
    unit = tokens[last][:1] + unit if tokens[last][:1] in "$£€" else unit  # "$5 a day"
    return f"1 in {unit}" if RATE_START_RE.match(quantity) else unit


def _fold_unit(token: str) -> str:
    """One unit word or symbol folded: "Milligrams" → "mg", "mg/dL" → "mg/dl"; a lone capital
    with an exponent keeps its case ("M⁻¹", molar, is not "m⁻¹", per metre)."""
    pieces = []
    for piece in token.strip(",;:()").split("/"):
        if re.fullmatch(r"[A-KM-Z][^A-Za-z]*", piece):
            pieces.append(piece)
            continue
        folded = piece.casefold()
        word = singular(folded) if folded.isalpha() and len(folded) > 3 else folded
        pieces.append(SYMBOLS.get(word, word))
    return "/".join(pieces)

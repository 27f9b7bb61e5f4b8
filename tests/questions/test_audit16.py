"""Blind audit 16 (h45–h48): four-digit ratings are no years, a timeline's line is asked by
its date, a glossary definition cut at ";" goes on, and a number swapped beside other
numbers makes no false statement. The refused blanks and stems of that audit are cases of
``tests/questions/test_acceptance.py`` (glossed_blank, compound_cut, unnamed_topic, bad_span,
openers). Texts are written for these tests."""

from __future__ import annotations

from questions.facts_keyterms import YEARS, number_group
from questions.model import Kind
from tests.questions.candidate_support import candidate_questions


def test_a_four_digit_count_beside_a_larger_one_is_no_year() -> None:
    rated = "A club player is rated around 2000, and a grandmaster at least 2500."
    assert number_group("2000", rated) != YEARS
    assert number_group("1886", "In 1886 the first official match was played.") == YEARS


TIMELINE = """# Chess facts

## History

Chess developed from chaturanga in India. It spread to Persia and then to Europe.

## Timeline: key dates in chess history

- c. 600: chaturanga is played in northern India
- c. 1475: modern rules for the queen and bishop appear in Spain
- 1886: Wilhelm Steinitz becomes the first official world champion
- 1997: the computer Deep Blue defeats Garry Kasparov in a match
"""


def test_a_timeline_line_is_asked_by_its_date_among_the_others() -> None:
    asked = [q for q in candidate_questions(TIMELINE, "md") if q.fact_kind == "list_item"]
    assert asked and not any("list on" in q.prompt for q in asked)
    choice = next(q for q in asked if q.kind == Kind.MULTIPLE_CHOICE and q.answer == "1886")
    assert "Wilhelm Steinitz becomes the first official world champion" in choice.prompt
    assert set(choice.options) == {"c. 600", "c. 1475", "1886", "1997"}


GLOSSARY = """WAVES AND SOUND

3.1 What sound is

Sound is a mechanical wave: a travelling disturbance of the particles of
a medium such as air, water or steel. A vibrating object pushes on the
air next to it and squeezes the particles together, and then it pulls
back and lets them spread apart again. These squeezed and spread regions
travel outwards from the source while each particle only moves back and
forth about its own rest position, so the medium itself does not travel.
The loudness of a sound depends on how far the particles are displaced.

Key Terms

frequency: the number of waves that pass a point each second, measured
    in hertz
decibel (dB): the unit of a logarithmic scale of sound intensity level;
    an increase of 10 dB is a tenfold increase in intensity
amplitude: the greatest distance a particle moves from its rest position
wavelength: the distance between two neighbouring compressions of a wave
"""


def test_a_definition_cut_at_a_semicolon_goes_on() -> None:
    defined = {
        q.answer: q.prompt
        for q in candidate_questions(GLOSSARY, "txt")
        if q.prompt.startswith("Which term does the article define as")
    }
    assert "tenfold increase in intensity" in defined["Decibel (dB)"]


def test_no_false_statement_swaps_one_of_several_numbers() -> None:
    text = """# Sound

## Speed

Sound travels at about 343 m/s in air at 20 °C, so it covers 1 km in about 3 seconds.
In water sound travels at about 1,480 m/s. In steel it reaches about 5,900 m/s.
"""
    false = [
        q.prompt
        for q in candidate_questions(text, "md")
        if q.kind == Kind.TRUE_FALSE and q.answer == "False"
    ]
    assert not any("1 km" in s for s in false)

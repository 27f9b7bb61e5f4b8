"""Numbers are siblings only of numbers of the same whole unit (issue 13): the unit is
compared whole and folded (plural, spelled out or a symbol), never by its last word."""

from __future__ import annotations

import pytest

from questions.facts_keyterms import number_group
from questions.kinship import build_kinship
from questions.pipeline import analyse
from questions.quantities import quantities


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("85 percent", "40%"),
        ("85 per cent", "12 percent"),
        ("5 kilograms", "10 kg"),
        ("0.002 second", "5 seconds"),
        ("2,300 mg/day", "3,400 mg per day"),
        ("200 micrograms/kg", "400 mcg/kg"),
        ("70 mg/dL", "55 milligrams/dL"),
        ("3 weeks", "2–5 weeks"),
    ],
)  # fmt: skip
def test_one_unit_spelled_two_ways_is_one_group(one: str, other: str) -> None:
    assert number_group(one) == number_group(other)
    assert number_group(one).startswith("number:")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("41 mg m⁻²", "3 M⁻¹ cm⁻¹"),
        ("41 mg m⁻²", "3,400 mg"),
        ("70 mg/dL", "3.9 mmol/L"),
        ("3.8 centimeters per year", "2 years"),
        ("one in 2,500 people", "3 people"),
        ("3 M⁻¹", "3 m⁻¹"),
    ],
)  # fmt: skip
def test_different_whole_units_are_never_siblings(one: str, other: str) -> None:
    assert number_group(one) != number_group(other)


def test_a_unit_with_exponents_is_part_of_its_quantity() -> None:
    text = "Leaves hold 41 mg m⁻² of it, and its coefficient is 3 M⁻¹ cm⁻¹ at that peak."
    assert [text[s:e] for s, e in quantities(text)] == ["41 mg m⁻²", "3 M⁻¹ cm⁻¹"]


ARTICLE = """# Blood sugar

Low blood sugar is a level below 70 mg/dL for most people with diabetes.
A level below 3.9 mmol/L is low blood sugar in countries that measure in moles.
A level below 54 mg/dL is serious and needs treatment at once by a helper.
The Moon moves away from the planet by 3.8 centimeters per year, lasers show.
A person with diabetes checks the level for 2 years after a change of treatment.
"""


def test_the_article_numbers_of_a_unit_are_only_those_of_its_whole_unit() -> None:
    kinship = build_kinship(analyse(ARTICLE, "md").doc)
    assert kinship.numbers(number_group("70 mg/dL")) == ("70 mg/dL", "54 mg/dL")
    assert kinship.numbers(number_group("2 years")) == ("2 years",)
    assert kinship.numbers(number_group("1 centimeter per year")) == ("3.8 centimeters per year",)

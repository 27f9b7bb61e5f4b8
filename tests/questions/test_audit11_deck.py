"""Audit 11 (h26 vitamin C, h27 copper): a key-facts value is not asked for its label, an
adjective is no category of options, and one person is not asked twice by two names."""

from __future__ import annotations

from pathlib import Path

from questions.build import is_value
from questions.kinship import _terms
from questions.model import Bank, Kind
from questions.pipeline import generate
from questions.ranking import name_key
from questions.reading import RawArticle, read_article

HELDOUT = Path(__file__).resolve().parents[2] / "benchmarks" / "heldout"

KEY_FACTS = """# Vitamin C

Vitamin C is a nutrient that the body needs to form blood vessels and collagen.

## Key facts

- Chemical name: L-ascorbic acid
- Chemical formula: C6H8O6
- Molar mass: 176.12 g/mol
- Solubility: water-soluble
- Deficiency disease: scurvy

## History

In 1747 the Scottish naval surgeon James Lind carried out one of the first controlled
clinical trials aboard HMS Salisbury. Lind published his results in A Treatise of the Scurvy
in 1753. Sailors on long voyages ate salted meat and ship's biscuit for months. Citrus
fruit prevented the disease in the trial, while cider and vinegar did not. The Royal Navy
issued lemon juice routinely to its sailors from 1795 onwards, and scurvy disappeared from
its ships within a few years.
"""


def _bank(text: str) -> Bank:
    return generate(RawArticle(filename="vitamin-c.md", text=text, fmt="md"))[0]


def test_a_value_is_not_asked_for_its_label() -> None:
    assert is_value("176.12 g/mol") and is_value("C6H8O6") and is_value("water-soluble")
    assert not is_value("checking for electrolyte imbalances, such as hypocalcemia")
    bank = _bank(KEY_FACTS)
    assert not [q for q in bank.questions if "which item is described as" in q.prompt]
    cards = [q for q in bank.questions if q.prompt.endswith("involve?")]
    assert not [q for q in cards if is_value(q.answer)]


def test_an_adjective_is_no_category() -> None:
    said = "It is a soft, ductile, reddish-orange metal that conducts heat well."
    assert "reddish-orange metal" not in _terms(said)
    assert "transition metals" in _terms("Copper belongs to the transition metals.")


def test_a_name_and_its_last_word_are_one_answer() -> None:
    assert name_key("James Lind") == ("lind", True)
    assert name_key("Lind") == ("lind", False)
    assert name_key("fresh fruit") is None
    bank = generate(read_article(HELDOUT / "h26-vitamin-c.md"))[0]
    lind = [q for q in bank.questions if q.kind != Kind.TRUE_FALSE and "Lind" in q.answer]
    assert [q.answer for q in lind] == ["James Lind"]

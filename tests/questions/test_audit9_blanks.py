"""Blind audits 8b and 9 (h13–h20): which span a cloze blanks. A blank is one whole noun
phrase (never a verb the tagger read as a noun, never a date run into the name after it, never
one word of a name or a possessive), the stem does not give it away in another form (a formula
in brackets, the other half of a contrast), and a common noun is not blanked while the
sentence's real fact (a full name, a number, a rarer noun) stays in the stem. The texts are
general English written for these tests."""

from __future__ import annotations

import pytest

from questions.blankspan import (
    common_noun_blank,
    contrast_given,
    formula_beside,
    joins_phrases,
    part_of_name,
    swallows_verb,
)
from questions.facts_keyterms import candidates, vocabulary
from questions.pipeline import analyse

ARTICLE = """# Glassworks of Murlo

## The furnace

The kiln was looted by the raiders, and the kiln was never fired again after the kiln fell.
Workers drank water and other fluids, and fluids were carried in jugs.

The glassworks of Murlo made bottles, lamps and beads for three centuries.
The furnace burned beech wood, and the furnace was rebuilt every ten years.
The guild historian Pieter Vos described the furnace in his chronicle.
Beads were the main export of the town.
Beads were traded for salt.
"""


def offered(text: str) -> list[str]:
    """Every blank the sentence offers (before the ranking chooses among them)."""
    vocab = vocabulary(analyse(ARTICLE, "md").doc)
    return [text[s:e] for s, e, _ in candidates(text, 0, vocab)]


def span_of(text: str, answer: str) -> tuple[int, int]:
    start = text.index(answer)
    return start, start + len(answer)


@pytest.mark.parametrize(
    ("text", "never"),
    [
        # a verb read as a plural noun: "works well", "spreads from", "returns about"
        ("The Venn method works well for many common glasses but cannot explain why beads crack.",
         "Venn method works"),
        ("Cross-firing happens when harmful soot spreads from the kiln to the bench, either "
         "directly or through tools.", "harmful soot spreads"),
        ("Halley's Lamp returns about every 76 years and will next be lit in 2061.",
         "Halley's Lamp returns"),
        # a date run into the subject after it, a year into a count
        ("In March 1871 Hollis showed the furnace to the guild without permission.",
         "March 1871 Hollis"),
        ("In 1880 two glass lamps were found close to the quay.", "1880 two"),
        # a term run into the symbol the clause is about
        ("For lead glass Rf is about 1.7 at room temperature.", "lead glass Rf"),
    ],
)  # fmt: skip
def test_a_blank_is_one_noun_phrase(text: str, never: str) -> None:
    assert never not in offered(text)


def test_a_plural_noun_before_its_own_verb_is_still_a_phrase() -> None:
    text = "Muscle cramps at night are common among glassblowers."
    assert not swallows_verb(text, span_of(text, "Muscle cramps"))
    text = "The air holds about 420 parts per million of carbon dioxide."
    assert not swallows_verb(text, span_of(text, "420 parts"))


def test_a_number_written_without_a_space_is_one_number() -> None:
    text = "A 200mg tablet of the salt contains 65mg of lead."
    assert not joins_phrases(text, span_of(text, "65mg"))


def test_one_word_of_a_name_or_a_possessive_is_never_a_blank() -> None:
    text = "Pieter Vos does not, however, mention the glass lamps."
    assert "Pieter" not in offered(text) and "Vos" not in offered(text)
    assert part_of_name(text, span_of(text, "Pieter"))
    assert not part_of_name(text, span_of(text, "Pieter Vos"))
    text = "The sparks lag behind along the kiln's chimney and settle on the roof tiles."
    assert "kiln's" not in offered(text)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("An alkali produces hydroxide ions (OH-) when dissolved in water.", "hydroxide"),
        ("Glass etched with acid releases hydronium (H3O+) into the rinse water.", "hydronium"),
    ],
)
def test_a_formula_in_brackets_gives_the_blank_away(text: str, answer: str) -> None:
    assert formula_beside(text, span_of(text, answer))
    assert answer not in offered(text)


def test_a_bracketed_word_after_a_phrase_is_not_a_formula() -> None:
    text = "The boats were towed by horses (Trekpaarden) along the canal."
    assert not formula_beside(text, span_of(text, "horses"))


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Sand and potash moved westwards from the hills, while finished glass moved east.",
         "westwards"),
        ("A flux is an electron pair acceptor and a stabiliser is an electron pair donor.",
         "acceptor"),
        ("The sender and receiver used the same seal to close and open a crate.", "sender"),
    ],
)  # fmt: skip
def test_the_other_half_of_a_contrast_gives_the_blank_away(text: str, answer: str) -> None:
    assert contrast_given(text, span_of(text, answer))
    assert answer not in offered(text)


@pytest.mark.parametrize(
    ("text", "common", "better"),
    [
        # the name is the fact; the role noun is guessed from it
        ("One of the farmers, Jan Mertens, is often named as the discoverer, although "
         "several men from the same team took part.", "discoverer", None),
        # a frequent noun said once: a collocation, while the bottom shelf is the fact
        ("Store the raw beads in sealed containers on the bottom shelf of the drying room.",
         "containers", "bottom shelf"),
        ("Drink plenty of fluids while you work at the glory hole.", "fluids", None),
        # a frequent word the article says only twice is still guessed from its verb
        ("Drink plenty of fluids, taking small cups often if you feel faint.", "fluids",
         None),
        # the category of what the sentence has just named
        ("Do not wash raw chicken or other poultry before cooking it.", "poultry", None),
        # a frequent word the article repeats, beside this sentence's own full name
        ("The damage is attributed to the rebel captain Arno Dekker, who is said to have "
         "looted the furnace yard.", "furnace", "Arno Dekker"),
        # a common first word beside a number
        ("Astronomers divide lamps into two broad groups by wick length.", "Astronomers",
         "wick length"),
    ],
)  # fmt: skip
def test_a_common_noun_is_not_blanked_beside_the_sentences_fact(
    text: str, common: str, better: str | None
) -> None:
    assert common not in offered(text)
    if better is not None:
        assert better in offered(text)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("The figures were made to accompany the dead emperor into the afterlife.",
         "afterlife"),  # a rarer noun, and nothing more specific in the stem
        ("The sugars made in the Calvin cycle are stored as starch.", "starch"),  # a name
        # that modifies a noun is not the sentence's fact
        ("Most of the chariots have decayed, leaving only impressions in the mud.", "chariots"),
    ],
)  # fmt: skip
def test_a_rarer_or_specific_noun_is_still_blanked(text: str, answer: str) -> None:
    assert answer in offered(text)


def test_a_term_the_article_repeats_is_not_a_common_noun() -> None:
    text = "The kiln of Murlo was fed with wood from 1650."
    assert not common_noun_blank(text, span_of(text, "kiln"), False, lambda _: 3)
    assert "kiln" in offered(text)

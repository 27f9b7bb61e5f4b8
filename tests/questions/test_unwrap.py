"""Hard-wrapped text (a textbook or PDF copy broken at ~72 columns) is read a paragraph line
at a time, never a sentence half at a time; text that is not wrapped passes unchanged."""

from __future__ import annotations

from questions.normalise import canonical_text, hinted_lines
from questions.pipeline import generate
from questions.reading import RawArticle
from questions.unwrap import unwrapped, wrap_width

WRAPPED = """\
4.1 Introduction

Acids and bases are among the most familiar substances in chemistry. The
sour taste of lemon juice and vinegar comes from acids, while soaps,
baking soda and household ammonia are bases. Acids turn blue litmus
paper red, react with many metals to release hydrogen gas and react with
carbonates to give off carbon dioxide.

4.2 Defining Acids

The first modern definition was proposed by the Swedish chemist Svante
Arrhenius in 1884. According to his theory, an acid is a substance that
produces hydrogen ions when dissolved in water, and a base is a substance
that produces hydroxide ions in water. A Lewis acid is an electron pair
acceptor and a Lewis base is an electron pair donor, a definition that
covers reactions in which no protons are transferred at all.

Table 4.1  Strong acids
    Hydrochloric acid ............ HCl
    Sulfuric acid ................ H2SO4

KEY TERMS

buffer solution: a solution that resists changes in pH when small amounts
    of acid or base are added
conjugate base: the species that remains after an acid has donated a
    proton
indicator: a weak acid whose colour changes with pH, showing the end point
neutralisation: the reaction of an acid with a base to form a salt and
    water
"""


def test_a_wrapped_text_has_its_width_and_an_unwrapped_one_none() -> None:
    assert wrap_width(WRAPPED.splitlines()) in range(70, 76)
    plain = ["A short heading", "", "A paragraph of one long line. " * 6, "Another line."] * 3
    assert wrap_width(plain) == 0
    assert unwrapped(plain) == plain


def test_paragraph_lines_are_joined_and_headings_tables_and_entries_kept() -> None:
    lines = unwrapped(WRAPPED.splitlines())
    assert "4.1 Introduction" in lines and "4.2 Defining Acids" in lines
    assert (
        "Acids and bases are among the most familiar substances in chemistry. The sour taste"
        " of lemon juice and vinegar comes from acids, while soaps, baking soda and household"
        " ammonia are bases." in lines[2]
    )
    assert any("electron pair acceptor and a Lewis base is" in line for line in lines)
    assert "    Hydrochloric acid ............ HCl" in lines  # a table row stays a row
    assert (
        "conjugate base: the species that remains after an acid has donated a proton" in lines
    )  # a hanging indent goes on its entry
    assert "indicator: a weak acid whose colour changes with pH, showing the end point" in lines
    assert any(line.startswith("neutralisation: the reaction") for line in lines)


def test_normalising_unwrapped_text_again_changes_nothing() -> None:
    once = canonical_text(hinted_lines(WRAPPED, "txt"))
    assert canonical_text(hinted_lines(once, "txt")) == once


def test_a_wrapped_textbook_page_asks_whole_sentences_and_its_glossary() -> None:
    bank, _ = generate(RawArticle("acids.txt", WRAPPED, "txt"))
    stems = [q.prompt for q in bank.questions]
    answers = {q.answer.casefold() for q in bank.questions}
    assert not any(s.startswith(("For ", "acceptor", "What is acceptor")) for s in stems)
    assert {"conjugate base", "neutralisation"} <= answers
    assert any("Arrhenius" in s or "1884" in s for s in stems + sorted(answers))


def test_a_word_the_wrapper_hyphenated_is_made_whole_and_a_compound_keeps_its_hyphen() -> None:
    lines = [
        "The summer monsoon brings most of the year's rain to the plains of Rajas-",
        "than and the north-west, where the air temperature in May is the highest of",
        "the year and a deep low-pressure area forms over the land before the rains",
        "arrive. Each acid-base pair and each self-governing town keeps its hyphen, as",
        "in the long-term record, while a wrapped word such as de-",
        "velops is joined back into the word it was before the line was broken.",
    ]
    text = unwrapped(lines)[0]
    assert "plains of Rajasthan and the north-west" in text
    assert "acid-base pair and each self-governing town" in text
    assert "the long-term record" in text and "such as develops is" in text


def test_a_title_in_capitals_set_on_two_lines_is_one_line_and_two_titles_stay_two() -> None:
    title = ["THE SOUTH ASIAN SUMMER MONSOON:", "HOW IT WORKS AND WHY IT MATTERS", ""]
    assert unwrapped(title)[0] == "THE SOUTH ASIAN SUMMER MONSOON: HOW IT WORKS AND WHY IT MATTERS"
    stacked = ["ASTR 102: THE SOLAR SYSTEM - LECTURE 14 NOTES", "COMETS: ICY VISITORS", ""]
    assert unwrapped(stacked) == stacked


def test_a_number_the_wrapper_put_first_on_a_line_goes_on_the_sentence() -> None:
    lines = [
        "In the relative frequency approach, the probability is estimated by",
        "repeating the experiment many times and calculating the proportion of",
        "trials in which the event occurs. If a drawing pin lands point up in",
        "312 of 500 throws, we estimate the probability of point up as 0.624.",
        "",
        "9.3 Buoyancy",
        "",
        "2) A numbered item of a list stays an item of its own, as does",
        "3. this one, and a section number before a capitalised title.",
    ]
    out = unwrapped(lines)
    assert any("lands point up in 312 of 500 throws" in line for line in out)
    assert "9.3 Buoyancy" in out
    assert any(line.startswith("3. this one") for line in out)

"""Blind audit 13 (h33–h36): stems built from tables, lists and brackets that no person
would write. A table row read as a kind takes its article ("an example of a cinder cone"),
a list's stem needs a topic that names something, a list number is not part of a term, a
named thing is no option among kinds, a bracket after a name is an aside, and a shouted
title keeps its acronyms. The texts are general English written for these tests."""

from __future__ import annotations

from questions.lines import term_line
from questions.model import Bank, Kind
from questions.pipeline import analyse, generate
from questions.reading import RawArticle
from questions.textutil import decapitalise
from questions.unwrap import unwrapped
from tests.questions.candidate_support import candidate_questions


def bank_of(text: str, fmt: str = "md") -> Bank:
    bank, _ = generate(RawArticle(f"page.{fmt}", text, fmt))
    return bank


VOLCANOES = """# Volcano types

Volcanoes differ in shape because their lava differs in silica and gas. Shield volcanoes
are broad, cinder cones are small and steep, and calderas form when a summit collapses.

| Type | Example | Typical size |
|---|---|---|
| Shield volcano | Mauna Loa, Hawaii | Tens of kilometres across |
| Cinder cone | Parícutin, Mexico | Under 300 metres high |
| Caldera | Crater Lake, Oregon | Several kilometres across |
| Lava dome | Novarupta, Alaska | Hundreds of metres across |
"""


def test_a_table_row_read_as_a_kind_takes_its_article() -> None:
    stems = {q.prompt for q in bank_of(VOLCANOES).questions}
    assert any("an example of a cinder cone" in s or "of a caldera" in s for s in stems), stems
    assert not any("the example of" in s for s in stems)


def test_a_list_under_a_question_or_a_summary_gives_no_list_stem() -> None:
    text = """# GPS

## What are the main sources of error?

- Ionosphere: the charged upper air slows the radio signals from the satellites
- Multipath: signals bounce off buildings before they reach the receiver
- Clock error: a small drift in the satellite clocks shifts every distance

## Summary

- Orbits: the satellites circle the Earth twice a day at about 20,200 km
- Signals: each satellite sends its time and position on two radio frequencies
"""
    facts = analyse(text, "md").facts
    assert not [f for f in facts if f.kind == "list_item"]


def test_a_list_number_is_not_part_of_a_term() -> None:
    assert term_line("1. The space segment - the satellites themselves.") == (
        "The space segment",
        "the satellites themselves.",
    )
    assert term_line("(b) Actin: protein of the thin filaments") == (
        "Actin",
        "protein of the thin filaments",
    )


def test_a_bracket_after_a_name_is_an_aside_not_another_name() -> None:
    text = """Apollo 11

The crew were Neil Armstrong (commander) and Michael Collins (command module pilot).
Apollo 17 made the last crewed Moon landing (December) and returned samples of rock.
Its geologist collected more than one hundred kilograms of lunar rock and soil samples.
"""
    facts = analyse(text, "txt").facts
    assert not [f for f in facts if f.kind == "gloss"]


def test_two_names_of_one_place_are_asked_only_as_another_name() -> None:
    text = """# Fast glaciers

The fastest outlet is Sermeq Kujalleq (also known as Jakobshavn Isbræ), which drains a
large part of the ice sheet. It moves more than 17 kilometres a year.
"""
    named = [q.prompt for q in candidate_questions(text, "md") if q.fact_kind in ("gloss", "alias")]
    assert named and all(p.endswith("also called?") for p in named), named


def test_a_named_thing_is_no_option_among_kinds() -> None:
    text = """# Glaciers

A valley glacier flows down a mountain valley and carves it into a U shape.
Piedmont glaciers spread out where a valley glacier leaves the mountains for a plain.
The Aletsch Glacier is the longest glacier in the Alps, at about 23 kilometres.
The Malaspina Glacier in Alaska is the largest piedmont glacier in the world.
Small cirque glaciers sit in hollows high on mountainsides and are the smallest type.
"""
    options = [
        o for q in bank_of(text).questions if q.kind == Kind.MULTIPLE_CHOICE for o in q.options
    ]
    assert not any("aletsch" in o.casefold() or "malaspina" in o.casefold() for o in options)


def test_a_letter_shape_keeps_its_capital() -> None:
    assert decapitalise("U-shaped valleys", frozenset()) == "U-shaped valleys"
    assert decapitalise("Valleys carved by ice", frozenset()) == "valleys carved by ice"


def test_glossary_statements_are_false_and_true_by_turns_and_only_with_a_false_twin() -> None:
    text = """Ecology key terms

Producer: an organism that makes its own food, usually by photosynthesis
Consumer: an organism that gets its energy by eating plants or animals
Decomposer: an organism that breaks down dead plants and animals into nutrients
Parasite: an organism that lives on or in a host and harms it
Habitat: the place where an organism lives and finds the food and shelter it needs
"""
    said = {
        q.prompt.split("”")[0]: q.answer
        for q in candidate_questions(text, "txt")
        if q.prompt.startswith("The article defines")
    }
    assert set(said.values()) == {"True", "False"}
    assert "The article defines “Habitat" not in said  # no definition of its kind to swap in


BOOK = """CHAPTER 8   NETWORKS OF EXCHANGE, 200 BCE-1450 CE

8.2  The Silk Road: Trade and Exchange Across Eurasia

   For more than fifteen centuries, a web of overland routes linked China
with Central Asia, India, Persia and the Mediterranean world. Merchants,
pilgrims, soldiers and envoys travelled these routes, carrying silk and
spices, horses and glass, as well as religions, technologies and ideas.
   Historians call this network the Silk Road, although the name is modern.
It was coined in 1877 by a German geographer who wrote of a silk road.
The Silk Road carried silk west and brought horses and glass east to China.
"""


def test_a_book_paragraph_with_an_indented_first_line_is_one_paragraph() -> None:
    lines = unwrapped(BOOK.splitlines())
    first = next(line for line in lines if line.strip().startswith("For more"))
    assert first.rstrip().endswith("religions, technologies and ideas.")


def test_a_sections_title_beats_its_chapters_header() -> None:
    assert analyse(BOOK, "txt").doc.title == "The Silk Road: Trade and Exchange Across Eurasia"


def test_a_cell_that_says_the_row_has_no_value_is_not_asked() -> None:
    text = """# Glacier types

Glaciers are sorted by where they form and how big they grow, from small cirques to
continental ice sheets, and each type is named after its shape and setting.

| Type | Typical size |
|---|---|
| Cirque glacier | Usually under a few km² |
| Valley glacier | A few to several tens of kilometres long |
| Tidewater glacier | Varies widely |
| Ice sheet | More than 50,000 km² |
"""
    assert not [q for q in bank_of(text).questions if "Varies" in q.answer]


def test_a_why_question_is_not_answered_by_a_supposition() -> None:
    text = """GPS FAQ

Why do you need four satellites?

Three distances would be enough if the receiver had a perfect clock. But receivers use
cheap quartz clocks, so a fourth satellite is needed to solve for the clock offset.

Why are plants green?

Leaves contain chlorophyll, which absorbs blue and red light but reflects green light.
"""
    qa = {f.subject: f.answer for f in analyse(text, "txt").facts if f.kind == "qa"}
    assert qa["Why are plants green?"].startswith("Leaves contain chlorophyll")
    reason = qa["Why do you need four satellites?"]
    assert reason.startswith("Three distances") and "fourth satellite" in reason

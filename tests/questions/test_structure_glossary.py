"""Glossaries of every shape become term/definition lines and definition facts, one group each."""

from __future__ import annotations

from questions.facts_structure import glossary_facts
from questions.pipeline import analyse

Entry = tuple[str, str, str, str, str, tuple[str, ...]]


def entries(raw: str, fmt: str = "txt") -> list[Entry]:
    """(kind, subject, answer, relation, group, accepted) of every glossary fact."""
    analysis = analyse(raw, fmt)
    out: list[Entry] = []
    for unit in analysis.doc.units:
        for f in glossary_facts(analysis.doc, unit):
            out.append((f.kind, f.subject, f.answer, f.relation, f.group, f.accepted))
    return out


def line_kinds(raw: str, fmt: str = "txt") -> list[tuple[str, str]]:
    return [(line.kind, line.text) for line in analyse(raw, fmt).lines]


TWO_LINE = """Key Terms

acetylcholine (ACh)
neurotransmitter that binds at a motor end-plate

actin
protein that makes up most of the thin myofilaments

depolarize
to reduce the voltage difference across a membrane

sarcomeres
repeating units of a muscle fiber. They shorten in a contraction.
"""


def test_a_term_line_and_its_definition_line_are_an_entry_never_a_section() -> None:
    assert line_kinds(TWO_LINE)[:3] == [
        ("title", "Key Terms"),
        ("term", "acetylcholine (ACh)"),
        ("definition", "neurotransmitter that binds at a motor end-plate"),
    ]
    doc = analyse(TWO_LINE, "txt").doc
    assert [s.name for s in doc.sections] == ["Introduction"]  # no one-sentence sections
    assert entries(TWO_LINE) == [
        ("abbreviation", "ACh", "acetylcholine", "", "abbreviation", ()),
        (
            "definition",
            "acetylcholine",
            "neurotransmitter that binds at a motor end-plate",
            "is",
            "glossary@0",
            ("ACh",),
        ),
        (
            "definition",
            "actin",
            "protein that makes up most of the thin myofilaments",
            "is",
            "glossary@0",
            (),
        ),
        (
            "definition",
            "depolarize",
            "to reduce the voltage difference across a membrane",
            "means",  # "What does depolarize mean?"
            "glossary@0",
            (),
        ),
        # the definition is its first sentence; a plural term takes "are"
        ("definition", "sarcomeres", "repeating units of a muscle fiber", "are", "glossary@0", ()),
    ]


ONE_LINE = """Weather words

Front: the boundary between two air masses of different density.
Isobar – a line on a map joining places of equal air pressure.
Dew point: the temperature at which air becomes saturated with water.

Note: these words are used in every forecast.
"""


def test_runs_of_term_colon_definition_lines_are_a_glossary() -> None:
    assert [kind for kind, _ in line_kinds(ONE_LINE)] == [
        "title",
        "definition",
        "definition",
        "definition",
        "paragraph",  # one "Note: …" line alone is prose, not an entry
    ]
    assert [(s, a, g) for _, s, a, _, g, _ in entries(ONE_LINE)] == [
        ("Front", "the boundary between two air masses of different density", "glossary@0"),
        ("Isobar", "a line on a map joining places of equal air pressure", "glossary@0"),
        ("Dew point", "the temperature at which air becomes saturated with water", "glossary@0"),
    ]


def test_list_items_with_a_dash_are_a_glossary_but_colon_items_stay_a_list() -> None:
    raw = (
        "# Weather words\n\nForecasters use these words:\n\n"
        "- Front – the boundary between two air masses\n- Isobar – a line of equal pressure\n"
        "- Dew point – the temperature of saturation\n\nOther words:\n\n"
        "- Gust: a brief rise in wind speed\n- Squall: a sudden strong wind\n"
        "- Lull: a brief drop in wind speed\n"
    )
    assert [kind for kind, _ in line_kinds(raw, "md")][1:] == [
        "paragraph",  # it introduces a glossary, not a list
        "definition",
        "definition",
        "definition",
        "lead_in",
        "list_item",
        "list_item",
        "list_item",
    ]
    assert [(s, a) for _, s, a, _, _, _ in entries(raw, "md")] == [
        ("Front", "the boundary between two air masses"),
        ("Isobar", "a line of equal pressure"),
        ("Dew point", "the temperature of saturation"),
    ]


SECTIONS = """Muscles

Skeletal muscle
Skeletal muscle moves the bones. It is under voluntary control.

Cardiac muscle
Cardiac muscle pumps blood. It contracts as one unit.

Smooth muscle
Smooth muscle lines the organs. It contracts slowly.
"""


def test_short_sections_of_one_capitalised_paragraph_are_not_a_glossary() -> None:
    kinds = [kind for kind, _ in line_kinds(SECTIONS)]
    assert "term" not in kinds and "definition" not in kinds
    assert entries(SECTIONS) == []


HTML = """<html><body><h1>Weather words</h1><p>Forecasts use a few special words.</p>
<dl><dt>Front</dt><dd>the boundary between two air masses</dd>
<dt>Isobar</dt><dd>a line joining places of equal pressure</dd></dl></body></html>"""


def test_an_html_definition_list_is_a_glossary() -> None:
    assert line_kinds(HTML, "html")[2:] == [
        ("term", "Front"),
        ("definition", "the boundary between two air masses"),
        ("term", "Isobar"),
        ("definition", "a line joining places of equal pressure"),
    ]
    assert [(s, a) for _, s, a, _, _, _ in entries(HTML, "html")] == [
        ("Front", "the boundary between two air masses"),
        ("Isobar", "a line joining places of equal pressure"),
    ]

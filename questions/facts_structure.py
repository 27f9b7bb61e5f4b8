"""Facts read off the page's structure: table cells and glossary entries.

A table row gives one ``table_cell`` fact per filled cell: subject = the row's key (its
first cell), answer = the cell, relation = the column's header; the cells of one column
form a sibling group, so the other rows' values are the distractors. A table whose top-left
cell is empty has its things as columns ("Chlorophyll a", "Chlorophyll b" …): then the
column header is the subject and the row's key the relation.

A glossary entry — a term line and its definition line, or a "term: definition" line in a
run of them — gives a ``definition`` fact (subject = term, answer = its definition's first
sentence); the entries of one glossary form one sibling group. A term with its abbreviation
("acetylcholine (ACh)") also gives an ``abbreviation`` fact.
"""

from __future__ import annotations

from collections.abc import Iterator

from questions.document import Document, Unit, split_parenthetical
from questions.facts import Fact
from questions.lines import term_line
from questions.nlp import singular
from questions.tables import CELL_SEP, COMPARISON_KEYS, EMPTY_CELL
from questions.templates import TEMPLATES
from questions.textutil import abbreviates, is_acronym, words


def table_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'Potassium | K+ | 3.50–5.00 (mM)' under 'Name | Chemical symbol | Plasma' → cells."""
    header = doc.table_header.get(unit.line.start)
    if unit.line.kind != "table_row" or header is None:
        return
    columns = header.text.split(CELL_SEP)
    cells = unit.line.text.split(CELL_SEP)
    if len(cells) != len(columns) or not _filled(cells[0]):
        return
    transposed = columns[0] == EMPTY_CELL or _compares(columns)
    for column, value in zip(columns[1:], cells[1:], strict=True):
        if not _filled(value) or not _filled(column):
            continue
        thing, attribute = (column, cells[0]) if transposed else (cells[0], column)
        name, abbr = _name(thing)
        group = f"table@{header.start}:{attribute}"
        yield Fact("table_cell", name, value, unit, group, name, attribute, abbr)


def _compares(columns: list[str]) -> bool:
    key = columns[0].strip().casefold()
    return len(columns) >= COMPARED_COLUMNS and singular(key) in COMPARISON_KEYS


COMPARED_COLUMNS = 3


def _filled(cell: str) -> bool:
    return cell != EMPTY_CELL and any(c.isalnum() for c in cell)


def _name(thing: str) -> tuple[str, tuple[str, ...]]:
    """ "Primary lateral sclerosis (PLS)" → the name, and its abbreviation as accepted."""
    outer, inner = split_parenthetical(thing)
    if not inner or not is_acronym(inner):
        return thing, ()
    # "Woodrow Wilson (USA)", "Dry powder (ABC)": a label beside the name, not its short form
    return outer, (inner,) if abbreviates(inner, outer) else ()


def glossary_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """'actin' + 'protein that makes up most of the thin myofilaments …' → definition."""
    if unit.line.kind == "term":
        yield from _abbreviation(unit, unit.line.text)
        return
    if unit.line.kind != "definition" or unit.sentence.start != unit.line.start:
        return
    term_above = doc.term_of.get(unit.line.start)
    # A definition the splitter cut at its ";" goes on: "… sound intensity level; an
    # increase of 10 dB means …" is one definition (audit 16: a quote ending in ";").
    said = unit.line.text if unit.sentence.text.rstrip().endswith(";") else unit.sentence.text
    if term_above is not None:
        term, meaning = term_above.text, said
    else:
        pair = term_line(said)
        if pair is None:
            return
        term, meaning = pair
        yield from _abbreviation(unit, term)
    name, abbr = _name(term)
    meaning = meaning.strip().rstrip(".;,").strip()  # a list of entries ends each with ";"
    if len(words(meaning)) < 2:
        return
    group = f"glossary@{unit.section}"
    yield Fact("definition", name, meaning, unit, group, name, _verb(name, meaning), abbr)


def _abbreviation(unit: Unit, term: str) -> Iterator[Fact]:
    name, abbr = _name(term)
    if abbr:
        yield Fact("abbreviation", abbr[0], name, unit, "abbreviation", abbr[0])


def _verb(term: str, meaning: str) -> str:
    """The definition template's verb: 'depolarize' means 'to reduce …'; a plural term 'are'
    ("Objective lenses"), a singular one 'is' whatever its last letter ("Eyepiece lens")."""
    if meaning.casefold().startswith("to "):
        return "means"
    last = term.split()[-1].casefold() if term.split() else ""
    plural = last.endswith("s") and not last.endswith(("ss", "sis", "us", "is", "ics"))
    plural = plural and singular(last) != last  # "lens", "gas", "series": not a plural
    return "are" if plural and not is_acronym(term) else "is"


def structure_facts(doc: Document, unit: Unit) -> Iterator[Fact]:
    """The pipeline's extractor: table and glossary facts whose kind has a question template
    (a new kind waits for its template in ``questions.templates`` instead of failing)."""
    for fact in (*table_facts(doc, unit), *glossary_facts(doc, unit)):
        if fact.kind in TEMPLATES:
            yield fact

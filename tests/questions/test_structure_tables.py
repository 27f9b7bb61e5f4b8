"""Tables of every shape become rows, and each row's cells become facts with sibling groups."""

from __future__ import annotations

from questions.facts import Fact
from questions.facts_structure import table_facts
from questions.normalise import canonical_text, hinted_lines
from questions.pipeline import analyse

Row = tuple[str, str, str, str, tuple[str, ...]]


def cells(raw: str, fmt: str) -> list[Row]:
    """(thing, value, column, group, accepted) of every table fact, in document order."""
    analysis = analyse(raw, fmt)
    facts: list[Fact] = []
    for unit in analysis.doc.units:
        facts += table_facts(analysis.doc, unit)
    for fact in facts:
        assert analysis.text[fact.unit.line.start : fact.unit.line.end] == fact.unit.line.text
    return [(f.subject, f.answer, f.relation, f.group, f.accepted) for f in facts]


def table_lines(raw: str, fmt: str) -> list[tuple[str, str]]:
    return [
        (line.kind, line.text)
        for line in analyse(raw, fmt).lines
        if line.kind in ("table_header", "table_row", "noise")
    ]


PIPE = """# Motor neuron diseases

Survival differs between the diseases.

| Type | Median survival |
|---|---:|
| Amyotrophic lateral sclerosis (ALS) | 2–5 years[55] |
| Primary lateral sclerosis (PLS)* | 8–10 years |
| Pseudobulbar palsy | |

ALS is the most common type.
"""


def test_a_markdown_pipe_table_gives_one_fact_per_cell_grouped_by_column() -> None:
    assert table_lines(PIPE, "md") == [
        ("table_header", "Type | Median survival"),
        ("table_row", "Amyotrophic lateral sclerosis (ALS) | 2–5 years"),
        ("table_row", "Primary lateral sclerosis (PLS) | 8–10 years"),
        ("table_row", "Pseudobulbar palsy | …"),  # an empty cell, kept so columns line up
    ]
    group = "table@63:Median survival"
    assert cells(PIPE, "md") == [
        ("Amyotrophic lateral sclerosis", "2–5 years", "Median survival", group, ("ALS",)),
        ("Primary lateral sclerosis", "8–10 years", "Median survival", group, ("PLS",)),
    ]


def test_a_pipe_table_without_outer_bars_is_read_too() -> None:
    raw = "# Ions\n\nIons differ.\n\nIon | Charge\n--- | ---\nSodium | +1\nCalcium | +2\n\nEnd.\n"
    assert table_lines(raw, "md") == [
        ("table_header", "Ion | Charge"),
        ("table_row", "Sodium | +1"),
        ("table_row", "Calcium | +2"),
    ]


GRID = """Chlorophyll

The types of chlorophyll differ in their side groups.

+-------------------+---------------+---------------+
|                   | Chlorophyll a | Chlorophyll b |
+-------------------+---------------+---------------+
| C7 group          | −CH₃          | −CHO          |
+-------------------+---------------+---------------+
| Occurrence        | Universal     | Mostly        |
|                   |               | plants        |
+-------------------+---------------+---------------+

Both absorb blue light.
"""


def test_a_grid_table_with_an_empty_corner_has_its_things_as_columns() -> None:
    header = "… | Chlorophyll a | Chlorophyll b"
    assert table_lines(GRID, "md")[:1] == [("table_header", header)]
    assert cells(GRID, "md") == [
        ("Chlorophyll a", "−CH₃", "C7 group", "table@68:C7 group", ()),
        ("Chlorophyll b", "−CHO", "C7 group", "table@68:C7 group", ()),
        ("Chlorophyll a", "Universal", "Occurrence", "table@68:Occurrence", ()),
        ("Chlorophyll b", "Mostly plants", "Occurrence", "table@68:Occurrence", ()),  # 2 lines
    ]


SIMPLE = """Motor neuron diseases

The table compares the diseases.

  Type                          UMN degeneration   LMN degeneration
  ----------------------------- ------------------ ------------------
  SPORADIC MNDS
  Primary lateral sclerosis     Yes[24]            No[25]
  Progressive muscular atrophy  No                 Yes

Both kinds of neuron can degenerate.
"""


def test_a_pandoc_simple_table_is_cut_at_the_columns_of_its_dash_line() -> None:
    assert table_lines(SIMPLE, "md") == [
        ("table_header", "Type | UMN degeneration | LMN degeneration"),
        ("table_row", "SPORADIC MNDS | … | …"),  # a label row: no facts
        ("table_row", "Primary lateral sclerosis | Yes | No"),
        ("table_row", "Progressive muscular atrophy | No | Yes"),
    ]
    umn, lmn = "table@57:UMN degeneration", "table@57:LMN degeneration"
    assert cells(SIMPLE, "md") == [
        ("Primary lateral sclerosis", "Yes", "UMN degeneration", umn, ()),
        ("Primary lateral sclerosis", "No", "LMN degeneration", lmn, ()),
        ("Progressive muscular atrophy", "No", "UMN degeneration", umn, ()),
        ("Progressive muscular atrophy", "Yes", "LMN degeneration", lmn, ()),
    ]


TABBED = (
    "Electrolytes\n\nThe body keeps its ions within narrow limits.\n\nTable 26.1\n"
    "Reference Values\nName\tSymbol\tPlasma\nSodium\tNa+\t136–146 (mM)\n"
    "Bicarbonate\tHCO3-\t------\n\nSodium is the major cation.\n"
)


def test_tab_separated_rows_are_a_table_and_the_lines_above_it_its_caption() -> None:
    assert table_lines(TABBED, "txt") == [
        ("noise", "Table 26.1"),
        ("noise", "Reference Values"),
        ("table_header", "Name | Symbol | Plasma"),
        ("table_row", "Sodium | Na+ | 136–146 (mM)"),
        ("table_row", "Bicarbonate | HCO3- | …"),  # a cell of dashes is empty
    ]
    assert [(thing, value, column) for thing, value, column, _, _ in cells(TABBED, "txt")] == [
        ("Sodium", "Na+", "Symbol"),
        ("Sodium", "136–146 (mM)", "Plasma"),
        ("Bicarbonate", "HCO3-", "Symbol"),
    ]


HTML = """<html><body><nav><ul><li>Home</li><li>Share</li></ul></nav><main>
<h1>Electrolytes</h1><p>The body keeps its ions within narrow limits.</p>
<table><thead><tr><th>Ion</th><th>Role</th></tr></thead>
<tbody><tr><td>Sodium</td><td><p>Main cation</p><p>outside cells</p></td></tr>
<tr><td>Potassium</td><td>Main cation inside cells</td></tr></tbody></table>
<p>Both are needed by nerves.</p></main></body></html>"""


def test_an_html_table_row_is_one_line_and_its_th_row_the_header() -> None:
    assert table_lines(HTML, "html") == [
        ("table_header", "Ion | Role"),
        ("table_row", "Sodium | Main cation outside cells"),
        ("table_row", "Potassium | Main cation inside cells"),
    ]
    group = "table@61:Role"
    assert cells(HTML, "html") == [
        ("Sodium", "Main cation outside cells", "Role", group, ()),
        ("Potassium", "Main cation inside cells", "Role", group, ()),
    ]


def test_table_text_reads_back_the_same_with_the_same_rows() -> None:
    """The canonical text of a table, normalised again, is the same text (idempotent), and
    its rows are read as the same header and rows."""
    for raw, fmt in ((PIPE, "md"), (GRID, "md"), (SIMPLE, "md"), (TABBED, "txt"), (HTML, "html")):
        first = hinted_lines(raw, fmt)
        text = canonical_text(first)
        again = hinted_lines(text, "txt")
        assert canonical_text(again) == text
        rows = [(line.hint, line.text) for line in first if line.hint in ("th", "tr")]
        assert [(line.hint, line.text) for line in again if line.hint in ("th", "tr")] == rows


def test_a_table_that_lays_out_the_page_is_read_as_ordinary_blocks() -> None:
    html = (
        "<html><body><table><tr><td><p>Menu text</p></td><td><h1>Coffee</h1>"
        "<p>Coffee is a drink made from roasted beans.</p><h2>Growing</h2>"
        "<ul><li>Arabica grows high up.</li><li>Robusta grows lower down.</li></ul>"
        "</td></tr></table><p>Coffee is traded worldwide.</p></body></html>"
    )
    lines = [(line.kind, line.text) for line in analyse(html, "html").lines]
    assert lines == [
        ("paragraph", "Menu text"),  # before the page's <h1>: not its title
        ("title", "Coffee"),
        ("paragraph", "Coffee is a drink made from roasted beans."),
        ("heading", "Growing"),
        ("list_item", "Arabica grows high up."),
        ("list_item", "Robusta grows lower down."),
        ("paragraph", "Coffee is traded worldwide."),
    ]

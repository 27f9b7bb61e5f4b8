"""A whole HTML page: navigation, byline, share buttons, a table, a FAQ, a figure, a glossary."""

from __future__ import annotations

from questions.pipeline import analyse

PAGE = """<!doctype html><html><head><title>Volcanoes | Science Site</title></head>
<body>
<header><a href="/">Science Site</a>
<nav><ul><li><a>Home</a></li><li><a>Topics</a></li></ul></nav></header>
<div class="breadcrumbs">Home &gt; Earth &gt; Oceans</div>
<article>
<h1>Volcanoes</h1>
<p class="byline">By Maria Lopez, PhD</p>
<p>Updated March 3, 2024</p>
<div class="share-buttons"><a>Facebook</a> <a>Twitter</a></div>
<p>A volcano is an opening in the crust of a planet through which molten rock escapes.[1]</p>
<h2>Types of volcano</h2>
<table>
<caption>Table 1. Main types</caption>
<tr><th>Type</th><th>Shape</th><th>Example</th></tr>
<tr><td>Shield volcano</td><td>Broad, gentle slopes</td><td>Mauna Loa</td></tr>
<tr><td>Stratovolcano</td><td>Steep cone</td><td>Mount Fuji</td></tr>
<tr><td>Cinder cone</td><td>Small, steep</td><td>Parícutin</td></tr>
</table>
<h2>Frequently asked questions</h2>
<h3>What is magma?</h3>
<p>Magma is molten rock below the surface of the Earth.</p>
<h3>What is lava?</h3>
<p>Lava is magma that has reached the surface.</p>
<figure><img src="v.jpg"><figcaption>Figure 2. An eruption in Iceland.</figcaption></figure>
<h2>Glossary</h2>
<dl><dt>Caldera</dt><dd>a large crater formed when a volcano collapses</dd>
<dt>Vent</dt><dd>an opening through which lava erupts</dd>
<dt>Tephra</dt><dd>rock fragments thrown out by an eruption</dd></dl>
<p>Was this page helpful?</p>
</article>
<aside class="related"><h3>Related articles</h3><ul><li>Earthquakes</li></ul></aside>
<footer>© 2024 Science Site. All rights reserved.</footer>
</body></html>
"""


def test_an_html_page_keeps_its_structure_and_drops_its_furniture() -> None:
    analysis = analyse(PAGE, "html")
    assert analysis.doc.title == "Volcanoes"
    assert [(line.kind, line.text) for line in analysis.lines] == [
        ("title", "Volcanoes"),
        ("noise", "By Maria Lopez, PhD"),
        ("noise", "Updated March 3, 2024"),
        (
            "paragraph",
            "A volcano is an opening in the crust of a planet through which molten rock escapes.",
        ),
        ("heading", "Types of volcano"),
        ("noise", "Table 1. Main types"),
        ("table_header", "Type | Shape | Example"),
        ("table_row", "Shield volcano | Broad, gentle slopes | Mauna Loa"),
        ("table_row", "Stratovolcano | Steep cone | Mount Fuji"),
        ("table_row", "Cinder cone | Small, steep | Parícutin"),
        ("heading", "Frequently asked questions"),
        ("heading", "What is magma?"),
        ("paragraph", "Magma is molten rock below the surface of the Earth."),
        ("heading", "What is lava?"),
        ("paragraph", "Lava is magma that has reached the surface."),
        ("noise", "Figure 2. An eruption in Iceland."),
        ("heading", "Glossary"),
        ("term", "Caldera"),
        ("definition", "a large crater formed when a volcano collapses"),
        ("term", "Vent"),
        ("definition", "an opening through which lava erupts"),
        ("term", "Tephra"),
        ("definition", "rock fragments thrown out by an eruption"),
        ("noise", "Was this page helpful?"),
    ]


def test_the_page_gives_table_faq_and_glossary_facts_in_sibling_groups() -> None:
    facts = analyse(PAGE, "html").facts
    shown = [
        (f.kind, f.subject, f.answer, f.group.split("@")[0])
        for f in facts
        if f.kind in ("table_cell", "qa") or f.group.startswith("glossary@")
    ]
    assert shown == [
        ("table_cell", "Shield volcano", "Broad, gentle slopes", "table"),
        ("table_cell", "Shield volcano", "Mauna Loa", "table"),
        ("table_cell", "Stratovolcano", "Steep cone", "table"),
        ("table_cell", "Stratovolcano", "Mount Fuji", "table"),
        ("table_cell", "Cinder cone", "Small, steep", "table"),
        ("table_cell", "Cinder cone", "Parícutin", "table"),
        ("qa", "What is magma?", "Magma is molten rock below the surface of the Earth", "qa"),
        ("qa", "What is lava?", "Lava is magma that has reached the surface", "qa"),
        ("definition", "Caldera", "a large crater formed when a volcano collapses", "glossary"),
        ("definition", "Vent", "an opening through which lava erupts", "glossary"),
        ("definition", "Tephra", "rock fragments thrown out by an eruption", "glossary"),
    ]
    columns = {f.group for f in facts if f.kind == "table_cell"}
    assert len(columns) == 2  # one sibling group per column: Shape, Example

"""Blind audit 10 (h21–h24): page furniture that reached stems and titles. Markdown footnote
marks and definitions, a figure's caption and credit, a breadcrumb taken for the title, a PDF
copy's running header with its page number, list labels "(a)"/"(b)" left in stems, and the
notes under a "Notes" heading. The texts are general English written for these tests."""

from __future__ import annotations

import pytest

from questions.lines import Line, classify, is_noise_text
from questions.model import Bank
from questions.normalise import canonical_text, hinted_lines
from questions.pipeline import generate
from questions.reading import RawArticle


def bank_of(text: str, fmt: str = "txt") -> Bank:
    bank, _ = generate(RawArticle(f"page.{fmt}", text, fmt))
    return bank


def asked(bank: Bank) -> str:
    """Every prompt, answer and option of the bank, in one string to search."""
    parts = [f"{q.prompt} {q.answer} {' '.join(q.options)}" for q in bank.questions]
    return "\n".join(parts)


def kinds(text: str, fmt: str = "txt") -> dict[str, str]:
    lines: list[Line] = classify(hinted_lines(text, fmt))
    return {line.text: line.kind for line in lines}


RIVERS_MD = """# How rivers shape valleys

A river erodes its bed by **abrasion**, when stones carried by the water grind the rock.[^1]
Near its source a river cuts a steep V-shaped valley, because it erodes downwards faster
than the sides can wear back.

## Meanders

Further downstream the river swings from side to side in wide bends called **meanders**.
Water flows fastest on the outside of each bend, which is worn back into a river cliff.[^2]
On the inside of the bend the water is slow, and sand settles as a point bar.

## Deltas

Where a river enters the sea it slows down and drops its load, building a **delta**.[^note]
The Nile delta has been built up over thousands of years from silt carried from Ethiopia.

[^1]: Saltation is the bouncing of sand grains along the bed of the channel.
[^2]: Geographers sometimes call the river cliff a cut bank in older textbooks.
[^note]: Hydraulic action is the force of the water itself against the banks.
"""


def test_markdown_footnote_marks_are_cut_and_their_definitions_are_never_asked() -> None:
    text = canonical_text(hinted_lines(RIVERS_MD, "md"))
    assert "grind the rock." in text and "[^" not in text
    bank = bank_of(RIVERS_MD, "md")
    assert bank.questions
    everything = asked(bank)
    assert "[^" not in everything
    for note_word in ("Saltation", "cut bank", "Hydraulic action"):
        assert note_word not in everything


CAPTION_HTML = """<html><body><article><h1>The lever</h1>
<p>A lever is a rigid bar that turns about a fixed point called the fulcrum. The force
applied to the lever is the effort, and the weight it moves is the load.</p>
<figure><img src="lever.jpg" alt="">
<figcaption>A wooden seesaw in a playground. The pivot (centre) carries the plank between
the two seats. <span class="credit">Photo: J. Doe / Picture Library</span></figcaption>
</figure>
<p>In a first-class lever the fulcrum lies between the effort and the load, as in a pair
of scissors. In a second-class lever the load lies between the fulcrum and the effort, as in
a wheelbarrow. In a third-class lever the effort is applied between the fulcrum and the
load, as in a pair of tweezers.</p>
<ul><li>A <a href="/crowbar">crowbar</a> is a first-class lever used to lift heavy stones.</li></ul>
</article></body></html>"""


def test_a_figcaption_with_a_credit_inside_is_a_caption_and_never_asked() -> None:
    found = kinds(CAPTION_HTML, "html")
    caption = next(text for text in found if text.startswith("A wooden seesaw"))
    assert found[caption] == "noise"
    assert "seesaw" not in asked(bank_of(CAPTION_HTML, "html"))


def test_an_item_with_a_link_inside_stays_a_list_item() -> None:
    found = kinds(CAPTION_HTML, "html")
    assert found["A crowbar is a first-class lever used to lift heavy stones."] == "list_item"


@pytest.mark.parametrize(
    "text",
    [
        "The rocking beam links the piston (left) to the pump rods (right).",
        "The oldest of the three bridges (top) was built of stone.",
        "Credit: National Archive",
        "Image: a map of the delta",
    ],
)
def test_a_caption_pointing_at_a_picture_or_a_credit_is_noise(text: str) -> None:
    assert is_noise_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "EarthWords Learning Hub > Biomes > Tundra",
        "Science › Physics › Forces",
        "Library » History",
    ],
)
def test_a_breadcrumb_of_any_site_is_noise(text: str) -> None:
    assert is_noise_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "A solution is basic when its pH > 7.",
        "Gravity > friction on the steep slope",
        "Chapter one: rivers › and streams. They flow.",
    ],
)
def test_a_comparison_or_a_sentence_is_not_a_breadcrumb(text: str) -> None:
    assert not is_noise_text(text)


def test_a_row_of_the_page_buttons_is_noise() -> None:
    assert is_noise_text("Print this page | Share | Back to top")


BREADCRUMB_TXT = """Open Science Library > Earth > Deserts

Hot Deserts of the World

A desert is a region that receives less than 250 mm of precipitation in a year. The largest
hot desert is the Sahara, which covers much of North Africa.

Most desert plants store water in their stems or have deep roots. The saguaro cactus of the
Sonoran Desert can store hundreds of litres of water after a single storm.
"""


def test_a_breadcrumb_is_never_the_title_and_the_next_line_is() -> None:
    found = kinds(BREADCRUMB_TXT)
    assert found["Open Science Library > Earth > Deserts"] == "noise"
    assert found["Hot Deserts of the World"] == "title"
    assert "Open Science Library" not in bank_of(BREADCRUMB_TXT).deck.name


RUNNING_HEADER_TXT = """Institute for Coastal Studies — Fact Sheet 3          Page 1

Sea Level and Tides

Tides are the regular rise and fall of the sea caused mainly by the pull of the Moon. Most
coasts have two high tides and two low tides in a little over a day.

A spring tide has the largest range and happens near a new or full moon, when the Sun and
the Moon pull in a line.

Institute for Coastal Studies — Fact Sheet 3          Page 2

A neap tide has the smallest range and happens near the first and last quarter of the
Moon, when the Sun and the Moon pull at right angles.

Page 3

- 4 -

The Bay of Fundy in Canada has the largest tidal range in the world, up to about 16 metres.
"""


def test_a_running_header_with_its_page_number_is_noise_wherever_it_is() -> None:
    found = kinds(RUNNING_HEADER_TXT)
    assert found["Institute for Coastal Studies — Fact Sheet 3 Page 1"] == "noise"
    assert found["Institute for Coastal Studies — Fact Sheet 3 Page 2"] == "noise"
    assert found["Page 3"] == "noise"
    bank = bank_of(RUNNING_HEADER_TXT)
    assert "Coastal Studies" not in bank.deck.name
    assert "Coastal Studies" not in asked(bank)


CLOUDS_TXT = """How Clouds Form

Clouds form when moist air rises and cools until its water vapour condenses on tiny
particles. Air is lifted in three main ways:

  (a) convection, when the ground is heated by the Sun and warm air rises in thermals;
  (b) relief uplift, when air is forced to rise over hills and mountains;
  (c) frontal uplift, when warm air is pushed up over a mass of colder, denser air.

The cooled air reaches its dew point, and droplets about 0.02 millimetres across form. In
warm clouds droplets collide and join, a process called coalescence.
"""


def test_list_labels_are_cut_and_their_lines_are_list_items() -> None:
    items = [text for text, kind in kinds(CLOUDS_TXT).items() if kind == "list_item"]
    assert [item.split(",")[0] for item in items] == [
        "convection",
        "relief uplift",
        "frontal uplift",
    ]
    everything = asked(bank_of(CLOUDS_TXT))
    assert "(a)" not in everything and "(c)" not in everything


def test_list_labels_are_cut_in_markdown_and_html_items_too() -> None:
    md = "# Clouds\n\nAir rises in two ways:\n\n- (a) convection over warm ground\n"
    md += "b) relief uplift\n"
    text = canonical_text(hinted_lines(md, "md"))
    assert "convection over warm ground\nrelief uplift" in text
    html = "<h1>Clouds</h1><ol><li>(i) convection over warm ground</li></ol>"
    assert "convection over warm ground" in canonical_text(hinted_lines(html, "html")).split("\n")


def test_a_copyright_line_keeps_its_mark() -> None:
    assert is_noise_text(canonical_text(hinted_lines("(c) 2024 Open Science Library", "txt")))


NOTES_HTML = """<html><body><article><h1>The printing press</h1>
<p>Johannes Gutenberg built a printing press with movable metal type in Mainz around 1450.
Each letter was cast in a mould from an alloy of lead, tin and antimony.</p>
<p>His best-known book is the Gutenberg Bible, printed in about 180 copies in the 1450s.</p>
<h3>Notes</h3>
<ol><li>The exact date of the first printed sheet is still debated among historians of Mainz.</li>
<li>On early Korean metal type, see our earlier feature "Letters of Bronze", issue 44.</li></ol>
</article></body></html>"""


def test_the_items_under_a_notes_heading_are_never_asked() -> None:
    found = kinds(NOTES_HTML, "html")
    note = "The exact date of the first printed sheet is still debated among historians of Mainz."
    assert found[note] == "noise"
    everything = asked(bank_of(NOTES_HTML, "html"))
    assert "debated" not in everything and "Bronze" not in everything


def test_html_footnote_sections_are_dropped() -> None:
    html = NOTES_HTML.replace("<h3>Notes</h3>", '<section class="footnotes"><h3>Notes</h3>')
    html = html.replace("</ol>", "</ol></section>")
    assert "debated" not in canonical_text(hinted_lines(html, "html"))

"""The real title among a page's masthead lines: a site's banner, menu or running header is
passed over for the line the article is about; chapter numbers and capitals are cleaned."""

from __future__ import annotations

from questions.masthead import clean_title
from questions.pipeline import analyse, generate
from questions.reading import RawArticle

FAQ = """SpaceFacts Online
Home > Space > Apollo
Menu | Search | Sign in | Newsletter

Apollo Program: Frequently Asked Questions

What was the Apollo program?

The Apollo program was the American spaceflight program that landed the first humans on the
Moon. Apollo flew crews between 1968 and 1972, and six Apollo missions landed on the Moon.

Who flew on Apollo 11?

Apollo 11 carried Neil Armstrong, Buzz Aldrin and Michael Collins to the Moon in July 1969.
Armstrong and Aldrin walked on the Moon while Collins stayed in lunar orbit aboard Columbia.
"""

CHAPTER = """EARTH SCIENCE FOR SECONDARY SCHOOLS                          Chapter 4

CHAPTER 4  THE RESTLESS EARTH: PLATE TECTONICS

Plate tectonics explains how the Earth's surface changes. The outer shell of the Earth is
broken into large pieces called plates. The plates move a few
centimetres each year, carried by slow currents in the mantle below the rigid lithosphere.

Where two plates move apart, magma rises and forms new crust at a mid-ocean ridge. Where two
plates collide, one plate may sink beneath the other at a subduction zone into the mantle.
"""


def title(text: str) -> str:
    bank, _ = generate(RawArticle("page.txt", text, "txt"))
    return bank.article.title


def test_a_site_banner_gives_way_to_the_title_the_article_is_about() -> None:
    assert title(FAQ) == "Apollo Program: Frequently Asked Questions"


def test_a_running_header_and_a_chapter_number_are_not_the_title() -> None:
    assert title(CHAPTER) == "The Restless Earth: Plate Tectonics"


def test_a_page_whose_first_line_is_its_title_keeps_it() -> None:
    text = "Plate Tectonics\n\n" + CHAPTER.split("\n\n", 2)[2]
    assert title(text) == "Plate Tectonics"


REPORT = """Centre for Regional Climate Studies - Briefing Note 7            Page 1

THE SUMMER MONSOON:
HOW IT WORKS

1. Introduction

The summer monsoon brings most of the year's rain to South Asia. The monsoon winds blow from
the sea between June and September, and the monsoon rains feed the rivers and the crops.

Centre for Regional Climate Studies - Briefing Note 7            Page 2

2. Forecasts

Climate centres forecast the monsoon each spring. A late monsoon onset delays the summer crops,
and a weak monsoon season leaves the rivers low until the next monsoon arrives.
"""


def test_a_running_header_said_again_on_each_page_loses_to_the_title_of_the_topic() -> None:
    assert analyse(REPORT, "txt").doc.title == "The Summer Monsoon: How It Works"


LONG_LINES = (  # one paragraph a line: the page as a whole is not hard-wrapped
    "Tropical cyclones need a sea surface warmer than about 26.5 °C to form and to grow, and "
    "they weaken quickly over land, where the warm ocean no longer feeds the storm.\n\n"
    "The Saffir-Simpson scale sorts tropical cyclones into five categories by their sustained "
    "wind speed, from category 1 at 119 km/h to category 5 above 252 km/h.\n\n"
    "Storm surge, a rise of the sea pushed ashore by the winds of tropical cyclones, causes "
    "most of the deaths when a tropical cyclone makes landfall on a low, crowded coast.\n"
)
NOTES = (
    "GEOGRAPHY 11 - UNIT 4: EXTREME WEATHER\n"
    "Study notes: Tropical cyclones (hurricanes and typhoons)\n\n"
    "A tropical cyclone is a large, rotating storm system that forms over warm\n"
    "tropical oceans. It has a centre of very low air pressure, strong winds that\n"
    "spiral inwards, and bands of heavy rain and thunderstorms around the eye.\n\n" + LONG_LINES
)


def test_a_wrapped_paragraph_line_is_never_the_title() -> None:
    assert (
        analyse(NOTES, "txt").doc.title
        == "Study notes: Tropical cyclones (hurricanes and typhoons)"
    )


def test_a_shouted_title_keeps_its_acronyms_beside_numbers() -> None:
    body = (
        "Trade grew after 200 BCE. By 1450 CE the routes declined, and networks of exchange shrank."
    )
    title = "NETWORKS OF EXCHANGE, 200 BCE-1450 CE"
    assert clean_title(title, body) == "Networks of Exchange, 200 BCE-1450 CE"


def test_a_breadcrumb_title_is_its_last_step() -> None:
    assert (
        clean_title("Parasites - Lice - Head Lice", "Head lice live on the scalp.") == "Head Lice"
    )
    assert clean_title("Home > Health > Asthma", "Asthma affects the airways.") == "Asthma"
    kept = "GPS: How Satellite Navigation Works - FAQ & Revision Sheet"
    assert clean_title(kept, "GPS uses satellites.") == kept

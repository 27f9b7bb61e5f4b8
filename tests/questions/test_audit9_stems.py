"""Blind audit 9 (h17–h20): stems that need a sentence the learner has not read, page
furniture (an editorial-board line, a reference list, a "Note:" label), a course header or a
site's tagline taken for the title, and "What is X?" keyed with an attribute or asked of an
adverbial. The texts are general English written for these tests."""

from __future__ import annotations

import pytest

from questions.acceptance import needs_antecedent
from questions.masthead import clean_title
from questions.model import Bank, Kind
from questions.pipeline import generate
from questions.reading import RawArticle
from questions.templates_gloss import with_article


def bank_of(text: str, fmt: str = "txt") -> Bank:
    bank, _ = generate(RawArticle(f"page.{fmt}", text, fmt))
    return bank


def prompts(bank: Bank) -> list[str]:
    return [q.prompt for q in bank.questions]


@pytest.mark.parametrize(
    "sentence",
    [
        "After that, all the stored grain is carried to the mill by cart.",
        "Ralph Merkle had been working on closely related ideas at the same time.",
        "If I only give you the product, finding the two original primes is very hard.",
        "Block ciphers such as AES are much less affected.",
        "Surveys of the soil of the mound found mercury, which lends support to his account.",
        "The product of their concentrations is constant at room temperature.",
        "Crick also saw a research report summarising the measurements.",
        "If you could already send it securely, you would hardly need a cipher.",
    ],
)
def test_a_stem_that_needs_the_sentence_before_it_is_recognised(sentence: str) -> None:
    assert needs_antecedent(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Honeybees use their wings to fan the hive.",
        "Comets are more common than asteroids in the outer solar system.",
        "A poor diet makes obesity and insulin resistance more likely.",
        "As a gas becomes more compressed, its temperature rises.",
        "An A-T pair has two bonds, while a G-C pair has three and is slightly more stable.",
        "Sima Qian described the tomb in his history of the dynasty.",
        "Norovirus is also known as the winter vomiting bug.",
    ],
)
def test_a_sentence_that_names_what_it_needs_stands_alone(sentence: str) -> None:
    assert not needs_antecedent(sentence)


FURNITURE = """<html><body><article>
<h1>Salt Roads</h1>
<p class="meta">Entry reviewed by the editorial board of European trade history. Cite this entry</p>
<p>The salt roads were trade routes that carried salt from the coastal pans to the inland
towns of the Alpine valleys. Salt was needed to preserve meat and fish through the winter.</p>
<p>The oldest salt road ran from the lagoon of Venice to the market of Innsbruck, a journey
of about twelve days by mule train over the Brenner Pass.</p>
<p>Merchants paid a toll called the gabelle at every bridge, and the towns along the routes
grew rich from these payments during the fourteenth century.</p>
<p>Note: Do not confuse the salt roads with the amber roads, which ran north to the Baltic.</p>
<section>
<h2>References</h2>
<ol>
<li>Hocquet, J. (ed.) <i>Salt in the Alps: A Trade History</i>. Geneva: Alpine Press, 1987.</li>
<li>Brunner, K. et al. "Toll records of the Brenner road." <i>Journal of Trade</i>, 2011.</li>
<li>Marco Rossi. <i>Lagoon and Market</i>. Trans. A. Smith. Venice University Press, 1994.</li>
</ol>
</section>
</article></body></html>
"""


def test_page_furniture_and_a_reference_list_make_no_questions() -> None:
    bank = bank_of(FURNITURE, "html")
    stems = " ".join(prompts(bank)).casefold()
    for furniture in ("editorial board", "cite this", "hocquet", "brunner", "alpine press"):
        assert furniture not in stems
    assert all(q.answer not in ("1987", "2011", "1994", "Hocquet") for q in bank.questions)


def test_a_callout_label_is_cut_from_the_line() -> None:
    bank = bank_of(FURNITURE, "html")
    assert not any("Note:" in p for p in prompts(bank))
    from questions.normalise import hinted_lines

    lines = [line.text for line in hinted_lines(FURNITURE, "html")]
    assert "Do not confuse the salt roads with the amber roads, which ran north to the Baltic." in (
        lines
    )


COURSE = """GEOG 210: RIVERS AND LANDSCAPES - LECTURE 9 STUDY NOTES
DELTAS: WHERE RIVERS MEET THE SEA

A delta is a landform of sediment that a river deposits where it flows into the sea. Deltas
grow when a river brings more sediment than waves and tides can carry away.

Most deltas are fan-shaped. The Nile delta is the classic fan-shaped delta, and the
Mississippi delta is a bird's-foot delta with long fingers of sand.

Deltas are fertile because each flood leaves a fresh layer of silt. Many deltas are
densely farmed, and rice is grown on the deltas of the Mekong and the Ganges.
"""

TAGLINE = """Riverwise - Plain-language guides to geography

Deltas, explained: how rivers build new land at the edge of the sea

A delta is a landform of sediment that a river deposits where it flows into the sea. Deltas
grow when a river brings more sediment than waves and tides can carry away.

Most deltas are fan-shaped. The Nile delta is the classic fan-shaped delta, and the
Mississippi delta is a bird's-foot delta with long fingers of sand.

Deltas are fertile because each flood leaves a fresh layer of silt. Many deltas are
densely farmed, and rice is grown on the deltas of the Mekong and the Ganges.
"""


def test_a_course_header_loses_the_title_to_the_topic_line() -> None:
    assert bank_of(COURSE).article.title == "Deltas: Where Rivers Meet the Sea"


def test_a_site_name_with_its_tagline_loses_the_title() -> None:
    assert bank_of(TAGLINE).article.title.casefold().startswith("deltas")


def test_a_course_code_in_capitals_is_kept_as_a_code() -> None:
    cleaned = clean_title("GEOG 210: RIVERS AND LANDSCAPES", "rivers shape landscapes")
    assert cleaned.startswith("GEOG 210")


DEFINED = """Tuberculosis

Tuberculosis (TB) is a bacterial infection spread through tiny droplets from the coughs or
sneezes of an infected person. It mainly affects the lungs.

TB is a notifiable disease. This means that a doctor must tell the local health team, who
will then trace the people the patient has been in close contact with.

The ionic equation is the same for every reaction between a strong acid and a strong base.

Most of the time a comet is a cold, dark, inactive object far from the Sun.

Halley's Comet is the best-known periodic comet, and it returns about every 76 years.

Key terms

Nucleus - the solid central body of a comet, a few kilometres across.
Coma - the cloud of gas and dust around the nucleus of an active comet.
Perihelion - the point in an orbit that is closest to the Sun.
"""


def test_what_is_x_asks_only_of_the_first_definition_and_a_noun_phrase() -> None:
    bank = bank_of(DEFINED)
    cards = {q.prompt: q.answer for q in bank.questions if q.kind == Kind.FLASHCARD}
    assert cards.get("What is TB?", "").casefold() != "a notifiable disease"
    assert "What is the ionic equation?" not in cards
    assert not any("most of the time" in p.casefold() for p in cards)
    assert "What is Halley's Comet?" not in cards


def test_a_glossary_term_defined_as_the_one_thing_takes_the() -> None:
    line = "Nucleus - the solid central body of a comet, a few kilometres across."
    meaning = "the solid central body of a comet, a few kilometres across"
    assert with_article("nucleus", line, meaning=meaning) == "the nucleus"
    assert with_article("sublimation", line, meaning="the change of a solid into a gas") == (
        "sublimation"
    )


OBJECTIVES = """EARTH SCIENCE FOR SCHOOLS                                   Chapter 4

CHAPTER 4  THE RESTLESS EARTH: PLATE TECTONICS

Learning objectives
By the end of this chapter you should be able to:
  * name the three types of plate boundary and give an example of each
  * explain how new ocean floor is made and destroyed at the plate boundaries


4.1 From continental drift to plate tectonics

Continental drift was proposed by Alfred Wegener in 1912. Continental drift explained why
the coasts of Africa and South America fit together, but not what moved the continents.
The outer shell of the Earth is broken into large plates that move a few centimetres each
year over the mantle, and the drift of the continents follows from it.
"""


def test_a_long_list_item_without_a_stop_still_ends_the_masthead() -> None:
    assert bank_of(OBJECTIVES).article.title == "The Restless Earth: Plate Tectonics"


@pytest.mark.parametrize(
    ("sentence", "points_back"),
    [
        ("Excavations around the site have also revealed pits of stone armour.", True),
        ("Gitelson also developed a formula for the readout of leaf pigment.", True),
        ("Chlorosis can also be caused by pathogens such as viruses.", False),
        ("The electromagnetic force is also involved in all chemical phenomena.", False),
    ],
)
def test_also_marks_an_added_event_not_a_property(sentence: str, points_back: bool) -> None:
    assert needs_antecedent(sentence) is points_back

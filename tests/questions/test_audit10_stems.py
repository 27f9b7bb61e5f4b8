"""Blind audit 10 (h21–h24): stems that lean on a sentence the learner has not read (the
page's own "we", a shell noun such as "the breakthrough", "Most are …", "then" before the
verb, "the low", "to the south"), glossary cards made of a verb phrase or a clause, an
abbreviation glossed by a shorter phrase than its letters spell, and reverse glossary cards
whose definition spells the term. The texts are general English written for these tests."""

from __future__ import annotations

import pytest

from questions.acceptance import needs_antecedent, page_voice
from questions.model import Bank, Kind
from questions.pipeline import analyse, generate
from questions.reading import RawArticle
from questions.templates_structure import defines_a_thing, spells_term


def bank_of(text: str, fmt: str = "txt") -> Bank:
    bank, _ = generate(RawArticle(f"page.{fmt}", text, fmt))
    return bank


def prompts(bank: Bank) -> list[str]:
    return [q.prompt for q in bank.questions]


@pytest.mark.parametrize(
    "sentence",
    [
        "The breakthrough came from Thomas Newcomen, an ironmonger from Dartmouth.",
        "Since the engines used a quarter of the coal, owners found the bargain worthwhile.",
        "The link is not fixed in every year.",
        "The basic driver is the difference in how land and sea heat up.",
        "Most are perennials that grow back from their roots each spring.",
        "The rains then advance northwards across the plains.",
        "Moist air is drawn inland from the sea to fill the low.",
        "The ocean to the south remains comparatively cool.",
    ],
)
def test_a_stem_that_leans_on_the_sentence_before_is_recognised(sentence: str) -> None:
    assert needs_antecedent(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The link between diet and diabetes is strong.",
        "Steam filled the cylinder, then a jet of cold water was sprayed inside.",
        "Most people have two kidneys.",
        "Ships sailed from Lübeck to the North Sea.",
        "Warm air rises to the south of the mountains.",
        "If the acid is too strong, then the enzyme stops working.",
        "In 1241 two towns agreed to guard the road between them; the link gave both a port.",
    ],
)
def test_a_sentence_that_names_its_referent_stands_alone(sentence: str) -> None:
    assert not needs_antecedent(sentence)


def test_the_pages_own_we_is_page_talk() -> None:
    assert page_voice("We trace the inventions that made steam the engine of the age.")
    assert page_voice("In this note we look at how the monsoon works.")
    assert page_voice("Here we follow the river from its source.")
    assert not page_voice("Weavers made the first cloth on hand looms.")


ESSAY = """The Windmill

We trace the inventions that made wind the engine of the Dutch polders.

Early windmills ground grain between two millstones turned by the sails. The post mill stood
on a single wooden post, so that the miller could turn the whole mill to face the wind.

The smock mill had a fixed body and a cap that turned, which let millers build taller and
stronger towers. Drainage mills lifted water from the low fields into raised canals.

By 1850 about nine thousand windmills worked in the Netherlands, most of them for drainage.
"""


def test_a_sentence_in_the_pages_voice_is_never_asked() -> None:
    assert not any("We trace" in p for p in prompts(bank_of(ESSAY)))


LEAFLET = """# The urinary tract

The kidneys are part of the **urinary tract**, which makes and stores urine:

- **Kidneys** — filter the blood and make urine.
- **Ureters** — two thin muscular tubes that carry urine from each kidney down to the bladder.
- **Keep bones healthy** — they convert vitamin D into its active form, calcitriol.
- **Peritoneal dialysis** — a special fluid is run into the abdomen through a soft tube.
- **Urethra** — the tube that carries urine from the bladder out of the body.

Doctors measure how well the kidneys work with a blood test. This test gives the
**estimated glomerular filtration rate (eGFR)**, which falls as the kidneys fail.
"""


def test_a_verb_phrase_or_a_clause_makes_no_glossary_card() -> None:
    stems = " ".join(prompts(bank_of(LEAFLET, "md"))).casefold()
    assert "filter the blood" not in stems
    assert "keep bones healthy" not in stems
    assert "a special fluid is run" not in stems
    assert "two thin muscular tubes" in stems  # a noun-phrase definition is still asked


def test_an_abbreviation_is_never_the_alias_of_a_shorter_phrase() -> None:
    bank = bank_of(LEAFLET, "md")
    assert not any("filtration rate also called" in p for p in prompts(bank))
    assert all(q.answer != "EGFR" for q in bank.questions)
    facts = analyse(LEAFLET, "md").facts
    named = {(f.kind, f.subject, f.answer) for f in facts if f.subject == "eGFR"}
    assert named == {("abbreviation", "eGFR", "estimated glomerular filtration rate")}


@pytest.mark.parametrize(
    ("term", "meaning"),
    [
        ("Kidneys", "filter the blood and make urine"),
        ("Keep bones healthy", "they convert vitamin D into its active form"),
        ("Peritoneal dialysis", "a special fluid is run into the abdomen"),
        ("The collecting duct", "tubules from many nephrons drain into collecting ducts"),
        ("Amphoteric", "describes a substance that can act as an acid or as a base"),
        ("[^1]", "this is called the renal blood flow"),
    ],
)
def test_a_glossary_line_that_is_no_definition_is_refused(term: str, meaning: str) -> None:
    assert not defines_a_thing(term, meaning)


@pytest.mark.parametrize(
    ("term", "meaning"),
    [
        ("Thermokarst", "an irregular landscape of hollows, slumps and small lakes that forms"),
        ("Arctic tundra", "tundra found at high latitudes in the Northern Hemisphere"),
        ("Hypotonia", "abnormally low muscle tone caused by the absence of contractions"),
        ("Consumer surplus", "difference between the highest price a buyer is willing to pay"),
        ("Slab pull", "the pull exerted by a sinking plate edge on the rest of the plate"),
        ("Depolarize", "to reduce the voltage difference across a membrane"),
    ],
)
def test_a_noun_phrase_definition_is_kept(term: str, meaning: str) -> None:
    assert defines_a_thing(term, meaning)


GLOSSARY = """Cold lands: a glossary

Treeline – The boundary beyond which trees cannot grow, either towards the pole or upwards.

Ice-wedge polygon – A many-sided patch of ground outlined by wedges of ice in frozen soil.

Palsa – A low mound in a peat bog that has a permanently frozen core of peat and ice.

Pingo – A dome-shaped hill with a core of ice, formed where water freezes underground.

Krummholz – Stunted, twisted and wind-shaped trees that grow near the treeline.

Albedo – The fraction of incoming sunlight that a surface reflects back into space.
"""


def test_a_definition_that_spells_its_term_is_not_asked_for_the_term() -> None:
    bank = bank_of(GLOSSARY)
    reverse = [q for q in bank.questions if q.prompt.startswith("Which term")]
    answers = {q.answer for q in reverse}
    assert "Treeline" not in answers
    assert "Ice-wedge polygon" not in answers
    assert {"Palsa", "Krummholz"} & answers  # a definition that spells nothing stays
    # The forward card still asks the term's meaning.
    assert any(q.kind == Kind.FLASHCARD and "treeline?" in q.prompt for q in bank.questions)


@pytest.mark.parametrize(
    ("term", "meaning", "leaks"),
    [
        ("Treeline", "the boundary beyond which trees cannot grow", True),
        ("Ice-wedge polygon", "a patch of ground outlined by wedges of ice", True),
        ("Peatland", "wet ground where peat builds up", True),
        ("Palsa", "a low mound in a peat bog", False),
        ("Formula", "a form of words that is used", False),
        ("Krummholz", "stunted trees that grow near the treeline", False),
    ],
)
def test_a_definition_spelling_a_part_of_the_term_is_leakage(
    term: str, meaning: str, leaks: bool
) -> None:
    assert spells_term(term, meaning) is leaks

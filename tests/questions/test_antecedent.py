"""A cloze of a sentence that points back shows the sentence before it (issue 13): the pair's
source spans both sentences, its blank is not given away by the first, and nothing else is
asked of the pair."""

from __future__ import annotations

from questions.antecedent import carried, gives_away, leans_on
from questions.model import CLOZE_BLANK, Kind
from questions.pipeline import analyse, generate
from questions.reading import RawArticle

CANCEL = (
    "When the Moon is at first quarter or last quarter, the pull of the Sun partially "
    "cancels the pull of the Moon, making the water lower than usual."
)
BULGES = "The bulges of water travel around the planet twice a day. These are called tidal bulges."
FLOW = "Rather, the water flows toward the regions under the Moon. So this is called tidal flow."
ARTICLE = f"""# Ocean tides

## Tides of the Sun and Moon

{CANCEL} These are called neap tides.

{BULGES}

{FLOW}

The planet drags the water ahead of the line between the Moon and the planet.

This is known as the tidal delay of the oceans on the planet.

The Moon is moving away from the planet by 3.8 centimeters per year, as lasers have shown.
Our day gets longer by about 0.002 second each century because of friction.
"""


def test_a_sentence_that_points_back_is_carried_only_after_a_self_contained_one() -> None:
    doc = analyse(ARTICLE, "md").doc
    pairs = {u.sentence.text: u.antecedent.text for u in carried(doc).values() if u.antecedent}
    assert pairs["These are called neap tides."] == CANCEL
    assert "So this is called tidal flow." not in pairs  # "Rather, …" points back
    assert not any(s.startswith("This is known as") for s in pairs)  # another paragraph


def test_the_cloze_shows_the_sentence_it_points_back_to_and_its_source_spans_both() -> None:
    bank, _ = generate(RawArticle("tides.md", ARTICLE, "md"))
    asked = [q for q in bank.questions if q.answer == "neap tides"]
    assert [q.kind for q in asked] == [Kind.CLOZE]  # no true/false, no choice of a pair
    cloze = asked[0]
    assert cloze.prompt == f"{CANCEL} These are called {CLOZE_BLANK}."
    text = bank.article.text
    assert text[cloze.source.start : cloze.source.end] == cloze.source.sentence
    assert cloze.source.sentence == f"{CANCEL} These are called neap tides."


def test_a_blank_the_sentence_before_gives_away_is_not_carried() -> None:
    assert gives_away("tidal bulges", "The bulges of water travel around the planet.")
    assert gives_away("Sun", "The pull of the Sun cancels it.")
    assert not gives_away("neap tides", CANCEL)
    bank, _ = generate(RawArticle("tides.md", ARTICLE, "md"))
    for q in bank.questions:
        shown = q.prompt.split(CLOZE_BLANK)[0]
        assert not (q.kind == Kind.CLOZE and gives_away(q.answer, shown)), q.prompt


PREGNANCY = (
    "Restless legs syndrome affects the legs of many adults at night before sleep. "
    "It occurs in many women during the last 3 months of pregnancy."
)
RESOLVED = f"""# Disorders of the legs

## 1. Restless Legs Syndrome

Restless legs syndrome makes the legs of many adults restless at night before sleep.
{PREGNANCY}

## 2. Periodic Limb Movement Disorder

Periodic limb movement disorder makes the legs of many adults jerk during sleep at night.
Periodic limb movement disorder is treated with iron supplements by many doctors.

## 3. Nocturnal Leg Cramps

Nocturnal leg cramps wake many older adults with sudden pain in the calf muscles.
Nocturnal leg cramps are eased by stretching the calf muscles before sleep.
"""


def test_a_pronoun_its_entity_resolves_is_asked_alone_with_its_own_source() -> None:
    bank, _ = generate(RawArticle("rls.md", RESOLVED, "md"))
    text = bank.article.text
    asked = [q for q in bank.questions if q.answer == "last 3 months"]
    assert [q.prompt for q in asked] == [
        f"Restless legs syndrome occurs in many women during the {CLOZE_BLANK} of pregnancy."
    ]
    assert asked[0].source.sentence.startswith("It occurs"), asked[0].source
    assert text[asked[0].source.start : asked[0].source.end] == asked[0].source.sentence


def test_a_sentence_that_leans_on_the_one_before_is_shown_after_it() -> None:
    assert leans_on(
        "Each nymph has a hinged lower lip, the mask, folded under its head.",
        "The mask shoots forward in a fraction of a second and grabs the prey.",
    )
    assert leans_on("Voyager 1 left the planets behind.", "In 1990 it turned its camera back.")
    assert not leans_on("Each nymph has a lower lip.", "The wing is clear and veined.")
    assert not leans_on("Each nymph has a lower lip.", "Dragonflies hunt flies over ponds.")


def test_a_leaning_sentence_is_carried_with_its_antecedent() -> None:
    text = (
        "# Dragonflies\n\nA dragonfly nymph has a hinged lower lip, the mask, folded under "
        "its head. The mask shoots forward in a fraction of a second and grabs tadpoles and "
        "small fish.\n"
    )
    doc = analyse(text, "md").doc
    pairs = carried(doc)
    leaning = next(u for u in doc.units if u.sentence.text.startswith("The mask"))
    pair = pairs[leaning.sentence.start]
    assert pair.antecedent is not None and pair.antecedent.text.startswith("A dragonfly nymph")

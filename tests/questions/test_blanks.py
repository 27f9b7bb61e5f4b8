"""Which blanks a sentence offers (issue 13): several per sentence for the ranking to choose
from, names, numbers with their whole unit, named terms, and sentences that stand alone."""

from __future__ import annotations

from collections import Counter

import pytest

from questions.facts_keyterms import best_blanks, candidates, is_name, vocabulary
from questions.keyterms import key_terms as planned
from questions.model import Kind
from questions.nlp import noun_phrases
from questions.pipeline import analyse, generate
from questions.quantities import is_quantity, quantities
from questions.rarity import is_trivial
from questions.reading import RawArticle

ARTICLE = """# Ocean tides

## The pull of the Moon

A satisfactory explanation of the tides awaited the theory of gravity, supplied by Newton.
The oceans bulge toward the Moon because the gravitational pull differs across the planet.
Our day gets longer by about 0.002 second each century because of tidal friction.
The Moon is moving away from the planet by 3.8 centimeters per year, as lasers have shown.
Red blood cells speed up the reaction with an enzyme called carbonic anhydrase.
So the water moves toward the regions under the Moon and opposite to the Moon.
In this case, the bulges of water would be carried around the planet by its rotation.
"""


def blanks(text: str) -> list[str]:
    vocab = vocabulary(analyse(ARTICLE, "md").doc)
    return [text[s:e] for s, e in best_blanks(text, 0, vocab, Counter())]


def key_terms(text: str = ARTICLE) -> dict[str, list[str]]:
    """Each sentence's key-term answers, by the sentence's first words."""
    out: dict[str, list[str]] = {}
    for fact in analyse(text, "md").facts:
        if fact.kind == "key_term":
            out.setdefault(" ".join(fact.unit.sentence.text.split()[:3]), []).append(fact.answer)
    return out


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Our day gets longer by about 0.002 second each century.", ["0.002 second"]),
        ("It moves away by 3.8 centimeters per year, lasers show.", ["3.8 centimeters per year"]),
        ("The disease affects about one in 2,500 people.", ["one in 2,500 people"]),
        ("Although about half of them have no problems.", ["about half"]),
        ("It usually occurs during the last 3 months of pregnancy.", ["last 3 months"]),
        ("Below 70 mg/dL, 130°F, 85% of 2–5 years.", ["70 mg/dL", "130°F", "85%", "2–5 years"]),
        ("Adults need between seven and nine hours of sleep.", ["between seven and nine hours"]),
        ("Teenagers need about eight to ten hours.", ["eight to ten hours"]),
        ("In 1905 a theory by one of them had four parts.", []),
    ],
)  # fmt: skip
def test_quantities_keep_their_whole_unit_and_number_words(text: str, found: list[str]) -> None:
    assert [text[s:e] for s, e in quantities(text)] == found


def test_a_quantity_in_words_is_never_trivial() -> None:
    assert is_quantity("about half") and not is_trivial("about half")
    assert is_quantity("half") and not is_quantity("one")  # a number word needs its unit
    assert is_trivial("people") and not is_quantity("people")


def test_a_sentence_offers_its_best_blanks_none_overlapping() -> None:
    found = blanks(
        "Our day gets longer by about 0.002 second each century because of the asthenosphere."
    )
    assert found[0] == "0.002 second"
    assert 1 < len(found) <= 3 and "asthenosphere" in found
    assert "day" not in found  # an everyday word is no second blank


def test_a_name_mid_sentence_is_a_blank_however_common_the_word() -> None:
    sentence = (
        "A satisfactory explanation of the tides awaited the theory of gravity, supplied by Newton."
    )
    assert "Newton" in blanks(sentence)
    assert is_name(sentence, (sentence.index("Newton"), len(sentence) - 1))
    label = "Unpleasant feelings: Severe cramps may cause pain."
    assert not is_name(label, (21, 27))  # the first word of a clause after a label


def test_the_named_term_is_the_blank_not_the_phrase_that_names_it() -> None:
    terms = key_terms()
    assert "carbonic anhydrase" in terms["Red blood cells"]
    assert not any("called" in t for ts in terms.values() for t in ts)


def test_the_ranking_keeps_one_question_per_sentence_and_no_cloze_that_points_back() -> None:
    bank, _ = generate(RawArticle("tides.md", ARTICLE, "md"))
    starts = Counter(q.source.start for q in bank.questions)
    assert max(starts.values()) == 1
    clozes = {q.answer: q for q in bank.questions if q.kind == Kind.CLOZE}
    assert {"Newton", "0.002 second", "carbonic anhydrase"} <= set(clozes), sorted(clozes)
    assert not [q for q in clozes.values() if q.prompt.startswith(("So ", "In this case"))]


def test_names_with_letters_beyond_ascii_are_one_phrase_and_a_verb_ends_a_phrase() -> None:
    phrases = [p.text for p in noun_phrases("In 1820, Hans Christian Ørsted made an observation.")]
    assert "Hans Christian Ørsted" in phrases
    phrases = [p.text for p in noun_phrases("The experiment of Ørsted influenced Ampère to write.")]
    assert "Ørsted" in phrases and "Ampère" in phrases  # not "Ørsted influenced Ampère"


NAMING = """# Nerve disease

## Damage

Repeated damage leaves layers of myelin around the nerves, a structure termed the onion bulb.
Myelin wraps the axons of nerve cells so that their signals travel faster.
Without enough myelin the signals slow down along the peripheral nerves.
Schwann cells make the myelin of the peripheral nerves, and myelin protects the axons.
"""


def test_a_sentence_that_names_a_term_is_left_to_that_term() -> None:
    analysis = analyse(NAMING, "md")
    chosen = {term: m.unit for _, term, m in planned(analysis.doc, analysis.vocab)}
    assert "onion bulb" in chosen
    assert chosen.get("myelin", chosen.get("Myelin")) != chosen["onion bulb"]


def test_a_name_after_its_description_is_blanked_as_the_name_alone() -> None:
    text = (
        "# Tuberculosis\n\nTuberculosis is an infection of the lungs.\n\n## History\n\n"
        "The bacterium was identified by the German doctor Robert Koch, who studied it.\n"
    )
    doc = analyse(text, "md").doc
    sentence = doc.units[-1].sentence.text
    spans = {sentence[s:e] for s, e, _ in candidates(sentence, 0, vocabulary(doc))}
    assert "Robert Koch" in spans
    assert not any("doctor" in span for span in spans)

"""Audits 8b and 9 (h13-h20), the deck as a whole: one fact is asked once (a table value
as true/false and as multiple choice, a year a stem already shows, a definition asked both
ways); a number's options measure what the answer measures; a glossary's false statements
are false by the article, not by their wording, and never mirror each other; a table row's
stem has its caption's context and no cell's capital."""

from __future__ import annotations

import re

import pytest

from questions import templates_structure
from questions.context import build_context
from questions.kinship import role_words, same_role
from questions.model import Kind, Question, Source
from questions.pipeline import analyse, generate
from questions.ranking import rank
from questions.reading import RawArticle
from questions.templates import candidates
from questions.templates_structure import _false_definition as false_definition

TEXT = "word " * 400  # an article long enough for every question below to fit the budget


def question(kind: Kind, prompt: str, answer: str, fact_kind: str, start: int) -> Question:
    source = Source("s", prompt, start, start + 1)
    return Question(f"q{start}", kind, prompt, answer, "", f"f{start}", fact_kind, "", source)


def kept(*questions: Question) -> list[str]:
    return [q.prompt for q in rank(list(questions), TEXT, lambda _: 1)]


def test_a_table_value_is_not_asked_as_true_false_and_as_multiple_choice() -> None:
    choice = question(
        Kind.MULTIPLE_CHOICE,
        "Which pit has 6,000 m² as its approximate area?",
        "Pit 2",
        "table_cell",
        1,
    )
    false = question(
        Kind.TRUE_FALSE, "The approximate area of Pit 1 is 6,000 m².", "False", "table_cell", 2
    )
    other = question(
        Kind.TRUE_FALSE, "The approximate area of Pit 3 is 14,260 m².", "False", "table_cell", 3
    )
    assert len(kept(choice, false)) == 1
    assert len(kept(choice, other)) == 2  # another value: another fact


def test_a_year_a_kept_stem_shows_is_not_asked_again() -> None:
    cloze = question(
        Kind.CLOZE,
        "{{blank}} is an X-ray image of DNA taken in May 1952 by Raymond Gosling.",
        "Photo 51",
        "key_term",
        1,
    )
    timeline = question(
        Kind.MULTIPLE_CHOICE,
        "Which value completes the article's sentence: “May ___: Raymond Gosling takes"
        " Photo 51 in Franklin's laboratory.”",
        "1952",
        "key_term",
        2,
    )
    elsewhere = question(
        Kind.CLOZE,
        "In 1952 {{blank}} confirmed that DNA enters the cell.",
        "Hershey",
        "key_term",
        3,
    )
    prompts = kept(cloze, timeline, elsewhere)
    # The year goes, not the term: the timeline's number ranks below the stem that states it.
    assert cloze.prompt in prompts and timeline.prompt not in prompts
    assert elsewhere.prompt in prompts  # 1952 again, but no subject in common


def test_a_name_with_a_number_is_no_value_a_stem_gives_away() -> None:
    condition = question(
        Kind.FLASHCARD,
        "Which condition makes the blood sugar level too high?",
        "Type 2 diabetes",
        "definition",
        1,
    )
    cloze = question(
        Kind.CLOZE,
        "People with type 2 diabetes who lose weight can reach {{blank}}.",
        "remission",
        "key_term",
        2,
    )
    assert len(kept(condition, cloze)) == 2


def test_a_definition_is_not_asked_both_ways() -> None:
    forward = question(
        Kind.FLASHCARD,
        "What is an acid-base indicator?",
        "A weak acid whose forms have different colours",
        "definition",
        1,
    )
    reverse = question(
        Kind.FLASHCARD,
        "Which term does the article define as “a weak acid whose colour changes with pH”?",
        "Indicator",
        "definition",
        2,
    )
    glossary = question(
        Kind.FLASHCARD,
        "Which term does the article define as “protein that covers the myosin-binding sites”?",
        "Tropomyosin",
        "definition",
        3,
    )
    myosin = question(
        Kind.MULTIPLE_CHOICE,
        "Which term does the article define as “protein of the thick filaments”?",
        "Myosin",
        "definition",
        4,
    )
    assert len(kept(forward, reverse)) == 1
    assert len(kept(glossary, myosin)) == 2  # a term named inside a long quoted definition


def test_one_definition_quoted_twice_is_one_question() -> None:
    true = question(
        Kind.TRUE_FALSE,
        "The article defines “GDP” as “total market value of all final goods and services”.",
        "True",
        "definition",
        1,
    )
    false = question(
        Kind.TRUE_FALSE,
        "The article defines “opportunity cost” as “total market value of all final goods"
        " and services”.",
        "False",
        "definition",
        2,
    )
    assert len(kept(true, false)) == 1


FOOD = """# Food safety

## Organisms

| Organism | Foods often involved | Typical time to symptoms |
| --- | --- | --- |
| Campylobacter | Raw poultry | 2 to 5 days |
| Salmonella | Raw eggs | 6 to 72 hours |
| Norovirus | Raw shellfish | 12 to 48 hours |
| Listeria | Soft cheeses | up to 70 days |

## Leftovers

Eat refrigerated leftovers within 2 days, except for cooked rice.
Frozen leftovers should be eaten within 30 days of freezing.
Leftovers kept in the fridge should be eaten within 7 days at most.
Cool cooked rice within 1 hour and keep it in the fridge.
"""


def number_choices(text: str, answer: str) -> list[Question]:
    analysis = analyse(text, "md")
    ctx = build_context(analysis.doc, list(analysis.facts))
    made = [c.question for c in candidates(ctx, list(analysis.facts))]
    return [q for q in made if q.kind == Kind.MULTIPLE_CHOICE and q.answer == answer]


def test_a_numbers_options_measure_what_the_answer_measures() -> None:
    # Not "70 days" (an incubation time), "2 to 5 days" (a range), nor "30 days" (fifteen
    # times the answer: implausible, round 37): one wrong value left, so no multiple choice.
    for leftovers in [q for q in number_choices(FOOD, "2 days") if "leftovers" in q.prompt]:
        assert set(leftovers.options) <= {"2 days", "7 days"}
    # Cooling rice: no other number says how soon to cool something, so no multiple choice.
    assert not [q for q in number_choices(FOOD, "1 hour") if "rice" in q.prompt]


def test_role_words_are_the_words_around_a_number() -> None:
    role = role_words("Eat refrigerated leftovers within", ", except for cooked rice.")
    assert {"leftover", "within", "eat"} <= role and "the" not in role
    assert same_role(role, role_words("should be eaten", "at most, leftovers kept cold"))
    assert not same_role(role, role_words("Typical time to symptoms"))
    assert same_role(frozenset(), None)  # an answer without context words takes any


COMETS = """Comets and acids: study notes

KEY TERMS
Aphelion - the point in an orbit that is farthest from the Sun.
Dust tail - a broad, curved tail of dust particles pushed away from the nucleus.
Ion tail - a narrow, straight tail of electrically charged gas carried by the solar wind.
Perihelion - the point in an orbit that is closest to the Sun.
Node - the point where an orbit crosses the plane of the ecliptic.
Weak acid - an acid that is only partly ionised in water.
Indicator - a weak acid whose colour changes with pH.
Strong acid - an acid that is fully ionised in water.
Comet - a small icy body that orbits the Sun.
Asteroid - a small rocky body that orbits the Sun.
Sublimation - the change of a solid directly into a gas.
Condensation - the change of a gas into a liquid.
Melting - the change of a solid into a liquid.

THE NUCLEUS
The nucleus of a comet is a solid lump of ice and dust a few kilometres across.
"""
GLOSSARY_LINE = re.compile(r"^(\w[\w ]*) - (.+)\.$", re.M)


def swaps(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Each term's false definition, as if every term made a false statement."""
    monkeypatch.setattr(templates_structure, "say_false", lambda _: True)
    analysis = analyse(COMETS, "txt")
    ctx = build_context(analysis.doc, list(analysis.facts))
    terms = [f for f in analysis.facts if f.group.startswith("glossary")]
    assert len(terms) == 13
    return {f.subject.casefold(): false_definition(ctx, f).casefold() for f in terms}


def test_a_false_definition_names_no_word_of_either_term(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made = swaps(monkeypatch)
    own = {term.casefold(): meaning.casefold() for term, meaning in GLOSSARY_LINE.findall(COMETS)}
    assert made["weak acid"] == ""  # not "a weak acid whose colour …" nor "an acid that …"
    assert made["dust tail"] == "" and made["ion tail"] == ""  # each other's "tail"
    assert made["aphelion"] == own["perihelion"]
    for term, claim in made.items():
        other = next((t for t, meaning in own.items() if claim and meaning == claim), "")
        assert not set(f"{term} {other}".split()) & set(re.findall(r"\w+", claim)), term


def test_two_terms_never_take_each_others_definitions(monkeypatch: pytest.MonkeyPatch) -> None:
    made = swaps(monkeypatch)
    own = {term.casefold(): meaning.casefold() for term, meaning in GLOSSARY_LINE.findall(COMETS)}
    assert made["comet"] == own["asteroid"]
    assert made["asteroid"] == ""  # the only other body is the comet, which took its own
    for term, claim in made.items():
        other = next((t for t, meaning in own.items() if claim and meaning == claim), "")
        assert not other or made[other] != own[term], (term, other)


HANSA = """# The Hanseatic League

## Trade

Salt came from the salt works of Lüneburg and was carried along the Old Salt Route.
Herring was caught off Scania and salted for the markets of Europe.

Main commodities of Hanseatic trade
| Commodity | Main source |
| --- | --- |
| Salt | Lüneburg |
| Herring | Scania |
| Furs and wax | Novgorod |
| Stockfish | Bergen |
"""


def test_a_table_row_stem_has_its_captions_context_and_no_cells_capital() -> None:
    analysis = analyse(HANSA, "md")
    ctx = build_context(analysis.doc, list(analysis.facts))
    made = [c.question for c in candidates(ctx, list(analysis.facts))]
    rows = [q for q in made if "main source" in q.prompt]
    assert rows
    assert all(q.prompt.startswith("In Hanseatic trade, ") for q in rows), rows
    assert any("main source of salt?" in q.prompt for q in rows)
    assert not any("of Salt" in q.prompt for q in rows)


def test_a_caption_naming_the_articles_topic_adds_nothing() -> None:
    text = HANSA.replace("Main commodities of Hanseatic trade", "Goods of the Hanseatic League")
    bank = generate(RawArticle("hansa.md", text, "md"))[0]
    rows = [q for q in bank.questions if "main source" in q.prompt]
    assert rows and not any(q.prompt.startswith("In ") for q in rows)

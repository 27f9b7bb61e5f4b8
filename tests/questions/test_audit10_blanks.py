"""Blind audit 10 (h21-h24): blank the fact, not the frame, and ask one passage's facts once.

A blank is never the clause's verb that the tagger read as a noun ("Observations ___ that …",
"The rains then ___ northwards"), one example of many ("like the ___ and the Arctic fox"), or
the page's own subject beside the sentence's real fact ("the southwest ___ runs from June to
September"). Two questions on adjacent sentences do not print each other's answers, and a
"Key points" section does not re-ask what the body's questions ask. The texts are general
English written for these tests."""

from __future__ import annotations

import pytest

from questions.blankspan import opens_with_verb, swallows_verb
from questions.facts_keyterms import candidates, vocabulary
from questions.model import Kind, Question, Source
from questions.pipeline import analyse
from questions.ranking import rank

MONSOON = """# Seasonal winds

The monsoon is a seasonal reversal of the winds.
In Ruritania the southwest monsoon season runs from June to September.
The monsoon brings most of the year's rain to the plains.
Farmers plant rice when the monsoon arrives.
A weak monsoon can cause drought in the north.
Engineers built the Kessel dam to store monsoon water.
Animals that stay all year, like the muskox and the Arctic fox, cope with the cold.
Birds such as the ptarmigan turn white in winter.
"""


def offered(text: str) -> list[str]:
    """Every blank the sentence offers (before the ranking chooses among them)."""
    vocab = vocabulary(analyse(MONSOON, "md").doc)
    return [text[s:e] for s, e, _ in candidates(text, 0, vocab)]


def span_of(text: str, answer: str) -> tuple[int, int]:
    start = text.index(answer)
    return start, start + len(answer)


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Observations show that the number of dry days has increased.", "Observations show"),
        ("One valley may suffer drought while a neighbouring one floods.", "one floods"),
    ],
)
def test_a_blank_never_ends_in_the_clauses_verb(text: str, answer: str) -> None:
    assert swallows_verb(text, span_of(text, answer))


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("The rains then advance northwards and cover the plains by July.", "advance northwards"),
        (
            "A warm sea, with a cool land, generally favours heavy rainfall over the coast.",
            "favours",
        ),
    ],
)
def test_a_blank_never_opens_with_the_clauses_verb(text: str, answer: str) -> None:
    assert opens_with_verb(text, span_of(text, answer))


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("It is caused by muscle cramps that happen at night.", "muscle cramps"),
        ("Muscle cramps that happen at night are common.", "Muscle cramps"),
        ("Doctors treat it with iron tablets.", "iron tablets"),
        ("Plants grow close to the ground, under the protection of winter snow.", "winter snow"),
        ("Atolls are separated from the coast by a wider and deeper lagoon.", "deeper lagoon"),
    ],
)
def test_a_noun_phrase_with_a_verb_form_stays_a_blank(text: str, answer: str) -> None:
    span = span_of(text, answer)
    assert not swallows_verb(text, span) and not opens_with_verb(text, span)


def test_the_pages_subject_is_not_blanked_beside_the_sentences_fact() -> None:
    text = "In Ruritania the southwest monsoon season runs from June to September."
    blanks = offered(text)
    assert "monsoon season" not in blanks and "monsoon" not in blanks
    assert "Kessel" in offered("Engineers built the Kessel dam to store monsoon water.")


def test_one_example_of_many_is_not_a_blank() -> None:
    text = "Animals that stay all year, like the muskox and the Arctic fox, cope with the cold."
    assert "muskox" not in offered(text)
    assert "ptarmigan" not in offered("Birds such as the ptarmigan turn white in winter.")


TEXT = "word " * 400  # an article long enough for every question below to fit the budget


def question(
    kind: Kind, prompt: str, answer: str, start: int, section: str = "History"
) -> Question:
    source = Source(section, prompt, start, start + 90)
    fact = f"f{start}"
    return Question(f"q{start}", kind, prompt, answer, "", fact, "key_term", "", source)


def kept(*questions: Question) -> list[str]:
    """The answers of ``questions`` a deck keeps, beside eight unrelated questions: a deck at
    its minimum takes back a question a neighbour gives away, rather than ship fewer."""
    others = [
        question(
            Kind.CLOZE,
            f"Unrelated fact number {k} names the {{{{blank}}}}.",
            f"term{k}",
            9000 + 500 * k,
        )
        for k in range(8)
    ]
    return [q.answer for q in rank([*questions, *others], TEXT, lambda _: 1) if q not in others]


def test_a_name_an_adjacent_stem_prints_is_not_asked() -> None:
    years = question(
        Kind.MULTIPLE_CHOICE,
        "Which value completes the article's sentence: “In 1775 Watt went into partnership"
        " with the manufacturer Matthew Boulton, and his patent ran until ___.”",
        "1800",
        100,
    )
    firm = question(Kind.CLOZE, "The firm of {{blank}} & Watt leased its engines.", "Boulton", 191)
    assert kept(years, firm) == ["1800"]  # the item that prints the name keeps its own fact


def test_two_adjacent_clozes_do_not_answer_each_other() -> None:
    rods = question(
        Kind.CLOZE,
        "The piston was chained to a great beam; the other end worked the pump {{blank}}.",
        "rods",
        100,
    )
    piston = question(
        Kind.CLOZE, "The weight of the pump rods then pulled the {{blank}} back up.", "piston", 191
    )
    assert len(kept(rods, piston)) == 1
    far = question(Kind.CLOZE, "Later engines had no {{blank}} at all.", "rods", 2000)
    assert len(kept(piston, far)) == 2  # far apart: each stands on its own


def test_a_key_points_section_does_not_re_ask_the_body() -> None:
    body = question(
        Kind.CLOZE,
        "Where the Khasi Hills of {{blank}} lift the air, the heaviest rain falls.",
        "Meghalaya",
        100,
    )
    summary = question(
        Kind.CLOZE,
        "Lifting over the Western Ghats and the {{blank}} produces the heaviest rain.",
        "Khasi Hills",
        3000,
        "Key points",
    )
    assert kept(summary, body) == ["Meghalaya"]

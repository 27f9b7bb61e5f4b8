"""Questions asked back from a sentence's grammar (``questions.facts_attributes``): a named
property ("What is the most common cause of …?"), who did something ("Who introduced …?")
and when ("In what year was … introduced?"), and the sentences that must give none of them.
Also the words of any Latin alphabet and the noise lines a body's prose repeats. The texts
are general English written for these tests."""

from __future__ import annotations

import pytest

from questions.document import build_document
from questions.facts import Fact
from questions.facts_attributes import attribute_facts
from questions.lines import classify
from questions.model import Kind
from questions.normalise import canonical_text, hinted_lines
from questions.pipeline import _noise, generate
from questions.reading import RawArticle
from questions.textutil import words
from tests.questions.candidate_support import candidate_questions


def facts_of(sentence: str) -> list[Fact]:
    text = f"Some topic\n\n{sentence}\n"
    hinted = hinted_lines(text, "txt")
    doc = build_document(canonical_text(hinted), classify(hinted))
    return [f for unit in doc.units for f in attribute_facts(doc, unit)]


def asked(sentence: str) -> list[tuple[str, str, str]]:
    """The facts a question is asked of (a "person" fact is only a wrong option)."""
    return [(f.kind, f.subject, f.answer) for f in facts_of(sentence) if f.kind != "person"]


def test_people_who_did_something_are_kept_as_options() -> None:
    people = [f.answer for f in facts_of(ENGINES.split("\n\n", 1)[1]) if f.kind == "person"]
    assert people == ["Thomas Savery", "Thomas Newcomen", "James Watt", "John Wilkinson"]


def test_a_named_property_is_asked_back_with_its_value_as_the_answer() -> None:
    said = "The most common cause of the disease (70% of cases) is a duplication of one gene."
    assert asked(said) == [
        ("attribute", "the most common cause of the disease", "a duplication of one gene")
    ]


def test_the_answer_stops_where_its_own_clause_ends() -> None:
    said = "The main job of the vitamin is helping the body build collagen, the main protein."
    assert asked(said)[0][2] == "helping the body build collagen"


def test_who_and_when_come_from_a_passive_sentence_without_the_description() -> None:
    said = "The pH scale was introduced in 1909 by the Danish chemist Søren Sørensen."
    assert asked(said) == [
        ("agent", "the pH scale", "Søren Sørensen"),
        ("date", "the pH scale", "1909"),
    ]


def test_two_people_named_together_are_one_answer() -> None:
    said = "The double helix model was proposed by James Watson and Francis Crick in 1953."
    assert asked(said) == [("agent", "the double helix model", "James Watson and Francis Crick")]


def test_a_person_who_did_something_is_asked_from_an_active_sentence() -> None:
    said = (
        "Blood groups were a puzzle until Karl Landsteiner studied them. "
        "Karl Landsteiner discovered the ABO system in 1901, and others followed."
    )
    assert asked(said) == [("agent", "the ABO system in 1901", "Karl Landsteiner")]


def test_a_word_capitalised_only_by_the_sentence_start_is_no_person() -> None:
    assert asked("Printing required a great deal of money for metal and paper.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The first number of the fraction is how many people had the symptom.",  # a share
        "The idea of very high doses is popular with some writers.",  # a thought
        "It was discovered by Alexander Fleming in 1928.",  # points back
        "The decision was shaped by the Cold War.",  # vague subject, an event
        "The new treatment was approved by the FDA.",  # a body, not a person
        "The Declaration proclaimed freedom of speech and religion.",  # a document
        "Lind published his results in a treatise on scurvy.",  # "his results"
        "The cause of the disease is unknown.",  # no value to ask for
        "Although the drug was approved by the Swedish chemist Anders Berg, few used it.",
    ],
)
def test_sentences_that_would_give_a_vague_or_wrong_question_give_none(sentence: str) -> None:
    assert asked(sentence) == []


PH_TEXT = (
    "The pH scale\n\n"
    "Acids and bases are measured on a scale of acidity used by every chemistry lab. "
    "The pH scale was introduced in 1909 by the Danish chemist Søren Sørensen. "
    "The most common use of the pH scale is testing the acidity of drinking water. "
    "Litmus paper turns red in acid and blue in alkali, which makes it a quick test. "
    "A neutral solution such as pure water has a pH of 7 at room temperature.\n"
)


def test_the_questions_read_as_a_teacher_would_write_them() -> None:
    made = {
        q.prompt: q
        for q in candidate_questions(PH_TEXT, "txt")
        if q.fact_kind in ("attribute", "agent", "date")
    }
    assert sorted(made) == [
        "In what year was the pH scale introduced?",
        "What is the most common use of the pH scale?",
        "Who introduced the pH scale?",
    ]
    assert made["Who introduced the pH scale?"].accepted == ("Sørensen",)
    assert made["In what year was the pH scale introduced?"].answer == "1909"
    use = made["What is the most common use of the pH scale?"]
    assert use.answer == "Testing the acidity of drinking water"


def test_a_question_asked_back_ranks_above_the_lifted_sentence_of_its_fact() -> None:
    bank, _ = generate(RawArticle("ph.txt", PH_TEXT, "txt"))
    prompts = [q.prompt for q in bank.questions]
    assert "Who introduced the pH scale?" in prompts
    assert not any("Sørensen" in p or "1909" in p for p in prompts)  # one question a sentence


def test_words_of_any_latin_alphabet_are_whole_but_symbols_are_not_words() -> None:
    assert words("Lübeck law, Bienaimé") == ("Lübeck", "law", "Bienaimé")
    assert words("30 µg per litre at λ 665") == ("30", "g", "per", "litre", "at", "665")


def test_a_menu_line_the_body_also_says_is_a_term_not_noise() -> None:
    text = (
        "Home\nCollagen\nShare this page on social media\n\nVitamin C\n\n"
        "The body uses vitamin C to build collagen in skin.\n"
    )
    lines = classify(hinted_lines(text, "txt"))
    noise = _noise(lines)
    assert "Collagen" not in noise
    others = [line.text for line in lines if line.kind == "noise" and line.text != "Collagen"]
    assert others and all(text in noise for text in others)


ENGINES = (
    "Steam engines\n\n"
    "Early engines pumped water out of deep mines in Cornwall and the Midlands. "
    "In 1698 the engineer Thomas Savery patented a pump that raised water by steam. "
    "In 1712 the ironmonger Thomas Newcomen built an engine with a piston and a beam. "
    "The instrument maker James Watt was asked to repair a model of that engine. "
    "Watt patented the separate condenser in 1769, and the engines burned far less coal. "
    "Later the ironmaster John Wilkinson bored the cylinders that made the engines tight.\n"
)


def test_who_did_something_is_asked_by_full_name_among_the_pages_other_people() -> None:
    made = [
        q
        for q in candidate_questions(ENGINES, "txt")
        if q.prompt == "Who patented the separate condenser in 1769?"
    ]
    kinds = {q.kind: q for q in made}
    assert kinds[Kind.FLASHCARD].answer == "James Watt"
    assert kinds[Kind.FLASHCARD].accepted == ("Watt",)
    choice = kinds[Kind.MULTIPLE_CHOICE]
    assert choice.answer == "James Watt"
    assert set(choice.options) - {"James Watt"} <= {
        "Thomas Savery",
        "Thomas Newcomen",
        "John Wilkinson",
    }

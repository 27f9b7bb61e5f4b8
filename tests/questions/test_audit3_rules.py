"""Rules from the third round of audits: spelled-out parts of the answer, conversions beside
a number's blank, brackets after a coordination or a rate, timeline rows, review questions and
impossible shares."""

from __future__ import annotations

from questions.context import build_context
from questions.gates import check_question
from questions.lines import term_line
from questions.model import CLOZE_BLANK, Kind, Question, Source
from questions.pipeline import analyse
from questions.templates import candidates
from tests.questions.test_gates import CTX


def cloze(prompt: str, answer: str) -> Question:
    sentence = prompt.replace(CLOZE_BLANK, answer)
    return Question(
        id="q-000000000001",
        kind=Kind.CLOZE,
        prompt=prompt,
        answer=answer,
        explanation=sentence,
        fact_id="f-1",
        fact_kind="key_term",
        entity="",
        source=Source("s", sentence, 0, len(sentence)),
    )


def test_a_stem_that_spells_part_of_the_answer_leaks() -> None:
    leak = cloze(
        f"Low hormone output of the parathyroid gland is called {CLOZE_BLANK}.",
        "hypoparathyroidism",
    )
    assert "leakage" in check_question(leak, CTX)
    fine = cloze(f"Low calcium in the blood is called {CLOZE_BLANK}.", "hypocalcemia")
    assert "leakage" not in check_question(fine, CTX)


def test_a_conversion_beside_a_numbers_blank_leaks() -> None:
    tall = cloze(f"The rocket stood {CLOZE_BLANK} (363 feet) tall on its pad.", "110.6 metres")
    assert "leakage" in check_question(tall, CTX)


def test_timeline_rows_are_not_glossary_terms() -> None:
    assert term_line("1961 – Kennedy sets the goal of a landing on the Moon") is None
    assert term_line("July 1969 – The first crew walks on the Moon") is None
    assert term_line("Actin: protein of the thin filaments") == (
        "Actin",
        "protein of the thin filaments",
    )


def made(text: str) -> list[Question]:
    analysis = analyse(text, "md")
    facts = list(analysis.facts)
    return [c.question for c in candidates(build_context(analysis.doc, facts), facts)]


def test_a_bracket_after_a_coordination_or_a_rate_names_no_term() -> None:
    questions = made(
        "# Iron\n\nIron from meat and fish (haem iron) is absorbed more easily than iron from "
        "plants.\n\nMen need 8.7 milligrams a day (reference nutrient intake) of iron.\n"
    )
    assert not [q for q in questions if q.fact_kind == "gloss"]


def test_review_questions_and_impossible_shares_give_no_cloze() -> None:
    questions = made(
        "# Legs\n\nWhy do the symptoms of restless legs syndrome get worse in the evening?\n\n"
        "Restless legs syndrome affects about 515 percent of Americans in their lifetime.\n\n"
        "Restless legs syndrome is linked to a shortage of iron in the basal ganglia.\n\n"
        "Calcium ions play a critical role in muscle contraction and relaxation.\n"
    )
    clozes = [q for q in questions if q.kind == Kind.CLOZE]
    assert clozes
    assert not [q for q in clozes if "evening" in q.prompt or "515" in q.prompt + q.answer]
    assert not [q for q in clozes if "role" in q.prompt]


def test_a_flashcard_whose_answer_restates_its_greek_or_latin_name_leaks() -> None:
    card = Question(
        id="q-000000000002",
        kind=Kind.FLASHCARD,
        prompt="In the article's list on tests, what does “Neurological examination” involve?",
        answer="Evaluating nerve function",
        explanation="Neurological examination: Evaluating nerve function.",
        fact_id="f-2",
        fact_kind="list_item",
        entity="",
        source=Source("s", "Neurological examination: Evaluating nerve function.", 0, 52),
    )
    assert "leakage" in check_question(card, CTX)


def test_a_labelled_list_line_is_neither_blanked_nor_stated() -> None:
    questions = made(
        "# Tests\n\nDoctors may use:\n\n- Neurological examination: evaluating nerve function.\n"
        "- Physical examination: assessing muscle strength and reflexes.\n"
        "- Blood tests: checking for electrolyte imbalances such as hypocalcemia.\n"
    )
    stated = [q for q in questions if q.kind in (Kind.CLOZE, Kind.TRUE_FALSE)]
    assert not [q for q in stated if ": " in q.prompt[:60]]

"""Each quality gate rejects what it should, with its reason code, and lets good questions pass."""

from __future__ import annotations

import pytest

from questions.gates import REASONS, Deduper, GateContext, check_question
from questions.model import CLOZE_BLANK, TRUE_FALSE_OPTIONS, Kind, Question, Source

SENTENCE = "ALS, also known as Lou Gehrig's disease, is a progressive neurodegenerative disease."
ALIASES = {
    "als": ("ALS", "Amyotrophic lateral sclerosis", "Lou Gehrig's disease"),
    "amyotrophic lateral sclerosis": (
        "ALS",
        "Amyotrophic lateral sclerosis",
        "Lou Gehrig's disease",
    ),
    "lou gehrig's disease": ("ALS", "Amyotrophic lateral sclerosis", "Lou Gehrig's disease"),
}
CTX = GateContext.of(["close", "3 min read 11-03-2025", "Related Posts"], ALIASES)


def q(kind: Kind, prompt: str, answer: str, **extra: object) -> Question:
    fields: dict[str, object] = {
        "id": "q-000000000001",
        "kind": kind,
        "prompt": prompt,
        "answer": answer,
        "explanation": SENTENCE,
        "fact_id": "f-1",
        "fact_kind": "definition",
        "entity": "ALS",
        "source": Source("ALS", SENTENCE, 0, len(SENTENCE)),
    }
    fields.update(extra)
    return Question(**fields)  # type: ignore[arg-type]


def mc(prompt: str, options: tuple[str, ...], correct: int, **extra: object) -> Question:
    return q(
        Kind.MULTIPLE_CHOICE, prompt, options[correct], options=options, correct=correct, **extra
    )


GOOD = [
    q(
        Kind.FLASHCARD,
        "What kind of disease is ALS, according to the article?",
        "Neurodegenerative",
    ),
    q(
        Kind.CLOZE,
        f"ALS, also known as Lou Gehrig's disease, is a progressive {CLOZE_BLANK} disease.",
        "neurodegenerative",
    ),
    mc(
        "Which condition is a progressive neurodegenerative disease?",
        ("Multiple sclerosis", "Amyotrophic lateral sclerosis", "Peripheral neuropathies"),
        1,
        accepted=("ALS",),
    ),
    q(
        Kind.TRUE_FALSE,
        "ALS is a progressive neurodegenerative disease.",
        "True",
        options=TRUE_FALSE_OPTIONS,
        correct=0,
    ),
]


@pytest.mark.parametrize("question", GOOD, ids=lambda x: x.kind.value)
def test_good_questions_pass(question: Question) -> None:
    assert check_question(question, CTX) == []


BAD = {
    "unsupported_answer": q(Kind.FLASHCARD, "What is ALS?", "An autoimmune disease"),
    "leakage": mc(
        "Which condition, ALS for short, is progressive?",
        ("Multiple sclerosis", "Amyotrophic lateral sclerosis", "Hypocalcemia"),
        1,
        accepted=("ALS",),
    ),
    "multiple_correct": mc(
        "Which term is progressive?", ("Neurodegenerative", "neurodegenerative", "Autoimmune"), 0
    ),
    "longest_option": mc(
        "Which condition is a progressive neurodegenerative disease?",
        ("MS", "Lou Gehrig's disease, a progressive illness", "PN"),
        1,
    ),
    "casing_cue": mc(
        "Which kind of disease does the article name?",
        ("autoimmune", "Neurodegenerative", "infectious"),
        1,
    ),
    "all_of_the_above": mc(
        "Which kind of disease does the article name?",
        ("Autoimmune", "Neurodegenerative", "All of the above"),
        1,
    ),
    "pronoun_start": q(Kind.FLASHCARD, "These neurons control what?", "Neurodegenerative"),
    "cloze_stopword": q(
        Kind.CLOZE,
        f"ALS, also known as Lou Gehrig's disease, {CLOZE_BLANK} a "
        "progressive neurodegenerative disease.",
        "is",
    ),
    "cloze_context": q(Kind.CLOZE, f"ALS is {CLOZE_BLANK}.", "progressive"),
    "cloze_article_cue": q(
        Kind.CLOZE,
        f"ALS, also known as Lou Gehrig's disease, is a {CLOZE_BLANK} neurodegenerative disease.",
        "progressive",
    ),
    "noise": q(Kind.FLASHCARD, "What does the page say after Related Posts?", "Neurodegenerative"),
    "too_long": q(Kind.FLASHCARD, "Why? " * 100, "Neurodegenerative"),
}


@pytest.mark.parametrize("reason", sorted(BAD))
def test_bad_question_is_rejected_with_its_reason(reason: str) -> None:
    assert reason in check_question(BAD[reason], CTX)
    assert reason in REASONS


def test_leakage_through_an_alias_is_caught() -> None:
    leaky = mc(
        "Which condition is also called Lou Gehrig's disease by the article?",
        ("Multiple sclerosis", "Amyotrophic lateral sclerosis", "Hypocalcemia"),
        1,
    )
    assert "leakage" in check_question(leaky, CTX)
    cloze = q(
        Kind.CLOZE,
        f"{CLOZE_BLANK}, also known as Lou Gehrig's disease, is a progressive "
        "neurodegenerative disease.",
        "ALS",
    )
    assert "leakage" in check_question(cloze, CTX)


def test_leakage_through_a_word_stem_is_caught() -> None:
    cloze = q(
        Kind.FLASHCARD,
        "Which treatment uses other medications to manage spasms?",
        "Medication",
        source=Source("s", "Medication: other medications.", 0, 29),
    )
    assert "leakage" in check_question(cloze, CTX)


def test_a_false_statement_must_still_share_the_subject_with_its_source() -> None:
    false = q(
        Kind.TRUE_FALSE,
        "Periodic paralysis is an autoimmune disease.",
        "False",
        options=TRUE_FALSE_OPTIONS,
        correct=1,
    )
    assert "unsupported_answer" in check_question(false, CTX)


def test_duplicates_and_near_duplicates_are_found_in_buckets() -> None:
    dedupe = Deduper()
    first = GOOD[0]
    assert dedupe.reasons(first) == []
    dedupe.add(first)
    assert dedupe.reasons(first) == ["duplicate"]
    reworded = q(
        Kind.FLASHCARD,
        "According to the article, what kind of disease is ALS?",
        "Neurodegenerative",
        id="q-000000000002",
    )
    assert dedupe.reasons(reworded) == ["near_duplicate"]
    other = q(
        Kind.FLASHCARD,
        "What does the article call Lou Gehrig's disease?",
        "ALS",
        id="q-000000000003",
    )
    assert dedupe.reasons(other) == []


def test_clozes_on_other_blanks_of_a_sentence_pass_for_the_ranking_to_choose() -> None:
    dedupe = Deduper()
    dedupe.add(GOOD[1])
    second = q(
        Kind.CLOZE,
        f"ALS, also known as {CLOZE_BLANK}, is a progressive neurodegenerative disease.",
        "Lou Gehrig's disease",
        id="q-000000000009",
    )
    assert dedupe.reasons(second) == []  # the ranking keeps one question per sentence
    dedupe.add(second)
    assert dedupe.reasons(second) == ["duplicate"]


def test_a_word_every_option_shares_is_no_give_away() -> None:
    """ "tidal" in the stem points at none of "tidal bulges", "tidal forces", "tidal currents";
    a word only the key has still leaks."""
    options = ("tidal forces", "tidal bulges", "tidal currents")
    shared = mc("Which term names what the Moon’s tidal pull raises in the oceans?", options, 1)
    assert "leakage" not in check_question(shared, CTX)
    own = mc("Which term names the bulges the Moon raises in the oceans?", options, 1)
    assert "leakage" in check_question(own, CTX)


def test_an_answer_said_with_their_for_the_is_supported() -> None:
    said = "Some people have high levels of calcium in their urine (hypercalciuria)."
    source = Source("Signs", said, 0, len(said))
    card = q(Kind.FLASHCARD, "What is hypercalciuria?", "High levels of calcium in the urine")
    card = Question(**{**card.__dict__, "source": source, "fact_kind": "gloss"})
    assert "unsupported_answer" not in check_question(card, CTX)
    other = Question(**{**card.__dict__, "answer": "High levels of calcium in the blood"})
    assert "unsupported_answer" in check_question(other, CTX)


def test_a_short_word_of_the_stem_that_is_half_a_compound_answer_leaks() -> None:
    said = "Because stiffness of the jaw is often the first sign, tetanus is known as lockjaw."
    source = Source("Signs", said, 0, len(said))
    prompt = said.replace("lockjaw", CLOZE_BLANK)
    cloze = q(Kind.CLOZE, prompt, "lockjaw", source=source, fact_kind="key_term")
    assert "leakage" in check_question(cloze, CTX)
    said = "Radiation from the ion source passes through the art gallery walls."
    source = Source("Signs", said, 0, len(said))
    cloze = q(
        Kind.CLOZE, said.replace("Radiation", CLOZE_BLANK), "Radiation", source=source
    )  # "ion" is no half of "radiation"
    assert "leakage" not in check_question(cloze, CTX)


def test_a_word_stem_inside_the_answer_and_a_number_said_again_give_it_away() -> None:
    def cloze(said: str, answer: str) -> Question:
        source = Source("S", said, 0, len(said))
        return q(Kind.CLOZE, said.replace(answer, CLOZE_BLANK), answer, source=source)

    decaf = (
        "In the United States, decaffeinated coffee must have 97 percent of its caffeine removed."
    )
    assert "leakage" in check_question(cloze(decaf, "decaffeinated coffee"), CTX)
    energy = "The energy needed is about 6.7 × 10^5 J, or 670 kJ."
    assert "leakage" in check_question(cloze(energy, "6.7"), CTX)
    plain = "The energy needed to melt the ice is about 6.7 × 10^5 J in all."
    assert "leakage" not in check_question(cloze(plain, "6.7"), CTX)


def test_words_that_spell_an_abbreviation_of_the_answer_give_it_away() -> None:
    said = "In heavier stars carbon, nitrogen and oxygen act as catalysts in the CNO cycle."
    source = Source("Stars", said, 0, len(said))
    cloze = q(Kind.CLOZE, said.replace("CNO cycle", CLOZE_BLANK), "CNO cycle", source=source)
    assert "leakage" in check_question(cloze, CTX)
    said = "In heavier stars, catalysts such as carbon drive the CNO cycle."
    source = Source("Stars", said, 0, len(said))
    cloze = q(Kind.CLOZE, said.replace("CNO cycle", CLOZE_BLANK), "CNO cycle", source=source)
    assert "leakage" not in check_question(cloze, CTX)


def test_a_word_made_of_the_stems_initials_is_given_away() -> None:
    said = (
        "The laser grew out of the maser, which stands for Microwave Amplification by "
        "Stimulated Emission of Radiation."
    )
    source = Source("History", said, 0, len(said))
    cloze = q(Kind.CLOZE, said.replace("maser", CLOZE_BLANK), "maser", source=source)
    assert "leakage" in check_question(cloze, CTX)


def test_a_conversion_after_a_unit_or_in_words_and_a_year_inside_a_century_leak() -> None:
    def cloze(said: str, answer: str) -> Question:
        source = Source("S", said, 0, len(said))
        return q(Kind.CLOZE, said.replace(answer, CLOZE_BLANK, 1), answer, source=source)

    kelvin = "At 0 °C (273.15 K) and 101,325 Pa, one mole of an ideal gas occupies 22.4 dm^3."
    assert "leakage" in check_question(cloze(kelvin, "0"), CTX)
    words = "A diver feels an extra pressure of about 100 kPa (roughly one atmosphere) per 10 m."
    assert "leakage" in check_question(cloze(words, "100 kPa"), CTX)
    century = "The fountain was restored between 1829 and 1832, late in the 19th century's work."
    assert "leakage" in check_question(cloze(century, "19th century"), CTX)
    other = "The fountain was restored in 1929, and the palace was built in the 14th century."
    assert "leakage" not in check_question(cloze(other, "14th century"), CTX)

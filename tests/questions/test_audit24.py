"""Audit 24's failures as general rules (pages h77-h80)."""

from __future__ import annotations

from questions.acceptance import needs_antecedent
from questions.facts_terms import PLACE_RE, TWO_QUESTIONS_RE
from questions.gates import check_options
from questions.model import Kind, Question, Source
from questions.pipeline import analyse
from tests.questions.candidate_support import candidate_questions


def test_the_best_of_a_class_named_before_points_back() -> None:
    assert needs_antecedent("The best known, Meganeura, had a wingspan of 70 centimetres.")
    assert needs_antecedent("The largest is the emperor penguin of Antarctica.")
    assert not needs_antecedent("The chinrest was introduced by Louis Spohr in about 1820.")
    assert not needs_antecedent("The forest is home to many birds.")


def test_figures_of_speech_quantified_subjects_and_cut_meanings_are_no_definitions() -> None:
    page = (
        "# Polio\n\nSurveillance is the backbone of eradication. Any remaining virus is a "
        "threat to children everywhere. Both belong to the order Odonata, a name that comes "
        "from the Greek for tooth and refers to their strong, toothed jaws.\n"
    )
    prompts = {q.prompt for q in candidate_questions(page, "md")}
    assert "What is surveillance?" not in prompts
    assert "What is any remaining virus?" not in prompts
    assert not any("refers to their strong?" in p for p in prompts), prompts


def test_faq_headings_offering_a_choice_or_asking_where_need_their_kind_of_answer() -> None:
    assert TWO_QUESTIONS_RE.search("Do dragonflies bite or sting?")
    assert not TWO_QUESTIONS_RE.search("Are dragonflies dangerous?")
    assert PLACE_RE.search("They live in ponds, lakes and streams")
    assert not PLACE_RE.search("Most spend their lives as nymphs")


def test_a_key_that_alone_writes_its_unit_another_way_is_a_cue() -> None:
    def choice(options: tuple[str, ...]) -> Question:
        source = Source("S", "s", 0, 1)
        return Question(
            "q-1",
            Kind.MULTIPLE_CHOICE,
            "How long?",
            options[0],
            "",
            "f-1",
            "key_term",
            "",
            source,
            options=options,
            correct=0,
        )

    assert "casing_cue" in check_options(choice(("1,200 metres", "1,018 m", "890 m", "856 m")))
    assert "casing_cue" not in check_options(choice(("2–5 years", "6 months – 3 years", "8 years")))
    assert "casing_cue" not in check_options(choice(("1 to 2 %", "5 %", "10 %")))


def test_an_underlined_byline_is_no_title_and_an_untitled_page_takes_its_masthead() -> None:
    handout = (
        "HIST 204 — Week 6: Early Modern South Asia\n"
        "THE MUGHAL EMPIRE: CONQUEST AND DECLINE\n"
        "Dr R. Banerjee | Autumn term 2026 | Lecture handout\n"
        "==========================================\n\nINTRODUCTION\n\n"
        "The Mughal Empire ruled most of the subcontinent. The Mughal emperors built forts.\n"
        "Under Akbar the Mughal Empire grew, and the Mughal court patronised painting.\n"
    )
    assert analyse(handout, "txt").doc.title == "The Mughal Empire: Conquest and Decline"
    faq = (
        "Skip to content\n\nSWIFT HAVEN TRUST\n\nFrequently asked questions about swifts\n\n"
        "Every May, swifts return to our towns after a journey of thousands of miles.\n\n"
        "What is a swift?\n\nThe swift is a sooty-brown bird. Swifts eat insects in flight, "
        "and swifts sleep on the wing. Young swifts fly to Africa in August.\n"
    )
    assert analyse(faq, "txt").doc.title == "Frequently asked questions about swifts"


def test_a_contents_list_and_the_organisation_speaking_are_page_furniture() -> None:
    page = (
        "# Sleep apnoea: information for patients\n\n**On this page**\n\n"
        "- [Symptoms](#symptoms)\n- [Your home sleep study: step by step](#study)\n\n"
        "## Symptoms\n\nLoud snoring and pauses in breathing during sleep are common signs. "
        "Our CPAP nurses will set up your machine at the clinic.\n\n"
        "## Your home sleep study: step by step\n\nA small monitor records your breathing "
        "overnight at home.\n"
    )
    kinds = {line.text: line.kind for line in analyse(page, "md").lines}
    assert kinds["Your home sleep study: step by step"] == "heading"
    assert [k for t, k in kinds.items() if t.startswith("Symptoms")] == ["heading"]
    prompts = [q.prompt for q in candidate_questions(page, "md")]
    assert not any("step by step" in p.casefold() and "list" in p for p in prompts), prompts

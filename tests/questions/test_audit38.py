"""Round 38's failures as general rules (pages h135-h140)."""

from __future__ import annotations

from questions import acceptance as acc
from questions.model import CLOZE_BLANK, Kind, Question, Source
from tests.questions.candidate_support import candidate_questions


def _asked(text: str, fmt: str = "md") -> dict[str, str]:
    return {q.prompt: q.answer for q in candidate_questions(text, fmt)}


def test_a_sentence_giving_a_reason_defines_nothing() -> None:
    page = (
        "# Bell ringing\n\nA bell is a heavy object moving quickly, so learners are always "
        "supervised. A peal is a performance of at least 5,000 changes without a repeat.\n"
    )
    asked = _asked(page)
    assert "What is a bell?" not in asked
    assert "What is a peal?" in asked


def test_a_life_s_timeline_line_without_its_subject_is_not_quoted() -> None:
    page = (
        "# Mary Anning\n\nMary Anning was a fossil collector from Dorset.\n\n## Timeline\n\n"
        "- 1799: Born in Lyme Regis, Dorset\n- 1811: Joseph Anning finds an ichthyosaur skull\n"
        "- 1823: Finds the first complete plesiosaur skeleton\n"
        "- 1828: Discovers a pterosaur at Lyme Regis\n"
        "- 1830: Henry De la Beche paints Duria Antiquior\n"
        "- 1838: The British Association grants her an annuity\n"
        "- 1846: Made an honorary member of the Dorset County Museum\n"
        "- 1847: Anning dies of breast cancer in Lyme Regis\n"
    )
    stems = [p for p in _asked(page) if "timeline" in p]
    assert not any("“Born in" in p or "“Made an" in p or "“Finds" in p for p in stems), stems
    assert any("“Henry De la Beche paints Duria Antiquior”" in p for p in stems), stems


def test_table_names_of_a_place_read_with_the_and_no_prepositional_value_is_had() -> None:
    page = (
        "# The palaces\n\nThe complex holds several palaces built over two centuries.\n\n"
        "## Parts\n\n| Part | Main date of construction | Function |\n| --- | --- | --- |\n"
        "| Alcazaba | from 1238 | Fortress and barracks |\n"
        "| Palace of the Lions | 1362–1391 | Private royal residence |\n"
        "| Palace of Charles V | 1527 | Renaissance palace, now museums |\n"
        "| Generalife | 1302–1309 | Summer palace and gardens |\n"
    )
    asked = _asked(page)
    assert not any(p.startswith("Which part has from") for p in asked), list(asked)
    assert "What is the function of the Palace of the Lions?" in asked, list(asked)


def _cloze(said: str, answer: str) -> Question:
    source = Source("S", said, 0, len(said))
    return Question(
        "q-1",
        Kind.CLOZE,
        said.replace(answer, CLOZE_BLANK, 1),
        answer,
        "",
        "f-1",
        "key_term",
        "S",
        source,
    )


def test_a_demonstrative_standing_for_an_earlier_sentence_dangles() -> None:
    lex = acc.lexicon(lambda _: 1, (), "Papermaking", "")
    changed = _cloze(
        "Water-powered stamping mills changed this in the 13th century.", "13th century"
    )
    assert "dangling_pronoun" in acc.reasons(changed, lex)
    summed = _cloze(
        "Nerve signals are slower, and this can be measured by electromyography.",
        "electromyography",
    )
    assert "dangling_pronoun" not in acc.reasons(summed, lex)


def test_a_short_timeline_line_is_content_and_a_dated_byline_is_noise() -> None:
    from questions.lines import is_noise_text

    assert not is_noise_text("1811: Joseph Anning finds an ichthyosaur skull")
    assert is_noise_text("Updated 3 November 2026")


def test_a_numbered_worked_example_is_noise_and_a_wrapped_double_name_keeps_its_hyphen() -> None:
    from questions.pipeline import analyse

    page = (
        "6.4 THE GAS LAWS\n\n"
        "A gas kept at constant volume, for example in a sealed rigid container,\n"
        "rises in pressure as it is heated. The pressure law (sometimes called Gay-\n"
        "Lussac's law, or Amontons's law after Guillaume Amontons) states that, for\n"
        "a fixed mass of gas at constant volume, the pressure is directly\n"
        "proportional to the absolute temperature of the gas in the container.\n\n"
        "Worked example 6.3\n\n"
        "A syringe contains 200 cm^3 of air at a pressure of 100 kPa.\n\n"
        "6.5 KINETIC THEORY\n\n"
        "The kinetic theory explains the gas laws with moving particles.\n"
    )
    lines = analyse(page, "txt").doc.lines
    assert any("Gay-Lussac's law" in line.text for line in lines)
    syringe = next(line for line in lines if "syringe" in line.text)
    assert syringe.kind == "noise"


def test_a_year_paired_in_a_span_has_options_near_its_partner() -> None:
    from pathlib import Path

    page = Path(__file__).parents[2] / "benchmarks" / "heldout" / "h135-alhambra.html"
    choices = [
        q
        for q in candidate_questions(page.read_text(encoding="utf-8"), "html")
        if q.kind == Kind.MULTIPLE_CHOICE and "between ___ and 2012" in q.prompt
    ]
    for q in choices:
        assert not {"1812", "1829", "1832"} & set(q.options), q.options


def test_a_word_the_prose_mostly_writes_small_is_no_proper_noun() -> None:
    from questions.pipeline import analyse

    page = (
        "# Paper\n\nExplore · Paper gallery\n\nPaper is a thin mat of plant fibres. Hold old "
        "paper up to the light to see how the paper was made. Cai Lun improved paper in "
        "China.\n"
    )
    proper = analyse(page, "md").doc.proper
    assert "Paper" not in proper and "Lun" in proper
    assert any(q.prompt == "What is paper?" for q in candidate_questions(page, "md"))


def test_key_people_are_asked_who_and_a_capitalised_kind_takes_its_article() -> None:
    page = (
        "# The Wars of the Roses\n\nThe wars were fought between two branches of the royal "
        "house, and the Yorkist side won at Towton. In 1460 the Act of Accord made York "
        "heir, and later an Act of Attainder took his lands.\n\n## Key people\n\n"
        "- **Richard Neville, Earl of Warwick** – the richest noble in England, nicknamed "
        '"the Kingmaker"\n'
        "- **Henry Tudor (Henry VII)** – Lancastrian claimant and founder of the Tudor dynasty\n"
        "- **Margaret of Anjou** – queen of Henry VI and leader of the Lancastrian cause\n\n"
        "## Glossary\n\n"
        "- **Yorkist** – a supporter of the House of York\n"
        "- **Act of Accord** – the 1460 Act of Parliament that made York heir to Henry VI\n"
        "- **Act of Attainder** – an Act of Parliament that declared a person guilty of treason\n"
    )
    asked = _asked(page)
    assert "Who was Richard Neville, Earl of Warwick?" in asked, list(asked)
    assert "Who was Henry Tudor?" in asked and "Who was Margaret of Anjou?" in asked
    assert "What is a Yorkist?" in asked
    assert "What is the Act of Accord?" in asked and "What is an Act of Attainder?" in asked


def test_one_value_written_two_ways_is_one_option() -> None:
    from questions.templates_blanks import _value_key

    assert _value_key("51°") == _value_key("51 degrees")
    assert _value_key("40%") == _value_key("40 percent")
    assert _value_key("51 °C") != _value_key("51 degrees")

"""A table's key column of names keeps every name's capital (``table_row_name``)."""

from __future__ import annotations

from tests.questions.candidate_support import candidate_questions

TRIBUTARIES = (
    "# Rhine\n\nThe Rhine has many tributaries, and some are long.\n\n## Tributaries\n\n"
    "| Tributary | Approximate length |\n| --- | --- |\n| Neckar | 362 km |\n"
    "| Moselle | 545 km |\n| Aare | 295 km |\n| Main | 525 km |\n\n"
    "The main river of the region is the Rhine.\n"
)
CAUSES = (
    "# Cramps\n\nCramps have many causes.\n\n## Causes\n\n| Condition | Usual cause |\n"
    "| --- | --- |\n| Dehydration | losing water in heat |\n| Fatigue | long exercise |\n"
    "| Pregnancy | pressure on nerves |\n| Neuropathy | damaged nerves |\n\n"
    "Dehydration, fatigue and pregnancy are common.\n"
)


def _stems(text: str) -> list[str]:
    return [q.prompt for q in candidate_questions(text, "md") if q.prompt.startswith("What is")]


def test_a_common_word_among_names_keeps_its_capital() -> None:
    stems = _stems(TRIBUTARIES)
    assert "What is the approximate length of Main?" in stems, stems
    assert not any(s.endswith(" of main?") for s in stems)


def test_common_nouns_in_a_key_column_read_in_lower_case() -> None:
    stems = _stems(CAUSES)
    assert "What is the usual cause of dehydration?" in stems, stems


def test_a_column_of_any_value_asks_nothing_of_its_rows() -> None:
    page = (
        "# Atlantic puffin\n\nThe Atlantic puffin is a seabird of the North Atlantic.\n\n"
        "## Size\n\n| Measurement | Typical value |\n| --- | --- |\n| Length | 26–29 cm |\n"
        "| Wingspan | 47–63 cm |\n| Weight | 490 g |\n| Clutch size | 1 egg |\n"
    )
    assert not any("typical value" in p for p in _stems(page)), _stems(page)

"""Round 31's failures as general rules: judgements, pointed-at things and summing-up
appositives are no definitions."""

from __future__ import annotations

from tests.questions.candidate_support import candidate_questions


def _prompts(text: str) -> set[str]:
    return {q.prompt for q in candidate_questions(text, "md")}


def test_a_judgement_is_no_definition() -> None:
    page = (
        "# Coffee\n\nThe fridge is a poor choice, because moisture condenses on the cold beans.\n"
        "An espresso is a small, strong coffee made by forcing hot water through fine grounds.\n"
    )
    prompts = _prompts(page)
    assert "What is the fridge?" not in prompts
    assert "What is an espresso?" in prompts


def test_a_thing_the_page_points_at_is_no_term() -> None:
    page = "# Hagia Sophia\n\nThe present building is the third church to stand on the site.\n"
    assert "What is the present building?" not in _prompts(page)


def test_an_appositive_that_sums_up_a_clause_defines_nothing_before_it() -> None:
    page = (
        "# Walls\n\nThe walls are built of brick laid in thick beds of mortar, a technique that "
        "made them light but let them deform as the mortar set.\n\n"
        "Chlorophyll gives leaves their colour, and plants rely on chlorophyll, a green pigment "
        "that absorbs red and blue light.\n\nIn 406 the tribes crossed the river into Gaul, an "
        "event often linked with the collapse of Roman rule in the west.\n"
    )
    prompts = _prompts(page)
    assert "What is mortar?" not in prompts
    assert "What is Gaul?" not in prompts  # "an event": the crossing, not Gaul
    assert "What is chlorophyll?" in prompts


def test_a_name_the_page_writes_only_in_its_table_keeps_its_capital() -> None:
    page = (
        "# Forts\n\nThe wall had sixteen forts, and each fort held a garrison of soldiers.\n\n"
        "| Fort | Modern site | Position |\n| --- | --- | --- |\n"
        "| Vercovicium | Housesteads | On the Whin Sill |\n"
        "| Segedunum | Wallsend | Eastern end |\n"
        "| Banna | Birdoswald | Above the River Irthing |\n"
    )
    prompts = _prompts(page)
    assert any("Vercovicium" in p for p in prompts), prompts
    assert not any("vercovicium" in p for p in prompts)


def test_a_key_terms_heading_is_no_part_of_its_first_indented_entry() -> None:
    from questions.unwrap import unwrapped

    lines = [
        "Key terms",
        "  radioactive decay: the random change of an unstable nucleus into a",
        "    more stable one, with the emission of radiation",
        "  isotopes: atoms of the same element with different numbers of",
        "    neutrons",
    ]
    out = unwrapped(lines)
    assert out[0] == "Key terms"
    assert any(line.strip().startswith("radioactive decay: the random change") for line in out)


def test_a_glossary_term_the_prose_writes_with_a_or_an_is_asked_with_it() -> None:
    from questions.templates_gloss import with_article

    prose = " when a nucleus emits an alpha particle its mass falls an alpha particle is heavy "
    assert with_article("alpha particle", "alpha particle: two protons", prose=prose) == (
        "an alpha particle"
    )
    drift = " continental drift moved the plates continental drift goes on "
    assert with_article("continental drift", "continental drift: slow movement", prose=drift) == (
        "continental drift"
    )


def test_an_approximate_year_takes_no_option_within_five_years() -> None:
    from questions.templates_blanks import APPROXIMATE_RE, near_year

    assert APPROXIMATE_RE.search("Light balls appeared around ")
    assert near_year("1900", "1901") and not near_year("1900", "1926")


def test_an_original_thing_the_page_points_at_is_no_term() -> None:
    page = "# Magna Carta\n\nThe original charter was a peace treaty between the king and barons.\n"
    assert "What is the original charter?" not in _prompts(page)


COMPARISON = """# Heat illness

Heat exhaustion and heatstroke are two heat illnesses that need different care.

| Sign | Heat exhaustion | Heatstroke |
|---|---|---|
| Body temperature | Raised, usually below 40 °C | 40 °C or higher |
| Mental state | Alert, but may feel faint | Confused or agitated |
"""


def test_a_table_comparing_two_things_sign_by_sign_is_asked_per_thing() -> None:
    prompts = _prompts(COMPARISON)
    assert "What is the body temperature of heatstroke?" in prompts
    assert not any("Which sign" in p or "heat exhaustion of" in p for p in prompts), prompts

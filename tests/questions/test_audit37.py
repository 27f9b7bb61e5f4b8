"""Round 37's failures as general rules (pages h129-h134)."""

from __future__ import annotations

from tests.questions.candidate_support import candidate_questions


def _asked(text: str, fmt: str = "md") -> dict[str, str]:
    return {q.prompt: q.answer for q in candidate_questions(text, fmt)}


def test_a_label_in_brackets_that_its_letters_do_not_fit_is_no_abbreviation() -> None:
    page = (
        "# The peacemakers\n\n"
        "- **Woodrow Wilson (USA)** – wanted a fairer peace based on his Fourteen Points.\n"
        "- **Georges Clemenceau (France)** – wanted Germany punished and weakened.\n"
        "- **Pacific Tsunami Warning Center (PTWC)** – the centre that warns Pacific nations.\n"
    )
    asked = _asked(page)
    assert "What does USA stand for?" not in asked
    assert asked.get("What does PTWC stand for?") == "Pacific Tsunami Warning Center"


def test_a_timeline_line_is_quoted_as_written() -> None:
    page = (
        "# The treaty\n\nThe treaty had many consequences for Europe.\n\n## Timeline\n\n"
        "- 1918: 8 January – Wilson announces the Fourteen Points\n"
        "- 1918: 11 November – armistice ends the fighting\n"
        "- 1919: 18 January – Paris Peace Conference opens\n"
        "- 1919: 28 June – treaty signed in the Hall of Mirrors\n"
        "- 1920: 10 January – treaty comes into force\n"
        "- 1921: Reparations set at 132 billion gold marks\n"
        "- 1923: French and Belgian troops occupy the Ruhr; hyperinflation in Germany\n"
    )
    stems = [p for p in _asked(page) if "timeline" in p]
    assert any(
        "“French and Belgian troops occupy the Ruhr; hyperinflation in Germany”" in p for p in stems
    ), stems


def test_a_counted_noun_in_ing_takes_an_article() -> None:
    page = (
        "# Glossary\n\n"
        "Tsunami warning\n: The highest level of tsunami alert issued by warning centres.\n\n"
        "Run-up\n: The greatest height above sea level that the water reaches on land.\n"
    )
    html = (
        "<html><body><h1>Glossary</h1><dl><dt>Tsunami warning</dt><dd>The highest level of "
        "tsunami alert issued by warning centres.</dd><dt>Wave train</dt><dd>The series of "
        "waves that make up a tsunami.</dd><dt>Run-up</dt><dd>The greatest height above sea "
        "level that the water reaches on land.</dd></dl></body></html>"
    )
    asked = {**_asked(page), **_asked(html, "html")}
    assert "What is tsunami warning?" not in asked
    assert any(p in asked for p in ("What is the tsunami warning?", "What is a tsunami warning?"))


def test_a_number_s_options_are_of_its_shape_and_size() -> None:
    page = (
        "# Tyre pressure\n\nRoad tyres usually run at 70-85 psi. Gravel tyres run at 40-50 "
        "psi. Mountain bike tyres run at 22-30 psi on trails. Tubeless set-ups can usually run "
        "5-10 psi lower than the same tyre with an inner tube.\n"
    )
    choices = [
        q
        for q in candidate_questions(page, "md")
        if q.prompt.startswith("Which value completes") and q.answer == "70-85 psi"
    ]
    assert choices
    for q in choices:
        assert "5-10 psi" not in q.options, q.options  # ten times smaller: a giveaway


def test_a_list_term_with_a_number_is_no_date() -> None:
    page = (
        "# Pressures\n\nTypical pressures for common tyres:\n\n"
        "- Road bike, 25 mm tyres: 80-100 psi\n- Road bike, 28 mm tyres: 70-85 psi\n"
        "- Mountain bike, 2.2 in tyres: 22-30 psi\n"
    )
    assert not any("timeline" in p for p in _asked(page))


def test_a_class_too_wide_to_ask_which_one_asks_what_the_term_is() -> None:
    page = (
        "# Catalysts\n\nA catalyst is a substance that increases the rate of a reaction "
        "without being used up. Insulin is a hormone that lowers blood glucose levels.\n"
    )
    asked = _asked(page)
    assert not any(p.startswith("Which substance") for p in asked)
    assert "What is a catalyst?" in asked
    assert asked.get("Which hormone lowers blood glucose levels?") == "Insulin"

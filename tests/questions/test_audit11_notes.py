"""Audit 11 (h28, a revision sheet): notes that are no definitions, worked examples, exam tips
and quizzes, and a numbered step's number."""

from __future__ import annotations

from questions.model import Bank
from questions.pipeline import generate
from questions.reading import RawArticle

PARTS = """Parts of the microscope

- Eyepiece lens - the lens you look through, usually x10.
- Objective lenses - on the rotating nosepiece, typically x4, x10 and x40.
- Stage clips - underneath the stage.
- Fine focus - turn it slowly.
- Stage - flat platform where the slide is placed, held by clips.
- Condenser - a lens that focuses the light onto the specimen.
"""


def _bank(text: str) -> Bank:
    bank, _ = generate(RawArticle("sheet.txt", text, "txt"))
    return bank


def _stems(bank: Bank) -> list[str]:
    return [q.prompt for q in bank.questions]


def _everything(bank: Bank) -> str:
    return "\n".join(" ".join([q.prompt, q.answer, *q.options]) for q in bank.questions).casefold()


def test_a_note_line_that_says_where_or_what_to_do_makes_no_definition_card() -> None:
    text = _everything(_bank(PARTS))
    assert "underneath the stage" not in text
    assert "turn it slowly" not in text
    assert "rotating nosepiece" not in text


def test_a_singular_term_ending_in_s_is_asked_with_is() -> None:
    stems = _stems(_bank(PARTS))
    assert not any(stem.startswith("What are an") for stem in stems)
    assert "What is an eyepiece lens?" in stems


EXAMINERS = "Examiners love asking you to explain the difference."
WORKED = f"""Measuring cells

An eyepiece graticule is a small scale in the eyepiece with 100 divisions.
A stage micrometer is a slide with a scale of known length.

Remember: magnification and resolution are NOT the same thing. {EXAMINERS}

Exam tip: if asked "why is the specimen thin?" - so that light can pass through it.

Worked example (calibration):
  40 epu line up with 10 stage micrometer divisions.
  A drawing of a cheek cell is 30 mm wide.

Light microscopes cannot resolve ribosomes because they are smaller than the 200 nm limit.
Electron microscopes need a vacuum, so specimens must be dead.


QUICK QUIZ

Q1. A student uses a x10 eyepiece and a x40 objective. What is the total magnification?
Q2. Why can a transmission electron microscope show ribosomes?

Answers:
A1. 10 x 40 = x400
A2. Electrons have a much shorter wavelength than light.
"""


def test_worked_examples_exam_tips_and_quizzes_are_not_asked() -> None:
    bank = _bank(WORKED)
    text = _everything(bank)
    for noise in ("examiners", "specimen thin", "40 epu", "30 mm", "quick quiz", "x400"):
        assert noise not in text, noise
    assert "total magnification" not in text
    from questions.lines import classify
    from questions.normalise import hinted_lines

    kept = [line.text for line in classify(hinted_lines(WORKED, "txt")) if line.kind != "noise"]
    assert any(text.startswith("Light microscopes cannot resolve") for text in kept)
    assert not any("epu" in text or text.startswith(("A1", "Q1", "10 x")) for text in kept)


def test_a_reminder_that_states_a_fact_stays() -> None:
    from questions.normalise import hinted_lines

    lines = hinted_lines(
        "Notes\n\nRemember: the limit comes from the wavelength of visible light.\n\n"
        "Remember: examiners love asking you this.\n",
        "txt",
    )
    hints = {line.text: line.hint for line in lines if line.text}
    assert hints["the limit comes from the wavelength of visible light."] != "aside"
    assert hints["examiners love asking you this."] == "aside"


STEPS = """Preparing a slide

Onion epidermis slide:
 1. Put a drop of water on a clean glass slide.
 2. Peel a thin layer of epidermis from the inside of an onion scale leaf with forceps.
 3. Add a drop of iodine solution to stain the nuclei and cell walls.
 4. Lower a coverslip at an angle using a mounted needle, to avoid trapping air bubbles.
 5. Place the slide on the stage and start with the lowest power objective.
"""


def test_a_numbered_steps_number_is_not_in_a_stem() -> None:
    from questions.lines import classify
    from questions.normalise import hinted_lines

    lines = classify(hinted_lines(STEPS, "txt"))
    items = [line.text for line in lines if line.kind == "list_item"]
    assert items and all(not item[:1].isdigit() for item in items)
    assert any(item.startswith("Lower a coverslip") for item in items)
    for stem in _stems(_bank(STEPS)):
        assert not stem[:1].isdigit(), stem

"""The linguistic analysis and what it guarantees (issue 13): tags, noun phrases, blanks of
terms and numbers, grammar-checked stems, pronouns, and the ranked budget."""

from __future__ import annotations

from questions.context import build_context
from questions.model import Kind, Question
from questions.nlp import is_noun_phrase, noun_phrases, tag, variants, which_stem
from questions.pipeline import analyse, generate
from questions.ranking import MINIMUM, budget
from questions.rarity import is_trivial
from questions.reading import RawArticle
from questions.templates import candidates


def tags(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.tag) for t in tag(text)]


def bank_of(text: str, name: str = "a.md") -> list[Question]:
    return list(generate(RawArticle(name, text, "md"))[0].questions)


def test_numbers_keep_their_units_and_verbs_after_modals_are_verbs() -> None:
    assert ("70", "CD") in tags("Blood sugar below 70 mg/dL is low.")
    assert ("2–5", "CD") in tags("The median survival is 2–5 years.")
    assert ("cause", "VB") in tags("It can cause foot drop.")
    assert ("need", "VBP") in tags("Most adults need seven hours of sleep.")
    assert ("arise", "VBP") in tags("Muscle cramps arise from an imbalance.")
    phrases = [p.text for p in noun_phrases("Heat it to 130°F for 10 minutes or 85% of them.")]
    assert {"130°F", "10 minutes", "85%"} <= set(phrases)
    assert "PMP22" in [t.text for t in tag("It includes the gene PMP22 on chromosome 17.")]


def test_noun_phrase_checks_reject_clauses_and_asides() -> None:
    for phrase in ("lower legs", "lack of iron in the brain", "peripheral artery disease"):
        assert is_noun_phrase(phrase), phrase
    for phrase in ("but not dialysis", "used to treat upset stomach", "drink enough carbs"):
        assert not is_noun_phrase(phrase), phrase
    assert which_stem("a hormone that raises blood glucose levels") == (
        "Which hormone raises blood glucose levels?"
    )
    assert which_stem("an autoimmune disease affecting the brain") is None
    assert variants("motor neurons") == ("motor neuron",)


ARTICLE = """# Low blood sugar

## Thresholds

For people who don't have diabetes, hypoglycemia is a blood glucose level lower than 55 mg/dL.
For many people with diabetes, hypoglycemia means a blood glucose level lower than 70 mg/dL.
Severe hypoglycemia can be treated with glucagon, a hormone that raises blood glucose levels.
If you don't eat or drink enough carbohydrates (carbs), your blood glucose can drop quickly.
There are also blood tests that providers can use to check if your blood glucose is too low.
The pancreas releases insulin after a meal, and insulin moves glucose into the cells.
Fasting for more than 24 hours lowers the glycogen stored in the liver.
After a meal, a blood glucose level above 180 mg/dL is too high for most adults.
"""


def test_blanks_are_terms_and_numbers_never_filler() -> None:
    questions = bank_of(ARTICLE)
    clozes = [q for q in questions if q.kind == Kind.CLOZE]
    assert clozes and not any(is_trivial(q.answer) for q in clozes)
    assert "people" not in {q.answer for q in questions}
    numbers = {q.answer for q in clozes} & {"55 mg/dL", "70 mg/dL", "24 hours"}
    assert numbers, [q.answer for q in clozes]


def test_stems_need_the_grammar_their_template_assumes() -> None:
    prompts = [q.prompt for q in bank_of(ARTICLE)]
    assert not any("carbs?" in p or "use for drink" in p for p in prompts)
    assert not any(p.startswith("According to the article, what can there") for p in prompts)
    facts = analyse(ARTICLE, "md").facts
    assert not [f for f in facts if f.kind == "gloss" and "drink" in f.answer + f.subject]
    assert not [f for f in facts if f.kind == "effect" and f.subject.startswith("There")]
    assert ("definition", "glucagon") in {(f.kind, f.subject) for f in facts}


def test_sibling_numbers_of_one_unit_make_a_false_statement() -> None:
    analysis = analyse(ARTICLE, "md")
    ctx = build_context(analysis.doc, list(analysis.facts))
    items = [
        c.question
        for c in candidates(ctx, list(analysis.facts))
        if c.question.kind == Kind.TRUE_FALSE and c.fact.group == "number:mg/dl"
    ]
    assert sorted(q.answer for q in items) == ["False", "True"]  # alternating along the unit
    false = next(q for q in items if q.answer == "False")
    # The sentence that names "55 mg/dL" asks its key term (hypoglycemia), not its number.
    assert "70 mg/dL" in false.source.sentence and "180 mg/dL" in false.prompt


PRONOUNS = """# Muscle disorders

Several disorders weaken the muscles through the nerves or the junction.

## Myasthenia gravis

Myasthenia gravis is an autoimmune disease of the neuromuscular junction.
It causes fluctuating weakness of the eyelids and the muscles of swallowing.
These medicines block acetylcholinesterase and improve the weakness within minutes.

## Lambert–Eaton syndrome

Lambert–Eaton syndrome is an autoimmune disease of the presynaptic calcium channels.
It causes weakness of the hips and thighs that improves after brief exercise.

## Botulism

Botulism is a paralysis caused by a toxin of the bacterium Clostridium botulinum.
It starts with blurred vision and drooping eyelids, then spreads to the limbs.
"""


def test_a_leading_pronoun_is_resolved_to_the_section_entity_or_the_sentence_is_skipped() -> None:
    analysis = analyse(PRONOUNS, "md")
    ctx = build_context(analysis.doc, list(analysis.facts))
    questions = [c.question for c in candidates(ctx, list(analysis.facts))]  # before ranking
    prompts = [q.prompt for q in questions]
    for prompt in prompts:
        assert not prompt.startswith(("It ", "These ", "This ", "They ")), prompt
    assert not any("acetylcholinesterase" in p for p in prompts)  # "These medicines": unsafe
    assert any(p.startswith("Botulism starts with") for p in prompts), prompts
    assert any(p.startswith("Lambert–Eaton syndrome causes") for p in prompts), prompts
    for q in questions:  # a singular name ending in -is takes "is"
        assert "gravis are" not in q.prompt, q.prompt
        if q.kind == Kind.CLOZE:  # a heading's name is not split, nor prefixed to its blank
            assert not q.prompt.startswith(f"{q.answer}:"), q.prompt
            assert q.answer != "Myasthenia", q.prompt


def test_ranked_decks_keep_the_budget_one_question_per_sentence_and_balance() -> None:
    words = len(ARTICLE.split())
    questions = bank_of(ARTICLE)
    assert 0 < len(questions) <= max(MINIMUM, budget(words))
    assert len({q.source.start for q in questions}) == len(questions)
    answers = [q.answer.casefold() for q in questions if q.kind != Kind.TRUE_FALSE]
    assert len(answers) == len(set(answers))
    truth = [q.answer for q in questions if q.kind == Kind.TRUE_FALSE]
    assert truth.count("True") <= truth.count("False") <= truth.count("True") + 1


TABLE = """# Electrolytes

Electrolytes are minerals that carry an electric charge in the body fluids.

| Name | Chemical symbol | Plasma |
| --- | --- | --- |
| Sodium | Na+ | 136–146 mM |
| Potassium | K+ | 3.5–5.0 mM |
| Chloride | Cl- | 98–108 mM |
| Calcium | Ca2+ | 2.2–2.6 mM |

## Glossary

hyperkalemia
elevated potassium in the blood that can stop the heart

hyponatremia
low sodium in the blood, often from drinking too much water

hypocalcemia
low calcium in the blood that makes muscles twitch and cramp

hypochloremia
low chloride in the blood, often after long vomiting
"""


def test_tables_and_glossaries_give_multiple_choice_from_their_siblings() -> None:
    questions = bank_of(TABLE)
    choices = [q for q in questions if q.kind == Kind.MULTIPLE_CHOICE]
    assert choices
    for q in choices:
        if "table" in q.prompt:
            assert "“" in q.prompt and q.options[q.correct or 0] == q.answer
            rows = {"Sodium", "Potassium", "Chloride", "Calcium"}
            values = {"Na+", "K+", "Cl-", "Ca2+", "136–146 mM", "3.5–5.0 mM", "98–108 mM"}
            assert set(q.options) <= rows or set(q.options) <= values | {"2.2–2.6 mM"}
        if "define as" in q.prompt:
            terms = {"Hyperkalemia", "Hyponatremia", "Hypocalcemia", "Hypochloremia"}
            assert set(q.options) <= terms, q.options

"""Multiple choice and true/false on every article: key terms with options of their kind,
table cells asked as a person would ask them, glossary terms among terms of their kind."""

from __future__ import annotations

from questions.acceptance import fragment, lexicon
from questions.build import Candidate
from questions.context import build_context
from questions.facts import Fact
from questions.kinship import kind_of
from questions.model import Kind, Question
from questions.pipeline import analyse
from questions.templates import candidates
from questions.templates_blanks import key_term, overlapping
from questions.templates_structure import head_plural

TIDES = """Tides

Tides rise and fall twice a day along most coasts.
Spring tides happen when the Sun and the Moon pull along one line.
Neap tides happen when the Sun and the Moon pull at right angles.
King tides are the highest tides of the whole year at a coast.
Red tides are blooms of algae that colour coastal water.
Storm surges can raise the water far above the normal level.
"""


def term_candidates(raw: str, sentence_start: str, answer: str) -> list[Candidate]:
    """The key-term template's candidates for ``answer`` in the sentence that starts so."""
    analysis = analyse(raw, "txt")
    unit = next(u for u in analysis.doc.units if u.sentence.text.startswith(sentence_start))
    start = unit.sentence.text.index(answer)
    fact = Fact("key_term", "s", answer, unit, "key_term", "e", str(start))
    ctx = build_context(analysis.doc, [*analysis.facts, fact])
    return list(key_term(ctx, fact))


def of_kind(cands: list[Candidate], kind: Kind) -> list[Question]:
    return [c.question for c in cands if c.question.kind == kind]


def test_a_key_term_is_no_choice_among_terms_with_its_head_noun() -> None:
    # "Which term completes …" among "King tides", "Red tides": 5 of 26 accepted (rounds 8-29)
    cands = term_candidates(TIDES, "Spring tides", "Spring tides")
    assert not of_kind(cands, Kind.MULTIPLE_CHOICE)
    [cloze] = of_kind(cands, Kind.CLOZE)
    assert cloze.answer == "Spring tides"


def test_a_false_statement_swaps_in_a_term_of_the_kind_and_a_true_one_restates() -> None:
    items = [
        q
        for start, term in (("King tides", "King tides"), ("Red tides", "Red tides"))
        for q in of_kind(term_candidates(TIDES, start, term), Kind.TRUE_FALSE)
    ]
    for q in items:
        if q.answer == "False":
            assert q.prompt != q.source.sentence and "tides" in q.prompt
        else:
            assert q.prompt == q.source.sentence
    assert {q.answer for q in items} <= {"True", "False"}


def test_a_term_without_kin_or_in_advice_gets_no_choice() -> None:
    assert (
        of_kind(term_candidates(TIDES, "Storm surges", "Storm surges"), Kind.MULTIPLE_CHOICE) == []
    )
    advice = TIDES + "If you watch spring tides, keep away from the harbour wall at night.\n"
    assert term_candidates(advice, "If you watch", "spring tides")[1:] == []


def test_word_endings_give_kinds_only_for_rare_words() -> None:
    assert kind_of("hyperkalemia") == kind_of("Hyponatremia") == "suffix:condition"
    assert kind_of("chloride") == kind_of("glycine") == "suffix:chemical"
    assert kind_of("medicine") == kind_of("osmosis") == ""  # everyday, or a process
    assert kind_of("spring tides") == kind_of("neap tide") != kind_of("neap current")


TABLE = """Electrolytes

The table lists the main electrolytes of the body.

| Electrolyte | Chemical symbol | Plasma |
|---|---|---|
| Sodium | Na+ | 136–146 mM |
| Potassium | K+ | 3.5–5.0 mM |
| Chloride | Cl- | 98–107 mM |
| Bicarbonate | HCO3- | 22–29 mM |
| Calcium | Ca++ | 2.2–2.6 mM |
| Phosphate | HPO4 | 0.8–1.5 mM |
"""


def generated(raw: str, fmt: str = "md") -> list[Question]:
    analysis = analyse(raw, fmt)
    ctx = build_context(analysis.doc, list(analysis.facts))
    return [c.question for c in candidates(ctx, list(analysis.facts)) if not c.reasons]


def test_a_table_cell_is_asked_without_the_table_layout() -> None:
    cells = [q for q in generated(TABLE) if q.fact_kind == "table_cell"]
    prompts = {q.prompt for q in cells}
    assert "What is the chemical symbol of potassium?" in prompts
    assert "Which electrolyte has K+ as its chemical symbol?" in prompts
    assert not any("row" in p or "“" in p or "plasma" in p.casefold() for p in prompts)
    assert "The chemical symbol of sodium is Na+." in prompts or any(
        p.startswith("The chemical symbol of sodium is ") for p in prompts
    )


def test_each_row_of_a_table_has_its_own_wrong_options() -> None:
    choices = [
        q
        for q in generated(TABLE)
        if q.kind == Kind.MULTIPLE_CHOICE and q.prompt.startswith("What is the chemical")
    ]
    wrong_sets = {frozenset(o for i, o in enumerate(q.options) if i != q.correct) for q in choices}
    assert len(choices) == 6 and len(wrong_sets) == 6


GLOSSARY = """Economics terms

Inflation: a general rise in the prices of goods over time
Deflation: the state of deflating prices across an economy
Recession: a period of falling output lasting two quarters
Depression: a period of falling output lasting several years
Stagnation: a period of slow growth in an economy
Tariff: a tax on imported goods
Quota: a limit on the amount of imported goods
"""


def test_glossary_choices_are_of_the_answer_kind_and_never_name_its_root() -> None:
    questions = [q for q in generated(GLOSSARY, "txt") if q.fact_kind == "definition"]
    asked = {q.answer for q in questions if q.kind == Kind.MULTIPLE_CHOICE}
    assert "Deflation" not in asked  # "deflating" in its definition gives it away
    recession = next(
        q for q in questions if q.kind == Kind.MULTIPLE_CHOICE and q.answer == "Recession"
    )
    assert set(recession.options) - {"Recession"} <= {"Depression", "Stagnation"}


def test_a_false_glossary_statement_uses_a_definition_of_the_same_kind() -> None:
    items = [q for q in generated(GLOSSARY, "txt") if q.kind == Kind.TRUE_FALSE]
    for q in items:
        if q.answer == "False" and "“Recession”" in q.prompt:
            assert "a period of" in q.prompt
        if q.answer == "False" and "“Tariff”" in q.prompt:
            raise AssertionError(q.prompt)  # no other definition of a tax: no false twin


def test_the_sentence_a_multiple_choice_completes_must_be_a_sentence() -> None:
    lex = lexicon(lambda phrase: 1, [], "")

    def choice(sentence: str) -> Question:
        prompt = f"Which term completes the article's sentence: “{sentence}”"
        [q] = [q for q in generated(TIDES, "txt") if q.kind == Kind.TRUE_FALSE][:1]
        return Question(**{**q.__dict__, "kind": Kind.MULTIPLE_CHOICE, "prompt": prompt})

    assert fragment(choice("___ (used to treat upset stomach)"), lex) == ["fragment"]
    assert fragment(choice("___ happen when the Sun and the Moon pull along one line."), lex) == []


FORCES = """Forces

Several forces act on the oceans of a planet.
The pull of the Moon differs across the planet, and these forces are called tidal forces.
Gravitational forces hold the planet and its moon in their orbits around each other.
Frictional forces slow the spin of the planet a little over many years.
Magnetic forces have no measurable effect on the water of the oceans.
The electrostatic force, also known as the Coulomb force, binds charged particles together.
"""


def test_another_name_of_the_answer_is_never_swapped_in() -> None:
    raw = FORCES + "The electrostatic force pulls unlike charges toward each other.\n"
    cands = term_candidates(raw, "The electrostatic force pulls", "electrostatic force")
    statements = [q.prompt for q in of_kind(cands, Kind.TRUE_FALSE)]
    assert statements and not any("Coulomb force" in p for p in statements)


DOSES = """Doses

A second dose is given 9 to 12 days after the first one.
The rash from the first dose usually fades within 7 days.
Most people feel a mild fever for 2 days after a dose.
Some people need a third dose after 30 days.
A booster dose is given after 60 days in most adults.
"""


def test_number_options_come_from_the_article_and_keep_a_range_in_order() -> None:
    analysis = analyse(DOSES, "txt")
    unit = next(u for u in analysis.doc.units if u.sentence.text.startswith("A second"))
    start = unit.sentence.text.index("12 days")
    fact = Fact("key_term", "s", "12 days", unit, "number:day", "e", str(start))
    ctx = build_context(analysis.doc, [fact])  # no sibling facts: the numbers are the text's
    cands = [c.question for c in key_term(ctx, fact)]
    [mc] = [q for q in cands if q.kind == Kind.MULTIPLE_CHOICE]
    assert set(mc.options) == {"12 days", "30 days", "60 days"}  # never "9 to 7 days"


def test_overlapping_values_and_definitions_of_another_number_are_not_swapped_in() -> None:

    assert overlapping("5–10 minutes", "5 minutes") and not overlapping(
        "5–10 minutes", "20 minutes"
    )
    assert head_plural("proteins that open in the membrane")
    assert not head_plural("regulatory protein that covers binding sites")


def test_a_term_in_an_adjunct_is_never_swapped_into_a_false_statement() -> None:
    from questions.build import say_false

    raw = TIDES + (
        "Surfers wait all winter for king tides.\n"
        "Fishing boats stay in port during red tides.\n"
        "The harbour floods twice a year with spring tides.\n"
        "Beach walkers like the calm water of neap tides.\n"
    )
    starts = ("Surfers", "Fishing", "The harbour", "Beach")
    terms = ("king tides", "red tides", "spring tides", "neap tides")
    items = [
        c
        for start, term in zip(starts, terms, strict=True)
        for c in term_candidates(raw, start, term)
        if c.question.kind == Kind.TRUE_FALSE
    ]
    assert any(say_false(c.fact) for c in items)  # some would have been false
    assert items and all(c.question.answer == "True" for c in items)


def test_a_label_whose_root_only_the_key_shares_gives_a_choice_away() -> None:
    from questions.acceptance_cues import label_leak

    lex = lexicon(lambda phrase: 1, [], "")
    [base] = [q for q in generated(TIDES, "txt") if q.kind == Kind.TRUE_FALSE][:1]
    prompt = "Which term completes the article's sentence: “Chloride: Vomiting can lead to ___.”"

    def choice(options: tuple[str, ...]) -> Question:
        fields = {**base.__dict__, "kind": Kind.MULTIPLE_CHOICE, "prompt": prompt}
        return Question(**{**fields, "answer": options[0], "options": options, "correct": 0})

    assert label_leak(choice(("hypochloremia", "hyponatremia", "hypercalcemia")), lex)
    assert not label_leak(choice(("hypochloremia", "hyperchloremia", "hyponatremia")), lex)


def test_a_deck_takes_true_false_items_though_clozes_score_higher() -> None:
    from dataclasses import replace

    from questions.model import Source
    from questions.ranking import rank

    [base] = [q for q in generated(TIDES, "txt") if q.kind == Kind.CLOZE][:1]

    def item(i: int, kind: Kind, answer: str) -> Question:
        source = Source("s", f"Sentence {i}.", i * 20, i * 20 + 11)
        return replace(
            base, id=f"q-{i:012x}", kind=kind, answer=answer, fact_id=f"f-{i}", source=source,
            fact_kind="qa" if kind == Kind.CLOZE else "key_term",
            options=("True", "False") if kind == Kind.TRUE_FALSE else (),
            correct=("True", "False").index(answer) if kind == Kind.TRUE_FALSE else None,
        )  # fmt: skip

    clozes = [item(i, Kind.CLOZE, f"hyperkalemia{i}") for i in range(12)]
    pair = [item(20, Kind.TRUE_FALSE, "False"), item(21, Kind.TRUE_FALSE, "True")]
    kept = rank(clozes + pair, "word " * 100, lambda phrase: 5)
    assert {q.kind for q in kept} == {Kind.CLOZE, Kind.TRUE_FALSE}

"""Blind audit 1's general rules: open flashcards, overlapping list items, questions per list,
and false statements that do not all swap in the same sibling."""

from __future__ import annotations

from collections import Counter

from questions import acceptance as acc
from questions.model import Kind, Question, Source
from questions.pipeline import generate
from questions.reading import RawArticle
from questions.templates import overlaps

ARTICLE = """# Garden Care

Gardens need regular care through the seasons. A gardener keeps a small set of tools.

## Tools and tasks

A gardener's kit may include:

- Spade: digging planting holes in firm clay soil.
- Rake: levelling the seed bed before sowing.
- Shears: trimming hedges into shape.
- Trowel: moving seedlings into small pots.
- Hoe: cutting weeds off at the roots.
- Sieve: sifting compost for seed trays.
- Dibber: poking narrow holes for onion sets.

Watering is best done early in the morning, when the soil is cool.
"""


def card(answer: str, fact_kind: str, sentence: str) -> Question:
    return Question(
        id="q-1",
        kind=Kind.FLASHCARD,
        prompt="In the article's list on treatment, what does “Medication” involve?",
        answer=answer,
        explanation="",
        fact_id="f-1",
        fact_kind=fact_kind,
        entity="",
        source=Source("s", sentence, 0, len(sentence)),
    )


def open_answer(q: Question) -> bool:
    lex = acc.Lexicon(lambda _: 1, frozenset(), "", frozenset(), {})
    return "open_answer" in acc.reasons(q, lex)


def test_open_questions_need_a_short_complete_answer() -> None:
    series = "Muscle relaxants, anticonvulsants, or other medications to manage spasms"
    assert open_answer(card(series, "list_item", f"Medication: {series}."))
    other = "Stretching exercises and other therapies"
    assert open_answer(card(other, "list_item", f"Physical therapy: {other}."))
    assert not open_answer(card("Evaluating nerve function", "list_item", "Exam: x."))
    # A definition's answer is not an open list, even when it is a series.
    assert not open_answer(card("A, b and c", "definition", "X is a, b and c."))


def test_a_description_sharing_words_with_another_item_is_not_asked_as_which_item() -> None:
    others = ["Nerve conduction studies measuring the speed of nerve signals", "Blood tests"]
    assert overlaps("evaluating nerve function", others)
    assert not overlaps("checking for electrolyte imbalances", others)
    # A shared verb is how items are described, not what they are about.
    assert not overlaps("management of diabetes", ["Medication to manage spasms"])


def test_one_list_gives_at_most_two_questions() -> None:
    bank = list(generate(RawArticle("garden.md", ARTICLE, "md"))[0].questions)
    listed = Counter(q.source.section for q in bank if q.fact_kind == "list_item")
    assert listed and max(listed.values()) <= 2, listed


def test_false_statements_swap_in_different_siblings() -> None:
    """Sibling sections' false statements do not all swap in the same name."""
    from tests.questions.test_tf_forms import true_false

    swapped = [
        q.prompt.split(" is ")[0]
        for q in true_false()
        if q.answer == "False" and q.fact_kind in ("definition", "statement")
    ]
    assert len(swapped) >= 3
    assert len(set(swapped)) >= 3, swapped  # not one sibling for every false item

"""A cloze of a FAQ answer's first sentence is shown after its question (round 34: the
heading resolved "the first dose", "the earliest walls", "the whitish coating")."""

from __future__ import annotations

from questions.model import CLOZE_BLANK, Kind
from questions.pipeline import generate
from questions.reading import RawArticle

FAQ = """# Chocolate: questions and answers

Chocolate is made from the roasted seeds of the cacao tree, which grows in the tropics.

## Why does old chocolate sometimes turn white?

The whitish coating is called bloom, and it is harmless to eat. Fat bloom appears when cocoa
butter melts and sets again on the surface after the bar has been stored somewhere warm.

## Why is chocolate dangerous for dogs?

Chocolate contains theobromine, a bitter stimulant related to caffeine. Dogs break it down
far more slowly than people do, so even a small amount of dark chocolate can poison a dog.

## Where is cacao grown?

Cacao trees grow within about 20 degrees of the equator, mostly in West Africa. Ivory Coast
and Ghana together grow more than half of the world's cacao.
"""


def test_the_first_sentence_of_an_answer_is_asked_after_its_question() -> None:
    bank, _ = generate(RawArticle("chocolate.md", FAQ, "md"))
    clozes = {q.answer: q.prompt for q in bank.questions if q.kind == Kind.CLOZE}
    assert clozes.get("bloom") == (
        "Why does old chocolate sometimes turn white? "
        f"The whitish coating is called {CLOZE_BLANK}, and it is harmless to eat."
    )
    later = [p for p in clozes.values() if "Fat bloom" in p or "Ghana" in p]
    assert all(not p.startswith(("Why", "Where")) for p in later)  # only the first sentence


def test_an_answer_that_restates_its_question_is_asked_alone() -> None:
    from tests.questions.candidate_support import candidate_questions

    faq = (
        "# Bell ringing: questions and answers\n\nBell ringing is a team activity.\n\n"
        "## Were many ringers lost in the First World War?\n\n"
        "Around 1,400 bell ringers were lost in the First World War, and many towers fell "
        "silent.\n"
    )
    clozes = [q.prompt for q in candidate_questions(faq) if q.kind == Kind.CLOZE]
    assert clozes and not any(p.startswith("Were many") for p in clozes), clozes


def test_an_answer_that_stands_alone_is_asked_without_its_question() -> None:
    from tests.questions.candidate_support import candidate_questions

    faq = (
        "# The Difference Engine: questions and answers\n\nCharles Babbage designed "
        "calculating machines.\n\n## Why did Babbage never finish an engine himself?\n\n"
        "Babbage began his first design in the early 1820s, with support from the British "
        "government.\n"
    )
    clozes = [q.prompt for q in candidate_questions(faq) if q.kind == Kind.CLOZE]
    assert clozes and not any(p.startswith("Why did") for p in clozes), clozes

"""The acceptance model learnt from blind audits (``benchmarks/quality_features.py``): its
features see what a reviewer looks at, and the model file weighs every one of them."""

from __future__ import annotations

from questions.model import CLOZE_BLANK, Kind, Question, Source
from questions.pipeline import analyse
from questions.textutil import digest
from tests.questions.test_audit_tools import script

features = script("quality_features").features
probability = script("quality_features").probability
weights = script("quality_features").weights

TEXT = """# Ferns

Ferns are vascular plants that reproduce by spores. The sporophyte is the diploid
generation of the life cycle. Circinate vernation is the unrolling of a young, coiled frond.
It divides into two branches near the coast, and then it closes the loop.
"""


def vocab():  # type: ignore[no-untyped-def]
    return analyse(TEXT, "md").vocab


def question(
    prompt: str, answer: str, kind: Kind = Kind.CLOZE, options: tuple[str, ...] = ()
) -> Question:
    return Question(
        id="q-" + digest(prompt, answer),
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation="",
        fact_id="f-1",
        fact_kind="definition" if kind == Kind.FLASHCARD else "key_term",
        entity="",
        source=Source("Ferns", prompt.replace(CLOZE_BLANK, answer), 0, 10),
        options=options,
        correct=options.index(answer) if options else None,
    )


SHAPES = (
    question(f"The sporophyte is the {CLOZE_BLANK} generation of the life cycle.", "diploid"),
    question(f"{CLOZE_BLANK} are vascular plants that reproduce by spores.", "Ferns"),
    question(
        "What is circinate vernation?", "The unrolling of a young, coiled frond", Kind.FLASHCARD
    ),
    question(
        "Which term does the article define as “the unrolling of a young, coiled frond”?",
        "Circinate vernation",
        Kind.FLASHCARD,
    ),
    question(
        "Which term completes the article's sentence: “Ferns are ___ plants.”",
        "vascular",
        Kind.MULTIPLE_CHOICE,
        ("vascular", "flowering", "seed"),
    ),
    question(
        "The sporophyte is the diploid generation.", "True", Kind.TRUE_FALSE, ("True", "False")
    ),
)


def test_the_model_weighs_every_feature_the_code_computes() -> None:
    known = weights().keys()
    for q in SHAPES:
        missing = set(features(q, vocab())) - known
        assert not missing, (q.prompt, missing)  # a new feature needs a retrained model


def test_features_see_pointing_words_and_where_the_blank_is() -> None:
    pointing = question(f"Near the coast it closes the {CLOZE_BLANK}.", "loop")
    plain = SHAPES[0]
    assert features(pointing, vocab())["pointing"] > features(plain, vocab())["pointing"] == 0
    assert features(SHAPES[1], vocab())["blank_first"] == 1.0
    assert features(plain, vocab())["blank_after_det"] == 1.0
    assert "blank_first" not in features(SHAPES[2], vocab())  # only clozes have a blank


def test_a_defined_rare_term_is_likelier_than_a_filler_blank_after_a_pronoun() -> None:
    good = SHAPES[3]
    vague = question(f"Then it closes the {CLOZE_BLANK} near the coast.", "loop")
    assert 0.0 < probability(vague, vocab()) < probability(good, vocab()) < 1.0

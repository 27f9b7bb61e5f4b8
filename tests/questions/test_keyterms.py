"""The article's key terms (``questions.keyterms``): which terms are found, which sentence asks
each, which spans are never a term, and that the pipeline asks them as clozes."""

from __future__ import annotations

from questions.keyterms import (
    compound_cut,
    is_defined,
    key_terms,
    paired,
    refined,
    term_key,
)
from questions.model import Kind
from questions.pipeline import analyse, generate
from questions.reading import RawArticle

ARTICLE = """# Nerve disease

## Causes

The most common cause is the duplication of a region of chromosome 17 that includes the gene PMP22.
The cycle of damage and repair can lead to layers of myelin around nerves, called onion bulbs.
In these cases, myelin can also appear in the spinal cord of many patients.
Myelin wraps the axon of nerve cells so that signals travel faster along them.
Affected people often notice that their habits and their routines change over time.

## Treatment

Permethrin is approved by the FDA for the treatment of this nerve disease in adults.
Spinosad is approved by the FDA for the treatment of this nerve disease in children.
Physical therapy helps people keep their muscles strong and flexible for longer.
"""


def found(text: str = ARTICLE) -> dict[str, str]:
    """Each key term, folded, with the sentence chosen to ask it."""
    analysis = analyse(text, "md")
    doc = analysis.doc
    return {
        term_key(term): doc.units[mention.unit].sentence.text
        for _, term, mention in key_terms(doc, analysis.vocab)
    }


def test_rare_repeated_and_named_terms_are_key_terms_and_everyday_words_are_not() -> None:
    terms = found()
    assert {"pmp22", "onion bulb", "myelin"} <= set(terms)
    for everyday in ("habit", "routine", "time", "people"):
        assert everyday not in terms, everyday
    assert "nerve disease" not in terms  # the title: the deck's topic, not a term of it


def test_each_term_is_asked_in_a_clean_sentence_that_no_better_term_took() -> None:
    terms = found()
    # "In these cases, …" points back: myelin is asked where the sentence stands alone.
    assert not terms["myelin"].startswith("In these cases")
    assert len(set(terms.values())) == len(terms)  # one term per sentence


def test_a_subject_whose_predicate_another_subject_shares_is_not_blanked() -> None:
    terms = found()
    assert "permethrin" not in terms and "spinosad" not in terms


def test_definitional_patterns_mark_a_term_defined() -> None:
    text = "Layers of myelin form around nerves, called onion bulbs, in this disease."
    start = text.index("onion bulbs")
    assert is_defined(text, start, start + len("onion bulbs"))
    quoted = 'The legs take on a "stork leg" look.'
    start = quoted.index("stork leg")
    assert is_defined(quoted, start, start + len("stork leg"))
    plain = "The legs take on a stork leg look."
    start = plain.index("stork leg")
    assert not is_defined(plain, start, start + len("stork leg"))


def span_of(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def test_a_span_is_trimmed_to_the_term_or_dropped_where_the_tagger_took_a_verb() -> None:
    text = "It includes the gene PMP22 on chromosome 17."
    assert refined(text, *span_of(text, "gene PMP22")) == span_of(text, "PMP22")
    text = "The mutation can appear in GJB1 coding for connexin 32."
    assert refined(text, *span_of(text, "GJB1 coding")) == span_of(text, "GJB1")
    text = "In some forms, mutated MFN2 causes the mitochondria to clump."
    assert refined(text, *span_of(text, "mutated MFN2 causes")) is None


def test_pairs_passives_and_cut_compounds_are_never_blanks() -> None:
    text = "Choose an aisle seat on airplanes and trains so you can move."
    assert paired(text, *span_of(text, "airplanes"))
    text = "In the UK, the term is spelled motor neurone disease."
    assert paired(text, *span_of(text, "spelled motor neurone disease"))
    text = "Many head lice medications are sold without a prescription."
    assert compound_cut(text, text.index("lice medications"))
    assert not compound_cut(text, text.index("head"))
    text = "Myelin wraps the axon of nerve cells."
    assert not paired(text, *span_of(text, "axon"))


def test_the_pipeline_asks_the_key_terms_as_clozes() -> None:
    bank, _ = generate(RawArticle("nerve.md", ARTICLE, "md"))
    clozes = {q.answer: q.prompt for q in bank.questions if q.kind == Kind.CLOZE}
    assert "PMP22" in clozes
    assert clozes["PMP22"].endswith("includes the gene {{blank}}.")


def test_a_number_keeps_its_unit_and_a_name_its_noun() -> None:
    text = "It affects about one in 2,500 people worldwide."
    assert refined(text, *span_of(text, "2,500 people")) == span_of(text, "2,500 people")
    text = "Neuropathic pain is often a symptom of the disease."
    assert refined(text, *span_of(text, "Neuropathic pain")) == span_of(text, "Neuropathic pain")
    text = "About 8 to 10 percent have mutations in the SCN4A gene."
    assert refined(text, *span_of(text, "SCN4A gene")) == span_of(text, "SCN4A")

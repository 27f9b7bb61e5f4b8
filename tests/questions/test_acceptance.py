"""Each acceptance rule (audit 0's failure patterns) rejects its pattern and keeps a good twin."""

from __future__ import annotations

from collections import Counter

from questions import acceptance as acc
from questions.model import CLOZE_BLANK, Kind, Question, Source

COUNTS = {"dopamine": 4, "motor neurons": 3, "is safe and effective": 2}


def lex(defined: tuple[str, ...] = (), title: str = "Head lice") -> acc.Lexicon:
    return acc.Lexicon(
        lambda phrase: COUNTS.get(phrase.casefold(), 1),
        frozenset(defined),
        title.casefold(),
        frozenset(["f-shared"]),
        {},
    )


def q(
    prompt: str,
    answer: str,
    kind: Kind = Kind.CLOZE,
    options: tuple[str, ...] = (),
    fact_id: str = "f-1",
    qid: str = "q-1",
    start: int = 0,
) -> Question:
    sentence = prompt.replace(CLOZE_BLANK, answer)
    return Question(
        id=qid,
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation="",
        fact_id=fact_id,
        fact_kind="key_term",
        entity="",
        source=Source("s", sentence, start, start + len(sentence)),
        options=options,
        correct=0 if options else None,
    )


def codes(question: Question, lexicon: acc.Lexicon | None = None) -> list[str]:
    return acc.reasons(question, lexicon or lex())


def test_filler_blank() -> None:
    bad = q("Various {{blank}} of muscle weakness are seen in these patients.", "patterns")
    good = q("The brain uses iron to make the chemical {{blank}} in nerve cells.", "dopamine")
    assert "filler_blank" in codes(bad)
    assert "filler_blank" not in codes(good)


def test_fixed_phrase() -> None:
    bad = q("Motor neuron disease shortens one's life {{blank}} by several years.", "expectancy")
    good = q("Motor neuron disease shortens life {{blank}} by several years.", "dopamine")
    assert "fixed_phrase" in codes(bad)
    assert "fixed_phrase" not in codes(good)


def test_list_member() -> None:
    bad = q(
        "Remove things that interfere with sleep, such as a TV, {{blank}}, or phone.", "computer"
    )
    series = q("The feelings are tingling, burning, aching, or {{blank}}.", "electric shocks")
    good = q("The main cause of the syndrome is a lack of iron in the {{blank}}.", "brain")
    assert "list_member" in codes(bad)
    assert "list_member" in codes(series)
    assert "list_member" not in codes(good)
    pair = q("Cramps follow an imbalance between excitation and {{blank}} of muscle.", "relaxation")
    assert "list_member" not in codes(pair)


def test_acronym_leak() -> None:
    flash = q("What is the abbreviation for lower motor neurons?", "LMN", Kind.FLASHCARD)
    paren = q("Motor neuron diseases ({{blank}}) affect both children and adults.", "MNDs")
    initials = q("It happens at the step of {{blank}} acid (ALA) in the cell.", "aminolevulinic")
    good = q("What does ALS stand for?", "Amyotrophic lateral sclerosis", Kind.FLASHCARD)
    assert "acronym_leak" in codes(flash)
    assert "acronym_leak" in codes(paren)
    assert "acronym_leak" in codes(initials)
    assert "acronym_leak" not in codes(good)
    spelled = q(
        "Pure upper motor neuron diseases, or those with just {{blank}}, are rare.", "UMN findings"
    )
    assert "acronym_leak" in codes(spelled)


def test_page_reference() -> None:
    bad = q("Please refer to individual articles for more {{blank}} on each type.", "details")
    institution = q("See the National {{blank}}, Lung, and Blood Institute guide today.", "Heart")
    good = q("Chlorophyll absorbs mostly blue and red {{blank}} from the sun.", "light")
    assert "page_reference" in codes(bad)
    assert "page_reference" in codes(institution)
    assert "page_reference" not in codes(good)


def test_fragment() -> None:
    bad = q("{{blank}} medicines (used to treat upset stomach)", "Antinausea")
    lowercase = q("using infested combs, {{blank}} or towels; or", "brushes")
    good = q("{{blank}} medicines can worsen the symptoms of the syndrome.", "Antinausea")
    assert "fragment" in codes(bad)
    assert "fragment" in codes(lowercase)
    assert "fragment" not in codes(good)


def test_unresolved_opener() -> None:
    bad = q("Having done so, these same centers execute their {{blank}} function.", "second")
    helper = q("However, he or she may suggest that you see a {{blank}} soon.", "neurologist")
    good = q("Your doctor may suggest that you see a {{blank}} about the legs.", "neurologist")
    assert "unresolved_opener" in codes(bad)
    assert "unresolved_opener" in codes(helper)
    assert "unresolved_opener" not in codes(good)


def test_bad_span() -> None:
    hyphen = q("Comb the lice out of the hair using a fine–{{blank}} comb.", "toothed nit")
    verb = q("When {{blank}} in the brain, the legs ache at night.", "the iron is low")
    unit = q("Soak combs in hot water for at least {{blank}} minutes before use.", "10")
    good = q("Soak combs in hot water for at least {{blank}} before use.", "10 minutes")
    assert "bad_span" in codes(hyphen)
    assert "bad_span" in codes(verb)
    assert "bad_span" in codes(unit)
    assert "bad_span" not in codes(good)
    paren = q("A structure of ({{blank}})-chlorophyll a was deduced from the spectra.", "2-formyl")
    assert "bad_span" in codes(paren)
    mc = "Which value completes the sentence: “The coefficient exceeds ___⁻¹ cm⁻¹ in ether.”"
    assert "bad_span" in codes(q(mc, "10⁵ M", Kind.MULTIPLE_CHOICE, ("10⁵ M", "41 mg", "6 mg")))


def test_pair_leak() -> None:
    bad = q("The damage to the {{blank}} motor neurons differs from upper ones.", "lower")
    percent = q("Some cases are sporadic ({{blank}}) and some are genetic (15%).", "85%")
    good = q("The damage to the {{blank}} motor neurons weakens the muscles.", "lower")
    assert "pair_leak" in codes(bad)
    assert "pair_leak" in codes(percent)
    assert "pair_leak" not in codes(good)
    mate = q("Diseases with both {{blank}} and LMN findings include ALS.", "UMN")
    assert "pair_leak" in codes(mate)
    assert "pair_leak" not in codes(q("Diseases with {{blank}} findings include ALS.", "UMN"))


def test_shared_predicate() -> None:
    bad = q("{{blank}} is safe and effective when used as directed.", "Permethrin")
    good = q("{{blank}} is a synthetic pyrethroid similar to natural pyrethrins.", "Permethrin")
    assert "shared_predicate" in codes(bad)
    assert "shared_predicate" not in codes(good)


def test_shared_value() -> None:
    prompt = "According to the article's table, what is the “C2 group” value for chlorophyll a?"
    bad = q(prompt, "−CH₃", Kind.FLASHCARD, fact_id="f-shared")
    good = q(prompt, "−CHO", Kind.FLASHCARD, fact_id="f-unique")
    assert "shared_value" in codes(bad)
    assert "shared_value" not in codes(good)


def test_number_distractor() -> None:
    stem = "Which value completes the sentence: “Treat again 9 to ___ after the first treatment.”"
    bad = q(stem, "10 days", Kind.MULTIPLE_CHOICE, ("10 days", "7 days", "2–3 days"))
    overlap = q(stem, "10 days", Kind.MULTIPLE_CHOICE, ("10 days", "10–12 days", "14 days"))
    good = q(stem, "10 days", Kind.MULTIPLE_CHOICE, ("10 days", "12 days", "14 days"))
    assert "number_distractor" in codes(bad)
    assert "number_distractor" in codes(overlap)
    assert "number_distractor" not in codes(good)


def test_broken_template() -> None:
    bad = q("According to the article, what may some women continue to?", "Have it", Kind.FLASHCARD)
    tf = q("In the article, nausea is lower legs.", "False", Kind.TRUE_FALSE)
    good = q("What is chlorosis?", "A yellowing of leaves", Kind.FLASHCARD)
    assert "broken_template" in codes(bad)
    assert "broken_template" in codes(tf)
    assert "broken_template" not in codes(good)
    term = "Which term does the article use for {}?"
    odd = q(term.format("single chlorin double"), "Porphyrin", Kind.FLASHCARD)
    fine = q(term.format("lower legs"), "Calves", Kind.FLASHCARD)
    assert "broken_template" in codes(odd)
    assert "broken_template" not in codes(fine)


def test_topic_answer() -> None:
    bad = q("Infestation with {{blank}} is common among young children.", "head lice")
    good = q("Infestation with head lice is common among young {{blank}}.", "schoolchildren")
    assert "topic_answer" in codes(bad)
    assert "topic_answer" not in codes(good)
    title = lex(title="Parasites - Lice - Head Lice")
    assert "topic_answer" in codes(
        q("Infestation with {{blank}} is common in children.", "head lice"), title
    )
    disease = lex(title="Motor neuron disease")
    part = q("Damage to the {{blank}} weakens the muscles of the arms.", "motor neurons")
    assert "topic_answer" not in codes(part, disease)
    assert "topic_answer" in codes(
        q("The {{blank}} has no cure yet, sadly.", "motor neuron diseases"), disease
    )


def test_similar_stems_keep_the_better_one() -> None:
    text = "Do not use fumigant {{blank}} or fogs; they can be toxic if inhaled by people."
    first = q(text, "sprays", qid="a", start=0)
    again = q(text, "sprays", qid="b", start=500)
    other = q(
        "Head lice are spread by direct head-to-head {{blank}}.", "contact", qid="c", start=900
    )
    same_sentence = q(text, "sprays", Kind.TRUE_FALSE, qid="d", start=0)
    value = {"a": 1.0, "b": 2.0, "c": 0.0, "d": 0.5}
    dropped = acc.similar([first, again, other, same_sentence], lambda x: value[x.id])
    assert dropped == {0, 3}  # both repeat the better-valued copy made at 500


def test_accept_counts_reasons() -> None:
    rejected: Counter[str] = Counter()
    good = q("The brain uses iron to make the chemical {{blank}} in nerve cells.", "dopamine")
    bad = q("What is the abbreviation for lower motor neurons?", "LMN", Kind.FLASHCARD, qid="x")
    assert acc.accept([good, bad], lex(), rejected) == [good]
    assert rejected["acronym_leak"] == 1
    assert "acronym_leak" in acc.REASONS

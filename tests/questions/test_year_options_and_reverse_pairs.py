"""Audit 8 (h13, Hanseatic League): a year's wrong options must not be ruled out by the stem,
come from another era or from the reference list; and one fact is not asked both ways."""

from __future__ import annotations

import re
from dataclasses import replace

from questions.context import build_context
from questions.facts_keyterms import YEARS
from questions.model import Kind, Question
from questions.pipeline import analyse, generate
from questions.ranking import rank
from questions.reading import RawArticle
from questions.templates import candidates
from questions.years import cited_years, plausible_years, stated_spans

ARTICLE = """# The Hanseatic League

## Origins

The League grew from associations of German merchants who travelled in convoys for protection.
The port was first established in 1143 and re-founded in 1159 after a fire.
In 1241 Lübeck and Hamburg agreed to protect the land route between them.
The first general Diet met in 1356 and its decisions were called recesses.
King Valdemar sacked Visby in 1361, and the towns formed the Confederation of Cologne in 1367.
The war ended with the Treaty of Stralsund in 1370.
Around 1400 the League fought the Victual Brothers, a band of pirates.

## Trade

Dried cod, known as stockfish, came from Norway through Bergen.
Furs and wax came from Novgorod, where the merchants kept a walled compound.
Salt came from the salt works of Lüneburg and preserved the herring of Scania.

| Commodity | Main source |
| --- | --- |
| Stockfish | Bergen |
| Furs and wax | Novgorod |
| Salt | Lüneburg |
| Herring | Scania |
| Woollen cloth | Flanders and England |

## Decline

The last Hanseatic Diet met in 1669, attended by only nine towns.
In 1980 a modern association of former Hanseatic towns was founded in Zwolle.

## References

1. Dollinger, Philippe (1970). *The German Hansa*. Stanford University Press. pp. 3–45.
2. Schildhauer, Johannes (1988). *The Hansa: History and Culture*. Leipzig: Edition Leipzig.
3. Lloyd, T. H. (1991). *England and the German Hanse, 1157–1611*. Cambridge University Press.
4. Gaimster, David (2005). *A parallel history of Hanseatic urban culture*. World Archaeology.
"""
REFERENCE_YEARS = {"1970", "1988", "1991", "2005", "1157", "1611"}

PRINTING = """# The printing press

## Gutenberg

The goldsmith was born around 1400 and began experimenting in the late 1430s.
By about 1450 he had a working press in Mainz, and his Bible was finished in 1455.
Printers had set up shop in Venice by 1469 and in Paris by 1470.
William Caxton printed the first book in England in 1476.
Woodblock printing had reached Europe long before, and paper mills existed by 1390.
"""


def year_choices(text: str, fmt: str = "md") -> list[Question]:
    """Every year multiple choice the templates make, before ranking takes a few."""
    analysis = analyse(text, fmt)
    ctx = build_context(analysis.doc, list(analysis.facts))
    return [
        c.question
        for c in candidates(ctx, list(analysis.facts))
        if c.question.kind == Kind.MULTIPLE_CHOICE and c.fact.group == YEARS
    ]


def stem_years(q: Question) -> list[int]:
    masked = q.prompt.split("“", 1)[-1]
    return [int(y) for y in re.findall(r"\b(?:1\d{3}|20\d{2})\b", masked)]


def test_every_year_option_keeps_the_answers_side_of_each_year_the_stem_states() -> None:
    questions = year_choices(ARTICLE) + year_choices(PRINTING)
    assert len(questions) >= 3, "the articles' years give multiple choices"
    for q in questions:
        key = int(q.answer)
        for year in stem_years(q):
            for option in q.options:
                assert (int(option) < year) == (key < year), (q.prompt, q.options)


def test_a_founding_before_a_stated_refounding_offers_no_later_year() -> None:
    lubeck = [q for q in year_choices(ARTICLE) if q.answer == "1143"]
    assert all(int(o) < 1159 for q in lubeck for o in q.options)


def test_a_decade_in_the_stem_counts_as_a_year() -> None:
    born = [q for q in year_choices(PRINTING) if q.answer == "1400"]
    assert all(int(o) < 1430 for q in born for o in q.options), born


def test_reference_list_years_are_never_options_nor_answers() -> None:
    bank = generate(RawArticle("hansa.md", ARTICLE, "md"))[0]
    for q in [*bank.questions, *year_choices(ARTICLE)]:
        assert not REFERENCE_YEARS & {q.answer, *q.options}, (q.prompt, q.options)
    lines = analyse(ARTICLE, "md").doc.lines
    assert all(line.kind == "noise" for line in lines if "University Press" in line.text)


def test_a_year_of_another_era_is_not_an_option() -> None:
    medieval = [q for q in year_choices(ARTICLE) if int(q.answer) < 1700]
    assert medieval
    assert all("1980" not in q.options for q in medieval)


def test_too_few_plausible_years_leave_only_the_cloze() -> None:
    # 1669: the body's other years lie over two centuries away (1400) or in another era.
    assert not [q for q in year_choices(ARTICLE) if q.answer == "1669"]
    bank = generate(RawArticle("hansa.md", ARTICLE, "md"))[0]
    diet = [q for q in bank.questions if q.answer == "1669"]
    assert [q.kind for q in diet] in ([], [Kind.CLOZE])


def test_plausible_years_keeps_order_and_span() -> None:
    body = ["1143", "1159", "1356", "1361", "1400", "1669", "1980"]  # spread 837: 209 years
    stem = "first established in and re-founded in 1159 by Henry"
    assert plausible_years("1143", ["1361", "1100", "1980", "1040"], stem, body) == [
        "1100",
        "1040",
    ]
    assert plausible_years("1669", ["1400", "1500", "1980"], "met in", body) == ["1500"]
    short = ["1788", "1789", "1791", "1799"]  # a short timeline: fifty years around the key
    assert plausible_years("1791", ["1788", "1799"], "The Constitution of", short) == [
        "1788",
        "1799",
    ]


def test_stated_spans_read_decades_and_centuries() -> None:
    text = "born around 1400, working in the late 1430s and in the 15th century; 1,500 copies"
    assert stated_spans(text) == [(1400, 1400), (1430, 1439), (1400, 1499)]


def test_inline_citation_years_are_a_publications_years() -> None:
    text = "The League declined slowly (Dollinger 1970; Lloyd, 1991) after the war of 1370."
    assert cited_years(text) == {"1970"}
    assert cited_years("The Confederation of Cologne was formed in 1367.") == frozenset()


def test_a_fact_asked_both_ways_keeps_one_question() -> None:
    bank = generate(RawArticle("hansa.md", ARTICLE, "md"))[0]
    pairs = [
        (a.answer, b.answer)
        for a in bank.questions
        for b in bank.questions
        if a.kind != Kind.TRUE_FALSE and b.kind != Kind.TRUE_FALSE and a is not b
        if a.answer.casefold() in b.prompt.casefold() and b.answer.casefold() in a.prompt.casefold()
    ]
    assert not pairs


def test_the_ranking_keeps_the_better_of_a_reverse_pair() -> None:
    analysis = analyse(ARTICLE, "md")
    ctx = build_context(analysis.doc, list(analysis.facts))
    made = [c.question for c in candidates(ctx, list(analysis.facts))]
    cloze = next(q for q in made if q.kind == Kind.CLOZE and q.answer == "Bergen")
    choice = next(q for q in made if q.answer == "Stockfish" and "Bergen" in q.prompt)
    assert "stockfish" in cloze.prompt
    kept = rank([cloze, choice], ARTICLE, lambda _: 1)
    assert len(kept) == 1


def test_two_sentences_that_each_name_both_terms_are_two_statements() -> None:
    # "The zooxanthellae give corals their colours" / "stressed corals expel their
    # zooxanthellae": each answer is in the other's stem, yet the facts differ.
    analysis = analyse(ARTICLE, "md")
    ctx = build_context(analysis.doc, list(analysis.facts))
    made = [c.question for c in candidates(ctx, list(analysis.facts))]
    cloze = next(q for q in made if q.kind == Kind.CLOZE and q.answer == "Bergen")
    choice = next(q for q in made if q.answer == "Stockfish" and "Bergen" in q.prompt)
    prose = replace(choice, kind=Kind.CLOZE, fact_kind=cloze.fact_kind, options=(), correct=None)
    assert len(rank([cloze, prose], ARTICLE, lambda _: 1)) == 2

"""Issue 13, pattern 11 and the smaller ones: brackets read as names only where they are
names, "What is a/an/the X?" stems, FAQ headings kept only when answered, and glossary
options of the answer's own kind. The texts are general English written for these tests."""

from __future__ import annotations

from questions.context import build_context
from questions.model import Bank, Kind
from questions.pipeline import analyse, generate
from questions.reading import RawArticle
from questions.templates_gloss import gloss, with_article
from questions.templates_structure import category, same_kind


def facts_of(text: str, kind: str) -> list[tuple[str, str]]:
    return [(f.subject, f.answer) for f in analyse(text, "txt").facts if f.kind == kind]


def bank_of(text: str, name: str = "article.txt") -> Bank:
    bank, _ = generate(RawArticle(name, text, "txt"))
    return bank


def test_a_bracket_names_a_thing_only_when_it_is_a_name() -> None:
    text = (
        "Kitchen Safety\n\n"
        "Cooks who burn easily should treat a blister (raised skin bubble) at once.\n"
        "Some cooks suffer from contact dermatitis (or kitchen eczema) after washing up.\n"
        "The heating element has a resistance of about twenty ohms (ohm) when cold.\n"
        "Many kitchens keep sharp tools (knives, graters and peelers) on magnetic strips.\n"
        "A steel (see the section on knives) keeps an edge straight.\n"
        "The brass (copper) handle of the pan stays cool.\n"
        "Grease fires need a towel (blanket) and never water.\n"
    )
    glosses = facts_of(text, "gloss")
    assert ("blister", "raised skin bubble") in glosses
    assert ("contact dermatitis", "kitchen eczema") in glosses  # introduced by "or"
    subjects = {s for s, _ in glosses} | {a for _, a in glosses}
    for aside in ("ohm", "knives, graters and peelers", "see the section on knives", "copper"):
        assert aside not in subjects  # a unit, an example list, a cross-reference, a compound
    assert not any("blanket" in pair for pair in glosses)  # a one-word to one-word swap


def test_a_bracketed_name_of_an_of_phrase_names_the_whole_phrase() -> None:
    text = "Hair\n\nOld age often brings loss of hair colour (canities) in adults.\n"
    assert ("canities", "loss of hair colour") in facts_of(text, "gloss")
    other = "Nerves\n\nDoctors check the speed of nerve signals (nerve conduction tests).\n"
    assert facts_of(other, "gloss") == []  # the bracket names the check, not the signals


def test_an_abbreviation_before_its_expansion_is_an_abbreviation() -> None:
    text = "Radio\n\nThe station uses FM (frequency modulation) for music.\n"
    assert ("FM", "frequency modulation") in facts_of(text, "abbreviation")


def test_what_is_stems_take_the_article_the_source_gives() -> None:
    assert with_article("lower legs", "Pain starts in the lower legs.") == "the lower legs"
    assert with_article("colorant", "It is a food additive (colorant).", "food additive") == (
        "a colorant"
    )
    assert with_article("nausea", "Side effects include nausea.") == "nausea"
    assert with_article("calves", "It hurts in your calves.") == "calves"
    assert with_article("umbrella", "Take your umbrella.") == "an umbrella"
    assert with_article("Mars", "Mars is red.") == "Mars"


def test_gloss_stems_are_plain_questions_with_articles() -> None:
    text = (
        "Garden Pests\n\n"
        "Gardeners often find the leaf miner (tiny moth larva) inside leaves.\n"
        "Gardeners protect tender seedlings from slugs with copper tape around the pots.\n"
    )
    analysis = analyse(text, "txt")
    ctx = build_context(analysis.doc, list(analysis.facts))
    facts = [f for f in analysis.facts if f.kind == "gloss"]
    prompts = [c.question.prompt for f in facts for c in gloss(ctx, f)]
    assert "What is the leaf miner?" in prompts
    assert "What is the tiny moth larva also called?" in prompts
    assert "The leaf miner is the tiny moth larva." in prompts
    assert not any(p.startswith("In the article") or "article use for" in p for p in prompts)


def test_a_faq_heading_is_asked_only_when_its_first_sentence_answers_it() -> None:
    answered = (
        "Tea\n\nWhat causes tea to taste bitter?\n\n"
        "Tea tastes bitter when it is caused to steep too long in boiling water.\n"
    )
    assert len(facts_of(answered, "qa")) == 1
    preamble = (
        "Tea\n\nWhat causes tea to taste bitter?\n\n"
        "Our knowledge of tea grew slowly over many centuries of trade.\n"
    )
    assert facts_of(preamble, "qa") == []
    off_topic = "Tea\n\nWho is at risk of tea stains?\n\nTea is grown in many warm countries.\n"
    assert facts_of(off_topic, "qa") == []


def test_an_appositive_needs_a_whole_noun_not_an_opening_phrase() -> None:
    text = (
        "Baking\n\n"
        "For example, a loaf needs about forty minutes at a moderate heat.\n"
        "Bakers use yeast, a single-celled fungus that makes bread dough rise.\n"
    )
    definitions = [s for s, _ in facts_of(text, "definition")]
    assert "yeast" in definitions
    assert "example" not in definitions


def test_glossary_options_share_the_definitions_head_noun() -> None:
    assert category("regulatory protein that binds calcium") == "protein"
    assert category("ability to stretch") == "ability"
    pool = [
        ("Keratin", "protein of hair and nails"),
        ("Mitosis", "division of one cell into two"),
        ("Elastin", "stretchy protein of the skin"),
        ("Collagen", "structural protein of tendons"),
        ("Osmosis", "movement of water across a membrane"),
    ]
    assert same_kind("protein that carries oxygen in blood", pool) == [
        "Keratin",
        "Elastin",
        "Collagen",
    ]
    assert same_kind("process of cell death", pool) == []  # too few: the caller falls back


def test_glossary_multiple_choice_offers_terms_of_the_same_kind() -> None:
    entries = [
        ("albumin", "protein that carries hormones in blood"),
        ("anemia", "shortage of red blood cells"),
        ("bile", "fluid made by the liver"),
        ("collagen", "structural protein of tendons"),
        ("dialysis", "filtering of blood by a machine"),
        ("elastin", "stretchy protein of the skin"),
        ("fibrin", "protein that forms a blood clot"),
        ("gout", "painful swelling of a joint"),
        ("hemoglobin", "protein that carries oxygen in red blood cells"),
        ("insulin", "hormone that lowers blood sugar"),
    ]
    text = "Blood Glossary\n\n" + "\n".join(f"{t}: {d}" for t, d in entries) + "\n"
    bank = bank_of(text)
    mc = [
        q
        for q in bank.questions
        if q.kind == Kind.MULTIPLE_CHOICE and q.answer.casefold() == "hemoglobin"
    ]
    for q in mc:
        assert {o.casefold() for o in q.options} <= {
            "hemoglobin",
            "albumin",
            "collagen",
            "elastin",
            "fibrin",
        }, q.options

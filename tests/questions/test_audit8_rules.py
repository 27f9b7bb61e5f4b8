"""Blind audit 8 (h13–h16): stems that point back to a sentence the learner has not read, a
bracket that only renames the noun before it (a translation, an everyday gloss, the title's
own abbreviation), and "What is X?" stems without their article. The texts are general
English written for these tests."""

from __future__ import annotations

import pytest

from questions.acceptance import needs_antecedent
from questions.model import Bank
from questions.pipeline import generate
from questions.reading import RawArticle
from questions.templates_gloss import with_article
from questions.textutil import decapitalise, renamed_after, renames_before

GUILD = (
    "Canal Guilds\n\n"
    "The canal guilds were associations of boatmen in the river towns of the lowlands. "
    "Growing from a few towns on the delta in the early 13th century, they came to control "
    "the barge trade on every navigable river for some two centuries.\n\n"
    "The guilds met in the Guild Diet (Guildetag), an assembly of delegates from the "
    "member towns. Abroad, the guilds kept trading posts called wharfhouses. Each was a "
    "walled compound with its own warehouses and rules, and each enjoyed toll exemptions "
    "granted by the local lord.\n\n"
    "Peat was central to the system, because it was needed to fire the brick kilns. Much of "
    "it came from the bogs of Drenthe and was carried by barge to Zwolle, from where it was "
    "sold across the region.\n\n"
    "The typical guild vessel was the tjalk (Tjalkschip), a flat-bottomed barge with leeboards "
    "and a single mast. Tjalks carried heavy loads of peat, bricks and grain cheaply along "
    "the shallow canals.\n\n"
    "Boatmen who fell ill with a high temperature (fever) were cared for in guild hospices. "
    "Older boatmen often suffered from lumbago (lower back pain) after years of poling.\n\n"
    "In 1402 the guilds fought the Marsh Raiders (Moerasrovers), a band of smugglers turned "
    "pirates. The raiders were defeated near Kampen in 1405 by a fleet of forty barges. "
    "The last meeting of the Diet was held in 1611, attended by only six towns.\n"
)
TITLED = (
    "Scurvy (SV)\n\n"
    "Scurvy (SV) is a disease caused by a lack of vitamin C in the diet. Sailors on long "
    "voyages developed scurvy when their stores of fresh fruit ran out. Early signs include "
    "tiredness, sore gums and bruising that appears without injury. The disease was cured "
    "on ships by rations of lemon juice, which the Royal Navy issued from 1795. A daily dose "
    "of about 10 milligrams of vitamin C prevents the disease. Collagen, a protein that holds "
    "skin and gums together, cannot be made without vitamin C. Untreated scurvy leads to "
    "loose teeth, slow wound healing and anaemia. Today scurvy is rare in wealthy countries "
    "but is still seen in people with very poor diets.\n"
)
GLOSSARY = (
    "Titration Terms\n\n"
    "A titration measures how much of one solution reacts with another. A burette adds the "
    "acid drop by drop until the equivalence point is reached, and an indicator shows when "
    "that happens. A buffer solution keeps the pH steady during many experiments. "
    "Neutralisation gives a salt and water.\n\n"
    "Key Terms\n\n"
    "buffer solution\n"
    "A solution of a weak acid and its conjugate base that resists changes in pH.\n\n"
    "equivalence point\n"
    "The point in a titration at which the acid and the base exactly neutralise each other.\n\n"
    "neutralisation\n"
    "The reaction of an acid with a base to form a salt and water.\n\n"
    "burette\n"
    "A long graduated glass tube with a tap, used to add a liquid drop by drop.\n"
)


@pytest.fixture(scope="module")
def guild() -> Bank:
    return generate(RawArticle("canal-guilds.txt", GUILD, "txt"))[0]


def test_a_subject_that_is_a_share_or_each_of_something_unnamed_points_back() -> None:
    assert needs_antecedent("Much of it came from the bogs of Drenthe.")
    assert needs_antecedent("Most of them were sold across the region.")
    assert needs_antecedent("Each was a walled compound with its own warehouses.")
    assert not needs_antecedent("Each year the river floods the lower town.")
    assert not needs_antecedent("Each guild kept its own warehouses.")


def test_a_shell_noun_the_stem_never_names_points_back() -> None:
    assert needs_antecedent("Peat was central to the system, because it fired the kilns.")
    assert not needs_antecedent("The immune system destroys most of the bacteria.")
    assert not needs_antecedent("The system of tolls was simple to run.")


def test_no_question_from_a_sentence_whose_subject_points_back(guild: Bank) -> None:
    prompts = [q.prompt for q in guild.questions]
    for opening in ("Growing from a few towns", "Each was a walled", "Peat was central"):
        assert not any(opening in p for p in prompts), opening
    assert not any(p.startswith("Much of it") for p in prompts)


def test_a_bracket_that_renames_the_noun_before_it_is_never_blanked(guild: Bank) -> None:
    answers = {q.answer for q in guild.questions}
    assert not answers & {"Tjalkschip", "Guildetag", "Fever", "fever"}
    assert not any("({{blank}})" in q.prompt for q in guild.questions)
    assert not any("___ (" in q.prompt or "{{blank}} (" in q.prompt for q in guild.questions)


def test_renames_before_and_after_read_only_a_bracket_of_names() -> None:
    text = "The typical vessel was the tjalk (Tjalkschip), a barge. Cases (usually mild) occur."
    start = text.index("Tjalkschip")
    assert renames_before(text, start, start + len("Tjalkschip"))
    assert renamed_after(text, text.index(" (Tjalkschip)"))
    assert not renamed_after(text, text.index(" (usually"))
    dated = "the Treaty of Kampen (1405) ended it"
    assert not renames_before(dated, dated.index("1405"), dated.index("1405") + 4)


def test_an_everyday_alias_and_a_cognate_translation_are_not_asked(guild: Bank) -> None:
    prompts = [q.prompt for q in guild.questions]
    assert not any("high temperature" in p and "called" in p for p in prompts)
    assert not any(q.answer == "Guild Diet" for q in guild.questions)
    assert not any("Guildetag" in p for p in prompts)


def test_the_title_s_own_abbreviation_is_not_asked() -> None:
    bank, _ = generate(RawArticle("scurvy.txt", TITLED, "txt"))
    assert not any("SV stand for" in q.prompt for q in bank.questions)
    assert not any(q.answer == "SV" and "abbreviation" in q.prompt for q in bank.questions)


def test_a_capitalised_determiner_is_lowered_inside_a_stem() -> None:
    assert decapitalise("A Lewis acid", frozenset({"Lewis"})) == "a Lewis acid"
    assert decapitalise("The Hague Convention", frozenset({"Hague"})) == "the Hague Convention"
    assert decapitalise("Olympus Mons", frozenset()) == "Olympus Mons"


def test_a_glossary_term_takes_the_article_its_definition_shows() -> None:
    line = "A solution of a weak acid and its conjugate base that resists changes in pH."
    assert with_article("buffer solution", line, meaning=line) == "a buffer solution"
    point = "The point in a titration at which the acid and the base neutralise each other."
    assert with_article("equivalence point", point, meaning=point) == "an equivalence point"
    process = "A process by which plants make sugar from light."
    assert with_article("photosynthesis", process, meaning=process) == "photosynthesis"
    reaction = "The reaction of an acid with a base to form a salt and water."
    assert with_article("neutralisation", reaction, meaning=reaction) == "neutralisation"


def test_glossary_flashcards_read_as_english() -> None:
    bank, _ = generate(RawArticle("titration.txt", GLOSSARY, "txt"))
    prompts = {q.prompt for q in bank.questions}
    assert "What is buffer solution?" not in prompts
    assert "What is equivalence point?" not in prompts
    assert not any(p.startswith(("What is A ", "What is An ", "What is The ")) for p in prompts)

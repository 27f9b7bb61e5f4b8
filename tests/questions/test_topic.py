"""The page's topic named in stems that call it by its class or by an opening "It"
(``questions.topic``)."""

from __future__ import annotations

from questions.model import Kind, Question, Source
from questions.pipeline import analyse
from questions.topic import Topic, topic_of

RIVER = (
    "<html><head><title>Rhine – Rivers of Europe | Atlas</title></head><body><main>"
    "<h1>Rhine</h1><table><tr><th>Length</th><td>about 1,230 km</td></tr></table>"
    "<p>The Rhine is one of the major rivers of Western Europe. It rises in the Swiss Alps "
    "and flows north. It is likely that the name is Celtic.</p>"
    "<h2>Course</h2><p>At Basel the river turns sharply north. The river passes Cologne. "
    "The Aare is a river that joins the river at Koblenz.</p></main></body></html>"
)
TETANUS = (
    "# Tetanus: causes, symptoms and vaccination\n\n"
    "Tetanus is a serious infection that affects the nervous system. It is rare in countries "
    "with good vaccination coverage.\n\n## Spread\n\nYou cannot catch tetanus from another "
    "person. Doctors treat the infection in hospital.\n"
)


def _cloze(sentence: str, blank: str) -> Question:
    source = Source(section="Course", sentence=sentence, start=0, end=len(sentence))
    return Question(
        id="q-1",
        kind=Kind.CLOZE,
        prompt=sentence.replace(blank, "{{blank}}", 1),
        answer=blank,
        explanation="",
        fact_id="f-1",
        fact_kind="key_term",
        entity="Course",
        source=source,
    )


def _river() -> Topic:
    topic = topic_of(analyse(RIVER, "html").doc)
    assert topic is not None
    return topic


def test_one_of_a_plural_gives_the_class_and_the_name_keeps_its_article() -> None:
    topic = _river()
    assert (topic.name, topic.noun) == ("The Rhine", "river")
    named = topic.named(_cloze("At Basel the river turns sharply north.", "Basel"))
    assert named.prompt == "At {{blank}} the Rhine turns sharply north."
    opening = topic.named(_cloze("The river passes Cologne.", "Cologne"))
    assert opening.prompt == "The Rhine passes {{blank}}."


def test_another_of_the_class_named_before_keeps_the_class() -> None:
    sentence = "The Aare is a river that joins the river at Koblenz."
    assert _river().named(_cloze(sentence, "Koblenz")).prompt == sentence.replace(
        "Koblenz", "{{blank}}"
    )


def test_an_it_after_the_definition_is_the_topic_but_an_empty_it_is_not() -> None:
    topic = _river()
    rises = "It rises in the Swiss Alps and flows north."
    assert topic.named(_cloze(rises, "Swiss Alps")).prompt.startswith("The Rhine rises in the")
    likely = "It is likely that the name is Celtic."
    assert likely not in topic.it_sentences
    assert topic.named(_cloze(likely, "Celtic")).prompt.startswith("It is likely")


def test_a_title_with_a_subtitle_names_the_topic_in_its_case() -> None:
    topic = topic_of(analyse(TETANUS, "md").doc)
    assert topic is not None and (topic.name, topic.noun) == ("Tetanus", "infection")
    named = topic.named(_cloze("Doctors treat the infection in hospital.", "hospital"))
    assert named.prompt == "Doctors treat tetanus in {{blank}}."


def test_an_indefinite_or_coordinated_subject_names_no_topic() -> None:
    reef = "Coral reef\n\nA coral reef is an underwater ridge built by corals.\n"
    assert topic_of(analyse(reef, "txt").doc) is None
    nerves = (
        "CMT disease\n\nCMT disease is one of the hereditary motor and sensory neuropathies "
        "of the nerves.\n"
    )
    found = topic_of(analyse(nerves, "txt").doc)
    assert found is None or found.noun == "neuropathy"


def test_initials_of_the_topic_before_the_class_keep_the_class() -> None:
    text = (
        "Restless legs syndrome\n\nRestless legs syndrome (RLS) is a disorder that causes an "
        "urge to move the legs.\n"
    )
    topic = topic_of(analyse(text, "txt").doc)
    assert topic is not None and topic.noun == "disorder"
    sentence = "RLS can affect anyone, but the disorder is more common in older people."
    assert topic.named(_cloze(sentence, "older people")).prompt.count("the disorder") == 1


def test_a_class_the_tagger_did_not_read_is_not_taken_from_a_place_after_it() -> None:
    text = (
        "Mount Vesuvius\n\nMount Vesuvius is a somma-stratovolcano on the Gulf of Naples in "
        "Italy.\n"
    )
    found = topic_of(analyse(text, "txt").doc)
    assert found is None or found.noun != "gulf"


def test_a_name_of_capitalised_words_keeps_its_capitals_inside_a_sentence() -> None:
    text = (
        "Mount Etna\n\nMount Etna is an active volcano in Sicily. Farmers grow grapes on the "
        "volcano because its soil is rich.\n"
    )
    topic = topic_of(analyse(text, "txt").doc)
    assert topic is not None and topic.noun == "volcano"
    sentence = "Farmers grow grapes on the volcano because its soil is rich."
    assert "on Mount Etna because" in topic.named(_cloze(sentence, "grapes")).prompt

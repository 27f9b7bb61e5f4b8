"""Terms a sentence names ("called X", "known as X") are asked whole, after "a(n)", and
after the sentence a demonstrative points back to (session 9)."""

from __future__ import annotations

from questions.facts_keyterms import names_whole
from questions.model import CLOZE_BLANK, Kind
from questions.pipeline import generate
from questions.reading import RawArticle
from questions.templates_blanks import either_article


def _span(text: str, term: str) -> tuple[int, int]:
    at = text.index(term)
    return at, at + len(term)


def test_a_named_term_is_the_whole_phrase_after_the_cue() -> None:
    text = "The eyeball sits in a bony socket called the orbit, which protects it."
    assert names_whole(text, _span(text, "orbit"))
    streams = "Narrow bands of wind known as jet streams blow beneath it."
    assert not names_whole(streams, _span(streams, "jet"))  # a part of the named term
    verb = 'NASA later called the mission a "successful failure".'
    assert not names_whole(verb, _span(verb, "mission"))  # "call" as a verb with an object
    quoted = 'Lübeck was later known as the "Queen of the Hanse".'
    assert not names_whole(quoted, _span(quoted, "Queen"))  # one word of a quoted name
    plain = "The eyeball sits in a bony socket near the orbit."
    assert not names_whole(plain, _span(plain, "orbit"))


def test_a_named_term_after_a_or_an_is_asked_after_a_n() -> None:
    text = "The lines were locked into a frame called a forme."
    assert (
        either_article(text, _span(text, "forme"))
        == "The lines were locked into a frame called a(n) "
    )
    other = "The lines were locked into a frame."
    assert either_article(other, _span(other, "frame")).endswith(" a ")  # not named: unchanged


PAGE = """# Printing and water

## Type

A compositor arranged metal type letter by letter in a composing stick to build lines of
text, and the lines were locked into a frame called a forme.

## The eye

The adult eyeball is roughly spherical, about 24 mm in diameter, and sits in a bony socket
called the orbit.

## Photosynthesis

Whichever resource is in shortest supply is called the limiting factor, and increasing the
others will not speed up photosynthesis until it is raised.

## Water underground

Some of the water that infiltrates keeps moving downwards through the soil and into the
porous rocks below. This process is called percolation.
"""


def _clozes() -> dict[str, str]:
    bank, _ = generate(RawArticle("named.md", PAGE, "md"))
    return {q.answer: q.prompt for q in bank.questions if q.kind == Kind.CLOZE}


def test_named_terms_are_the_clozes_of_their_sentences() -> None:
    clozes = _clozes()
    assert clozes.get("forme", "").endswith(f"a frame called a(n) {CLOZE_BLANK}.")
    assert clozes.get("orbit", "").endswith(f"a bony socket called the {CLOZE_BLANK}.")
    assert f"called the {CLOZE_BLANK}, and" in clozes.get("limiting factor", "")
    # the demonstrative opens the second sentence of a pair: the first one says what it is
    assert clozes.get("percolation", "").endswith(
        f"rocks below. This process is called {CLOZE_BLANK}."
    )


def test_a_markdown_paragraph_typed_with_line_breaks_is_one_paragraph() -> None:
    from questions.normalise import hinted_lines

    page = (
        "# Water\n\nSome of the water that infiltrates keeps moving downwards through the\n"
        "soil and into the porous rocks below.\nShort heading\nA new line starts here.\n\n"
        "- a list item\n- another item\n"
    )
    texts = [line.text for line in hinted_lines(page, "md") if line.text]
    assert (
        "Some of the water that infiltrates keeps moving downwards through the soil and into "
        "the porous rocks below." in texts
    )
    assert "Short heading" in texts  # a short line without a full stop stays a line
    assert "a list item" in texts

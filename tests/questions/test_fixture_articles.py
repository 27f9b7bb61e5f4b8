"""Generality: other shapes of article (Markdown, HTML page, plain prose, FAQ) and odd input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from questions.bankfile import dumps, loads
from questions.checking import check_bank
from questions.model import Bank, Kind
from questions.pipeline import analyse, generate
from questions.rarity import is_trivial
from questions.reading import ArticleError, RawArticle, read_article

ARTICLES = Path(__file__).resolve().parent / "articles"
FIXTURES = sorted(p.name for p in ARTICLES.iterdir())

# Text that is on the page but must never reach a question (or, for HTML, even the article).
NOISE = {
    "solar-system.md": ["Related articles", "Jupiter", "dwarf planet", "code block", "Share on"],
    "coffee-page.html": [
        "cookies",
        "About us",
        "Shop our beans",
        "dataLayer",
        "font-family",
        "Share this article",
        "Popular posts",
        "grinders",
        "All rights reserved",
        "Subscribe",
        "March 3, 2024",
    ],
    "photosynthesis-prose.txt": [],
    "sleep-faq.txt": ["Updated 2 May 2025", "Share this article", "Subscribe"],
}


def make(name: str) -> Bank:
    bank, _ = generate(read_article(ARTICLES / name))
    return bank


def question_texts(bank: Bank) -> list[str]:
    return [t for q in bank.questions for t in (q.prompt, q.answer, q.explanation, *q.options)]


def test_there_are_four_shapes_of_fixture() -> None:
    assert {Path(n).suffix for n in FIXTURES} == {".md", ".html", ".txt"}
    assert len(FIXTURES) >= 4


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_yields_questions_that_pass_every_gate(name: str) -> None:
    bank = make(name)
    assert len(bank.questions) >= 8
    assert len({q.kind for q in bank.questions}) >= 2
    assert check_bank(bank, name) == []
    assert loads(dumps(bank)) == bank


@pytest.mark.parametrize("name", FIXTURES)
def test_fixture_noise_never_reaches_a_question(name: str) -> None:
    bank = make(name)
    for text in question_texts(bank):
        for noise in NOISE[name]:
            assert noise.casefold() not in text.casefold(), (noise, text)


def test_html_keeps_only_the_main_text() -> None:
    bank = make("coffee-page.html")
    assert bank.article.title == "How Coffee Is Made"
    for noise in NOISE["coffee-page.html"]:
        if noise != "March 3, 2024":  # the byline stays in the text but is classified as noise
            assert noise.casefold() not in bank.article.text.casefold(), noise
    kinds = [b.kind for b in bank.article.blocks]
    assert kinds[0] == "title" and "heading" in kinds and "list_item" in kinds
    assert "<" not in bank.article.text
    raw = read_article(ARTICLES / "coffee-page.html")
    analysis = analyse(raw.text, raw.fmt)
    methods = [f for f in analysis.facts if f.kind == "list_item"]
    assert {analysis.doc.section_name(f.section) for f in methods} == {"Processing the cherries"}


def test_markdown_headings_become_sections_and_entities() -> None:
    bank = make("solar-system.md")
    sections = {q.source.section for q in bank.questions}
    assert {"Mercury", "Venus", "Earth", "Mars"} <= sections
    mc = [q for q in bank.questions if q.kind == Kind.MULTIPLE_CHOICE and q.answer == "Mars"]
    assert mc and all(set(q.options) <= {"Mercury", "Venus", "Earth", "Mars"} for q in mc)
    assert "#" not in bank.article.text and "**" not in bank.article.text


def test_prose_without_headings_still_gives_sensible_questions() -> None:
    bank = make("photosynthesis-prose.txt")
    assert {q.source.section for q in bank.questions} == {"Introduction"}
    chlorophyll = [q for q in bank.questions if "green pigment" in q.prompt]
    assert [q.answer for q in chlorophyll] == ["Chlorophyll"]
    for q in bank.questions:
        if q.kind == Kind.CLOZE:
            assert not is_trivial(q.answer), q.answer
    assert len({q.source.start for q in bank.questions}) == len(bank.questions)  # no near-copies


def test_faq_questions_are_asked_with_their_answers() -> None:
    bank = make("sleep-faq.txt")
    faq = [q for q in bank.questions if q.fact_kind == "qa"]
    assert faq and all(q.prompt.endswith("?") and q.answer in q.source.sentence for q in faq)
    assert {q.prompt for q in faq} <= {
        "How much sleep do adults need?",
        "What is REM sleep?",
        "Why does caffeine keep people awake?",
    }
    prompts = [q.prompt for q in bank.questions if q.kind == Kind.FLASHCARD]
    assert len(prompts) == len(set(prompts)), "a FAQ question is asked once"


ODD = {
    "only-headings.txt": "Title\n\nOne heading\n\nAnother heading\n",
    "noise-only.txt": "close\n\n3 min read 11-03-2025\n\nShare this article\n\nRelated Posts\n",
    "one-long-line.txt": "Word " * 20000,
    "tags.html": "<html><body><div><span>x</span></div><p>Hi.</p></body></html>",
    "broken.html": "<html><body><p>Unclosed <b>bold<p>Broken</i> tags </div></body>",
    "unicode.md": "# Ünïcode\n\n\u200bZero\u00a0width ☃ snow. Emoji 🎉 party is a fun thing "
    "to have here.\n",
}


@pytest.mark.parametrize("name", sorted(ODD))
def test_odd_input_never_crashes(name: str) -> None:
    fmt = {"html": "html", "md": "md"}.get(name.rsplit(".", 1)[1], "txt")
    raw = RawArticle(name, ODD[name], fmt)
    try:
        bank, _ = generate(raw)
    except ArticleError as exc:
        assert "no usable text" in str(exc) and "\n" not in str(exc)
    else:
        assert check_bank(bank, name) == []


def test_markdown_inline_markup_is_removed_from_the_text() -> None:
    raw = RawArticle(
        "m.md",
        "---\ntitle: Front matter\ntags: [a, b]\n---\n# T\n\n"
        "**Bold** and *italic* and `code` and [a link](http://x.y) stay words. "
        "Caffeine is a stimulant found in coffee, tea and chocolate bars.\n",
        "md",
    )
    bank, _ = generate(raw)
    assert "Bold and italic and code and a link stay words." in bank.article.text
    assert not re.search(r"[*`\[\]]", bank.article.text)
    assert "Front matter" not in bank.article.text and bank.article.title == "T"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=80),
            st.sampled_from(
                [
                    "# Heading",
                    "- Term: a description of it.",
                    "1. Item",
                    "",
                    "close",
                    "Related Posts",
                ]
            ),
            st.from_regex(r"[A-Z][a-z]{2,8}( [a-z]{2,8}){3,12}[.?!]", fullmatch=True),
        ),
        max_size=30,
    ),
    st.sampled_from(["txt", "md", "html"]),
)
def test_any_text_either_gives_a_valid_bank_or_one_clear_error(lines: list[str], fmt: str) -> None:
    raw = RawArticle(f"fuzz.{fmt}", "\n".join(lines), fmt)
    try:
        bank, _ = generate(raw)
    except ArticleError as exc:
        assert "\n" not in str(exc)
        return
    assert check_bank(bank, "fuzz") == []
    assert loads(dumps(bank)) == bank


def test_a_nul_anywhere_is_one_clear_error() -> None:
    # Hypothesis found this one: a NUL reached the bank, which check_bank then refused.
    raw = RawArticle("fuzz.txt", "0A\x00 A1 DOT 1:1.\n" + "Calcium keeps nerves calm. " * 5, "txt")
    with pytest.raises(ArticleError, match="NUL character"):
        generate(raw)

"""Canonical text, line classes, sentences with offsets, facts: the steps before questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.default_deck import DEFAULT_ARTICLE
from questions.htmltext import html_lines
from questions.lines import classify, is_noise_text
from questions.normalise import canonical_text, hinted_lines
from questions.pipeline import analyse
from questions.reading import ArticleError, decode, detect_format
from questions.sentences import split_sentences


def kinds_of(raw: str, fmt: str = "txt") -> list[tuple[str, str]]:
    return [(line.kind, line.text) for line in classify(hinted_lines(raw, fmt))]


def test_our_article_lines_are_classified() -> None:
    lines = kinds_of(DEFAULT_ARTICLE.read_text(encoding="utf-8"))
    by_text = {text: kind for kind, text in lines}
    assert by_text["close"] == "noise"
    assert by_text["3 min read 11-03-2025"] == "noise"
    assert by_text["Related Posts"] == "noise"
    assert lines[2] == ("title", "neurological disorders that cause muscle cramps")
    assert [k for k, t in lines if t == "neurological disorders that cause muscle cramps"] == [
        "title",
        "noise",
        "noise",
    ]
    assert by_text["1. Amyotrophic Lateral Sclerosis (ALS)"] == "heading"
    assert by_text["Diagnosis and Treatment"] == "heading"
    assert (
        by_text["Treatment for muscle cramps depends on the underlying cause. Options may include:"]
        == "lead_in"
    )
    assert (
        by_text["Blood tests: Checking for electrolyte imbalances, such as hypocalcemia."]
        == "list_item"
    )
    assert sum(k == "list_item" for k, _ in lines) == 9


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "Subscribe to our newsletter",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "March 3, 2024",
        "Posted by Jane Doe",
        "© 2025 Example Media",
        "5 min read",
        "Accept all cookies",
    ],
)
def test_scrape_noise_is_recognised(line: str) -> None:
    assert is_noise_text(line)


@pytest.mark.parametrize(
    "line",
    ["Muscle cramps can be a troublesome symptom.", "Close monitoring helps patients recover."],
)
def test_prose_is_not_noise(line: str) -> None:
    assert not is_noise_text(line)


def test_related_tail_is_noise_but_a_later_paragraph_is_not() -> None:
    raw = (
        "Title\n\nA first paragraph says something useful about the topic here.\n\n"
        "Related Posts\n\nTen tips for you\n\nAnother link title\n"
    )
    kinds = kinds_of(raw)
    assert kinds[-2:] == [("noise", "Ten tips for you"), ("noise", "Another link title")]
    raw2 = (
        "Title\n\nRelated conditions\n\nSeveral related conditions share these symptoms with "
        "the main one, and doctors compare them carefully.\n"
    )
    assert kinds_of(raw2)[-1][0] == "paragraph"


def test_sentences_keep_offsets_and_respect_abbreviations() -> None:
    text = "Dr. Smith uses e.g. EMG tests. It works, i.e. mostly! Does it? Yes. 1. Item"
    sentences = split_sentences(text, 100)
    assert [s.text for s in sentences] == [
        "Dr. Smith uses e.g. EMG tests.",
        "It works, i.e. mostly!",
        "Does it?",
        "Yes.",
        "1. Item",
    ]
    for s in sentences:
        assert text[s.start - 100 : s.end - 100] == s.text


def test_every_sentence_offset_points_into_the_canonical_text() -> None:
    analysis = analyse(DEFAULT_ARTICLE.read_text(encoding="utf-8"), "txt")
    assert analysis.doc.units
    for unit in analysis.doc.units:
        assert analysis.text[unit.sentence.start : unit.sentence.end] == unit.sentence.text
    for line in analysis.lines:
        assert analysis.text[line.start : line.end] == line.text


def test_canonical_text_is_normalised_once_and_idempotent() -> None:
    raw = "Title\r\n\r\n\r\n  Some\u00a0text   with\tspaces.\u200b  \r\n  • A bullet: item text.\n"
    text = canonical_text(hinted_lines(raw, "txt"))
    assert text == "Title\n\nSome text with spaces.\nA bullet: item text."
    assert canonical_text(hinted_lines(text, "txt")) == text
    cited = canonical_text(
        hinted_lines("Mars is red.[1] It has two moons.[citation needed]", "txt")
    )
    assert cited == "Mars is red. It has two moons."


def test_html_main_text_drops_navigation_scripts_and_footers() -> None:
    html = (
        "<html><head><title>T</title><script>var x = 1;</script></head><body>"
        "<nav><a>Home</a></nav><div id='cookie-consent'>Cookies!</div>"
        "<article><h1>Real title</h1><p>Real text here.</p><ul><li>One: first</li></ul></article>"
        "<footer>Footer text</footer></body></html>"
    )
    assert html_lines(html) == [
        ("h1", "Real title"),
        ("p", "Real text here."),
        ("li", "One: first"),
    ]


def test_format_detection_and_decoding() -> None:
    assert detect_format("a.md", "# x") == "md"
    assert detect_format("a.htm", "x") == "html"
    assert detect_format("page.txt", "<!DOCTYPE html><html>") == "html"
    assert decode("\ufeffHello".encode(), "a") == "Hello"
    with pytest.raises(ArticleError, match="not UTF-8"):
        decode("caf\u00e9".encode("latin-1"), "a")


def test_facts_of_our_article_are_typed_with_sibling_groups() -> None:
    analysis = analyse(DEFAULT_ARTICLE.read_text(encoding="utf-8"), "txt")
    facts = {(f.kind, f.subject, f.answer) for f in analysis.facts}
    assert ("alias", "ALS", "Lou Gehrig's disease") in facts
    assert ("abbreviation", "NCS", "Nerve conduction studies") in facts
    assert ("gloss", "spasticity", "Muscle stiffness") in facts
    assert (
        "cause",
        "Muscle cramps",
        "an imbalance between muscle excitation and relaxation",
    ) in facts
    assert ("trigger", "muscle cramps", "dehydration or strenuous exercise") in facts
    lists = {f.group for f in analysis.facts if f.kind == "list_item"}
    assert len(lists) == 2  # the diagnosis list and the treatment list are separate groups
    entities = sorted(e.short for e in analysis.doc.entities.values())
    assert entities == sorted(
        [
            "ALS",
            "MS",
            "Peripheral neuropathies",
            "Spinal cord injury",
            "Hypocalcemia",
            "Periodic paralysis",
        ]
    )


def test_reading_refuses_by_size_before_reading(tmp_path: Path) -> None:
    from questions.reading import read_article

    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(9 * 1024 * 1024)
    with pytest.raises(ArticleError, match="too large"):
        read_article(big)


def test_a_swapped_answer_is_never_one_the_article_also_states() -> None:
    from questions.context import build_context
    from questions.model import Kind
    from questions.pipeline import generate
    from questions.reading import RawArticle

    raw = (
        "Terms\n\nThe glossary lists:\n\n- Alpha: a Greek letter used for angles.\n"
        "- Beta: a software release before the final one.\n"
        "- Alpha: an early software test phase.\n"
        "- Gamma: a kind of radiation from atomic nuclei.\n"
    )
    analysis = analyse(raw, "txt")
    ctx = build_context(analysis.doc, list(analysis.facts))
    alpha = next(f for f in analysis.facts if f.kind == "list_item" and f.subject == "Alpha")
    assert ctx.states(alpha, "an early software test phase")
    assert not ctx.states(alpha, "a kind of radiation from atomic nuclei")
    bank, _ = generate(RawArticle("t.txt", raw, "txt"))
    alpha_says = ("greek letter", "early software test")
    for q in bank.questions:
        if q.kind == Kind.TRUE_FALSE and q.answer == "False" and "“Alpha”" in q.prompt:
            assert not any(s in q.prompt.casefold() for s in alpha_says), q.prompt
        if q.kind == Kind.MULTIPLE_CHOICE and q.answer != "Alpha":
            assert not ("Alpha" in q.options and any(s in q.prompt for s in alpha_says))
    assert any(q.prompt.startswith("In the article's list on terms,") for q in bank.questions)


@pytest.mark.parametrize(
    "path",
    [DEFAULT_ARTICLE, *sorted((Path(__file__).parent / "articles").iterdir())],
    ids=lambda p: p.name,
)
def test_a_bank_article_reanalyses_like_the_original(path: Path) -> None:
    """`quizapp check` re-analyses the canonical text: it must see the same structure."""
    from questions.pipeline import analyse_bank_article, generate
    from questions.reading import read_article

    raw = read_article(path)
    bank, _ = generate(raw)
    first, again = analyse(raw.text, raw.fmt), analyse_bank_article(bank.article)
    assert again.text == first.text
    assert sorted(e.name for e in again.doc.entities.values()) == sorted(
        e.name for e in first.doc.entities.values()
    )
    items = [(f.subject, f.answer) for f in first.facts if f.kind == "list_item"]
    assert [(f.subject, f.answer) for f in again.facts if f.kind == "list_item"] == items


def test_a_letter_after_a_lower_case_word_ends_its_sentence_an_initial_does_not() -> None:
    text = "Rickets comes from a lack of vitamin D. Children walk with bowed legs. George W. Bush"
    assert [s.text for s in split_sentences(text)] == [
        "Rickets comes from a lack of vitamin D.",
        "Children walk with bowed legs.",
        "George W. Bush",
    ]

"""The screenshots on the README's front page, taken from the running app in chromium: the
study page of the default deck (feedback after an answer) and a teacher's report after three
students answered. Every run takes them and checks they are real pictures of those pages;
``QUIZAPP_UPDATE_SCREENSHOTS=1`` also writes them over the committed ``docs/img/*.png``."""

from __future__ import annotations

import os
import struct
from pathlib import Path
from typing import Any

import pytest

from questions import bankfile
from questions.default_deck import DEFAULT_BANK
from questions.model import Kind, Question

from .classroom_support import classroom_url
from .flow_support import answer_card
from .test_classroom import RIGHT, WRONG, _student_answers, _teacher_sets_up

pytestmark = pytest.mark.browser
__all__ = ["classroom_url"]  # a fixture, imported to be used here

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
UPDATE = os.environ.get("QUIZAPP_UPDATE_SCREENSHOTS", "") not in ("", "0")
STUDY_SIZE = {"width": 1000, "height": 760}
REPORT_SIZE = {"width": 1000, "height": 1250}  # progress and the hardest questions
MIXED = {**RIGHT, "q-tf": WRONG["q-tf"]}


def _save(page: Any, name: str, tmp_path: Path) -> Path:
    """Screenshot the page into tmp_path (docs/img when updating); returns the file."""
    target = (DOCS_IMG if UPDATE else tmp_path) / name
    page.screenshot(path=str(target), full_page=False)
    width, height = struct.unpack(">II", target.read_bytes()[16:24])  # the PNG's IHDR
    assert (width, height) == (page.viewport_size["width"], page.viewport_size["height"])
    assert (DOCS_IMG / name).is_file(), f"docs/img/{name} is not committed"
    return target


def _first_with_a_verdict(page: Any, by_id: dict[str, Question]) -> Question:
    """The question on the page, after rating any flashcards that come first (a flashcard has
    no verdict to show; which kind comes first is the generator's and the queue's business)."""
    for _ in range(len(by_id)):
        page.wait_for_selector(".card")
        question = by_id[page.input_value("input[name=question_id]")]
        if question.kind is not Kind.FLASHCARD:
            return question
        answer_card(page)
    raise AssertionError("the study queue offered only flashcards")


def _answer_right(page: Any, question: Question) -> None:
    """Answer the question on the page correctly, as a learner would with the keyboard."""
    assert question.kind is not Kind.FLASHCARD
    if page.locator("#typed").count():
        page.fill("#typed", question.answer)
        page.keyboard.press("Enter")
    else:
        page.keyboard.press(str((question.correct or 0) + 1))


def test_study_page_screenshot(browser: Any, live_url: str, tmp_path: Path) -> None:
    bank = bankfile.load(DEFAULT_BANK)
    by_id = {q.id: q for q in bank.questions}
    context = browser.new_context(viewport=STUDY_SIZE, base_url=live_url)
    try:
        page = context.new_page()
        page.goto(f"/study/{bank.deck.slug}")
        _answer_right(page, _first_with_a_verdict(page, by_id))
        page.wait_for_selector("blockquote.source")
        assert page.locator("#verdict").inner_text().strip() == "Right"
        assert page.locator("blockquote.source mark").count() == 1
        _save(page, "study.png", tmp_path)
    finally:
        context.close()


def test_teacher_report_screenshot(browser: Any, classroom_url: str, tmp_path: Path) -> None:
    contexts = [browser.new_context(viewport=REPORT_SIZE, base_url=classroom_url) for _ in range(4)]
    try:
        report = contexts[0].new_page()
        code, report_url = _teacher_sets_up(report)
        for context, name, answers in zip(
            contexts[1:], ("Ann", "Bob", "Cem"), (RIGHT, WRONG, MIXED), strict=True
        ):
            _student_answers(context.new_page(), code, name, answers)
        report.goto(report_url)
        assert report.locator("#progress-table").inner_text().count("finished") == 3
        assert "Questions, hardest first" in report.content()
        _save(report, "teacher-report.png", tmp_path)
    finally:
        for context in contexts:
            context.close()

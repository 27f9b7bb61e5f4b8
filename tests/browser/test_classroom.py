"""Classroom in headless chromium: a teacher signs up, creates a class and an assignment;
two students join by code in separate browser contexts (own cookies, phone width) and
answer with the keyboard; the teacher's report — refreshed by its own polling, without a
reload — shows both, with their scores."""

from __future__ import annotations

from typing import Any

import pytest

from .classroom_support import classroom_url, sign_up_teacher

pytestmark = pytest.mark.browser
__all__ = ["classroom_url"]  # a fixture, imported to be used here

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1100, "height": 850}
# (key to press, or words to type) per question of the small test deck
RIGHT = {"q-mc": "2", "q-tf": "2", "q-cloze": "Lou Gehrig's disease", "q-def": "hypocalcemia"}
WRONG = {"q-mc": "1", "q-tf": "1", "q-cloze": "gout", "q-def": "anemia"}


def _context(browser: Any, base_url: str, viewport: dict[str, int]) -> Any:
    context = browser.new_context(viewport=viewport, base_url=base_url)
    context.set_default_timeout(10_000)
    return context


def _no_horizontal_scroll(page: Any) -> None:
    page.wait_for_load_state("load")  # a click may have started a navigation
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], page.url


def _teacher_sets_up(page: Any) -> tuple[str, str]:
    """Sign up, create a class and an assignment; returns (join code, report URL)."""
    sign_up_teacher(page)
    page.fill("#class-name", "Biology 10b")
    page.click("text=Create class")
    code = page.inner_text("#join-code").strip()
    assert page.locator("img.qr").evaluate("img => img.naturalWidth > 0")
    page.click("text=New assignment")
    page.fill("#title", "Cramps before the lesson")
    page.fill("#count", "4")
    page.uncheck("input[name=kinds][value=flashcard]")
    page.click("text=Create assignment")
    page.wait_for_url("**/teach/assignments/*")
    return code, page.url


def _student_answers(page: Any, code: str, name: str, answers: dict[str, str]) -> None:
    page.goto("/join")
    _no_horizontal_scroll(page)
    page.fill("#code", code.lower().replace("-", " "))  # typed loosely, as students do
    page.fill("#name", name)
    page.click("button:text('Join')")
    page.wait_for_selector("text=You are")
    _no_horizontal_scroll(page)  # the class page
    page.click("button:text('Start')")
    # four questions asked, but two sentences in the deck: one question per sentence
    for number in range(1, 3):
        page.wait_for_selector(f"text=Question {number} of 2")
        _no_horizontal_scroll(page)
        qid = page.input_value("input[name=question_id]")
        if qid in ("q-mc", "q-tf"):
            page.keyboard.press(answers[qid])  # the study page's keyboard shortcuts
        else:
            page.fill("#typed", answers[qid])
            page.keyboard.press("Enter")
        page.wait_for_selector("#verdict")  # feedback right away, as configured
        _no_horizontal_scroll(page)
        assert page.locator("blockquote.source").count() == 1
        page.keyboard.press("Enter")  # Continue
    page.wait_for_selector("#score")
    _no_horizontal_scroll(page)


def _teacher_pages_fit_a_phone(page: Any) -> None:
    """Every teacher page, at 360 px: no horizontal scroll (wide tables scroll inside)."""
    page.set_viewport_size(PHONE)
    report_url = page.url
    page.reload()
    _no_horizontal_scroll(page)
    page.goto("/teach/")
    _no_horizontal_scroll(page)
    page.click("text=Biology 10b")
    _no_horizontal_scroll(page)
    page.click("text=New assignment")
    _no_horizontal_scroll(page)
    page.go_back()
    page.click("text=Show on the projector")
    _no_horizontal_scroll(page)
    assert page.locator(".proj-code").inner_text().strip()
    page.goto(report_url)
    page.click("#students-table a >> nth=0")  # a student's answers
    page.wait_for_selector("text=Attempt 1")
    _no_horizontal_scroll(page)


def test_two_students_join_and_answer_and_the_report_shows_both(
    browser: Any, classroom_url: str
) -> None:
    teacher = _context(browser, classroom_url, DESKTOP)
    students = [_context(browser, classroom_url, PHONE) for _ in range(2)]
    try:
        report = teacher.new_page()
        code, report_url = _teacher_sets_up(report)
        assert report.locator("#progress-table").inner_text().count("not started") == 0
        _student_answers(students[0].new_page(), code, "Ann", RIGHT)
        _student_answers(students[1].new_page(), code, "Bob", WRONG)
        # no reload: the page's polling fills in both students
        table = report.locator("#progress-table tbody")
        report.wait_for_function(
            "() => document.querySelectorAll('#progress-table tbody tr').length === 2"
            " && document.querySelector('#progress-table tbody').innerText.split('finished')"
            ".length === 3",
            timeout=30_000,  # a few polls, even on a busy machine
        )
        text = table.inner_text()
        assert "Ann" in text and "Bob" in text
        assert "100 %" in text and "0 %" in text
        assert report.url == report_url
        report.reload()
        assert "Questions, hardest first" in report.content()
        assert report.locator("[data-facility]").first.inner_text() == "50 %"
        _teacher_pages_fit_a_phone(report)
    finally:
        for context in (teacher, *students):
            context.close()

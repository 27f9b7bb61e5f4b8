"""A visitor downloads the deck and one section in the formats offered on the deck page; after
studying a card, the stats page offers "take my progress to Anki" (issue 10)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.flow_support import answer_card
from tests.browser.test_classroom import _teacher_sets_up

pytestmark = pytest.mark.browser


def download(page: Any, click: Any) -> str:
    with page.expect_download() as info:
        click()
    return str(info.value.suggested_filename)


def test_download_buttons_name_what_they_hold(page: Any, tmp_path: Path) -> None:
    page.goto("/decks/cramps")
    page.screenshot(path=tmp_path / "deck.png", full_page=True)
    assert download(page, page.get_by_text("Download for Anki").click) == "cramps.apkg"
    page.select_option("#dl-format", "gift")
    page.select_option("#dl-part", "section:Metabolic causes")
    button = page.get_by_role("button", name="Download", exact=True)
    assert download(page, button.click) == "cramps-metabolic-causes.gift.txt"
    page.select_option("#dl-format", "quizlet")
    page.select_option("#dl-part", "deck")
    assert download(page, button.click) == "cramps.quizlet.txt"
    assert page.get_by_text("Study some cards first").is_visible()
    page.goto("/study/cramps")
    page.wait_for_selector(".card")
    answer_card(page)  # whichever card comes first (the queue's order is not this test's job)
    page.goto("/stats/cramps")
    page.screenshot(path=tmp_path / "stats.png", full_page=True)
    mine = page.get_by_role("link", name="Download with my progress")
    assert download(page, mine.click) == "cramps-progress-guest.apkg"
    assert page.get_by_text("Anki does not update the schedule").is_visible()


def test_teacher_downloads_an_assignments_questions(page: Any, tmp_path: Path) -> None:
    _teacher_sets_up(page)  # a class and an assignment of 4 questions, its report open
    page.screenshot(path=tmp_path / "report.png", full_page=True)
    assignment_id = page.url.rstrip("/").rsplit("/", 1)[1]
    button = page.get_by_role("button", name="Download questions")
    expected = f"cramps-assignment-{assignment_id}-cramps-before-the-lesson"
    assert download(page, button.click) == f"{expected}.gift.txt"
    page.select_option("#dl-assignment-format", "anki")
    assert download(page, button.click) == f"{expected}.apkg"

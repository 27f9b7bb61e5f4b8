"""Every main page fits a 360 px wide phone: no horizontal scrolling.

Set ``QUIZAPP_SCREENSHOTS=<folder>`` to keep a full-page screenshot of each page.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from questions import bankfile
from questions.default_deck import DEFAULT_BANK

pytestmark = pytest.mark.browser

WIDTH = 360
DEFAULT = bankfile.load(DEFAULT_BANK)
SLUG = DEFAULT.deck.slug


def _first_of_each_kind() -> list[str]:
    seen: dict[str, str] = {}
    for q in DEFAULT.questions:
        seen.setdefault(str(q.kind), q.id)
    return [f"/study/{SLUG}/q/{qid}" for _, qid in sorted(seen.items())]


TYPED = {"q-cloze": "Lou Gehrig's disease", "q-def": "hypocalcemia"}
PAGES = [
    "/",
    "/decks/cramps",
    f"/decks/{SLUG}",
    f"/decks/{SLUG}/article",
    "/study/cramps/q/q-flash",
    "/study/cramps/q/q-flash?reveal=1",
    "/study/cramps/q/q-cloze",
    "/study/cramps/q/q-mc",
    "/study/cramps/q/q-tf",
    *_first_of_each_kind(),
    f"/study/{SLUG}/q/{DEFAULT.questions[0].id}?reveal=1",
    "/quiz/deck/cramps",
    "/stats/cramps",
    f"/stats/{SLUG}",
    "/stats",
    "/settings/",
    "/account/login",
    "/account/register",
    "/decks/no-such-deck",  # the error page
]


def assert_fits(page: Any, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    shots = os.environ.get("QUIZAPP_SCREENSHOTS")
    if shots:
        safe = name.strip("/").replace("/", "_").replace("?", "_") or "index"
        page.screenshot(path=str(Path(shots) / f"{safe}.png"), full_page=True)
    assert width <= WIDTH, f"{name} scrolls sideways: {width}px wide at a {WIDTH}px viewport"


@pytest.mark.parametrize("path", PAGES)
def test_page_fits_a_phone(phone: Any, path: str) -> None:
    response = phone.goto(path)
    assert response is not None
    assert response.status == (404 if "no-such" in path else 200)
    assert phone.viewport_size["width"] == WIDTH
    assert_fits(phone, path)


def test_feedback_and_done_pages_fit_a_phone(phone: Any) -> None:
    phone.goto("/study/cramps/q/q-cloze")
    phone.fill("#typed", "a-very-long-wrong-answer-without-any-spaces-to-break-the-line-anywhere")
    phone.keyboard.press("Enter")
    phone.wait_for_selector("#verdict")
    assert_fits(phone, "feedback-cloze")
    phone.goto("/study/cramps/q/q-mc")
    phone.keyboard.press("2")
    phone.wait_for_selector("#verdict")
    assert_fits(phone, "feedback-mc")
    for _ in range(15):
        phone.goto("/study/cramps")
        if phone.locator(".done").count():
            break
        qid = phone.locator("input[name=question_id]").get_attribute("value")
        if qid == "q-flash":
            phone.goto("/study/cramps/q/q-flash?reveal=1")
            key = "3"
        elif qid in TYPED:
            phone.fill("#typed", TYPED[qid])
            key = "Enter"
        else:
            key = "2"  # the right option of q-mc and q-tf
        with phone.expect_navigation():
            phone.keyboard.press(key)
    assert phone.locator(".done").count() == 1
    assert_fits(phone, "done")

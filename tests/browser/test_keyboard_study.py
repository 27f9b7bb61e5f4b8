"""A learner studies with the keyboard only — Space reveals, 1–4 grade or pick an option,
Enter submits and continues, U undoes — sees feedback after every answer, then opens the
stats page."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.browser


def verdict(page: Any) -> str:
    return str(page.locator("#verdict").inner_text())


def test_keyboard_only_study_session_then_stats(page: Any) -> None:
    page.goto("/study/cramps")
    # 1. Flashcard: Space shows the answer, 3 rates it Good.
    assert "Flashcard" in page.locator(".kind").text_content()
    page.keyboard.press("Space")
    page.wait_for_url("**/q/q-flash?reveal=1*")
    assert "Lou Gehrig's disease" in page.locator(".answer").inner_text()
    page.keyboard.press("3")
    # 2. Cloze: the field has focus; type and press Enter. (Its siblings wait until
    # tomorrow in the session, so the cloze and the multiple choice are opened directly.)
    page.wait_for_url("**/study/cramps")
    page.goto("/study/cramps/q/q-cloze")
    page.wait_for_selector("#typed")
    assert page.evaluate("document.activeElement.id") == "typed"
    page.keyboard.type("Lou Gehrigs disease")
    page.keyboard.press("Enter")
    page.wait_for_selector("#verdict")
    assert verdict(page) in ("Right", "Accepted — check the spelling")
    assert "Lou Gehrig's disease" in page.locator(".card").inner_text()
    assert page.locator("blockquote.source mark").count() == 1  # source sentence in context
    page.keyboard.press("Enter")  # continue
    page.wait_for_url("**/study/cramps")
    # 3. Multiple choice: 2 picks the second option (ALS, right).
    page.goto("/study/cramps/q/q-mc")
    page.wait_for_selector(".options")
    page.keyboard.press("2")
    page.wait_for_selector("#verdict")
    assert verdict(page) == "Right"
    page.keyboard.press("4")  # re-rate Easy from the feedback page
    page.wait_for_selector("button.current[data-key='4']")
    page.keyboard.press("Space")  # Space continues when there is nothing to reveal
    # 4. True/false: 1 answers True, which is wrong; the correct answer is shown.
    page.wait_for_selector(".options")
    assert "True or false" in page.locator(".kind").text_content()
    page.keyboard.press("1")
    page.wait_for_selector("#verdict")
    assert verdict(page) == "Not quite"
    assert "Answer: False" in page.locator(".card").inner_text()
    # U takes the answer back: the same question comes again, answered right this time.
    page.keyboard.press("u")
    page.wait_for_selector(".flash")
    assert "undone" in page.locator(".flash").inner_text()
    assert "Hypocalcemia is a high level" in page.locator("#prompt").inner_text()
    page.keyboard.press("2")
    page.wait_for_selector("#verdict")
    assert verdict(page) == "Right"
    page.keyboard.press("Enter")
    page.wait_for_selector("#next-due")  # q-def, the true/false's sibling, waits: done

    page.get_by_role("link", name="Stats", exact=True).click()
    page.get_by_role("link", name="Muscle cramps", exact=True).click()  # two decks: choose one
    page.wait_for_selector("#chart-reviews")
    assert page.get_by_role("heading", name="Your stats").is_visible()
    assert (
        "4 answers on 1 of the last 30 days" in page.locator("#chart-reviews-desc").text_content()
    )
    # The undone wrong answer does not count: today's column is all right answers.
    assert page.locator("#chart-reviews rect.bar-right").count() == 1
    assert page.locator("#chart-reviews rect.bar-wrong").count() == 0

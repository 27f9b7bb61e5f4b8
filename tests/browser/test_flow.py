"""The study and classroom flow in chromium, at desktop size and at 390×844 (issue 11):

* a study session and a quiz never show two siblings; "cards left" never grows;
* the session-end page: summary, when the next cards are due, "study more";
* the home page's ways in; a teacher lands on their dashboard after logging in;
* "the same questions for everyone" gives three students the same questions, never two
  siblings; the re-teach page lists what they missed; "retry missed" starts a practice quiz;
* no sideways scrolling and no cut-off table at 390 px; the phone menu folds the links;
  keyboard hints are hidden on a touch screen;
* axe-core finds no serious or critical violation on the home, study, feedback, quiz,
  article, class, report and review pages, and on the owner's pages of their own deck (new
  deck, its form error, the summary, my decks, the review page with a question open).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .flow_support import (
    DEFAULT,
    DESKTOP,
    GROUPS,
    PHONE_390,
    PROMPTS,
    answer_card,
    cards_left,
    context,
    layout_problems,
    no_two_siblings,
    opened,
    serious_violations,
)

pytestmark = pytest.mark.browser
SLUG = DEFAULT.deck.slug
ARTICLE = Path(__file__).resolve().parents[1] / "data" / "01-motor-neuron-disease.md"


def _study_until_done(page: Any, wrong_first: bool = False, limit: int = 15) -> list[str]:
    """Answer cards until the session-end page; the ids answered, checking "cards left"."""
    seen: list[str] = []
    left: list[int] = []
    while page.wait_for_selector("#next-due, #progress-label").get_attribute("id") != "next-due":
        assert len(seen) < limit, f"the session did not end: {seen}"
        left.append(cards_left(page))
        seen.append(answer_card(page, wrong=wrong_first and not seen))
    assert left == sorted(left, reverse=True), f"cards left grew: {left}"
    return seen


def test_a_study_session_never_shows_two_siblings_and_ends_with_a_summary(
    browser: Any, live_url: str
) -> None:
    with opened(browser, live_url, DESKTOP) as page:
        page.goto("/study/cramps")
        seen = _study_until_done(page, wrong_first=True)
        assert no_two_siblings(seen), seen
        assert seen.count(seen[0]) >= 2  # the missed card came back in the session
        assert len({GROUPS[q] for q in seen}) == 2  # one card of each sibling group
        assert re.search(r"Next cards due in \S+", page.inner_text("#next-due"))
        summary = page.inner_text(".summary")
        assert f"{len(seen)} answered" in " ".join(summary.split())
        more = page.locator("#study-more")
        assert more.locator("text=10 more new cards today").count() == 1
        more.locator("text=you missed").click()  # a custom quiz of the missed card
        page.wait_for_url("**/quiz/*")
        assert page.input_value("input[name=question_id]") == seen[0]
        assert "Question 1 of 1" in page.inner_text("#progress-label")


def test_study_more_gives_new_cards_today_without_changing_settings(
    browser: Any, live_url: str
) -> None:
    with opened(browser, live_url, PHONE_390) as page:
        page.goto("/settings/")
        page.fill("#new_per_day", "1")
        page.click("button[type=submit].primary")
        page.goto(f"/study/{SLUG}")
        first = _study_until_done(page)
        assert len(set(first)) == 1
        page.click("text=10 more new cards today")
        page.wait_for_selector("input[name=question_id]", state="attached")
        following = page.input_value("input[name=question_id]")
        assert GROUPS[following] != GROUPS[first[0]]  # its siblings still wait
        assert cards_left(page) == 10
        page.goto("/settings/")
        assert page.input_value("#new_per_day") == "1"


def test_a_quiz_draws_no_two_siblings(browser: Any, live_url: str) -> None:
    with opened(browser, live_url, DESKTOP) as page:
        page.goto("/quiz/deck/cramps")
        page.fill("#count", "5")
        page.click("button[type=submit].primary")
        page.wait_for_selector("input[name=question_id]", state="attached")
        # two sibling groups in the small deck: a quiz of five holds one of each
        assert "Question 1 of 2" in page.inner_text("#progress-label")
        quiz_url = page.url
        seen = [answer_card(page)]
        page.goto(quiz_url)  # past a flashcard's feedback, to the next question
        seen.append(answer_card(page))
        assert no_two_siblings(seen) and len(set(seen)) == 2


def test_the_home_page_says_what_the_site_does_and_offers_the_ways_in(
    browser: Any, live_url: str
) -> None:
    for viewport in (DESKTOP, PHONE_390):
        with opened(browser, live_url, viewport) as page:
            page.goto("/")
            welcome = page.locator(".welcome")
            assert "turns an article into questions" in welcome.inner_text()
            ways = {a.inner_text(): a.get_attribute("href") for a in welcome.locator("a").all()}
            assert ways["Bring your own article"] == "/decks/new"
            assert ways["I'm a teacher"] == "/teach/signup"
            page.click("text=Study the sample deck")
            page.wait_for_selector("input[name=question_id]", state="attached")
            assert f"/study/{SLUG}" in page.url
            assert not layout_problems(page)


def test_phone_menu_folds_the_links_and_touch_screens_get_no_key_hints(
    browser: Any, live_url: str
) -> None:
    with opened(browser, live_url, PHONE_390, has_touch=True, is_mobile=True) as page:
        page.goto("/study/cramps/q/q-mc")
        header = page.locator("header.site").bounding_box()
        assert header is not None and header["height"] < 70  # one line
        assert not page.locator("#nav-links").is_visible()
        page.click(".menu-toggle")
        assert page.locator("#nav-links a", has_text="Stats").is_visible()
        assert page.get_attribute(".menu-toggle", "aria-expanded") == "true"
        assert not page.locator(".shortcuts").first.is_visible()
        assert not page.locator(".options kbd").first.is_visible()


def test_the_error_page_offers_the_way_back(browser: Any, live_url: str) -> None:
    with opened(browser, live_url, DESKTOP) as page:
        page.goto("/decks/cramps")
        page.evaluate("() => { location.href = '/decks/no-such-deck'; }")
        page.wait_for_url("**/no-such-deck")
        assert page.get_attribute("text=Go back", "href") == "/decks/cramps"
        assert page.locator("a", has_text="Home").count() == 1


# --- classroom ---------------------------------------------------------------------------


def _teacher_signs_up(page: Any, name: str) -> None:
    page.goto("/teach/signup")
    page.fill("#username", name)
    page.fill("#password", "a long password")
    page.fill("#confirm", "a long password")
    page.click("button[type=submit].primary")
    page.wait_for_url("**/teach/")


def _class_with_assignment(page: Any) -> tuple[str, str]:
    """A class and a 6-question test on the default deck (the form's defaults: the same
    questions for everyone, fixed order); returns (join code, report URL)."""
    page.fill("#class-name", "Biology 10b")
    page.click("text=Create class")
    code = page.inner_text("#join-code").strip()
    page.goto(page.url.rstrip("/") + f"/assignments/new?deck={SLUG}")
    page.fill("#title", "Cramps test")
    page.fill("#count", "6")
    assert page.is_checked("input[name=draw][value=same]")
    page.click("text=Create assignment")
    page.wait_for_url("**/teach/assignments/*")
    return code, page.url


def _student_questions(page: Any, code: str, name: str) -> list[str]:
    """Join, start, answer the first question wrong; the question ids of the attempt."""
    page.goto("/join")
    page.fill("#code", code)
    page.fill("#name", name)
    page.click("button:text('Join')")
    page.click("button:text('Start')")
    page.wait_for_selector("input[name=question_id]", state="attached")
    answer_card(page, wrong=True)
    page.goto(re.sub(r"/attempts/(\d+).*", r"/attempts/\1/results", page.url))
    prompts = page.locator("ol.answers > li > p:first-child").all_inner_texts()
    return [PROMPTS[p.strip()] for p in prompts]


def test_same_questions_for_everyone_reteach_and_retry_missed(browser: Any, live_url: str) -> None:
    teacher = context(browser, live_url, DESKTOP)
    students = [context(browser, live_url, PHONE_390) for _ in range(3)]
    try:
        report = teacher.new_page()
        _teacher_signs_up(report, "mr.okafor")
        code, report_url = _class_with_assignment(report)
        pages = [s.new_page() for s in students]
        drawn = [_student_questions(p, code, n) for p, n in zip(pages, "ABC", strict=True)]
        assert drawn[0] == drawn[1] == drawn[2] and len(drawn[0]) == 6
        assert no_two_siblings(drawn[0])
        pages[0].click("text=you missed")  # retry missed: a practice quiz
        pages[0].wait_for_url("**/quiz/*")
        assert pages[0].input_value("input[name=question_id]") in drawn[0]
        report.goto(report_url)
        report.click("text=Re-teach missed questions")
        report.wait_for_url("**/reteach")
        items = report.locator("#reteach-list > li")
        assert items.count() >= 1
        assert "3 of 3 missed" in items.first.inner_text().lower()
        assert items.first.locator("blockquote.source").count() == 1
    finally:
        for made in (teacher, *students):
            made.close()


def test_a_teacher_lands_on_the_dashboard_after_logging_in(browser: Any, live_url: str) -> None:
    with opened(browser, live_url, DESKTOP) as page:
        _teacher_signs_up(page, "ms.lindqvist")
        assert page.locator("header.site a", has_text="Teach").count() == 1
        page.click("button:text('Log out')")
        page.goto("/account/login")
        page.fill("#username", "ms.lindqvist")
        page.fill("#password", "a long password")
        page.click("button[type=submit].primary")
        page.wait_for_url("**/teach/")


# --- every page: layout at 390 px, axe-core ------------------------------------------------


def _walk(page: Any, check: Any) -> list[str]:
    """Visit the listed page states as a teacher with one answering student; ``check(page)``
    returns problems, collected for every state."""
    found: list[str] = []
    page.goto("/")
    found += check(page)
    page.goto("/study/cramps/q/q-mc")
    found += check(page)
    page.keyboard.press("1")
    page.wait_for_selector("#verdict")
    found += check(page)  # feedback
    page.goto(f"/decks/{SLUG}/article")
    found += check(page)
    page.goto("/quiz/deck/cramps")
    found += check(page)
    page.click("button[type=submit].primary")
    page.wait_for_selector("input[name=question_id]", state="attached")
    found += check(page)  # a quiz question
    return found


def _walk_classroom(teacher: Any, student: Any, check: Any) -> list[str]:
    found: list[str] = []
    code, report_url = _class_with_assignment(teacher)
    found += check(teacher)  # the report, before answers
    _student_questions(student, code, "Dana")
    found += check(student)  # the student's review of their answers
    student.click("text=←")
    student.wait_for_url("**/classes/*")
    found += check(student)  # the student's class page
    teacher.goto(report_url)
    found += check(teacher)
    teacher.click("text=Re-teach missed questions")
    teacher.wait_for_url("**/reteach")
    found += check(teacher)
    teacher.goto(report_url)
    teacher.click("text=Biology 10b")
    teacher.wait_for_url("**/teach/classes/*")
    found += check(teacher)  # the class page
    return found


def _walk_own_deck(owner: Any, check: Any) -> list[str]:
    """A registered teacher's own deck: the new deck page (blank, then refused), the
    summary after generating, "My decks" and the review page with one question open."""
    found: list[str] = []
    owner.goto("/decks/new")
    found += check(owner)
    owner.fill("#name", "Axe deck")
    owner.click("text=Generate questions")
    owner.wait_for_selector("#form-error")
    found += check(owner)  # the form error: no article
    owner.set_input_files("#article", str(ARTICLE))
    owner.click("text=Generate questions")
    owner.wait_for_selector("text=The deck is ready")
    found += check(owner)  # the summary
    owner.click("text=Review the questions")
    owner.wait_for_url("**/decks/*/review")
    found += check(owner)
    owner.locator("li[id] summary").first.click()
    found += check(owner)  # a question's edit form, open
    owner.goto("/decks/mine")
    found += check(owner)
    return found


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE_390], ids=["desktop", "phone"])
def test_axe_finds_no_serious_violation_and_nothing_is_cut_off(
    browser: Any, live_url: str, viewport: dict[str, int]
) -> None:
    def check(page: Any) -> list[str]:
        problems = serious_violations(page)
        if viewport == PHONE_390:
            problems += [f"{page.url} {p}" for p in layout_problems(page)]
        return problems

    learner = context(browser, live_url, viewport)
    teacher = context(browser, live_url, viewport)
    student = context(browser, live_url, viewport)
    try:
        found = _walk(learner.new_page(), check)
        teacher_page = teacher.new_page()
        _teacher_signs_up(teacher_page, f"axe.{viewport['width']}")
        found += _walk_classroom(teacher_page, student.new_page(), check)
        found += _walk_own_deck(teacher_page, check)
        assert not found, "\n".join(found)
    finally:
        for made in (learner, teacher, student):
            made.close()

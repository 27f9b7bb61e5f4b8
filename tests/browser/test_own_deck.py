"""Bring your own article, in headless chromium: a teacher uploads an article, edits one
question, retires another, adds their own and assigns the deck to a class; a student (phone
width) answers, sees the edited question and never the retired one, and reports one; the
teacher sees the report, and the Anki download, opened by the real ``anki`` library, has the
edit and the retired question only as a suspended card tagged ``retired``."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from tests.browser.classroom_support import sign_up_teacher
from tests.browser.live_server import migrated_app, require_playwright, serving
from tests.export.anki_open import (
    WITH_SCHEDULING,
    card_by_id,
    import_file,
    new_collection,
    visible_text,
)

pytestmark = pytest.mark.browser
ARTICLE = Path(__file__).resolve().parents[1] / "data" / "01-motor-neuron-disease.md"
SHOTS = os.environ.get("QUIZAPP_SHOTS", "")
EDITED = "Edited in the browser:"


@pytest.fixture
def own_deck_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    require_playwright()
    db_file = tmp_path / "own.sqlite3"
    config = {
        "SECRET_KEY": "own-deck-browser-test",
        "DATABASE_URL": f"sqlite:///{db_file}",
        "AUTO_BOOTSTRAP": False,
        "RATELIMIT_ENABLED": False,
        "FSRS_ENABLE_FUZZING": False,
    }
    with serving(migrated_app(config, []), "own-deck-server") as url:
        yield url, db_file


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


Row = tuple[str, str, str, int, int, str, str]
# The kinds the assignment below draws and the student answers with the "1" key.
EDITABLE = ("multiple_choice", "flashcard")


def _edit_and_retire(db_file: Path) -> tuple[Row, Row]:
    """Two questions to edit and retire, whatever the generator made: two multiple-choice
    questions of one section if there are, else two of one kind, else any two editable."""
    with sqlite3.connect(db_file) as conn:
        rows: list[Row] = conn.execute(
            "SELECT id, prompt, section, source_start, source_end, answer, kind FROM question "
            "WHERE kind IN (?, ?) ORDER BY kind != 'multiple_choice', position",
            EDITABLE,
        ).fetchall()
    pairs = list(combinations(rows, 2))
    for alike in (lambda a, b: a[6] == b[6] and a[2] == b[2], lambda a, b: a[6] == b[6]):
        found = next(((a, b) for a, b in pairs if alike(a, b)), None)
        if found:
            return found
    assert pairs, f"the article gave fewer than two questions of the kinds {EDITABLE}"
    return pairs[0]


def _teacher_uploads_and_fixes(page: Any, db_file: Path) -> tuple[Row, Row]:
    sign_up_teacher(page)
    page.click("text=My decks")
    page.click("text=New deck from an article")
    page.fill("#name", "Motor neurons")
    page.set_input_files("#article", str(ARTICLE))
    page.click("text=Generate questions")
    page.wait_for_selector("text=The deck is ready")
    _shot(page, "1-summary")
    page.click("text=Review the questions")
    edit, retire = _edit_and_retire(db_file)
    item = page.locator(f"li[id='{edit[0]}']")
    item.locator("summary").click()
    item.locator("textarea[name=prompt]").fill(f"{EDITED} {edit[1]}")
    item.locator("button:text('Save')").click()
    page.wait_for_selector("text=Saved.")
    page.locator(f"li[id='{retire[0]}'] button:text('Retire')").click()
    page.wait_for_selector("text=Saved.")
    page.select_option("#new-kind", "flashcard")
    page.select_option("#new-sentence", f"{edit[3]}-{edit[4]}")
    page.fill("#prompt-new", "Which cells do these diseases damage, in the teacher's words?")
    page.fill("#answer-new", edit[5])
    page.click("text=Add question")
    page.wait_for_selector("text=Saved.")
    _shot(page, "2-review")
    return edit, retire


def _teacher_assigns(page: Any) -> str:
    page.goto("/teach/")
    page.fill("#class-name", "Biology 10b")
    page.click("text=Create class")
    code = page.inner_text("#join-code").strip()
    page.click("text=New assignment")
    page.fill("#title", "Motor neurons")
    page.fill("#count", "100")
    for kind in ("true_false", "cloze"):
        page.uncheck(f"input[name=kinds][value={kind}]")
    page.click("text=Create assignment")
    page.wait_for_url("**/teach/assignments/*")
    return code


def _student_answers(page: Any, code: str) -> list[str]:
    page.goto("/join")
    page.fill("#code", code)
    page.fill("#name", "Sam")
    page.click("button:text('Join')")
    page.click("button:text('Start')")
    seen: list[str] = []
    while True:
        page.wait_for_selector("#score, #verdict, .prompt")
        if page.locator("#score").count():
            return seen
        seen.append(page.inner_text(".prompt"))
        page.keyboard.press("1")
        page.wait_for_selector("#verdict")
        if len(seen) == 1:
            _shot(page, "3-student-feedback")
            page.click("text=Report this question")
            page.check("input[name=reason][value=confusing]")
            page.fill("#report-text", "Two options look right to me")
            page.click("text=Send report")
            page.wait_for_selector("text=Thank you")
        page.keyboard.press("Enter")


def _anki_download_has_the_fixes(page: Any, url: str, folder: Path, fixed: tuple[Row, Row]) -> None:
    """The deck's Anki package, imported by Anki itself (with scheduling, as the docs say):
    the edited prompt, and the retired question as a suspended card tagged ``retired``."""
    edit, retire = fixed
    package = folder / "motor-neurons.apkg"
    package.write_bytes(page.request.get(f"{url}/decks/motor-neurons/anki.apkg").body())
    col = new_collection(folder / "anki")
    try:
        import_file(col, package, WITH_SCHEDULING)
        edited = card_by_id(col, edit[0])
        assert f"{EDITED} {edit[1]}" in visible_text(edited.question())
        assert edited.queue != -1 and "retired" not in edited.note().tags
        retired = card_by_id(col, retire[0])
        assert retired.queue == -1 and "retired" in retired.note().tags
        assert col.find_cards("tag:retired") == col.find_cards("is:suspended") == [retired.id]
    finally:
        col.close()


def test_bring_your_own_article_end_to_end(
    browser: Any, own_deck_site: tuple[str, Path], tmp_path: Path
) -> None:
    url, db_file = own_deck_site
    teacher = browser.new_context(viewport={"width": 1100, "height": 850}, base_url=url)
    student = browser.new_context(viewport={"width": 390, "height": 800}, base_url=url)
    for context in (teacher, student):
        context.set_default_timeout(20_000)
    page = teacher.new_page()
    edit, retire = _teacher_uploads_and_fixes(page, db_file)
    code = _teacher_assigns(page)
    seen = _student_answers(student.new_page(), code)
    assert any(EDITED in prompt for prompt in seen)
    assert retire[1] not in seen
    page.goto("/decks/mine")
    assert page.inner_text(".report-count") == "1"
    page.click("text=1 report")
    assert "Two options look right to me" in page.inner_text("main")
    _shot(page, "4-teacher-sees-report")
    _anki_download_has_the_fixes(page, url, tmp_path, (edit, retire))
    teacher.close()
    student.close()

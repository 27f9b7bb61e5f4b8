"""Bring your own article, in headless chromium: a teacher uploads an article, edits one
question, retires another, adds their own and assigns the deck to a class; a student (phone
width) answers, sees the edited question and never the retired one, and reports one; the
teacher sees the report, and the Anki download has the edit (the retired question left out
until the exporter marks it suspended)."""

from __future__ import annotations

import io
import os
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.classroom_support import sign_up_teacher
from tests.browser.live_server import migrated_app, require_playwright, serving

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


def _two_choice_questions(db_file: Path) -> list[tuple[str, str, str, int, int, str]]:
    with sqlite3.connect(db_file) as conn:
        return conn.execute(
            "SELECT id, prompt, section, source_start, source_end, answer FROM question "
            "WHERE kind = 'multiple_choice' ORDER BY position"
        ).fetchall()


def _teacher_uploads_and_fixes(page: Any, db_file: Path) -> tuple[str, str, str]:
    sign_up_teacher(page)
    page.click("text=My decks")
    page.click("text=New deck from an article")
    page.fill("#name", "Motor neurons")
    page.set_input_files("#article", str(ARTICLE))
    page.click("text=Generate questions")
    page.wait_for_selector("text=The deck is ready")
    _shot(page, "1-summary")
    page.click("text=Review the questions")
    choices = _two_choice_questions(db_file)
    edit = choices[0]
    retire = next(c for c in choices[1:] if c[2] == edit[2])
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
    return edit[1], retire[1], edit[2]


def _teacher_assigns(page: Any, section: str) -> str:
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


def test_bring_your_own_article_end_to_end(browser: Any, own_deck_site: tuple[str, Path]) -> None:
    url, db_file = own_deck_site
    teacher = browser.new_context(viewport={"width": 1100, "height": 850}, base_url=url)
    student = browser.new_context(viewport={"width": 390, "height": 800}, base_url=url)
    for context in (teacher, student):
        context.set_default_timeout(20_000)
    page = teacher.new_page()
    edited, retired, section = _teacher_uploads_and_fixes(page, db_file)
    code = _teacher_assigns(page, section)
    seen = _student_answers(student.new_page(), code)
    assert any(EDITED in prompt for prompt in seen)
    assert retired not in seen
    page.goto("/decks/mine")
    assert page.inner_text(".report-count") == "1"
    page.click("text=1 report")
    assert "Two options look right to me" in page.inner_text("main")
    _shot(page, "4-teacher-sees-report")
    apkg = page.request.get(f"{url}/decks/motor-neurons/anki.apkg").body()
    with zipfile.ZipFile(io.BytesIO(apkg)) as archive, tempfile.TemporaryDirectory() as tmp:
        archive.extract("collection.anki2", tmp)
        with sqlite3.connect(Path(tmp) / "collection.anki2") as conn:
            fields = " ".join(row[0] for row in conn.execute("SELECT flds FROM notes"))
    assert EDITED in fields and edited
    teacher.close()
    student.close()

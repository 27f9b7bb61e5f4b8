"""Helpers of the study and classroom flow browser tests (``test_flow.py``): answering
any card with the keyboard, the sibling groups of the test decks, reading what a page
shows, and axe-core (vendored in ``vendor/axe.min.js``, MPL-2.0, from the npm registry's
``axe-core`` package) injected into a page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from questions import bankfile
from questions.default_deck import DEFAULT_BANK
from quizapp.domain.siblings import Origin, sibling_groups
from tests.quizapp.conftest import build_questions

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PHONE_390 = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
DEFAULT = bankfile.load(DEFAULT_BANK)


def _right_answers(questions: Any) -> dict[str, str]:
    """The key to press (choices) or the words to type (cloze) to answer right."""
    return {
        q.id: str(q.correct + 1) if q.correct is not None else q.answer
        for q in questions
        if q.kind != "flashcard"
    }


RIGHT = _right_answers((*build_questions(), *DEFAULT.questions))


def groups_of(questions: Any) -> dict[str, str]:
    return sibling_groups(Origin(q.id, q.fact_id, q.source.sentence) for q in questions)


GROUPS = {**groups_of(build_questions()), **groups_of(DEFAULT.questions)}
PROMPTS = {q.prompt.replace("{{blank}}", "_____"): q.id for q in DEFAULT.questions}


def context(browser: Any, base_url: str, viewport: dict[str, int], **options: Any) -> Any:
    # bypass_csp: axe-core is injected as an inline script, which the app's CSP forbids
    made = browser.new_context(viewport=viewport, base_url=base_url, bypass_csp=True, **options)
    made.set_default_timeout(15_000)
    return made


@contextmanager
def opened(browser: Any, base_url: str, viewport: dict[str, int], **options: Any) -> Iterator[Any]:
    """A page in a fresh context (own cookies), closed at the end of the block."""
    made = context(browser, base_url, viewport, **options)
    try:
        yield made.new_page()
    finally:
        made.close()


def answer_card(page: Any, wrong: bool = False) -> str:
    """Answer the question on the page with the keyboard (right, or wrong on request) and
    continue past the feedback; returns the question id."""
    # the shortcuts are a deferred script: a key pressed before "load" may find no listener
    page.wait_for_load_state("load")
    qid: str = page.input_value("input[name=question_id]")
    if page.locator("#typed").count():
        page.fill("#typed", "wrong words" if wrong else RIGHT.get(qid, "no idea"))
        page.keyboard.press("Enter")
    elif page.locator("button[name=chosen]").count():
        right = RIGHT.get(qid, "1")
        page.keyboard.press(("2" if right == "1" else "1") if wrong else right)
    else:  # a flashcard: show the answer, then rate it
        # a click: Space's keyup would land on the revealed page's focused "Good" button
        page.click("text=Show answer")
        page.wait_for_selector("button[name=rating]")
        page.wait_for_load_state("load")
        revealed = page.url
        page.keyboard.press("1" if wrong else "3")
        page.wait_for_url(lambda url: url != revealed)
        return qid
    page.wait_for_selector("#verdict")
    page.wait_for_load_state("load")  # the feedback page's Enter shortcut is deferred too
    feedback = page.url
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: url != feedback)
    return qid


def cards_left(page: Any) -> int:
    return int(page.inner_text("#progress-label").split()[0])


def no_two_siblings(question_ids: list[str]) -> bool:
    """No two *different* questions of one sibling group (a card may come back)."""
    seen: dict[str, str] = {}
    for qid in question_ids:
        group = GROUPS[qid]
        if seen.setdefault(group, qid) != qid:
            return False
    return True


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now (with the
    experimental label-content-name-mismatch rule on: visible text in the accessible name)."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations'],
                 rules: {'label-content-name-mismatch': {enabled: true}}})).violations
             .filter(v => v.impact === 'serious' || v.impact === 'critical')
             .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"""
    )
    return [f"{page.url} {v}" for v in found]


def layout_problems(page: Any) -> list[str]:
    """Sideways scrolling, and tables cut off (wider than their box, with nothing to scroll)."""
    page.wait_for_load_state("load")
    return list(
        page.evaluate(
            """() => {
          const out = [], width = window.innerWidth;
          if (document.documentElement.scrollWidth > width)
            out.push('page is ' + document.documentElement.scrollWidth + 'px wide');
          for (const t of document.querySelectorAll('table')) {
            let box = t.parentElement, scrolls = false;
            for (let el = box; el && el !== document.body; el = el.parentElement) {
              const o = getComputedStyle(el).overflowX;
              if (o === 'auto' || o === 'scroll') { scrolls = true; break; }
            }
            const right = t.getBoundingClientRect().right;
            if (!scrolls && (t.scrollWidth > box.clientWidth + 1 || right > width + 1))
              out.push('table ' + (t.id || t.className || '?') + ' is cut off');
          }
          return out;
        }"""
        )
    )

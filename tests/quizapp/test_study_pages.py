"""The study experience through the pages (Flask test client, both backends)."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.db.base import db
from quizapp.db.models import Deck, ReviewLog
from quizapp.services.decks import article_view

from .conftest import ALS_SENTENCE, TEXT
from .pages import answer_current, current_question, hidden_fields


def question_page(
    client: FlaskClient, qid: str, reveal: bool = False
) -> tuple[str, dict[str, str]]:
    url = f"/study/cramps/q/{qid}" + ("?reveal=1" if reveal else "")
    page = client.get(url)
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return html, hidden_fields(html)


def post_answer(client: FlaskClient, fields: dict[str, str], **data: str) -> str:
    response = client.post("/study/cramps/answer", data={**fields, **data})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def feedback(client: FlaskClient, location: str) -> str:
    page = client.get(location)
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_multiple_choice_is_answered_by_clicking_and_explained(
    client: FlaskClient, deck_id: int
) -> None:
    html, fields = question_page(client, "q-mc")
    assert re.findall(r'name="chosen" value="(\d)" data-key="(\d)"', html) == [
        ("0", "1"),
        ("1", "2"),
        ("2", "3"),
    ]
    assert "Press <kbd>1</kbd>–<kbd>3</kbd> to answer." in html
    location = post_answer(client, fields, chosen="0")
    page = feedback(client, location)
    assert "Not quite" in page
    assert "You chose: <strong>Multiple sclerosis</strong>" in page
    assert "Answer: <strong>ALS</strong>" in page
    start = TEXT.index(ALS_SENTENCE)
    assert f"<mark>{ALS_SENTENCE.replace(chr(39), '&#39;')}</mark>" in page
    assert f'href="/decks/cramps/article#s-{start}"' in page
    assert "Counted as" not in page  # a wrong answer stays Again


def test_true_false_right_answer_may_be_rerated_easy(client: FlaskClient, deck_id: int) -> None:
    _, fields = question_page(client, "q-tf")
    location = post_answer(client, fields, chosen="1")
    page = feedback(client, location)
    assert "Right" in page and "Counted as <strong>Good</strong>" in page
    buttons = re.findall(r'name="rating" value="(\d)"', page)
    assert buttons == ["2", "3", "4"]
    rated = client.post(location + "/rate", data={"rating": "4"})
    assert rated.status_code == 302
    assert "Counted as <strong>Easy</strong>" in feedback(client, location)


def test_cloze_near_miss_is_accepted_and_shown_as_such(client: FlaskClient, deck_id: int) -> None:
    html, fields = question_page(client, "q-def")
    assert '<span class="blank"' in html and 'name="typed"' in html
    page = feedback(client, post_answer(client, fields, typed="Hypocalcaemia"))
    assert "Accepted — check the spelling" in page
    assert "You typed: <strong>Hypocalcaemia</strong>" in page
    assert "Answer: <strong>Hypocalcemia</strong>" in page


def test_cloze_alias_and_wrong_answer(client: FlaskClient, deck_id: int) -> None:
    _, fields = question_page(client, "q-cloze")
    page = feedback(client, post_answer(client, fields, typed="the lou gehrig disease"))
    assert 'class="verdict right"' in page
    assert "also accepted: Lou Gehrig disease" in page


def test_flashcard_reveal_shows_intervals_then_self_grade(
    client: FlaskClient, deck_id: int
) -> None:
    html, _ = question_page(client, "q-flash")
    assert 'data-key="space"' in html and "Lou Gehrig&#39;s disease</strong>" not in html
    revealed, fields = question_page(client, "q-flash", reveal=True)
    assert "<strong>Lou Gehrig&#39;s disease</strong>" in revealed
    intervals = re.findall(r'<span>(\w+)</span><span class="when">([^<]+)</span>', revealed)
    assert intervals == [("Again", "1m"), ("Hard", "2m"), ("Good", "2d"), ("Easy", "8d")]
    assert post_answer(client, fields, rating="3").endswith("/study/cramps")
    assert current_question(client)["question_id"] == "q-cloze"


def test_progress_shows_the_cards_left_in_the_session(client: FlaskClient, deck_id: int) -> None:
    page = client.get("/study/cramps").get_data(as_text=True)
    assert 'id="progress-label">5 cards left<' in page
    answer_current(client)
    page = client.get("/study/cramps").get_data(as_text=True)
    assert 'id="progress-label">4 cards left<' in page
    assert '<progress max="5" value="1"' in page


def test_a_retried_answer_is_counted_once(app: Flask, client: FlaskClient, deck_id: int) -> None:
    _, fields = question_page(client, "q-mc")
    first = post_answer(client, fields, chosen="1")
    second = post_answer(client, fields, chosen="0")  # same key: e.g. a double click
    assert first == second
    with app.app_context():
        assert db.session.scalar(select(func.count(ReviewLog.id))) == 1


def test_undo_last_answer(client: FlaskClient, deck_id: int) -> None:
    answer_current(client)  # q-flash, Good
    page = client.get("/study/cramps").get_data(as_text=True)
    undo_action = re.search(r'action="(/study/cramps/review/\d+/undo)"', page)
    assert undo_action is not None
    response = client.post(undo_action.group(1))
    assert response.headers["Location"] == "/study/cramps/q/q-flash"
    assert current_question(client)["question_id"] == "q-flash"
    assert 'id="progress-label">5 cards left<' in client.get("/study/cramps").get_data(as_text=True)


def test_done_page_when_nothing_is_left(client: FlaskClient, deck_id: int) -> None:
    for _ in range(5):
        answer_current(client)
    page = client.get("/study/cramps").get_data(as_text=True)
    assert "Done for now" in page and "<b>5</b> answered" in page
    assert "Next cards due in" in page and "more new cards today" in page


def test_settings_limit_new_cards(client: FlaskClient, deck_id: int) -> None:
    saved = client.post("/settings/", data={"new_per_day": "1", "retention": "85"})
    assert saved.status_code == 302
    page = client.get("/settings/").get_data(as_text=True)
    assert 'value="1" required' in page and 'value="85" required' in page
    answer_current(client)
    assert "Done for now" in client.get("/study/cramps").get_data(as_text=True)
    bad = client.post("/settings/", data={"new_per_day": "-3", "retention": "200"})
    assert bad.status_code == 400 and b"must be between" in bad.data


def test_article_marks_sentences_with_links_to_their_questions(
    client: FlaskClient, deck_id: int
) -> None:
    page = client.get("/decks/cramps/article").get_data(as_text=True)
    start = TEXT.index(ALS_SENTENCE)
    assert f'<mark id="s-{start}">' in page
    links = re.findall(r'href="/study/cramps/q/([\w-]+)"', page)
    assert links == ["q-flash", "q-cloze", "q-mc", "q-tf", "q-def"]
    assert "<h1>Muscle cramps</h1>" in page and "<h2>Metabolic causes</h2>" in page


def test_article_heading_is_the_deck_name_with_the_source_below(
    app: Flask, client: FlaskClient, deck_id: int
) -> None:
    """Real sources have lowercase titles ("neurological disorders that cause …"): the page
    is headed by the deck's name, the source's title and file stay on a "source:" line."""
    with app.app_context():
        deck = db.session.get_one(Deck, deck_id)
        deck.article_title = "muscle cramps"
        deck.article_text = deck.article_text.replace("Muscle cramps", "muscle cramps", 1)
        db.session.commit()
        db.session.remove()
    page = client.get("/decks/cramps/article").get_data(as_text=True)
    assert "<title>Muscle cramps" in page
    assert re.findall(r"<h1>(.*?)</h1>", page) == ["Muscle cramps"]
    assert "source: muscle cramps (cramps.txt)" in page
    assert page.count("muscle cramps") == 1  # the title block is not repeated
    assert "<h2>Metabolic causes</h2>" in page


def test_deck_list_and_page(client: FlaskClient, deck_id: int) -> None:
    index = client.get("/").get_data(as_text=True)
    assert 'href="/decks/cramps"' in index and "<b>5</b> new" in index
    deck = client.get("/decks/cramps").get_data(as_text=True)
    assert 'href="/decks/cramps/anki.apkg"' in deck and "Download for Anki" in deck


def test_anki_download(client: FlaskClient, deck_id: int) -> None:
    response = client.get("/decks/cramps/anki.apkg")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'attachment; filename="cramps.apkg"'
    assert response.data[:2] == b"PK"


@pytest.mark.parametrize(
    "url", ["/", "/decks/cramps", "/decks/cramps/article", "/study/cramps", "/quiz/deck/cramps"]
)
def test_pages_have_a_strict_csp_and_no_inline_code(
    client: FlaskClient, deck_id: int, url: str
) -> None:
    response = client.get(url)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    html = response.get_data(as_text=True)
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert " style=" not in html and "<style" not in html
    assert "http://" not in html.replace("http://localhost", "")
    assert 'name="viewport"' in html


def test_article_view_merges_overlapping_sentences_and_keeps_every_anchor() -> None:
    text = "Alpha beta. Gamma delta."
    blocks = [{"kind": "paragraph", "start": 0, "end": len(text)}]
    view = article_view(text, blocks, [(0, 11, "a"), (6, 11, "b"), (12, 24, "c")])
    segments = view[0].segments
    assert [s.text for s in segments] == ["Alpha beta.", " ", "Gamma delta."]
    first, last = segments[0].mark, segments[2].mark
    assert first is not None and last is not None
    assert (first.anchor, first.question_ids, first.extra_anchors) == ("s-0", ("a", "b"), ("s-6",))
    assert (last.anchor, last.question_ids) == ("s-12", ("c",))


def test_a_rejected_typed_answer_may_be_counted_as_right(client: FlaskClient, deck_id: int) -> None:
    _, fields = question_page(client, "q-def")
    location = post_answer(client, fields, typed="low blood calcium")
    page = feedback(client, location)
    assert "Not quite" in page and "I was right" in page
    assert client.post(location + "/override").status_code == 302
    page = feedback(client, location)
    assert "Counted as right — your call" in page and "Counted as <strong>Good</strong>" in page
    assert "I was right" not in page
    assert client.post(location + "/override").status_code == 400  # once is enough

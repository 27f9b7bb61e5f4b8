"""Bring your own article: upload, review, edit, retire, add, report, download, regenerate."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from flask import Flask
from sqlalchemy import select

from questions.bankfile import loads
from questions.checking import check_bank
from quizapp.db.base import db
from quizapp.db.models import Deck, Question
from quizapp.services import authoring

from .helpers import ARTICLE, owner_client, upload


def _questions(app: Flask, slug: str) -> list[Question]:
    with app.app_context():
        deck = db.session.scalar(select(Deck).where(Deck.slug == slug))
        assert deck is not None
        rows = list(db.session.scalars(select(Question).where(Question.deck_id == deck.id)))
        db.session.expunge_all()
        return rows


def test_upload_makes_a_private_deck_with_a_summary(app: Flask) -> None:
    owner = owner_client(app)
    slug = upload(owner)
    assert slug == "motor-neurons"
    rows = _questions(app, slug)
    assert len(rows) > 10 and all(q.id.endswith("." + slug) for q in rows)
    assert owner.get("/decks/mine").status_code == 200
    assert "Motor neurons" in owner.get("/").get_data(as_text=True)
    stranger = app.test_client()
    assert stranger.get(f"/decks/{slug}").status_code == 404
    assert "Motor neurons" not in stranger.get("/").get_data(as_text=True)


def test_same_article_twice_makes_two_decks(app: Flask) -> None:
    owner = owner_client(app)
    assert upload(owner) == "motor-neurons"
    assert upload(owner) == "motor-neurons-2"


def test_bad_inputs_are_form_errors_and_create_nothing(app: Flask) -> None:
    owner = owner_client(app)
    cases = [
        (b"", "a.txt", "empty"),
        (b"\x00\x01binary", "a.txt", "binary"),
        (b"Motor neurons are cells. " * 3000 + b"\x00", "a.txt", "binary"),
        (b"caf\xe9 au lait", "a.txt", "not UTF-8"),
        (b"Hello.", "a.txt", "no usable text"),
        (b"%PDF", "a.pdf", ".txt, .md or .html"),
    ]
    for data, name, message in cases:
        page = owner.post(
            "/decks/new",
            data={"name": "X", "visibility": "private", "article": (io.BytesIO(data), name)},
            content_type="multipart/form-data",
        )
        assert page.status_code == 400, name
        assert message in page.get_data(as_text=True)
    # Pasted, as the test client spools a large multipart body to a file it never closes.
    page = owner.post("/decks/new", data={"name": "X", "text": "x" * (1024 * 1024 + 1)})
    assert page.status_code == 400 and "too large" in page.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(Deck)).all() == []


def test_edit_retire_add_and_downloads_reflect_them(app: Flask) -> None:
    owner = owner_client(app)
    slug = upload(owner)
    rows = _questions(app, slug)
    flash = next(q for q in rows if q.kind == "flashcard")
    other = next(q for q in rows if q.id != flash.id)
    edited = {"prompt": "Edited: " + flash.prompt, "answer": flash.answer, "explanation": "Mine."}
    assert owner.post(f"/decks/{slug}/questions/{flash.id}", data=edited).status_code == 302
    assert owner.post(f"/decks/{slug}/questions/{other.id}/retire").status_code == 302
    sentence = f"{flash.source_start}-{flash.source_end}"
    own = {"kind": "flashcard", "sentence": sentence, "prompt": "My own question?",
           "answer": flash.answer, "explanation": ""}  # fmt: skip
    assert owner.post(f"/decks/{slug}/questions", data=own).status_code == 302
    bank = loads(owner.get(f"/decks/{slug}/bank.json").get_data(as_text=True))
    by_id = {q.id: q for q in bank.questions}
    assert by_id[flash.id].prompt.startswith("Edited: ") and other.id not in by_id
    assert any(q.prompt == "My own question?" for q in bank.questions)
    assert check_bank(bank, "bank.json") == []
    for url in ("cards.tsv", "deck.gift"):
        text = owner.get(f"/decks/{slug}/{url}").get_data(as_text=True)
        assert "Edited" in text and "My own question?" in text
    rows_out = [line for line in owner.get(f"/decks/{slug}/cards.tsv").get_data(as_text=True)
                .splitlines() if line and not line.startswith("#")]  # fmt: skip
    assert len(rows_out) == len(bank.questions) == len(rows)  # one retired, one added
    apkg = owner.get(f"/decks/{slug}/anki.apkg").get_data()
    assert zipfile.ZipFile(io.BytesIO(apkg)).namelist()


def test_a_failed_gate_saves_nothing(app: Flask) -> None:
    owner = owner_client(app)
    slug = upload(owner)
    mc = next(q for q in _questions(app, slug) if q.kind == "multiple_choice")
    same = {"prompt": mc.prompt, "options": [mc.options[0]] * 3, "correct": "0"}
    page = owner.post(f"/decks/{slug}/questions/{mc.id}", data=same)
    assert page.status_code == 400 and "two options are the same" in page.get_data(as_text=True)
    assert next(q for q in _questions(app, slug) if q.id == mc.id).options == mc.options


def test_edits_survive_a_new_version(app: Flask) -> None:
    owner = owner_client(app)
    slug = upload(owner)
    rows = _questions(app, slug)
    flashcards = [q for q in rows if q.kind == "flashcard"]
    kept, lost = flashcards[0], flashcards[-1]
    for q in (kept, lost):
        edit = {"prompt": "Edited: " + q.prompt, "answer": q.answer}
        assert owner.post(f"/decks/{slug}/questions/{q.id}", data=edit).status_code == 302
    assert lost.sentence != kept.sentence
    article = ARTICLE.read_text(encoding="utf-8")
    assert lost.sentence in article
    newer = article.replace(lost.sentence, "")
    page = owner.post(
        f"/decks/{slug}/version",
        data={"article": (io.BytesIO(newer.encode()), ARTICLE.name)},
        content_type="multipart/form-data",
    )
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "gone (retired, history kept)" in html
    assert "Edits whose question no longer exists" in html and lost.id in html
    after = {q.id: q for q in _questions(app, slug)}
    assert set(after) >= {q.id for q in rows}  # nothing deleted
    assert after[kept.id].prompt == "Edited: " + kept.prompt and after[kept.id].retired_at is None
    assert after[lost.id].retired_at is not None


def test_api_create_list_patch_add_report(app: Flask) -> None:
    owner = owner_client(app)
    headers = {"X-Requested-With": "test"}
    text = ARTICLE.read_text(encoding="utf-8")
    body = {"name": "API deck", "filename": ARTICLE.name, "text": text, "visibility": "public"}
    made = owner.post("/api/v1/decks", headers=headers, json=body)
    assert made.status_code == 201, made.get_json()
    slug = made.get_json()["slug"]
    listed = owner.get(f"/api/v1/decks/{slug}/questions").get_json()["questions"]
    first = listed[0]
    assert set(first) >= {"id", "kind", "prompt", "answer", "accepted", "options", "correct",
                          "explanation", "status", "source"}  # fmt: skip
    patched = owner.patch(f"/api/v1/decks/{slug}/questions/{first['id']}", headers=headers,
                          json={"status": "retired"})  # fmt: skip
    assert patched.status_code == 200 and patched.get_json()["status"] == "retired"
    src = listed[1]["source"]
    added = owner.post(f"/api/v1/decks/{slug}/questions", headers=headers, json={
        "kind": "flashcard", "prompt": "Own?", "answer": listed[1]["answer"],
        "source": {"start": src["start"], "end": src["end"]}})  # fmt: skip
    assert added.status_code == 201, added.get_json()
    other = app.test_client()
    assert other.get(f"/api/v1/decks/{slug}/questions").status_code == 403
    assert other.patch(f"/api/v1/decks/{slug}/questions/{first['id']}", headers=headers,
                       json={"prompt": "x"}).status_code == 403  # fmt: skip
    multipart = owner.post("/api/v1/decks", headers=headers, data={
        "name": "Up", "visibility": "private",
        "article": (io.BytesIO(text.encode()), ARTICLE.name)},
        content_type="multipart/form-data")  # fmt: skip
    assert multipart.status_code == 201, multipart.get_json()
    private = multipart.get_json()["slug"]
    assert other.get(f"/api/v1/decks/{private}/questions").status_code == 404
    assert json.loads(owner.get(f"/decks/{slug}/bank.json").data)["deck"]["slug"] == slug


def test_a_slug_claimed_meanwhile_is_not_taken_over(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests may both find a slug free; the second to insert takes the next one."""
    owner = owner_client(app)
    first = upload(owner, "Motor neurons")
    answers = iter([first, "motor-neurons-late"])
    monkeypatch.setattr(authoring, "free_slug", lambda session, wanted: next(answers))
    assert upload(owner, "Motor neurons") == "motor-neurons-late"
    assert len(_questions(app, first)) == len(_questions(app, "motor-neurons-late"))

"""Script payloads through every field an owner or learner can fill (deck name, article
text, stem, answer, accepted, options, explanation, own question, report text) come out
escaped on every page that shows them, and as text in the Anki cards."""

from __future__ import annotations

import io
import re
import sqlite3
import tempfile
import zipfile
from pathlib import Path

from flask import Flask
from sqlalchemy import select

from quizapp.db.base import db
from quizapp.db.models import Question

from .helpers import ARTICLE, owner_client

PAYLOAD = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _upload_hostile(client) -> str:  # type: ignore[no-untyped-def]
    text = ARTICLE.read_text(encoding="utf-8").replace(
        "Motor neuron diseases", f"Motor neuron diseases {PAYLOAD}", 1
    )
    page = client.post("/decks/new", data={"name": f"Deck {PAYLOAD}", "visibility": "public",
                                           "text": text})  # fmt: skip
    assert page.status_code == 200, page.get_data(as_text=True)
    assert PAYLOAD not in page.get_data(as_text=True)
    match = re.search(r'href="/decks/([^"/]+)/review"', page.get_data(as_text=True))
    assert match
    return match.group(1)


def _questions(app: Flask, slug: str) -> list[Question]:
    with app.app_context():
        rows = list(db.session.scalars(select(Question).where(Question.id.like(f"%.{slug}"))))
        db.session.expunge_all()
    return rows


def test_script_payloads_are_escaped_everywhere(app: Flask) -> None:
    owner = owner_client(app)
    slug = _upload_hostile(owner)
    rows = _questions(app, slug)
    flash = next(q for q in rows if q.kind == "flashcard")
    mc = next(q for q in rows if q.kind == "multiple_choice")
    owner.post(f"/decks/{slug}/questions/{flash.id}", data={
        "prompt": f"Stem {PAYLOAD}?", "answer": flash.answer,
        "accepted": f"also {PAYLOAD}", "explanation": f"Why {PAYLOAD}"})  # fmt: skip
    options = [*mc.options[:-1], f"Option {PAYLOAD}"]
    owner.post(f"/decks/{slug}/questions/{mc.id}", data={"options": options, "correct": "0"})
    owner.post(f"/decks/{slug}/questions", data={
        "kind": "flashcard", "sentence": f"{flash.source_start}-{flash.source_end}",
        "prompt": f"Own {PAYLOAD}?", "answer": flash.answer})  # fmt: skip
    edited = {q.id: q for q in _questions(app, slug)}
    assert edited[flash.id].prompt == f"Stem {PAYLOAD}?"  # stored as typed, not mangled
    learner = owner_client(app, "learner")
    page = learner.get(f"/study/{slug}/q/{flash.id}").get_data(as_text=True)
    fields = dict(re.findall(r'name="(\w+)" value="([^"]*)"', page))
    answered = learner.post(f"/study/{slug}/answer", data={**fields, "rating": "3"})
    feedback = answered.headers["Location"]
    learner.post(f"/questions/{flash.id}/report",
                 data={"reason": "other", "text": f"Report {PAYLOAD}"})  # fmt: skip
    pages = [
        "/", "/decks/mine", f"/decks/{slug}", f"/decks/{slug}/article",
        f"/decks/{slug}/review", f"/study/{slug}/q/{flash.id}", f"/study/{slug}/q/{mc.id}",
    ]  # fmt: skip
    for client, url in [(owner, u) for u in pages] + [(learner, feedback)]:
        html = client.get(url).get_data(as_text=True)
        assert PAYLOAD not in html, url
    review = owner.get(f"/decks/{slug}/review").get_data(as_text=True)
    assert review.count(ESCAPED) >= 6  # stem, accepted, explanation, option, own, report
    assert ESCAPED in learner.get(feedback).get_data(as_text=True)
    _anki_has_no_live_script(owner.get(f"/decks/{slug}/anki.apkg").get_data())


def _anki_has_no_live_script(apkg: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(apkg)) as archive, tempfile.TemporaryDirectory() as tmp:
        archive.extract("collection.anki2", tmp)
        with sqlite3.connect(Path(tmp) / "collection.anki2") as conn:
            fields = " ".join(row[0] for row in conn.execute("SELECT flds FROM notes"))
    assert "Stem " in fields and PAYLOAD not in fields and ESCAPED in fields

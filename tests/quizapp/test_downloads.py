"""Web downloads (issue 10): every format for a deck, a section, a tag, the learner's own weak
cards and (teachers) an assignment, named for what they hold; the change ledger in the
database; bad and hostile input.

What Anki itself makes of the packages is tests/quizapp/test_export_anki.py."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.domain.passwords import hash_password
from quizapp.domain.scheduler import Rating
from quizapp.services import study
from quizapp.services.export_sets import file_stem, spread_siblings
from quizapp.services.settings import settings_for

from .classroom.helpers import PASSWORD, create_assignment, create_class, log_in, make_teacher
from .conftest import NOW, build_bank, build_questions
from .pages import answer_current

DECK = "/decks/cramps"


@pytest.fixture
def web(make_app: Callable[..., Flask], deck_id: int) -> Flask:
    return make_app(CLOCK=lambda: NOW)


def get_file(client: FlaskClient, url: str) -> tuple[str, bytes]:
    """The download's file name and body (asserting it is an attachment)."""
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="')
    return disposition.split('"')[1], response.get_data()


def note_rows(apkg: bytes) -> dict[str, tuple[int, str]]:
    """Question id → (modification time, tags) of each note in a package."""
    with zipfile.ZipFile(io.BytesIO(apkg)) as package:
        data = package.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(data)
        rows = connection.execute("select flds, mod, tags from notes").fetchall()
        deck_json = connection.execute("select decks from col").fetchone()[0]
    finally:
        connection.close()
    notes = {flds.split("\x1f")[-1]: (mod, tags.strip()) for flds, mod, tags in rows}
    names = sorted(deck["name"] for deck in json.loads(deck_json).values())
    notes["_decks"] = (0, " | ".join(names))
    return notes


def test_deck_page_offers_every_format_whole_or_by_section(web: Flask) -> None:
    page = web.test_client().get(DECK).get_data(as_text=True)
    for fmt in ("anki", "anki-typein", "tsv", "quizlet", "gift"):
        assert f'<option value="{fmt}">' in page
    assert '<option value="section:Metabolic causes">' in page
    assert "Take my progress to Anki" in page
    assert "Study some cards first" in page  # a visitor has no progress to take


@pytest.mark.parametrize(
    ("fmt", "filename", "marker"),
    [
        ("anki", "cramps.apkg", b"collection.anki2"),
        ("anki-typein", "cramps-typein.apkg", b"collection.anki2"),
        ("tsv", "cramps.tsv", b"#deck:Muscle cramps\n"),
        ("quizlet", "cramps.quizlet.txt", b"What is ALS also known as?\t"),
        ("gift", "cramps.gift.txt", b"$CATEGORY: $course$/top/Muscle cramps/"),
    ],
)
def test_whole_deck_in_each_format(web: Flask, fmt: str, filename: str, marker: bytes) -> None:
    name, body = get_file(web.test_client(), f"{DECK}/download?format={fmt}")
    assert name == filename
    assert marker in body


def test_a_section_says_so_in_its_name_and_holds_only_its_questions(web: Flask) -> None:
    client = web.test_client()
    url = f"{DECK}/download?format=gift&part=section:Metabolic causes"
    name, body = get_file(client, url)
    assert name == "cramps-metabolic-causes.gift.txt"
    text = body.decode()
    assert "Muscle cramps — section Metabolic causes" in text
    assert "[id:q-tf]" in text and "[id:q-def]" in text and "[id:q-mc]" not in text
    name, apkg = get_file(client, url.replace("gift", "anki"))
    assert name == "cramps-metabolic-causes.apkg"
    notes = note_rows(apkg)
    assert sorted(notes) == ["_decks", "q-def", "q-tf"]
    assert notes["_decks"][1] == "Default | Muscle cramps — section Metabolic causes"


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("format=pdf", 400),
        ("format=anki&part=everything", 400),
        ("format=anki&part=section:Nope", 404),
        ("format=gift&part=section:<script>alert(1)</script>", 404),
    ],
)
def test_bad_downloads_are_refused_politely(web: Flask, query: str, status: int) -> None:
    response = web.test_client().get(f"{DECK}/download?{query}")
    assert response.status_code == status
    assert "<script>alert" not in response.get_data(as_text=True)
    assert web.test_client().get("/decks/nope/download").status_code == 404


def test_hostile_section_names_are_escaped_and_still_download(web: Flask) -> None:
    odd = '<b>"Odd" & ::section</b>'
    questions = tuple(
        replace(q, source=replace(q.source, section=odd)) if q.id == "q-tf" else q
        for q in build_questions()
    )
    with web.app_context():
        import_bank(db.session, build_bank(questions), NOW)
        db.session.commit()
    client = web.test_client()
    page = client.get(DECK).get_data(as_text=True)
    assert odd not in page and "&lt;b&gt;&#34;Odd&#34; &amp; ::section&lt;/b&gt;" in page
    query = urlencode({"format": "tsv", "part": f"section:{odd}"})
    name, body = get_file(client, f"{DECK}/download?{query}")
    assert name == "cramps-b-odd-section-b.tsv"
    assert body.count(b"\n") == 7 + 1  # the header lines and the one question


def test_reexports_keep_note_times_until_a_question_changes(
    make_app: Callable[..., Flask], deck_id: int
) -> None:
    later = NOW + timedelta(days=3)
    first = note_rows(get_file(make_app(CLOCK=lambda: NOW).test_client(), f"{DECK}/anki.apkg")[1])
    app = make_app(CLOCK=lambda: later)
    again = note_rows(get_file(app.test_client(), f"{DECK}/download?format=anki")[1])
    assert again == first
    questions = tuple(
        replace(q, prompt="Which disease is ALS?") if q.id == "q-mc" else q
        for q in build_questions()
    )
    with app.app_context():
        import_bank(db.session, build_bank(questions), later)
        db.session.commit()
    changed = note_rows(get_file(app.test_client(), f"{DECK}/anki.apkg")[1])
    moved = {qid for qid in first if changed[qid][0] != first[qid][0]}
    assert moved == {"q-mc"}
    assert changed["q-mc"][0] == int(later.timestamp())


def test_retired_questions_are_tagged_in_packages_and_left_out_of_text(web: Flask) -> None:
    with web.app_context():
        kept = tuple(q for q in build_questions() if q.id != "q-tf")
        import_bank(db.session, build_bank(kept), NOW)
        db.session.commit()
    client = web.test_client()
    notes = note_rows(get_file(client, f"{DECK}/anki.apkg")[1])
    assert "retired" in notes["q-tf"][1].split() and "retired" not in notes["q-mc"][1].split()
    assert b"[id:q-tf]" not in get_file(client, f"{DECK}/download?format=gift")[1]


def test_assignment_download_is_the_teachers_and_names_the_assignment(web: Flask) -> None:
    make_teacher(web, "teacher")
    teacher = web.test_client()
    log_in(teacher, "teacher")
    class_id = create_class(teacher)
    assignment = create_assignment(teacher, class_id, title="Week 3: cramps!", kinds=["cloze"])
    url = f"/teach/assignments/{assignment}/download?format=gift"
    report = teacher.get(f"/teach/assignments/{assignment}").get_data(as_text=True)
    assert f'action="/teach/assignments/{assignment}/download"' in report
    name, body = get_file(teacher, url)
    assert name == f"cramps-assignment-{assignment}-week-3-cramps.gift.txt"
    text = body.decode()
    assert "Muscle cramps — assignment Week 3: cramps!" in text
    assert "[id:q-cloze]" in text and "[id:q-def]" in text and "[id:q-mc]" not in text
    assert teacher.get(url.replace("gift", "zip")).status_code == 400
    assert web.test_client().get(url).status_code == 403  # a visitor: not a teacher


def test_progress_button_on_deck_and_stats_pages_and_the_api(web: Flask) -> None:
    client = web.test_client()
    assert client.get(f"{DECK}/my-progress.apkg").status_code == 404
    assert client.get("/api/v1/decks/cramps/progress.apkg").status_code == 401
    answer_current(client)
    for page in (DECK, "/stats/cramps"):
        html = client.get(page).get_data(as_text=True)
        assert f'href="{DECK}/my-progress.apkg"' in html
        assert "Anki does not update the schedule of notes that already exist" in html
    name, body = get_file(client, f"{DECK}/my-progress.apkg")
    assert name == "cramps-progress-guest.apkg" and body.startswith(b"PK")
    api = client.get("/api/v1/decks/cramps/progress.apkg?type_in=true")
    assert api.status_code == 200 and api.mimetype == "application/octet-stream"
    assert api.headers["Cache-Control"] == "no-store"
    assert client.get("/api/v1/decks/nope/progress.apkg").status_code == 404
    assert client.get("/api/v1/decks/cramps/progress.apkg?type_in=yes").status_code == 422
    document = client.get("/api/v1/openapi.json").get_json()
    assert "application/octet-stream" in str(document["paths"]["/decks/{slug}/progress.apkg"])


def test_siblings_are_spread_round_robin_and_stems_are_safe() -> None:
    order = [q.id for q in spread_siblings(build_questions())]
    assert order == ["q-flash", "q-tf", "q-cloze", "q-def", "q-mc"]
    assert spread_siblings(()) == ()
    assert file_stem("Ünïcode / ../../etc") == "n-code-etc"
    assert file_stem("!!!") == "deck"


def tagged_bank() -> None:
    """The test deck with a few more tags: ``exam`` on q-mc and q-tf, ``kind::…`` on q-mc."""
    extra = {"q-mc": ("kind::multiple_choice", "exam"), "q-tf": ("Exam",)}
    questions = tuple(replace(q, tags=q.tags + extra.get(q.id, ())) for q in build_questions())
    import_bank(db.session, build_bank(questions), NOW)
    db.session.commit()


def test_a_tag_download_holds_the_questions_with_that_tag_or_one_under_it(web: Flask) -> None:
    with web.app_context():
        tagged_bank()
    client = web.test_client()
    page = client.get(DECK).get_data(as_text=True)
    assert '<option value="tag:exam">Tag: exam (1)</option>' in page
    assert '<option value="tag:kind::multiple_choice">' in page
    name, body = get_file(client, f"{DECK}/download?format=gift&part=tag:exam")
    assert name == "cramps-tag-exam.gift.txt"
    text = body.decode()
    assert "Muscle cramps — tag exam" in text  # Anki matches tags case-insensitively: so do we
    assert "[id:q-mc]" in text and "[id:q-tf]" in text and "[id:q-flash]" not in text
    name, apkg = get_file(client, f"{DECK}/download?format=anki&part=tag:kind")
    assert name == "cramps-tag-kind.apkg"
    assert sorted(note_rows(apkg)) == ["_decks", "q-mc"]  # kind::multiple_choice is under kind
    name, body = get_file(client, f"{DECK}/download?format=tsv&part=tag:section")
    assert name == "cramps-tag-section.tsv"
    assert b"What is ALS also known as?" in body and b"Hypocalcemia" not in body
    for missing in ("tag:nope", "tag:", "tag:exa"):
        assert client.get(f"{DECK}/download?format=gift&part={missing}").status_code == 404


def make_learner(app: Flask, username: str, plan: list[tuple[float, str, bool]]) -> FlaskClient:
    """A learner who answered ``plan`` (days before NOW, question, right?), logged in."""
    with app.app_context():
        user = User(username=username, password_hash=hash_password(PASSWORD))
        db.session.add(user)
        db.session.commit()
        settings = settings_for(app.config, user)
        for i, (days, qid, right) in enumerate(plan):
            response = RESPONSES[qid][0 if right else 1]
            answer = study.Answer(qid, f"{username}-{i}", response)
            at = NOW - timedelta(days=days)
            study.submit_answer(
                db.session, user_id=user.id, answer=answer, now=at, settings=settings
            )
        db.session.commit()
        db.session.remove()
    client = app.test_client()
    log_in(client, username)
    return client


RESPONSES = {
    "q-flash": (study.Response(rating=Rating.Good), study.Response(rating=Rating.Again)),
    "q-mc": (study.Response(chosen=1), study.Response(chosen=0)),
    "q-tf": (study.Response(chosen=1), study.Response(chosen=0)),
}
WEAK = f"{DECK}/download?part=weak&format="


def test_my_weak_cards_are_the_ones_forgotten_before_or_likely_forgotten_now(web: Flask) -> None:
    # q-flash: forgotten 10 days ago (a lapse); q-mc: learnt 60 days ago, likely forgotten;
    # q-tf: answered right an hour ago; the clozes were never studied.
    ada = make_learner(
        web, "ada", [(20, "q-flash", True), (10, "q-flash", False), (60, "q-mc", True),
                     (1 / 24, "q-tf", True)],
    )  # fmt: skip
    assert '<option value="weak">My weak cards' in ada.get(DECK).get_data(as_text=True)
    name, body = get_file(ada, WEAK + "gift")
    assert name == "cramps-weak-cards-ada.gift.txt"
    text = body.decode()
    assert "Muscle cramps — weak cards of ada" in text
    assert "[id:q-flash]" in text and "[id:q-mc]" in text
    assert "[id:q-tf]" not in text and "[id:q-cloze]" not in text and "[id:q-def]" not in text
    name, apkg = get_file(ada, WEAK + "anki")
    assert name == "cramps-weak-cards-ada.apkg"
    notes = note_rows(apkg)
    assert sorted(notes) == ["_decks", "q-flash", "q-mc"]
    assert notes["_decks"][1] == "Default | Muscle cramps — weak cards of ada"
    name, body = get_file(ada, WEAK + "quizlet")
    assert name == "cramps-weak-cards-ada.quizlet.txt" and body.count(b"\n") == 2


def test_weak_cards_are_only_ever_the_learners_own(web: Flask) -> None:
    make_learner(web, "ada", [(20, "q-flash", True), (10, "q-flash", False)])
    bob = make_learner(web, "bob", [(20, "q-tf", True), (10, "q-tf", False)])
    _name, body = get_file(bob, WEAK + "gift")
    assert "[id:q-tf]" in body.decode() and "[id:q-flash]" not in body.decode()
    # No parameter names another learner: bob asking for ada's still gets his own.
    _name, again = get_file(bob, WEAK + "gift&user=ada&learner=ada")
    assert again == body
    carol = make_learner(web, "carol", [(1 / 24, "q-tf", True)])
    response = carol.get(WEAK + "gift")
    assert response.status_code == 404 and b"no weak cards" in response.get_data()
    visitor = web.test_client()
    assert visitor.get(WEAK + "anki").status_code == 404
    assert '<option value="weak">' not in visitor.get(DECK).get_data(as_text=True)

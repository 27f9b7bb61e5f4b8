"""Who may do what with own decks: every new URL against every role.

Roles: the deck's ``owner`` (a teacher, whose class has the private deck assigned),
``other`` (another registered learner), ``teacher`` (another teacher, whose class has the
public deck assigned), ``member`` (a student of both classes, who answered a question of
each), ``guest`` and ``visitor`` (no session). A private deck is missing (404) for everyone
but its owner, its downloads included; a public deck is readable by all and editable (403
otherwise) by its owner. An assignment's download follows the classroom rules
(``quizapp.classroom.access``): its teacher only; 404 for other teachers, 403 for anyone who is
not a teacher and for the class's own student (neither says which deck it draws from).
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from quizapp.db.base import db
from quizapp.db.models import Question
from tests.quizapp.classroom import helpers as classroom

from .helpers import owner_client, upload

ROLES = ("owner", "other", "teacher", "member", "guest", "visitor")
Row = tuple[str, str, dict[str, int], object]


def _assign_and_answer(
    teacher: FlaskClient, member: FlaskClient, app: Flask, slug: str
) -> tuple[str, str]:
    """The question the member answered, and the assignment's id."""
    class_id = classroom.create_class(teacher, f"Class {slug}")
    assignment = classroom.create_assignment(
        teacher, class_id, deck=slug, kinds=["multiple_choice"], count="1"
    )
    classroom.join(member, classroom.join_code(app, class_id), "Sam")
    attempt = classroom.start(member, assignment)
    fields = classroom.current_fields(member, attempt)
    response = member.post(f"{attempt}/answer", data={**fields, "chosen": "0"})
    assert response.status_code == 302
    return fields["question_id"], str(assignment)


def _section_of(app: Flask, question_id: str) -> str:
    with app.app_context():
        section = db.session.get(Question, question_id).section  # type: ignore[union-attr]
        db.session.remove()
    return section


def _setup(app: Flask) -> tuple[dict[str, FlaskClient], dict[str, str]]:
    clients = {role: app.test_client() for role in ROLES}
    clients["owner"] = owner_client(app, "owner")
    private = upload(clients["owner"], "Private deck", "private")
    public = upload(clients["owner"], "Public deck", "public")
    classroom.make_teacher(app, "teacher")
    classroom.log_in(clients["teacher"], "teacher")
    classroom.make_teacher(app, "other")  # a registered account; teaching plays no part for it
    classroom.log_in(clients["other"], "other")
    p_q, p_a = _assign_and_answer(clients["owner"], clients["member"], app, private)
    q_q, q_a = _assign_and_answer(clients["teacher"], clients["member"], app, public)
    ids = {"private": private, "public": public, "p_q": p_q, "q_q": q_q, "p_a": p_a, "q_a": q_a}
    ids["section"] = _section_of(app, p_q)  # both decks are the same article
    clients["guest"].post("/settings/", data={"new_per_day": "20", "retention": "90"})
    return clients, ids


def _codes(owner: int, others: int, **special: int) -> dict[str, int]:
    return {**dict.fromkeys(ROLES, others), "owner": owner, **special}


def _rows(ids: dict[str, str]) -> list[Row]:
    p, q = ids["private"], ids["public"]
    pq, qq = ids["p_q"], ids["q_q"]
    edit = {"prompt": "Which is it?"}
    login = {"guest": 302, "visitor": 302, "member": 302}
    rows: list[Row] = [("GET", "/decks/mine", _codes(200, 200, **login), None),
                       ("GET", "/decks/new", _codes(200, 200, **login), None),
                       ("POST", "/decks/new", _codes(400, 400, **login), {"text": ""}),
                       ("POST", "/api/v1/decks",
                        _codes(422, 422, guest=403, member=403, visitor=401), {})]  # fmt: skip
    for slug, qid, other in ((p, pq, 404), (q, qq, 403)):
        readable = 404 if other == 404 else 200
        rows += _download_rows(slug, readable, ids["section"])
        rows += [
            ("GET", f"/decks/{slug}", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/review", _codes(200, other), None),
            ("GET", f"/decks/{slug}/version", _codes(200, other), None),
            ("POST", f"/decks/{slug}/version", _codes(400, other), {"text": ""}),
            ("POST", f"/decks/{slug}/questions/{qid}", _codes(302, other), edit),
            ("POST", f"/decks/{slug}/questions/{qid}/retire", _codes(302, other), None),
            ("POST", f"/decks/{slug}/questions/{qid}/restore", _codes(302, other), None),
            ("POST", f"/decks/{slug}/questions", _codes(400, other), {"kind": "cloze"}),
            ("GET", f"/decks/{slug}/bank.json", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/cards.tsv", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/deck.gift", _codes(200, readable), None),
            ("GET", f"/decks/{slug}/anki.apkg", _codes(200, readable), None),
            ("GET", f"/api/v1/decks/{slug}/questions", _codes(200, other), None),
            ("PATCH", f"/api/v1/decks/{slug}/questions/{qid}", _codes(200, other), {}),
            ("POST", f"/api/v1/decks/{slug}/questions", _codes(422, other), {}),
            # only a learner who answered the question may report it: the class member
            ("POST", f"/questions/{qid}/report", _codes(404, 404, member=302),
             {"reason": "confusing"}),
            # ... once: the page's report above came first
            ("POST", f"/api/v1/decks/{slug}/questions/{qid}/reports",
             _codes(404, 404, member=409), {"reason": "other"}),
        ]  # fmt: skip
    # the owner teaches the private deck's assignment, "teacher" the public one's
    for assignment, teacher in ((ids["p_a"], "owner"), (ids["q_a"], "teacher")):
        codes = {**_codes(404, 404, guest=403, visitor=403, member=403), teacher: 200}
        for fmt in ("anki", "gift"):
            url = f"/teach/assignments/{assignment}/download?format={fmt}"
            rows.append(("GET", url, codes, None))
    return rows


def _download_rows(slug: str, readable: int, section: str) -> list[Row]:
    """The deck's downloads (quizapp.decks.downloads, the API's progress package)."""
    # a learner's own package needs a learner: the visitor has no session
    mine = _codes(200, readable, visitor=404)
    api_mine = {**mine, "visitor": 404 if readable == 404 else 401}
    return [
        ("GET", f"/decks/{slug}/download", _codes(200, readable), None),
        ("GET", f"/decks/{slug}/download?format=quizlet", _codes(200, readable), None),
        ("GET", f"/decks/{slug}/download?format=gift&part=section:{section}",
         _codes(200, readable), None),
        ("GET", f"/decks/{slug}/download?format=tsv&part=section:No such section",
         _codes(404, 404), None),
        ("GET", f"/decks/{slug}/my-progress.apkg", mine, None),
        ("GET", f"/decks/{slug}/my-progress.apkg?typein=1", mine, None),
        ("GET", f"/api/v1/decks/{slug}/progress.apkg", api_mine, None),
    ]  # fmt: skip


def _open(client: FlaskClient, method: str, url: str, data: object) -> int:
    if url.startswith("/api/"):
        headers = {"X-Requested-With": "matrix"}
        if method == "GET":
            return client.get(url).status_code
        return client.open(url, method=method, json=data, headers=headers).status_code
    return client.open(url, method=method, data=data).status_code


def test_every_role_against_every_own_deck_url(make_app: Callable[..., Flask]) -> None:
    app = make_app()
    clients, ids = _setup(app)
    mismatches = []
    for method, url, expected, data in _rows(ids):
        for role in ROLES:
            status = _open(clients[role], method, url, data)
            if status != expected[role]:
                mismatches.append((role, method, url, status, expected[role]))
    assert mismatches == [], "\n".join(map(str, mismatches))


def test_a_teacher_cannot_assign_someone_elses_private_deck(make_app: Callable[..., Flask]) -> None:
    # Else the assignment's download (and its questions) would leak the private deck.
    app = make_app()
    owner = owner_client(app, "owner")
    private = upload(owner, "Private deck", "private")
    public = upload(owner, "Public deck", "public")
    classroom.make_teacher(app, "teacher")
    teacher = app.test_client()
    classroom.log_in(teacher, "teacher")
    class_id = classroom.create_class(teacher, "Class")
    form = teacher.get(f"/teach/classes/{class_id}/assignments/new?deck={private}")
    assert form.status_code == 200 and private not in form.get_data(as_text=True)
    assignment = classroom.create_assignment(
        teacher, class_id, deck=private, kinds=["multiple_choice"], count="1"
    )
    download = teacher.get(f"/teach/assignments/{assignment}/download?format=gift")
    assert download.status_code == 200
    assert public in download.headers["Content-Disposition"]  # the form fell back to it
    assert private not in download.headers["Content-Disposition"]

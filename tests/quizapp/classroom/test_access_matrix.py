"""Who may see what: every classroom URL (pages, reports, CSV, JSON) against every role.

The rule (see ``quizapp.classroom.access``):

* teacher pages (``/teach/…``): the class's own teacher 200; another teacher 404 (as for a
  class that does not exist, so ids cannot be probed); anyone who is not a teacher 403,
  whether the class exists or not (it says "log in with a teacher account");
* student pages (``/classes/<id>``, ``/assignments/…``, ``/attempts/…``): only the member
  (for attempts: only its owner) 200; everyone else, the teacher included, 404;
* management (rename, remove a student, closing time, delete an assignment): as teacher
  pages; the two deletions ask first, so a POST without ``confirm=yes`` shows the
  question again (400 for the owner) and the confirmed ones come last.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask
from flask.testing import FlaskClient

from tests.quizapp.pages import answer_current

from .helpers import (
    answer_next,
    create_assignment,
    create_class,
    current_fields,
    join,
    join_code,
    learner_id,
    location_id,
    log_in,
    make_teacher,
    start,
)

ROLES = ("visitor", "guest", "student_a", "student_b", "teacher_a", "teacher_b")


Setup = tuple[dict[str, FlaskClient], dict[str, dict[str, int]], dict[str, str]]
Row = tuple[str, str, dict[str, int], dict[str, str] | None]


def _setup(app: Flask) -> Setup:
    clients = {role: app.test_client() for role in ROLES}
    ids: dict[str, dict[str, int]] = {}
    questions: dict[str, str] = {}
    for side in ("a", "b"):
        make_teacher(app, f"teacher_{side}")
        teacher = clients[f"teacher_{side}"]
        log_in(teacher, f"teacher_{side}")
        class_id = create_class(teacher, f"Class {side}")
        assignment_id = create_assignment(teacher, class_id, count="2")
        student = clients[f"student_{side}"]
        join(student, join_code(app, class_id), f"Student {side}")
        attempt_url = start(student, assignment_id)
        _, feedback = answer_next(student, attempt_url, right=True)
        ids[side] = {
            "class": class_id,
            "assignment": assignment_id,
            "attempt": location_id(attempt_url, "/attempts"),
            "review": int(feedback.rsplit("/", 1)[1]),
            "student": learner_id(student),
        }
        questions[side] = current_fields(student, attempt_url)["question_id"]
    answer_current(clients["guest"])  # a guest learner with progress, in no class
    return clients, ids, questions


def _teacher_codes(side: str) -> dict[str, int]:
    other = "b" if side == "a" else "a"
    codes = dict.fromkeys(ROLES, 403)
    codes[f"teacher_{side}"] = 200
    codes[f"teacher_{other}"] = 404
    return codes


def _member_codes(side: str) -> dict[str, int]:
    codes = dict.fromkeys(ROLES, 404)
    codes[f"student_{side}"] = 200
    return codes


def _urls(ids: dict[str, dict[str, int]], questions: dict[str, str]) -> list[Row]:
    rows: list[Row] = []
    for side in ("a", "b"):
        i = ids[side]
        teach = _teacher_codes(side)
        member = _member_codes(side)
        c, a, t, r = i["class"], i["assignment"], i["attempt"], i["review"]
        nobody = dict.fromkeys(ROLES, 404)
        form = {"question_id": questions[side], "answer_key": "matrix"}
        other = "b" if side == "a" else "a"
        c_url = f"/teach/classes/{c}"
        remove = f"{c_url}/students/{i['student']}/remove"
        unconfirmed = {**teach, f"teacher_{side}": 400}  # the question again; nothing done
        stranger = _missing_for_teachers()
        rows += [
            ("GET", f"/teach/classes/{c}", teach, None),
            ("GET", f"/teach/classes/{c}/projector", teach, None),
            ("GET", f"/teach/classes/{c}/qr.svg", teach, None),
            ("GET", f"/teach/classes/{c}/assignments/new", teach, None),
            ("GET", f"/teach/assignments/{a}", teach, None),
            ("GET", f"/teach/assignments/{a}/progress.json", teach, None),
            ("GET", f"/teach/assignments/{a}/results.csv", teach, None),
            ("GET", f"/teach/assignments/{a}/download?format=gift", teach, None),
            ("GET", f"/teach/assignments/{a}/students/{i['student']}", teach, None),
            ("POST", f"/teach/classes/{c}/code", _posted(teach), None),
            ("POST", f"/teach/classes/{c}/joining", _posted(teach), None),
            ("POST", f"/teach/classes/{c}/name", _posted(teach), {"name": f"Class {side}"}),
            ("GET", remove, teach, None),
            ("POST", remove, unconfirmed, None),
            # a student of the other class is no student of this one: 404 for its teacher too
            ("GET", f"{c_url}/students/{ids[other]['student']}/remove", stranger, None),
            ("GET", f"/teach/assignments/{a}/closing", teach, None),
            ("POST", f"/teach/assignments/{a}/closing", _posted(teach), {"closes_at": ""}),
            ("GET", f"/teach/assignments/{a}/delete", teach, None),
            ("POST", f"/teach/assignments/{a}/delete", unconfirmed, None),
            ("GET", f"/classes/{c}", member, None),
            ("POST", f"/assignments/{a}/start", _posted(member), None),
            ("GET", f"/attempts/{t}", member, None),
            ("GET", f"/attempts/{t}/results", member, None),
            ("GET", f"/attempts/{t}/answers/{i['review']}", member, None),
            # a form without an answer: the owner gets 400, everybody else 404
            ("POST", f"/attempts/{t}/answer", {**member, f"student_{side}": 400}, form),
            # a classroom answer belongs to its attempt's pages: the study pages and the API
            # neither show nor change it, not even for its owner (issue 9)
            ("GET", f"/study/cramps/review/{r}", nobody, None),
            ("POST", f"/study/cramps/review/{r}/override", nobody, None),
            ("POST", f"/study/cramps/review/{r}/rate", nobody, {"rating": "Easy"}),
            ("GET", f"/api/v1/reviews/{r}", {**nobody, "visitor": 401}, None),
        ]
    for side in ("a", "b"):  # last: closing changes what the student pages answer
        a = ids[side]["assignment"]
        rows.append(("POST", f"/teach/assignments/{a}/close", _posted(_teacher_codes(side)), None))
    confirmed = {"confirm": "yes"}
    for side in ("a", "b"):  # last of all: these delete what the rows above use
        i, posted = ids[side], _posted(_teacher_codes(side))
        remove = f"/teach/classes/{i['class']}/students/{i['student']}/remove"
        rows.append(("POST", remove, posted, confirmed))
        rows.append(("POST", f"/teach/assignments/{i['assignment']}/delete", posted, confirmed))
    missing = 999_999
    nobody = dict.fromkeys(ROLES, 404)
    rows += [
        ("GET", "/teach/", {**dict.fromkeys(ROLES, 403), "teacher_a": 200, "teacher_b": 200}, None),
        ("GET", f"/teach/classes/{missing}", _missing_for_teachers(), None),
        ("GET", f"/teach/assignments/{missing}/results.csv", _missing_for_teachers(), None),
        ("GET", f"/teach/assignments/{missing}/progress.json", _missing_for_teachers(), None),
        ("GET", f"/teach/assignments/{missing}/closing", _missing_for_teachers(), None),
        ("POST", f"/teach/assignments/{missing}/delete", _missing_for_teachers(), None),
        (
            "GET",
            f"/teach/classes/{missing}/students/{missing}/remove",
            _missing_for_teachers(),
            None,
        ),
        ("GET", f"/classes/{missing}", nobody, None),
        ("GET", f"/attempts/{missing}", nobody, None),
        # ids beyond the database's integer range name nothing, for teachers' pages too
        ("GET", f"/teach/classes/{2**63}", nobody, None),
        ("GET", f"/attempts/{2**63}", nobody, None),
        ("GET", "/classes/", dict.fromkeys(ROLES, 200), None),
        ("GET", "/join", dict.fromkeys(ROLES, 200), None),
    ]
    return rows


def _posted(codes: dict[str, int]) -> dict[str, int]:
    """A POST that is allowed redirects (302) instead of rendering (200)."""
    return {role: 302 if code == 200 else code for role, code in codes.items()}


def _missing_for_teachers() -> dict[str, int]:
    return {**dict.fromkeys(ROLES, 403), "teacher_a": 404, "teacher_b": 404}


def test_every_role_against_every_classroom_url(
    make_app: Callable[..., Flask], deck_id: int
) -> None:
    app = make_app()
    clients, ids, questions = _setup(app)
    mismatches = []
    checked = 0
    for method, url, expected, data in _urls(ids, questions):
        for role in ROLES:
            response = clients[role].open(url, method=method, data=data)
            checked += 1
            if response.status_code != expected[role]:
                mismatches.append((role, method, url, response.status_code, expected[role]))
    assert mismatches == []
    assert checked == len(ROLES) * (32 * 2 + 13)


def test_forbidden_and_missing_pages_are_friendly(
    make_app: Callable[..., Flask], deck_id: int
) -> None:
    app = make_app()
    clients, ids, _ = _setup(app)
    page = clients["student_a"].get(f"/teach/assignments/{ids['a']['assignment']}")
    assert page.status_code == 403
    assert "Only the class" in page.get_data(as_text=True)
    csv = clients["teacher_b"].get(f"/teach/assignments/{ids['a']['assignment']}/results.csv")
    assert csv.status_code == 404 and "Traceback" not in csv.get_data(as_text=True)

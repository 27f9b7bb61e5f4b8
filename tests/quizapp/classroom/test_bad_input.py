"""Malformed input to every classroom form is a friendly 4xx page, never a 500."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from .helpers import create_assignment, create_class, join, join_code, start

JUNK: list[dict[str, str | list[str]]] = [
    {},
    {"code": "", "name": ""},
    {"code": "x" * 5000, "name": "y" * 5000, "password": "z" * 5000},
    {"name": "   ", "title": "\x00", "count": "1e9", "attempts": "-1"},
    {"opens_at": "yesterday", "closes_at": "2026-13-45T99:99", "timezone": "Mars/Olympus"},
    {"answers_shown": "never", "kinds": ["essay"], "sections": ["nope"], "deck": "../etc"},
    {"question_id": "q-mc", "answer_key": "k", "chosen": "99"},
    {"question_id": "q-cloze", "answer_key": "bad key!", "typed": "x"},
    {"question_id": "missing", "answer_key": "k2", "typed": "x" * 600},
    {"open": "maybe", "back": "javascript:alert(1)", "password": "short", "confirm": "other"},
]


def test_no_form_input_causes_a_server_error(capp: Flask, teacher: FlaskClient) -> None:
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="3")
    student = capp.test_client()
    join(student, join_code(capp, class_id), "Ann")
    attempt_url = start(student, assignment_id)
    posts = [
        (teacher, "/teach/classes"),
        (teacher, f"/teach/classes/{class_id}/assignments/new"),
        (teacher, f"/teach/classes/{class_id}/joining"),
        (teacher, "/teach/signup"),
        (student, "/join"),
        (capp.test_client(), "/join"),
        (student, "/classes/password"),
        (capp.test_client(), "/classes/password"),
        (student, f"{attempt_url}/answer"),
        (student, f"/assignments/{assignment_id}/start"),
    ]
    failures = []
    for client, url in posts:
        for data in JUNK:
            status = client.post(url, data=data).status_code
            if status >= 500:
                failures.append((url, data, status))
    assert failures == []
    code = join_code(capp, class_id)
    teacher.post(f"/teach/classes/{class_id}/joining", data={"open": "1"})  # junk closed it
    nul = capp.test_client().post("/join", data={"code": code, "name": "Bo\x00b"})
    assert nul.status_code == 400  # PostgreSQL cannot store NUL; nobody needs it in a name
    assert "cannot be stored" in nul.get_data(as_text=True)
    named = teacher.post("/teach/classes", data={"name": "Bio\x00"})
    assert named.status_code == 400
    typed = student.post(
        f"{attempt_url}/answer",
        data={"question_id": "q-cloze", "answer_key": "nul", "typed": "\x00"},
    )
    assert typed.status_code == 400
    bell = capp.test_client().post("/join", data={"code": code, "name": "Bo\x07b"})
    assert bell.status_code == 400 and "punctuation only" in bell.get_data(as_text=True)
    for url in ("/join/%00", "/join/" + "A" * 300, f"{attempt_url}?reveal=1&shown=x"):
        assert student.get(url).status_code < 500

"""Helpers for classroom page tests: teachers, classes, assignments, joining, answering."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from quizapp.db.base import db
from quizapp.db.classroom import Classroom
from quizapp.db.models import User
from quizapp.domain.passwords import hash_password

from ..pages import RIGHT, WRONG

HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')
PASSWORD = "correct horse battery"


@dataclass
class Clock:
    """A settable clock for ``app.config["CLOCK"]``."""

    now: datetime
    calls: list[datetime] = field(default_factory=list)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now = self.now + timedelta(**kwargs)


def hidden_fields(html: str) -> dict[str, str]:
    return dict(HIDDEN.findall(html))


def make_teacher(app: Flask, username: str) -> int:
    with app.app_context():
        user = User(
            username=username,
            display_name=username.title(),
            password_hash=hash_password(PASSWORD),
            is_teacher=True,
        )
        db.session.add(user)
        db.session.commit()
        uid = user.id
        db.session.remove()
    return uid


def learner_id(client: FlaskClient) -> int:
    """The learner id a client's session names."""
    with client.session_transaction() as session:
        return int(session["uid"])


def log_in(client: FlaskClient, username: str) -> None:
    response = client.post("/account/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)


def location_id(response_location: str, prefix: str) -> int:
    match = re.search(prefix + r"/(\d+)", response_location)
    assert match, response_location
    return int(match.group(1))


def create_class(client: FlaskClient, name: str = "Biology 10b") -> int:
    response = client.post("/teach/classes", data={"name": name})
    assert response.status_code == 302, response.get_data(as_text=True)
    return location_id(response.headers["Location"], "/teach/classes")


def join_code(app: Flask, class_id: int) -> str:
    with app.app_context():
        code = db.session.scalar(select(Classroom.join_code).where(Classroom.id == class_id))
        db.session.remove()
    assert code
    return code


def create_assignment(client: FlaskClient, class_id: int, **fields: object) -> int:
    data: dict[str, object] = {
        "title": "Cramps check",
        "deck": "cramps",
        "count": "3",
        "kinds": ["multiple_choice", "true_false", "cloze"],
        "attempts": "1",
        "answers_shown": "now",
        "timezone": "UTC",
    }
    data.update(fields)
    response = client.post(f"/teach/classes/{class_id}/assignments/new", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return location_id(response.headers["Location"], "/teach/assignments")


def class_code(app: Flask) -> str:
    """The join code of a new class of a new teacher."""
    make_teacher(app, "teacher")
    teacher = app.test_client()
    log_in(teacher, "teacher")
    return join_code(app, create_class(teacher))


def join(client: FlaskClient, code: str, name: str, password: str = "") -> int:
    response = client.post("/join", data={"code": code, "name": name, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
    return location_id(response.headers["Location"], "/classes")


def start(client: FlaskClient, assignment_id: int) -> str:
    response = client.post(f"/assignments/{assignment_id}/start")
    assert response.status_code == 302, response.get_data(as_text=True)
    return str(response.headers["Location"])


def current_fields(client: FlaskClient, attempt_url: str) -> dict[str, str]:
    page = client.get(attempt_url)
    assert page.status_code == 200, page.status_code
    return hidden_fields(page.get_data(as_text=True))


def answer_next(client: FlaskClient, attempt_url: str, right: bool) -> tuple[str, str]:
    """Answer the attempt's current question; returns (question id, redirect location)."""
    fields = current_fields(client, attempt_url)
    qid = fields["question_id"]
    response = client.post(
        f"{attempt_url}/answer", data={**fields, **(RIGHT if right else WRONG)[qid]}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return qid, str(response.headers["Location"])

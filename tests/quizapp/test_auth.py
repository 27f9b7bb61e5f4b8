"""The access helpers other blueprints reuse: login_required and teacher_required."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Flask

from quizapp.db.base import db
from quizapp.db.models import User
from quizapp.web.auth import ensure_user, login_required, teacher_required

PASSWORD = "correct horse battery"


def app_with_probe(make_app: Callable[..., Flask]) -> Flask:
    app = make_app()
    probe = Blueprint("probe", __name__)

    @probe.get("/members")
    @login_required
    def members() -> str:
        return "members"

    @probe.get("/teachers")
    @teacher_required
    def teachers() -> str:
        return "teachers"

    @probe.post("/guest")
    def guest() -> str:
        user = ensure_user()
        db.session.commit()
        return str(user.id)

    app.register_blueprint(probe)
    return app


def test_access_decorators(make_app: Callable[..., Flask]) -> None:
    app = app_with_probe(make_app)
    client = app.test_client()
    visitor = client.get("/members")
    assert visitor.status_code == 302 and visitor.headers["Location"].startswith("/account/login")
    guest_id = client.post("/guest").get_data(as_text=True)
    assert client.post("/guest").get_data(as_text=True) == guest_id  # the same guest row
    assert client.get("/members").status_code == 302  # guests are not members
    client.post(
        "/account/register", data={"username": "tess", "password": PASSWORD, "confirm": PASSWORD}
    )
    assert client.get("/members").get_data(as_text=True) == "members"
    assert client.get("/teachers").status_code == 403
    assert b"You do not have access" in client.get("/teachers").data
    with app.app_context():
        user = db.session.get(User, int(guest_id))
        assert user is not None and user.username == "tess"
        user.is_teacher = True
        db.session.commit()
    assert client.get("/teachers").get_data(as_text=True) == "teachers"

"""Account self-service on the profile page: changing the password and deleting the account
(registered learners and guests), with CSRF, the shared password-check rate limit, and the
refusal for teachers who still own classes."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select
from werkzeug.test import TestResponse

from quizapp.db.base import db
from quizapp.db.classroom import Attempt, AttemptAnswer, ClassMember, Classroom
from quizapp.db.models import CardState, Quiz, ReviewLog, User
from quizapp.web.auth import SINCE_KEY

from .classroom.helpers import (
    Clock,
    answer_next,
    create_assignment,
    create_class,
    join,
    join_code,
    make_teacher,
    start,
)
from .classroom.helpers import log_in as teacher_log_in
from .conftest import NOW
from .pages import RIGHT, answer_current, hidden_fields

PASSWORD = "correct horse battery"
NEW_PASSWORD = "a brand new secret"


@pytest.fixture
def mapp(make_app: Callable[..., Flask], deck_id: int) -> Flask:
    """The app with the small deck and a fixed clock (classroom assignments open at NOW)."""
    return make_app(CLOCK=Clock(NOW))


def register(client: FlaskClient, username: str) -> None:
    response = client.post(
        "/account/register",
        data={"username": username, "password": PASSWORD, "confirm": PASSWORD},
    )
    assert response.status_code == 302, response.get_data(as_text=True)


def login(app: Flask, username: str, password: str) -> int:
    """Status of a login from a fresh device."""
    response = app.test_client().post(
        "/account/login", data={"username": username, "password": password}
    )
    return response.status_code


def change(client: FlaskClient, current: str, new: str, confirm: str | None = None) -> TestResponse:
    return client.post(
        "/account/password",
        data={
            "current_password": current,
            "new_password": new,
            "confirm_password": new if confirm is None else confirm,
        },
    )


def user_id(app: Flask, username: str) -> int:
    with app.app_context():
        uid = db.session.scalar(select(User.id).where(User.username == username))
        db.session.remove()
    assert uid is not None
    return int(uid)


def rows_of(app: Flask, uid: int) -> dict[str, int]:
    """How many rows of each table belong to the learner ``uid``."""
    attempts = select(Attempt.id).where(Attempt.user_id == uid)
    queries = {
        "user_account": select(func.count()).select_from(User).where(User.id == uid),
        "review_log": select(func.count()).select_from(ReviewLog).where(ReviewLog.user_id == uid),
        "card_state": select(func.count()).select_from(CardState).where(CardState.user_id == uid),
        "quiz": select(func.count()).select_from(Quiz).where(Quiz.user_id == uid),
        "class_member": select(func.count())
        .select_from(ClassMember)
        .where(ClassMember.user_id == uid),
        "class_attempt": select(func.count()).select_from(Attempt).where(Attempt.user_id == uid),
        "class_answer": select(func.count())
        .select_from(AttemptAnswer)
        .where(AttemptAnswer.attempt_id.in_(attempts)),
    }
    with app.app_context():
        counts = {name: int(db.session.scalar(query) or 0) for name, query in queries.items()}
        db.session.remove()
    return counts


def answer_quiz_question(client: FlaskClient) -> None:
    response = client.post("/quiz/deck/cramps", data={"count": "2"})
    assert response.status_code == 302, response.get_data(as_text=True)
    quiz_url = response.headers["Location"]
    fields = hidden_fields(client.get(quiz_url).get_data(as_text=True))
    answered = client.post(f"{quiz_url}/answer", data={**fields, **RIGHT[fields["question_id"]]})
    assert answered.status_code == 302, answered.get_data(as_text=True)


def delete_registered(client: FlaskClient, username: str, password: str = PASSWORD) -> TestResponse:
    return client.post("/account/delete", data={"confirm_username": username, "password": password})


# --- changing the password ---------------------------------------------------------------


def test_change_password_then_only_the_new_one_logs_in(mapp: Flask) -> None:
    ada = mapp.test_client()
    register(ada, "ada")
    response = change(ada, PASSWORD, NEW_PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/account/"
    assert "Password changed" in ada.get("/account/").get_data(as_text=True)
    assert login(mapp, "ada", PASSWORD) == 401
    assert login(mapp, "ada", NEW_PASSWORD) == 302
    assert "Logged in as" in ada.get("/account/").get_data(as_text=True)  # still logged in


def test_wrong_current_password_is_refused(mapp: Flask) -> None:
    ada = mapp.test_client()
    register(ada, "ada")
    response = change(ada, "not my password", NEW_PASSWORD)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "That is not your current password." in html and "<!doctype html>" in html
    assert login(mapp, "ada", PASSWORD) == 302
    assert login(mapp, "ada", NEW_PASSWORD) == 401


def test_differing_or_short_new_passwords_are_refused(mapp: Flask) -> None:
    ada = mapp.test_client()
    register(ada, "ada")
    differing = change(ada, PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!")
    assert differing.status_code == 400
    assert "The two new passwords differ." in differing.get_data(as_text=True)
    short = change(ada, PASSWORD, "short")
    assert short.status_code == 400 and "at least 8" in short.get_data(as_text=True)
    assert login(mapp, "ada", PASSWORD) == 302


def test_guests_and_visitors_are_sent_to_log_in_to_change_a_password(mapp: Flask) -> None:
    visitor = mapp.test_client()
    assert "/account/login" in change(visitor, PASSWORD, NEW_PASSWORD).headers["Location"]
    answer_current(visitor)  # a guest now
    assert "/account/login" in change(visitor, PASSWORD, NEW_PASSWORD).headers["Location"]
    assert "Change password" not in visitor.get("/account/").get_data(as_text=True)


def test_wrong_passwords_on_the_profile_count_against_the_login_limit(
    make_app: Callable[..., Flask], deck_id: int
) -> None:
    app = make_app(RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    ada = app.test_client()
    register(ada, "ada")
    assert change(ada, "wrong one", NEW_PASSWORD).status_code == 400
    assert delete_registered(ada, "ada", "wrong two").status_code == 400
    # Mistakes that are not a wrong password do not count.
    assert change(ada, PASSWORD, NEW_PASSWORD, "differs").status_code == 400
    assert delete_registered(ada, "someone-else").status_code == 400
    wrong_login = ada.post("/account/login", data={"username": "ada", "password": "wrong 3"})
    assert wrong_login.status_code == 401
    assert change(ada, PASSWORD, NEW_PASSWORD).status_code == 429  # the budget is shared


# --- deleting the account ------------------------------------------------------------------


def test_deleting_a_learner_removes_all_their_rows_and_nobody_elses(mapp: Flask) -> None:
    make_teacher(mapp, "teacher")
    teacher = mapp.test_client()
    teacher_log_in(teacher, "teacher")
    class_id = create_class(teacher)
    assignment_id = create_assignment(teacher, class_id, count="3")
    code = join_code(mapp, class_id)
    students = {"ada": mapp.test_client(), "bob": mapp.test_client()}
    for name, client in students.items():
        register(client, name)
        answer_current(client)
        answer_current(client, right=False)
        answer_quiz_question(client)
        join(client, code, name.title())
        answer_next(client, start(client, assignment_id), right=True)
    ada_id, bob_id = user_id(mapp, "ada"), user_id(mapp, "bob")
    teacher_id = user_id(mapp, "teacher")
    before = rows_of(mapp, ada_id)
    assert all(before.values()), before  # Ada has rows in every table
    bob_before, teacher_before = rows_of(mapp, bob_id), rows_of(mapp, teacher_id)
    before_page = teacher.get(f"/teach/assignments/{assignment_id}").get_data(as_text=True)
    assert "Ada" in before_page and "Bob" in before_page

    ada = students["ada"]
    response = delete_registered(ada, "ADA")  # usernames are case-insensitive
    assert response.status_code == 302 and response.headers["Location"] == "/"
    home = ada.get("/").get_data(as_text=True)
    assert "Your account and everything saved with it were deleted." in home
    assert "Log in" in home  # the session is forgotten
    assert set(rows_of(mapp, ada_id).values()) == {0}
    assert rows_of(mapp, bob_id) == bob_before
    assert rows_of(mapp, teacher_id) == teacher_before
    with mapp.app_context():
        assert db.session.scalar(select(func.count()).select_from(Classroom)) == 1
        db.session.remove()
    report = teacher.get(f"/teach/assignments/{assignment_id}")
    assert report.status_code == 200
    html = report.get_data(as_text=True)
    assert "Bob" in html and "Ada" not in html
    assert login(mapp, "ada", PASSWORD) == 401


def test_deletion_needs_the_username_and_the_password(mapp: Flask) -> None:
    ada = mapp.test_client()
    register(ada, "ada")
    page = ada.get("/account/").get_data(as_text=True)
    assert 'name="confirm_username"' in page and "Delete my account" in page
    wrong_name = delete_registered(ada, "bob")
    assert wrong_name.status_code == 400
    assert "Type your username exactly" in wrong_name.get_data(as_text=True)
    wrong_password = delete_registered(ada, "ada", "not my password")
    assert wrong_password.status_code == 400
    assert "That is not your password." in wrong_password.get_data(as_text=True)
    assert rows_of(mapp, user_id(mapp, "ada"))["user_account"] == 1


def test_a_guests_answers_to_an_adopted_quiz_stay_the_guests(mapp: Flask) -> None:
    """Logging in adopts a guest's quiz, but answers the account had already given stay
    with the guest; deleting the account keeps those answers, without the quiz link."""
    device = mapp.test_client()
    register(device, "ada")
    answer_current(device)  # Ada's own answer to q-flash
    device.post("/account/logout")
    quiz_url = device.post("/quiz/deck/cramps", data={"count": "5"}).headers["Location"]
    for _ in range(5):  # as a guest: every question, q-flash among them
        fields = hidden_fields(device.get(quiz_url).get_data(as_text=True))
        device.post(f"{quiz_url}/answer", data={**fields, **RIGHT[fields["question_id"]]})
    assert device.post(
        "/account/login", data={"username": "ada", "password": PASSWORD}
    ).status_code == 302  # fmt: skip
    with mapp.app_context():
        guest_id = db.session.scalar(select(User.id).where(User.username.is_(None)))
        db.session.remove()
    assert guest_id is not None
    kept = rows_of(mapp, guest_id)["review_log"]
    assert kept == 1  # the guest's q-flash: Ada had answered it herself
    assert delete_registered(device, "ada").status_code == 302
    assert rows_of(mapp, guest_id)["review_log"] == kept
    with mapp.app_context():
        quiz_ids = db.session.scalars(select(ReviewLog.quiz_id)).all()
        db.session.remove()
    assert quiz_ids == [None]


def test_a_guest_deletes_their_progress_with_a_ticked_box(mapp: Flask) -> None:
    guest = mapp.test_client()
    answer_current(guest)
    answer_quiz_question(guest)
    with mapp.app_context():
        guest_id = db.session.scalar(select(User.id))
        db.session.remove()
    assert guest_id is not None
    page = guest.get("/account/").get_data(as_text=True)
    assert 'type="checkbox" name="confirm_delete" value="yes" required' in page
    unticked = guest.post("/account/delete", data={})
    assert unticked.status_code == 400 and "Tick the box" in unticked.get_data(as_text=True)
    response = guest.post("/account/delete", data={"confirm_delete": "yes"})
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert set(rows_of(mapp, guest_id).values()) == {0}
    assert "nothing saved yet" in guest.get("/account/").get_data(as_text=True)


def test_a_visitor_has_nothing_to_delete(mapp: Flask) -> None:
    visitor = mapp.test_client()
    response = visitor.post("/account/delete", data={"confirm_delete": "yes"})
    assert response.status_code == 302 and response.headers["Location"] == "/account/"
    assert "nothing to delete" in visitor.get("/account/").get_data(as_text=True)
    assert "Delete my" not in visitor.get("/account/").get_data(as_text=True)


def test_a_teacher_with_classes_is_refused(mapp: Flask) -> None:
    make_teacher(mapp, "teacher")
    teacher = mapp.test_client()
    teacher_log_in(teacher, "teacher")
    page = teacher.get("/account/").get_data(as_text=True)
    assert 'name="confirm_username"' in page  # no classes yet: deletion is offered
    create_class(teacher)
    page = teacher.get("/account/").get_data(as_text=True)
    assert "delete or hand over your classes first" in page
    assert 'name="confirm_username"' not in page
    response = delete_registered(teacher, "teacher")
    assert response.status_code == 400
    assert "delete or hand over your classes first" in response.get_data(as_text=True)
    assert rows_of(mapp, user_id(mapp, "teacher"))["user_account"] == 1
    assert login(mapp, "teacher", PASSWORD) == 302


def test_profile_forms_need_the_csrf_token(make_app: Callable[..., Flask], deck_id: int) -> None:
    app = make_app(WTF_CSRF_ENABLED=True)
    ada = app.test_client()
    token = hidden_fields(ada.get("/account/register").get_data(as_text=True))["csrf_token"]
    registered = ada.post(
        "/account/register",
        data={"username": "ada", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": token},
    )
    assert registered.status_code == 302
    forged_change = change(ada, PASSWORD, NEW_PASSWORD)
    assert forged_change.status_code == 400
    assert "The form expired or came from another site" in forged_change.get_data(as_text=True)
    assert delete_registered(ada, "ada").status_code == 400
    assert rows_of(app, user_id(app, "ada"))["user_account"] == 1
    token = hidden_fields(ada.get("/account/").get_data(as_text=True))["csrf_token"]
    genuine = ada.post(
        "/account/delete",
        data={"confirm_username": "ada", "password": PASSWORD, "csrf_token": token},
    )
    assert genuine.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0
        db.session.remove()


def test_a_deleted_accounts_other_sessions_never_become_someone_elses(mapp: Flask) -> None:
    """Ada is logged in on two devices and deletes her account on one; the other device's
    cookie still names her user id. A learner created later must not inherit it."""
    # SQLite hands the highest deleted id out again: the session's creation stamp
    # (quizapp.web.auth.SINCE_KEY) is what keeps the laptop from becoming Eve's.
    phone, laptop = mapp.test_client(), mapp.test_client()
    register(phone, "ada")
    laptop_login = laptop.post("/account/login", data={"username": "ada", "password": PASSWORD})
    assert laptop_login.status_code == 302
    assert delete_registered(phone, "ada").status_code == 302
    register(mapp.test_client(), "eve")
    assert "Logged in as" not in laptop.get("/account/").get_data(as_text=True)


@pytest.mark.usefixtures("deck_id")
def test_a_cookie_from_before_the_stamp_keeps_its_guest(app: Flask) -> None:
    """Sessions signed before they carried the creation stamp still name their guest (who
    has no password to log in again), and get the stamp."""
    client = app.test_client()
    answer_current(client)
    with client.session_transaction() as cookie:
        uid = cookie["uid"]
        del cookie[SINCE_KEY]
    assert client.get("/stats").status_code == 200
    with client.session_transaction() as cookie:
        assert cookie["uid"] == uid and SINCE_KEY in cookie

"""Student pages: join a class (code + display name), the class page, taking an assignment
in the study answering UI, feedback (when the assignment shows answers), own results.

Students are the session's learner, as guests in the study pages: joining creates the
guest if needed, so the device remembers them. An optional password lets them come back
on another device with the code, their name and that password.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

from flask import current_app, flash, redirect, render_template, request, url_for
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from quizapp.classroom import access, assignments, attempts, classes
from quizapp.classroom.blueprint import bp
from quizapp.classroom.errors import ClassroomError, NotFound
from quizapp.db.base import db
from quizapp.db.classroom import Attempt, Classroom
from quizapp.db.models import Question, User
from quizapp.db.readonly import reads_only
from quizapp.db.sqlite import read_phase
from quizapp.domain.passwords import hash_password, verify_password
from quizapp.services import study
from quizapp.services.accounts import password_problem
from quizapp.services.decks import source_context
from quizapp.web import answer_views, answering, clock, throttle
from quizapp.web.auth import (
    current_user,
    end_sessions,
    log_in,
    session_learner_id,
    session_names,
)
from quizapp.web.extensions import limiter
from quizapp.web.helpers import study_settings


def _failed(response: Response) -> bool:
    return response.status_code >= 400


def assignment_member_id(user_id: int | None) -> int:
    """The member's id (``member_assignment`` already refused anybody else)."""
    if user_id is None:
        raise NotFound("no learner")
    return user_id


def _session_learner_id() -> int | None:
    """The learner id the session names, read without loading the learner: the attempt and
    membership queries below load that row along with what they look up, and ``_mine``
    then confirms it is the session's very learner (``quizapp.web.auth.SINCE_KEY``)."""
    return session_learner_id()


def _mine(user: User) -> None:
    if not session_names(user):
        raise NotFound("no learner")


def _attempt(attempt_id: int) -> Attempt:
    attempt = access.own_attempt(db.session, _session_learner_id(), attempt_id)
    _mine(attempt.user)
    return attempt


def _lookups_first() -> AbstractContextManager[None]:
    """SQLite has one write lock for the whole database, and a POST takes it with its first
    statement: the lookups run in a read transaction first (``quizapp.db.sqlite.read_phase``),
    so the lock is held only for the write. PostgreSQL keeps one transaction: its first
    query already locked the learner's row, and row locks do not hold up other students."""
    if db.session.get_bind().dialect.name == "sqlite":
        return read_phase(db.session())
    return nullcontext()


# --- joining -------------------------------------------------------------------------------


@bp.get("/classes/")
def home() -> str:
    user = current_user()
    memberships = classes.student_memberships(db.session, user.id) if user else []
    return render_template(
        "classroom/home.html", memberships=memberships, user=user, code="", name="", error=None
    )


@bp.get("/join")
@bp.get("/join/<code>")
def join_form(code: str = "") -> str:
    return render_template("classroom/join.html", code=code, name="", error=None)


# A whole class often shares one school address: only failed joins (typos, wrong
# passwords) count, and more are allowed than for logins; the password check stays bounded.
JOIN_RATE_LIMIT = "60 per minute;600 per hour"


def _join_limit() -> str:
    return str(current_app.config.get("CLASSROOM_JOIN_RATE_LIMIT", JOIN_RATE_LIMIT))


@bp.post("/join")
@limiter.limit(_join_limit, deduct_when=_failed)
@throttle.password_checks
def join() -> Response | tuple[str, int]:
    typed, name = request.form.get("code", ""), request.form.get("name", "")
    password = request.form.get("password", "")
    try:
        classroom = classes.by_code(db.session, typed)
    except ClassroomError as exc:
        return _join_again(typed, name, str(exc))
    user = current_user()
    # Only a password can make the name someone else's login; without one, join_class
    # checks the name itself (no second lookup).
    named = classes.member_named(db.session, classroom.id, name) if password else None
    if named is not None and (user is None or named.user_id != user.id):
        return _come_back(classroom, named.user_id, password, typed, name)
    try:
        membership = classes.join_class(
            db.session, user=user, classroom=classroom, display_name=name, now=clock.now()
        )
        db.session.commit()
    except (ClassroomError, IntegrityError) as exc:
        db.session.rollback()
        message = str(exc) if isinstance(exc, ClassroomError) else "That name was just taken."
        return _join_again(typed, name, message)
    if user is None:
        log_in(membership.user)
    return redirect(url_for("classroom.student_class", class_id=classroom.id))


def _come_back(
    classroom: Classroom, user_id: int, password: str, typed: str, name: str
) -> Response | tuple[str, int]:
    """Log in as the class member of that name, on another device, with their password."""
    target = db.session.get(User, user_id)
    stored = target.password_hash if target else None
    db.session.commit()  # end the read before the slow hash check
    account = throttle.account_key(user_id)
    throttle.check(account)
    wrong = target is None or not verify_password(stored, password)
    throttle.record(account, wrong=wrong, checked=True)
    if target is None or wrong:
        return _join_again(typed, name, "That name is taken, and the password does not match.")
    log_in(target)
    flash(f"Welcome back, {name.strip()}.", "success")
    return redirect(url_for("classroom.student_class", class_id=classroom.id))


def _join_again(code: str, name: str, error: str) -> tuple[str, int]:
    db.session.rollback()
    page = render_template("classroom/join.html", code=code, name=name, error=error)
    return page, 400


@bp.post("/classes/password")
@throttle.password_checks
def set_password() -> Response | tuple[str, int]:
    """Set (or change) the password a student comes back with. A learner who has a
    password already (a registered account, or set here before) types it first, and
    every other session of theirs ends."""
    password = request.form.get("password", "")
    problem = password_problem(password)
    if problem:
        raise ClassroomError(problem)
    if password != request.form.get("confirm", ""):
        raise ClassroomError("The two passwords differ.")
    with read_phase(db.session()):
        user = current_user()
        if user is None or not classes.student_memberships(db.session, user.id):
            raise NotFound("not a student")
    _check_current_password(user, request.form.get("current_password", ""))
    password_hash = hash_password(password)  # before the write transaction: it is slow
    classes.set_student_password(user, password_hash)
    end_sessions(user, keep_this_one=True)
    db.session.commit()
    flash("Password saved. On another device, join with the code, your name and it.", "success")
    return redirect(_same_site(request.form.get("back", "")) or url_for("classroom.home"))


def _check_current_password(user: User, typed: str) -> None:
    """A password already set must be typed before it is replaced (throttled like a login)."""
    if user.password_hash is None:
        return
    account = throttle.account_key(user.id)
    throttle.check(account)
    wrong = not verify_password(user.password_hash, typed)
    throttle.record(account, wrong=wrong, checked=True)
    if wrong:
        raise ClassroomError("Type your current password first: that one does not match.")


def _same_site(path: str) -> str | None:
    """Only a path on this site: a form field must never send a student elsewhere."""
    if path.startswith("/") and not path.startswith("//") and "\\" not in path:
        return path
    return None


# --- the class and its assignments -------------------------------------------------------------


@bp.get("/classes/<int:class_id>")
@reads_only
def student_class(class_id: int) -> str:
    membership = access.member_class(db.session, _session_learner_id(), class_id)
    _mine(membership.user)
    class_assignments = assignments.class_assignments(db.session, class_id)
    statuses = attempts.student_statuses(
        db.session, membership.user_id, class_assignments, clock.now()
    )
    return render_template(
        "classroom/student_class.html",
        membership=membership,
        classroom=membership.classroom,
        statuses=statuses,
        has_password=bool(membership.user.password_hash),
    )


@bp.post("/assignments/<int:assignment_id>/start")
def start(assignment_id: int) -> Response:
    learner = current_user()
    user_id = learner.id if learner else None
    assignment = access.member_assignment(db.session, user_id, assignment_id)
    attempt = attempts.start_or_resume(
        db.session,
        user_id=assignment_member_id(user_id),
        assignment=assignment,
        now=clock.now(),
        apart=bool(current_app.config["BURY_SIBLINGS"]),
    )
    db.session.commit()
    return redirect(url_for("classroom.take", attempt_id=attempt.id))


@bp.get("/attempts/<int:attempt_id>")
@reads_only
def take(attempt_id: int) -> str | Response:
    attempt = _attempt(attempt_id)
    now = clock.now()
    if attempts.is_over(attempt, now):
        return redirect(url_for("classroom.results", attempt_id=attempt.id))
    question, progress = attempts.next_question(db.session, attempt)
    if question is None:
        return redirect(url_for("classroom.results", attempt_id=attempt.id))
    reveal = request.args.get("reveal") == "1" and question.kind == "flashcard"
    previews = (
        study.card_preview(db.session, attempt.user_id, question.id, now, study_settings())
        if reveal
        else {}
    )
    # The deck row carries the whole article: load it only to show a flashcard's source.
    deck = attempt.assignment.deck if reveal else None
    return render_template(
        "classroom/question.html",
        attempt=attempt,
        assignment=attempt.assignment,
        deck=deck,
        progress=progress,
        **answer_views.question_fields(
            deck,
            question,
            reveal=reveal,
            previews=previews,
            answer_url=url_for("classroom.answer", attempt_id=attempt.id),
            reveal_url=url_for("classroom.take", attempt_id=attempt.id, reveal=1),
        ),
    )


@bp.post("/attempts/<int:attempt_id>/answer")
def answer(attempt_id: int) -> Response:
    with _lookups_first():
        # PostgreSQL: the learner's row is locked with the attempt's lookup (answering needs
        # the lock anyway). SQLite drops FOR UPDATE: a plain read there.
        question_id = request.form.get("question_id", "")
        attempt, question = access.own_attempt_and_question(
            db.session, _session_learner_id(), attempt_id, question_id
        )
        _mine(attempt.user)
        if question is None or question_id not in attempt.question_ids:
            raise NotFound(question_id)
        posted, settings = answering.answer_for(question), study_settings()
    now = clock.now()
    result = attempts.answer(  # re-reads under the lock what decides acceptance
        db.session, attempt=attempt, answer=posted, now=now, settings=settings, learner_locked=True
    )
    db.session.commit()
    if attempt.assignment.answers_visible(now) and question.kind != "flashcard":
        return redirect(
            url_for("classroom.feedback", attempt_id=attempt.id, review_id=result.review_id)
        )
    flash("Answer saved.", "info")
    return redirect(url_for("classroom.take", attempt_id=attempt.id))


@bp.get("/attempts/<int:attempt_id>/answers/<int:review_id>")
@reads_only
def feedback(attempt_id: int, review_id: int) -> str | Response:
    attempt = _attempt(attempt_id)
    log = attempts.review_of(db.session, attempt, review_id)
    now = clock.now()
    if not attempt.assignment.answers_visible(now):
        return redirect(url_for("classroom.take", attempt_id=attempt.id))
    deck = attempt.assignment.deck
    over = attempts.is_over(attempt, now)
    return render_template(
        "classroom/feedback.html",
        attempt=attempt,
        assignment=attempt.assignment,
        deck=deck,
        log=log,
        context=source_context(deck, log.question),
        rerates=[],
        rate_url=None,
        undo_url=None,
        continue_url=url_for(
            "classroom.results" if over else "classroom.take", attempt_id=attempt.id
        ),
        answered=attempts.answered_count(db.session, attempt),
    )


@bp.get("/attempts/<int:attempt_id>/results")
@reads_only
def results(attempt_id: int) -> str:
    attempt = _attempt(attempt_id)
    now = clock.now()
    assignment = attempt.assignment
    done = attempts.answers(db.session, attempt)
    questions = [db.session.get(Question, qid) for qid in attempt.question_ids]
    visible = assignment.answers_visible(now)
    return render_template(
        "classroom/results.html",
        attempt=attempt,
        assignment=assignment,
        deck=assignment.deck,
        rows=[(q, done.get(q.id)) for q in questions if q is not None],
        correct=sum(1 for log in done.values() if log.correct),
        left=len(attempt.question_ids) - len(done),
        can_continue=not attempts.is_over(attempt, now)
        and attempts.next_question(db.session, attempt)[0] is not None,
        visible=visible,
        contexts={q.id: source_context(assignment.deck, q) for q in questions if q and visible},
        status=attempts.student_status(db.session, attempt.user_id, assignment, now),
        over=attempts.is_over(attempt, now),
    )

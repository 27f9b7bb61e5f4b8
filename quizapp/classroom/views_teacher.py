"""Teacher pages: sign-up, dashboard, class page (code, link, QR, projector, rename, remove a
student), assignments (create, change the closing time, close, delete), reports (live
progress, item analysis, CSV). Each view parses input, calls one service, commits once,
renders or redirects. Destructive actions ask first on a page of their own (no script
needed) and act only on a POST with ``confirm=yes``. Access rules:
``quizapp.classroom.access``."""

from __future__ import annotations

from dataclasses import asdict

from flask import (
    Response,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response as BaseResponse

from quizapp.classroom import access, assignments, classes, csv_export, forms, qr, report
from quizapp.classroom import report_data as data
from quizapp.classroom.blueprint import bp
from quizapp.classroom.errors import ClassroomError
from quizapp.db.base import db
from quizapp.db.classroom import Assignment, Classroom
from quizapp.db.models import Deck, User
from quizapp.domain.passwords import hash_password
from quizapp.services import accounts
from quizapp.services import decks as deck_service
from quizapp.services.deck_access import visible_to
from quizapp.web import clock
from quizapp.web.auth import current_user, log_in
from quizapp.web.extensions import limiter

POLL_SECONDS = 5  # default; CLASSROOM_POLL_SECONDS overrides it


def _teacher() -> User:
    return access.teacher_only(current_user())


def _class(class_id: int) -> Classroom:
    return access.teacher_class(db.session, current_user(), class_id)


def _assignment(assignment_id: int) -> Assignment:
    return access.teacher_assignment(db.session, current_user(), assignment_id)


def join_url(classroom: Classroom) -> str:
    return url_for("classroom.join_form", code=classroom.join_code, _external=True)


# --- sign-up and dashboard -----------------------------------------------------------------


@bp.route("/teach/signup", methods=["GET", "POST"])
@limiter.limit(lambda: str(current_app.config["REGISTER_RATE_LIMIT"]), methods=["POST"])
def teacher_signup() -> str | BaseResponse | tuple[str, int]:
    user = current_user()
    if user is not None and user.is_teacher:
        return redirect(url_for("classroom.dashboard"))
    if request.method == "GET":
        return render_template("classroom/signup.html", errors={}, form={}, user=user)
    if user is not None and not user.is_guest:  # a registered learner turns teacher on
        user.is_teacher = True
        db.session.commit()
        flash("Teacher features are on for your account.", "success")
        return redirect(url_for("classroom.dashboard"))
    return _register_teacher()


def _register_teacher() -> BaseResponse | tuple[str, int]:
    form = request.form
    username, password = form.get("username", ""), form.get("password", "")
    errors = accounts.registration_problems(username, password, form.get("confirm", ""))
    if errors:
        return render_template("classroom/signup.html", errors=errors, form=form, user=None), 400
    password_hash = hash_password(password)  # before the write transaction: it is slow
    try:
        user = accounts.register(db.session, current_user(), username, password_hash)
        user.is_teacher = True
        db.session.commit()
    except (accounts.AccountError, IntegrityError) as exc:
        db.session.rollback()
        message = str(exc) if isinstance(exc, accounts.AccountError) else "That username is taken."
        errors = {"username": message}
        return render_template("classroom/signup.html", errors=errors, form=form, user=None), 400
    log_in(user)
    flash("Teacher account created. Create your first class.", "success")
    return redirect(url_for("classroom.dashboard"))


@bp.get("/teach/")
def dashboard() -> str:
    teacher = _teacher()
    summaries = classes.teacher_classes(db.session, teacher.id)
    return render_template("classroom/dashboard.html", summaries=summaries)


@bp.post("/teach/classes")
def create_class() -> BaseResponse | tuple[str, int]:
    teacher = _teacher()
    try:
        classroom = classes.create_class(
            db.session, teacher=teacher, name=request.form.get("name", ""), now=clock.now()
        )
    except ClassroomError as exc:
        db.session.rollback()
        summaries = classes.teacher_classes(db.session, teacher.id)
        page = render_template(
            "classroom/dashboard.html", summaries=summaries, error=str(exc), name=""
        )
        return page, 400
    db.session.commit()
    return redirect(url_for("classroom.class_page", class_id=classroom.id))


# --- one class -----------------------------------------------------------------------------


@bp.get("/teach/classes/<int:class_id>")
def class_page(class_id: int) -> str:
    return _class_page(_class(class_id))


def _class_page(classroom: Classroom, **extra: object) -> str:
    return render_template(
        "classroom/class.html",
        classroom=classroom,
        join_url=join_url(classroom),
        members=classes.members(db.session, classroom.id),
        assignments=assignments.class_assignments(db.session, classroom.id),
        now=clock.now(),
        **extra,
    )


@bp.post("/teach/classes/<int:class_id>/name")
def rename_class(class_id: int) -> BaseResponse | tuple[str, int]:
    classroom = _class(class_id)
    typed = request.form.get("name", "")
    try:
        classes.rename_class(db.session, classroom, typed)
    except ClassroomError as exc:
        db.session.rollback()
        return _class_page(classroom, rename_error=str(exc), rename_value=typed), 400
    db.session.commit()
    flash("The class is renamed.", "success")
    return redirect(url_for("classroom.class_page", class_id=class_id))


@bp.route("/teach/classes/<int:class_id>/students/<int:user_id>/remove", methods=["GET", "POST"])
def remove_student(class_id: int, user_id: int) -> str | BaseResponse | tuple[str, int]:
    classroom = _class(class_id)
    student = access.class_student(db.session, classroom, user_id)
    if not _confirmed():
        return _confirm_page(
            "remove_student",
            title=f"Remove {student.display_name} from {classroom.name}?",
            cancel=url_for("classroom.class_page", class_id=class_id),
            button=f"Remove {student.display_name}",
            action=url_for("classroom.remove_student", class_id=class_id, user_id=user_id),
        )
    name = student.display_name
    classes.remove_student(db.session, classroom, user_id)
    db.session.commit()
    flash(f"{name} is no longer in the class.", "success")
    return redirect(url_for("classroom.class_page", class_id=class_id))


def _confirmed() -> bool:
    return request.method == "POST" and request.form.get("confirm") == "yes"


def _confirm_page(what: str, **fields: str) -> str | tuple[str, int]:
    """The "are you sure?" page; a POST without ``confirm=yes`` gets it again, as a 400."""
    page = render_template(
        "classroom/confirm.html", what=what, unconfirmed=request.method == "POST", **fields
    )
    return (page, 400) if request.method == "POST" else page


@bp.get("/teach/classes/<int:class_id>/projector")
def projector(class_id: int) -> str:
    classroom = _class(class_id)
    count = len(classes.members(db.session, classroom.id))
    return render_template(
        "classroom/projector.html", classroom=classroom, join_url=join_url(classroom), count=count
    )


@bp.get("/teach/classes/<int:class_id>/joined.json")
def joined_json(class_id: int) -> Response:
    """How many students joined, for the projector page's live count."""
    classroom = _class(class_id)
    response = jsonify(joined=len(classes.members(db.session, classroom.id)))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/teach/classes/<int:class_id>/qr.svg")
def qr_code(class_id: int) -> Response:
    classroom = _class(class_id)
    svg = qr.qr_svg(join_url(classroom))
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "no-store"})


@bp.post("/teach/classes/<int:class_id>/code")
def rotate_code(class_id: int) -> BaseResponse:
    classroom = _class(class_id)
    classes.rotate_code(db.session, classroom)
    db.session.commit()
    flash("New join code. The old one no longer works.", "success")
    return redirect(url_for("classroom.class_page", class_id=classroom.id))


@bp.post("/teach/classes/<int:class_id>/joining")
def set_joining(class_id: int) -> BaseResponse:
    classroom = _class(class_id)
    is_open = request.form.get("open") == "1"
    classes.set_joining(db.session, classroom, is_open)
    db.session.commit()
    flash("Joining is open." if is_open else "Joining is closed.", "info")
    return redirect(url_for("classroom.class_page", class_id=classroom.id))


# --- assignments -----------------------------------------------------------------------------


@bp.route("/teach/classes/<int:class_id>/assignments/new", methods=["GET", "POST"])
def new_assignment(class_id: int) -> str | BaseResponse | tuple[str, int]:
    classroom = _class(class_id)
    # The teacher's own decks (private ones included) and every public deck.
    visible = visible_to(current_user().id)  # type: ignore[union-attr]
    decks = list(db.session.scalars(db.select(Deck).where(visible).order_by(Deck.name)))
    if not decks:
        raise ClassroomError("There is no deck yet; import one with: quizapp import BANK")
    deck = _chosen_deck(decks)
    sections = deck_service.sections(db.session, deck.id)
    zone = str(current_app.config.get("CLASSROOM_TIMEZONE", "UTC"))
    now = clock.now()
    if request.method == "GET":
        values = forms.defaults(now, zone)
        return _assignment_form(classroom, decks, deck, sections, values, {})
    spec, errors = forms.parse(
        request.form,
        {k: request.form.getlist(k) for k in ("kinds", "sections")},
        deck_id=deck.id,
        deck_sections=[name for name, _ in sections],
        now=now,
        default_zone=zone,
    )
    if spec is None:
        return _assignment_form(classroom, decks, deck, sections, _echo(), errors), 400
    try:
        assignment = assignments.create_assignment(
            db.session, classroom=classroom, spec=spec, now=now
        )
    except ClassroomError as exc:
        db.session.rollback()
        errors = {"form": str(exc)}
        return _assignment_form(classroom, decks, deck, sections, _echo(), errors), 400
    db.session.commit()
    flash("Assignment created. Students see it on their class page.", "success")
    return redirect(url_for("classroom.report_page", assignment_id=assignment.id))


def _chosen_deck(decks: list[Deck]) -> Deck:
    wanted = request.values.get("deck", "")
    return next((d for d in decks if d.slug == wanted), decks[0])


def _echo() -> dict[str, object]:
    form = request.form
    values: dict[str, object] = {k: form.get(k, "") for k in form}
    values["kinds"] = form.getlist("kinds")
    values["sections"] = form.getlist("sections")
    return values


def _assignment_form(
    classroom: Classroom,
    decks: list[Deck],
    deck: Deck,
    sections: list[tuple[str, int]],
    values: dict[str, object],
    errors: dict[str, str],
) -> str:
    return render_template(
        "classroom/assignment_form.html",
        classroom=classroom,
        decks=decks,
        deck=deck,
        sections=sections,
        values=values,
        errors=errors,
        kinds=assignments.KINDS,
    )


# --- reports ----------------------------------------------------------------------------------


@bp.get("/teach/assignments/<int:assignment_id>")
def report_page(assignment_id: int) -> str:
    assignment = _assignment(assignment_id)
    loaded = data.load(db.session, assignment)
    counted = report.counted_attempts(loaded.attempts)
    now = clock.now()
    return render_template(
        "classroom/report.html",
        assignment=assignment,
        classroom=assignment.classroom,
        progress=report.progress(loaded.students, loaded.attempts, assignment.is_closed(now)),
        items=report.item_analysis(loaded.questions, counted),
        sections=report.section_mastery(loaded.questions, counted),
        counted=counted,
        group_size=report.group_size(len(counted)),
        poll_seconds=int(current_app.config.get("CLASSROOM_POLL_SECONDS", POLL_SECONDS)),
        now=now,
    )


@bp.post("/teach/assignments/<int:assignment_id>/close")
def close_assignment(assignment_id: int) -> BaseResponse:
    assignment = _assignment(assignment_id)
    assignments.close_now(db.session, assignment, clock.now())
    db.session.commit()
    flash("The assignment is closed: no more answers are accepted.", "info")
    return redirect(url_for("classroom.report_page", assignment_id=assignment.id))


@bp.route("/teach/assignments/<int:assignment_id>/closing", methods=["GET", "POST"])
def change_closing(assignment_id: int) -> str | BaseResponse | tuple[str, int]:
    assignment = _assignment(assignment_id)
    if request.method == "GET":
        closes_at = assignment.closes_at
        value = forms.local_value(closes_at, assignment.timezone) if closes_at else ""
        return _closing_form(assignment, value, None)
    typed = request.form.get("closes_at", "")
    closes_at, error = forms.parse_closing(typed, assignment.timezone)
    if error is None:
        try:
            assignments.set_closing(db.session, assignment, closes_at)
        except ClassroomError as exc:
            db.session.rollback()
            error = str(exc)
    if error is not None:
        return _closing_form(assignment, typed, error), 400
    db.session.commit()
    flash("The closing time is saved.", "success")
    return redirect(url_for("classroom.report_page", assignment_id=assignment_id))


def _closing_form(assignment: Assignment, value: str, error: str | None) -> str:
    return render_template(
        "classroom/closing.html",
        assignment=assignment,
        classroom=assignment.classroom,
        value=value,
        error=error,
        now=clock.now(),
    )


@bp.route("/teach/assignments/<int:assignment_id>/delete", methods=["GET", "POST"])
def delete_assignment(assignment_id: int) -> str | BaseResponse | tuple[str, int]:
    assignment = _assignment(assignment_id)
    class_id = assignment.class_id
    if not _confirmed():
        return _confirm_page(
            "delete_assignment",
            title=f"Delete the assignment “{assignment.title}”?",
            cancel=url_for("classroom.report_page", assignment_id=assignment_id),
            button="Delete the assignment",
            action=url_for("classroom.delete_assignment", assignment_id=assignment_id),
        )
    assignments.delete_assignment(db.session, assignment)
    db.session.commit()
    flash("The assignment is deleted, with its attempts and answers.", "success")
    return redirect(url_for("classroom.class_page", class_id=class_id))


@bp.get("/teach/assignments/<int:assignment_id>/progress.json")
def progress_json(assignment_id: int) -> Response:
    assignment = _assignment(assignment_id)
    loaded = data.load(db.session, assignment)
    rows = report.progress(loaded.students, loaded.attempts, assignment.is_closed(clock.now()))
    response = jsonify(
        students=[asdict(row) for row in rows],
        joined=len(rows),
        started=sum(1 for r in rows if r.status != "not started"),
        finished=sum(1 for r in rows if r.status == "finished"),
    )
    response.headers["Cache-Control"] = "no-store"  # students' scores: never cached
    return response


@bp.get("/teach/assignments/<int:assignment_id>/results.csv")
def results_csv(assignment_id: int) -> Response:
    assignment = _assignment(assignment_id)
    loaded = data.load(db.session, assignment)
    counted = report.counted_attempts(loaded.attempts)
    text = csv_export.to_csv(csv_export.rows(loaded.questions, counted))
    filename = f"assignment-{assignment.id}-results.csv"
    return Response(
        text.encode("utf-8"),
        mimetype="text/csv",
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@bp.get("/teach/assignments/<int:assignment_id>/students/<int:user_id>")
def student_report(assignment_id: int, user_id: int) -> str:
    assignment = _assignment(assignment_id)
    student = access.class_student(db.session, assignment.classroom, user_id)
    loaded = data.load(db.session, assignment, user_id=user_id)
    return render_template(
        "classroom/student_report.html",
        assignment=assignment,
        classroom=assignment.classroom,
        student=student,
        attempts=loaded.attempts,
        questions=loaded.questions,
        response_text=report.response_text,
    )

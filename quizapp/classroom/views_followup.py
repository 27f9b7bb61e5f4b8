"""After an assignment: "retry missed" for a student, "re-teach" for the teacher.

* A student whose results are visible may practise the questions they missed (wrong or
  unanswered) as a self-quiz: the assignment, its attempts and its report stay as they
  were; the answers feed the student's own schedule like any quiz.
* The teacher's re-teach page lists the questions the class missed, most missed first,
  each with its answer and its source sentence (linked into the article).
"""

from __future__ import annotations

from flask import redirect, render_template, url_for
from werkzeug.wrappers import Response

from quizapp.classroom import access, attempts, report
from quizapp.classroom import report_data as data
from quizapp.classroom.blueprint import bp
from quizapp.classroom.errors import ClassroomError, NotFound
from quizapp.db.base import db
from quizapp.services import quiz as quiz_service
from quizapp.web import clock
from quizapp.web.auth import current_user, session_learner_id, session_names


def missed_questions(attempt_answers: dict[str, bool], question_ids: list[str]) -> list[str]:
    """The attempt's questions not answered right, in the attempt's order."""
    return [qid for qid in question_ids if not attempt_answers.get(qid, False)]


@bp.post("/attempts/<int:attempt_id>/retry-missed")
def retry_missed(attempt_id: int) -> Response:
    attempt = access.own_attempt(db.session, session_learner_id(), attempt_id)
    if not session_names(attempt.user):
        raise NotFound("no learner")
    now = clock.now()
    if not attempt.assignment.answers_visible(now):
        raise ClassroomError("You can retry your missed questions once the answers are shown.")
    done = {qid: log.correct for qid, log in attempts.answers(db.session, attempt).items()}
    quiz = quiz_service.create_custom_quiz(
        db.session,
        user_id=attempt.user_id,
        deck_id=attempt.assignment.deck_id,
        question_ids=missed_questions(done, attempt.question_ids),
        now=now,
    )
    db.session.commit()
    return redirect(url_for("quiz.take", quiz_id=quiz.id))


@bp.get("/teach/assignments/<int:assignment_id>/reteach")
def reteach(assignment_id: int) -> str:
    assignment = access.teacher_assignment(db.session, current_user(), assignment_id)
    loaded = data.load(db.session, assignment)
    items = report.item_analysis(loaded.questions, report.counted_attempts(loaded.attempts))
    missed = sorted(
        (i for i in items if i.answered > i.correct),
        key=lambda i: (-(i.answered - i.correct), i.question.position),
    )
    return render_template(
        "classroom/reteach.html",
        assignment=assignment,
        classroom=assignment.classroom,
        missed=missed,
        answered=any(i.answered for i in items),
    )

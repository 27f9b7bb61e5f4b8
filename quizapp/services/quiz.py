"""Quiz mode (self-test): N questions drawn from a deck or chosen sections, answered once
each, scored at the end with the mistakes listed. Answers go through
``study.submit_answer`` (source "quiz"), so they feed the learner's schedule too."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from quizapp.models import Question, Quiz, ReviewLog
from quizapp.services.dbsession import DbSession
from quizapp.services.settings import StudySettings
from quizapp.services.study import AnswerResult, NotFound, Response, StudyError, submit_answer

MAX_QUESTIONS = 100


@dataclass(frozen=True)
class QuizResults:
    quiz: Quiz
    answered: int
    correct: int
    mistakes: list[tuple[Question, ReviewLog]]

    @property
    def total(self) -> int:
        return len(self.quiz.question_ids)

    @property
    def percent(self) -> int:
        return round(100 * self.correct / self.total) if self.total else 0


def create_quiz(
    session: DbSession,
    *,
    user_id: int,
    deck_id: int,
    count: int,
    sections: list[str],
    now: datetime,
    rng: random.Random | None = None,
) -> Quiz:
    """Pick ``count`` active questions at random (from ``sections`` if given)."""
    if not 1 <= count <= MAX_QUESTIONS:
        raise StudyError(f"a quiz has 1 to {MAX_QUESTIONS} questions")
    query = select(Question.id).where(Question.deck_id == deck_id, Question.retired_at.is_(None))
    if sections:
        query = query.where(Question.section.in_(sections))
    pool = sorted(session.scalars(query))
    if not pool:
        raise StudyError("there are no questions in the chosen sections")
    chosen = (rng or random.Random()).sample(pool, min(count, len(pool)))
    quiz = Quiz(
        user_id=user_id,
        deck_id=deck_id,
        question_ids=chosen,
        sections=sorted(sections),
        created_at=now,
    )
    session.add(quiz)
    session.flush()
    return quiz


def get_quiz(session: DbSession, user_id: int | None, quiz_id: int) -> Quiz:
    """The learner's own quiz; anybody else's is NotFound."""
    quiz = session.get(Quiz, quiz_id)
    if quiz is None or user_id is None or quiz.user_id != user_id:
        raise NotFound(quiz_id)
    return quiz


def answers(session: DbSession, quiz: Quiz) -> dict[str, ReviewLog]:
    logs = session.scalars(
        select(ReviewLog)
        .where(ReviewLog.quiz_id == quiz.id, ReviewLog.undone_at.is_(None))
        .order_by(ReviewLog.id)
    )
    return {log.question_id: log for log in logs}


def next_question(session: DbSession, quiz: Quiz) -> tuple[Question | None, int]:
    """The first unanswered question and its 1-based position (None when finished)."""
    done = answers(session, quiz)
    for position, qid in enumerate(quiz.question_ids, 1):
        if qid not in done:
            return session.get(Question, qid), position
    return None, len(quiz.question_ids)


def answer_question(
    session: DbSession,
    *,
    quiz: Quiz,
    question_id: str,
    answer_key: str,
    response: Response,
    now: datetime,
    settings: StudySettings,
    duration_ms: int | None = None,
) -> AnswerResult:
    """Answer one question of the quiz, once (a retried key returns the first result)."""
    if question_id not in quiz.question_ids:
        raise NotFound(question_id)
    earlier = answers(session, quiz).get(question_id)
    if earlier is not None and earlier.answer_key != answer_key:
        raise StudyError("this question of the quiz is already answered")
    result = submit_answer(
        session,
        user_id=quiz.user_id,
        question_id=question_id,
        answer_key=answer_key,
        response=response,
        now=now,
        settings=settings,
        source="quiz",
        quiz_id=quiz.id,
        duration_ms=duration_ms,
    )
    if quiz.finished_at is None and len(answers(session, quiz)) == len(quiz.question_ids):
        quiz.finished_at = now
    session.flush()
    return result


def results(session: DbSession, quiz: Quiz) -> QuizResults:
    done = answers(session, quiz)
    mistakes = [
        (log.question, log)
        for qid in quiz.question_ids
        if (log := done.get(qid)) and not log.correct
    ]
    return QuizResults(
        quiz=quiz,
        answered=len(done),
        correct=sum(1 for log in done.values() if log.correct),
        mistakes=mistakes,
    )

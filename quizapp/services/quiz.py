"""Quiz mode (self-test): N questions drawn from a deck or chosen sections, answered once
each, scored at the end with the mistakes listed. Answers go through
``study.submit_answer`` (source "quiz"), so they feed the learner's schedule too.

A quiz's question list is fixed when it starts, but re-importing a deck may retire some of
them meanwhile. ``submit_answer`` refuses retired questions, so a quiz *skips* a retired
question it has not answered yet: ``next_question`` passes over it, ``answer_question``
raises ``QuestionRetired`` (a friendly message, not a 404), and the score leaves it out.
An answer given before the question was retired still counts."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from quizapp.db.models import Question, Quiz, ReviewLog
from quizapp.db.session import DbSession
from quizapp.domain import siblings
from quizapp.services import draws
from quizapp.services.settings import StudySettings
from quizapp.services.study import Answer, AnswerResult, NotFound, StudyError, submit_answer

MAX_QUESTIONS = 100
RETIRED_MESSAGE = "This question was removed from the deck; it is skipped."


class QuestionRetired(Exception):
    """The question was retired from its deck after the quiz started: the answer is refused
    and the learner goes on with the next question. The quiz may have been marked finished
    (it was the last open question), so the caller commits before showing the message."""

    def __init__(self, question_id: str) -> None:
        super().__init__(RETIRED_MESSAGE)
        self.question_id = question_id


@dataclass(frozen=True)
class QuizResults:
    quiz: Quiz
    answered: int
    correct: int
    mistakes: list[tuple[Question, ReviewLog]]
    skipped: int = 0  # unanswered questions retired from the deck since the quiz started

    @property
    def total(self) -> int:
        return len(self.quiz.question_ids) - self.skipped

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
    buried_since: datetime | None = None,
) -> Quiz:
    """Pick ``count`` active questions at random (from ``sections`` if given). With
    ``buried_since`` (the start of the learner's study day; None when siblings are not
    buried) never two siblings, and the siblings of questions answered since then wait
    while enough others are left."""
    if not 1 <= count <= MAX_QUESTIONS:
        raise StudyError(f"a quiz has 1 to {MAX_QUESTIONS} questions")
    pool = draws.origins(session, deck_id, sections)
    if not pool:
        raise StudyError("there are no questions in the chosen sections")
    rng = rng or random.Random()
    if buried_since is None:  # siblings not buried (BURY_SIBLINGS off): any questions
        chosen = rng.sample(sorted(o.id for o in pool), min(count, len(pool)))
    else:
        answered = draws.answered_since(session, user_id, deck_id, buried_since)
        pool = draws.without_buried(pool, answered, count)
        chosen = siblings.draw(pool, count, rng.getrandbits(31))
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


def create_custom_quiz(
    session: DbSession, *, user_id: int, deck_id: int, question_ids: list[str], now: datetime
) -> Quiz:
    """A quiz of exactly these questions (the cards missed today, an assignment's missed
    questions), in this order: those not active in the deck are left out."""
    active = {o.id for o in draws.origins(session, deck_id)}
    chosen = [qid for qid in dict.fromkeys(question_ids) if qid in active][:MAX_QUESTIONS]
    if not chosen:
        raise StudyError("there are no questions to practise")
    quiz = Quiz(user_id=user_id, deck_id=deck_id, question_ids=chosen, sections=[], created_at=now)
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
    """The first unanswered question still in the deck and its 1-based position (None
    when finished: every question is answered or retired)."""
    done = answers(session, quiz)
    for position, qid in enumerate(quiz.question_ids, 1):
        if qid not in done:
            question = session.get(Question, qid)
            if question is not None and question.retired_at is None:
                return question, position
    return None, len(quiz.question_ids)


def _skipped(session: DbSession, quiz: Quiz, done: dict[str, ReviewLog]) -> set[str]:
    """The quiz's unanswered questions that have been retired (or deleted) since it began."""
    unanswered = [qid for qid in quiz.question_ids if qid not in done]
    if not unanswered:
        return set()
    active = set(
        session.scalars(
            select(Question.id).where(Question.id.in_(unanswered), Question.retired_at.is_(None))
        )
    )
    return {qid for qid in unanswered if qid not in active}


def _finish_if_done(session: DbSession, quiz: Quiz, now: datetime) -> None:
    """Mark the quiz finished once every question is answered or skipped."""
    if quiz.finished_at is not None:
        return
    done = answers(session, quiz)
    if len(done) + len(_skipped(session, quiz, done)) >= len(quiz.question_ids):
        quiz.finished_at = now


def answer_question(
    session: DbSession,
    *,
    quiz: Quiz,
    answer: Answer,
    now: datetime,
    settings: StudySettings,
) -> AnswerResult:
    """Answer one question of the quiz, once (a retried key returns the first result).

    A question retired since the quiz started raises ``QuestionRetired`` (see module
    docstring); commit anyway, since the quiz may have just been finished."""
    question_id = answer.question_id
    if question_id not in quiz.question_ids:
        raise NotFound(question_id)
    earlier = answers(session, quiz).get(question_id)
    if earlier is not None and earlier.answer_key != answer.answer_key:
        raise StudyError("this question of the quiz is already answered")
    try:
        result = submit_answer(
            session,
            user_id=quiz.user_id,
            answer=answer,
            now=now,
            settings=settings,
            source="quiz",
            quiz_id=quiz.id,
        )
    except NotFound:
        # submit_answer says NotFound for a retired question (study has no reason to tell
        # them apart); inside a quiz that started before the retirement it is no error.
        question = session.get(Question, question_id)
        if question is None or question.retired_at is None:
            raise
        _finish_if_done(session, quiz, now)
        session.flush()
        raise QuestionRetired(question_id) from None
    _finish_if_done(session, quiz, now)
    session.flush()
    return result


def results(session: DbSession, quiz: Quiz) -> QuizResults:
    """The score over the questions answered or still to answer (skipped ones left out)."""
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
        skipped=len(_skipped(session, quiz, done)),
    )

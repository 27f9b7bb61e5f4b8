"""Studying: which card comes next, and what answering, re-rating and undoing do.

Order of a session (per learner, per deck), as in Anki: cards due now (earliest first),
then new cards in deck order up to the daily limit, then — when nothing else is left —
learning cards due within the learn-ahead window, so a card answered Again comes back in
the same session.

``submit_answer`` is idempotent by the client's ``answer_key``: a retried key returns the
original result (``replayed=True``) and changes nothing. On PostgreSQL the learner's row
is locked first so two answers of the same learner never interleave; on SQLite the write
transaction is already ``BEGIN IMMEDIATE``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Boolean, and_, bindparam, case, exists, func, insert, literal, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement, Select

from questions.model import Kind
from quizapp.db.classroom import AttemptAnswer
from quizapp.db.models import CardState, Question, ReviewLog, User
from quizapp.db.session import DbSession
from quizapp.domain import grading, scheduler
from quizapp.domain.scheduler import CardSnapshot, Rating, State
from quizapp.domain.timezones import local_day_start
from quizapp.services.held_back import held_back_by
from quizapp.services.settings import StudySettings

SOURCES = ("study", "quiz", "classroom")
MAX_RESPONSE_CHARS = 500
MAX_DURATION_MS = 10 * 60 * 1000


class StudyError(ValueError):
    """The request cannot be carried out (bad response shape, wrong deck, …): a 400."""


class NotFound(LookupError):
    """No such question/review for this learner: a 404 (also for other learners' data)."""


@dataclass(frozen=True)
class Response:
    """What the learner did: picked an option, typed words, or (flashcards) rated themselves."""

    chosen: int | None = None
    typed: str | None = None
    rating: Rating | None = None


@dataclass(frozen=True)
class Answer:
    """One answer as the learner sent it: the question, the form's idempotency key, the
    response, and how long they took (ms, when the client says)."""

    question_id: str
    answer_key: str
    response: Response
    duration_ms: int | None = None


@dataclass(frozen=True)
class AnswerResult:
    review_id: int
    question: Question
    correct: bool
    near_miss: bool
    rating: Rating
    response: str | None
    due: datetime
    replayed: bool
    source: str
    reviewed_at: datetime


@dataclass(frozen=True)
class QueueCounts:
    due: int
    new: int
    learning_soon: int
    done_today: int

    @property
    def remaining(self) -> int:
        return self.due + self.new + self.learning_soon

    @property
    def total(self) -> int:
        return self.done_today + self.remaining


def day_start(now: datetime, hour: int, zone: str = "UTC") -> datetime:
    """Start (UTC) of the learner's study day containing ``now``: days roll over at ``hour``
    o'clock in the learner's time zone ``zone``."""
    return local_day_start(now, hour, zone)


def next_card(
    session: DbSession, user_id: int | None, deck_id: int, now: datetime, settings: StudySettings
) -> Question | None:
    """The next question to study, or None when the session is over for today."""
    if user_id is None:  # a visitor: no cards yet, only new questions
        if settings.new_per_day <= 0:
            return None
        return session.scalar(_FIRST_QUESTION, {"deck_id": deck_id})
    params = _today_params(user_id, deck_id, now, settings)
    params.update(now=now, until=now + settings.learn_ahead, new_per_day=settings.new_per_day)
    params["bury"] = settings.bury_siblings
    return session.scalar(_NEXT_CARD, params)


def queue_counts(
    session: DbSession, user_id: int | None, deck_id: int, now: datetime, settings: StudySettings
) -> QueueCounts:
    """What is left today, for the progress bar ("7 of 23") and the deck list.

    Two aggregate queries (the deck's questions with this learner's cards; today's study
    answers) instead of one count query per number."""
    params = {
        "user_id": user_id,
        "deck_id": deck_id,
        "now": now,
        "until": now + settings.learn_ahead,
        "day_start": day_start(now, settings.day_starts_at_hour, settings.time_zone),
        "bury": settings.bury_siblings,
    }
    new_available, due, soon = session.execute(_CARD_COUNTS, params).one()
    if user_id is None:
        return QueueCounts(
            due=0, new=min(new_available or 0, settings.new_per_day), learning_soon=0, done_today=0
        )
    done, introduced = session.execute(
        _STUDY_TODAY, _today_params(user_id, deck_id, now, settings)
    ).one()
    new_left = max(0, settings.new_per_day - (introduced or 0))
    return QueueCounts(
        due=due or 0,
        new=min(new_available or 0, new_left),
        learning_soon=soon or 0,
        done_today=done or 0,
    )


def new_left_today(
    session: DbSession, user_id: int | None, deck_id: int, now: datetime, settings: StudySettings
) -> int:
    """New cards the learner may still start today in this deck (study sessions only)."""
    if user_id is None:
        return settings.new_per_day
    introduced = session.scalar(_INTRODUCED_TODAY, _today_params(user_id, deck_id, now, settings))
    return max(0, settings.new_per_day - (introduced or 0))


def submit_answer(
    session: DbSession,
    *,
    user_id: int,
    answer: Answer,
    now: datetime,
    settings: StudySettings,
    source: str = "study",
    quiz_id: int | None = None,
    learner_locked: bool = False,
) -> AnswerResult:
    """Grade, schedule and record one answer (see module docstring for idempotency).

    ``learner_locked``: the caller already holds the learner's row lock in this
    transaction (the classroom locks it with the attempt's lookup): no second query."""
    _check_answer_request(answer, source)
    if not learner_locked:
        _lock_learner(session, user_id)
    question_id = answer.question_id
    row, earlier_id = session.execute(
        _CARD_AND_KEY,
        {"user_id": user_id, "question_id": question_id, "answer_key": answer.answer_key},
    ).one()
    if earlier_id is not None:
        earlier = session.get_one(ReviewLog, earlier_id)
        if earlier.question_id != question_id:
            raise StudyError("this answer key was already used for another question")
        return _result(earlier, replayed=True)
    question = session.get(Question, question_id)
    if question is None or question.retired_at is not None:
        raise NotFound(question_id)
    return _record(
        session, _Recording(user_id, answer, question, row, source, quiz_id), now, settings
    )


@dataclass(frozen=True)
class _Recording:
    """What ``submit_answer`` found out before grading: who, what, and the card as it was."""

    user_id: int
    answer: Answer
    question: Question
    card_row: CardState | None
    source: str
    quiz_id: int | None


def _record(
    session: DbSession, rec: _Recording, now: datetime, settings: StudySettings
) -> AnswerResult:
    """Grade and schedule a new answer, and insert its review row."""
    correct, near_miss, rating, stored = _grade(rec.question, rec.answer.response)
    card = card_snapshot(rec.card_row)
    qid = rec.question.id
    review = _schedule(session, rec.user_id, qid, card, rating, now, settings, rec.card_row)
    values = {
        "user_id": rec.user_id,
        "question_id": qid,
        "answer_key": rec.answer.answer_key,
        "source": rec.source,
        "quiz_id": rec.quiz_id,
        "rating": int(rating),
        "correct": correct,
        "near_miss": near_miss,
        "response": stored,
        "reviewed_at": now,
        "duration_ms": _clamp_duration(rec.answer.duration_ms),
        "state_before": card.state if card else scheduler.NEW,
        "prev_card": card.to_dict() if card else None,
        "due_after": review.due,
        "undone_at": None,
    }
    # A plain INSERT … RETURNING, not an ORM flush: the row is read back by id whenever it
    # is needed, and a flush costs twice the CPU of the insert (every answer pays it).
    review_id = session.execute(_INSERT_REVIEW, values).scalar_one()
    return AnswerResult(
        review_id=review_id,
        question=rec.question,
        correct=correct,
        near_miss=near_miss,
        rating=rating,
        response=stored,
        due=review.due,
        replayed=False,
        source=rec.source,
        reviewed_at=now,
    )


def _check_answer_request(answer: Answer, source: str) -> None:
    if source not in SOURCES:
        raise StudyError(f"unknown source {source!r}")
    if not answer.answer_key or len(answer.answer_key) > 64:
        raise StudyError("an answer needs a key of 1 to 64 characters")


def rerate(
    session: DbSession,
    *,
    user_id: int,
    review_id: int,
    rating: Rating,
    now: datetime,
    settings: StudySettings,
) -> AnswerResult:
    """Change the rating of the learner's latest answer to a card (e.g. Good → Easy).

    A correct auto-graded answer may become Hard/Good/Easy; a wrong one stays Again (but
    see ``override_as_right``); a flashcard may take any rating. Re-rating recomputes from
    the card as it was before the answer, so doing it twice is the same as doing it once.
    """
    _lock_learner(session, user_id)
    log = _latest_review_of_card(session, user_id, review_id)
    _refuse_graded_elsewhere(log)
    if rating not in allowed_rerates(log):
        raise StudyError(
            "a right answer is rated Hard, Good or Easy"
            if log.correct
            else "a wrong answer is rated Again"
        )
    _apply_rating(session, log, rating, settings)
    if log.question.kind == Kind.FLASHCARD:
        log.correct = rating != Rating.Again
    session.flush()
    return _result(log, replayed=False)


def override_as_right(
    session: DbSession, *, user_id: int, review_id: int, settings: StudySettings
) -> AnswerResult:
    """ "I was right": the learner counts a rejected typed answer as right (a synonym the
    grader did not know, as Quizlet's override). It becomes a Good answer; re-rating it
    Hard/Good/Easy remains possible, and Undo takes the whole answer back."""
    _lock_learner(session, user_id)
    log = _latest_review_of_card(session, user_id, review_id)
    _refuse_graded_elsewhere(log)
    if not can_override(log):
        raise StudyError("only a typed answer that was counted wrong can be overridden")
    _apply_rating(session, log, Rating.Good, settings)
    log.correct = True
    session.flush()
    return _result(log, replayed=False)


def _apply_rating(
    session: DbSession, log: ReviewLog, rating: Rating, settings: StudySettings
) -> None:
    card = CardSnapshot.from_dict(log.prev_card) if log.prev_card else None
    row = session.get(CardState, (log.user_id, log.question_id))
    review = _schedule(
        session, log.user_id, log.question_id, card, rating, log.reviewed_at, settings, row
    )
    log.rating = int(rating)
    log.due_after = review.due


def undo(session: DbSession, *, user_id: int, review_id: int, now: datetime) -> Question:
    """Take back an answer: the card returns to its state before it; the log row stays,
    marked undone. Undoing an already undone answer changes nothing."""
    _lock_learner(session, user_id)
    log = session.scalar(
        select(ReviewLog).where(ReviewLog.id == review_id, ReviewLog.user_id == user_id)
    )
    if log is None:
        raise NotFound(review_id)
    _refuse_graded_elsewhere(log)
    if log.undone_at is not None:
        return log.question
    log = _latest_review_of_card(session, user_id, review_id)
    state = session.get(CardState, (user_id, log.question_id))
    if log.prev_card is None:
        if state is not None:
            session.delete(state)
    else:
        _store(session, user_id, log.question_id, CardSnapshot.from_dict(log.prev_card), state)
    log.undone_at = now
    session.flush()
    return log.question


def last_undoable(
    session: DbSession, user_id: int | None, deck_id: int | None = None, source: str = "study"
) -> ReviewLog | None:
    """The learner's most recent answer that can still be undone (for the Undo button)."""
    if user_id is None:
        return None
    query = (
        select(ReviewLog)
        .where(
            ReviewLog.user_id == user_id,
            ReviewLog.undone_at.is_(None),
            ReviewLog.source == source,
        )
        .order_by(ReviewLog.id.desc())
        .limit(1)
    )
    if deck_id is not None:
        query = query.join(Question).where(Question.deck_id == deck_id)
    return session.scalar(query)


def get_review(session: DbSession, user_id: int, review_id: int) -> ReviewLog:
    """One of the learner's own answers; anybody else's is NotFound."""
    log = session.scalar(
        select(ReviewLog).where(ReviewLog.id == review_id, ReviewLog.user_id == user_id)
    )
    if log is None:
        raise NotFound(review_id)
    return log


def card_preview(
    session: DbSession,
    user_id: int | None,
    question_id: str,
    now: datetime,
    settings: StudySettings,
) -> dict[Rating, timedelta]:
    """The interval each rating would give this card now (for the answer buttons)."""
    state = session.get(CardState, (user_id, question_id)) if user_id is not None else None
    return scheduler.preview(card_snapshot(state), now, settings.scheduler)


def rerate_preview(log: ReviewLog, settings: StudySettings) -> dict[Rating, timedelta]:
    """What each rating would have scheduled for this answer (for the change-rating buttons)."""
    card = CardSnapshot.from_dict(log.prev_card) if log.prev_card else None
    return scheduler.preview(card, log.reviewed_at, settings.scheduler)


def allowed_rerates(log: ReviewLog) -> tuple[Rating, ...]:
    """Ratings the learner may switch this answer to (see ``rerate``)."""
    if is_final(log):
        return ()
    if log.question.kind == Kind.FLASHCARD:
        return tuple(Rating)
    return (Rating.Hard, Rating.Good, Rating.Easy) if log.correct else (Rating.Again,)


def graded_correct(log: ReviewLog) -> bool:
    """What the grader said, before any override by the learner."""
    question = log.question
    if question.kind == Kind.CLOZE:
        typed = log.response or ""
        return grading.grade_typed(question.answer, question.accepted or [], typed).correct
    return log.correct


def can_override(log: ReviewLog) -> bool:
    """A typed answer the grader rejected may be counted as right by the learner."""
    return (
        log.question.kind == Kind.CLOZE
        and not log.correct
        and log.undone_at is None
        and not is_final(log)
    )


def is_final(log: ReviewLog) -> bool:
    """A classroom answer is graded by its attempt: the learner can neither re-rate,
    override nor undo it (that would change the teacher's report)."""
    return log.source == "classroom"


def _refuse_graded_elsewhere(log: ReviewLog) -> None:
    if is_final(log):
        raise StudyError("a classroom answer keeps the grade its attempt gave it")


def overridden(log: ReviewLog) -> bool:
    """True when the learner counted a typed answer as right that the grader rejected."""
    return log.question.kind == Kind.CLOZE and log.correct and not graded_correct(log)


def rerate_buttons(log: ReviewLog, settings: StudySettings) -> list[tuple[int, str, str, bool]]:
    """(rating value, label, interval, is current) for each change-rating button."""
    if log.undone_at is not None:
        return []
    previews = rerate_preview(log, settings)
    return [
        (int(r), r.name, scheduler.format_interval(previews[r]), int(r) == log.rating)
        for r in allowed_rerates(log)
    ]


def result_for(log: ReviewLog) -> AnswerResult:
    return _result(log, replayed=False)


# ---------------------------------------------------------------------------------------


def _grade(question: Question, response: Response) -> tuple[bool, bool, Rating, str | None]:
    kind = question.kind
    if kind == Kind.FLASHCARD:
        if response.rating is None:
            raise StudyError("a flashcard is answered with a rating")
        return response.rating != Rating.Again, False, response.rating, None
    if kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE):
        if response.chosen is None or not 0 <= response.chosen < len(question.options):
            raise StudyError("choose one of the options")
        grade = grading.grade_choice(question.correct, response.chosen)
        return grade.correct, False, scheduler.rating_for(grade.correct), str(response.chosen)
    if response.typed is None:
        raise StudyError("type your answer")
    typed = response.typed[:MAX_RESPONSE_CHARS]
    grade = grading.grade_typed(question.answer, question.accepted or [], typed)
    return grade.correct, grade.near_miss, scheduler.rating_for(grade.correct), typed


def _schedule(
    session: DbSession,
    user_id: int,
    question_id: str,
    card: CardSnapshot | None,
    rating: Rating,
    now: datetime,
    settings: StudySettings,
    row: CardState | None,
) -> CardSnapshot:
    """Schedule ``card`` (the state to answer from) and store the result in ``row``, the
    card's current database row, passed in because the caller has it already (looking a
    missing row up again would cost another query)."""
    after = scheduler.review(
        card, rating, now, settings.scheduler, scheduler.stable_card_id(user_id, question_id)
    )
    _store(session, user_id, question_id, after, row)
    return after


def _store(
    session: DbSession,
    user_id: int,
    question_id: str,
    snap: CardSnapshot,
    row: CardState | None,
) -> None:
    """Save the card: an existing row is updated through the ORM (it is loaded, and may be
    read again in this transaction); a new one is a plain INSERT, as in ``submit_answer``."""
    fields = {
        "state": snap.state,
        "step": snap.step,
        "stability": snap.stability,
        "difficulty": snap.difficulty,
        "due": snap.due,
        "last_review": snap.last_review,
        "reps": snap.reps,
        "lapses": snap.lapses,
    }
    if row is None:
        session.execute(_INSERT_CARD, {"user_id": user_id, "question_id": question_id, **fields})
        return
    for name, value in fields.items():
        setattr(row, name, value)


def card_snapshot(row: CardState | None) -> CardSnapshot | None:
    """The row as the scheduler's snapshot (None: the card was never studied)."""
    if row is None:
        return None
    return CardSnapshot(
        state=row.state,
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
        reps=row.reps,
        lapses=row.lapses,
    )


def _latest_review_of_card(session: DbSession, user_id: int, review_id: int) -> ReviewLog:
    """The review, if it is the learner's latest live answer to its card (else StudyError)."""
    log = get_review(session, user_id, review_id)
    if log.undone_at is not None:
        raise StudyError("this answer was undone")
    later = session.scalar(
        select(func.count(ReviewLog.id)).where(
            ReviewLog.user_id == user_id,
            ReviewLog.question_id == log.question_id,
            ReviewLog.id > log.id,
            ReviewLog.undone_at.is_(None),
        )
    )
    if later:
        raise StudyError("the card was answered again since")
    return log


def _lock_learner(session: DbSession, user_id: int) -> None:
    """Serialise one learner's answers on PostgreSQL (row lock on the learner)."""
    if session.get_bind().dialect.name == "sqlite":
        # SQLite has no row locks; BEGIN IMMEDIATE already serialises every writer, and
        # skipping the query shortens the time the write lock is held.
        return
    found = session.scalar(select(User.id).where(User.id == user_id).with_for_update())
    if found is None:
        raise NotFound(user_id)


def _result(log: ReviewLog, replayed: bool) -> AnswerResult:
    return AnswerResult(
        review_id=log.id,
        question=log.question,
        correct=log.correct,
        near_miss=log.near_miss,
        rating=Rating(log.rating),
        response=log.response,
        due=log.due_after,
        replayed=replayed,
        source=log.source,
        reviewed_at=log.reviewed_at,
    )


def _clamp_duration(duration_ms: int | None) -> int | None:
    if duration_ms is None or duration_ms < 0:
        return None
    return min(duration_ms, MAX_DURATION_MS)


def _today_params(
    user_id: int, deck_id: int, now: datetime, settings: StudySettings
) -> dict[str, Any]:
    return {
        "user_id": user_id,
        "deck_id": deck_id,
        "day_start": day_start(now, settings.day_starts_at_hour, settings.time_zone),
    }


# --- prebuilt statements -------------------------------------------------------------------
# Building a SQLAlchemy statement costs several times more CPU than executing one already
# built (measured: ~250 µs against ~60 µs for the due-card query), and every answer runs
# these. So the hot queries are built once, with bound parameters: :user_id, :deck_id,
# :now, :until (now + learn-ahead), :day_start (start of the learner's study day).


def _active_questions(column: Any = Question) -> Select[Any]:
    return select(column).where(
        Question.deck_id == bindparam("deck_id"), Question.retired_at.is_(None)
    )


def _with_state(column: Any = Question) -> Select[Any]:
    """The deck's active questions this learner has a card for, earliest due first."""
    return (
        _active_questions(column)
        .join(
            CardState,
            and_(CardState.question_id == Question.id, CardState.user_id == bindparam("user_id")),
        )
        .order_by(CardState.due, Question.position)
    )


def _unseen() -> ColumnElement[bool]:
    return ~exists().where(
        CardState.user_id == bindparam("user_id"), CardState.question_id == Question.id
    )


def _sibling_answered() -> ColumnElement[bool]:
    """The learner answered a sibling of the question (same fact, or same sentence) since
    :day_start: the question is buried until the next study day (Anki's "bury siblings").
    Always false when :bury is false (``BURY_SIBLINGS`` off)."""
    sibling = aliased(Question)
    return bindparam("bury", type_=Boolean) & exists().where(
        ReviewLog.user_id == bindparam("user_id"),
        ReviewLog.reviewed_at >= bindparam("day_start"),
        ReviewLog.undone_at.is_(None),
        ReviewLog.question_id == sibling.id,
        sibling.deck_id == Question.deck_id,
        sibling.id != Question.id,
        or_(
            and_(sibling.fact_id == Question.fact_id, Question.fact_id != ""),
            and_(sibling.sentence == Question.sentence, Question.sentence != ""),
        ),
    )


def _held_back_card() -> ColumnElement[bool]:
    """The learner answered this question in a class assignment that shows answers only
    after closing and has not closed at :now. Its card waits until then: coming back sooner
    (after a wrong answer) would reveal the grade the assignment holds back."""
    return exists().where(
        AttemptAnswer.question_id == Question.id,
        held_back_by(bindparam("user_id"), bindparam("now")),
    )


def _rested() -> ColumnElement[bool]:
    """A card that may be shown today: learning cards never wait (they come back within
    the session, as in Anki); new and review cards wait while a sibling was answered; no
    card waits on a grade the class assignment still holds back."""
    learning = and_(CardState.state.is_not(None), CardState.state != State.Review)
    return and_(~_held_back_card(), or_(learning, ~_sibling_answered()))


def _study_reviews_today(*columns: Any) -> Select[Any]:
    """``columns`` over the learner's live study answers in this deck since :day_start."""
    return (
        select(*columns)
        .select_from(ReviewLog)
        .join(Question, Question.id == ReviewLog.question_id)
        .where(
            ReviewLog.user_id == bindparam("user_id"),
            Question.deck_id == bindparam("deck_id"),
            ReviewLog.undone_at.is_(None),
            ReviewLog.reviewed_at >= bindparam("day_start"),
            ReviewLog.source == "study",
        )
    )


def _tally(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet ``condition`` (SUM(CASE …), portable to SQLite and PostgreSQL)."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


_FIRST_QUESTION = _active_questions().order_by(Question.position).limit(1)
_INTRODUCED_TODAY = _study_reviews_today(func.count()).where(
    ReviewLog.state_before == scheduler.NEW
)


def _next_card_statement() -> Select[Any]:
    """A learner's next card in one statement: COALESCE picks the first of (a card due now;
    the first unseen question, while fewer than :new_per_day new cards were started today;
    a learning card due within the learn-ahead window, :until), as ``next_card`` documents.
    The three subqueries are uncorrelated: each is evaluated once, and the outer lookup is
    by primary key."""
    due_now = _with_state(Question.id).where(CardState.due <= bindparam("now"), _rested())
    unseen = (
        _active_questions(Question.id)
        .where(_unseen(), ~_sibling_answered())
        .order_by(Question.position)
    )
    learning_soon = _with_state(Question.id).where(
        CardState.state != State.Review, CardState.due <= bindparam("until"), ~_held_back_card()
    )
    new_allowed = _INTRODUCED_TODAY.scalar_subquery() < bindparam("new_per_day")
    picked = func.coalesce(
        due_now.limit(1).scalar_subquery(),
        case((new_allowed, unseen.limit(1).scalar_subquery())),  # else NULL
        learning_soon.limit(1).scalar_subquery(),
    )
    card = aliased(Question)  # the outer question is not the subqueries' (no correlation)
    return select(card).where(card.id == picked)


_NEXT_CARD = _next_card_statement()
_INSERT_REVIEW = insert(ReviewLog.__table__).returning(ReviewLog.__table__.c.id)
_INSERT_CARD = insert(CardState.__table__)
# One round trip for what every answer looks up: the learner's card (None before the first
# answer) and the id of an earlier answer with the same key (None unless this is a retry).
# Selected from a one-row table so that a missing card still gives a row.
_ONE_ROW = select(literal(1).label("one")).subquery("one_row")
_CARD_AND_KEY = (
    select(
        CardState,
        select(ReviewLog.id)
        .where(
            ReviewLog.user_id == bindparam("user_id"),
            ReviewLog.answer_key == bindparam("answer_key"),
        )
        .scalar_subquery()
        .label("earlier_id"),
    )
    .select_from(_ONE_ROW)
    .outerjoin(
        CardState,
        and_(
            CardState.user_id == bindparam("user_id"),
            CardState.question_id == bindparam("question_id"),
        ),
    )
)
# Per deck: new cards available (no card row), due now, and learning cards due within
# the learn-ahead window. With :user_id NULL the join matches nothing: all are new.
_CARD_COUNTS = (
    select(
        _tally(and_(CardState.user_id.is_(None), ~_sibling_answered())),
        _tally(and_(CardState.due <= bindparam("now"), _rested())),
        _tally(
            and_(
                CardState.state != State.Review,
                CardState.due > bindparam("now"),
                CardState.due <= bindparam("until"),
                ~_held_back_card(),
            )
        ),
    )
    .select_from(Question)
    .outerjoin(
        CardState,
        and_(CardState.question_id == Question.id, CardState.user_id == bindparam("user_id")),
    )
    .where(Question.deck_id == bindparam("deck_id"), Question.retired_at.is_(None))
)
# Today's study answers in the deck, and how many of them introduced a new card.
_STUDY_TODAY = _study_reviews_today(func.count(), _tally(ReviewLog.state_before == scheduler.NEW))

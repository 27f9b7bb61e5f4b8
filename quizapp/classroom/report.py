"""Report computations: pure functions of plain data (no database, no Flask, no clock).

Which attempt counts. A student may have several attempts; the report counts one per
student: the best-scoring *finished* attempt (ties: the earliest), or, while none is
finished, the latest one (so live reports show work in progress).

Scores. A student's score is correct answers / questions in the counted attempt
(unanswered questions count as wrong).

Facility of a question: correct answers / answers given to it (students who did not
answer it, or did not get it, are left out). Per-section mastery is the same ratio over all
answers to the section's questions.

Discrimination (Kelley's upper–lower index): students are ranked by score (ties broken by
student id, so the result is deterministic); the upper and lower groups are each
``n = floor(0.27 × N + 0.5)`` students (27 % of the N counted students, rounded half up,
computed in integers as ``(27 × N + 50) // 100``), at least 1 and at most ``N // 2`` so
the groups never overlap; none for N < 2. Then ``D = p_upper − p_lower``, where p is the
share of the group's answers to the question that are correct; None when either group
has no answer to it.

Distractor analysis: for multiple choice and true/false, how many chose each option; for
cloze, the most common wrong answers (compared after the grader's normalisation).
Questions are ranked hardest first: lowest facility, then lowest discrimination, then deck
order; questions nobody answered come last.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from quizapp.domain.grading import normalise

UPPER_LOWER_PERCENT = 27
TOP_WRONG_TYPED = 5
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
CHOICE_KINDS = ("multiple_choice", "true_false")


@dataclass(frozen=True)
class QuestionInfo:
    id: str
    kind: str
    prompt: str
    answer: str
    section: str = ""
    options: tuple[str, ...] = ()
    correct: int | None = None
    sentence: str = ""
    anchor: str = ""  # the source sentence's anchor in the article view
    position: int = 0  # deck order
    retired: bool = False  # retired from the deck since (answers already given still count)


@dataclass(frozen=True)
class AnswerFact:
    question_id: str
    correct: bool
    response: str | None
    answered_at: datetime
    duration_ms: int | None = None
    rating: int | None = None


@dataclass(frozen=True)
class AttemptFacts:
    attempt_id: int
    student_id: int
    student: str
    number: int
    question_ids: tuple[str, ...]
    started_at: datetime
    finished_at: datetime | None
    answers: tuple[AnswerFact, ...] = ()

    @property
    def total(self) -> int:
        return len(self.question_ids)

    @property
    def answered(self) -> int:
        return len(self.answers)

    @property
    def correct(self) -> int:
        return sum(1 for a in self.answers if a.correct)

    @property
    def score(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def time_taken(self) -> timedelta | None:
        end = self.finished_at or max((a.answered_at for a in self.answers), default=None)
        return end - self.started_at if end else None

    def answer_to(self, question_id: str) -> AnswerFact | None:
        return next((a for a in self.answers if a.question_id == question_id), None)


@dataclass(frozen=True)
class OptionCount:
    index: int
    text: str
    count: int
    correct: bool


@dataclass(frozen=True)
class ItemStats:
    question: QuestionInfo
    answered: int
    correct: int
    facility: float | None
    discrimination: float | None
    options: tuple[OptionCount, ...] = ()
    wrong_typed: tuple[tuple[str, int], ...] = ()

    @property
    def distractors(self) -> tuple[OptionCount, ...]:
        return tuple(o for o in self.options if not o.correct)


@dataclass(frozen=True)
class SectionStats:
    section: str
    answered: int
    correct: int

    @property
    def mastery(self) -> float | None:
        return self.correct / self.answered if self.answered else None


@dataclass(frozen=True)
class ProgressRow:
    student_id: int
    student: str
    status: str  # "not started", "in progress", "finished", "closed before finishing"
    attempts: int
    answered: int
    total: int
    correct: int
    score: int | None  # percent of the counted attempt


def percent(share: float | None) -> int | None:
    """A share as a whole percent, rounded half up (Python's round() rounds half to even)."""
    return None if share is None else int(100 * share + 0.5)


def counted_attempts(attempts: Iterable[AttemptFacts]) -> list[AttemptFacts]:
    """One attempt per student (see module docstring), ordered by name then id."""
    by_student: dict[int, list[AttemptFacts]] = defaultdict(list)
    for attempt in attempts:
        by_student[attempt.student_id].append(attempt)
    chosen = [_counted(mine) for mine in by_student.values()]
    return sorted(chosen, key=lambda a: (a.student.casefold(), a.student_id))


def _counted(mine: list[AttemptFacts]) -> AttemptFacts:
    finished = [a for a in mine if a.finished_at is not None]
    if finished:
        return min(finished, key=lambda a: (-a.correct / max(a.total, 1), a.number))
    return max(mine, key=lambda a: a.number)


def group_size(n: int) -> int:
    """Size of each of the upper and lower groups for ``n`` students (module docstring)."""
    if n < 2:
        return 0
    size = (UPPER_LOWER_PERCENT * n + 50) // 100
    return min(max(size, 1), n // 2)


def upper_lower(attempts: Sequence[AttemptFacts]) -> tuple[set[int], set[int]]:
    """Student ids of the upper and lower groups by score."""
    ranked = sorted(attempts, key=lambda a: (-a.score, a.student_id))
    n = group_size(len(ranked))
    if n == 0:
        return set(), set()
    return {a.student_id for a in ranked[:n]}, {a.student_id for a in ranked[-n:]}


def item_analysis(
    questions: Mapping[str, QuestionInfo], attempts: Sequence[AttemptFacts]
) -> list[ItemStats]:
    """Per question statistics over the counted attempts, hardest first."""
    upper, lower = upper_lower(attempts)
    asked: dict[str, list[tuple[int, AnswerFact | None]]] = defaultdict(list)
    for attempt in attempts:
        for qid in attempt.question_ids:
            asked[qid].append((attempt.student_id, attempt.answer_to(qid)))
    stats = [
        _item(questions[qid], rows, upper, lower) for qid, rows in asked.items() if qid in questions
    ]
    return sorted(stats, key=_hardest_first)


def _item(
    question: QuestionInfo,
    rows: list[tuple[int, AnswerFact | None]],
    upper: set[int],
    lower: set[int],
) -> ItemStats:
    given = [(sid, a) for sid, a in rows if a is not None]
    answers = [a for _, a in given]
    correct = sum(1 for a in answers if a.correct)
    p_upper = _share([a for sid, a in given if sid in upper])
    p_lower = _share([a for sid, a in given if sid in lower])
    return ItemStats(
        question=question,
        answered=len(answers),
        correct=correct,
        facility=correct / len(answers) if answers else None,
        discrimination=None if p_upper is None or p_lower is None else p_upper - p_lower,
        options=_option_counts(question, answers),
        wrong_typed=_wrong_typed(question, answers),
    )


def _share(answers: list[AnswerFact]) -> float | None:
    return sum(1 for a in answers if a.correct) / len(answers) if answers else None


def _option_counts(question: QuestionInfo, answers: list[AnswerFact]) -> tuple[OptionCount, ...]:
    if question.kind not in CHOICE_KINDS:
        return ()
    chosen = Counter(a.response for a in answers)
    return tuple(
        OptionCount(i, text, chosen.get(str(i), 0), i == question.correct)
        for i, text in enumerate(question.options)
    )


def _wrong_typed(question: QuestionInfo, answers: list[AnswerFact]) -> tuple[tuple[str, int], ...]:
    if question.kind != "cloze":
        return ()
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for a in answers:
        if a.correct:
            continue
        key = normalise(a.response or "")
        shown.setdefault(key, (a.response or "").strip() or "(no answer)")
        counts[key] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], shown[kv[0]]))
    return tuple((shown[key], n) for key, n in ranked[:TOP_WRONG_TYPED])


def _hardest_first(item: ItemStats) -> tuple[bool, float, float, int, str]:
    unanswered = item.facility is None
    facility = item.facility if item.facility is not None else 2.0
    discrimination = item.discrimination if item.discrimination is not None else 2.0
    return (unanswered, facility, discrimination, item.question.position, item.question.id)


def section_mastery(
    questions: Mapping[str, QuestionInfo], attempts: Sequence[AttemptFacts]
) -> list[SectionStats]:
    """Class mastery per section (in deck order), over the counted attempts."""
    answered: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    first: dict[str, int] = {}
    for attempt in attempts:
        for a in attempt.answers:
            q = questions.get(a.question_id)
            if q is None:
                continue
            answered[q.section] += 1
            correct[q.section] += a.correct
            first[q.section] = min(first.get(q.section, q.position), q.position)
    order = sorted(answered, key=lambda s: (first[s], s))
    return [SectionStats(s, answered[s], correct[s]) for s in order]


def progress(
    students: Sequence[tuple[int, str]],
    attempts: Sequence[AttemptFacts],
    closed: bool,
) -> list[ProgressRow]:
    """Live progress: one row per student of the class (name order), started or not."""
    mine: dict[int, list[AttemptFacts]] = defaultdict(list)
    for attempt in attempts:
        mine[attempt.student_id].append(attempt)
    rows = [_progress_row(sid, name, mine.get(sid, []), closed) for sid, name in students]
    return sorted(rows, key=lambda r: (r.student.casefold(), r.student_id))


def _progress_row(sid: int, name: str, mine: list[AttemptFacts], closed: bool) -> ProgressRow:
    if not mine:
        return ProgressRow(sid, name, "not started", 0, 0, 0, 0, None)
    latest = max(mine, key=lambda a: a.number)
    counted = _counted(mine)
    if latest.finished_at is not None:
        status = "finished"
    else:
        status = "closed before finishing" if closed else "in progress"
    return ProgressRow(
        student_id=sid,
        student=name,
        status=status,
        attempts=len(mine),
        answered=latest.answered,
        total=latest.total,
        correct=counted.correct,
        score=percent(counted.score),
    )


def response_text(question: QuestionInfo, answer: AnswerFact | None) -> str:
    """What the student answered, as a person reads it (option text, typed words, rating)."""
    if answer is None:
        return ""
    if question.kind in CHOICE_KINDS and answer.response is not None:
        try:
            return question.options[int(answer.response)]
        except (ValueError, IndexError):
            return answer.response
    if question.kind == "flashcard":
        return RATING_NAMES.get(answer.rating or 0, "")
    return answer.response or ""

"""Domain objects → JSON-ready dicts, one function per response shape of the OpenAPI
document. A question payload never carries its answer; an answer result carries the
answer, the explanation and the source sentence in context."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from flask import url_for

from questions.model import CLOZE_BLANK
from quizapp.db.models import Deck, Question, ReviewLog
from quizapp.domain.scheduler import Rating
from quizapp.services.decks import DeckSummary, source_context
from quizapp.services.study import QueueCounts
from quizapp.stats.metrics import Retention
from quizapp.stats.queries import DeckReport


def iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def counts(c: QueueCounts) -> dict[str, int]:
    return {
        "due": c.due,
        "new": c.new,
        "learning_soon": c.learning_soon,
        "done_today": c.done_today,
        "remaining": c.remaining,
        "total": c.total,
    }


def deck(d: Deck, questions: int, c: QueueCounts) -> dict[str, Any]:
    return {
        "slug": d.slug,
        "name": d.name,
        "description": d.description,
        "article_title": d.article_title,
        "questions": questions,
        "counts": counts(c),
        "links": {
            "self": url_for("api.deck", slug=d.slug),
            "next": url_for("api.next_card", slug=d.slug),
            "stats": url_for("api.deck_stats", slug=d.slug),
            "page": url_for("decks.deck", slug=d.slug),
        },
    }


def deck_summary(s: DeckSummary) -> dict[str, Any]:
    return deck(s.deck, s.questions, s.counts)


def question(q: Question, intervals: dict[Rating, timedelta] | None) -> dict[str, Any]:
    """What the learner sees before answering: no answer, no explanation."""
    payload: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "prompt": q.prompt,
        "blank": CLOZE_BLANK if CLOZE_BLANK in q.prompt else None,
        "options": list(q.options or []),
        "section": q.section,
        "answer_with": _answer_field(q.kind),
    }
    payload["intervals"] = (
        {r.name.lower(): int(intervals[r].total_seconds()) for r in Rating} if intervals else None
    )
    return payload


def result(log: ReviewLog, replayed: bool, allowed: tuple[Rating, ...]) -> dict[str, Any]:
    q = log.question
    return {
        "review_id": log.id,
        "answer_key": log.answer_key,
        "question_id": q.id,
        "kind": q.kind,
        "correct": log.correct,
        "near_miss": log.near_miss,
        "rating": log.rating,
        "rating_name": Rating(log.rating).name,
        "allowed_ratings": [int(r) for r in allowed] if log.undone_at is None else [],
        "response": log.response,
        "replayed": replayed,
        "undone": log.undone_at is not None,
        "reviewed_at": iso(log.reviewed_at),
        "due": iso(log.due_after),
        "correct_answer": q.answer,
        "accepted_answers": list(q.accepted or []),
        "correct_option": q.correct,
        "explanation": q.explanation,
        "source": source(q),
    }


def source(q: Question) -> dict[str, Any]:
    ctx = source_context(q.deck, q)
    article = url_for("decks.article", slug=q.deck.slug)
    return {
        "section": q.section,
        "sentence": q.sentence,
        "context": None
        if ctx is None
        else {"before": ctx.before, "sentence": ctx.sentence, "after": ctx.after},
        "article_url": f"{article}#{ctx.anchor}" if ctx else article,
    }


def report(r: DeckReport) -> dict[str, Any]:
    return {
        "reviews_per_day": [
            {"day": _day(d.day), "reviews": d.total, "right": d.right, "wrong": d.wrong}
            for d in r.reviews_per_day
        ],
        "true_retention": _retention(r.retention),
        "true_retention_all_time": _retention(r.retention_all_time),
        "due_forecast": [{"day": _day(d.day), "due": d.total} for d in r.forecast],
        "mastery_by_section": [
            {
                "section": m.section,
                "new": m.new,
                "learning": m.learning,
                "young": m.young,
                "mature": m.mature,
                "total": m.total,
                "learned": round(m.learned, 4),
            }
            for m in r.mastery
        ],
    }


def _retention(r: Retention) -> dict[str, Any]:
    return {
        "passed": r.passed,
        "failed": r.failed,
        "rate": None if r.rate is None else round(r.rate, 4),
    }


def _day(d: date) -> str:
    return d.isoformat()


def _answer_field(kind: str) -> str:
    return {"multiple_choice": "chosen", "true_false": "chosen", "cloze": "typed"}.get(
        kind, "rating"
    )

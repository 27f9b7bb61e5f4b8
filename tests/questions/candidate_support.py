"""Every candidate question of a small text, before the gates and the ranking: what the
templates make of it, for tests that assert a form is (or is not) made."""

from __future__ import annotations

from questions.context import build_context
from questions.model import Question
from questions.pipeline import analyse
from questions.templates import candidates


def candidate_questions(text: str, fmt: str = "md") -> list[Question]:
    analysis = analyse(text, fmt)
    facts = list(analysis.facts)
    return [c.question for c in candidates(build_context(analysis.doc, facts), facts)]

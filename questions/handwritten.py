"""Checking a question written or edited by hand, before it is saved.

The same rules ``quizapp check`` applies to a bank (so a downloaded bank stays acceptable):
the structure (an answer, exactly one blank in a cloze, distinct options, exactly one
correct option whose text is the answer) and the quality gates that need no article
analysis. Each failure is one readable sentence.
"""

from __future__ import annotations

from questions.bankfile import validate
from questions.gates import REASONS, GateContext, check_question
from questions.model import SCHEMA_VERSION, Question

_NO_ARTICLE_CONTEXT = GateContext.of((), {})


def problems(question: Question, article_text: str) -> list[str]:
    """Every reason ``question`` cannot be saved (empty: it can)."""
    document = {
        "schema_version": SCHEMA_VERSION,
        "content_version": "",
        "deck": {"slug": "check", "name": "check"},
        "article": {"title": "", "filename": "", "sha256": "", "text": article_text},
        "questions": [question.to_dict()],
    }
    found = [f"{p.field or 'question'}: {p.message}" for p in validate(document, "edit")]
    if found:
        return found
    return [REASONS[code] for code in check_question(question, _NO_ARTICLE_CONTEXT)]

"""Checking a bank that already exists (perhaps edited by hand): sources, gates, versions.

``bankfile.load`` has validated the structure; this re-runs everything that can be judged
from the bank itself: each source sentence must be exactly ``article.text[start:end]``,
every question must pass the quality gates, the content version must match the questions,
and — given the article file — the article must be the one the bank was made from.
"""

from __future__ import annotations

from questions.bankfile import content_version
from questions.gates import REASONS, Deduper, check_question
from questions.model import Bank, Kind, Question
from questions.normalise import canonical_text, hinted_lines, sha256_text
from questions.pipeline import Analysis, analyse_bank_article
from questions.textutil import squash


def check_sources(bank: Bank, file: str) -> list[str]:
    text = bank.article.text
    problems = []
    if sha256_text(text) != bank.article.sha256:
        problems.append(f"{file}: article.sha256: does not match article.text")
    for q in bank.questions:
        if text[q.source.start : q.source.end] != q.source.sentence:
            problems.append(
                f"{file}: question {q.id}: source.sentence: is not the article text at "
                f"{q.source.start}..{q.source.end}"
            )
    return problems


def sibling_sets(analysis: Analysis) -> list[frozenset[str]]:
    """Sets of things of one kind in the article: entities of a group, items of a list, glosses."""
    doc = analysis.doc
    by_group: dict[str, list[str]] = {}
    for entity in doc.entities.values():
        by_group.setdefault("entity:" + entity.group, []).append(squash(entity.name))
    for fact in analysis.facts:
        if fact.kind == "list_item":
            by_group.setdefault(fact.group, []).append(squash(fact.subject))
        elif fact.kind == "gloss":
            by_group.setdefault("gloss", []).append(squash(fact.answer))
    return [frozenset(names) for _, names in sorted(by_group.items())]


def check_distractor_kind(q: Question, siblings: list[frozenset[str]]) -> list[str]:
    """A wrong option must be a thing of the answer's kind: from the answer's sibling set."""
    if q.kind != Kind.MULTIPLE_CHOICE:
        return []
    for names in siblings:
        if squash(q.answer) in names:
            strangers = [o for o in q.options if squash(o) not in names]
            return ["distractor_kind"] if strangers else []
    return []  # the answer belongs to no known set: nothing to compare with


def check_gates(bank: Bank, file: str) -> list[str]:
    analysis = analyse_bank_article(bank.article)
    siblings = sibling_sets(analysis)
    dedupe = Deduper()
    problems = []
    for q in bank.questions:
        reasons = check_question(q, analysis.gates) or dedupe.reasons(q)
        reasons += check_distractor_kind(q, siblings)
        dedupe.add(q)
        problems += [f"{file}: question {q.id}: {code}: {REASONS[code]}" for code in reasons]
    return problems


def check_article(bank: Bank, file: str, raw_text: str, fmt: str, article_name: str) -> list[str]:
    text = canonical_text(hinted_lines(raw_text, fmt))
    if sha256_text(text) == bank.article.sha256:
        return []
    return [
        f"{file}: article.sha256: the bank was not made from {article_name} "
        "(its canonical text differs; regenerate the bank)"
    ]


def check_bank(bank: Bank, file: str, article: tuple[str, str, str] | None = None) -> list[str]:
    """Every problem, one readable line each; ``article`` is (raw text, format, name)."""
    problems = check_sources(bank, file)
    if bank.content_version != content_version(bank):
        problems.append(
            f"{file}: content_version: is {bank.content_version!r} but the questions give "
            f"{content_version(bank)!r} (update it after editing questions)"
        )
    problems += check_gates(bank, file)
    if article is not None:
        problems += check_article(bank, file, *article)
    return problems

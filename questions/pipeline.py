"""The generator end to end: article → canonical text → lines → facts → questions → gates → bank.

Pure: it takes the article's text (``questions.reading`` does the file I/O) and returns the
bank and a report. Deterministic: no sets are iterated, questions are sorted by source
offset, kind and id, and ``bankfile.dumps`` writes keys in a fixed order, so the same
article gives the same bytes under any ``PYTHONHASHSEED``.
"""

from __future__ import annotations

import gc
import re
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from questions.acceptance import accept, lexicon
from questions.bankfile import with_content_version
from questions.context import build_context
from questions.document import Document, build_document
from questions.facts import Extractor, Fact, extract_facts
from questions.facts_actions import action_facts
from questions.facts_attributes import attribute_facts
from questions.facts_keyterms import Vocabulary, vocabulary
from questions.facts_relations import (
    appositive_facts,
    cause_facts,
    definition_facts,
    effect_facts,
    first_definitions,
    statement_facts,
    trigger_facts,
)
from questions.facts_structure import structure_facts
from questions.facts_terms import (
    alias_facts,
    entity_heading_facts,
    list_item_facts,
    parenthetical_facts,
    qa_facts,
)
from questions.gates import REASONS, Deduper, GateContext, check_question
from questions.keyterms import keyterm_extractor
from questions.lines import Line, classify
from questions.model import Article, Bank, Block, Deck, Kind, Question
from questions.normalise import HintedLine, canonical_text, hinted_lines, sha256_text
from questions.overrides import Override, apply
from questions.ranking import rank
from questions.reading import ArticleError, RawArticle, refuse_binary
from questions.templates import candidates
from questions.textutil import content_words, slugify, squash, title_case
from questions.topic import topic_of

GENERATOR = "quizapp-questions/1"
KIND_ORDER = {kind: i for i, kind in enumerate(Kind)}
BLOCK_KINDS = ("title", "heading", "lead_in", "list_item", "paragraph")
PROSE_KINDS = ("paragraph", "list_item", "lead_in")
TERM_WORDS = 4  # a noise line this short may be a term of the article (a menu of topics)

Tick = Callable[[int, int], None]


@dataclass(frozen=True)
class Analysis:
    text: str
    lines: tuple[Line, ...]
    doc: Document
    facts: tuple[Fact, ...]
    gates: GateContext
    vocab: Vocabulary


@dataclass
class Report:
    """What ``generate`` prints: kept questions by kind and section, rejections by reason."""

    by_kind: Counter[str] = field(default_factory=Counter)
    by_section: Counter[str] = field(default_factory=Counter)
    rejected: Counter[str] = field(default_factory=Counter)
    candidates: int = 0
    overrides_applied: int = 0
    stale_overrides: list[str] = field(default_factory=list)


def extractors(doc: Document, vocab: Vocabulary | None = None) -> list[Extractor]:
    return [
        entity_heading_facts,
        parenthetical_facts,
        alias_facts,
        definition_facts,
        appositive_facts,
        list_item_facts,
        qa_facts,
        cause_facts,
        trigger_facts,
        effect_facts,
        statement_facts,
        structure_facts,
        attribute_facts,
        action_facts,
        keyterm_extractor(doc, vocab or vocabulary(doc)),  # key terms, else each sentence's blanks
    ]


def alias_map(doc: Document, facts: list[Fact]) -> dict[str, tuple[str, ...]]:
    """Names that mean the same thing: an entity's names, abbreviations and aliases."""
    clusters: list[list[str]] = [[e.name, e.short, *e.names] for e in doc.entities.values()]
    clusters += [[f.subject, f.answer] for f in facts if f.kind in ("abbreviation", "alias")]
    out: dict[str, tuple[str, ...]] = {}
    for cluster in clusters:
        merged = list(cluster)
        for name in cluster:
            merged += out.get(squash(name), ())
        names = tuple(dict.fromkeys(merged))
        for name in names:
            out[squash(name)] = names
    return out


def analyse(raw_text: str, fmt: str, tick: Tick | None = None) -> Analysis:
    return _analyse_lines(hinted_lines(raw_text, fmt), tick)


def analyse_bank_article(article: Article) -> Analysis:
    """Re-analyse a bank's canonical text; its blocks give back the list-item hints that
    Markdown bullets or HTML ``<li>`` carried before the markup was removed."""
    items = {b.start for b in article.blocks if b.kind == "list_item"}
    hinted: list[HintedLine] = []
    pos = 0
    for line in article.text.split("\n"):
        hint = "blank" if not line else "li" if pos in items else ""
        hinted.append(HintedLine(line, hint))
        pos += len(line) + 1
    return _analyse_lines(hinted, None)


def _analyse_lines(hinted: list[HintedLine], tick: Tick | None) -> Analysis:
    text = canonical_text(hinted)
    lines = classify(hinted)
    doc = build_document(text, lines)
    vocab = vocabulary(doc)
    facts = first_definitions(doc, extract_facts(doc, extractors(doc, vocab), tick))
    gates = GateContext.of(_noise(lines), alias_map(doc, facts))
    return Analysis(text, tuple(lines), doc, tuple(facts), gates, vocab)


def _noise(lines: list[Line]) -> list[str]:
    """The noise lines a question must not quote, without those the body's prose also says
    ("Collagen" in a related-links menu is a term of the article where a paragraph uses it)."""
    prose = squash(" ".join(line.text for line in lines if line.kind in PROSE_KINDS))
    return [
        line.text
        for line in lines
        if line.kind == "noise"
        and not (len(line.text.split()) <= TERM_WORDS and says(prose, line.text))
    ]


def says(prose: str, phrase: str) -> bool:
    """Does the squashed ``prose`` hold ``phrase`` as whole words?"""
    return re.search(r"(?<!\w)" + re.escape(squash(phrase)) + r"(?!\w)", prose) is not None


def _has_usable_text(doc: Document) -> bool:
    seen = 0
    for unit in doc.units:
        if unit.line.kind in ("paragraph", "list_item", "lead_in", "definition", "table_row"):
            seen += len(content_words(unit.sentence.text))
            if seen >= 5:
                return True
    return False


def _blocks(lines: tuple[Line, ...]) -> tuple[Block, ...]:
    return tuple(
        Block(line.kind, line.start, line.end) for line in lines if line.kind in BLOCK_KINDS
    )


def default_deck(doc: Document, filename: str) -> Deck:
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    title = doc.title or stem.replace("-", " ")
    intro = next((u.sentence.text for u in doc.units if u.line.kind == "paragraph"), "")
    return Deck(slug=slugify(stem), name=title_case(title), description=intro)


def select(cands: list[Question], gates: GateContext, report: Report) -> list[Question]:
    dedupe = Deduper()
    kept: list[Question] = []
    for q in cands:
        reasons = check_question(q, gates) or dedupe.reasons(q)
        if reasons:
            report.rejected.update(dict.fromkeys(reasons, 1))
            continue
        dedupe.add(q)
        kept.append(q)
    return kept


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bank is built.

    Generation allocates hundreds of thousands of small acyclic objects that all stay alive
    until the bank is done; the collector's full passes over them made a 2 MB article take
    2.3 times as long as a 1 MB one. Nothing built here forms a cycle, so pausing loses
    nothing, and the previous state is restored even on error.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def generate(
    raw: RawArticle,
    deck: Deck | None = None,
    overrides: dict[str, Override] | None = None,
    tick: Tick | None = None,
) -> tuple[Bank, Report]:
    """The bank of an article, and what happened on the way.

    Raises ``ArticleError`` (message without the file name) if nothing can be asked.
    """
    with _collector_paused():
        return _generate(raw, deck, overrides, tick)


def _generate(
    raw: RawArticle,
    deck: Deck | None,
    overrides: dict[str, Override] | None,
    tick: Tick | None,
) -> tuple[Bank, Report]:
    refuse_binary(raw.text)
    analysis = analyse(raw.text, raw.fmt, tick)
    if not _has_usable_text(analysis.doc):
        raise ArticleError("has no usable text (no sentences to ask about)")
    report = Report()
    overrides = overrides or {}
    used: set[str] = set()
    kept = _kept(analysis, _pending(analysis, overrides, used, report), report)
    kept.sort(key=lambda q: (q.source.start, KIND_ORDER[q.kind], q.id))
    report.stale_overrides = [qid for qid in sorted(overrides) if qid not in used]
    for q in kept:
        report.by_kind[q.kind.value] += 1
        report.by_section[q.source.section] += 1
    if not kept:
        raise ArticleError("has no usable text (no question passed the gates)")
    article = Article(
        title=analysis.doc.title or raw.filename,
        filename=raw.filename,
        sha256=sha256_text(analysis.text),
        text=analysis.text,
        blocks=_blocks(analysis.lines),
    )
    bank = Bank(
        deck=deck or default_deck(analysis.doc, raw.filename),
        article=article,
        questions=tuple(kept),
        generator=GENERATOR,
    )
    return with_content_version(bank), report


def _kept(analysis: Analysis, pending: list[Question], report: Report) -> list[Question]:
    """The candidates that pass the gates and the acceptance rules, ranked within the budget."""
    lex = lexicon(analysis.vocab.count, analysis.facts, analysis.doc.title, analysis.text)
    return rank(
        accept(select(pending, analysis.gates, report), lex, report.rejected),  # audit 0 rules
        analysis.text,
        analysis.vocab.count,
        _parts(analysis),
    )


def _parts(analysis: Analysis) -> dict[str, str]:
    """Facts of a list, table or glossary: a part of their section of their own when ranked."""
    return {
        f.id: f.group
        for f in analysis.facts
        if f.group.startswith(("list@", "table@", "glossary@"))
    }


def _pending(
    analysis: Analysis, overrides: dict[str, Override], used: set[str], report: Report
) -> list[Question]:
    """Every template's candidates, hand fixes applied, without those built with a problem."""
    pending: list[Question] = []
    ctx = build_context(analysis.doc, list(analysis.facts))
    topic = topic_of(analysis.doc)
    for cand in candidates(ctx, list(analysis.facts)):
        report.candidates += 1
        made = topic.named(cand.question) if topic else cand.question
        question = _overridden(made, overrides, used, report)
        if question is None:
            continue
        if cand.reasons:
            report.rejected.update(dict.fromkeys(cand.reasons, 1))
            continue
        pending.append(question)
    return pending


def _overridden(
    q: Question, overrides: dict[str, Override], used: set[str], report: Report
) -> Question | None:
    """The question with its hand fix applied (once per id), or None if the fix drops it."""
    if q.id not in overrides or q.id in used:
        return q
    used.add(q.id)
    report.overrides_applied += 1
    fixed = apply(q, overrides[q.id])
    if fixed is None:
        report.rejected["override_drop"] += 1
    return fixed


def format_report(report: Report) -> list[str]:
    """The summary ``quizapp generate`` prints, one line per entry, in a stable order."""
    total = sum(report.by_kind.values())
    lines = [f"{total} questions from {report.candidates} candidates"]
    lines.append("by kind: " + ", ".join(f"{k.value} {report.by_kind[k.value]}" for k in Kind))
    lines.append("by section:")
    lines += [
        f"  {n:4d}  {s}" for s, n in sorted(report.by_section.items(), key=lambda x: (-x[1], x[0]))
    ]
    if report.rejected:
        lines.append("rejected by reason:")
        lines += [
            f"  {n:4d}  {code}: {REASONS.get(code, '')}"
            for code, n in sorted(report.rejected.items(), key=lambda x: (-x[1], x[0]))
        ]
    if report.overrides_applied or report.stale_overrides:
        lines.append(f"overrides applied: {report.overrides_applied}")
    if report.stale_overrides:
        lines.append("stale overrides (no such question): " + ", ".join(report.stale_overrides))
    return lines

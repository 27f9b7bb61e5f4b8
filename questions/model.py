"""Domain types of the question bank: the contract between generator, exporters and web app.

Everything here is a frozen dataclass with symmetric ``to_dict``/``from_dict`` so a bank
round-trips exactly through its file (``load(dump(bank)) == bank``) and tests can compare
whole objects. No I/O happens here; see ``questions.bankfile`` for the file format.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SCHEMA_VERSION = 1

# The one placeholder a cloze prompt contains where the blanked answer was.
CLOZE_BLANK = "{{blank}}"

TRUE_FALSE_OPTIONS = ("True", "False")


class Kind(StrEnum):
    """The four ways a fact is asked about."""

    FLASHCARD = "flashcard"
    CLOZE = "cloze"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"


@dataclass(frozen=True)
class Source:
    """Where a question comes from: offsets index the bank's canonical article text."""

    section: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(
            section=data["section"],
            sentence=data["sentence"],
            start=data["start"],
            end=data["end"],
        )


@dataclass(frozen=True)
class Question:
    """One question as a learner meets it, on the web and in Anki.

    ``prompt`` is the flashcard front, the multiple-choice stem, the true/false statement,
    or the cloze sentence with exactly one ``CLOZE_BLANK``. ``answer`` is the canonical
    correct answer (for true/false: "True" or "False"; for multiple choice: the text of
    ``options[correct]``). ``accepted`` lists other answers a typed reply may match
    (aliases, abbreviations). ``options``/``correct`` are set for multiple choice and
    true/false only.
    """

    id: str
    kind: Kind
    prompt: str
    answer: str
    explanation: str
    fact_id: str
    fact_kind: str
    entity: str
    source: Source
    accepted: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    correct: int | None = None
    tags: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind.value,
            "prompt": self.prompt,
            "answer": self.answer,
        }
        if self.accepted:
            data["accepted"] = list(self.accepted)
        if self.options:
            data["options"] = list(self.options)
            data["correct"] = self.correct
        data.update(
            {
                "explanation": self.explanation,
                "fact_id": self.fact_id,
                "fact_kind": self.fact_kind,
                "entity": self.entity,
                "tags": list(self.tags),
                "source": self.source.to_dict(),
            }
        )
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Question:
        return cls(
            id=data["id"],
            kind=Kind(data["kind"]),
            prompt=data["prompt"],
            answer=data["answer"],
            explanation=data["explanation"],
            fact_id=data["fact_id"],
            fact_kind=data["fact_kind"],
            entity=data["entity"],
            source=Source.from_dict(data["source"]),
            accepted=tuple(data.get("accepted", ())),
            options=tuple(data.get("options", ())),
            correct=data.get("correct"),
            tags=tuple(data.get("tags", ())),
        )


@dataclass(frozen=True)
class Block:
    """A classified line of the canonical article text (for rendering the article view)."""

    kind: str  # title | heading | lead_in | list_item | paragraph
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        return cls(kind=data["kind"], start=data["start"], end=data["end"])


@dataclass(frozen=True)
class Article:
    """The source article after normalisation; every offset in the bank points into ``text``."""

    title: str
    filename: str
    sha256: str
    text: str
    blocks: tuple[Block, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "filename": self.filename,
            "sha256": self.sha256,
            "blocks": [b.to_dict() for b in self.blocks],
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            title=data["title"],
            filename=data["filename"],
            sha256=data["sha256"],
            text=data["text"],
            blocks=tuple(Block.from_dict(b) for b in data.get("blocks", ())),
        )


@dataclass(frozen=True)
class Deck:
    """Identity of a deck: the slug is stable forever (it seeds the Anki deck id)."""

    slug: str
    name: str
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"slug": self.slug, "name": self.name, "description": self.description}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Deck:
        return cls(slug=data["slug"], name=data["name"], description=data.get("description", ""))


@dataclass(frozen=True)
class Bank:
    """A deck's questions with their article, versioned.

    ``content_version`` is a digest of the questions (see ``questions.bankfile``), so two
    banks with the same questions carry the same version whatever produced them.
    """

    deck: Deck
    article: Article
    questions: tuple[Question, ...]
    content_version: str = ""
    schema_version: int = SCHEMA_VERSION
    generator: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "content_version": self.content_version,
            "generator": self.generator,
            "deck": self.deck.to_dict(),
            "questions": [q.to_dict() for q in self.questions],
            "article": self.article.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Bank:
        return cls(
            schema_version=data["schema_version"],
            content_version=data["content_version"],
            generator=data.get("generator", ""),
            deck=Deck.from_dict(data["deck"]),
            questions=tuple(Question.from_dict(q) for q in data["questions"]),
            article=Article.from_dict(data["article"]),
        )

    def by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

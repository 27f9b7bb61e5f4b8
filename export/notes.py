"""One bank question → one Anki note: its fields (HTML), GUID and tags."""

from __future__ import annotations

import functools

import genanki

from export.ids import note_guid
from export.markup import bank_tag, cloze_answer_html, field_html, tag
from export.notetypes import MODELS
from export.sides import LETTERS, correct_letter, explanation
from questions.model import CLOZE_BLANK, Kind, Question, Source


@functools.lru_cache(maxsize=4096)  # every kind asked about a fact shares its source
def source_html(source: Source) -> str:
    """The Source field: the section, then the sentence the question was made from."""
    section = f'<span class="qz-section">{field_html(source.section)}</span>'
    return f"{section}<br>{field_html(source.sentence)}"


def note_tags(question: Question) -> list[str]:
    """The bank's own tags plus ``section::…`` and ``entity::…``, without spaces or repeats.

    Where the bank already tags the section or entity, its spelling wins, so the web app and
    Anki show the same tag. (Anki matches tags case-insensitively.)
    """
    tags = {bank_tag(t) for t in question.tags}
    roots = {t.split("::", 1)[0].casefold() for t in tags}
    if "section" not in roots:
        tags.add(tag("section", question.source.section))
    if "entity" not in roots:
        tags.add(tag("entity", question.entity))
    tags.discard("")  # a level that was all punctuation or space
    return sorted(tags, key=str.casefold)


def note_fields(question: Question) -> list[str]:
    """The note's fields in the order of its note type (``notetypes.FIELDS``)."""
    accepted = field_html(", ".join(question.accepted))
    provenance = [
        field_html(explanation(question)),
        source_html(question.source),
        field_html(question.id),
    ]
    if question.kind == Kind.FLASHCARD:
        return [field_html(question.prompt), field_html(question.answer), accepted, *provenance]
    if question.kind == Kind.CLOZE:
        return [cloze_text(question), accepted, *provenance]
    if question.kind == Kind.MULTIPLE_CHOICE:
        return [field_html(question.prompt), *_option_fields(question), *provenance]
    return [field_html(question.prompt), *_true_false_fields(question), *provenance]


def cloze_text(question: Question) -> str:
    """The prompt with its one blank turned into Anki's ``{{c1::…}}``."""
    before, after = question.prompt.split(CLOZE_BLANK, 1)
    answer = cloze_answer_html(question.answer)
    return f"{field_html(before)}{{{{c1::{answer}}}}}{field_html(after)}"


def _option_fields(question: Question) -> list[str]:
    options = [field_html(option) for option in question.options]
    options += [""] * (len(LETTERS) - len(options))
    correct = correct_letter(question)
    return [*options, correct, field_html(question.answer)]


def _true_false_fields(question: Question) -> list[str]:
    # A true statement is its own correct version (shown once, as the statement); a false
    # one's is the article's sentence it was made from.
    correct = "" if question.answer == "True" else question.source.sentence
    return [field_html(question.answer), field_html(correct)]


def make_note(question: Question, deck_slug: str) -> genanki.Note:
    note = genanki.Note(
        model=MODELS[question.kind],
        fields=note_fields(question),
        guid=note_guid(deck_slug, question.id),
        tags=note_tags(question),
    )
    # Every quizapp note has exactly one card (a cloze has only c1). Saying so spares genanki
    # re-deriving it for each note with regular expressions over the template.
    note.cards = [genanki.Card(0)]
    return note

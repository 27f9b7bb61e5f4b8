"""One bank question → one Anki note: its fields (HTML), GUID, tags and note type.

A retired question (one the deck no longer asks) keeps its note, tagged ``retired``, with a
line on the back saying why, and its card suspended: a learner who imported it before can
find it, and nobody studies it by mistake. A multiple choice shows its options in the
card's own stable order (``sides.shuffled_options``).
"""

from __future__ import annotations

import functools

import genanki

from export.ids import note_guid
from export.markup import bank_tag, cloze_answer_html, field_html, tag
from export.notetypes import model_for
from export.sides import LETTERS, explanation, shuffled_options
from questions.model import CLOZE_BLANK, Kind, Question, Source


@functools.lru_cache(maxsize=4096)  # every kind asked about a fact shares its source
def source_html(source: Source) -> str:
    """The Source field: the section, then the sentence the question was made from."""
    section = f'<span class="qz-section">{field_html(source.section)}</span>'
    return f"{section}<br>{field_html(source.sentence)}"


RETIRED_TAG = "retired"


def note_tags(question: Question, *, retired: bool = False) -> list[str]:
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
    if retired:
        tags.add(RETIRED_TAG)
    tags.discard("")  # a level that was all punctuation or space
    return sorted(tags, key=str.casefold)


def note_fields(question: Question, *, retired: str | None = None) -> list[str]:
    """The note's fields in the order of its note type (``notetypes.FIELDS``).

    ``retired`` is why the question was retired (``None``: it is not).
    """
    accepted = field_html(", ".join(question.accepted))
    provenance = [
        _explanation_html(question, retired),
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


def _explanation_html(question: Question, retired: str | None) -> str:
    text = field_html(explanation(question))
    if retired is None:
        return text
    reason = field_html(retired.strip() or "no longer part of the deck")
    line = f'<div class="qz-retired"><b>Retired:</b> {reason}</div>'
    return line + text


def _option_fields(question: Question) -> list[str]:
    order, right = shuffled_options(question)
    options = [field_html(option) for option in order]
    options += [""] * (len(LETTERS) - len(options))
    return [*options, LETTERS[right], field_html(question.answer)]


def _true_false_fields(question: Question) -> list[str]:
    # A true statement is its own correct version (shown once, as the statement); a false
    # one's is the article's sentence it was made from.
    correct = "" if question.answer == "True" else question.source.sentence
    return [field_html(question.answer), field_html(correct)]


def make_note(
    question: Question,
    deck_slug: str,
    *,
    retired: str | None = None,
    type_answer: bool = False,
) -> genanki.Note:
    """The note of ``question``; ``retired``: why it was retired; ``type_answer``: use the
    type-in note type where the kind has one (flashcard, cloze)."""
    note = genanki.Note(
        model=model_for(question.kind, type_answer),
        fields=note_fields(question, retired=retired),
        guid=note_guid(deck_slug, question.id),
        tags=note_tags(question, retired=retired is not None),
    )
    # Every quizapp note has exactly one card (a cloze has only c1). Saying so spares genanki
    # re-deriving it for each note with regular expressions over the template.
    note.cards = [genanki.Card(0, suspend=retired is not None)]
    return note

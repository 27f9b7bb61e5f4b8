"""The four quizapp note types (one per question kind): fields, card templates, names.

Ids and field names are fixed forever (Anki matches an imported note type by id and by its
fields); templates and CSS may improve, and Anki takes the newer ones on the next import
only if ``CHANGED_AT`` is newer than what the learner has, so bump it whenever a template or
the CSS changes (a test holds the templates' digest to remind you). A fixed time instead of
the export time means a learner's own tweaks to a note type survive re-imports.

Flashcard and cloze also come as "type the answer" note types (``TYPED_MODELS``): the same
fields under other ids, with Anki's ``{{type:…}}`` box on the front and the comparison on
the back.
Every card works with plain HTML/CSS: no script, no add-on, so it is correct on Anki
desktop, AnkiDroid, AnkiMobile and AnkiWeb alike.
"""

from __future__ import annotations

from datetime import UTC, datetime

import genanki

from export.card_css import CARD_CSS
from export.ids import MODEL_IDS, TYPED_MODEL_IDS
from export.sides import LETTERS
from questions.model import Kind

FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.FLASHCARD: ("Question", "Answer", "Also accepted", "Explanation", "Source", "Question ID"),
    Kind.CLOZE: ("Text", "Also accepted", "Explanation", "Source", "Question ID"),
    Kind.MULTIPLE_CHOICE: (
        "Question",
        *(f"Option {letter}" for letter in LETTERS),
        "Correct",
        "Answer",
        "Explanation",
        "Source",
        "Question ID",
    ),
    Kind.TRUE_FALSE: (
        "Statement",
        "Answer",
        "Correct statement",
        "Explanation",
        "Source",
        "Question ID",
    ),
}

# When a template or the CSS last changed. Never earlier than the last value.
CHANGED_AT = datetime(2026, 12, 1, tzinfo=UTC)

NAMES: dict[Kind, str] = {
    Kind.FLASHCARD: "quizapp: flashcard",
    Kind.CLOZE: "quizapp: cloze",
    Kind.MULTIPLE_CHOICE: "quizapp: multiple choice",
    Kind.TRUE_FALSE: "quizapp: true/false",
}
TYPED_NAMES: dict[Kind, str] = {
    kind: f"{NAMES[kind]} (type the answer)" for kind in TYPED_MODEL_IDS
}

_ACCEPTED = (
    '{{#Also accepted}}<div class="qz-accepted"><span class="qz-label">Also accepted:</span> '
    "{{Also accepted}}</div>{{/Also accepted}}"
)
_EXPLANATION = '{{#Explanation}}<div class="qz-explanation">{{Explanation}}</div>{{/Explanation}}'
_PROVENANCE = (
    '<div class="qz-source"><div class="qz-label">Source</div>{{Source}}</div>'
    '<div class="qz-id">{{Question ID}}</div>'
)


def _card(kind_label: str, body: str) -> str:
    return f'<div class="qz"><div class="qz-kind">{kind_label}</div>{body}</div>'


def _options(marked: bool) -> str:
    """The lettered options; on the back the list's class names the correct letter for CSS."""
    items = [
        f'<li class="qz-opt-{letter}"><span class="qz-letter">{letter}</span> '
        f"{{{{Option {letter}}}}}</li>"
        for letter in LETTERS
    ]
    # A multiple choice has 3 or 4 options: the fourth line exists only when filled in.
    items[3] = f"{{{{#Option D}}}}{items[3]}{{{{/Option D}}}}"
    css_class = "qz-options qz-correct-{{Correct}}" if marked else "qz-options"
    return f'<ol class="{css_class}">{"".join(items)}</ol>'


def _templates(kind: Kind, typed: bool = False) -> tuple[str, str]:
    """(front, back) of the one card template of ``kind`` (``typed``: with a type-in box)."""
    if kind == Kind.FLASHCARD:
        prompt = '<div class="qz-prompt">{{Question}}</div>'
        box = "{{type:Answer}}" if typed else ""
        answer = f'<div class="qz-answer">{{{{Answer}}}}</div>{_ACCEPTED}'
        back = f'{prompt}<hr id="answer">{box}{answer}{_EXPLANATION}{_PROVENANCE}'
        return _card("Question", prompt + box), _card("Question", back)
    if kind == Kind.CLOZE:
        prompt = '<div class="qz-prompt">{{cloze:Text}}</div>'
        box = "{{type:cloze:Text}}" if typed else ""
        back = f'{prompt}<hr id="answer">{box}{_ACCEPTED}{_EXPLANATION}{_PROVENANCE}'
        return _card("Fill in the blank", prompt + box), _card("Fill in the blank", back)
    if kind == Kind.MULTIPLE_CHOICE:
        prompt = '<div class="qz-prompt">{{Question}}</div>'
        verdict = (
            '<div class="qz-answer">Answer: <span class="qz-letter">{{Correct}}</span> '
            "{{Answer}}</div>"
        )
        front = prompt + _options(marked=False)
        back = f'{prompt}<hr id="answer">{_options(marked=True)}{verdict}'
        back += _EXPLANATION + _PROVENANCE
        return _card("Multiple choice", front), _card("Multiple choice", back)
    prompt = '<div class="qz-prompt">{{Statement}}</div>'
    verdict = (
        '<div class="qz-answer">{{Answer}}</div>{{#Correct statement}}'
        '<div class="qz-explanation"><span class="qz-label">Correct statement:</span> '
        "{{Correct statement}}</div>{{/Correct statement}}"
    )
    back = f'{prompt}<hr id="answer">{verdict}{_EXPLANATION}{_PROVENANCE}'
    return _card("True or false?", prompt), _card("True or false?", back)


def _model(kind: Kind, typed: bool = False) -> genanki.Model:
    front, back = _templates(kind, typed)
    return genanki.Model(
        (TYPED_MODEL_IDS if typed else MODEL_IDS)[kind],
        (TYPED_NAMES if typed else NAMES)[kind],
        fields=[{"name": name} for name in FIELDS[kind]],
        templates=[{"name": NAMES[kind].removeprefix("quizapp: "), "qfmt": front, "afmt": back}],
        css=CARD_CSS,
        model_type=genanki.Model.CLOZE if kind == Kind.CLOZE else genanki.Model.FRONT_BACK,
    )


MODELS: dict[Kind, genanki.Model] = {kind: _model(kind) for kind in Kind}
TYPED_MODELS: dict[Kind, genanki.Model] = {kind: _model(kind, True) for kind in TYPED_MODEL_IDS}


def model_for(kind: Kind, type_answer: bool) -> genanki.Model:
    """The note type of ``kind``: the type-in variant where asked for and one exists."""
    return TYPED_MODELS[kind] if type_answer and kind in TYPED_MODELS else MODELS[kind]

"""Bank → tab-separated text for Anki's and Quizlet's text import.

Two flavours, because the two importers disagree:

- ``anki``: header lines Anki reads (``#separator:tab``, ``#html:true``, ``#notetype:Basic``,
  ``#deck:…``, ``#columns:…``, ``#guid column:1``, ``#tags column:4``), then one note per
  line with the columns GUID, Front, Back, Tags. Fields are HTML (lines joined with
  ``<br>``). The GUID column makes a re-import update the notes instead of adding copies.
- ``quizlet``: no header, two columns (term, definition) of plain text, which is all
  Quizlet's "Import" box understands.

No field ever contains a tab, a line break or a double quote (Anki would read a quote as
CSV quoting), so every line is one card.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

import genanki

from export.markup import field_html
from export.notes import note_tags
from export.sides import active, sides
from questions.model import Bank, Question

Flavor = Literal["anki", "quizlet"]
FLAVORS: tuple[Flavor, ...] = ("anki", "quizlet")
COLUMNS = ("GUID", "Front", "Back", "Tags")


def tsv_text(bank: Bank, *, flavor: Flavor = "anki", retired: Collection[str] = ()) -> str:
    """The whole file as text (UTF-8 when written), one line per question; the ``retired``
    question ids are left out."""
    questions = active(bank, retired)
    if flavor == "quizlet":
        lines = [_quizlet_row(question) for question in questions]
    elif flavor == "anki":
        lines = _anki_header(bank) + [_anki_row(bank, question) for question in questions]
    else:
        raise ValueError(f"unknown TSV flavour {flavor!r}; choose one of {', '.join(FLAVORS)}")
    return "".join(line + "\n" for line in lines)


def tsv_guid(deck_slug: str, question_id: str) -> str:
    """Not the .apkg GUID: these notes are of Anki's Basic type, and Anki refuses to turn
    a note of one type into another, so sharing GUIDs would make the imports clash."""
    return str(genanki.guid_for("quizapp-tsv", deck_slug, question_id))


def _anki_header(bank: Bank) -> list[str]:
    return [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        f"#deck:{_one_line(bank.deck.name)}",
        "#columns:" + "\t".join(COLUMNS),
        f"#guid column:{COLUMNS.index('GUID') + 1}",
        f"#tags column:{COLUMNS.index('Tags') + 1}",
    ]


def _anki_row(bank: Bank, question: Question) -> str:
    both = sides(question)
    front = "<br>".join(_html(line) for line in both.front)
    back = "<br>".join(_html(line) for line in both.back)
    tags = " ".join(note_tags(question))
    return "\t".join((tsv_guid(bank.deck.slug, question.id), front, back, _one_line(tags)))


def _quizlet_row(question: Question) -> str:
    both = sides(question)
    return f"{_one_line(' / '.join(both.front))}\t{_one_line(' / '.join(both.back))}"


def _html(text: str) -> str:
    return field_html(_one_line(text)).replace('"', "&quot;")


def _one_line(text: str) -> str:
    """Tabs and line breaks would start a new column or card."""
    return " ".join(text.split())

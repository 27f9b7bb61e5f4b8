"""Opening our packages with the `anki` library: fresh collections and imports by the real
importer (`ImportAnkiPackageRequest`), shared by the tests that check what Anki makes of them."""

from __future__ import annotations

import html
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from anki.collection import Collection
from anki.import_export_pb2 import ImportAnkiPackageOptions, ImportAnkiPackageRequest

from export.anki import PLAIN, AnkiOptions, write_apkg
from questions.model import Bank, Question

# Anki's import dialog defaults (update notes and note types "if newer", no scheduling).
GUI_DEFAULTS = ImportAnkiPackageOptions()
WITH_SCHEDULING = ImportAnkiPackageOptions(with_scheduling=True)


def new_collection(folder: Path) -> Collection:
    folder.mkdir()
    return Collection(str(folder / "collection.anki2"))


def import_apkg(
    col: Collection,
    bank: Bank,
    path: Path,
    now: datetime,
    import_options: ImportAnkiPackageOptions = GUI_DEFAULTS,
    options: AnkiOptions = PLAIN,
) -> Any:
    """Export ``bank`` to ``path`` and import it into ``col``; the importer's log."""
    write_apkg(bank, path, now=now, options=options)
    return import_file(col, path, import_options)


def import_file(col: Collection, path: Path, import_options: ImportAnkiPackageOptions) -> Any:
    """Import the package at ``path`` into ``col``; the importer's log."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=import_options)
    return col.import_anki_package(request).log


def card_for(col: Collection, question: Question) -> Any:
    return card_by_id(col, question.id)


def card_by_id(col: Collection, question_id: str) -> Any:
    """The one card of the note whose Question ID field is ``question_id``."""
    (nid,) = col.find_notes(f'"Question ID:{question_id}"')
    (card,) = col.get_note(nid).cards()
    return card


def visible_text(side: str) -> str:
    """What a reader sees of a rendered side: no stylesheet, no tags, entities decoded."""
    body = re.sub(r"<style>.*?</style>", "", side, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())

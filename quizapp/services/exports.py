"""The one place the web app and the CLI call the exporters: an ``ExportSet`` in a format.

Formats: ``anki`` (.apkg), ``anki-typein`` (.apkg whose flashcards and clozes ask you to
type the answer), ``tsv`` (Anki's text import), ``quizlet`` (Quizlet's import box) and
``gift`` (Moodle). Anki packages carry the retired questions suspended and tagged, take
their notes' modification times from the change ledger (``note_times``), spread the
cards of one sentence apart (``spread_siblings``) and, for "take my progress to Anki",
one learner's scheduling and review log. The text formats leave retired questions out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from export.anki import AnkiOptions, apkg_bytes
from export.gift import gift_text
from export.progress import LearnerProgress
from export.tsv import tsv_text
from quizapp.db.session import DbSession
from quizapp.services.export_sets import ExportSet, file_stem, spread_siblings
from quizapp.services.note_times import note_times

FORMATS: dict[str, str] = {
    "anki": "Anki package (.apkg)",
    "anki-typein": "Anki package, type the answer (.apkg)",
    "tsv": "Anki text import (.tsv)",
    "quizlet": "Quizlet import (.txt)",
    "gift": "Moodle GIFT (.gift.txt)",
}
APKG = "application/octet-stream"
TSV = "text/tab-separated-values; charset=utf-8"
TEXT = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class DeckFile:
    body: bytes
    mimetype: str
    filename: str


def export_file(
    session: DbSession,
    chosen: ExportSet,
    fmt: str,
    now: datetime,
    *,
    progress: LearnerProgress | None = None,
    learner: str = "",
) -> DeckFile:
    """``chosen`` in ``fmt`` (a key of ``FORMATS``; ``ValueError`` otherwise). An Anki
    package advances the deck's change ledger (flushed; the caller commits); ``progress``
    (with the ``learner``'s name for the file name) makes it a per-learner package."""
    if fmt in ("anki", "anki-typein"):
        return _package(session, chosen, fmt == "anki-typein", now, progress, learner)
    bank, stem, retired = chosen.bank, chosen.stem, set(chosen.retired)
    if fmt in ("tsv", "quizlet"):
        text = tsv_text(bank, flavor="anki" if fmt == "tsv" else "quizlet", retired=retired)
        extension = "tsv" if fmt == "tsv" else "quizlet.txt"
        return DeckFile(text.encode(), TSV, f"{stem}.{extension}")
    if fmt == "gift":
        return DeckFile(gift_text(bank, retired=retired).encode(), TEXT, f"{stem}.gift.txt")
    raise ValueError(f"unknown export format {fmt!r}")


def _package(
    session: DbSession,
    chosen: ExportSet,
    typed: bool,
    now: datetime,
    progress: LearnerProgress | None,
    learner: str,
) -> DeckFile:
    bank = chosen.bank
    options = AnkiOptions(
        changed_at=note_times(session, bank, now, retired=chosen.retired, type_answer=typed),
        retired=chosen.retired,
        type_answer=typed,
        progress=progress,
    )
    spread = replace(bank, questions=spread_siblings(bank.questions))
    stem = chosen.stem + ("-typein" if typed else "")
    stem += f"-progress-{file_stem(learner)}" if progress is not None else ""
    return DeckFile(apkg_bytes(spread, now=now, options=options), APKG, f"{stem}.apkg")

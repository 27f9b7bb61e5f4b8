"""Re-importing our packages into Anki: notes carry when their question last changed, so Anki
(which updates a note only if the incoming one is newer) updates exactly the changed ones
and keeps a learner's own edits; retired questions arrive suspended and tagged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki", reason="the anki package (pip install anki) is needed")

from anki.collection import Collection

from export.anki import AnkiOptions
from export.changes import NoteVersion, changed_at, track_changes
from export.notetypes import TYPED_NAMES
from questions.model import Bank, Kind
from tests.export.anki_open import (
    WITH_SCHEDULING,
    card_for,
    import_apkg,
    new_collection,
    visible_text,
)

pytestmark = pytest.mark.anki

# Anki stamps a learner's edit with the real clock and refuses ids from the future, so these
# times sit around the real now: the second export comes after the learner's edit.
FIRST = datetime.now(UTC).replace(microsecond=0) - timedelta(days=2)
EDIT_SEEN = FIRST + timedelta(days=2, minutes=5)
WHY = "The article no longer says this."


@pytest.fixture
def col(tmp_path: Path) -> Any:
    collection = new_collection(tmp_path / "learner")
    yield collection
    collection.close()


def export_with_ledger(
    col: Collection,
    bank: Bank,
    path: Path,
    now: datetime,
    ledger: dict[str, NoteVersion],
    retired: dict[str, str] | None = None,
) -> tuple[Any, dict[str, NoteVersion]]:
    ledger = track_changes(bank, ledger, now, retired=retired)
    options = AnkiOptions(changed_at=changed_at(ledger), retired=retired or {})
    return import_apkg(col, bank, path, now, options=options), ledger


def learner_edits(col: Collection, bank: Bank, question_id: str) -> str:
    note = card_for(col, bank.by_id()[question_id]).note()
    note["Explanation"] = "My own mnemonic: Lou Gehrig played baseball."
    col.update_note(note)
    return str(note["Explanation"])


def test_unchanged_deck_updates_no_note(col: Collection, bank: Bank, tmp_path: Path) -> None:
    log, ledger = export_with_ledger(col, bank, tmp_path / "1.apkg", FIRST, {})
    assert len(log.new) == len(bank.questions)
    log, again = export_with_ledger(col, bank, tmp_path / "2.apkg", EDIT_SEEN, ledger)
    assert again == ledger
    assert not log.updated and not log.new
    assert len(log.duplicate) == len(bank.questions)


def test_one_change_updates_its_note_and_keeps_edits(
    col: Collection, bank: Bank, tmp_path: Path, reword: Callable[[Bank, str, str], Bank]
) -> None:
    _, ledger = export_with_ledger(col, bank, tmp_path / "1.apkg", FIRST, {})
    edited = learner_edits(col, bank, "q-flash")
    changed = reword(bank, "q-mc", "Which disease is also called Lou Gehrig's disease?")
    log, _ = export_with_ledger(col, changed, tmp_path / "2.apkg", EDIT_SEEN, ledger)
    (updated,) = log.updated
    assert updated.fields[-1] == "q-mc"  # the Question ID field
    assert (
        card_for(col, bank.by_id()["q-mc"]).note()["Question"].startswith("Which disease is also")
    )
    assert card_for(col, bank.by_id()["q-flash"]).note()["Explanation"] == edited


def test_stamping_with_the_export_time_would_overwrite_edits(
    col: Collection, bank: Bank, tmp_path: Path
) -> None:
    # The old behaviour, still what a caller without change times gets: shows what the
    # change times protect.
    import_apkg(col, bank, tmp_path / "1.apkg", FIRST)
    edited = learner_edits(col, bank, "q-flash")
    log = import_apkg(col, bank, tmp_path / "2.apkg", EDIT_SEEN)
    assert len(log.updated) == len(bank.questions)
    assert card_for(col, bank.by_id()["q-flash"]).note()["Explanation"] != edited


def test_changes_within_one_second_still_read_as_newer(
    bank: Bank, reword: Callable[[Bank, str, str], Bank]
) -> None:
    ledger = track_changes(bank, {}, FIRST)
    once = track_changes(reword(bank, "q-mc", "Reworded once?"), ledger, FIRST)
    twice = track_changes(reword(bank, "q-mc", "Reworded twice?"), once, FIRST)
    assert once["q-mc"].changed_at == FIRST + timedelta(seconds=1)
    assert twice["q-mc"].changed_at == FIRST + timedelta(seconds=2)
    assert once["q-flash"] == ledger["q-flash"] == twice["q-flash"]
    assert NoteVersion.from_dict(twice["q-mc"].to_dict()) == twice["q-mc"]


def test_retired_question_is_suspended_tagged_and_says_why(
    col: Collection, bank: Bank, tmp_path: Path
) -> None:
    options = AnkiOptions(retired={"q-mc": WHY})
    import_apkg(col, bank, tmp_path / "1.apkg", FIRST, WITH_SCHEDULING, options)
    card = card_for(col, bank.by_id()["q-mc"])
    assert card.queue == -1  # suspended: a fresh import does not study it
    assert "retired" in card.note().tags
    assert f"Retired: {WHY}" in visible_text(card.answer())
    assert WHY not in visible_text(card.question())
    assert col.find_cards("tag:retired") == [card.id]
    assert col.find_cards("is:suspended") == [card.id]


def test_retiring_an_imported_question_tags_it_on_reimport(
    col: Collection, bank: Bank, tmp_path: Path
) -> None:
    _, ledger = export_with_ledger(col, bank, tmp_path / "1.apkg", FIRST, {})
    retired = {"q-tf-false": WHY}
    log, _ = export_with_ledger(col, bank, tmp_path / "2.apkg", EDIT_SEEN, ledger, retired)
    (updated,) = log.updated
    assert updated.fields[-1] == "q-tf-false"
    (card_id,) = col.find_cards("tag:retired")
    assert col.get_card(card_id).note()["Question ID"] == "q-tf-false"
    # Anki does not change the cards of notes it already has: the learner suspends it.
    assert col.get_card(card_id).queue == 0


def test_type_in_note_types_show_an_answer_box(col: Collection, bank: Bank, tmp_path: Path) -> None:
    import_apkg(col, bank, tmp_path / "1.apkg", FIRST, options=AnkiOptions(type_answer=True))
    for question in bank.questions:
        card = card_for(col, question)
        typed = question.kind in (Kind.FLASHCARD, Kind.CLOZE)
        # Anki renders the box as a [[type:…]] marker that its reviewer turns into an input.
        assert ("[[type:" in card.question()) is typed, question.id
        if typed:
            assert card.note().note_type()["name"] == TYPED_NAMES[question.kind]


def test_without_scheduling_anki_unsuspends_but_the_tag_stays(
    col: Collection, bank: Bank, tmp_path: Path
) -> None:
    # What docs/exports.md tells learners: tick "Import any learning progress", or search
    # tag:retired, because Anki resets every card to new when importing without it.
    import_apkg(col, bank, tmp_path / "1.apkg", FIRST, options=AnkiOptions(retired={"q-mc": WHY}))
    card = card_for(col, bank.by_id()["q-mc"])
    assert card.queue == 0 and "retired" in card.note().tags


def test_switching_to_type_in_note_types_conflicts_instead_of_duplicating(
    col: Collection, bank: Bank, tmp_path: Path
) -> None:
    import_apkg(col, bank, tmp_path / "1.apkg", FIRST)
    log = import_apkg(
        col, bank, tmp_path / "2.apkg", EDIT_SEEN, options=AnkiOptions(type_answer=True)
    )
    typed = [q for q in bank.questions if q.kind in (Kind.FLASHCARD, Kind.CLOZE)]
    assert len(log.conflicting) == len(typed) and not log.new
    assert col.note_count() == len(bank.questions)

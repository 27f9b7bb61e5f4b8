"""Tab-separated text: documented columns, one card per line, imported by Anki's own text
importer (headers honoured, tags set, re-import updates instead of duplicating) and shaped
the way Quizlet's import box reads it (term<TAB>definition)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from export.tsv import COLUMNS, tsv_guid, tsv_text
from questions.model import Bank


def rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if not line.startswith("#")]


def test_anki_flavour_has_documented_header_and_columns(bank: Bank) -> None:
    text = tsv_text(bank)
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert header == [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic",
        "#deck:Muscle cramps: causes",
        "#columns:GUID\tFront\tBack\tTags",
        "#guid column:1",
        "#tags column:4",
    ]
    body = rows(text)
    assert len(body) == len(bank.questions)
    assert all(len(row) == len(COLUMNS) for row in body)
    assert [row[0] for row in body] == [tsv_guid("cramps", q.id) for q in bank.questions]
    assert all('"' not in cell for row in body for cell in row)  # never read as CSV quoting
    by_id = dict(zip((q.id for q in bank.questions), body, strict=True))
    assert by_id["q-mc4"][1].startswith("What does a low level of &lt;calcium&gt;")
    assert "<br>B. cramps &amp; spasms: &#123;often&#125;<br>" in by_id["q-mc4"][1]
    assert by_id["q-mc4"][2].startswith("B. cramps &amp; spasms")
    assert by_id["q-cloze"][1] == "ALS, also known as _____, affects motor neurons."
    assert (
        by_id["q-tf-true"][3]
        == "entity::Hypocalcemia_(low_Ca) section::Metabolic_rare_causes topic::metabolic_causes"
    )


def test_quizlet_flavour_is_two_plain_columns(bank: Bank) -> None:
    text = tsv_text(bank, flavor="quizlet")
    body = [line.split("\t") for line in text.splitlines()]
    assert len(body) == len(bank.questions)
    assert all(len(row) == 2 for row in body)
    by_id = dict(zip((q.id for q in bank.questions), body, strict=True))
    assert by_id["q-mc4"][0] == (
        "What does a low level of <calcium> {Ca} cause? / A. sleep ~ rest / "
        "B. cramps & spasms: {often} / C. a = b # c / D. back\\slash"
    )
    assert by_id["q-tf-false"][1].startswith("False. Correct: ALS, also known as")


def test_line_breaks_and_tabs_never_split_a_card(
    make_bank: Callable[..., Bank], reword: Callable[[Bank, str, str], Bank]
) -> None:
    bank = reword(make_bank(), "q-flash", "What is\tALS\nalso known as?")
    for flavor in ("anki", "quizlet"):
        body = [ln for ln in tsv_text(bank, flavor=flavor).splitlines() if not ln.startswith("#")]
        assert len(body) == len(bank.questions)
        assert body[0].split("\t")[-3 if flavor == "anki" else 0].endswith("also known as?")


def test_unknown_flavour_is_refused(bank: Bank) -> None:
    with pytest.raises(ValueError, match="unknown TSV flavour"):
        tsv_text(bank, flavor="excel")  # type: ignore[arg-type]


@pytest.mark.anki
def test_anki_text_import_reads_it_and_reimport_updates(
    bank: Bank, tmp_path: Path, reword: Callable[[Bank, str, str], Bank]
) -> None:
    pytest.importorskip("anki", reason="the anki package (pip install anki) reads the TSV")
    from anki.collection import Collection
    from anki.import_export_pb2 import ImportCsvRequest

    (tmp_path / "learner").mkdir()
    col = Collection(str(tmp_path / "learner" / "collection.anki2"))
    try:
        first = import_tsv(col, ImportCsvRequest, tmp_path / "a.txt", tsv_text(bank))
        assert len(first.new) == len(bank.questions)
        assert col.note_count() == col.card_count() == len(bank.questions)
        nid = col.find_notes('"Front:What is ALS also known as?"')
        (card,) = col.get_note(nid[0]).cards()
        assert col.decks.name(card.did) == bank.deck.name
        assert sorted(col.get_note(nid[0]).tags) == ["entity::ALS", "section::Causes_of_cramps"]

        changed = reword(bank, "q-mc", "Which disease has another name?")
        second = import_tsv(col, ImportCsvRequest, tmp_path / "b.txt", tsv_text(changed))
        assert not second.new and len(second.updated) == 1
        assert col.note_count() == len(bank.questions)
        assert col.find_notes('"Front:Which disease has another name?*"')
    finally:
        col.close()


def import_tsv(col: Any, request: Any, path: Path, text: str) -> Any:
    path.write_text(text, encoding="utf-8")
    metadata = col.get_csv_metadata(str(path), None)  # Anki reads our header lines
    assert list(metadata.column_labels) == list(COLUMNS)
    return col.import_csv(request(path=str(path), metadata=metadata)).log


def test_retired_questions_are_left_out(bank: Bank) -> None:
    retired = {"q-mc", "q-flash"}
    anki_rows = rows(tsv_text(bank, retired=retired))
    assert [r[0] for r in anki_rows] == [
        tsv_guid("cramps", q.id) for q in bank.questions if q.id not in retired
    ]
    quizlet = tsv_text(bank, flavor="quizlet", retired=retired).splitlines()
    assert len(quizlet) == len(bank.questions) - 2
    assert not any("Which disease is also known as" in line for line in quizlet)

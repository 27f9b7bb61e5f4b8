"""The .apkg itself, read with sqlite3 (no Anki needed): identities fixed forever, fields
escaped, tags spaceless, note types complete, and no stray files from exporting."""

from __future__ import annotations

import hashlib
import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from export import anki, ids
from export.card_css import CARD_CSS
from export.markup import field_html, tag
from export.notes import note_fields, note_tags
from export.notetypes import CHANGED_AT, FIELDS, MODELS, NAMES, TYPED_MODELS
from questions.model import Bank, Kind
from tests.export.conftest import make_bank

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def read_package(data: bytes) -> dict[str, Any]:
    """Notes, cards, decks and note types of a package, without its ids and timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert sorted(package.namelist()) == ["collection.anki2", "media"]
        assert json.loads(package.read("media")) == {}
        collection = package.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    try:
        db.deserialize(collection)
        notes = db.execute("select id, guid, mid, tags, flds from notes").fetchall()
        cards = db.execute("select nid, did, ord from cards").fetchall()
        decks, models = db.execute("select decks, models from col").fetchone()
    finally:
        db.close()
    guid_of = {nid: guid for nid, guid, *_ in notes}
    return {
        "notes": sorted((g, m, t, f.split("\x1f")) for _, g, m, t, f in notes),
        "cards": sorted((guid_of[nid], did, ord_) for nid, did, ord_ in cards),
        "decks": {d["id"]: d["name"] for d in json.loads(decks).values()},
        "models": {
            int(m["id"]): (m["name"], [f["name"] for f in m["flds"]], m["type"])
            for m in json.loads(models).values()
        },
    }


def sqlite_col(data: bytes) -> sqlite3.Connection:
    """The package's collection, opened with sqlite3."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        collection = package.read("collection.anki2")
    db = sqlite3.connect(":memory:")
    db.deserialize(collection)
    return db


def test_identities_are_fixed_forever() -> None:
    # These literals are what learners' collections already hold; changing one duplicates decks.
    assert ids.MODEL_IDS == {
        Kind.FLASHCARD: 1156319190,
        Kind.CLOZE: 1743786697,
        Kind.MULTIPLE_CHOICE: 1788038073,
        Kind.TRUE_FALSE: 1901940626,
    }
    assert ids.deck_id("neurological-disorders-that-cause-muscle-cramps") == 2089154366
    assert ids.note_guid("cramps", "q-mc") == "iBWX9RbE-v"
    assert FIELDS[Kind.MULTIPLE_CHOICE] == (
        "Question", "Option A", "Option B", "Option C", "Option D", "Correct", "Answer",
        "Explanation", "Source", "Question ID",
    )  # fmt: skip


def test_ids_depend_on_identity_not_wording(
    bank: Bank, reword: Callable[[Bank, str, str], Bank]
) -> None:
    first = read_package(anki.apkg_bytes(bank, now=NOW))
    second = read_package(anki.apkg_bytes(reword(bank, "q-mc", "Reworded?"), now=NOW))
    assert [n[0] for n in first["notes"]] == [n[0] for n in second["notes"]]
    assert first["notes"] != second["notes"]
    assert first["decks"] == second["decks"]
    assert 1 << 30 <= ids.deck_id("x") < 1 << 31
    assert ids.deck_id("cramps") != ids.deck_id("cramps-2")
    assert ids.note_guid("cramps", "q1") != ids.note_guid("other-deck", "q1")


def test_package_holds_one_note_and_card_per_question(bank: Bank) -> None:
    package = read_package(anki.apkg_bytes(bank, now=NOW))
    deck = ids.deck_id(bank.deck.slug)
    assert package["decks"][deck] == bank.deck.name
    assert {g for g, *_ in package["notes"]} == {
        ids.note_guid("cramps", q.id) for q in bank.questions
    }
    assert package["cards"] == sorted(
        (ids.note_guid("cramps", q.id), deck, 0) for q in bank.questions
    )
    for kind in Kind:
        name, fields, model_type = package["models"][ids.MODEL_IDS[kind]]
        assert (name, tuple(fields)) == (NAMES[kind], FIELDS[kind])
        assert fields[-2:] == ["Source", "Question ID"]
        assert model_type == (1 if kind == Kind.CLOZE else 0)


def test_fields_are_escaped_html(bank: Bank) -> None:
    notes = {n[3][-1]: n[3] for n in read_package(anki.apkg_bytes(bank, now=NOW))["notes"]}
    mc4 = notes["q-mc4"]
    assert mc4[0] == "What does a low level of &lt;calcium&gt; &#123;Ca&#125; cause?"
    assert sorted(mc4[1:5]) == sorted(
        ["sleep ~ rest", "cramps &amp; spasms: &#123;often&#125;", "a = b # c", "back\\slash"]
    )
    assert mc4[1 + "ABCD".index(mc4[5])] == "cramps &amp; spasms: &#123;often&#125;"
    assert notes["q-mc"][4] == ""  # three options: no fourth
    assert (
        notes["q-cloze"][0]
        == "ALS, also known as {{c1::Lou Gehrig's disease}}, affects motor neurons."
    )
    assert notes["q-cloze-weird"][0].count("{{c1::") == 1
    source = notes["q-mc4"][FIELDS[Kind.MULTIPLE_CHOICE].index("Source")]
    assert source.startswith('<span class="qz-section">Metabolic: &lt;rare&gt; causes</span><br>')
    assert field_html("a\nb <i>") == "a<br>b &lt;i&gt;"


def test_tags_have_no_spaces_and_keep_hierarchy(bank: Bank) -> None:
    tags = note_tags(bank.by_id()["q-flash"])
    assert tags == ["entity::ALS", "section::Causes_of_cramps"]  # the bank's own tag merged in
    assert tag("section", "  A  b:c ") == "section::A_b_c"
    assert tag("entity", " ") == ""
    for question in bank.questions:
        assert all(" " not in t and t for t in note_tags(question))


def test_cards_work_without_script_in_day_and_night(bank: Bank) -> None:
    for model in MODELS.values():
        (template,) = model.templates
        assert "<script" not in template["qfmt"] + template["afmt"]
        assert "{{Source}}" in template["afmt"] and "{{Question ID}}" in template["afmt"]
        assert "{{Source}}" not in template["qfmt"]
    assert ".nightMode" in CARD_CSS and ".night_mode" in CARD_CSS
    assert "@media (max-width" in CARD_CSS  # phone-sized screens


def test_buffer_and_path_hold_the_same_package(bank: Bank, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    anki.write_apkg(bank, out, now=NOW)
    buffer = io.BytesIO()
    anki.write_apkg(bank, buffer, now=NOW)
    assert read_package(out.read_bytes()) == read_package(buffer.getvalue())
    assert read_package(anki.apkg_bytes(bank)) == read_package(buffer.getvalue())
    anki.write_apkg(bank, str(tmp_path / "as-str.apkg"), now=NOW)  # a str is a path too
    assert read_package((tmp_path / "as-str.apkg").read_bytes()) == read_package(out.read_bytes())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["as-str.apkg", "deck.apkg"]


def test_exporting_leaves_no_stray_files(
    bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def forbidden(*args: object, **kwargs: object) -> Any:
        raise AssertionError("exporting must not create temporary files")

    monkeypatch.setattr(tempfile, "mkstemp", forbidden)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", forbidden)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    anki.write_apkg(bank, out_dir / "deck.apkg", now=NOW)
    anki.apkg_bytes(bank, now=NOW)
    assert [p.name for p in out_dir.iterdir()] == ["deck.apkg"]
    assert not list(scratch.iterdir())


def test_failed_write_leaves_nothing_behind(
    bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_zip(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(anki, "_zip", broken_zip)
    with pytest.raises(OSError, match="No space"):
        anki.write_apkg(bank, tmp_path / "deck.apkg", now=NOW)
    assert not list(tmp_path.iterdir())


def test_naive_time_is_refused(bank: Bank) -> None:
    with pytest.raises(ValueError, match="aware"):
        anki.apkg_bytes(bank, now=datetime(2026, 3, 1))


def test_the_banks_own_section_and_entity_tags_win(bank: Bank) -> None:
    q = replace(
        bank.by_id()["q-mc"],
        tags=("section::Amyotrophic_Lateral_Sclerosis_ALS", "kind::multiple_choice"),
    )
    assert note_tags(q) == [
        "entity::ALS",
        "kind::multiple_choice",
        "section::Amyotrophic_Lateral_Sclerosis_ALS",
    ]


def test_back_says_each_thing_once(bank: Bank) -> None:
    tf_true, tf_false = bank.by_id()["q-tf-true"], bank.by_id()["q-tf-false"]
    statement = FIELDS[Kind.TRUE_FALSE].index("Correct statement")
    assert note_fields(tf_true)[statement] == ""  # the statement itself is the correct one
    assert note_fields(tf_false)[statement] == field_html(tf_false.source.sentence)
    echo = replace(tf_false, explanation=tf_false.source.sentence)
    assert note_fields(echo)[FIELDS[Kind.TRUE_FALSE].index("Explanation")] == ""
    assert note_fields(tf_false)[FIELDS[Kind.TRUE_FALSE].index("Explanation")] != ""


def test_note_types_carry_a_fixed_time_bumped_with_their_templates() -> None:
    # Anki takes a note type's templates only if its time is newer than the learner's copy,
    # and a fixed time leaves the learner's own tweaks alone. When this digest changes,
    # move notetypes.CHANGED_AT forward and record the new digest here.
    # Only what we set: genanki adds keys to the template dicts once it has written them.
    everything = [
        (m.model_id, m.name, [(t["name"], t["qfmt"], t["afmt"]) for t in m.templates], m.css)
        for m in (*MODELS.values(), *TYPED_MODELS.values())
    ]
    digest = hashlib.sha256(json.dumps(everything).encode()).hexdigest()[:16]
    assert (digest, CHANGED_AT) == ("90f68e0596bc28b4", datetime(2026, 12, 1, tzinfo=UTC))
    models = json.loads(
        sqlite_col(anki.apkg_bytes(make_bank(), now=NOW))
        .execute("select models from col")
        .fetchone()[0]
    )
    assert {m["mod"] for m in models.values()} == {int(CHANGED_AT.timestamp())}
    assert ids.TYPED_MODEL_IDS == {Kind.FLASHCARD: 1643964209, Kind.CLOZE: 1833394852}


def test_options_are_shuffled_per_card_and_stably(bank: Bank) -> None:
    mcs = [replace(bank.by_id()["q-mc4"], id=f"q-mc-{i}") for i in range(12)]
    orders = {tuple(note_fields(q)[1:5]) for q in mcs}
    assert len(orders) > 1  # not the bank's order for every card
    for q in mcs:
        fields = note_fields(q)
        assert fields == note_fields(q)  # the same card, the same order
        assert fields[1 + "ABCD".index(fields[5])] == field_html(q.answer)


def test_retired_notes_are_suspended_tagged_and_say_why(bank: Bank) -> None:
    options = anki.AnkiOptions(retired={"q-tf-true": "Merged into q-tf-false."})
    db = sqlite_col(anki.apkg_bytes(bank, now=NOW, options=options))
    rows = db.execute("select n.tags, n.flds, c.queue from notes n join cards c on c.nid = n.id")
    retired = [(t, f, q) for t, f, q in rows if "retired" in t.split()]
    ((_, fields, queue),) = retired
    assert queue == -1 and "q-tf-true" in fields
    assert "<b>Retired:</b> Merged into q-tf-false." in fields
    with pytest.raises(ValueError, match="not in the bank"):
        anki.apkg_bytes(bank, options=anki.AnkiOptions(retired={"gone": "?"}))

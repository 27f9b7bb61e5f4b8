"""Our .apkg opened by the `anki` package (the library inside Anki itself), as a learner's would.

Each test imports packages into fresh collections under tmp_path and inspects what Anki made
of them: counts, deck, rendered cards, tags; the re-export/re-import update scenario with a
review recorded in between; and the default deck's package.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "anki", reason="the anki package (pip install anki) is needed to open .apkg files"
)

from anki.collection import CardId, Collection  # anki.cards first would be a circular import
from anki.import_export_pb2 import ImportAnkiPackageOptions
from anki.scheduler.v3 import Scheduler
from anki.scheduler_pb2 import CardAnswer

from export.card_css import CARD_CSS
from export.notetypes import NAMES
from questions import bankfile
from questions.default_deck import DEFAULT_BANK
from questions.model import Bank, Kind, Question
from tests.export.anki_open import (
    GUI_DEFAULTS,
    card_for,
    import_apkg,
    new_collection,
    visible_text,
)

pytestmark = pytest.mark.anki

T1 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
T2 = T1 + timedelta(days=3)
UNREPLACED = re.compile(r"\{\{.*?\}\}", re.DOTALL)


@pytest.fixture
def collection(tmp_path: Path) -> Any:
    col = new_collection(tmp_path / "learner")
    yield col
    col.close()


# What the legacy importer (anki.importing.AnkiPackageImporter, used by add-ons) asks for.
LEGACY = ImportAnkiPackageOptions(
    merge_notetypes=True, with_scheduling=True, with_deck_configs=True
)


@dataclass
class Option:
    letter: str
    text: str


class OptionsParser(HTMLParser):
    """Collects the lettered options of a rendered multiple-choice side and the marked letter."""

    def __init__(self) -> None:
        super().__init__()
        self.marked: list[str] = []
        self.options: list[Option] = []
        self._in_option = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "ol":
            self.marked += [
                c.removeprefix("qz-correct-") for c in classes if c.startswith("qz-correct-")
            ]
        if tag == "li":
            letter = next(c.removeprefix("qz-opt-") for c in classes if c.startswith("qz-opt-"))
            self.options.append(Option(letter, ""))
            self._in_option = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "li":
            self._in_option = False

    def handle_data(self, data: str) -> None:
        if self._in_option:
            self.options[-1].text += data


def parse_options(side: str) -> OptionsParser:
    parser = OptionsParser()
    parser.feed(side)
    return parser


def check_package_in_anki(col: Collection, bank: Bank) -> None:
    """Everything issue 3 asks of an imported package, for any bank."""
    assert col.note_count() == len(bank.questions)
    assert col.card_count() == len(bank.questions)  # one card per note, cloze included
    for question in bank.questions:
        card = card_for(col, question)
        note = card.note()
        assert note.note_type()["name"] == NAMES[question.kind]
        assert col.decks.name(card.did) == bank.deck.name
        for side in (card.question(), card.answer()):
            assert visible_text(side), f"{question.id}: an empty side"
            assert not UNREPLACED.findall(side), f"{question.id}: {UNREPLACED.findall(side)}"
        back = visible_text(card.answer())
        for shown in (question.source.section, question.source.sentence, question.id):
            assert " ".join(shown.split()) in back, f"{question.id}: {shown!r} not on the back"
        assert "section::" in " ".join(note.tags) and "entity::" in " ".join(note.tags)
        assert all(" " not in t for t in note.tags)
        check_kind(card, question)


def check_kind(card: Any, question: Question) -> None:
    """What each kind's card shows, front and back, as issue 3 describes it."""
    front, back = visible_text(card.question()), visible_text(card.answer())
    prompt = " ".join(question.prompt.split())
    if question.explanation != question.source.sentence:
        assert " ".join(question.explanation.split()) in back
    if question.kind == Kind.MULTIPLE_CHOICE:
        check_multiple_choice(card, question)
    elif question.kind == Kind.CLOZE:
        assert card.ord == 0  # c1: the one and only cloze of the note
        assert "[...]" in front
        assert front.replace("[...]", question.answer) in back
    elif question.kind == Kind.TRUE_FALSE:
        assert front == f"True or false? {prompt}"
        verdict = back.split(prompt, 1)[1]
        assert verdict.split()[0] == question.answer
        if question.answer == "False":
            assert f"Correct statement: {' '.join(question.source.sentence.split())}" in back
    else:
        assert front == f"Question {prompt}"
        assert " ".join(question.answer.split()) in back.split(prompt, 1)[1]


def check_multiple_choice(card: Any, question: Question) -> None:
    front, back = parse_options(card.question()), parse_options(card.answer())
    assert [o.letter for o in front.options] == list("ABCD"[: len(question.options)])
    assert not front.marked, "the front must not give the answer away"
    (marked,) = back.marked
    chosen = [o for o in back.options if o.letter == marked]
    assert len(chosen) == 1
    assert chosen[0].text.strip().removeprefix(marked).strip() == question.answer
    # The mark is drawn by the note type's CSS, for this letter.
    assert f".qz-correct-{marked} .qz-opt-{marked}" in CARD_CSS
    assert f"Answer: {marked} {question.answer}" in visible_text(card.answer())


def test_package_imports_as_the_bank_implies(
    collection: Collection, bank: Bank, tmp_path: Path
) -> None:
    log = import_apkg(collection, bank, tmp_path / "deck.apkg", T1)
    assert len(log.new) == len(bank.questions)
    check_package_in_anki(collection, bank)


def test_article_text_is_escaped_not_interpreted(
    collection: Collection, bank: Bank, tmp_path: Path
) -> None:
    import_apkg(collection, bank, tmp_path / "deck.apkg", T1)
    mc4 = bank.by_id()["q-mc4"]
    back = card_for(collection, mc4).answer()
    assert "&lt;calcium&gt;" in back and "<calcium>" not in back
    weird_cloze = card_for(collection, bank.by_id()["q-cloze-weird"])
    # The answer holds "::" and braces, yet stays one whole cloze.
    assert "cramps&#58;&#58;spasms &#123;x&#125;" in weird_cloze.answer()


def test_tags_are_hierarchical_and_spaceless(
    collection: Collection, bank: Bank, tmp_path: Path
) -> None:
    import_apkg(collection, bank, tmp_path / "deck.apkg", T1)
    tags = card_for(collection, bank.by_id()["q-tf-true"]).note().tags
    assert tags == [
        "entity::Hypocalcemia_(low_Ca)",
        "section::Metabolic_rare_causes",
        "topic::metabolic_causes",
    ]


def answer(col: Collection, card_id: CardId, rating: Any) -> None:
    """Record a review through the scheduler, as Anki's reviewer does."""
    sched = col.sched
    assert isinstance(sched, Scheduler)
    col.decks.set_current(col.get_card(card_id).did)
    # The scheduler only answers the card at the top of the queue: put ours there first.
    sched.reposition_new_cards([card_id], 0, 1, randomize=False, shift_existing=True)
    entry = sched.get_queued_cards(fetch_limit=1).cards[0]
    assert entry.card.id == card_id
    card = col.get_card(card_id)
    card.start_timer()
    sched.answer_card(sched.build_answer(card=card, states=entry.states, rating=rating))


def schedule_of(col: Collection, card_id: CardId) -> tuple[Any, ...]:
    card = col.get_card(card_id)
    assert col.db is not None
    history = col.db.all(
        "select id, ease, ivl, type from revlog where cid = ? order by id", card_id
    )
    return (
        card.type,
        card.queue,
        card.due,
        card.ivl,
        card.reps,
        card.lapses,
        card.memory_state,
        history,
    )


@pytest.mark.parametrize("options", [GUI_DEFAULTS, LEGACY], ids=["gui-defaults", "legacy"])
def test_reexport_updates_notes_and_keeps_review_history(
    collection: Collection,
    bank: Bank,
    tmp_path: Path,
    reword: Callable[[Bank, str, str], Bank],
    options: ImportAnkiPackageOptions,
) -> None:
    import_apkg(collection, bank, tmp_path / "first.apkg", T1, options)
    reviewed = card_for(collection, bank.by_id()["q-flash"])
    edited = card_for(collection, bank.by_id()["q-mc"])
    answer(collection, reviewed.id, CardAnswer.EASY)
    answer(collection, edited.id, CardAnswer.GOOD)
    before = {cid: schedule_of(collection, cid) for cid in (reviewed.id, edited.id)}
    assert before[reviewed.id][4] == 1 and len(before[reviewed.id][7]) == 1  # one review recorded

    changed = reword(bank, "q-mc", "Which disease is <also> called Lou Gehrig's disease?")
    log = import_apkg(collection, changed, tmp_path / "second.apkg", T2, options)

    assert not log.new and not log.conflicting
    assert collection.note_count() == len(bank.questions)
    assert collection.card_count() == len(bank.questions)
    note = collection.get_note(edited.nid)
    assert note["Question"] == "Which disease is &lt;also&gt; called Lou Gehrig's disease?"
    assert edited.nid in {n.id.nid for n in log.updated}
    assert {cid: schedule_of(collection, cid) for cid in (reviewed.id, edited.id)} == before
    check_package_in_anki(collection, changed)


def contents(col: Collection) -> list[tuple[Any, ...]]:
    """What a learner sees of a collection: notes, their type, fields, tags, cards and decks."""
    rows = []
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        cards = sorted(
            (c.ord, col.decks.name(c.did), c.question(), c.answer()) for c in note.cards()
        )
        notetype = note.note_type()
        assert notetype is not None
        rows.append((note.guid, notetype["name"], note.fields, note.tags, cards))
    return sorted(rows)


def test_exporting_twice_gives_the_same_collection(bank: Bank, tmp_path: Path) -> None:
    cols = []
    for name, when in (("a", T1), ("b", T2)):
        col = new_collection(tmp_path / name)
        import_apkg(col, bank, tmp_path / f"{name}.apkg", when)
        cols.append(col)
    try:
        assert contents(cols[0]) == contents(cols[1])
        assert len(contents(cols[0])) == len(bank.questions)
    finally:
        for col in cols:
            col.close()


def test_default_deck_package_checks_out(collection: Collection, tmp_path: Path) -> None:
    if not DEFAULT_BANK.exists():
        pytest.skip(f"the default deck's bank {DEFAULT_BANK.name} has not been generated yet")
    bank = bankfile.load(DEFAULT_BANK)
    assert {q.kind for q in bank.questions} == set(Kind), "the default deck should use every kind"
    import_apkg(collection, bank, tmp_path / "default.apkg", T1)
    check_package_in_anki(collection, bank)

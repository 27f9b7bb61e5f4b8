"""Every export's first check: a bank `quizapp check` rejects is refused in one clear line;
an empty bank passes with a warning."""

from __future__ import annotations

from dataclasses import replace

import pytest

from export.guard import EMPTY_WARNING, UnexportableBank, check_exportable
from questions import bankfile
from questions.bankfile import with_content_version
from questions.checking import check_sources
from questions.default_deck import DEFAULT_BANK
from questions.model import Bank


def test_a_consistent_bank_passes_without_warnings(bank: Bank) -> None:
    assert check_sources(bank, "b") == []
    assert check_exportable(bank) == []


def test_a_stale_content_version_is_refused(bank: Bank) -> None:
    edited = replace(bank, questions=bank.questions[1:])  # edited, not re-versioned
    with pytest.raises(UnexportableBank) as refused:
        check_exportable(edited, "cramps.bank.json")
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith("refusing to export: cramps.bank.json: content_version: is ")
    assert message.endswith("run `quizapp check`")


def test_a_source_that_is_not_the_article_is_refused(bank: Bank) -> None:
    wrong = replace(bank.questions[0].source, sentence="Not in the article.")
    broken = with_content_version(
        replace(bank, questions=(replace(bank.questions[0], source=wrong), *bank.questions[1:]))
    )
    with pytest.raises(UnexportableBank, match=r"source\.sentence"):
        check_exportable(broken)


def test_an_empty_bank_is_exported_with_a_warning(bank: Bank) -> None:
    empty = with_content_version(replace(bank, questions=()))
    assert check_exportable(empty, "x.bank.json") == [f"x.bank.json: {EMPTY_WARNING}"]


def test_the_default_deck_is_exportable() -> None:
    if not DEFAULT_BANK.exists():
        pytest.skip(f"the default deck's bank {DEFAULT_BANK.name} has not been generated yet")
    assert check_exportable(bankfile.load(DEFAULT_BANK), DEFAULT_BANK.name) == []

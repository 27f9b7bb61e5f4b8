"""What every export checks first: a bank that ``quizapp check`` would reject is refused, and
an empty one is exported with a warning (a deck with no questions is almost always a mistake,
but not an error: a teacher may export a section that has none yet).

Refused: a ``content_version`` that does not match the questions (the bank was edited by
hand and not re-versioned, so the web app and earlier exports disagree about what changed)
and sources that are not the article's text (``questions.checking.check_sources``). The
quality gates are not re-run here: they judge the questions, not whether the file holds
together, and ``quizapp check`` reports them.
"""

from __future__ import annotations

from questions.bankfile import content_version
from questions.checking import check_sources
from questions.model import Bank

EMPTY_WARNING = "the bank has no questions: the export holds an empty deck"


class UnexportableBank(ValueError):
    """The bank is inconsistent; the message is one line naming the first problem."""


def problems(bank: Bank, file: str) -> list[str]:
    """Every reason to refuse ``bank`` (read from ``file``), one line each."""
    found = []
    if bank.content_version != content_version(bank):
        found.append(
            f"{file}: content_version: is {bank.content_version!r} but the questions give "
            f"{content_version(bank)!r} (update it after editing questions)"
        )
    return found + check_sources(bank, file)


def check_exportable(bank: Bank, file: str = "bank") -> list[str]:
    """Raise ``UnexportableBank`` if ``quizapp check`` would reject ``bank``; else the
    warnings to print (an empty bank), possibly none."""
    found = problems(bank, file)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise UnexportableBank(f"refusing to export: {found[0]}{more}; run `quizapp check`")
    return [] if bank.questions else [f"{file}: {EMPTY_WARNING}"]

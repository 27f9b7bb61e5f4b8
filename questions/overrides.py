"""Hand fixes that survive regeneration: an overrides file next to the bank, keyed by question id.

``X.bank.json`` has its fixes in ``X.overrides.json``::

    {
      "q-0123456789ab": {"drop": true, "note": "ambiguous: MS also fits"},
      "q-ba9876543210": {"set": {"prompt": "…", "explanation": "…"}, "note": "clearer stem"}
    }

Because ids come from a question's fact and kind (not its wording), an override keeps
finding its question after the article or the generator changes. ``generate`` applies the
overrides before the quality gates, so a hand-fixed question must pass them too, and it
reports overrides whose id no longer exists (stale).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from questions.model import Question

EDITABLE = ("prompt", "answer", "explanation", "accepted", "options", "correct", "tags")


class OverrideError(Exception):
    """The overrides file is malformed; the message names the id and field."""


@dataclass(frozen=True)
class Override:
    drop: bool = False
    fields: tuple[tuple[str, Any], ...] = ()
    note: str = ""


def overrides_path(bank_path: Path) -> Path:
    name = bank_path.name
    stem = name[: -len(".bank.json")] if name.endswith(".bank.json") else bank_path.stem
    return bank_path.with_name(stem + ".overrides.json")


def parse(data: Any, file: str = "<overrides>") -> dict[str, Override]:
    if not isinstance(data, dict):
        raise OverrideError(f"{file}: must be a JSON object keyed by question id")
    out: dict[str, Override] = {}
    for qid in sorted(data):
        entry = data[qid]
        if not isinstance(entry, dict) or not (set(entry) <= {"drop", "set", "note"}):
            raise OverrideError(f"{file}: {qid}: must be an object with drop, set and/or note")
        fields = entry.get("set", {})
        if not isinstance(fields, dict) or any(k not in EDITABLE for k in fields):
            raise OverrideError(f"{file}: {qid}: set: may only change {', '.join(EDITABLE)}")
        out[qid] = Override(
            drop=bool(entry.get("drop", False)),
            fields=tuple(sorted((k, _freeze(v)) for k, v in fields.items())),
            note=str(entry.get("note", "")),
        )
    return out


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def apply(question: Question, override: Override) -> Question | None:
    """The fixed question, or None if the override drops it."""
    if override.drop:
        return None
    return replace(question, **dict(override.fields)) if override.fields else question

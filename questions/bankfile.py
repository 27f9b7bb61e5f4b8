"""The bank file: one JSON document per deck, deterministic and diff-friendly.

``dumps`` writes keys in a fixed order, two-space indentation, one question per object, and
a trailing newline, so the same bank is always the same bytes. ``load`` validates the
structure and reports *every* problem with the file, question id and field it concerns,
instead of stopping at the first.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from questions.model import CLOZE_BLANK, SCHEMA_VERSION, TRUE_FALSE_OPTIONS, Bank, Kind

MAX_BANK_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a bank file."""

    file: str
    question_id: str
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.question_id:
            where += f": question {self.question_id}"
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


class BankError(Exception):
    """A bank could not be loaded; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid bank"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


def content_version(bank: Bank) -> str:
    """Digest of the questions alone: same questions, same version."""
    payload = json.dumps(
        [q.to_dict() for q in bank.questions], sort_keys=True, ensure_ascii=False
    ).encode("utf-8")
    return hashlib.sha256(payload).hexdigest()[:16]


def with_content_version(bank: Bank) -> Bank:
    return replace(bank, content_version=content_version(bank))


def dumps(bank: Bank) -> str:
    return json.dumps(bank.to_dict(), indent=2, ensure_ascii=False) + "\n"


def dump(bank: Bank, path: Path) -> None:
    """Write atomically so a crash never leaves half a bank behind."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dumps(bank), encoding="utf-8")
    tmp.replace(path)


def loads(text: str, file: str = "<bank>") -> Bank:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BankError(
            [Problem(file, "", f"line {exc.lineno} column {exc.colno}", exc.msg)]
        ) from None
    except RecursionError:
        raise BankError([Problem(file, "", "", "is nested too deeply to be a bank")]) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        raise BankError([Problem(file, "", "", f"cannot be read: {exc}")]) from None
    problems = validate(data, file)
    if problems:
        raise BankError(problems)
    return Bank.from_dict(data)


def load(path: Path) -> Bank:
    """Read and validate a bank file; every failure is a ``BankError``."""
    name = str(path)
    try:
        if path.is_dir():
            raise BankError([Problem(name, "", "", "is a directory, not a bank file")])
        if path.stat().st_size > MAX_BANK_BYTES:
            raise BankError([Problem(name, "", "", "is too large to be a bank file")])
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BankError([Problem(name, "", "", "no such file")]) from None
    except PermissionError:
        raise BankError([Problem(name, "", "", "permission denied")]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BankError([Problem(name, "", "", "is not UTF-8 text")]) from None
    return loads(text, name)


_TOP_FIELDS: dict[str, type | tuple[type, ...]] = {
    "schema_version": int,
    "content_version": str,
    "deck": dict,
    "questions": list,
    "article": dict,
}
_QUESTION_FIELDS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "kind": str,
    "prompt": str,
    "answer": str,
    "explanation": str,
    "fact_id": str,
    "fact_kind": str,
    "entity": str,
    "source": dict,
}
_SOURCE_FIELDS: dict[str, type | tuple[type, ...]] = {
    "section": str,
    "sentence": str,
    "start": int,
    "end": int,
}


def _typed(
    data: dict[str, Any], spec: dict[str, type | tuple[type, ...]], where: tuple[str, str, str]
) -> list[Problem]:
    file, qid, prefix = where
    out = []
    for name, typ in spec.items():
        if name not in data:
            out.append(Problem(file, qid, prefix + name, "missing"))
        elif not isinstance(data[name], typ) or isinstance(data[name], bool):
            out.append(Problem(file, qid, prefix + name, f"must be {_type_name(typ)}"))
    return out


def _type_name(typ: type | tuple[type, ...]) -> str:
    names = {str: "a string", int: "an integer", dict: "an object", list: "a list"}
    if isinstance(typ, tuple):
        return " or ".join(names.get(t, t.__name__) for t in typ)
    return names.get(typ, typ.__name__)


def validate(data: Any, file: str = "<bank>") -> list[Problem]:
    """Every structural problem of a parsed bank document (empty list: loadable)."""
    if not isinstance(data, dict):
        return [Problem(file, "", "", "must be a JSON object")]
    problems = _typed(data, _TOP_FIELDS, (file, "", ""))
    if problems:
        return problems
    if data["schema_version"] != SCHEMA_VERSION:
        problems.append(
            Problem(
                file,
                "",
                "schema_version",
                f"is {data['schema_version']}, this quizapp reads {SCHEMA_VERSION}",
            )
        )
    problems += _typed(data["deck"], {"slug": str, "name": str}, (file, "", "deck."))
    problems += _typed(
        data["article"],
        {"title": str, "filename": str, "sha256": str, "text": str},
        (file, "", "article."),
    )
    text_len = len(data["article"].get("text", "")) if isinstance(data["article"], dict) else 0
    seen: set[str] = set()
    for index, q in enumerate(data["questions"]):
        problems += _validate_question(q, index, file, text_len, seen)
    if not problems:
        from questions import bankrules  # it builds on this module's Problem

        problems = bankrules.problems(data, file)
    return problems


def _validate_question(
    q: Any, index: int, file: str, text_len: int, seen: set[str]
) -> list[Problem]:
    if not isinstance(q, dict):
        return [Problem(file, f"#{index + 1}", "", "must be an object")]
    raw_id = q.get("id")
    qid = raw_id if isinstance(raw_id, str) else f"#{index + 1}"
    problems = _typed(q, _QUESTION_FIELDS, (file, qid, ""))
    if problems:
        return problems
    if qid in seen:
        problems.append(Problem(file, qid, "id", "is used by more than one question"))
    seen.add(qid)
    kinds = [k.value for k in Kind]
    if q["kind"] not in kinds:
        problems.append(Problem(file, qid, "kind", f"must be one of {', '.join(kinds)}"))
        return problems
    for name in ("prompt", "answer"):
        if not q[name].strip():
            problems.append(Problem(file, qid, name, "is empty"))
    problems += _validate_options(q, file, qid)
    if q["kind"] == Kind.CLOZE and q["prompt"].count(CLOZE_BLANK) != 1:
        problems.append(Problem(file, qid, "prompt", f"a cloze needs exactly one {CLOZE_BLANK}"))
    for name in ("accepted", "tags"):
        value = q.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(Problem(file, qid, name, "must be a list of strings"))
    problems += _validate_source(q["source"], file, qid, text_len)
    return problems


def _validate_options(q: dict[str, Any], file: str, qid: str) -> list[Problem]:
    kind = q["kind"]
    options = q.get("options", [])
    correct = q.get("correct")
    if kind in (Kind.FLASHCARD, Kind.CLOZE):
        if options:
            return [Problem(file, qid, "options", f"a {kind} question has no options")]
        return []
    if not isinstance(options, list) or not all(isinstance(o, str) for o in options):
        return [Problem(file, qid, "options", "must be a list of strings")]
    if kind == Kind.TRUE_FALSE and tuple(options) != TRUE_FALSE_OPTIONS:
        return [Problem(file, qid, "options", 'must be ["True", "False"]')]
    if kind == Kind.MULTIPLE_CHOICE and not 3 <= len(options) <= 4:
        return [Problem(file, qid, "options", "a multiple choice needs 3 or 4 options")]
    if not isinstance(correct, int) or isinstance(correct, bool):
        return [Problem(file, qid, "correct", "must be the index of the correct option")]
    if not 0 <= correct < len(options):
        return [Problem(file, qid, "correct", f"{correct} is not an option index")]
    if options[correct] != q["answer"]:
        return [Problem(file, qid, "answer", "must equal the text of the correct option")]
    if len({o.casefold() for o in options}) != len(options):
        return [Problem(file, qid, "options", "two options are the same")]
    return []


def _validate_source(src: dict[str, Any], file: str, qid: str, text_len: int) -> list[Problem]:
    problems = _typed(src, _SOURCE_FIELDS, (file, qid, "source."))
    if problems:
        return problems
    if not 0 <= src["start"] < src["end"] <= text_len:
        problems.append(Problem(file, qid, "source.start", "offsets fall outside the article text"))
    return problems

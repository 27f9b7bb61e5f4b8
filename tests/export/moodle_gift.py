"""How Moodle's GIFT importer reads one question: a port of the decisions in
``qformat_gift::readquestion`` (question/format/gift/format.php): escapes, the answer block,
general feedback, the question type, and each answer's weight, format and text.

Only what decides the type and the answers is ported, so the tests can check that no text
of ours changes them as Moodle sees them (gift-pegjs, the other parser, is stricter than
Moodle in places and more lenient in others).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = {
    "\\:": "\x01",
    "\\#": "\x02",
    "\\=": "\x03",
    "\\{": "\x04",
    "\\}": "\x05",
    "\\~": "\x06",
}
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_FORMATS = ("moodle", "html", "plain", "markdown")


@dataclass
class MoodleQuestion:
    qtype: str
    text: str
    answers: list[tuple[float, str, str]] = field(default_factory=list)  # fraction, format, text


def _pre(text: str) -> str:
    text = text.replace("\\\\", "\x07")
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x07", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _ESCAPES.items():
        text = text.replace(placeholder, escaped[1])
    return text


def with_format(text: str) -> tuple[str, str]:
    """(format, text) as ``parse_text_with_format`` reads them."""
    if text.startswith("[") and "]" in text and text[1 : text.index("]")] in _FORMATS:
        return text[1 : text.index("]")], _post(text[text.index("]") + 1 :]).strip()
    return "", _post(text).strip()


def read_question(source: str) -> MoodleQuestion:
    text = _pre(" ".join(ln for ln in source.split("\n") if not ln.strip().startswith("//")))
    text = text.strip()
    if text.startswith("::"):
        text = text[2:]
        text = text[text.index("::") + 2 :].strip()
    start, end = text.index("{"), text.index("}")
    answers = text[start + 1 : end].strip()
    blank = "" if text.endswith("}") else "_____"
    question = with_format(text[:start] + blank + text[end + 1 :])[1]
    if "####" in answers:
        answers = answers[: answers.rindex("####")].strip()
    return MoodleQuestion(_qtype(answers), question, _answers(_qtype(answers), answers))


def _qtype(answers: str) -> str:
    if answers == "":
        return "essay"
    if answers[0] == "#":
        return "numerical"
    if "~" in answers:
        return "multichoice"
    if "=" in answers and "->" in answers:
        return "match"
    head = answers.split("#", 1)[0].strip() if "#" in answers else answers
    return "truefalse" if head in ("T", "TRUE", "F", "FALSE") else "shortanswer"


def _answers(qtype: str, answers: str) -> list[tuple[float, str, str]]:
    if qtype == "multichoice":
        split = [a.strip() for a in answers.replace("=", "~=").split("~") if a.strip()]
        parts = [("=", a[1:].strip()) if a[0] == "=" else ("~", a) for a in split]
    elif qtype == "shortanswer":
        parts = [("%", a.strip()) for a in answers.split("=") if a.strip()]
    else:
        return []
    read = []
    for mark, body in parts:
        fraction = 0.0 if mark == "~" else 1.0
        weight = _WEIGHT.match(body)
        if weight and mark != "=":  # a multiple choice's "=" answer has no weight
            fraction, body = float(weight.group(1)) / 100, body[weight.end() :]
        read.append((fraction, *with_format(body.split("#")[0].strip())))
    return read

"""Moodle GIFT: our output parsed back by a GIFT parser written from Moodle's published format
(https://docs.moodle.org/en/GIFT_format): comments, $CATEGORY, ::name::, [format], answer
blocks with =/~ answers, #feedback and ####general feedback, TRUE/FALSE, the missing-word
form, and backslash escapes of ~ = # { } : and the backslash itself."""

from __future__ import annotations

from dataclasses import dataclass, field

import hypothesis.strategies as st
from hypothesis import given, settings

from export.gift import escape, gift_text
from questions.model import CLOZE_BLANK, Bank, Kind

SPECIALS = "~=#{}:\\"
Chars = list[tuple[str, bool]]  # (character, was it escaped?)


def scan(text: str) -> Chars:
    out: Chars = []
    i = 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append(("\n", True) if nxt == "n" else (nxt, True))
            i += 2
        else:
            out.append((text[i], False))
            i += 1
    return out


def plain(chars: Chars) -> str:
    return "".join(c for c, _ in chars)


def find(chars: Chars, token: str, start: int = 0) -> int:
    """Index of the first unescaped occurrence of ``token`` at or after ``start``, or -1."""
    for i in range(start, len(chars) - len(token) + 1):
        window = chars[i : i + len(token)]
        if all(c == t and not esc for (c, esc), t in zip(window, token, strict=True)):
            return i
    return -1


def split_unescaped(chars: Chars, marks: str) -> list[tuple[str, Chars]]:
    """Split an answer block into (mark, answer) at every unescaped ``=`` or ``~``."""
    parts: list[tuple[str, Chars]] = []
    for c, esc in chars:
        if c in marks and not esc:
            parts.append((c, []))
        elif parts:
            parts[-1][1].append((c, esc))
        elif c.strip():
            raise ValueError(f"text before the first answer: {plain(chars)!r}")
    return parts


@dataclass
class GiftQuestion:
    name: str
    text: str
    qtype: str
    answers: list[tuple[bool, str]] = field(default_factory=list)  # (correct?, text)
    truth: bool | None = None
    general_feedback: str = ""
    text_format: str = "moodle"


@dataclass
class GiftFile:
    category: str = ""
    questions: list[GiftQuestion] = field(default_factory=list)


def parse_gift(source: str) -> GiftFile:
    result = GiftFile()
    for block in source.split("\n\n"):
        lines = [ln for ln in block.split("\n") if not ln.lstrip().startswith("//")]
        if lines and lines[0].startswith("$CATEGORY:"):
            result.category = lines.pop(0).removeprefix("$CATEGORY:").strip()
        if any(ln.strip() for ln in lines):
            result.questions.append(parse_question(" ".join(lines).strip()))
    return result


def parse_question(text: str) -> GiftQuestion:
    chars = scan(text)
    name = ""
    if find(chars, "::") == 0:
        end = find(chars, "::", 2)
        name, chars = plain(chars[2:end]).strip(), chars[end + 2 :]
    text_format = "moodle"
    while chars and not chars[0][0].strip():
        chars = chars[1:]
    if chars and chars[0] == ("[", False) and find(chars, "]") > 0:
        end = find(chars, "]")
        text_format, chars = plain(chars[1:end]), chars[end + 1 :]
    open_at = find(chars, "{")
    close_at = find(chars, "}", open_at)
    assert open_at >= 0 and close_at > open_at, f"no answer block in {text!r}"
    assert find(chars, "{", open_at + 1) == -1, f"two answer blocks in {text!r}"
    assert find(chars, "}", close_at + 1) == -1, f"a stray }} in {text!r}"
    before, block, after = chars[:open_at], chars[open_at + 1 : close_at], chars[close_at + 1 :]
    question_text = plain(before).strip()
    if plain(after).strip():  # the missing-word form: the block stands for a blank
        question_text = plain(before) + "_____" + plain(after)
    question = GiftQuestion(name=name, text=question_text, qtype="", text_format=text_format)
    general = find(block, "####")
    if general >= 0:
        question.general_feedback = plain(block[general + 4 :]).strip()
        block = block[:general]
    parse_answers(block, question)
    return question


def parse_answers(block: Chars, question: GiftQuestion) -> None:
    word = plain(block).strip()
    if word in ("T", "TRUE", "F", "FALSE"):
        question.qtype, question.truth = "truefalse", word.startswith("T")
        return
    for mark, answer in split_unescaped(block, "=~"):
        cut = find(answer, "#")
        body = answer[:cut] if cut >= 0 else answer
        question.answers.append((mark == "=", plain(body).strip()))
    correct = [a for a in question.answers if a[0]]
    assert correct, f"no correct answer in {question.name}"
    question.qtype = "shortanswer" if len(correct) == len(question.answers) else "multichoice"


def test_every_question_parses_back_as_written(bank: Bank) -> None:
    parsed = parse_gift(gift_text(bank))
    assert parsed.category == "$course$/top/Muscle cramps: causes"
    assert [q.name for q in parsed.questions] == [q.id for q in bank.questions]
    expected_type = {
        Kind.FLASHCARD: "shortanswer",
        Kind.CLOZE: "shortanswer",
        Kind.MULTIPLE_CHOICE: "multichoice",
        Kind.TRUE_FALSE: "truefalse",
    }
    for ours, theirs in zip(bank.questions, parsed.questions, strict=True):
        assert theirs.qtype == expected_type[ours.kind], ours.id
        assert theirs.text_format == "plain"
        assert ours.source.sentence in theirs.general_feedback
        assert ours.explanation in theirs.general_feedback
        if ours.kind == Kind.CLOZE:
            assert theirs.text == ours.prompt.replace(CLOZE_BLANK, "_____")
        else:
            assert theirs.text == ours.prompt
        if ours.kind == Kind.TRUE_FALSE:
            assert theirs.truth is (ours.answer == "True")
        elif ours.kind == Kind.MULTIPLE_CHOICE:
            assert theirs.answers == [(o == ours.answer, o) for o in ours.options]
        else:
            # Moodle's short answer reads "\*" as a literal star.
            answers = [a.replace("\\*", "*") for _, a in theirs.answers]
            assert answers == [ours.answer, *ours.accepted]


def test_special_characters_are_escaped(bank: Bank) -> None:
    text = gift_text(bank)
    assert r"cramps \& spasms" not in text  # "&" is not special in GIFT
    assert r"=cramps & spasms\: \{often\}" in text
    assert r"~a \= b \# c ~back\\slash" in text
    # One comment line and one question line each: no line break can end a question early.
    blocks = text.rstrip("\n").split("\n\n")[1:]
    assert len(blocks) == len(bank.questions)
    assert all(len(block.split("\n")) == 2 for block in blocks)


def test_an_unescaped_special_would_break_the_question() -> None:
    # Shows the parser is strict enough to catch a missing escape.
    broken = parse_question("::q::Pick {=a = b ~c}")
    assert broken.answers == [(True, "a"), (True, "b"), (False, "c")]
    fixed = parse_question(f"::q::Pick {{={escape('a = b')} ~c}}")
    assert fixed.answers == [(True, "a = b"), (False, "c")]


@settings(database=None)  # write nothing outside tmp_path
@given(st.text(alphabet=st.sampled_from(SPECIALS + "ab \n\t:#"), min_size=1))
def test_escape_round_trips_any_text(text: str) -> None:
    parsed = parse_question(f"::{escape('n:' + text)}::[plain]{escape(text)} {{={escape(text)}}}")
    one_line = " ".join(text.split())
    assert parsed.name == " ".join(("n:" + text).split()).strip()
    assert parsed.text == one_line.strip()
    assert parsed.answers == [(True, one_line.strip())]

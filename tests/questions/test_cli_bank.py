"""`quizapp generate` and `check`: output, summary, overrides, one-line errors (exit 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from questions.bankfile import dumps, load, loads, with_content_version
from questions.default_deck import DEFAULT_ARTICLE, DEFAULT_BANK
from questions.ranking import MINIMUM
from quizapp.cli.bank import check, generate

ARTICLES = Path(__file__).resolve().parent / "articles"


def run(command, args: list[str]) -> Result:  # type: ignore[no-untyped-def]
    return CliRunner().invoke(command, [str(a) for a in args])


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_generate_to_stdout_prints_the_bank_and_a_summary_on_stderr() -> None:
    result = run(generate, [DEFAULT_ARTICLE, "-o", "-"])
    assert result.exit_code == 0, result.output
    bank = loads(result.stdout)
    assert len(bank.questions) >= MINIMUM
    err = result.stderr
    assert "wrote standard output" in err
    assert "by kind: flashcard" in err and "multiple_choice" in err
    assert "by section:" in err and "Diagnosis and Treatment" in err
    assert "rejected by reason:" in err and "leakage:" in err


def test_standard_output_carries_the_same_bank_as_the_file(tmp_path: Path) -> None:
    result = run(generate, [DEFAULT_ARTICLE, "-o", "-", "-q"])
    assert result.stdout == DEFAULT_BANK.read_text(encoding="utf-8")
    assert result.stderr == ""
    elsewhere = tmp_path / "copy.bank.json"
    assert run(generate, [DEFAULT_ARTICLE, "-o", elsewhere, "-q"]).exit_code == 0
    assert elsewhere.read_text(encoding="utf-8") == DEFAULT_BANK.read_text(encoding="utf-8")


def test_generate_writes_next_to_the_article_by_default(tmp_path: Path) -> None:
    article = tmp_path / "coffee.html"
    shutil.copy(ARTICLES / "coffee-page.html", article)
    result = run(generate, [article, "-q", "--slug", "beans", "--name", "Beans"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    bank = load(tmp_path / "coffee.bank.json")
    assert (bank.deck.slug, bank.deck.name) == ("beans", "Beans")


def test_the_commands_are_registered_on_the_quizapp_group() -> None:
    from quizapp.cli import cli

    assert cli.get_command(None, "generate") is generate  # type: ignore[arg-type]
    assert cli.get_command(None, "check") is check  # type: ignore[arg-type]


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "blank.txt").write_bytes(b"  \n\n\t\n")
    (tmp / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp / "latin1.txt").write_bytes("Caf\u00e9 cr\u00e8me is a drink.".encode("latin-1"))
    (tmp / "noise.txt").write_text("close\n\n3 min read 11-03-2025\n\nRelated Posts\n")
    (tmp / "dir.md").mkdir()
    with (tmp / "huge.txt").open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing to read
    return {
        "missing": (tmp / "missing.txt", "no such file"),
        "directory": (tmp / "dir.md", "is a directory"),
        "empty": (tmp / "empty.txt", "empty"),
        "blank": (tmp / "blank.txt", "empty"),
        "binary": (tmp / "image.txt", "binary"),
        "not utf-8": (tmp / "latin1.txt", "not UTF-8"),
        "no usable text": (tmp / "noise.txt", "no usable text"),
        "50 MB": (tmp / "huge.txt", "too large"),
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "directory", "empty", "blank", "binary", "not utf-8", "no usable text", "50 MB"],
)
def test_bad_article_is_one_line_and_exit_status_2(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, expected = _bad_inputs(tmp_path)[case]
    if case == "50 MB":
        # Refused by size before a byte is read.
        monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read a huge file"))
    line = one_line_error(run(generate, [path, "-o", tmp_path / "out.bank.json"]))
    assert str(path) in line and expected in line
    assert not (tmp_path / "out.bank.json").exists()


def test_malformed_overrides_are_one_line_and_exit_status_2(tmp_path: Path) -> None:
    bad = tmp_path / "o.json"
    bad.write_text('{"q-1": {"set": {"id": "x"}}}')
    line = one_line_error(run(generate, [DEFAULT_ARTICLE, "-o", "-", "--overrides", bad]))
    assert "q-1" in line and "may only change" in line


def test_overrides_next_to_the_bank_survive_regeneration(tmp_path: Path) -> None:
    out = tmp_path / "deck.bank.json"
    assert run(generate, [DEFAULT_ARTICLE, "-o", out, "-q"]).exit_code == 0
    first = load(out)
    dropped, fixed = first.questions[0], first.questions[1]
    overrides = {
        dropped.id: {"drop": True, "note": "not worth learning"},
        fixed.id: {"set": {"explanation": "Hand-written explanation."}},
        "q-000000000000": {"drop": True},
    }
    (tmp_path / "deck.overrides.json").write_text(json.dumps(overrides))
    result = run(generate, [DEFAULT_ARTICLE, "-o", out])
    assert result.exit_code == 0, result.output
    second = load(out).by_id()
    assert dropped.id not in second
    assert second[fixed.id].explanation == "Hand-written explanation."
    assert "override_drop" in result.stderr
    assert "stale overrides (no such question): q-000000000000" in result.stderr


def test_check_accepts_the_default_bank_with_its_article() -> None:
    result = run(check, [DEFAULT_BANK, "--article", DEFAULT_ARTICLE])
    assert result.exit_code == 0, result.output
    assert "pass every check" in result.stdout


def _edited_bank(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    data = json.loads(DEFAULT_BANK.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "edited.bank.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_check_reports_a_hand_edit_that_leaks_the_answer(tmp_path: Path) -> None:
    bank = load(DEFAULT_BANK)
    q = next(q for q in bank.questions if q.kind.value == "multiple_choice")
    index = bank.questions.index(q)

    def leak(data: dict) -> None:  # type: ignore[type-arg]
        data["questions"][index]["prompt"] = f"Is it {q.answer}?"

    result = run(check, [_edited_bank(tmp_path, leak)])
    assert result.exit_code == 1
    assert f"question {q.id}: leakage" in result.stderr
    assert "content_version" in result.stderr  # edited by hand without updating the version


def test_check_reports_a_source_that_is_not_the_article_text(tmp_path: Path) -> None:
    def shift(data: dict) -> None:  # type: ignore[type-arg]
        data["questions"][0]["source"]["start"] += 1

    result = run(check, [_edited_bank(tmp_path, shift)])
    assert result.exit_code == 1
    assert "source.sentence: is not the article text" in result.stderr


def test_check_with_another_article_fails(tmp_path: Path) -> None:
    result = run(check, [DEFAULT_BANK, "--article", ARTICLES / "sleep-faq.txt"])
    assert result.exit_code == 1
    assert "was not made from" in result.stderr


def test_check_reports_structural_problems_by_question_and_field(tmp_path: Path) -> None:
    def break_it(data: dict) -> None:  # type: ignore[type-arg]
        del data["questions"][2]["answer"]

    result = run(check, [_edited_bank(tmp_path, break_it)])
    assert result.exit_code == 1
    assert "answer: missing" in result.stderr


def test_check_passes_a_clean_hand_edit(tmp_path: Path) -> None:
    bank = load(DEFAULT_BANK)
    first = bank.questions[0]
    fixed = type(first)(**{**first.__dict__, "explanation": "A clearer explanation."})
    edited = with_content_version(
        type(bank)(**{**bank.__dict__, "questions": (fixed, *bank.questions[1:])})
    )
    path = tmp_path / "clean.bank.json"
    path.write_text(dumps(edited), encoding="utf-8")
    assert run(check, [path]).exit_code == 0


def test_check_of_a_missing_bank_is_exit_status_2(tmp_path: Path) -> None:
    assert "no such file" in one_line_error(run(check, [tmp_path / "none.json"]))


def test_long_articles_show_a_progress_bar(tmp_path: Path) -> None:
    text = DEFAULT_ARTICLE.read_text(encoding="utf-8")
    article = tmp_path / "long.txt"
    article.write_text("\n\n".join([text] * 40), encoding="utf-8")
    result = run(generate, [article, "-o", tmp_path / "long.bank.json"])
    assert result.exit_code == 0, result.output
    assert "reading" in result.stderr and "sentence" in result.stderr


@pytest.mark.parametrize("name", ["coffee-page.html", "solar-system.md"])
def test_check_accepts_a_fresh_bank_of_html_and_markdown(tmp_path: Path, name: str) -> None:
    out = tmp_path / "deck.bank.json"
    assert run(generate, [ARTICLES / name, "-o", out, "-q"]).exit_code == 0
    result = run(check, [out, "--article", ARTICLES / name])
    assert result.exit_code == 0, result.output


def test_check_reports_a_wrong_option_of_another_kind(tmp_path: Path) -> None:
    bank = load(DEFAULT_BANK)
    index, q = next(
        (i, q)
        for i, q in enumerate(bank.questions)
        if q.kind.value == "multiple_choice" and q.fact_kind == "list_item"
    )
    wrong = next(i for i in range(len(q.options)) if i != q.correct)

    def swap_in_a_condition(data: dict) -> None:  # type: ignore[type-arg]
        data["questions"][index]["options"][wrong] = "Hypocalcemia"

    result = run(check, [_edited_bank(tmp_path, swap_in_a_condition)])
    assert result.exit_code == 1
    assert f"question {q.id}: distractor_kind" in result.stderr

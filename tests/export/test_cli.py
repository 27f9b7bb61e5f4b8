"""`quizapp export anki|tsv|gift`: files and standard output as asked, help on every command,
and every user error as one line on stderr with exit status 2 (never a traceback)."""

from __future__ import annotations

import io
import json
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import flask_migrate
import pytest
from click.testing import CliRunner, Result

from export.gift import gift_text
from export.tsv import tsv_text
from questions import bankfile
from questions.bankfile import with_content_version
from questions.model import Bank
from quizapp import create_app
from quizapp.cli import cli
from quizapp.cli import exports as cli_export
from quizapp.db.banks import import_bank
from quizapp.db.base import db
from quizapp.db.models import CardState, User
from quizapp.db.schema import migrations_dir


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-template") / "template.sqlite3"
    app = create_app({"DATABASE_URL": f"sqlite:///{path}", "SECRET_KEY": "x", "TESTING": True})
    with app.app_context():
        flask_migrate.upgrade(directory=migrations_dir(app))
        db.engine.dispose()
    return path


@pytest.fixture(autouse=True)
def cli_database(
    migrated_database: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """``export anki`` keeps its change ledger in the app's database: a fresh copy per test,
    outside ``tmp_path`` (whose contents the tests check)."""
    path = tmp_path_factory.mktemp("cli-db") / "quizapp.sqlite3"
    shutil.copyfile(migrated_database, path)
    monkeypatch.setenv("QUIZAPP_DATABASE_URL", f"sqlite:///{path}")
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "cli-test-secret")
    return path


@pytest.fixture
def bank_file(bank: Bank, tmp_path: Path) -> Path:
    path = tmp_path / "cramps.bank.json"
    bankfile.dump(bank, path)
    return path


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["export", *args], catch_exceptions=False)


def assert_one_line_error(result: Result, fragment: str) -> None:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: ")
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_anki_writes_the_package(bank: Bank, bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "deck.apkg"
    result = run("anki", str(bank_file), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote 8 notes of deck “Muscle cramps: causes” to {out}\n"
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as package:
        assert package.namelist() == ["collection.anki2", "media"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cramps.bank.json", "deck.apkg"]


def test_anki_default_output_is_named_after_the_deck(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("anki", str(bank_file)).exit_code == 0
    assert (tmp_path / "cramps.apkg").is_file()


def test_without_bank_the_default_deck_is_exported(
    bank: Bank, bank_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_export, "DEFAULT_BANK", bank_file)
    result = run("gift")
    assert result.exit_code == 0
    assert result.stdout == gift_text(bank)


@pytest.mark.parametrize("flavor", ["anki", "quizlet"])
def test_tsv_to_stdout(bank: Bank, bank_file: Path, flavor: str) -> None:
    result = run("tsv", str(bank_file), "--for", flavor, "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == tsv_text(bank, flavor=flavor)  # type: ignore[arg-type]
    assert result.stderr == ""


def test_gift_to_file(bank: Bank, bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "quiz.gift.txt"
    result = run("gift", str(bank_file), "-o", str(out))
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == gift_text(bank)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cramps.bank.json", "quiz.gift.txt"]


@pytest.mark.parametrize("command", ["anki", "tsv", "gift"])
def test_missing_and_invalid_banks(command: str, bank_file: Path, tmp_path: Path) -> None:
    assert_one_line_error(run(command, str(tmp_path / "nope.json")), "no such file")
    assert_one_line_error(run(command, str(tmp_path)), "is a directory")
    data = json.loads(bank_file.read_text(encoding="utf-8"))
    data["questions"][2]["correct"] = 7
    data["questions"][3]["kind"] = "essay"
    bad = tmp_path / "bad.bank.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    assert_one_line_error(run(command, str(bad)), "(and 1 more)")


@pytest.mark.parametrize("command", ["anki", "tsv", "gift"])
def test_unwritable_outputs(command: str, bank_file: Path, tmp_path: Path) -> None:
    missing_dir = tmp_path / "no" / "such" / "dir" / "out"
    assert_one_line_error(run(command, str(bank_file), "-o", str(missing_dir)), "cannot write")
    assert_one_line_error(run(command, str(bank_file), "-o", str(tmp_path)), "cannot write")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cramps.bank.json"]


def test_apkg_is_never_written_to_stdout(bank_file: Path) -> None:
    assert_one_line_error(run("anki", str(bank_file), "-o", "-"), "binary")


@pytest.mark.parametrize("command", [[], ["anki"], ["tsv"], ["gift"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Export a question bank" in result.stdout or "Write " in result.stdout


def test_console_script_error_is_one_line(tmp_path: Path) -> None:
    """The installed entry point, in a real process: no traceback reaches the user."""
    code = "from quizapp.cli import cli; cli()"
    args = [sys.executable, "-c", code, "export", "anki", str(tmp_path / "nope.json")]
    done = subprocess.run(args, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert done.returncode == 2
    assert done.stderr == f"Error: {tmp_path / 'nope.json'}: no such file\n"


def note_times(apkg: Path) -> dict[str, int]:
    """Question id → the note's modification time, read from the package's collection."""
    with zipfile.ZipFile(apkg) as package:
        data = package.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(data)
        rows = connection.execute("select flds, mod from notes").fetchall()
    finally:
        connection.close()
    return {fields.split("\x1f")[-1]: mod for fields, mod in rows}


def test_anki_keeps_note_times_in_the_database_between_runs(
    bank: Bank, bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "1.apkg", tmp_path / "2.apkg"
    clock = iter([datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)])
    monkeypatch.setattr(cli_export, "utcnow", lambda: next(clock))
    assert run("anki", str(bank_file), "-o", str(first)).exit_code == 0
    assert run("anki", str(bank_file), "-o", str(second)).exit_code == 0
    times = note_times(first)
    assert set(times.values()) == {int(datetime(2026, 11, 1, tzinfo=UTC).timestamp())}
    assert note_times(second) == times


@pytest.mark.parametrize("command", ["anki", "tsv", "gift"])
def test_refuses_what_check_rejects_and_warns_on_an_empty_bank(
    command: str, bank: Bank, bank_file: Path, tmp_path: Path
) -> None:
    data = json.loads(bank_file.read_text(encoding="utf-8"))
    data["content_version"] = "0000000000000000"
    stale = tmp_path / "stale.bank.json"
    stale.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "out"
    assert_one_line_error(run(command, str(stale), "-o", str(out)), "refusing to export")
    assert not out.exists()
    empty = tmp_path / "empty.bank.json"
    bankfile.dump(with_content_version(replace(bank, questions=())), empty)
    result = run(command, str(empty), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("Warning: ") and "no questions" in result.stderr
    assert out.exists()


def test_learner_must_exist_and_the_deck_be_imported(bank_file: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "mine.apkg")
    assert_one_line_error(
        run("anki", str(bank_file), "--learner", "nobody", "-o", out), "no learner named 'nobody'"
    )


def test_learner_progress_package(
    bank: Bank, bank_file: Path, tmp_path: Path, cli_database: Path
) -> None:
    app = create_app({"DATABASE_URL": f"sqlite:///{cli_database}", "SECRET_KEY": "x"})
    with app.app_context():
        db.session.add(User(username="ada"))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    missing = run("anki", str(bank_file), "--learner", "Ada")
    assert_one_line_error(missing, "deck cramps is not in the database: import it first")
    with app.app_context():
        # The export fixture's bank holds items `quizapp check` rejects on purpose, so it is
        # imported through the import function rather than the checking CLI command.
        import_bank(db.session, bank, datetime(2026, 11, 30, tzinfo=UTC))
        db.session.commit()
        db.session.add(
            CardState(
                user_id=1,
                question_id="q-mc",
                state=2,
                stability=3.0,
                difficulty=5.0,
                due=datetime(2026, 12, 5, tzinfo=UTC),
                last_review=datetime(2026, 12, 1, tzinfo=UTC),
                reps=1,
            )
        )
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    out = tmp_path / "mine.apkg"
    result = run("anki", str(bank_file), "--learner", "ada", "--type-in", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert (
        result.stdout
        == f"wrote 8 notes of deck “Muscle cramps: causes” with ada's progress to {out}\n"
    )
    with zipfile.ZipFile(out) as package:
        data = package.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    connection.deserialize(data)
    queues = [row[0] for row in connection.execute("select queue from cards order by queue")]
    connection.close()
    assert queues == [0] * 7 + [2]  # the studied card is in review


def test_tag_keeps_the_questions_with_that_tag_in_every_format(
    bank_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gift = run("gift", str(bank_file), "--tag", "TOPIC")
    assert gift.exit_code == 0, gift.output
    assert "$CATEGORY: $course$/top/Muscle cramps: causes — tag TOPIC/" in gift.stdout
    assert "[id:q-tf-true]" in gift.stdout and "[id:q-flash]" not in gift.stdout
    out = tmp_path / "flash.tsv"
    tsv = run("tsv", str(bank_file), "--tag", "section::causes of cramps", "-o", str(out))
    assert tsv.exit_code == 0, tsv.output
    text = out.read_text()
    assert "What is ALS also known as?" in text and "Hypocalcemia" not in text
    monkeypatch.chdir(tmp_path)
    anki = run("anki", str(bank_file), "--tag", "topic")
    assert anki.exit_code == 0, anki.output
    assert "wrote 1 notes" in anki.stdout and "cramps-tag-topic.apkg" in anki.stdout
    with zipfile.ZipFile(tmp_path / "cramps-tag-topic.apkg") as package:
        connection = sqlite3.connect(":memory:")
        connection.deserialize(package.read("collection.anki2"))
        ids = [flds.split("\x1f")[-1] for (flds,) in connection.execute("select flds from notes")]
        connection.close()
    assert ids == ["q-tf-true"]
    for command in ("anki", "tsv", "gift"):
        assert_one_line_error(run(command, str(bank_file), "--tag", "nope"), "tag 'nope'")

"""`quizapp generate` and `quizapp check`: thin shells over ``questions`` (no app context needed).

User errors are one line on stderr and exit status 2, never a traceback. ``generate`` writes
the bank (``-o -``: to stdout) and prints its summary to stderr, with a progress bar for long
articles; ``check`` prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from questions.bankfile import BankError, dump, dumps, load
from questions.bankrules import slug_problem
from questions.checking import check_bank
from questions.model import Bank, Deck
from questions.overrides import Override, OverrideError, overrides_path, parse
from questions.pipeline import format_report
from questions.pipeline import generate as generate_bank
from questions.reading import ArticleError, read_article

PROGRESS_MIN_SENTENCES = 1000


class InputError(click.ClickException):
    """Bad input: one line on stderr, exit status 2."""

    exit_code = 2


def _default_output(article: Path) -> Path:
    stem = article.name.rsplit(".", 1)[0] if "." in article.name else article.name
    return article.with_name(stem + ".bank.json")


def _read_overrides(path: Path) -> dict[str, Override]:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        return parse(data, str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read overrides ({exc})") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except OverrideError as exc:
        raise InputError(str(exc)) from None


class _Progress:
    """A tqdm bar on stderr, created only once the article turns out to be long."""

    def __init__(self, enabled: bool = True) -> None:
        self.bar: Any = None
        self.enabled = enabled

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None and self.enabled and total >= PROGRESS_MIN_SENTENCES:
            self.bar = tqdm(total=total, unit="sentence", file=sys.stderr, desc="reading")
        if self.bar is not None:
            self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@click.command("generate")
@click.argument("article", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "-o",
    "--output",
    help="Bank file to write, '-' for standard output [default: ARTICLE's name with .bank.json]",
)
@click.option(
    "--overrides",
    "overrides_file",
    type=click.Path(path_type=Path),
    help="Hand fixes keyed by question id [default: BANK's .overrides.json, if any]",
)
@click.option("--slug", help="Deck slug (stable forever) [default: from the file name]")
@click.option("--name", help="Deck name [default: the article's title]")
@click.option("-q", "--quiet", is_flag=True, help="Do not print the summary.")
def generate(
    article: Path,
    output: str | None,
    overrides_file: Path | None,
    slug: str | None,
    name: str | None,
    quiet: bool,
) -> None:
    """Generate the question bank of ARTICLE (.txt, .md or .html)."""
    _check_generate_input(article, slug)
    target = None if output == "-" else Path(output) if output else _default_output(article)
    # Hand fixes beside the output, else beside the article's own bank: with -o - or -o
    # elsewhere, the article's overrides still apply, so every output is the same bank.
    if overrides_file is None:
        places = [overrides_path(p) for p in (target, _default_output(article)) if p]
        overrides_file = next((p for p in places if p.is_file()), None)
    overrides = _read_overrides(overrides_file) if overrides_file else {}
    progress = _Progress(enabled=not quiet)
    try:
        raw = read_article(article)
    except ArticleError as exc:
        raise InputError(str(exc)) from None
    try:
        bank, report = generate_bank(raw, overrides=overrides, tick=progress)
    except ArticleError as exc:
        raise InputError(f"{article}: {exc}") from None
    finally:
        progress.close()
    if slug or name:
        deck = Deck(slug or bank.deck.slug, name or bank.deck.name, bank.deck.description)
        bank = replace(bank, deck=deck)
    _write(bank, target)
    if not quiet:
        where = "standard output" if target is None else str(target)
        for line in [f"wrote {where}", *format_report(report)]:
            click.echo(line, err=True)


def _check_generate_input(article: Path, slug: str | None) -> None:
    """Refuse what is not a regular file (a FIFO would hang, /dev/zero never ends) and a
    slug the bank could not carry."""
    if article.exists() and not article.is_file() and not article.is_dir():
        raise InputError(f"{article}: not a regular file")
    problem = slug_problem(slug) if slug is not None else None
    if problem:
        raise InputError(f"--slug {slug!r}: {problem}")


def _write(bank: Bank, target: Path | None) -> None:
    """The bank to ``target``, or to standard output when None."""
    if target is None:
        click.echo(dumps(bank), nl=False)
        return
    try:
        dump(bank, target)
    except OSError as exc:
        raise InputError(f"{target}: cannot write ({exc.strerror})") from None


@click.command("check")
@click.argument("bank_file", metavar="BANK", type=click.Path(path_type=Path))
@click.option(
    "--article",
    type=click.Path(path_type=Path),
    help="The article the bank was made from: verify its hash and the sources.",
)
def check(bank_file: Path, article: Path | None) -> None:
    """Validate BANK and re-run the quality gates on every question."""
    if not bank_file.exists():
        raise InputError(f"{bank_file}: no such file")
    try:
        bank = load(bank_file)
    except BankError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        raise SystemExit(1) from None
    source = None
    if article is not None:
        try:
            raw = read_article(article)
        except ArticleError as exc:
            raise InputError(str(exc)) from None
        source = (raw.text, raw.fmt, str(article))
    problems = check_bank(bank, str(bank_file), source)
    for line in problems:
        click.echo(line, err=True)
    if problems:
        click.echo(f"{len(problems)} problem(s) in {bank_file}", err=True)
        raise SystemExit(1)
    click.echo(f"ok: {bank_file}: {len(bank.questions)} questions pass every check")

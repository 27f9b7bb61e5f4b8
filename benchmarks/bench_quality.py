"""Measure the generator on a folder of real articles with key-term lists (issue 13).

Run: ``python benchmarks/bench_quality.py [FOLDER]`` (default ``../shared/articles/dev`` beside
the repository). Every article ``NAME.{txt,md,html}`` with a ``NAME.facts`` file (lines
``description | term``) is generated twice and measured; the figures and targets are those
of ``../shared/QUALITY.md``:

- coverage: share of key terms that are the answer (or an accepted answer) of some question,
  compared case- and plural-insensitively;
- multiple choice present; share of true/false items whose answer is False;
- trivial cloze blanks (``questions.rarity.is_trivial``); questions per 1,000 words; count;
- time of one run and whether two runs gave byte-identical banks.

``--list ARTICLE`` prints a plain listing of one article's questions instead (for review).
The exit status is 0 whatever the figures: targets are reported, not enforced.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from questions.bankfile import dumps
from questions.model import Bank, Kind, Question
from questions.pipeline import generate
from questions.rarity import is_trivial
from questions.reading import ArticleError, read_article

DEFAULT_FOLDER = Path(__file__).resolve().parents[1] / ".." / "shared" / "articles" / "dev"
SUFFIXES = (".txt", ".md", ".html", ".htm")
_TOKEN_RE = re.compile(r"[a-z0-9%]+")


@dataclass
class Figures:
    name: str
    terms: int = 0
    covered: int = 0
    questions: int = 0
    words: int = 0
    multiple_choice: int = 0
    true_false: int = 0
    false: int = 0
    clozes: int = 0
    trivial: int = 0
    seconds: float = 0.0
    identical: bool = True
    error: str = ""
    missed: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Case, punctuation and a plural ``s`` folded away: "Motor neurons" == "motor neuron"."""
    out = []
    for token in _TOKEN_RE.findall(text.casefold().replace("’", "'")):
        if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
            token = token[:-1]
        out.append(token)
    return " ".join(out)


def key_terms(path: Path) -> list[str]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "|" in line:
            terms.append(line.rsplit("|", 1)[1].strip())
    return [t for t in terms if t]


def answers(q: Question) -> list[str]:
    if q.kind == Kind.TRUE_FALSE:
        return []
    return [q.answer, *q.accepted]


def articles(folder: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for facts in sorted(folder.glob("*.facts")):
        for suffix in SUFFIXES:
            article = facts.with_suffix(suffix)
            if article.is_file():
                pairs.append((article, facts))
                break
    return pairs


def measure(article: Path, facts: Path) -> Figures:
    fig = Figures(article.stem)
    terms = key_terms(facts)
    fig.terms = len(terms)
    try:
        raw = read_article(article)
        start = time.process_time()
        bank, _ = generate(raw)
        fig.seconds = time.process_time() - start
        fig.identical = dumps(generate(raw)[0]) == dumps(bank)
    except ArticleError as exc:
        fig.error = str(exc)
        return fig
    count(fig, bank)
    given = {fold(a) for q in bank.questions for a in answers(q)}
    fig.missed = tuple(t for t in terms if fold(t) not in given)
    fig.covered = fig.terms - len(fig.missed)
    return fig


def count(fig: Figures, bank: Bank) -> None:
    fig.words = len(re.findall(r"\w+", bank.article.text))
    fig.questions = len(bank.questions)
    for q in bank.questions:
        if q.kind == Kind.MULTIPLE_CHOICE:
            fig.multiple_choice += 1
        elif q.kind == Kind.TRUE_FALSE:
            fig.true_false += 1
            fig.false += q.answer == "False"
        elif q.kind == Kind.CLOZE:
            fig.clozes += 1
            fig.trivial += is_trivial(q.answer)


def pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


HEADER = f"{'article':40} {'cover':>6} {'MC':>3} {'false':>6} {'trivial':>7} {'q/kw':>5} "
HEADER += f"{'n':>4} {'sec':>5} same"


def row(fig: Figures) -> str:
    if fig.error:
        return f"{fig.name:40} ERROR {fig.error}"
    per_kw = 1000 * fig.questions / fig.words if fig.words else 0.0
    return (
        f"{fig.name[:40]:40} {pct(fig.covered, fig.terms)} {fig.multiple_choice:3d} "
        f"{pct(fig.false, fig.true_false)} {pct(fig.trivial, fig.clozes):>7} {per_kw:5.1f} "
        f"{fig.questions:4d} {fig.seconds:5.2f} {'yes' if fig.identical else 'NO'}"
    )


def totals(figs: list[Figures]) -> list[str]:
    ok = [f for f in figs if not f.error]
    words = sum(f.words for f in ok)
    n = sum(f.questions for f in ok)
    with_mc = sum(1 for f in ok if f.multiple_choice)
    return [
        f"key-term coverage   {pct(sum(f.covered for f in ok), sum(f.terms for f in ok))}"
        "  (target >= 70%)",
        f"with multiple choice {pct(with_mc, len(figs))}  (target >= 80% of articles)",
        f"false true/false    {pct(sum(f.false for f in ok), sum(f.true_false for f in ok))}"
        "  (target 30-70%)",
        f"trivial cloze blanks {pct(sum(f.trivial for f in ok), sum(f.clozes for f in ok))}"
        "  (target <= 5%)",
        f"questions / 1,000 words {1000 * n / words if words else 0:.1f}  (target <= 40)",
        f"fewest questions    {min((f.questions for f in ok), default=0)}  (target >= 8)",
        f"errors {sum(1 for f in figs if f.error)}, "
        f"not byte-identical {sum(1 for f in ok if not f.identical)}",
    ]


def listing(bank: Bank) -> list[str]:
    lines = [f"# {bank.deck.name} ({len(bank.questions)} questions)"]
    for i, q in enumerate(bank.questions, 1):
        lines.append(f"{i:3d}. [{q.kind.value}] {q.prompt}")
        for j, option in enumerate(q.options if q.kind == Kind.MULTIPLE_CHOICE else ()):
            lines.append(f"       {'*' if j == q.correct else ' '} {option}")
        lines.append(f"       -> {q.answer}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--list", metavar="ARTICLE", type=Path, help="list one article's questions")
    parser.add_argument("--missed", action="store_true", help="print the key terms not covered")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(listing(generate(read_article(args.list))[0])))
        return 0
    figs = [measure(article, facts) for article, facts in articles(args.folder)]
    print(HEADER)
    for fig in figs:
        print(row(fig))
        if args.missed and fig.missed:
            print("    missed: " + "; ".join(fig.missed))
    print()
    print("\n".join(totals(figs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

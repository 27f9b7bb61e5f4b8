"""Join the blind audits' gradings with the questions the audited generator made.

Run: ``python benchmarks/audit_labels.py`` (from the repository, with its git history).
Every grading file ``docs/audits/*/auditN-*.md`` from round ``FIRST_ROUND`` on names the
commit it graded and grades each question by its number in the listing. This script checks
that commit out (a detached ``git worktree`` under ``--work``), generates the bank of each
graded page of ``benchmarks/heldout`` with it, and writes one JSON line per graded question
to ``benchmarks/audit_labels.jsonl``: the round, the page, the grade (acceptable or not),
the reviewer's flaw class and reason, and the question itself. A grade whose kind differs
from the question's stops the script: the numbering would not be the one graded.

The file is the training data of ``quality_features.py`` (``train_quality.py``) and the
reference of ``bench_audited.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[1]
AUDITS = ROOT / "docs" / "audits"
HELDOUT = ROOT / "benchmarks" / "heldout"
OUT = ROOT / "benchmarks" / "audit_labels.jsonl"
FIRST_ROUND = 8  # the first round graded on pages now in benchmarks/heldout, question by question
UNNAMED_COMMIT = {8: "d36de28"}  # round 8's files name no commit; quality-audits.md does
# Rounds 21, 26-28, 30, 31, 34-36 and 38-41 graded one listing of two decks (21: with and without a
# trim; 26-28, 30, 31, 34-36, 38-41: two generator versions), not one commit's bank.
UNJOINABLE = frozenset([21, 26, 27, 28, 30, 31, 34, 35, 36, 38, 39, 40, 41])
SUFFIXES = (".txt", ".md", ".html", ".htm")
ROW_RE = re.compile(
    r"^\|\s*(\d+)\s*\|\s*([a-z_ /-]+?)\s*\|\s*\**(OK|NOT|acceptable)\**[^|]*\|\s*([^|]*)\|(.*)$",
    re.IGNORECASE,
)
PAGE_RE = re.compile(r"\bh(\d+)\b")
COMMIT_RE = re.compile(r"\b([0-9a-f]{7})\b")
QUESTION_FIELDS = ("id", "kind", "prompt", "answer", "accepted", "options", "correct")
QUESTION_FIELDS += ("fact_id", "fact_kind", "entity", "source")
DUMP = """
import sys
from pathlib import Path
from questions.bankfile import dumps
from questions.pipeline import generate
from questions.reading import read_article
print(dumps(generate(read_article(Path(sys.argv[1])))[0]))
"""


@dataclass(frozen=True)
class Grade:
    page: int
    number: int
    kind: str
    ok: bool
    flaw: str
    reason: str


def grades(text: str) -> list[Grade]:
    """Every graded row of an audit file, with the page its nearest heading names."""
    out: list[Grade] = []
    page = 0
    for line in text.splitlines():
        if line.startswith("#"):
            found = PAGE_RE.findall(line)
            page = int(found[0]) if len(found) == 1 else page
            continue
        m = ROW_RE.match(line)
        if m and page:
            ok = m.group(3).casefold() in ("ok", "acceptable")
            reason = m.group(5).strip().rstrip("|").strip()
            out.append(Grade(page, int(m.group(1)), m.group(2), ok, m.group(4).strip(), reason))
    return out


def audit_files(first: int) -> list[tuple[int, str, Path]]:
    """(round, commit, file) of every audit file of round ``first`` on."""
    out = []
    for path in sorted(AUDITS.glob("*/audit*.md")):
        m = re.match(r"audit(\d+)", path.name)
        if not m or int(m.group(1)) < first or int(m.group(1)) in UNJOINABLE:
            continue
        rnd = int(m.group(1))
        named = COMMIT_RE.search(path.read_text(encoding="utf-8")[:600])
        commit = named.group(1) if named else UNNAMED_COMMIT.get(rnd, "")
        if commit:
            out.append((rnd, commit, path))
    return out


def page_file(number: int) -> Path | None:
    hits = [p for p in sorted(HELDOUT.glob(f"h{number}-*")) if p.suffix in SUFFIXES]
    return hits[0] if hits else None


def bank_at(commit: str, page: Path, work: Path) -> dict:
    """The bank the generator of ``commit`` makes of ``page`` (cached under ``work``)."""
    cache = work / f"{commit}-{page.stem}.json"
    if not cache.exists():
        tree = work / commit
        if not tree.exists():
            git = ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit]
            subprocess.run(git, check=True, capture_output=True)
        env = {**os.environ, "PYTHONPATH": str(tree)}
        run = [sys.executable, "-c", DUMP, str(page)]
        done = subprocess.run(run, cwd=tree, env=env, capture_output=True, text=True, check=True)
        cache.write_text(done.stdout, encoding="utf-8")
    return json.loads(cache.read_text(encoding="utf-8"))


def labelled(rnd: int, commit: str, path: Path, work: Path) -> list[dict]:
    rows = []
    for g in grades(path.read_text(encoding="utf-8")):
        page = page_file(g.page)
        if page is None:
            continue
        questions = bank_at(commit, page, work)["questions"]
        q = questions[g.number - 1] if g.number <= len(questions) else None
        if q is None or _folded(q["kind"]) != _folded(g.kind):
            raise SystemExit(f"{path.name}: h{g.page} #{g.number} is not the graded question")
        rows.append(
            {"round": rnd, "commit": commit, "page": page.name, "number": g.number, "ok": g.ok}
            | {"flaw": g.flaw, "reason": g.reason[:400]}
            | {"question": {k: q[k] for k in QUESTION_FIELDS if k in q}}
        )
    return rows


def _folded(kind: str) -> str:
    return re.sub(r"[^a-z]", "", kind.casefold())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/quizapp-audit-trees"))
    parser.add_argument("--first", type=int, default=FIRST_ROUND, help="first audit round")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    for rnd, commit, path in tqdm(audit_files(args.first), desc="audit files", unit="file"):
        rows += labelled(rnd, commit, path, args.work)
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    ok = sum(r["ok"] for r in rows)
    print(f"{len(rows)} graded questions ({ok} acceptable) written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Every command shown in README.md and docs/*.md works as written after the set-up command.

The shell blocks (```sh, ```bash, ```shell) of each page run in order, with ``bash -euo
pipefail``, in a temporary folder that links to the repository's files (so what they write
lands there) and with a temporary ``QUIZAPP_INSTANCE_PATH`` (a fresh database). A block that
must not run here — it starts a server, runs for minutes, installs packages, or needs something
of the reader's — is preceded by ``<!-- not-run: why -->``, and the reason is required.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(sh|bash|shell)\s*$")
NOT_RUN = re.compile(r"^<!--\s*not-run:(.*?)-->\s*$")
FRONT_PAGE_LIMIT = 10_000
SET_UP = [
    "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/quizapp run",
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest",
]


@dataclass(frozen=True)
class Block:
    line: int  # of the opening fence, 1-based
    code: str
    not_run: str | None  # the reason, when marked


def shell_blocks(text: str) -> list[Block]:
    """The shell blocks of a Markdown text, each with the reason it is not run, if marked."""
    blocks: list[Block] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if FENCE.match(lines[index]):
            end = lines.index("```", index + 1)
            previous = next((s for s in reversed(lines[:index]) if s.strip()), "")
            marked = NOT_RUN.match(previous)
            reason = marked.group(1).strip() if marked else None
            blocks.append(Block(index + 1, "\n".join(lines[index + 1 : end]), reason))
            index = end
        index += 1
    return blocks


def test_blocks_and_their_marks_are_found() -> None:
    text = (
        "Intro\n<!-- not-run: starts a server -->\n\n```sh\nquizapp run\n```\n"
        "```python\nprint()\n```\n```bash\necho a\necho b\n```\n<!-- not-run: -->\n```sh\nx\n```\n"
    )
    assert shell_blocks(text) == [
        Block(4, "quizapp run", "starts a server"),
        Block(10, "echo a\necho b", None),
        Block(15, "x", ""),
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_skipped_block_says_why(page: Path) -> None:
    unexplained = [
        b.line for b in shell_blocks(page.read_text(encoding="utf-8")) if b.not_run == ""
    ]
    assert not unexplained, (
        f"{page.name}: <!-- not-run: --> without a reason at lines {unexplained}"
    )


def test_readme_is_a_front_page() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text) < FRONT_PAGE_LIMIT
    assert [b.code for b in shell_blocks(text)[:2]] == SET_UP  # the first thing, unchanged
    for picture in re.findall(r"\]\((docs/img/[^)]+)\)", text):
        assert (ROOT / picture).is_file(), picture


def _workspace(tmp_path: Path) -> Path:
    """A folder that looks like the clone after set-up: links to its files and to the running
    virtual environment."""
    work = tmp_path / "clone"
    work.mkdir()
    for entry in ROOT.iterdir():
        if entry.name not in {".git", ".venv", "instance"}:
            (work / entry.name).symlink_to(entry)
    (work / ".venv").symlink_to(Path(sys.prefix))
    return work


def _runnable(page: Path) -> list[Block]:
    return [b for b in shell_blocks(page.read_text(encoding="utf-8")) if b.not_run is None]


@pytest.mark.slow
@pytest.mark.parametrize(
    "page", [p for p in PAGES if _runnable(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_commands_work_as_written(page: Path, tmp_path: Path) -> None:
    runnable = _runnable(page)
    work = _workspace(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
    env["QUIZAPP_INSTANCE_PATH"] = str(tmp_path / "instance")
    for block in runnable:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block.code],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        where = f"{page.name}:{block.line}"
        assert result.returncode == 0, f"{where}\n{block.code}\n{result.stdout}\n{result.stderr}"
        assert "Traceback" not in result.stderr, f"{where}\n{result.stderr}"

"""Code shape rules for the shipped packages: no function or method in questions/, export/ or
quizapp/ (migrations aside) is longer than 40 lines, counted from its ``def`` line (decorators
excluded) to its last line."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("questions", "export", "quizapp")
MAX_LINES = 40


def long_functions(path: Path, root: Path = ROOT, limit: int = MAX_LINES) -> list[str]:
    """``file:name length`` for every function or method in ``path`` over ``limit`` lines;
    nested functions count on their own and inside their parent."""
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > limit:
                found.append(f"{path.relative_to(root)}:{node.name} {length}")
    return found


def offenders(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> list[str]:
    found: list[str] = []
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" not in path.relative_to(root).parts:
                found.extend(long_functions(path, root))
    return found


def test_no_function_is_longer_than_40_lines() -> None:
    assert offenders() == []


def test_the_checker_sees_a_long_function(tmp_path: Path) -> None:
    package = tmp_path / "quizapp"
    (package / "migrations").mkdir(parents=True)
    body = "".join(f"    x{i} = {i}\n" for i in range(40))
    (package / "long.py").write_text(
        f"@decorator\ndef long() -> None:\n{body}\n\ndef short() -> None:\n    pass\n\n"
        f"class Box:\n    async def method(self) -> None:\n{body.replace('    ', '        ')}"
    )
    (package / "migrations" / "old.py").write_text(f"def upgrade() -> None:\n{body}")
    (package / "edge.py").write_text("def edge() -> None:\n" + "    pass\n" * 39)
    assert offenders(tmp_path, ("quizapp",)) == [
        "quizapp/long.py:long 41",
        "quizapp/long.py:method 41",
    ]

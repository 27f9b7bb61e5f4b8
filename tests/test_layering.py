"""questions/ and export/ never import the web layer (imports flow quizapp → export → questions)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"flask", "sqlalchemy", "flask_sqlalchemy", "quizapp"}


def imported_roots(path: Path) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("package", ["questions", "export"])
def test_core_packages_never_import_the_web_layer(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"{package}/ has no modules"
    offenders = {
        f"{p.relative_to(ROOT)} imports {name}"
        for p in files
        for name in imported_roots(p) & FORBIDDEN
    }
    assert not offenders


def test_questions_does_not_import_export() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in sorted((ROOT / "questions").rglob("*.py"))
        if "export" in imported_roots(p)
    ]
    assert not offenders


def test_the_checker_sees_a_forbidden_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import flask.json\nfrom sqlalchemy import select\nfrom . import x\n")
    assert imported_roots(bad) == {"flask", "sqlalchemy"}

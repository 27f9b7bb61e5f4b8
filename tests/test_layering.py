"""Imports flow one way: questions/ and export/ never import the web layer (quizapp → export →
questions), and inside quizapp/ each layer imports only itself and the layers below it
(domain → db → services → web → app → cli)."""

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


# --- Inside quizapp/: layers, lowest first. A module may import quizapp modules of its own
# layer or lower, never higher. Feature folders (study, quiz, decks, …) are blueprints, so they
# sit in the web layer; classroom and stats hold a feature's services beside its views.
LAYERS = ("domain", "db", "services", "web", "app", "cli")
LAYER_OF = {
    "quizapp.config": "domain",
    "quizapp.domain": "domain",
    "quizapp.stats.metrics": "domain",
    "quizapp.db": "db",
    "quizapp.services": "services",
    "quizapp.stats.queries": "services",
    "quizapp.classroom": "services",
    "quizapp.classroom.blueprint": "web",
    "quizapp.classroom.views": "web",
    "quizapp.classroom.views_followup": "web",
    "quizapp.classroom.views_student": "web",
    "quizapp.classroom.views_teacher": "web",
    "quizapp.web": "web",
    "quizapp.stats": "web",
    "quizapp.account": "web",
    "quizapp.api": "web",
    "quizapp.decks": "web",
    "quizapp.quiz": "web",
    "quizapp.settings": "web",
    "quizapp.study": "web",
    "quizapp": "app",
    "quizapp.cli": "cli",
}
# Third-party roots a layer may not import: the pure core has no database or Flask; services
# take a session and plain values, never the request.
FORBIDDEN_LIBS = {
    "domain": {"flask", "flask_sqlalchemy", "flask_wtf", "flask_limiter", "sqlalchemy", "click"},
    "services": {"flask", "flask_wtf", "flask_limiter", "click"},
}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    """The layer of the longest prefix of ``module`` in ``LAYER_OF``."""
    parts = module.split(".")
    for end in range(len(parts), 0, -1):
        layer = LAYER_OF.get(".".join(parts[:end]))
        if layer is not None:
            return layer
    raise KeyError(f"{module} is in no layer: add it to LAYER_OF")


def imported_modules(path: Path, package: str, base_dir: Path = ROOT) -> set[str]:
    """Every absolute module name ``path`` imports; ``from a import b`` counts as ``a.b``
    (precise when ``b`` is a module, and a name in ``a`` shares ``a``'s layer unless a
    longer prefix says otherwise)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                target = f"{base}.{alias.name}"
                where = base_dir.joinpath(*target.split("."))
                is_module = where.is_dir() or where.with_suffix(".py").is_file()
                found.add(target if is_module else base)
    return found


def layering_violations(root: Path) -> list[str]:
    problems: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        module = module_name(path, root.parent)
        layer = layer_of(module)
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for target in sorted(imported_modules(path, package, root.parent)):
            root_name = target.split(".")[0]
            if root_name in FORBIDDEN_LIBS.get(layer, set()):
                problems.append(f"{module} ({layer}) imports {target}")
            elif root_name == "quizapp":
                other = layer_of(target)
                if LAYERS.index(other) > LAYERS.index(layer):
                    problems.append(f"{module} ({layer}) imports {target} ({other})")
    return problems


def test_quizapp_imports_flow_one_way() -> None:
    assert layering_violations(ROOT / "quizapp") == []


def test_every_quizapp_module_has_a_layer() -> None:
    for path in (ROOT / "quizapp").rglob("*.py"):
        if "migrations" not in path.parts:
            assert layer_of(module_name(path)) in LAYERS


def test_the_layer_checker_sees_violations(tmp_path: Path) -> None:
    fake = tmp_path / "quizapp"
    for folder in ("db", "services", "domain"):
        (fake / folder).mkdir(parents=True)
    (fake / "db" / "models.py").write_text("from quizapp.web.helpers import study_settings\n")
    (fake / "services" / "study.py").write_text("from flask import request\n")
    (fake / "domain" / "grading.py").write_text("from quizapp.db import models\n")
    (fake / "db" / "schema.py").write_text("from quizapp.domain import grading\n")
    assert layering_violations(fake) == [
        "quizapp.db.models (db) imports quizapp.web.helpers (web)",
        "quizapp.domain.grading (domain) imports quizapp.db.models (db)",
        "quizapp.services.study (services) imports flask",
    ]


# Modules the feature merges added, each with the layer its job belongs to: a new module must
# land where it belongs, not merely under some prefix that happens to match.
MERGED_MODULES = {
    "quizapp.domain.siblings": "domain",
    "quizapp.domain.backoff": "domain",
    "quizapp.db.authoring": "db",
    "quizapp.db.export_ledger": "db",
    "quizapp.db.faults": "db",
    "quizapp.db.startup": "db",
    "quizapp.services.authoring": "services",
    "quizapp.services.deck_access": "services",
    "quizapp.services.deck_edits": "services",
    "quizapp.services.deck_files": "services",
    "quizapp.services.deck_imports": "services",
    "quizapp.services.deck_upload": "services",
    "quizapp.services.draws": "services",
    "quizapp.services.export_sets": "services",
    "quizapp.services.exports": "services",
    "quizapp.services.learner_progress": "services",
    "quizapp.services.note_times": "services",
    "quizapp.services.reports": "services",
    "quizapp.services.review_list": "services",
    "quizapp.services.session_end": "services",
    "quizapp.web.converters": "web",
    "quizapp.web.owned": "web",
    "quizapp.web.throttle": "web",
    "quizapp.decks.downloads": "web",
    "quizapp.decks.authoring_views": "web",
    "quizapp.decks.review_views": "web",
    "quizapp.api.authoring_doc": "web",
    "quizapp.api.authoring_views": "web",
    "quizapp.api.export_views": "web",
    "quizapp.classroom.views_followup": "web",
    "quizapp.study.more": "web",
}


@pytest.mark.parametrize(("module", "layer"), sorted(MERGED_MODULES.items()))
def test_merged_modules_sit_in_their_layer(module: str, layer: str) -> None:
    assert (ROOT / Path(*module.split("."))).with_suffix(".py").is_file()
    assert layer_of(module) == layer

"""The arrows between esgdesk's packages point one way (DESIGN.md's layers), checked on every import.

    ui, cli (fronts)  →  library (application layer)  →  services  →  core

Every `import` and `from … import` is read with `ast`, including those inside functions and under
TYPE_CHECKING (a lazy import is still a dependency). Services may use only the services below them in a
stated direction; core uses no service; no front uses the other; nothing below a front uses it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import esgdesk

PACKAGE = Path(esgdesk.__file__).resolve().parent
FRONTS = {"ui", "cli", "selftest", "__main__"}
SERVICES = {"ingest", "knowledge", "search", "notes", "briefing"}

#: the arrows a service may draw to another service. DESIGN.md states ingest → knowledge and briefing →
#: knowledge; two more are what the code needs and keep the graph acyclic (notes and search import only core):
#: ingest → notes — `import --update` revises a release and carries its annotations over (re-anchoring them
#: is notes' work); briefing → search — a packet chosen by `--query` is a search.
SERVICE_ARROWS = {
    ("ingest", "knowledge"),
    ("briefing", "knowledge"),
    ("ingest", "notes"),
    ("briefing", "search"),
}

#: modules that another change moves out of the way, with where they go; an entry whose file is gone is an error
BEING_MOVED: dict[str, str] = {}  # a module on its way to another layer: path -> where it is going


def allowed(source: str, target: str) -> bool:
    """May code in package `source` import package `target`? (`esgdesk` itself is the version, for all.)"""
    if source == target or target in ("esgdesk", "core"):
        return True
    if source == "core":
        return False
    if source in SERVICES:
        return (source, target) in SERVICE_ARROWS
    if source == "library":
        return target in SERVICES
    if source in FRONTS:  # a front uses the application layer (and what it hands back), never another front
        return target not in FRONTS or {source, target} <= {"selftest", "__main__"} or _front_entry(source, target)
    raise AssertionError(f"esgdesk/{source} belongs to no layer; add it to the architecture test")


def _front_entry(source: str, target: str) -> bool:
    """`python -m esgdesk` and the self-test start the command line; the command line starts the GUI or the
    self-test when asked (entry points, not shared code)."""
    return (source, target) in {("__main__", "cli"), ("cli", "ui"), ("cli", "selftest"), ("selftest", "ui")}


def package_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    if len(relative.parts) == 1:
        return "esgdesk" if relative.name == "__init__.py" else relative.stem
    return relative.parts[0]


def imported_packages(path: Path) -> list[tuple[int, str]]:
    """(line, esgdesk package) for every import of esgdesk code in `path`, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module_parts = ["esgdesk", *path.relative_to(PACKAGE).with_suffix("").parts]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_parts[: len(module_parts) - node.level]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names = [module]
            if module == "esgdesk":  # `from esgdesk import cli` names a package
                names = [f"esgdesk.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] != "esgdesk":
                continue
            found.append((node.lineno, parts[1] if len(parts) > 1 else "esgdesk"))
    return found


def test_every_import_follows_the_arrows() -> None:
    wrong = []
    for moved in BEING_MOVED:
        assert (PACKAGE / moved).is_file(), f"{moved} has moved: take it out of BEING_MOVED"
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).as_posix() in BEING_MOVED:
            continue
        source = package_of(path)
        for line, target in imported_packages(path):
            if target == "__version__":
                continue
            if not allowed(source, target):
                wrong.append(f"{path.relative_to(PACKAGE)}:{line}: {source} → {target}")
    assert wrong == [], "imports against DESIGN.md's layers:\n" + "\n".join(wrong)


def test_no_import_error_guard_hides_a_package_of_our_own() -> None:
    """`except ImportError` around our own imports turned a broken import into silently skipped work."""
    guarded = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Try):
                continue
            catches = {ast.unparse(handler.type) for handler in node.handlers if handler.type is not None}
            if not catches & {"ImportError", "ModuleNotFoundError"}:
                continue
            if path.relative_to(PACKAGE).as_posix() in BEING_MOVED:
                continue
            if _own_imports(ast.Module(body=node.body, type_ignores=[])):
                guarded.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert guarded == []


def _own_imports(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("esgdesk"):
            found.append((node.lineno, node.module or ""))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names if alias.name.startswith("esgdesk"))
    return found


def test_the_rules_catch_what_they_forbid() -> None:
    """The checker itself: the arrows the issue named as wrong are refused."""
    assert not allowed("core", "search")
    assert not allowed("core", "library")
    assert not allowed("ui", "cli")
    assert not allowed("notes", "search")
    assert not allowed("search", "library")
    assert not allowed("ingest", "search")
    assert allowed("cli", "library") and allowed("library", "search") and allowed("ingest", "knowledge")

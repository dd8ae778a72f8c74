"""Only esgdesk.ui may import Qt: the core runs in scripts, tests and the CLI with no display at all."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import esgdesk

PACKAGE = Path(esgdesk.__file__).resolve().parent
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_module_outside_ui_imports_qt() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        qt = {name for name in _imports(path) if name.split(".")[0] in QT_MODULES}
        if qt:
            offenders.append(f"{relative}: {sorted(qt)}")
    assert offenders == []


def test_the_cli_runs_without_loading_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from esgdesk.cli import main; "
        f"main(['--archive', {str(tmp_path / 'a')!r}, 'info', '--json']); "
        "import esgdesk.ingest.pipeline, esgdesk.library.documents; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")

"""Qt stays inside ``anjian.ui``: core, storage and the CLI never load it.

``anjian-cli`` must start fast and work on a machine without a display, and
core must stay testable without Qt (see STYLE.md, "Two layers, one direction").
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import anjian

PACKAGE_DIR = Path(anjian.__file__).resolve().parent
UI_DIR = PACKAGE_DIR / "ui"
QT_PACKAGES = ("PySide6", "shiboken6")
# Dynamic imports that take a module name as their first argument.
_IMPORT_CALLS = {"import_module", "__import__"}


def _is_qt(module: str | None) -> bool:
    return module is not None and module.split(".")[0] in QT_PACKAGES


def qt_imports(source: str, filename: str = "<source>") -> list[str]:
    """Every place in ``source`` that imports Qt, as ``file:line: what``."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names = [node.module or ""]
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called in _IMPORT_CALLS and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    names = [first.value]
        found += [f"{filename}:{node.lineno}: {name}" for name in names if _is_qt(name)]
    return found


def _modules_outside_ui() -> list[Path]:
    return sorted(
        path for path in PACKAGE_DIR.rglob("*.py")
        if UI_DIR not in path.parents and "__pycache__" not in path.parts
    )


def test_no_module_outside_ui_imports_qt():
    modules = _modules_outside_ui()
    assert any(path.parent.name == "core" for path in modules), "found no core modules to check"
    offenders = [
        hit
        for path in modules
        for hit in qt_imports(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE_DIR)))
    ]
    assert not offenders, "Qt imported outside anjian/ui:\n  " + "\n  ".join(offenders)


@pytest.mark.parametrize(
    "source",
    [
        "import PySide6",
        "import PySide6.QtCore as qc",
        "import os, shiboken6",
        "from PySide6 import QtWidgets",
        "from PySide6.QtCore import QObject",
        "import importlib\nimportlib.import_module('PySide6.QtGui')",
        "from importlib import import_module\nimport_module('shiboken6')",
        "def late():\n    import PySide6.QtCore",
    ],
)
def test_the_layering_check_sees_every_import_form(source):
    assert qt_imports(source)


def test_the_layering_check_ignores_lookalikes():
    source = "import PySide6_helpers\nfrom . import PySide6\nname = 'PySide6'\n"
    assert not qt_imports(source)


# Runs the CLI in a fresh interpreter and exits 97 if Qt got loaded, so that
# neither an assertion error (exit 1) nor a finding (exit 1) can hide it.
_RUN_CLI = """\
import sys
from anjian.cli import main
rc = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))
if loaded:
    print('Qt loaded by anjian-cli:', loaded, file=sys.stderr)
    sys.exit(97)
sys.exit(rc)
"""


def _run_cli(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANJIAN_CONFIG_DIR": str(tmp_path)}
    return subprocess.run(
        [sys.executable, "-c", _RUN_CLI, *args],
        capture_output=True, text=True, encoding="utf-8", timeout=120, env=env,
        stdin=subprocess.DEVNULL,
    )


def test_cli_version_runs_without_qt(tmp_path):
    result = _run_cli(tmp_path, "version", "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert anjian.__version__ in result.stdout


@pytest.mark.keyring
def test_cli_check_runs_without_qt(tmp_path):
    result = _run_cli(tmp_path, "check", "--json")
    assert "Traceback" not in result.stderr, result.stderr
    # 0: all is well, 1: findings (e.g. no state saved yet); 2 would be an error.
    assert result.returncode in (0, 1), (result.returncode, result.stdout, result.stderr)
    assert "state" in json.loads(result.stdout)

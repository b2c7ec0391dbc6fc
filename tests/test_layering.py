"""Architecture rules: ``analysis`` imports neither Qt nor the database; the core never imports Qt or ``ui``.

Each check imports every module of a package in a fresh interpreter in which the
forbidden packages cannot be imported, so an indirect import fails too.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

_PROBE = r"""
import importlib, importlib.abc, pkgutil, sys
blocked = set(sys.argv[2].split(","))

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in blocked:
            raise ImportError(f"layering: {name} must not be imported here")
        return None

sys.meta_path.insert(0, Block())
package = importlib.import_module(sys.argv[1])
names = [package.__name__] + [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]
for name in names:
    if ".migrations.versions" in name or name.endswith((".migrations.env", "__main__")):
        continue  # run by Alembic inside a migration context, not importable on their own
    importlib.import_module(name)
print(len(names))
"""


def _import_all(package: str, blocked: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", _PROBE, package, ",".join(blocked)],
                          cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("package, blocked", [
    ("analysis", ["PySide6", "shiboken6", "sqlalchemy", "alembic", "ui", "analyst_app"]),
    ("analyst_app", ["PySide6", "shiboken6", "ui"]),
])
def test_package_imports_without_forbidden_layers(package, blocked):
    result = _import_all(package, blocked)
    assert result.returncode == 0, result.stderr[-2000:]
    assert int(result.stdout.strip()) > 1


def test_probe_catches_a_forbidden_import(tmp_path):
    # The check itself must be able to fail: an indirect import of a blocked package.
    package = tmp_path / "leaky"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "helper.py").write_text("import json\n")
    (package / "view.py").write_text("from leaky import helper\nimport PySide6.QtCore\n")
    result = _import_all("leaky", ["PySide6"], cwd=tmp_path)
    assert result.returncode != 0 and "layering" in result.stderr


_FORBIDDEN = {
    "analysis": ("PySide6", "shiboken6", "sqlalchemy", "alembic", "ui", "analyst_app"),
    "analyst_app": ("PySide6", "shiboken6", "ui"),
}
#: The one deliberate exception: the CLI's ``gui`` command starts the GUI lazily.
_ALLOWED = {("analyst_app/cli.py", "ui.app")}


@pytest.mark.parametrize("package", sorted(_FORBIDDEN))
def test_no_forbidden_import_anywhere_in_the_source(package):
    # The import probe above only sees module-level imports; this reads every import
    # statement, including those inside functions.
    import ast
    offences = []
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                if name.split(".")[0] in _FORBIDDEN[package] and (relative, name) not in _ALLOWED:
                    offences.append(f"{relative}:{node.lineno} imports {name}")
    assert offences == []

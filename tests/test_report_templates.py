"""Each report's template.docx is what its build_template.py writes (docProps aside).

The templates are generated files committed for librarians to edit in Word; a change to a
build script or to the template kit must be followed by regenerating them.
"""

from __future__ import annotations

import runpy
import zipfile
from pathlib import Path

import pytest

from analyst_app import TEMPLATES_DIR

FOLDERS = sorted(p.parent for p in TEMPLATES_DIR.glob("*/build_template.py"))


def test_every_report_has_a_build_script():
    assert {f.name for f in FOLDERS} >= {"esi_bulletin", "esi_push_notice", "contribution",
                                         "benchmark", "panorama"}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_template_is_up_to_date(folder: Path, tmp_path: Path):
    script = runpy.run_path(str(folder / "build_template.py"), run_name="template_check")
    fresh = script["main"](tmp_path / "template.docx")
    committed, built = zipfile.ZipFile(folder / "template.docx"), zipfile.ZipFile(fresh)
    names = [n for n in committed.namelist() if not n.startswith("docProps/")]
    assert names == [n for n in built.namelist() if not n.startswith("docProps/")]
    stale = [n for n in names if committed.read(n) != built.read(n)]
    assert not stale, f"run python {folder.name}/build_template.py: {stale} differ"

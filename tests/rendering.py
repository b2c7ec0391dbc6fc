"""Render Word reports through LibreOffice for the render tests: PDF, its text, its fonts.

Each call uses a private LibreOffice profile and a private fontconfig file (so parallel
test workers do not clash), in which 宋体 / 黑体 — the fonts the templates name, as Word
would show them — map to Noto Serif / Sans CJK SC.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <!-- A strong binding is needed: LibreOffice ignores a weak alias here. -->
  <match target="pattern"><test name="family"><string>宋体</string></test>
    <edit name="family" mode="assign" binding="strong">
      <string>Noto Serif CJK SC</string></edit></match>
  <match target="pattern"><test name="family"><string>黑体</string></test>
    <edit name="family" mode="assign" binding="strong">
      <string>Noto Sans CJK SC</string></edit></match>
</fontconfig>
"""

#: Marks a test that renders: skipped where LibreOffice or poppler-utils are missing.
needs_renderer = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice (soffice) and poppler-utils are needed to render")


def render_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert ``docx`` to PDF in ``out_dir`` with LibreOffice; return the PDF's path."""
    (out_dir / "fonts.conf").write_text(FONTCONFIG, encoding="utf-8")
    env = dict(os.environ, FONTCONFIG_FILE=str(out_dir / "fonts.conf"))
    profile = (out_dir / "lo_profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out_dir), str(docx)],
                   check=True, capture_output=True, timeout=180, env=env)
    return out_dir / (docx.stem + ".pdf")


def pdf_text(pdf: Path) -> str:
    """The PDF's text with its layout kept (``pdftotext -layout``)."""
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def cjk_fonts(pdf: Path) -> list[str]:
    """The ``pdffonts`` lines of the Chinese fonts in the PDF."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    return [line for line in lines if re.search(r"CJK|Song|Hei|Ming|SC-|Han", line)]

"""Subject Analyst Workbench (学科分析工作台): the headless application core."""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

#: Root of the source tree: ``data/`` and ``report_templates/`` live beside the packages.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
TEMPLATES_DIR = PROJECT_ROOT / "report_templates"

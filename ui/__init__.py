"""PySide6 desktop client of the Subject Analyst Workbench: the only package that imports Qt."""

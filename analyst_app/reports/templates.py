"""Registry of report templates: one folder per report with ``manifest.toml`` and a .docx."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from analyst_app import TEMPLATES_DIR
from analyst_app.errors import InputError

MANIFEST = "manifest.toml"
#: Keys every manifest must have.
REQUIRED_KEYS = ("id", "title_zh", "title_en", "template", "version")


@dataclass(frozen=True)
class TemplateManifest:
    """What a report template declares about itself.

    Attributes
    ----------
    id : str
        Stable identifier, equal to the folder name (``esi_bulletin``).
    title_zh, title_en : str
        Titles shown in the report list.
    description : str
        One paragraph for the user (Chinese).
    analyses : tuple of str
        Ids of the analyses whose results the report needs (``esi_status``).
    template : str
        File name of the docxtpl template inside the folder.
    outputs : tuple of str
        Output kinds the report can produce (``docx``, ``xlsx``).
    version : str
        Version of the template.
    folder : Path
        The template folder.
    """

    id: str
    title_zh: str
    title_en: str
    description: str
    analyses: tuple[str, ...]
    template: str
    outputs: tuple[str, ...]
    version: str
    folder: Path

    @property
    def template_path(self) -> Path:
        """The .docx template file."""
        return self.folder / self.template


def _read_manifest(folder: Path) -> TemplateManifest:
    path = folder / MANIFEST
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the report manifest: {exc}", file=str(path)) from exc
    missing = [key for key in REQUIRED_KEYS if key not in data]
    if missing:
        raise InputError(f"report manifest lacks {', '.join(missing)}", file=str(path))
    if data["id"] != folder.name:
        raise InputError(f"manifest id {data['id']!r} differs from its folder {folder.name!r}",
                         file=str(path))
    return TemplateManifest(
        id=data["id"], title_zh=data["title_zh"], title_en=data["title_en"],
        description=data.get("description", ""), analyses=tuple(data.get("analyses", ())),
        template=data["template"], outputs=tuple(data.get("outputs", ("docx",))),
        version=str(data["version"]), folder=folder)


def list_templates(root: Path = TEMPLATES_DIR) -> list[TemplateManifest]:
    """Return the manifests of every template folder under ``root``, sorted by id.

    Folders without ``manifest.toml`` are ignored.

    Parameters
    ----------
    root : Path
        Folder holding one sub-folder per template.

    Returns
    -------
    list of TemplateManifest

    Raises
    ------
    InputError
        When a manifest is present but unreadable or incomplete.
    """
    if not root.is_dir():
        return []
    return [_read_manifest(folder) for folder in sorted(root.iterdir())
            if (folder / MANIFEST).is_file()]


def load_manifest(template_id: str, root: Path = TEMPLATES_DIR) -> TemplateManifest:
    """Return the manifest of template ``template_id``.

    Raises
    ------
    InputError
        When no such template exists (the message lists those that do).
    """
    folder = root / template_id
    if not (folder / MANIFEST).is_file():
        known = ", ".join(m.id for m in list_templates(root)) or "none"
        raise InputError(f"unknown report template {template_id!r}; available: {known}")
    return _read_manifest(folder)


def template_path(template_id: str, root: Path = TEMPLATES_DIR) -> Path:
    """Return the .docx template file of ``template_id``.

    Raises
    ------
    InputError
        When the template or its .docx file is missing.
    """
    path = load_manifest(template_id, root).template_path
    if not path.is_file():
        raise InputError(f"template file of report {template_id!r} is missing", file=str(path))
    return path

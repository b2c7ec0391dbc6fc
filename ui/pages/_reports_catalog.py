"""The reports the Reports page offers: built-in builders that also have a template folder."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analyst_app.reports.templates import list_templates
from analyst_app.services.report_registry import available_reports

#: Reports whose numbers come from one ESI release: the page shows the release chooser and
#: the default file name ends in the release (``…_2025-11``).
ESI_RELEASE_REPORTS = frozenset({"esi_bulletin", "esi_push_notice", "benchmark"})
#: Characters Windows refuses in file names (the reports are opened on Windows desktops).
_BAD_FILE_CHARS = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class ReportEntry:
    """One report of the list: its id and what its manifest says about it.

    Attributes
    ----------
    id : str
        Template id, a key of :data:`analyst_app.services.report_registry.BUILDERS`.
    title_zh, title_en : str
        Titles (the Chinese one also names the files by default).
    description : str
        One paragraph from the manifest (Chinese).
    outputs : tuple of str
        Output kinds (``docx``, ``xlsx``).
    """

    id: str
    title_zh: str
    title_en: str
    description: str
    outputs: tuple[str, ...]

    def title(self, chinese: bool) -> str:
        """The title in the UI language."""
        return self.title_zh if chinese else self.title_en

    @property
    def uses_release(self) -> bool:
        """Whether the report is about one ESI release."""
        return self.id in ESI_RELEASE_REPORTS

    @property
    def writes_xlsx(self) -> bool:
        """Whether the report has an Excel twin."""
        return "xlsx" in self.outputs

    def default_stem(self, release: str | None) -> str:
        """The file name (without suffix) proposed for this report.

        The Chinese title without spaces (``学院学科贡献度分析报告``), followed by the release
        for ESI reports (``ESI高被引与热点论文推送通知_2025-11``).
        """
        stem = re.sub(r"\s+", "", self.title_zh) or self.id
        return f"{stem}_{release}" if self.uses_release and release else stem


def report_entries() -> list[ReportEntry]:
    """Return the reports that have both a builder and a template, in the registry's order.

    Raises
    ------
    InputError
        When a template manifest is unreadable (from :func:`list_templates`).
    """
    manifests = {m.id: m for m in list_templates()}
    return [ReportEntry(id=m.id, title_zh=m.title_zh, title_en=m.title_en,
                        description=m.description, outputs=m.outputs)
            for m in (manifests.get(i) for i in available_reports()) if m is not None]


def stem_problem(stem: str) -> str | None:
    """Return the offending characters of a file name typed by the user, or ``None``."""
    found = sorted(set(_BAD_FILE_CHARS.findall(stem)))
    return " ".join(found) if found else None

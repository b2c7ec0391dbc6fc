"""Drill-down of the Contribution page: the papers of one (school, field) cell and their records."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from analyst_app.db.workspace import Workspace
from analyst_app.services.contribution import ContributionReport
from ui.pages._contribution_tables import PAPER_COLUMNS, count_text
from ui.pages._contribution_texts import school_label
from ui.pages._record_details import RecordsDrill

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate
_WIDTHS = {"title": 330, "year": 50, "times_cited": 60, "highly_cited": 45, "weight": 60,
           "authors": 200, "ut": 175, "doi": 200}


class CellPapersDialog(QDialog):
    """List the papers of ``school`` in ``field`` with the authors linked to the school.

    Selecting (or double-clicking) a paper shows its full record below, as the Records page
    does.

    Parameters
    ----------
    report : ContributionReport
        The result the cell belongs to.
    workspace : Workspace
        Where the records are read from (a primary-key read per paper, on the GUI thread).
    school, field : str
        The cell, as in ``report.result.table``.
    field_label : str
        The field's name as the page shows it.
    """

    def __init__(self, report: ContributionReport, workspace: Workspace, school: str,
                 field: str, field_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.papers = report.cell_papers(school, field)
        shown = school_label(school)
        self.setWindowTitle(translate("ContributionPage", "{school} — {field}: papers")
                            .format(school=shown, field=field_label or field))
        self.resize(1100, 720)
        self.heading = QLabel(f"<b>{html.escape(shown)} — {html.escape(field_label or field)}"
                              "</b>")
        self.summary = QLabel(self._summary(report, school, field))
        self.summary.setWordWrap(True)
        self.drill = RecordsDrill(
            workspace, self.papers, self._headers(report),
            {"weight": count_text, "times_cited": count_text}, _WIDTHS,
            filter_placeholder=translate("ContributionPage", "Filter papers…"),
            details_placeholder=translate(
                "ContributionPage", "Select or double-click a paper to read its record."),
            table_height=380, stretch_last=True)
        self.model, self.proxy, self.table = self.drill.model, self.drill.proxy, self.drill.table
        self.filter_edit, self.details = self.drill.filter_edit, self.drill.details
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.drill, 1)
        layout.addWidget(buttons)

    def _headers(self, report: ContributionReport) -> dict[str, str]:
        headers = {
            "title": translate("ContributionPage", "Title"),
            "year": translate("ContributionPage", "Year"),
            "times_cited": translate("ContributionPage", "Cites"),
            "highly_cited": translate("ContributionPage", "HCP"),
            "weight": translate("ContributionPage", "Weight"),
            "authors": translate("ContributionPage", "Authors of the school"),
            "ut": "UT", "doi": "DOI",
        }
        if report.parameters.get("counting") != "fractional":
            del headers["weight"]  # always 1 under full counting
        return {c: headers[c] for c in PAPER_COLUMNS if c in headers}

    @staticmethod
    def _summary(report: ContributionReport, school: str, field: str) -> str:
        table = report.result.table
        row = table[(table["school"] == school) & (table["field"] == field)]
        if row.empty:
            return ""
        cell = row.iloc[0]
        return translate("ContributionPage", "{papers} papers ({share} of the field), "
                         "{cites} cites, {hcp} highly cited papers. Authors: those linked to "
                         "this school's addresses on each paper.").format(
            papers=count_text(cell["papers"]), share=f"{cell['papers_share'] * 100:.1f}%",
            cites=count_text(cell["cites"]), hcp=count_text(cell["hcp"]))

    def publication_id(self, proxy_row: int) -> int:
        """Return the publication id of the paper shown at ``proxy_row``."""
        return self.drill.publication_id(proxy_row)


__all__ = ["CellPapersDialog"]

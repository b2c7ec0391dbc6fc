"""Drill-down of the Hotspots page: the publications behind a node, link, cluster or burst."""

from __future__ import annotations

import html
from typing import Iterable

import pandas as pd
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from analyst_app.db import publication_rows as rows
from analyst_app.db.workspace import Workspace
from ui.pages._record_details import RecordsDrill

translate = QCoreApplication.translate

#: Columns of :func:`publications_by_id`.
RECORD_COLUMNS = ("publication_id", "title", "year", "source_title", "times_cited", "doi")
# SQLite allows 999 bound parameters in old builds: ask in chunks below that.
_CHUNK = 900
_WIDTHS = {"title": 460, "year": 50, "source_title": 240, "times_cited": 60, "doi": 200}


def _integer_text(value: object) -> str:
    return str(int(value))


def publications_by_id(workspace: Workspace, ids: Iterable[int]) -> pd.DataFrame:
    """Return title, year, source, cites and DOI of the publications ``ids``.

    Primary-key reads (a node of a 500k corpus has at most a few thousand records), fast
    enough for the GUI thread. Most cited first, then newest.
    """
    wanted = [int(i) for i in ids]
    found: list[tuple] = []
    with workspace.session() as session:
        connection = session.connection()
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            statement = rows.sql(connection, (
                "SELECT id, title, year, source_title, times_cited, doi FROM publication "
                f"WHERE id IN ({', '.join('?' * len(chunk))})"))
            found += connection.exec_driver_sql(statement, tuple(chunk)).fetchall()
    frame = pd.DataFrame(found, columns=list(RECORD_COLUMNS))
    return frame.sort_values(["times_cited", "year", "publication_id"],
                             ascending=[False, False, True], na_position="last",
                             ignore_index=True)


class RecordsDialog(QDialog):
    """List publications (title, year, source, cites); selecting one shows its full record.

    Parameters
    ----------
    workspace : Workspace
        Where the records are read.
    ids : iterable of int
        The publication ids, e.g. :func:`analysis.networks.records_for_node`.
    heading : str
        What the publications stand behind (shown in bold, and as the window title).
    """

    def __init__(self, workspace: Workspace, ids: Iterable[int], heading: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.ids = sorted(int(i) for i in ids)
        self.setWindowTitle(heading)
        self.resize(1100, 720)
        self.records = publications_by_id(workspace, self.ids)
        self.heading = QLabel(html.escape(translate(
            "HotspotsPage", "{heading} — {n} publications")).format(
            heading=f"<b>{html.escape(heading)}</b>", n=f"{len(self.ids):,}"))
        self.heading.setWordWrap(True)
        self.drill = RecordsDrill(workspace, self.records, {
            "title": translate("HotspotsPage", "Title"),
            "year": translate("HotspotsPage", "Year"),
            "source_title": translate("HotspotsPage", "Source"),
            "times_cited": translate("HotspotsPage", "Cites"), "doi": "DOI"},
            {"year": _integer_text, "times_cited": _integer_text}, _WIDTHS,
            filter_placeholder=translate("HotspotsPage", "Filter publications…"),
            details_placeholder=translate(
                "HotspotsPage", "Select or double-click a publication to read its record."))
        self.model, self.proxy, self.table = self.drill.model, self.drill.proxy, self.drill.table
        self.filter_edit, self.details = self.drill.filter_edit, self.drill.details
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.drill, 1)
        layout.addWidget(buttons)

    def shown_ids(self) -> list[int]:
        """Return the publication ids listed (every id asked for that exists), ascending."""
        return sorted(int(i) for i in self.records["publication_id"])

    def publication_id(self, proxy_row: int) -> int:
        """Return the publication id of the row shown at ``proxy_row``."""
        return self.drill.publication_id(proxy_row)


__all__ = ["RecordsDialog", "publications_by_id", "RECORD_COLUMNS"]

"""Hotspots page (研究热点): science maps, clusters, bursts, thematic map, cross-discipline hotspots.

The page holds the map parameters (left) and one :class:`~ui.tasks.TaskRunner`; the tabs
(``ui/pages/_hotspots_*.py``) show one result each. Every node, link, cluster, burst and
theme opens the publications behind it (:class:`~ui.pages._hotspots_drill.RecordsDialog`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (QFileDialog, QInputDialog, QPushButton, QScrollArea, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from analysis.networks import records_for_cluster, records_for_edge, records_for_node
from analyst_app.db.workspace import Workspace
from analyst_app.services.networks import export_network
from ui.pages._filter_text import filter_text
from ui.pages._hotspots_bursts import BurstsPanel
from ui.pages._hotspots_drill import RecordsDialog
from ui.pages._hotspots_export import export_png, export_svg, export_tables
from ui.pages._hotspots_jobs import (BurstOutcome, MapOutcome, compute_bursts, compute_map,
                                     failure_text)
from ui.pages._hotspots_map import MapPanel
from ui.pages._hotspots_params import HotspotsParams
from ui.pages._hotspots_tables import ClustersPanel, NodesPanel
from ui.pages._hotspots_thematic import ThematicPanel
from ui.pages.base import PageBase

#: Workspace setting remembering the thesaurus file of keyword maps.
THESAURUS_SETTING = "hotspots.thesaurus_file"


class HotspotsPage(PageBase):
    """Science maps of the corpus with drill-down, bursts, thematic map and exports."""

    key = "hotspots"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome: MapOutcome | None = None
        self.bursts: BurstOutcome | None = None
        self.drill_dialog: RecordsDialog | None = None
        self._request_kind = ""  # map kind or "references": names an expected failure
        self.params = HotspotsParams()
        self.params.compute_requested.connect(self.compute)
        self.params.thesaurus_edit_requested.connect(self.edit_thesaurus)
        self.cross_button = QPushButton()
        self.cross_button.clicked.connect(self.open_cross_discipline)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 6, 0)
        column.addWidget(self.params)
        column.addWidget(self.cross_button)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(320)
        self.map_panel = MapPanel()
        self.clusters_panel = ClustersPanel()
        self.nodes_panel = NodesPanel()
        self.bursts_panel = BurstsPanel()
        self.thematic_panel = ThematicPanel()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for panel in (self.map_panel, self.clusters_panel, self.nodes_panel, self.bursts_panel,
                      self.thematic_panel):
            self.tabs.addTab(panel, "")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scroll)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([330, 930])
        self.body.addWidget(splitter, 1)
        self._connect_drill()
        self.map_panel.export_requested.connect(self.export)
        self.bursts_panel.detect_requested.connect(self.detect_bursts)
        self.runner.succeeded.connect(self._on_result)
        self.runner.failed.connect(self._on_failed)
        self.retranslate()

    def _connect_drill(self) -> None:
        view = self.map_panel.view
        view.node_clicked.connect(self.open_node)
        view.edge_clicked.connect(self.open_edge)
        self.clusters_panel.row_selected.connect(self._on_cluster_selected)
        self.clusters_panel.row_activated.connect(
            lambda row: self.open_cluster(self.clusters_panel.cluster(row)))
        self.nodes_panel.row_activated.connect(self.open_node)
        self.bursts_panel.table.row_activated.connect(self.open_burst)
        self.thematic_panel.table.row_activated.connect(
            lambda row: self.open_cluster(int(self.thematic_panel.frame["cluster"].iat[row])))

    # -- jobs -------------------------------------------------------------------------
    @Slot()
    def compute(self) -> None:
        """Build the map the parameters describe, on the worker thread."""
        if self.workspace is None or self.runner.busy:
            return
        self.messages.clear()
        request = self.params.request()
        if request.thesaurus_file:
            self.workspace.set_setting(THESAURUS_SETTING, request.thesaurus_file)
        self._request_kind = request.kind
        self.runner.start(compute_map, self.workspace, request,
                          description=self.tr("Computing the science map"))

    @Slot()
    def detect_bursts(self) -> None:
        """Detect bursts with the Bursts tab's settings in the selected publications."""
        if self.workspace is None or self.runner.busy:
            return
        self.messages.clear()
        self._request_kind = "references" if self.bursts_panel.source() == "references" else ""
        self.runner.start(compute_bursts, self.workspace, self.params.corpus_filter(),
                          self.bursts_panel.params(), self.bursts_panel.source(),
                          description=self.tr("Detecting bursts"))

    @Slot(object)
    def _on_result(self, result: Any) -> None:
        if isinstance(result, MapOutcome):
            self.show_map(result)
        elif isinstance(result, BurstOutcome):
            self.show_bursts(result)

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        text = failure_text(exc, self._request_kind) \
            if isinstance(exc, BaseException) else None
        if text:
            self.messages.show_message(text, "warning", str(exc))

    def show_map(self, outcome: MapOutcome) -> None:
        """Show a computed map in the Map, Clusters, Nodes and Thematic map tabs."""
        self.outcome = outcome
        result = outcome.result
        self.map_panel.set_result(result, outcome.request.corpus)
        self.clusters_panel.set_clusters(result.clusters)
        self.nodes_panel.set_frame(result.nodes)
        self.thematic_panel.show_map(outcome.thematic)

    def show_bursts(self, outcome: BurstOutcome) -> None:
        """Show detected bursts in the Bursts tab."""
        self.bursts = outcome
        analysis = outcome.analysis
        counts = analysis.provenance.get("counts", {})
        summary = self.tr("{bursts} bursts among {terms} terms tested in {pubs} publications "
                     "({filter}); s = {s}, γ = {g}.").format(
            bursts=len(analysis.table), terms=f"{counts.get('terms_tested', 0):,}",
            pubs=f"{counts.get('publications', 0):,}", filter=filter_text(outcome.corpus),
            s=analysis.result.params.s, g=analysis.result.params.gamma)
        self.bursts_panel.show_bursts(analysis.table, analysis.result.years, summary)

    def set_busy(self, busy: bool) -> None:
        self.params.set_busy(busy)
        self.bursts_panel.set_busy(busy)
        self.cross_button.setEnabled(not busy)

    # -- drill-down -------------------------------------------------------------------
    def _open_records(self, ids: list[int], heading: str) -> RecordsDialog | None:
        if self.workspace is None:
            return None
        if self.drill_dialog is not None:
            self.drill_dialog.close()
        self.drill_dialog = RecordsDialog(self.workspace, ids, heading, self)
        self.drill_dialog.show()
        return self.drill_dialog

    @Slot(int)
    def open_node(self, node: int) -> None:
        """List the publications behind node ``node`` (its position in the node table)."""
        if self.outcome is None:
            return
        result = self.outcome.result
        label = str(result.nodes["label"].iat[node])
        self.map_panel.view.highlight_node(node)
        self._open_records(records_for_node(result.network, node),
                           self.tr("Node “{label}”").format(label=label))

    @Slot(int, int)
    def open_edge(self, a: int, b: int) -> None:
        """List the publications behind the link between nodes ``a`` and ``b``."""
        if self.outcome is None:
            return
        labels = self.outcome.result.nodes["label"]
        self._open_records(records_for_edge(self.outcome.result.network, a, b),
                           self.tr("Link “{a}” — “{b}”").format(a=labels.iat[a],
                                                                  b=labels.iat[b]))

    def open_cluster(self, cluster: int) -> None:
        """List the publications behind any node of ``cluster``."""
        if self.outcome is None:
            return
        result = self.outcome.result
        ids = records_for_cluster(result.network, result.nodes["cluster"].to_numpy(), cluster)
        self._open_records(ids, self.tr("Cluster {n}").format(n=cluster))

    @Slot(int)
    def _on_cluster_selected(self, row: int) -> None:
        self.map_panel.view.highlight_cluster(
            None if row < 0 else self.clusters_panel.cluster(row))

    @Slot(int)
    def open_burst(self, row: int) -> None:
        """List the publications of a burst's term in its burst years."""
        if self.bursts is None:
            return
        burst = self.bursts.analysis.table.iloc[row]
        ids = self.bursts.analysis.result.records(burst["key"], int(burst["begin"]),
                                                  int(burst["end"]))
        self._open_records(ids, self.tr("“{term}”, {begin}–{end}").format(
            term=burst["term"], begin=int(burst["begin"]), end=int(burst["end"])))

    # -- dialogs and exports ----------------------------------------------------------
    @Slot()
    def edit_thesaurus(self) -> None:
        """Open the thesaurus editor on the thesaurus file named in the parameters."""
        from ui.dialogs.thesaurus_dialog import ThesaurusDialog
        dialog = ThesaurusDialog(self.workspace, self.params.thesaurus_edit.text().strip(),
                                 self.params.corpus_filter(), self)
        if dialog.exec() and dialog.path:
            self.params.thesaurus_edit.setText(dialog.path)

    @Slot()
    def open_cross_discipline(self) -> None:
        """Open the cross-discipline wizard (its own job runner)."""
        if self.workspace is None:
            return
        from ui.dialogs.cross_discipline_wizard import CrossDisciplineWizard
        self.cross_wizard = CrossDisciplineWizard(self.workspace, self)
        self.cross_wizard.show()

    @Slot(str)
    def export(self, what: str) -> None:
        """Ask for a file and export the map (``network``, ``excel``, ``png`` or ``svg``)."""
        if self.outcome is None:
            return
        filters = {
            "network": self.tr("GraphML (*.graphml);;GEXF (*.gexf);;VOSviewer map (*.txt)"),
            "excel": self.tr("Excel workbook (*.xlsx)"), "png": self.tr("PNG image (*.png)"),
            "svg": self.tr("SVG image (*.svg)")}
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export"), "", filters[what])
        if not path:
            return
        if what == "network" and "." not in path.rsplit("/", 1)[-1]:
            path += chosen[chosen.rfind("*.") + 1:chosen.rfind(")")]
        dpi = 300
        if what == "png":
            dpi, ok = QInputDialog.getInt(self, self.tr("PNG resolution"),
                                          self.tr("Dots per inch:"), 300, 72, 1200)
            if not ok:
                return
        self.export_to(what, path, dpi)

    def export_to(self, what: str, path: str, dpi: int = 300) -> list[str]:
        """Write the export ``what`` to ``path``; return the files written (errors shown)."""
        assert self.outcome is not None
        try:
            if what == "network":
                written = [str(p) for p in export_network(self.outcome.result, path)]
            elif what == "excel":
                written = [str(export_tables(self.outcome.result, path))]
            elif what == "png":
                written = [str(export_png(self.map_panel.view, path, dpi))]
            else:
                written = [str(export_svg(self.map_panel.view, path, self.outcome.result.kind))]
        except Exception as exc:  # noqa: BLE001 - shown to the user, never a crash
            self.messages.show_exception(exc)
            return []
        self.messages.show_message(self.tr("Written: {files}").format(
            files=", ".join(written)), "success")
        return written

    # -- page API ---------------------------------------------------------------------
    def set_workspace(self, workspace: Workspace | None) -> None:
        super().set_workspace(workspace)
        if workspace is not None:
            self.params.thesaurus_edit.setText(workspace.get_setting(THESAURUS_SETTING) or "")

    def refresh(self) -> None:
        """Forget results computed on the previous corpus."""
        self.outcome = None
        self.bursts = None
        self.map_panel.set_result(None)
        self.clusters_panel.set_clusters(None)
        self.nodes_panel.set_frame(None)
        self.thematic_panel.show_map(None)
        self.bursts_panel.show_bursts(self.bursts_panel.table.model.frame.head(0),
                                      [], "")

    def shutdown(self) -> None:
        super().shutdown()
        wizard = getattr(self, "cross_wizard", None)
        if wizard is not None:
            wizard.shutdown()

    def page_title(self) -> str:
        return self.tr("Hotspots")

    def retranslate(self) -> None:
        self.params.retranslate()
        self.cross_button.setText(self.tr("Cross-discipline hotspots…"))
        self.cross_button.setToolTip(self.tr("Intersection of two fields: growth, bursting terms, "
                                        "our authors and schools"))
        for index, (panel, text) in enumerate([
                (self.map_panel, self.tr("Map")), (self.clusters_panel, self.tr("Clusters")),
                (self.nodes_panel, self.tr("Nodes")), (self.bursts_panel, self.tr("Bursts")),
                (self.thematic_panel, self.tr("Thematic map"))]):
            panel.retranslate()
            self.tabs.setTabText(index, text)


__all__ = ["HotspotsPage", "THESAURUS_SETTING"]


if __name__ == "__main__":
    from ui.preview import preview_page

    raise SystemExit(preview_page(HotspotsPage))

"""Cross-discipline wizard: define sets A and B, then show their intersection's growth and people."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (QFormLayout, QLabel, QLineEdit, QPushButton, QTabWidget,
                               QVBoxLayout, QWidget, QWizard, QWizardPage)

from analysis.bursts import BurstParams
from analyst_app.db.workspace import Workspace
from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.trends import CrossDisciplineResult, run_cross_discipline
from ui.errors import describe_error
from ui.i18n import current_language
from ui.models import DataFrameSortProxy, DataFrameTableModel
from ui.tasks import TaskRunner
from ui.widgets.chart_view import ChartView
from ui.widgets.tables import make_table_view

translate = QCoreApplication.translate

#: Workspace setting of the Contribution page naming the school mapping file.
SCHOOLS_FILE_SETTING = "contribution.schools_file"


def cross_discipline_job(workspace: Workspace, flt_a: CorpusFilter, flt_b: CorpusFilter,
                         *, progress: Any, cancel: Any) -> CrossDisciplineResult:
    """Run :func:`run_cross_discipline` with the workspace's school mapping when it has one."""
    school_of = None
    mapping_file = workspace.get_setting(SCHOOLS_FILE_SETTING)
    if mapping_file and Path(mapping_file).is_file():
        from analyst_app.domain.school_mapping import load_school_mapping, match_school
        mapping = load_school_mapping(mapping_file)
        school_of = partial(match_school, mapping)
    return run_cross_discipline(workspace, flt_a, flt_b, BurstParams(), school_of=school_of,
                                progress=progress, cancel=cancel)


class SetPage(QWizardPage):
    """Define one set by a query and/or WoS categories (complete when either is given)."""

    def __init__(self, name: str, example_query: str, example_categories: str) -> None:
        super().__init__()
        self.setTitle(translate("HotspotsPage", "Set {name}").format(name=name))
        self.setSubTitle(translate(
            "HotspotsPage", "Publications in set {name}: words in title, keywords or abstract, "
            "and/or Web of Science categories (separated by semicolons).").format(name=name))
        self.query_edit = QLineEdit()
        self.query_edit.setPlaceholderText(example_query)
        self.categories_edit = QLineEdit()
        self.categories_edit.setPlaceholderText(example_categories)
        for edit in (self.query_edit, self.categories_edit):
            edit.textChanged.connect(self.completeChanged)
        form = QFormLayout(self)
        form.addRow(translate("HotspotsPage", "&Query:"), self.query_edit)
        form.addRow(translate("HotspotsPage", "WoS &categories:"), self.categories_edit)

    def corpus_filter(self) -> CorpusFilter:
        """Return the set as a corpus filter."""
        categories = tuple(c.strip() for c in self.categories_edit.text().split(";") if c.strip())
        return CorpusFilter(query=self.query_edit.text().strip() or None, categories=categories)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return bool(self.query_edit.text().strip() or self.categories_edit.text().strip())


class ResultPage(QWizardPage):
    """Run the analysis and show growth, bursting terms, our authors and our schools."""

    def __init__(self, wizard: "CrossDisciplineWizard") -> None:
        super().__init__()
        self._wizard = wizard
        self.result: CrossDisciplineResult | None = None
        self.setTitle(translate("HotspotsPage", "Intersection of A and B"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.cancel_button = QPushButton(translate("HotspotsPage", "Cancel computing"))
        self.cancel_button.clicked.connect(wizard.runner.cancel)
        self.chart = ChartView()
        self.tabs = QTabWidget()
        self.models: dict[str, DataFrameTableModel] = {}
        self.views: dict[str, QWidget] = {}
        growth = QWidget()
        column = QVBoxLayout(growth)
        column.addWidget(self.chart, 2)
        column.addWidget(self._table("growth"), 1)
        self.tabs.addTab(growth, translate("HotspotsPage", "Growth"))
        self.tabs.addTab(self._table("bursts"), translate("HotspotsPage", "Bursting terms"))
        self.tabs.addTab(self._table("authors"), translate("HotspotsPage", "Our authors"))
        self.tabs.addTab(self._table("schools"), translate("HotspotsPage", "Our schools"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tabs, 1)

    def _table(self, name: str) -> QWidget:
        headers = {
            "growth": {"year": translate("HotspotsPage", "Year"), "papers_a": "A", "papers_b": "B",
                       "papers_both": "A ∩ B", "share_of_a": translate("HotspotsPage", "Share of A"),
                       "share_of_b": translate("HotspotsPage", "Share of B"),
                       "growth_both": translate("HotspotsPage", "Growth of A ∩ B")},
            "bursts": {"term": translate("HotspotsPage", "Term"),
                       "begin": translate("HotspotsPage", "Begin"),
                       "end": translate("HotspotsPage", "End"),
                       "strength": translate("HotspotsPage", "Strength"),
                       "occurrences": translate("HotspotsPage", "Documents")},
        }.get(name, {"name": translate("HotspotsPage", "Name"),
                     "papers": translate("HotspotsPage", "Publications"),
                     "cites": translate("HotspotsPage", "Cites")})
        percent = {c: (lambda v: f"{v:.1%}") for c in ("share_of_a", "share_of_b", "growth_both")}
        model = DataFrameTableModel(headers=headers, formatters=percent)
        proxy = DataFrameSortProxy(self)
        proxy.setSourceModel(model)
        self.models[name] = model
        view = make_table_view(proxy)
        self.views[name] = view
        return view

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        wizard = self._wizard
        self.result = None
        for model in self.models.values():
            model.set_frame(None)
        self.chart.clear()
        self.summary.setText(translate("HotspotsPage", "Computing…"))
        self.cancel_button.setEnabled(True)
        wizard.runner.discard()
        wizard.runner.start(cross_discipline_job, wizard.workspace, wizard.set_a.corpus_filter(),
                            wizard.set_b.corpus_filter(),
                            description=translate("HotspotsPage", "Cross-discipline hotspots"))

    @Slot(object)
    def show_result(self, result: CrossDisciplineResult) -> None:
        """Fill the tabs with ``result``."""
        from analyst_app.charts_hotspots import figure_intersection_growth
        self.result = result
        self.models["growth"].set_frame(result.growth)
        self.models["bursts"].set_frame(result.bursts.bursts)
        self.models["authors"].set_frame(result.our_authors)
        self.models["schools"].set_frame(result.our_schools)
        for view in self.views.values():
            view.resizeColumnsToContents()
        self.chart.show_figure(figure_intersection_growth(result.growth,
                                                          language=current_language()))
        counts = result.provenance["counts"]
        institution = result.provenance.get("institution") or translate(
            "HotspotsPage", "(no institution set in the workspace)")
        self.summary.setText(translate(
            "HotspotsPage", "A: {a} publications; B: {b}; both: {both}, of which {ours} with "
            "an address of {institution}. {bursts} bursting terms in the intersection.").format(
            a=f"{counts['papers_a']:,}", b=f"{counts['papers_b']:,}",
            both=f"{counts['papers_both']:,}", ours=f"{len(result.our_publications):,}",
            institution=institution, bursts=counts["bursts"]))
        self.cancel_button.setEnabled(False)

    def show_failure(self, exc: BaseException) -> None:
        """Say why the analysis did not finish."""
        self.summary.setText(describe_error(exc).text)
        self.cancel_button.setEnabled(False)


class CrossDisciplineWizard(QWizard):
    """Define sets A and B (e.g. AI × chemical engineering) and analyse their intersection."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.runner = TaskRunner(self)
        self.setWindowTitle(translate("HotspotsPage", "Cross-discipline hotspots"))
        self.resize(980, 720)
        self.set_a = SetPage("A", "machine learning OR deep learning OR neural network",
                             "Computer Science, Artificial Intelligence")
        self.set_b = SetPage("B", "catalysis OR reactor", "Engineering, Chemical")
        self.result_page = ResultPage(self)
        for page in (self.set_a, self.set_b, self.result_page):
            self.addPage(page)
        self.runner.succeeded.connect(self.result_page.show_result)
        self.runner.failed.connect(self.result_page.show_failure)
        self.runner.cancelled.connect(lambda: self.result_page.summary.setText(
            translate("HotspotsPage", "Cancelled")))

    def shutdown(self) -> None:
        """Cancel and wait for the running analysis."""
        self.runner.shutdown()
        self.result_page.chart.shutdown()

    def done(self, result: int) -> None:  # noqa: D401 - Qt API
        self.runner.discard()
        super().done(result)


__all__ = ["CrossDisciplineWizard", "cross_discipline_job", "SetPage", "ResultPage"]

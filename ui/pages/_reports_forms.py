"""The report-specific option forms of the Reports page, one per report of the registry."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox, QWidget

from analyst_app.db.workspace import Workspace
from analyst_app.domain.esi_fields import esi_fields
from analyst_app.domain.peer_groups import PeerGroup, name_key
from analyst_app.errors import InputError
from analyst_app.services.benchmark import DEFAULT_MIN_PAPERS, MIN_PAPERS_KEY, load_peer_groups
from ui.i18n import is_chinese
from ui.pages._esi_watch import DEFAULT_WATCH, WATCH_SETTING
from ui.pages._reports_fields import (CONTRIBUTION_SCHOOLS_SETTING, ESI_SCHOOLS_SETTING,
                                      ReportForm, mapping_field, mapping_problem,
                                      remembered_mapping, retranslate_mapping_field, translate,
                                      years_problem)


def _years_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setMaximumWidth(160)
    return edit


def _set_years_placeholder(edit: QLineEdit) -> None:
    edit.setPlaceholderText(translate("ReportsPage", "all, or e.g. 2015-2024"))


class EsiBulletinForm(ReportForm):
    """ESI bulletin: optional school mapping (push-list section), potential cut-off."""

    template_id = "esi_bulletin"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schools = mapping_field()
        self.watch_spin = QDoubleSpinBox()
        self.watch_spin.setRange(0.05, 1.0)
        self.watch_spin.setSingleStep(0.05)
        self.watch_spin.setDecimals(2)
        self.watch_spin.setValue(DEFAULT_WATCH)
        self.watch_spin.setMaximumWidth(100)
        self.unlisted_check = QCheckBox()
        for field in (self.schools, self.watch_spin, self.unlisted_check):
            self.add_row(field)
        self.retranslate()

    def load(self, workspace: Workspace | None) -> None:
        """Take the mapping file and the potential cut-off the ESI page remembers."""
        self.schools.prefill(remembered_mapping(workspace, ESI_SCHOOLS_SETTING,
                                                CONTRIBUTION_SCHOOLS_SETTING))
        value = workspace.get_setting(WATCH_SETTING, DEFAULT_WATCH) if workspace else None
        try:
            self.watch_spin.setValue(float(value if value is not None else DEFAULT_WATCH))
        except (TypeError, ValueError):  # a hand-edited setting: the default, as the ESI page
            self.watch_spin.setValue(DEFAULT_WATCH)

    def problem(self) -> str | None:
        return mapping_problem(self.schools.text(), required=False)

    def extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if self.schools.text():
            extra["schools"] = self.schools.text()
        if round(self.watch_spin.value(), 2) != DEFAULT_WATCH:
            extra["watch"] = round(self.watch_spin.value(), 2)
        if self.unlisted_check.isChecked():
            extra["allow_unlisted"] = True
        return extra

    def label_texts(self) -> list[str]:
        return [translate("ReportsPage", "School mapping (optional):"),
                translate("ReportsPage", "Potential cut-off:"), ""]

    def retranslate(self) -> None:
        super().retranslate()
        retranslate_mapping_field(self.schools)
        self.schools.edit.setToolTip(translate(
            "ReportsPage", "Names the schools of the authors of new highly cited papers."))
        self.watch_spin.setToolTip(translate(
            "ReportsPage", "A field is potential when its citations reach this share of the "
                           "ESI threshold."))
        self.unlisted_check.setText(translate(
            "ReportsPage", "Build even when no ESI list names the institution"))


class PushNoticeForm(ReportForm):
    """ESI push notice: the school mapping (required), paper kind, new papers only or all."""

    template_id = "esi_push_notice"
    KINDS = ("both", "hcp", "hot")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schools = mapping_field()
        self.kind_combo = QComboBox()
        for kind in self.KINDS:
            self.kind_combo.addItem("", kind)
        self.all_check = QCheckBox()
        for field in (self.schools, self.kind_combo, self.all_check):
            self.add_row(field)
        self.retranslate()

    def load(self, workspace: Workspace | None) -> None:
        """Take the mapping file the ESI page (or else the Contribution page) remembers."""
        self.schools.prefill(remembered_mapping(workspace, ESI_SCHOOLS_SETTING,
                                                CONTRIBUTION_SCHOOLS_SETTING))

    def problem(self) -> str | None:
        return mapping_problem(self.schools.text(), required=True)

    def extra(self) -> dict[str, Any]:
        return {"schools": self.schools.text(), "kind": self.kind_combo.currentData(),
                "all": self.all_check.isChecked()}

    def label_texts(self) -> list[str]:
        return [translate("ReportsPage", "School mapping:"), translate("ReportsPage", "Papers:"),
                ""]

    def retranslate(self) -> None:
        super().retranslate()
        retranslate_mapping_field(self.schools)
        texts = (translate("ReportsPage", "Highly cited and hot papers"),
                 translate("ReportsPage", "Highly cited papers"),
                 translate("ReportsPage", "Hot papers"))
        for index, text in enumerate(texts):
            self.kind_combo.setItemText(index, text)
        self.all_check.setText(translate(
            "ReportsPage", "Every paper of ours in the lists, not only the new ones"))


class ContributionForm(ReportForm):
    """School contribution: the school mapping (required), counting, years."""

    template_id = "contribution"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.schools = mapping_field()
        self.counting_combo = QComboBox()
        self.counting_combo.addItem("", "fractional")
        self.counting_combo.addItem("", "full")
        self.years_edit = _years_edit()
        self.both_check = QCheckBox()
        for field in (self.schools, self.counting_combo, self.years_edit, self.both_check):
            self.add_row(field)
        self.retranslate()

    def load(self, workspace: Workspace | None) -> None:
        """Take the mapping file the Contribution page (or else the ESI page) remembers."""
        self.schools.prefill(remembered_mapping(workspace, CONTRIBUTION_SCHOOLS_SETTING,
                                                ESI_SCHOOLS_SETTING))

    def problem(self) -> str | None:
        return (mapping_problem(self.schools.text(), required=True)
                or years_problem(self.years_edit.text()))

    def extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"schools": self.schools.text(),
                                 "counting": self.counting_combo.currentData()}
        if self.years_edit.text().strip():
            extra["years"] = self.years_edit.text().strip()
        if self.both_check.isChecked():
            extra["both_countings"] = True
        return extra

    def label_texts(self) -> list[str]:
        return [translate("ReportsPage", "School mapping:"),
                translate("ReportsPage", "Counting:"), translate("ReportsPage", "Years:"), ""]

    def retranslate(self) -> None:
        super().retranslate()
        retranslate_mapping_field(self.schools)
        self.counting_combo.setItemText(0, translate("ReportsPage", "Fractional counting"))
        self.counting_combo.setItemText(1, translate("ReportsPage", "Full counting"))
        _set_years_placeholder(self.years_edit)
        self.both_check.setText(translate("ReportsPage", "A table for each counting"))


class BenchmarkForm(ReportForm):
    """Benchmarking: a peer group and/or named peers, one field or all, small-sample cut."""

    template_id = "benchmark"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: tuple[PeerGroup, ...] = ()
        self.load_error: InputError | None = None
        self.group_combo = QComboBox()
        self.peers_edit = QLineEdit()
        self.field_combo = QComboBox()
        self.min_papers_spin = QSpinBox()
        self.min_papers_spin.setRange(1, 100000)
        self.min_papers_spin.setValue(DEFAULT_MIN_PAPERS)
        self.min_papers_spin.setMaximumWidth(100)
        self.years_edit = _years_edit()
        for field in (self.group_combo, self.peers_edit, self.field_combo, self.min_papers_spin,
                      self.years_edit):
            self.add_row(field)
        self.retranslate()

    def load(self, workspace: Workspace | None) -> None:
        """Read the workspace's peer groups (the shipped ones until some are saved)."""
        self.load_error = None
        try:
            self.groups = load_peer_groups(workspace) if workspace is not None else ()
        except InputError as exc:  # an unreadable setting: no group, and the page says why
            self.groups, self.load_error = (), exc
        value = workspace.get_setting(MIN_PAPERS_KEY, DEFAULT_MIN_PAPERS) if workspace else None
        self.min_papers_spin.setValue(value if isinstance(value, int) and value >= 1
                                      else DEFAULT_MIN_PAPERS)
        ours = (workspace.institution()[0] if workspace is not None else None) or ""
        self._fill_groups(ours)

    def _fill_groups(self, ours: str = "") -> None:
        chosen = self.group_combo.currentData()
        self.group_combo.clear()
        self.group_combo.addItem(translate("ReportsPage", "(no group)"), None)
        for group in self.groups:
            title = group.name_zh if is_chinese() and group.name_zh else group.name
            self.group_combo.addItem(f"{group.id} — {title}", group.id)
            self.group_combo.setItemData(self.group_combo.count() - 1, ", ".join(
                m.name_zh or m.esi_name for m in group.members), Qt.ItemDataRole.ToolTipRole)
        index = self.group_combo.findData(chosen) if chosen else -1
        if index < 0:  # the first group our institution belongs to: the peers it chose
            key = name_key(ours)
            index = next((i for i, g in enumerate(self.groups, start=1) if key and any(
                name_key(n) == key for m in g.members for n in m.names())),
                1 if self.groups else 0)
        self.group_combo.setCurrentIndex(index)

    def peers(self) -> list[str]:
        """The peers typed by the user (``;``-separated)."""
        return [p.strip() for p in self.peers_edit.text().split(";") if p.strip()]

    def problem(self) -> str | None:
        if self.group_combo.currentData() is None and not self.peers():
            return translate("ReportsPage", "Choose a peer group or name at least one peer "
                                            "to compare with.")
        return years_problem(self.years_edit.text())

    def extra(self) -> dict[str, Any]:
        extra: dict[str, Any] = {"min_papers": self.min_papers_spin.value()}
        if self.group_combo.currentData():
            extra["group"] = self.group_combo.currentData()
        if self.peers():
            extra["peers"] = self.peers()
        if self.field_combo.currentData():
            extra["fields"] = [self.field_combo.currentData()]
        if self.years_edit.text().strip():
            extra["years"] = self.years_edit.text().strip()
        return extra

    def label_texts(self) -> list[str]:
        return [translate("ReportsPage", "Peer group:"), translate("ReportsPage", "Other peers:"),
                translate("ReportsPage", "ESI field:"),
                translate("ReportsPage", "Small sample below (papers):"),
                translate("ReportsPage", "Years of the papers:")]

    def retranslate(self) -> None:
        super().retranslate()
        self.peers_edit.setPlaceholderText(translate(
            "ReportsPage", "ESI names separated by ; (added to the group)"))
        chosen = self.field_combo.currentData()
        self.field_combo.clear()
        self.field_combo.addItem(translate("ReportsPage", "All fields"), None)
        for field in esi_fields():
            self.field_combo.addItem(field.name_zh if is_chinese() else field.name_en,
                                     field.name_en)
        self.field_combo.setCurrentIndex(max(self.field_combo.findData(chosen), 0)
                                         if chosen else 0)
        self._fill_groups()
        _set_years_placeholder(self.years_edit)


class PanoramaForm(ReportForm):
    """Discipline panorama: the topic's title, the selection (query, years), a cross topic."""

    template_id = "panorama"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.query_edit = QLineEdit()
        self.years_edit = _years_edit()
        self.cross_edit = QLineEdit()
        for field in (self.title_edit, self.query_edit, self.years_edit, self.cross_edit):
            self.add_row(field)
        self.retranslate()

    def problem(self) -> str | None:
        if not self.title_edit.text().strip():
            return translate("ReportsPage", "Name the field or topic of the panorama (its "
                                            "title).")
        return years_problem(self.years_edit.text())

    def extra(self) -> dict[str, Any]:
        selection = {"query": self.query_edit.text().strip(),
                     "years": self.years_edit.text().strip()}
        extra: dict[str, Any] = {"title": self.title_edit.text().strip(),
                                 "filter": {k: v for k, v in selection.items() if v}}
        cross = self.cross_edit.text().strip()
        if cross:
            extra["cross"] = {"b": {"query": cross}, "label": cross}
        return extra

    def label_texts(self) -> list[str]:
        return [translate("ReportsPage", "Field or topic:"), translate("ReportsPage", "Query:"),
                translate("ReportsPage", "Years:"), translate("ReportsPage", "Crossed with:")]

    def retranslate(self) -> None:
        super().retranslate()
        self.title_edit.setPlaceholderText(translate("ReportsPage", "e.g. 储能材料"))
        self.query_edit.setPlaceholderText(translate(
            "ReportsPage", "Words in titles, abstracts and keywords (empty: every record)"))
        _set_years_placeholder(self.years_edit)
        self.cross_edit.setPlaceholderText(translate(
            "ReportsPage", "Optional: a query for a second topic to compare"))


#: Template id → its option form (reports without one have no specific options).
FORMS: dict[str, type[ReportForm]] = {form.template_id: form for form in (
    EsiBulletinForm, PushNoticeForm, ContributionForm, BenchmarkForm, PanoramaForm)}

"""Peer-group editor (对标院校组): groups and their members, saved in the workspace."""

from __future__ import annotations

import difflib
from typing import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCompleter, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QLineEdit, QListWidget, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)
from sqlalchemy import distinct, select

from analyst_app.db.models import EsiInstitutionRanking
from analyst_app.db.workspace import Workspace
from analyst_app.domain.peer_groups import (PeerGroup, PeerInstitution, find_member,
                                            guess_wos_name, name_key, shipped_peer_groups)
from analyst_app.errors import InputError
from analyst_app.services.benchmark import load_peer_groups, save_peer_groups
from ui.i18n import join_sentences
from ui.widgets.message_bar import MessageBar

# Member table columns: ESI name, Chinese name, WoS spellings, other ESI names.
ESI, ZH, WOS, ALIASES = range(4)
# Lists in one cell: "Dalian Univ Technol; Dalian University of Technology".
SEPARATOR = ";"
UNKNOWN_BACKGROUND = QColor("#fdebd0")


# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


def esi_institution_names(workspace: Workspace) -> list[str]:
    """Return every institution name in the workspace's imported ESI lists, sorted."""
    with workspace.session() as session:
        query = select(distinct(EsiInstitutionRanking.institution)).order_by(
            EsiInstitutionRanking.institution)
        return [name for name in session.scalars(query) if name]


def split_names(text: str) -> tuple[str, ...]:
    """Return the names of a cell (separated by ``;`` or new lines), stripped, unique."""
    parts = text.replace("\n", SEPARATOR).split(SEPARATOR)
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


class EsiNamePicker(QDialog):
    """Ask for one institution name as the ESI lists print it (type-ahead completion)."""

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add from ESI list"))
        self.setMinimumWidth(520)
        self._names = {name_key(n): n for n in names}
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Type part of the name, e.g. TSINGHUA"))
        completer = QCompleter(list(names), self)
        # Names are upper case and often start with "UNIVERSITY OF": match anywhere.
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        self.edit.setCompleter(completer)
        hint = QLabel(self.tr("{count} institution names from the imported ESI lists.").format(
            count=f"{len(names):,}"))
        hint.setStyleSheet("color:#566573;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self._update_ok()

    def chosen(self) -> str | None:
        """The ESI name typed or picked, exactly as the lists print it (``None``: unknown)."""
        return self._names.get(name_key(self.edit.text()))

    @Slot()
    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            self.chosen() is not None)


class PeerGroupDialog(QDialog):
    """Edit the workspace's peer groups; Save stores them with ``save_peer_groups``.

    Every edit works on a copy: Cancel leaves the workspace unchanged, and an invalid group
    (the core's checks) is reported in the dialog with nothing saved. Member ESI names that
    no imported ESI list prints are tinted; saving them needs a second press of Save.

    Parameters
    ----------
    workspace : Workspace
        The workspace whose groups are edited.
    esi_names : sequence of str, optional
        Institution names of the imported ESI lists (default: read from ``workspace``).
    """

    def __init__(self, workspace: Workspace, esi_names: Sequence[str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.esi_names = list(esi_institution_names(workspace) if esi_names is None
                              else esi_names)
        self._known = {name_key(n) for n in self.esi_names}
        self._confirmed_unknown: set[str] = set()
        self._current = -1
        self.setWindowTitle(self.tr("Peer groups"))
        self.resize(1080, 620)
        self.messages = MessageBar()
        try:
            self.groups = list(load_peer_groups(workspace))
        except InputError as exc:  # an unreadable setting: start from the examples
            self.messages.show_exception(exc)
            self.groups = list(shipped_peer_groups())
        self._build()
        self._fill_list(0)

    # -- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.group_list = QListWidget()
        self.group_list.currentRowChanged.connect(self._on_group_changed)
        self.add_group_button = QPushButton(self.tr("Add group…"))
        self.add_group_button.clicked.connect(self._ask_new_group)
        self.remove_group_button = QPushButton(self.tr("Remove group"))
        self.remove_group_button.clicked.connect(self.remove_group)
        self.reset_button = QPushButton(self.tr("Reset to examples"))
        self.reset_button.setToolTip(self.tr("Replace every group by the shipped examples "
                                             "(C9, E9, …); saved only with Save."))
        self.reset_button.clicked.connect(self.reset_to_examples)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.group_list, 1)
        for button in (self.add_group_button, self.remove_group_button, self.reset_button):
            left_layout.addWidget(button)

        self.id_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.name_zh_edit = QLineEdit()
        for edit in (self.id_edit, self.name_edit, self.name_zh_edit):
            edit.editingFinished.connect(self._commit_titles)
        form = QFormLayout()
        form.addRow(self.tr("&ID:"), self.id_edit)
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("&Chinese name:"), self.name_zh_edit)
        self.members = QTableWidget(0, 4)
        self.members.setHorizontalHeaderLabels([
            self.tr("ESI name"), self.tr("Chinese name"),
            self.tr("WoS spellings (separated by ;)"), self.tr("Other ESI names")])
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.members.horizontalHeader().setStretchLastSection(True)
        self.members.setColumnWidth(ESI, 260)
        self.members.setColumnWidth(ZH, 110)
        self.members.setColumnWidth(WOS, 270)
        self.members.verticalHeader().setVisible(False)
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.itemChanged.connect(self._on_item_changed)
        self.add_member_button = QPushButton(self.tr("Add member"))
        self.add_member_button.clicked.connect(lambda: self.add_member(""))
        self.pick_button = QPushButton(self.tr("Add from ESI list…"))
        self.pick_button.setEnabled(bool(self.esi_names))
        self.pick_button.clicked.connect(self.pick_from_esi_list)
        self.remove_member_button = QPushButton(self.tr("Remove member"))
        self.remove_member_button.clicked.connect(self.remove_selected_members)
        member_buttons = QHBoxLayout()
        for button in (self.pick_button, self.add_member_button, self.remove_member_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(form)
        right_layout.addWidget(self.members, 1)
        right_layout.addLayout(member_buttons)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([270, 780])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

    # -- groups -----------------------------------------------------------------------
    def _fill_list(self, row: int) -> None:
        self._current = -1  # nothing to commit while the list is rebuilt
        self.group_list.blockSignals(True)
        self.group_list.clear()
        for group in self.groups:
            self.group_list.addItem(self._group_label(group))
            self.group_list.item(self.group_list.count() - 1).setToolTip(group.name)
        self.group_list.blockSignals(False)
        row = min(max(row, 0), len(self.groups) - 1)
        self.group_list.setCurrentRow(row)
        self._show_group(row)

    @staticmethod
    def _group_label(group: PeerGroup) -> str:
        return f"{group.id} — {group.name_zh or group.name}"

    @Slot(int)
    def _on_group_changed(self, row: int) -> None:
        self.commit()
        self._show_group(row)

    def _show_group(self, row: int) -> None:
        self._current = row
        group = self.groups[row] if 0 <= row < len(self.groups) else None
        for edit, text in ((self.id_edit, group.id if group else ""),
                           (self.name_edit, group.name if group else ""),
                           (self.name_zh_edit, group.name_zh if group else "")):
            edit.setText(text)
            edit.setEnabled(group is not None)
        self.members.blockSignals(True)
        self.members.setRowCount(0)
        for member in group.members if group else ():
            self._append_row(member)
        self.members.blockSignals(False)
        for widget in (self.members, self.add_member_button, self.remove_member_button,
                       self.remove_group_button):
            widget.setEnabled(group is not None)
        self.pick_button.setEnabled(group is not None and bool(self.esi_names))

    def current_group(self) -> PeerGroup | None:
        """The group being edited, as the editor shows it now."""
        if not 0 <= self._current < len(self.groups):
            return None
        members = []
        for row in range(self.members.rowCount()):
            texts = [self._cell(row, c) for c in (ESI, ZH, WOS, ALIASES)]
            if any(texts):  # a row left empty is not a member
                members.append(PeerInstitution(texts[ESI], texts[ZH], split_names(texts[WOS]),
                                               split_names(texts[ALIASES])))
        return PeerGroup(self.id_edit.text().strip(), self.name_edit.text().strip(),
                         self.name_zh_edit.text().strip(), tuple(members))

    def commit(self) -> None:
        """Copy the editor into the working copy of the groups."""
        group = self.current_group()
        if group is not None:
            self.groups[self._current] = group

    @Slot()
    def _commit_titles(self) -> None:
        self.commit()
        if 0 <= self._current < len(self.groups):
            self.group_list.item(self._current).setText(self._group_label(
                self.groups[self._current]))

    def add_group(self, group_id: str, name: str = "") -> None:
        """Add an empty group and select it (members are added next)."""
        self.commit()
        self.groups.append(PeerGroup(group_id.strip(), (name or group_id).strip()))
        self._fill_list(len(self.groups) - 1)

    @Slot()
    def _ask_new_group(self) -> None:
        group_id, ok = QInputDialog.getText(self, self.tr("Add group"),
                                            self.tr("Short ID of the new group (e.g. MY-PEERS):"))
        if ok and group_id.strip():
            self.add_group(group_id)

    @Slot()
    def remove_group(self) -> None:
        """Remove the selected group from the working copy."""
        if 0 <= self._current < len(self.groups):
            row = self._current
            del self.groups[row]
            self._fill_list(row)

    @Slot()
    def reset_to_examples(self) -> None:
        """Replace the working copy by the shipped example groups."""
        self.groups = list(shipped_peer_groups())
        self._fill_list(0)
        self.messages.show_message(self.tr("The shipped example groups are back; Save to keep "
                                           "them."), "info")

    # -- members ----------------------------------------------------------------------
    def _cell(self, row: int, column: int) -> str:
        item = self.members.item(row, column)
        return item.text().strip() if item is not None else ""

    def _append_row(self, member: PeerInstitution) -> int:
        row = self.members.rowCount()
        self.members.insertRow(row)
        for column, text in ((ESI, member.esi_name), (ZH, member.name_zh),
                             (WOS, f"{SEPARATOR} ".join(member.wos_names)),
                             (ALIASES, f"{SEPARATOR} ".join(member.esi_aliases))):
            self.members.setItem(row, column, QTableWidgetItem(text))
        self._mark_unknown(row)
        return row

    def add_member(self, esi_name: str, name_zh: str = "", wos_names: Sequence[str] = (),
                   esi_aliases: Sequence[str] = ()) -> int:
        """Append a member row to the current group; return its row."""
        row = self._append_row(PeerInstitution(esi_name.strip(), name_zh.strip(),
                                               tuple(wos_names), tuple(esi_aliases)))
        self.members.setCurrentCell(row, ESI if not esi_name else ZH)
        self.commit()
        return row

    def add_member_from_esi(self, esi_name: str) -> int:
        """Add the institution ``esi_name`` of the ESI lists, with the spellings we know.

        A member of any group (or of the shipped examples) with that name lends its Chinese
        name and WoS spellings; otherwise the WoS spelling is guessed from the ESI name.
        """
        known = find_member((*self.groups, *shipped_peer_groups()), esi_name)
        if known is not None:
            return self.add_member(esi_name, known.name_zh, known.wos_names, known.esi_aliases)
        return self.add_member(esi_name, "", (guess_wos_name(esi_name),))

    @Slot()
    def pick_from_esi_list(self) -> None:
        """Ask for an ESI institution name (with completion) and add it."""
        picker = EsiNamePicker(self.esi_names, self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen():
            self.add_member_from_esi(picker.chosen() or "")

    @Slot()
    def remove_selected_members(self) -> None:
        """Remove the selected member rows."""
        rows = sorted({index.row() for index in self.members.selectedIndexes()}, reverse=True)
        for row in rows:
            self.members.removeRow(row)
        self.commit()

    @Slot(QTableWidgetItem)
    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() in (ESI, ALIASES):
            self._mark_unknown(item.row())
        self.commit()

    def _unknown_names(self, member: PeerInstitution) -> bool:
        # Known when any of its ESI names is printed in an imported list.
        return bool(self._known) and bool(member.esi_name) and not any(
            name_key(n) in self._known for n in member.esi_names)

    def _mark_unknown(self, row: int) -> None:
        item = self.members.item(row, ESI)
        if item is None:
            return
        member = PeerInstitution(self._cell(row, ESI),
                                 esi_aliases=split_names(self._cell(row, ALIASES)))
        unknown = self._unknown_names(member)
        self.members.blockSignals(True)
        item.setBackground(QBrush(UNKNOWN_BACKGROUND) if unknown else QBrush())
        item.setToolTip(self._unknown_text([member]) if unknown else "")
        self.members.blockSignals(False)

    def _unknown_text(self, members: Sequence[PeerInstitution]) -> str:
        parts = []
        for member in members:
            close = difflib.get_close_matches(name_key(member.esi_name),
                                              [name_key(n) for n in self.esi_names], n=2,
                                              cutoff=0.6)
            hint = translate("PeerGroupDialog", " (did you mean {names}?)").format(
                names=translate("PeerGroupDialog", " or ").join(repr(c) for c in close)
            ) if close else ""
            parts.append(repr(member.esi_name) + hint)
        return translate("PeerGroupDialog", "Not in any imported ESI list: {names}.").format(
            names="; ".join(parts))

    # -- saving -----------------------------------------------------------------------
    @Slot()
    def save(self) -> bool:
        """Store the groups in the workspace and close; on an error show it and keep editing.

        Returns
        -------
        bool
            Whether the groups were saved.
        """
        self.commit()
        unknown = [m for g in self.groups for m in g.members if self._unknown_names(m)]
        unknown = list({name_key(m.esi_name): m for m in unknown}.values())
        keys = {name_key(m.esi_name) for m in unknown}
        if unknown and not keys <= self._confirmed_unknown:
            # A misspelt peer would make every computation fail (or look "not listed"):
            # say so first; a second Save keeps names ESI really does not print.
            self._confirmed_unknown |= keys
            self.messages.show_message(join_sentences(self._unknown_text(unknown), self.tr(
                "Correct the names (Add from ESI list… has the exact spellings), or press "
                "Save again to keep them.")), "warning")
            return False
        try:
            save_peer_groups(self.workspace, self.groups)
        except InputError as exc:  # the core's checks; nothing was stored
            self.messages.show_exception(exc)
            return False
        self.accept()
        return True


__all__ = ["PeerGroupDialog", "EsiNamePicker", "esi_institution_names", "split_names"]

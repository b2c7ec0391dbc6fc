"""Main window: workspace menu, navigation between pages, status bar with task progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QIcon
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox, QStackedWidget, QStyle, QWidget)

from analyst_app.db.workspace import Workspace, open_workspace
from analyst_app.errors import WorkspaceError
from ui import i18n
from ui.dialogs.institution_dialog import InstitutionDialog
from ui.dialogs.workspace_dialogs import ask_new_workspace, ask_open_workspace
from ui.errors import show_error
from ui.pages.base import PageBase
from ui.pages.benchmark_page import BenchmarkPage
from ui.pages.contribution_page import ContributionPage
from ui.pages.data_page import DataPage, dropped_files
from ui.pages.esi_page import EsiPage
from ui.pages.hotspots_page import HotspotsPage
from ui.pages.merges_page import MergesPage
from ui.pages.records_page import RecordsPage
from ui.pages.reports_page import ReportsPage
from ui.pages.welcome_page import WelcomePage
from ui.settings import (GEOMETRY_KEY, app_settings, forget_workspace, recent_workspaces,
                         remember_workspace)
from ui.widgets.progress_bar import TaskProgressWidget


class MainWindow(QMainWindow):
    """The application window.

    A navigation list on the left switches the pages of a stacked widget; pages are added
    with :meth:`add_page` (Data, Records, Merge log, ESI and Reports now; Contribution,
    Benchmarking, Hotspots, Patents and Talent later). Files dropped on the window are
    imported on the Data page.

    Parameters
    ----------
    workspace : str or Path, optional
        Workspace to open at once.
    """

    def __init__(self, workspace: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace: Workspace | None = None
        self.pages: list[PageBase] = []
        self.setAcceptDrops(True)
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget{font-size:14px;} QListWidget::item{padding:8px 6px;}")
        self.nav.currentRowChanged.connect(self._on_nav)
        self.stack = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.new_requested.connect(self.new_workspace)
        self.welcome.open_requested.connect(self.choose_workspace)
        self.welcome.recent_chosen.connect(self.open_workspace_file)
        self.stack.addWidget(self.welcome)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.progress = TaskProgressWidget()
        self.workspace_label = QLabel()
        self.statusBar().addWidget(self.workspace_label, 1)
        self.statusBar().addPermanentWidget(self.progress)

        self.data_page = DataPage()
        self.records_page = RecordsPage()
        self.merges_page = MergesPage()
        self.esi_page = EsiPage()
        self.contribution_page = ContributionPage()
        self.benchmark_page = BenchmarkPage()
        self.hotspots_page = HotspotsPage()
        self.reports_page = ReportsPage()
        style = self.style()
        self.add_page(self.data_page, style.standardIcon(QStyle.StandardPixmap.SP_DirOpenIcon))
        self.add_page(self.records_page,
                      style.standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        self.add_page(self.merges_page,
                      style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.add_page(self.esi_page,
                      style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView))
        self.add_page(self.contribution_page,
                      style.standardIcon(QStyle.StandardPixmap.SP_DirLinkIcon))
        self.add_page(self.benchmark_page,
                      style.standardIcon(QStyle.StandardPixmap.SP_FileDialogListView))
        self.add_page(self.hotspots_page,
                      style.standardIcon(QStyle.StandardPixmap.SP_DriveNetIcon))
        self.add_page(self.reports_page, style.standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.data_page.imported.connect(self._on_data_changed)
        self.merges_page.undone.connect(self.records_page.refresh)
        self._make_menus()
        self.retranslate()
        self._restore_geometry()
        if workspace is not None:
            self.open_workspace_file(str(workspace))
        else:
            self._show_workspace(None)

    # -- pages ------------------------------------------------------------------------
    def add_page(self, page: PageBase, icon: QIcon | None = None) -> None:
        """Add ``page`` to the navigation and the stack (its runner feeds the status bar)."""
        self.pages.append(page)
        self.stack.addWidget(page)
        item = QListWidgetItem(icon or QIcon(), page.page_title())
        item.setData(Qt.ItemDataRole.UserRole, page.key)
        self.nav.addItem(item)
        self.progress.attach(page.runner)
        if self.workspace is not None:
            page.set_workspace(self.workspace)

    def page(self, key: str) -> PageBase:
        """Return the page whose ``key`` is ``key``."""
        return next(p for p in self.pages if p.key == key)

    def show_page(self, key: str) -> None:
        """Show the page ``key`` (when a workspace is open)."""
        self.nav.setCurrentRow(self.pages.index(self.page(key)))

    @Slot(int)
    def _on_nav(self, row: int) -> None:
        if self.workspace is not None and 0 <= row < len(self.pages):
            self.stack.setCurrentWidget(self.pages[row])

    @Slot(list)
    def _on_data_changed(self, _reports: list) -> None:
        for page in self.pages:
            if page is not self.data_page:
                page.refresh()

    # -- workspace --------------------------------------------------------------------
    @Slot()
    def new_workspace(self) -> None:
        """Ask for a new workspace file and open it."""
        path = ask_new_workspace(self, self._dialog_folder())
        if path is not None:
            self.open_workspace_file(str(path))

    @Slot()
    def choose_workspace(self) -> None:
        """Ask for an existing workspace file and open it."""
        path = ask_open_workspace(self, self._dialog_folder())
        if path is not None:
            self.open_workspace_file(str(path), create=False)

    @Slot(str)
    def open_workspace_file(self, path: str, create: bool = True) -> bool:
        """Open (or create) the workspace at ``path``; return whether it succeeded."""
        try:
            workspace = open_workspace(path, create=create)
        except WorkspaceError as exc:
            show_error(self, exc)
            if not Path(path).exists():
                self._update_recent(forget_workspace(path))
            return False
        self._show_workspace(workspace)
        shown = str(workspace.path or workspace.url)
        self._update_recent(remember_workspace(shown))
        if workspace.backup is not None:
            QMessageBox.information(self, self.tr("Workspace upgraded"), self.tr(
                "The workspace was upgraded to this version. A copy of the old file was "
                "saved as {backup}.").format(backup=workspace.backup))
        return True

    def _show_workspace(self, workspace: Workspace | None) -> None:
        for page in self.pages:
            page.runner.discard()
        old, self.workspace = self.workspace, workspace
        for page in self.pages:
            page.set_workspace(workspace)
        if old is not None:
            old.close()
        self.action_institution.setEnabled(workspace is not None)
        self.nav.setEnabled(workspace is not None)
        if workspace is None:
            self.welcome.set_recent(recent_workspaces())
            self.stack.setCurrentWidget(self.welcome)
        else:
            self.nav.setCurrentRow(max(self.nav.currentRow(), 0))
            self._on_nav(self.nav.currentRow())
        self._update_title()

    @Slot()
    def edit_institution(self) -> None:
        """Edit the workspace institution and recompute what depends on it."""
        if self.workspace is None:
            return
        name, aliases = self.workspace.institution()
        dialog = InstitutionDialog(name or "", aliases, self)
        if dialog.exec() != InstitutionDialog.DialogCode.Accepted:
            return
        self.workspace.set_institution(*dialog.values())
        for page in self.pages:
            page.refresh()

    def _dialog_folder(self) -> str:
        recent = recent_workspaces()
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    # -- menus ------------------------------------------------------------------------
    def _make_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.action_new = self.file_menu.addAction("", self.new_workspace)
        self.action_open = self.file_menu.addAction("", self.choose_workspace)
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        self.action_institution = self.file_menu.addAction("", self.edit_institution)
        self.file_menu.addSeparator()
        self.action_quit = self.file_menu.addAction("", self.close)
        self.action_new.setShortcut("Ctrl+N")
        self.action_open.setShortcut("Ctrl+O")
        self.action_quit.setShortcut("Ctrl+Q")
        self.view_menu = self.menuBar().addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda *_, c=code: self.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.help_menu = self.menuBar().addMenu("")
        self.action_about = self.help_menu.addAction("", self._about)
        self._update_recent(recent_workspaces())

    def _update_recent(self, recent: list[str]) -> None:
        self.recent_menu.clear()
        for path in recent:
            self.recent_menu.addAction(
                path, lambda *_, p=path: self.open_workspace_file(p, False))
        self.recent_menu.setEnabled(bool(recent))
        self.welcome.set_recent(recent)

    def set_language(self, code: str) -> None:
        """Switch the UI language now and remember it for the next start."""
        i18n.install_language(code)
        i18n.save_language(code)
        self.language_actions[code].setChecked(True)

    @Slot()
    def _about(self) -> None:
        QMessageBox.about(self, self.tr("About"), self.tr(
            "Subject Analyst Workbench: ESI monitoring, discipline analyses and Word reports "
            "for subject librarians."))

    # -- text -------------------------------------------------------------------------
    def retranslate(self) -> None:
        """Set the window's text in the current language."""
        self.file_menu.setTitle(self.tr("&File"))
        self.action_new.setText(self.tr("&New workspace…"))
        self.action_open.setText(self.tr("&Open workspace…"))
        self.recent_menu.setTitle(self.tr("&Recent workspaces"))
        self.action_institution.setText(self.tr("&Institution settings…"))
        self.action_quit.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.action_about.setText(self.tr("&About"))
        for row, page in enumerate(self.pages):
            self.nav.item(row).setText(page.page_title())
        self._update_title()

    def _update_title(self) -> None:
        app = self.tr("Subject Analyst Workbench")
        if self.workspace is None:
            self.setWindowTitle(app)
            self.workspace_label.setText(self.tr("No workspace open"))
            return
        where = self.workspace.path or self.workspace.url
        name = self.workspace.path.name if self.workspace.path else self.workspace.url
        self.setWindowTitle(f"{name} — {app}")
        self.workspace_label.setText(self.tr("Workspace: {path}").format(path=where))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- drag and drop ----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        if self.workspace is not None and dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        paths = dropped_files(event)
        if paths:
            self.show_page(self.data_page.key)
            if self.data_page.import_paths(paths):
                event.acceptProposedAction()

    # -- closing ----------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = app_settings().value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if not self.contribution_page.confirm_close():  # unsaved school-mapping edits
            event.ignore()
            return
        app_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        for page in self.pages:
            page.shutdown()
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        super().closeEvent(event)


__all__ = ["MainWindow"]

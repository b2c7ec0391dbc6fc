"""One publication's record: its HTML, translated field names, and a records drill-down widget.

:func:`record_html` fills the Records page's detail pane; :class:`RecordsDrill` (a table of
publications over the record of the selected one) serves the drill-down dialogs of the
Contribution and Hotspots pages.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Mapping

import pandas as pd
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Slot
from PySide6.QtWidgets import (QLineEdit, QSplitter, QTableView, QTextBrowser, QVBoxLayout,
                               QWidget)

from analyst_app.db.workspace import Workspace
from analyst_app.domain.records import PublicationRecord
from ui.errors import describe_error
from ui.models import DataFrameSortProxy, DataFrameTableModel, Formatter, is_missing
from ui.pages._record_queries import record_details
from ui.widgets.tables import make_table_view

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate

# Cited references shown before "… and N more".
FIRST_REFERENCES = 20
# Authors listed before "… and N more" (some physics papers have thousands).
FIRST_AUTHORS = 100
_GREY = "color:#566573;padding-right:12px;vertical-align:top"


def field_labels() -> dict[str, str]:
    """Return publication field name → label in the current language.

    Used by the detail pane and by the Merge log's "changed fields" column.
    """
    return {
        "title": translate("RecordDetails", "Title"),
        "title_en": translate("RecordDetails", "English title"),
        "doi": "DOI",
        "ut": translate("RecordDetails", "UT (WoS accession no.)"),
        "eid": translate("RecordDetails", "EID (Scopus)"),
        "pmid": "PubMed ID",
        "year": translate("RecordDetails", "Year"),
        "doc_type": translate("RecordDetails", "Document type"),
        "language": translate("RecordDetails", "Language"),
        "source_title": translate("RecordDetails", "Source title"),
        "source_abbrev": translate("RecordDetails", "Abbreviated source"),
        "volume": translate("RecordDetails", "Volume"),
        "issue": translate("RecordDetails", "Issue"),
        "begin_page": translate("RecordDetails", "First page"),
        "end_page": translate("RecordDetails", "Last page"),
        "article_number": translate("RecordDetails", "Article number"),
        "publisher": translate("RecordDetails", "Publisher"),
        "issn": "ISSN",
        "eissn": "eISSN",
        "times_cited": translate("RecordDetails", "Times cited"),
        "highly_cited": translate("RecordDetails", "Highly cited paper"),
        "hot_paper": translate("RecordDetails", "Hot paper"),
        "funding": translate("RecordDetails", "Funding"),
        "open_access": translate("RecordDetails", "Open access"),
        "reprint_address": translate("RecordDetails", "Reprint address"),
        "emails": translate("RecordDetails", "E-mail addresses"),
        "categories": translate("RecordDetails", "Categories"),
        "research_areas": translate("RecordDetails", "Research areas"),
        "abstract": translate("RecordDetails", "Abstract"),
        "authors": translate("RecordDetails", "Authors"),
        "addresses": translate("RecordDetails", "Addresses"),
        "keywords_author": translate("RecordDetails", "Author keywords"),
        "keywords_plus": translate("RecordDetails", "Keywords Plus / index terms"),
        "cited_references": translate("RecordDetails", "Cited references"),
        "cited_reference_count": translate("RecordDetails", "Cited reference count"),
        "extra": translate("RecordDetails", "Other fields"),
    }


def changed_fields_text(names: str) -> str:
    """Translate a comma-separated list of field names (the merge log's ``changed_fields``)."""
    labels = field_labels()
    return ", ".join(labels.get(n.strip(), n.strip()) for n in names.split(",") if n.strip())


def _e(value: Any) -> str:
    return html.escape(str(value))


def _facts(record: PublicationRecord, labels: dict[str, str]) -> str:
    yes = translate("RecordDetails", "yes")
    no = translate("RecordDetails", "no")
    names = ["title_en", "doi", "ut", "eid", "pmid", "year", "doc_type", "language",
             "source_title", "source_abbrev", "volume", "issue", "begin_page", "end_page",
             "article_number", "publisher", "issn", "eissn", "times_cited", "highly_cited",
             "hot_paper", "open_access", "funding", "reprint_address"]
    rows = []
    for name in names:
        value = getattr(record, name)
        if is_missing(value) or value == "":
            continue
        if isinstance(value, bool):
            value = yes if value else no
        rows.append(f"<tr><td style='{_GREY}'>{_e(labels[name])}</td><td>{_e(value)}</td></tr>")
    for name in ("categories", "research_areas", "emails"):
        items = getattr(record, name)
        if items:
            rows.append(f"<tr><td style='{_GREY}'>{_e(labels[name])}</td>"
                        f"<td>{_e('; '.join(items))}</td></tr>")
    return f"<table>{''.join(rows)}</table>"


def _authors(record: PublicationRecord) -> str:
    if not record.authors:
        return ""
    corresponding = translate("RecordDetails", "corresponding author")
    items = []
    for author in record.authors[:FIRST_AUTHORS]:
        name = f"<b>{_e(author.full_name)}</b>"
        if author.corresponding:
            name += f" ✉ <i>({_e(corresponding)})</i>"
        ids = [x for x in (author.orcid and f"ORCID {author.orcid}",
                           author.researcher_id and f"ID {author.researcher_id}") if x]
        if ids:
            name += f" <span style='color:#7f8c8d'>{_e(', '.join(ids))}</span>"
        places = [record.addresses[p].text for p in author.address_positions
                  if 0 <= p < len(record.addresses)]
        where = "".join(f"<br><span style='color:#566573'>{_e(p)}</span>" for p in places)
        items.append(f"<li>{name}{where}</li>")
    more = len(record.authors) - FIRST_AUTHORS
    if more > 0:
        items.append("<li>" + _e(translate("RecordDetails", "… and {n} more").format(n=more))
                     + "</li>")
    title = translate("RecordDetails", "Authors ({n})").format(n=len(record.authors))
    return f"<h4>{_e(title)}</h4><ol>{''.join(items)}</ol>"


def _unlinked_addresses(record: PublicationRecord) -> str:
    linked = {p for a in record.authors for p in a.address_positions}
    rest = [a.text for i, a in enumerate(record.addresses) if i not in linked]
    if not rest:
        return ""
    title = translate("RecordDetails", "Addresses not linked to an author")
    return f"<h4>{_e(title)}</h4><ul>{''.join(f'<li>{_e(a)}</li>' for a in rest)}</ul>"


def _list(title: str, items: Iterable[str]) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    return "<p>" + _e(translate("RecordDetails", "{label}: {items}")).format(
        label=f"<b>{_e(title)}</b>", items=_e("; ".join(items))) + "</p>"


def _references(record: PublicationRecord, labels: dict[str, str]) -> str:
    refs = record.cited_references
    if not refs:
        return ""
    shown = refs[:FIRST_REFERENCES]
    title = translate("RecordDetails", "{label} (first {shown} of {n})").format(
        label=labels["cited_references"], shown=len(shown), n=len(refs))
    return f"<h4>{_e(title)}</h4><ol>{''.join(f'<li>{_e(r)}</li>' for r in shown)}</ol>"


def _sources(frame: pd.DataFrame) -> str:
    if frame.empty:
        return ""
    rules = {"new": translate("RecordDetails", "new record"),
             "split": translate("RecordDetails", "split by an undone merge")}
    read = _e(translate("RecordDetails", "{file} ({format}), line {line} — {rule}"))
    merged = translate("RecordDetails", "merged by {rule}")
    items = []
    for row in frame.itertuples(index=False):
        rule = rules.get(row.match_rule, merged.format(rule=str(row.match_rule).upper()))
        when = row.imported_at.strftime("%Y-%m-%d %H:%M") if not is_missing(row.imported_at) \
            else ""
        text = read.format(file=f"<b>{_e(row.file_name)}</b>", format=_e(row.format),
                           line=_e(row.source_line), rule=_e(rule))
        items.append(f"<li>{text} <span style='color:#7f8c8d'>{_e(when)}</span></li>")
    title = translate("RecordDetails", "Read from")
    return f"<h4>{_e(title)}</h4><ul>{''.join(items)}</ul>"


def record_html(pub_id: int, record: PublicationRecord, sources: str,
                source_files: pd.DataFrame) -> str:
    """Return the HTML of publication ``pub_id`` for the detail pane.

    Parameters
    ----------
    pub_id : int
        The publication id (shown as its number).
    record : PublicationRecord
        The publication, from :func:`~analyst_app.db.publication_rows.load_record`.
    sources : str
        Its comma-separated sources (``wos,scopus``).
    source_files : pandas.DataFrame
        :func:`~ui.pages._record_queries.publication_sources_frame` of the publication.
    """
    labels = field_labels()
    names = {"wos": "WoS", "scopus": "Scopus", "cnki": "CNKI"}
    head = translate("RecordDetails", "No. {id} · {sources}").format(
        id=pub_id, sources=", ".join(names.get(s, s) for s in sources.split(",") if s))
    parts = [f"<h3>{_e(record.title or '—')}</h3>",
             f"<p style='color:#7f8c8d'>{_e(head)}</p>", _facts(record, labels),
             _authors(record), _unlinked_addresses(record),
             _list(labels["keywords_author"], record.keywords_author),
             _list(labels["keywords_plus"], record.keywords_plus)]
    if record.abstract:
        parts.append(f"<h4>{_e(labels['abstract'])}</h4><p>{_e(record.abstract)}</p>")
    parts += [_references(record, labels), _sources(source_files)]
    return "".join(parts)


class RecordsDrill(QWidget):
    """A filter line, a table of publications and, below it in a splitter, the selected record.

    Selecting (or double-clicking) a row shows the publication's full record, as the Records
    page does. The filter line filters the table as one types.

    Parameters
    ----------
    workspace : Workspace
        Where the records are read (a primary-key read per row, on the GUI thread).
    frame : pandas.DataFrame
        The publications listed; must have a ``publication_id`` column.
    headers : mapping of str to str
        Column → header of the columns shown, in order (as :class:`DataFrameTableModel`).
    formatters : mapping of str to callable, optional
        Column → function turning a value into its display text.
    widths : mapping of str to int, optional
        Column → initial width in pixels (columns not shown are ignored).
    filter_placeholder, details_placeholder : str
        The grey hints of the empty filter line and of the empty record pane.
    table_height : int
        The table's initial height in the splitter (the record pane gets 280 pixels).
    stretch_last : bool
        Whether the last column stretches to the table's right edge.
    """

    def __init__(self, workspace: Workspace, frame: pd.DataFrame, headers: Mapping[str, str],
                 formatters: Mapping[str, Formatter] | None = None,
                 widths: Mapping[str, int] | None = None, *, filter_placeholder: str = "",
                 details_placeholder: str = "", table_height: int = 400,
                 stretch_last: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.model = DataFrameTableModel(frame, headers=headers, formatters=formatters)
        self.proxy = DataFrameSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(filter_placeholder)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = self._make_table(widths or {}, stretch_last)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setPlaceholderText(details_placeholder)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([table_height, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(splitter, 1)

    def _make_table(self, widths: Mapping[str, int], stretch_last: bool) -> QTableView:
        table = make_table_view(self.proxy, single_selection=True)
        table.setWordWrap(False)
        table.horizontalHeader().setStretchLastSection(stretch_last)
        for column, width in widths.items():
            if column in self.model.columns:
                table.setColumnWidth(self.model.columns.index(column), width)
        table.selectionModel().currentRowChanged.connect(self.show_record)
        table.doubleClicked.connect(self.show_record)
        return table

    def publication_id(self, proxy_row: int) -> int:
        """Return the publication id of the row shown at ``proxy_row``.

        Parameters
        ----------
        proxy_row : int
            A row of the table as shown (sorted and filtered).

        Returns
        -------
        int
            The ``publication_id`` of that row.
        """
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0))
        return int(self.model.frame["publication_id"].iat[source.row()])

    @Slot(QModelIndex)
    def show_record(self, index: QModelIndex, *_: object) -> None:
        """Show the full record of the row of ``index`` below the table.

        Parameters
        ----------
        index : QModelIndex
            An index of the table's (proxy) model; an invalid one is ignored. Further
            arguments (the previous index of ``currentRowChanged``) are ignored.
        """
        if not index.isValid():
            return
        pub_id = self.publication_id(index.row())
        try:
            # A primary-key read: milliseconds even on a large corpus, no job needed.
            details = record_details(self.workspace, pub_id)
        except Exception as exc:  # noqa: BLE001 - e.g. the record went in a merge undo meanwhile
            self.details.setPlainText(describe_error(exc).text)
            return
        self.details.setHtml(record_html(pub_id, *details))


__all__ = ["FIRST_REFERENCES", "FIRST_AUTHORS", "field_labels", "changed_fields_text",
           "record_html", "RecordsDrill"]

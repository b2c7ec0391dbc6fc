"""HTML of an import report or an import-history row, for the Data page's detail pane."""

from __future__ import annotations

import html
from typing import Any, Iterable, Mapping

import pandas as pd
from PySide6.QtCore import QCoreApplication

from ui.models import is_missing

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


def _status_text(status: str) -> str:
    return {"imported": translate("ImportDetails", "imported"),
            "duplicate_file": translate("ImportDetails", "already imported"),
            "rejected": translate("ImportDetails", "rejected"),
            "cancelled": translate("ImportDetails", "not imported (cancelled)")}.get(status, status)


def history_record(row: Mapping[str, Any]) -> dict[str, Any]:
    """Turn an :func:`~analyst_app.db.queries.import_batches_frame` row into a report dict."""
    return {
        "file": row.get("file_name"), "format": row.get("format"), "status": "imported",
        "batch_id": row.get("id"), "release": row.get("release"),
        "imported_at": row.get("imported_at"), "read": row.get("rows_read"),
        "stored": row.get("rows_stored"), "merged": row.get("rows_merged"),
        "skipped": row.get("rows_skipped"), "problems": row.get("problems") or [],
        "warnings": row.get("warnings") or [], "details": row.get("details") or {},
        "sha256": row.get("sha256"), "encoding": row.get("encoding"),
    }


def _value(value: Any) -> str:
    if is_missing(value):
        return "—"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M")
    return html.escape(str(value))


def _list(title: str, items: Iterable[str]) -> str:
    items = list(items)
    if not items:
        return ""
    body = "".join(f"<li>{item}</li>" for item in items)
    return f"<p><b>{html.escape(title)}</b></p><ul>{body}</ul>"


def report_html(record: Mapping[str, Any]) -> str:
    """Return HTML describing one import (a report's ``as_json()`` or :func:`history_record`).

    Shows the file, format, counts, problems with their line numbers, warnings, importer
    details and the sha256 of the file.
    """
    parts = [f"<h3>{_value(record.get('file'))}</h3>"]
    details = record.get("details") or {}
    facts = [
        (translate("ImportDetails", "Status"), _status_text(str(record.get("status", "")))),
        (translate("ImportDetails", "Import no."), record.get("batch_id")),
        (translate("ImportDetails", "Format"), record.get("format")),
        (translate("ImportDetails", "ESI release"),
         record.get("release") or details.get("release")),
        (translate("ImportDetails", "Imported at"), record.get("imported_at")),
        (translate("ImportDetails", "Rows read"), record.get("read")),
        (translate("ImportDetails", "Stored"), record.get("stored")),
        (translate("ImportDetails", "Merged"), record.get("merged")),
        (translate("ImportDetails", "Skipped"), record.get("skipped")),
        (translate("ImportDetails", "Encoding"), record.get("encoding")),
    ]
    rows = "".join(f"<tr><td style='color:#566573;padding-right:12px'>{html.escape(k)}</td>"
                   f"<td>{_value(v)}</td></tr>" for k, v in facts if not is_missing(v) and v != "")
    parts.append(f"<table>{rows}</table>")
    if record.get("message") and record.get("status") != "imported":
        parts.append(f"<p>{_value(record['message'])}</p>")
    problems = []
    for problem in record.get("problems") or []:
        line = problem.get("line") if isinstance(problem, Mapping) else None
        message = problem.get("message") if isinstance(problem, Mapping) else str(problem)
        where = (translate("ImportDetails", "line {line}").format(line=line) + ": "
                 if line is not None else "")
        problems.append(html.escape(where + str(message)))
    parts.append(_list(translate("ImportDetails", "Problems"), problems))
    warnings = (html.escape(str(w)) for w in record.get("warnings") or [])
    parts.append(_list(translate("ImportDetails", "Warnings"), warnings))
    facts_of_file = (f"{html.escape(str(k))}: {_value(v)}" for k, v in details.items()
                     if k != "content_sha256")
    parts.append(_list(translate("ImportDetails", "Details"), facts_of_file))
    if record.get("sha256"):
        sha = _value(record["sha256"])
        parts.append(f"<p style='color:#7f8c8d'>sha256: <code>{sha}</code></p>")
    return "".join(parts)


def reports_html(records: Iterable[Mapping[str, Any]]) -> str:
    """Return the HTML of several import reports, one after the other."""
    return "<hr>".join(report_html(r) for r in records)


__all__ = ["history_record", "report_html", "reports_html"]

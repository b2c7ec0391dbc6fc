"""Published ESI citation thresholds: import and use in the ESI status."""

from __future__ import annotations

from analyst_app.db.workspace import open_workspace
from analyst_app.services.esi import esi_status
from analyst_app.services.imports import import_file, remove_import

THRESHOLDS = (
    "ESI Thresholds\n"
    ",Research Fields,Author,Institution,Journal,Country/Region\n"
    '"1","CHEMISTRY","2,001","7,900","12,345","3,000"\n'
    '"2","ENGINEERING","1,500","3,800","9,000","2,500"\n'
    "Copyright © 2025 Clarivate"
)


def test_published_threshold_replaces_the_derived_one(tmp_path, esi_files):
    ws = open_workspace(tmp_path / "w.sqlite")
    chemistry = next(p for p in esi_files if "CHEMISTRY" in p.name)
    assert import_file(ws, chemistry, release="2025-11").status == "imported"
    path = tmp_path / "thresholds.csv"
    path.write_text(THRESHOLDS, encoding="utf-8")
    report = import_file(ws, path, release="2025-11")
    assert report.status == "imported" and report.format == "esi_thresholds"
    assert report.stored == 2
    row = esi_status(ws, "DALIAN UNIVERSITY OF TECHNOLOGY").result.table.set_index("field").loc["CHEMISTRY"]
    assert row["threshold_1pct"] == 7900 and row["threshold_1pct_source"] == "published"
    # A second thresholds file for the same release is refused; removing the first allows it.
    again = tmp_path / "again.csv"
    again.write_text(THRESHOLDS.replace("7,900", "7,901"), encoding="utf-8")
    assert import_file(ws, again, release="2025-11").status == "rejected"
    remove_import(ws, report.batch_id)
    row = esi_status(ws, "DALIAN UNIVERSITY OF TECHNOLOGY").result.table.set_index("field").loc["CHEMISTRY"]
    assert row["threshold_1pct"] == 7883 and row["threshold_1pct_source"] == "derived"
    assert import_file(ws, again, release="2025-11").status == "imported"
    ws.close()


def test_bad_threshold_rows_are_reported_with_line(tmp_path, workspace):
    path = tmp_path / "t.csv"
    path.write_text(THRESHOLDS.replace('"ENGINEERING"', '"ALCHEMY"'), encoding="utf-8")
    report = import_file(workspace, path, release="2025-11")
    assert report.status == "rejected" and report.problems[0].line == 4
    path.write_text(THRESHOLDS.replace('"3,800"', '"n/a"'), encoding="utf-8")
    report = import_file(workspace, path, release="2025-11")
    assert report.status == "rejected" and "not a number" in report.message

"""The command-line contract: commands, JSON keys and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyst_app.cli import main
from analyst_app.db.queries import table_counts
from analyst_app.db.workspace import open_workspace

IMPORT_KEYS = {"file", "format", "status", "read", "stored", "merged", "skipped", "problems"}


def _counts(path: Path) -> dict[str, int]:
    ws = open_workspace(path, create=False)
    try:
        with ws.session() as session:
            return table_counts(session)
    finally:
        ws.close()


def test_import_json_and_exit_codes(tmp_path, esi_files, capsys):
    ws = tmp_path / "w.sqlite"
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\x00\x01\x02" * 100)
    code = main(["import", str(esi_files[0]), str(junk), "--workspace", str(ws),
                 "--release", "2025-11", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 2
    assert [o["status"] for o in out] == ["imported", "rejected"]
    assert all(IMPORT_KEYS <= set(o) for o in out)
    assert out[0]["stored"] == out[0]["read"] > 0
    assert out[1]["problems"][0]["message"] and str(junk) in out[1]["message"]
    assert main(["import", str(esi_files[0]), "-w", str(ws), "--release", "2025-11", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "duplicate_file"


def test_rejected_file_leaves_workspace_unchanged(tmp_path, esi_files, capsys):
    ws = tmp_path / "w.sqlite"
    assert main(["import", str(esi_files[0]), "-w", str(ws), "--release", "2025-11"]) == 0
    before = _counts(ws)
    bad = tmp_path / "bad.csv"
    text = esi_files[1].read_text(encoding="utf-8").splitlines()
    text[10] = text[10].replace('"', "", 2).replace("9", "x", 1)
    bad.write_text("\n".join(text), encoding="utf-8")
    assert main(["import", str(bad), "-w", str(ws), "--release", "2025-11"]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err
    assert _counts(ws) == before


def test_esi_status_json_csv_and_table(sample_workspace_path, capsys):
    ws = str(sample_workspace_path)
    assert main(["esi", "status", "-w", ws, "--institution", "DALIAN UNIVERSITY OF TECHNOLOGY",
                 "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    keys = ["field", "release", "rank", "institutions", "percentile", "documents", "cites",
            "top_papers", "threshold_1pct", "threshold_1permille", "threshold_1per10k", "status"]
    assert all(list(r)[:12] == keys for r in records)
    chem = next(r for r in records if r["field"] == "CHEMISTRY")
    assert (chem["rank"], chem["institutions"], chem["cites"], chem["status"]) == \
        (47, 2141, 269608, "top_1permille")
    # The workspace institution is the default.
    assert main(["esi", "status", "-w", ws, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("field,release,rank,institutions") and len(lines) == 12
    assert main(["esi", "status", "-w", ws]) == 0
    assert "ENGINEERING" in capsys.readouterr().out


def test_bad_input_exit_code_2(tmp_path, sample_workspace_path, capsys):
    assert main(["esi", "status", "-w", str(tmp_path / "none.sqlite")]) == 2
    assert "no such workspace" in capsys.readouterr().err
    assert main(["esi", "status", "-w", str(sample_workspace_path), "--release", "1999-01"]) == 2
    assert "1999-01" in capsys.readouterr().err
    assert main(["import", str(tmp_path / "absent.csv"), "-w", str(tmp_path / "w.sqlite")]) == 2
    assert "absent.csv" in capsys.readouterr().err


def test_console_entry_points_run():
    result = subprocess.run([sys.executable, "-m", "analyst_app", "--help"], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and "esi" in result.stdout


@pytest.mark.parametrize("argv", [["esi", "status"], ["import"]])
def test_missing_arguments_exit_2(argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2


@pytest.mark.parametrize("name", ["empty.csv", "junk.bin", "other.txt", "truncated.csv", "rank.csv",
                                  "gb18030.txt", "wos_header_only.txt"])
def test_each_bad_input_exits_2_naming_the_file(tmp_path, esi_files, capsys, name):
    from tests.test_esi_import import BAD_INPUTS, _sample_text
    ws = tmp_path / "w.sqlite"
    assert main(["import", str(esi_files[0]), "-w", str(ws), "--release", "2025-11"]) == 0
    before = _counts(ws)
    make, line, words = BAD_INPUTS[name]
    path = tmp_path / name
    path.write_bytes(make(_sample_text(esi_files)))
    capsys.readouterr()
    assert main(["import", str(path), "-w", str(ws), "--release", "2025-11"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and words in err[0]
    if line is not None:
        assert f"{path}:{line}:" in err[0]
    assert _counts(ws) == before


def test_building_the_parser_imports_no_heavy_libraries():
    # Every command module is loaded for every call (even --help): pandas, Qt and the
    # analyses must be imported by the handlers, or each call pays for them.
    code = ("import sys, analyst_app.cli as c; c._parser(); "
            "print(sorted(m for m in ('pandas', 'numpy', 'PySide6', 'igraph', 'sqlalchemy') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

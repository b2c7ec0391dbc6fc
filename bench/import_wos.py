"""Benchmark: import generated WoS corpora end to end and compare with wosfile / metaknowledge.

For each size (default 10k, 100k and 500k records, about 40 cited references each) the
project's seeded generator writes a WoS plain-text corpus into a temporary folder; then each
measurement runs in its own child process, so that its peak memory (``ru_maxrss`` of that
child, from ``os.wait4``) is the measured work's alone:

(a) ours: ``import_files(open_workspace(tmp / "w.sqlite"), files)`` end to end (parse, store,
    cited references kept); records/s over the records read, every report must be
    ``imported``. A large file is parsed by a worker process (a child of the measured
    one): its peak is reported beside the storing process's (``worker_peak_mb``).
(b) ``wosfile.records_from(files)``, iterating every record (parse only, nothing kept);
(c) ``metaknowledge.WOS.wosParser(file)`` per file, the parser ``RecordCollection`` calls
    (its fastest call that builds full records; it keeps them all, as metaknowledge does).

wosfile and metaknowledge are not project dependencies: on first use the script creates
``bench/.venv-compare`` (``python3.11 -m venv``, ``pip install wosfile metaknowledge``; that
folder should be git-ignored) and runs (b) and (c) with its Python. If that fails, the
comparison is skipped with a message. Children get an address-space limit (``--mem-limit-gb``,
default 8) so that metaknowledge cannot exhaust the machine on large corpora: hitting it
is reported as ``out of memory``.

Run ``.venv/bin/python bench/import_wos.py [--sizes 10000 100000] [--json results.json]``.
Targets (issue 4): ours ≥ 2× metaknowledge's parse-only rate, aiming above wosfile's; peak
memory < 200 MB for any size; 500k records must import.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyst_app.wos_generator import write_wos_corpus  # noqa: E402

COMPARE_VENV = ROOT / "bench" / ".venv-compare"
TARGET_PEAK_MB = 200

# One child per measurement. It reads its task from argv, limits its address space, and
# prints one JSON line; peak memory is taken by the parent from os.wait4.
_CHILD = r"""
import json, resource, sys, time
kind, files, workspace, limit, root = json.loads(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
sys.path.insert(0, root)
out = {}
try:
    if kind == "ours":
        from analyst_app.db.workspace import open_workspace
        from analyst_app.services.imports import import_files
        ws = open_workspace(workspace)
        start = time.perf_counter()
        reports = import_files(ws, files)
        out["seconds"] = time.perf_counter() - start
        out["records"] = sum(r.read for r in reports)
        out["stored"] = sum(r.stored for r in reports)
        out["statuses"] = sorted({r.status for r in reports})
        out["messages"] = [r.message for r in reports if r.status != "imported"][:3]
        ws.close()
        # The parse worker (a child of this process, joined): its own peak, in KiB.
        out["worker_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    elif kind == "wosfile":
        import wosfile
        start = time.perf_counter()
        out["records"] = sum(1 for _ in wosfile.records_from(files))
        out["seconds"] = time.perf_counter() - start
    else:
        from metaknowledge.WOS import wosParser
        start, count = time.perf_counter(), 0
        for path in files:
            records, error = wosParser(path)
            if error is not None:
                raise error
            count += len(records)
            del records
        out["seconds"], out["records"] = time.perf_counter() - start, count
except MemoryError:
    out["error"] = "out of memory"
print(json.dumps(out))
"""


def _compare_python() -> Path | None:
    """Return the Python of bench/.venv-compare, creating it (wosfile, metaknowledge) if needed."""
    python = COMPARE_VENV / "bin" / "python"
    check = [str(python), "-c", "import wosfile, metaknowledge"]
    if python.exists() and subprocess.run(check, capture_output=True).returncode == 0:
        return python
    base = shutil.which("python3.11") or sys.executable
    print(f"creating {COMPARE_VENV} with wosfile and metaknowledge (not project dependencies)...")
    try:
        subprocess.run([base, "-m", "venv", str(COMPARE_VENV)], check=True, capture_output=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "wosfile", "metaknowledge"],
                       check=True, capture_output=True, text=True)
        subprocess.run(check, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as error:
        detail = getattr(error, "stderr", "") or error
        print(f"could not install wosfile/metaknowledge, comparison skipped: {str(detail)[-300:]}")
        return None
    return python


def _run_child(python: Path, kind: str, files: list[Path], workspace: Path,
               limit_gb: float) -> dict:
    """Run one measurement in a child; add its peak RSS in MB (``peak_mb``)."""
    task = json.dumps([kind, [str(f) for f in files], str(workspace), int(limit_gb * 2**30),
                       str(ROOT)])
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([str(python), "-c", _CHILD, task], stdout=out, stderr=err)
        # wait4 gives this child's own rusage (RUSAGE_CHILDREN would mix all children).
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        lines = out.read().decode().strip().splitlines()
        result = json.loads(lines[-1]) if lines else {}
        if proc.returncode != 0 and "error" not in result:
            result["error"] = f"exit {proc.returncode}: {err.read().decode()[-300:].strip()}"
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    result["peak_mb"] = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    if "records" in result and result.get("seconds"):
        result["rate"] = result["records"] / result["seconds"]
    return result


def _ours_ready(path: Path) -> str:
    """Return "" when a WoS importer claims ``path``, else why (a) is skipped."""
    try:
        from analyst_app.importers.registry import detect_format
        detection = detect_format(path)
    except Exception as error:  # the importer is being written: report, do not crash
        return f"detection failed: {error}"
    spec = detection.spec
    if spec is None or "wos" not in str(getattr(spec, "id", spec)).lower():
        return "no WoS plain-text importer registered yet"
    return ""


def run_size(size: int, args: argparse.Namespace, compare: Path | None) -> dict:
    """Generate one corpus and measure (a), (b), (c) on it; return the row of results."""
    with tempfile.TemporaryDirectory(dir=args.tmp_dir) as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        files = write_wos_corpus(folder / "corpus.txt", size, refs_per_record=args.refs,
                                 records_per_file=args.records_per_file)
        seconds = time.perf_counter() - start
        row = {"size": size, "files": len(files), "generate_s": seconds,
               "mb": sum(f.stat().st_size for f in files) / 1e6}
        print(f"\n{size:,} records: {row['mb']:.0f} MB in {len(files)} file(s), generated in "
              f"{seconds:.1f} s ({size / seconds:,.0f} records/s)")
        reason = _ours_ready(files[0])
        if reason:
            row["ours"] = {"skipped": reason}
        else:
            row["ours"] = _run_child(Path(sys.executable), "ours", files, folder / "w.sqlite",
                                     args.mem_limit_gb)
            statuses = row["ours"].get("statuses")
            assert statuses == ["imported"], f"not every file imported: {row['ours']}"
        for kind in ("wosfile", "metaknowledge"):
            row[kind] = (_run_child(compare, kind, files, folder / "unused", args.mem_limit_gb)
                         if compare else {"skipped": "comparison packages unavailable"})
        for kind in ("ours", "wosfile", "metaknowledge"):
            print(f"  {kind:<14}{_describe(row[kind])}")
    return row


def _describe(result: dict) -> str:
    if "skipped" in result:
        return f"skipped ({result['skipped']})"
    if "error" in result:
        return f"{result['error']} (peak {result['peak_mb']:.0f} MB)"
    worker = (f" + parse worker {result['worker_peak_mb']:.0f} MB"
              if result.get("worker_peak_mb") else "")
    return (f"{result['records']:,} records in {result['seconds']:.1f} s = "
            f"{result['rate']:,.0f} records/s, peak {result['peak_mb']:.0f} MB{worker}")


def print_table(rows: list[dict]) -> dict[str, str]:
    """Print the results table and the issue's targets; return target -> met/missed."""
    def rate(r: dict) -> str:
        return f"{r['rate']:,.0f}" if "rate" in r else "-"

    def ratio(a: dict, b: dict) -> str:
        return f"{a['rate'] / b['rate']:.2f}" if "rate" in a and "rate" in b else "-"

    head = ("size", "MB", "ours rec/s", "peak MB st/wk", "wosfile rec/s", "mk rec/s",
            "ours/wosfile", "ours/mk")
    print("\n" + "  ".join(f"{h:>13}" for h in head))
    for row in rows:
        ours = row["ours"]
        cells = (f"{row['size']:,}", f"{row['mb']:.0f}", rate(ours),
                 f"{ours['peak_mb']:.0f}/{ours.get('worker_peak_mb', 0):.0f}"
                 if "peak_mb" in ours else "-", rate(row["wosfile"]),
                 rate(row["metaknowledge"]), ratio(ours, row["wosfile"]),
                 ratio(ours, row["metaknowledge"]))
        print("  ".join(f"{c:>13}" for c in cells))
    measured = [row for row in rows if "rate" in row["ours"]]
    targets: dict[str, str] = {}

    def verdict(name: str, checks: list[bool]) -> None:
        targets[name] = ("met" if all(checks) else "MISSED") if checks else "not measured"

    verdict("ours >= 2x metaknowledge parse-only",
            [r["ours"]["rate"] >= 2 * r["metaknowledge"]["rate"] for r in measured
             if "rate" in r["metaknowledge"]])
    verdict("ours > wosfile parse-only (aim)",
            [r["ours"]["rate"] > r["wosfile"]["rate"] for r in measured if "rate" in r["wosfile"]])
    verdict(f"ours peak < {TARGET_PEAK_MB} MB (each process)",
            [max(r["ours"]["peak_mb"], r["ours"].get("worker_peak_mb", 0)) < TARGET_PEAK_MB
             for r in measured])
    verdict("500k records import", [r["ours"]["records"] == r["size"] for r in measured
                                    if r["size"] >= 500_000])
    print()
    for name, state in targets.items():
        print(f"target {name}: {state}")
    return targets


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 500_000])
    parser.add_argument("--refs", type=int, default=40, help="mean cited references per record")
    parser.add_argument("--records-per-file", type=int, default=None,
                        help="split each corpus into files of this many records")
    parser.add_argument("--mem-limit-gb", type=float, default=8.0,
                        help="address-space limit of each measured child")
    parser.add_argument("--tmp-dir", default=None, help="where corpora are written")
    parser.add_argument("--no-compare", action="store_true", help="skip wosfile/metaknowledge")
    parser.add_argument("--json", type=Path, default=None, help="save the results here")
    args = parser.parse_args()
    compare = None if args.no_compare else _compare_python()
    rows = [run_size(size, args, compare) for size in args.sizes]
    targets = print_table(rows)
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "targets": targets,
                                         "cpus": os.cpu_count(), "load": os.getloadavg()},
                                        indent=2), encoding="utf-8")
        print(f"results saved to {args.json}")


if __name__ == "__main__":
    main()

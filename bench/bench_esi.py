"""Benchmark: import 22 ESI fields × 3 releases into a new workspace and build the ESI bulletin.

Run ``.venv/bin/python bench/bench_esi.py [--repeat N]``; it prints the time of each phase
(median over the repeats) and the total. Target (issue 3): under 10 s on the project's
2-core machine, charts included. Whole-process timings: ``farm-bench`` on
``.venv/bin/python bench/bench_esi.py --repeat 1``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analyst_app.db.workspace import open_workspace  # noqa: E402
from analyst_app.demo_data import DEMO_INSTITUTION, write_demo_esi_exports  # noqa: E402
from analyst_app.services.imports import import_file  # noqa: E402
from analyst_app.services.reports import build_esi_bulletin  # noqa: E402


def run_once(folder: Path) -> dict[str, float]:
    """Generate, import and report once in ``folder``; return seconds per phase."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    exports = write_demo_esi_exports(folder / "exports")
    times["generate 66 files"] = time.perf_counter() - start

    start = time.perf_counter()
    workspace = open_workspace(folder / "bench.sqlite")
    rows = 0
    for path, release in exports:
        report = import_file(workspace, path, release=release)
        assert report.status == "imported", report.message
        rows += report.stored
    times[f"import 66 files ({rows:,} rows)"] = time.perf_counter() - start

    start = time.perf_counter()
    build_esi_bulletin(workspace, DEMO_INSTITUTION, folder / "bulletin.docx",
                       xlsx=folder / "bulletin.xlsx")
    times["bulletin docx + chart + xlsx"] = time.perf_counter() - start
    workspace.close()
    times["total (import + bulletin)"] = sum(v for k, v in times.items() if not k.startswith("generate"))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            runs.append(run_once(Path(tmp)))
    for key in runs[0]:
        values = [run[key] for run in runs]
        print(f"{key:<40} median {statistics.median(values):6.2f} s   "
              f"min {min(values):6.2f} s   max {max(values):6.2f} s")
    total = statistics.median(run["total (import + bulletin)"] for run in runs)
    print(f"target < 10 s: {'met' if total < 10 else 'MISSED'} ({total:.2f} s)")


if __name__ == "__main__":
    main()

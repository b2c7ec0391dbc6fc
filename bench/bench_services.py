"""Benchmark (issue 6): the hotspot analyses as a user waits for them, from the workspace.

``bench_network.py`` and ``bench_trends.py`` time the analyses from corpus frames already in
memory; this times the service calls the GUI and the CLI make, reading the frames from the
SQLite workspace included: a keyword map with clustering (author keywords + Keywords Plus,
minimum 5 occurrences, and all keywords), keyword bursts for all keywords, and the h-, g- and
m-index of all authors. It uses the 100k corpus ``bench_network.py`` builds and caches.

Run ``.venv/bin/python bench/bench_services.py [--records 100000] [--repeat 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_network import cached_workspace  # noqa: E402

TARGETS = {"keyword map, min 5": 5.0, "keyword map, all keywords": 10.0,
           "bursts, all keywords": 5.0, "h-index, all authors": 3.0}


def _jobs(workspace):
    from analysis.bursts import BurstParams
    from analyst_app.services.indicators import run_entity_indicators
    from analyst_app.services.networks import NetworkOptions, build_network
    from analyst_app.services.trends import run_keyword_bursts
    from analyst_app.services.corpus import CorpusFilter
    everything = CorpusFilter()
    return {
        "keyword map, min 5": lambda: build_network(
            workspace, "keywords", everything, NetworkOptions(min_occurrences=5, keywords="both")),
        "keyword map, all keywords": lambda: build_network(
            workspace, "keywords", everything, NetworkOptions(min_occurrences=1, keywords="both")),
        "bursts, all keywords": lambda: run_keyword_bursts(
            workspace, everything, BurstParams(min_occurrences=1), keywords="both"),
        "h-index, all authors": lambda: run_entity_indicators(workspace, "authors", everything),
    }


def main(argv: list[str] | None = None) -> int:
    """Time each service call ``--repeat`` times and print the medians against the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from analyst_app.db.workspace import open_workspace
    workspace = open_workspace(cached_workspace(args.records), create=False)
    try:
        for name, job in _jobs(workspace).items():
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                job()
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            verdict = "met" if median < TARGETS[name] else "NOT met"
            print(f"{name:28s} median {median:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in times)})"
                  f"  target < {TARGETS[name]:.0f} s: {verdict}")
    finally:
        workspace.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark: Kleinberg bursts of all keywords and h-index of all authors on a generated corpus.

Run ``.venv/bin/python bench/bench_trends.py [--records 100000] [--repeat 3]``. The first run
generates a WoS corpus with :func:`analyst_app.wos_generator.write_wos_corpus` and imports it
into ``bench/.cache/trends_<records>.sqlite`` (about a minute for 100k records); later runs
reuse that workspace. Loading the frames is timed apart from the analyses, which start from
the frames. Targets (issue 6): bursts of every keyword < 5 s, h-index of every author < 3 s,
for 100k records on the project's 2-core machine. ``--build-only`` builds the cache and stops.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analyst_app.db.workspace import Workspace, open_workspace  # noqa: E402

CACHE = ROOT / "bench" / ".cache"


def cached_workspace(records: int) -> Workspace:
    """Open the cached benchmark workspace of ``records`` records, building it when missing."""
    from analyst_app.services.imports import import_files
    from analyst_app.wos_generator import write_wos_corpus
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"trends_{records}.sqlite"
    done = path.with_suffix(".done")  # written last: a half-built workspace is rebuilt
    if path.exists() and done.exists():
        return open_workspace(path)
    for stale in CACHE.glob(f"trends_{records}.sqlite*"):
        stale.unlink()
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(dir=CACHE) as folder:
        files = write_wos_corpus(Path(folder) / "corpus.txt", records, seed=7,
                                 records_per_file=10_000)
        workspace = open_workspace(path)
        reports = import_files(workspace, files)
        bad = [r.message for r in reports if r.status != "imported"]
        if bad:
            raise SystemExit(f"import failed: {bad}")
    done.write_text("ok\n")
    print(f"built {path.name} in {time.perf_counter() - start:.1f} s")
    return workspace


def _median_time(function, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    workspace = cached_workspace(args.records)
    if args.build_only:
        return

    from analysis.bibliometrics import compute_entity_indicators
    from analysis.bursts import BurstParams, compute_bursts, keyword_occurrences
    from analyst_app.services.corpus import authorships_frame, publications_frame

    start = time.perf_counter()
    with workspace.session() as session:
        connection = session.connection()
        publications = publications_frame(connection)
        authorships = authorships_frame(connection)
    load = time.perf_counter() - start
    print(f"records {len(publications):,}; authorships {len(authorships):,}; "
          f"frames loaded in {load:.1f} s (not part of the targets)")

    def bursts():
        occurrences = keyword_occurrences(publications, ("keywords_author", "keywords_plus"))
        return compute_bursts(occurrences, BurstParams(min_occurrences=1))

    seconds, result = _median_time(bursts, args.repeat)
    print(f"bursts, all keywords ({result.terms_tested:,} terms × {len(result.years)} years, "
          f"{len(result.bursts):,} bursts): {seconds:.2f} s  (target < 5 s)")

    def h_index():
        frame = authorships[["publication_id", "full_name"]].rename(columns={"full_name": "entity"})
        frame = frame.merge(publications[["publication_id", "year", "times_cited"]],
                            on="publication_id")
        return compute_entity_indicators(frame)

    seconds, table = _median_time(h_index, args.repeat)
    print(f"h/g/m-index, all authors ({len(table):,} authors): {seconds:.2f} s  (target < 3 s)")
    workspace.close()


if __name__ == "__main__":
    main()

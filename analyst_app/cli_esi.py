"""CLI commands ``esi history`` and ``esi potential`` (names and JSON keys are a public contract)."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import Any


def register(commands: argparse._SubParsersAction, groups: dict[str, Any]) -> None:
    """Add ``history`` and ``potential`` to the ``esi`` command group."""
    from analyst_app.cli import institution_args, workspace_arg
    esi = groups["esi"]
    history = esi.add_parser("history", help="ESI standing per field over every imported release")
    workspace_arg(history)
    institution_args(history)
    history.add_argument("--field", action="append", default=[], metavar="F",
                         help="only this ESI field (CHEMISTRY, CHE or 化学; repeatable)")
    history.add_argument("--sentences", action="store_true",
                         help="print the release-over-release sentences instead of the table")
    history.add_argument("--format", choices=("table", "csv", "json"), default="table")
    history.set_defaults(handler=_cmd_history)

    potential = esi.add_parser("potential", help="potential value (潜力值) and entry forecast "
                                                 "per field")
    workspace_arg(potential)
    institution_args(potential)
    potential.add_argument("--watch", type=float, default=0.8, metavar="P",
                           help="watch-list cut-off of the potential value (default 0.8)")
    potential.add_argument("--window", type=_window, metavar="FIRST-LAST",
                           help="publication years of the WoS records counted (default: the "
                                "release's ESI window, release year − 10 to release year)")
    potential.add_argument("--confidence", type=float, default=0.8, metavar="C",
                           help="confidence of the forecast interval (default 0.8)")
    potential.add_argument("--format", choices=("table", "csv", "json"), default="table")
    potential.set_defaults(handler=_cmd_potential)


def _window(text: str) -> tuple[int, int]:
    try:
        first, last = (int(part) for part in text.replace("–", "-").split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected FIRST-LAST years, e.g. 2015-2025; got {text!r}")
    return first, last


def _cmd_history(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.errors import InputError
    from analyst_app.services.esi_history import (HISTORY_JSON_KEYS, esi_history,
                                                  history_records, sentence_records)
    workspace = open_workspace_arg(args)
    try:
        report = esi_history(workspace, args.institution, tuple(args.alias), tuple(args.field),
                             allow_unlisted=args.allow_unlisted)
    finally:
        workspace.close()
    result = report.result
    if args.release and args.release not in result.releases:
        raise InputError(f"release {args.release!r} has not been imported; imported: "
                         f"{', '.join(result.releases)}")
    if args.sentences:
        records = sentence_records(result)
        keys = ("field", "field_zh", "release", "previous_release", "kind", "sentence_zh",
                "sentence_en")
    else:
        records = history_records(result)
        keys = HISTORY_JSON_KEYS
    if args.release:  # --release: the history up to that release
        records = [r for r in records if r["release"] <= args.release]
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        _write_csv(records, keys)
    elif args.sentences:
        print(f"{result.params.institution} — ESI changes release over release")
        for r in records:
            print(f"{r['release']}  {r['sentence_zh']}")
    else:
        print(f"{result.params.institution} — ESI history, releases {', '.join(result.releases)}")
        _print_table(records, [
            ("field", "field", str), ("release", "release", str), ("rank", "rank", _dash),
            ("N", "institutions", str), ("percentile", "percentile", _pct),
            ("cites", "cites", _thousands), ("1% thr", "threshold_1pct", _thousands),
            ("1‰ thr", "threshold_1permille", _thousands),
            ("1‱ thr", "threshold_1per10k", _thousands), ("status", "status", _level),
            ("change", "rank_change", _change)])
    return EXIT_OK


def _cmd_potential(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, open_workspace_arg
    from analyst_app.services.esi_history import (POTENTIAL_JSON_KEYS, esi_potential,
                                                  potential_records)
    workspace = open_workspace_arg(args)
    try:
        report = esi_potential(workspace, args.institution, tuple(args.alias),
                               release=args.release, watch=args.watch, window=args.window,
                               confidence=args.confidence, allow_unlisted=args.allow_unlisted)
    finally:
        workspace.close()
    records = potential_records(report)
    first, last = report.params.window
    # The window decides every WoS-derived number: say it wherever the output goes.
    print(f"ESI release {report.release}; WoS records counted: publication years {first}–{last}, "
          f"articles and reviews; watch list P ≥ {report.params.watch:g}", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        flat = [{**{k: v for k, v in r.items() if k != "forecast"},
                 **{f"forecast_{k}": v for k, v in r["forecast"].items()}} for r in records]
        _write_csv(flat, [k for k in POTENTIAL_JSON_KEYS if k != "forecast"])
    else:
        print(f"{report.institution} — ESI potential, release {report.release} "
              f"(WoS years {first}–{last})")
        _print_table(records, [
            ("field", "field", str), ("listed", "status", _level),
            ("cites", "cites", _thousands), ("source", "cites_source", _dash),
            ("1% thr", "threshold_1pct", _thousands), ("P 1%", "potential_1pct", _ratio),
            ("P 1‰", "potential_1permille", _ratio), ("P 1‱", "potential_1per10k", _ratio),
            ("watch", "on_watch_list", lambda v: "watch" if v else ""),
            ("forecast", "forecast", _forecast)])
        for note in report.notes:
            print(f"note: {note}")
    return EXIT_OK


def _write_csv(records: list[dict], keys) -> None:
    writer = csv.DictWriter(sys.stdout, fieldnames=list(records[0]) if records else list(keys),
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)


def _print_table(records: list[dict], columns: list[tuple[str, str, Any]]) -> None:
    rows = [tuple(title for title, _, _ in columns)]
    rows += [tuple(fmt(r.get(key)) for _, key, fmt in columns) for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())


def _dash(value: Any) -> str:
    return "—" if value is None else str(value)


def _thousands(value: Any) -> str:
    return "—" if value is None else f"{value:,}"


def _pct(value: Any) -> str:
    return "—" if value is None else f"{value:.2%}"


def _ratio(value: Any) -> str:
    return "—" if value is None else f"{value:.2f}"


def _level(status: Any) -> str:
    from analysis.esi import STATUS_LEVELS
    return STATUS_LEVELS.get(status, str(status))


def _change(value: Any) -> str:
    if value is None:
        return "—"
    return f"+{value}" if value > 0 else str(value)


def _forecast(forecast: dict) -> str:
    if forecast.get("target_level") is None:
        return ""
    if forecast["possible"]:
        return f"{forecast['target_level']}: {forecast['earliest']} – {forecast['latest']}"
    return f"{forecast['target_level']}: no forecast"

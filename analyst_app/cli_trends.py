"""CLI commands ``bursts`` and ``indicators``: Kleinberg bursts and bibliometric indicators.

JSON keys are a public contract: ``bursts`` prints ``{"parameters": {...}, "counts": {...},
"bursts": [{term, begin, end, strength, occurrences, first_year, key}]}``; ``indicators
authors|institutions|countries|journals`` prints a list of ``{name, papers, cites, h_index,
g_index, m_index, first_year, last_year}`` (plus ``publication_ids`` with ``--ids``).
"""

from __future__ import annotations

import argparse
import json
import math
from typing import TYPE_CHECKING, Any

from analyst_app.errors import InputError

if TYPE_CHECKING:  # pandas is imported by the services a command runs, not at start-up
    import pandas as pd

_ENTITY_KEYS = ("name", "papers", "cites", "h_index", "g_index", "m_index", "first_year",
                "last_year")
_BURST_KEYS = ("term", "begin", "end", "strength", "occurrences", "first_year", "key")


def register(commands: Any, groups: dict[str, Any]) -> None:
    """Add the ``bursts`` and ``indicators`` commands to the top-level sub-parsers."""
    from analyst_app.cli import corpus_filter_args, workspace_arg
    bursts = commands.add_parser("bursts", help="Kleinberg burst detection (keywords, cited references)")
    bursts.add_argument("source", choices=("keywords", "references"))
    workspace_arg(bursts)
    bursts.add_argument("--gamma", type=float, default=1.0, help="cost of entering a burst (1)")
    bursts.add_argument("--s", type=float, default=2.0, help="burst rate / base rate (2)")
    bursts.add_argument("--min-occurrences", type=int, default=2, metavar="N",
                        help="test only terms in at least N publications (2)")
    bursts.add_argument("--keywords", choices=("author", "plus", "both"), default="both")
    bursts.add_argument("--top", type=int, metavar="N", help="print the N strongest bursts")
    corpus_filter_args(bursts)
    bursts.add_argument("--format", choices=("json", "table"), default="table")
    bursts.set_defaults(handler=_cmd_bursts)

    indicators = commands.add_parser("indicators", help="h/g/m-index rankings, growth, Lotka, Bradford")
    indicators.add_argument("kind", choices=("authors", "institutions", "countries", "journals",
                                             "growth", "lotka", "bradford"))
    workspace_arg(indicators)
    indicators.add_argument("--top", type=int, metavar="N", help="print the first N rows")
    indicators.add_argument("--ids", action="store_true",
                            help="include each row's publication ids (JSON)")
    indicators.add_argument("--current-year", type=int, metavar="YEAR",
                            help="year of the m-index (default: latest publication year)")
    indicators.add_argument("--last-full-year", type=int, metavar="YEAR",
                            help="last complete year for the growth rate")
    corpus_filter_args(indicators)
    indicators.add_argument("--format", choices=("json", "table"), default="table")
    indicators.set_defaults(handler=_cmd_indicators)


def _check_top(top: int | None) -> None:
    if top is not None and top < 1:
        raise InputError(f"invalid --top {top}: expected a positive number")


def _cmd_bursts(args: argparse.Namespace) -> int:
    from analysis.bursts import BurstParams
    from analyst_app.cli import EXIT_OK, corpus_filter, open_workspace_arg
    from analyst_app.services.trends import run_keyword_bursts, run_reference_bursts
    _check_top(args.top)
    flt = corpus_filter(args)
    params = BurstParams(s=args.s, gamma=args.gamma, min_occurrences=args.min_occurrences,
                         years=flt.years)
    workspace = open_workspace_arg(args)
    try:
        if args.source == "keywords":
            analysis = run_keyword_bursts(workspace, flt, params, keywords=args.keywords)
        else:
            analysis = run_reference_bursts(workspace, flt, params)
    finally:
        workspace.close()
    table = analysis.table
    if args.top:
        table = table.nlargest(args.top, "strength").sort_values(
            ["begin", "strength"], ascending=[True, False])
    records = _records(table, _BURST_KEYS)
    parameters = {**analysis.provenance["parameters"], "filter": analysis.provenance["filter"],
                  "source": args.source}
    if args.format == "json":
        _print_json({"parameters": parameters, "counts": analysis.provenance["counts"],
                     "bursts": records})
    else:
        print(f"{args.source} bursts — s={args.s:g}, γ={args.gamma:g}, "
              f"min occurrences {args.min_occurrences}; {parameters['filter']}")
        _print_table(records, ("term", "begin", "end", "strength", "occurrences"))
    return EXIT_OK


def _cmd_indicators(args: argparse.Namespace) -> int:
    from analyst_app.cli import EXIT_OK, corpus_filter, open_workspace_arg
    from analyst_app.services import indicators as service
    _check_top(args.top)
    flt = corpus_filter(args)
    workspace = open_workspace_arg(args)
    try:
        if args.kind == "growth":
            analysis = service.run_growth(workspace, flt, last_full_year=args.last_full_year)
        elif args.kind == "lotka":
            analysis = service.run_lotka(workspace, flt)
        elif args.kind == "bradford":
            analysis = service.run_bradford(workspace, flt)
        else:
            analysis = service.run_entity_indicators(workspace, args.kind, flt,
                                                     current_year=args.current_year)
    finally:
        workspace.close()
    output = _indicator_output(args, analysis.result)
    if args.format == "json":
        _print_json(output)
    else:
        _print_indicator_table(args.kind, output)
    return EXIT_OK


def _indicator_output(args: argparse.Namespace, result: Any) -> Any:
    top = args.top
    if args.kind == "growth":
        return {"first_year": result.first_year, "last_year": result.last_year,
                "cagr": result.cagr, "years": _records(result.table)}
    if args.kind == "lotka":
        return {"exponent": result.exponent, "constant": result.constant,
                "r_squared": result.r_squared, "authors": result.authors,
                "distribution": _records(result.table.head(top) if top else result.table)}
    if args.kind == "bradford":
        return {"multiplier": result.multiplier, "zones": _records(result.zones),
                "journals": _records(result.table.head(top) if top else result.table)}
    keys = _ENTITY_KEYS + (("publication_ids",) if args.ids else ())
    return _records(result.head(top) if top else result, keys)


def _records(table: pd.DataFrame, keys: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """Return JSON-ready rows: numpy scalars as Python numbers, NaN as ``None``."""
    columns = list(keys) if keys else list(table.columns)
    return [{k: _plain(v) for k, v in zip(columns, row)}
            for row in table[columns].itertuples(index=False, name=None)]


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _print_json(payload: Any) -> None:
    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return _plain(value)
    print(json.dumps(clean(payload), ensure_ascii=False, indent=2))


def _print_indicator_table(kind: str, output: Any) -> None:
    if kind == "growth":
        print(f"CAGR {_fmt(output['cagr'], '{:.2%}')} ({output['first_year']}–{output['last_year']})")
        _print_table(output["years"], ("year", "papers", "yoy_growth", "full_year"))
    elif kind == "lotka":
        print(f"Lotka: share(n) = {_fmt(output['constant'], '{:.3f}')} / n^"
              f"{_fmt(output['exponent'], '{:.3f}')}, R² = {_fmt(output['r_squared'], '{:.3f}')}, "
              f"{output['authors']:,} authors")
        _print_table(output["distribution"], ("papers", "authors", "share", "expected_share"))
    elif kind == "bradford":
        print(f"Bradford multiplier {_fmt(output['multiplier'], '{:.2f}')}")
        _print_table(output["zones"], ("zone", "journals", "papers"))
        _print_table(output["journals"], ("rank", "journal", "papers", "cumulative_papers", "zone"))
    else:
        _print_table(output, ("name", "papers", "cites", "h_index", "g_index", "m_index",
                              "first_year"))


def _fmt(value: Any, fmt: str) -> str:
    return "—" if value is None else fmt.format(value)


def _print_table(records: list[dict[str, Any]], columns: tuple[str, ...]) -> None:
    def cell(value: Any) -> str:
        if value is None:
            return "—"
        return f"{value:.3f}" if isinstance(value, float) else str(value)
    rows = [columns] + [tuple(cell(r.get(c)) for c in columns) for r in records]
    widths = [max(len(row[i]) for row in rows) for i in range(len(columns))]
    for row in rows:
        print("  ".join(text.ljust(w) for text, w in zip(row, widths)).rstrip())

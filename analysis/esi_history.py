"""ESI standing of one institution across every imported release, and the sentences reports print."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.esi import EsiStatusParams, Rounding, compute_esi_status

#: Columns of :attr:`EsiHistoryResult.table`, in order.
HISTORY_COLUMNS = (
    "field", "field_zh", "release", "rank", "institutions", "percentile", "cites", "documents",
    "cites_per_paper", "top_papers", "threshold_1pct", "threshold_1pct_source",
    "threshold_1permille", "threshold_1per10k", "status", "previous_release", "previous_rank",
    "previous_status", "rank_change", "newly_listed", "matched_name",
)

#: Columns of :attr:`EsiHistoryResult.sentences`, in order.
SENTENCE_COLUMNS = ("field", "field_zh", "release", "previous_release", "kind",
                    "sentence_zh", "sentence_en")

#: Sentence kinds, in the order a bulletin lists them (good news first).
SENTENCE_KINDS = ("entered", "level_up", "rank_up", "rank_steady", "rank_down", "level_down",
                  "dropped")

#: Status → level number (0 = not listed) and the level's printed share.
LEVEL_NUMBER = {"not_listed": 0, "top_1pct": 1, "top_1permille": 2, "top_1per10k": 3}
LEVEL_LABEL = {1: "1%", 2: "1‰", 3: "1‱"}


@dataclass(frozen=True)
class EsiHistoryParams:
    """Parameters of :func:`compute_esi_history`.

    Attributes
    ----------
    institution : str
        The institution's name as ESI prints it.
    aliases : tuple of str
        Other names matched case- and space-insensitively.
    fields : tuple of str
        ESI field names (``CHEMISTRY``) to keep; empty keeps every field.
    rounding : {'ceil', 'round', 'floor'}
        How the threshold ranks 0.1·N and 0.01·N are made whole.
    """

    institution: str
    aliases: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    rounding: Rounding = "ceil"


@dataclass
class EsiHistoryResult:
    """Result of :func:`compute_esi_history`.

    Attributes
    ----------
    params : EsiHistoryParams
        The parameters used.
    releases : list of str
        Every release present in the rankings, oldest first.
    table : pandas.DataFrame
        One row per field and release whose list was imported (columns
        :data:`HISTORY_COLUMNS`), sorted by field then release. Meanings as in
        :class:`analysis.esi.EsiStatusResult`; ``previous_release`` is the release before
        (``None`` for the first), ``previous_status`` the field's status there (``None``
        when that release's list of the field was not imported).
    sentences : pandas.DataFrame
        The release-over-release changes as sentences (columns :data:`SENTENCE_COLUMNS`),
        see :func:`compute_change_sentences`.
    """

    params: EsiHistoryParams
    releases: list[str]
    table: pd.DataFrame
    sentences: pd.DataFrame


def compute_esi_history(rankings: pd.DataFrame, params: EsiHistoryParams,
                        thresholds: pd.DataFrame | None = None) -> EsiHistoryResult:
    """Compute the institution's ESI standing in every field of every release.

    Parameters
    ----------
    rankings : pandas.DataFrame
        Institution rankings with the columns of :data:`analysis.esi.RANKING_COLUMNS`.
    params : EsiHistoryParams
        Institution, aliases, fields and rounding.
    thresholds : pandas.DataFrame, optional
        Published 1% thresholds (``release``, ``field``, ``cites``).

    Returns
    -------
    EsiHistoryResult

    Raises
    ------
    ValueError
        When ``rankings`` is empty, or none of ``params.fields`` has an imported list.
    """
    if rankings.empty:
        raise ValueError("no ESI ranking lists have been imported")
    if params.fields and not rankings["field"].isin(params.fields).any():
        raise ValueError(f"no imported ESI list of field(s) {', '.join(params.fields)}")
    # Releases come from every list, not only the chosen fields': "the previous release"
    # must mean the same thing whichever fields are shown.
    releases = sorted(rankings["release"].unique())
    frames = []
    for release in releases:
        status = compute_esi_status(rankings, EsiStatusParams(
            params.institution, params.aliases, release, params.rounding), thresholds)
        frames.append(status.table.assign(previous_release=status.previous_release))
    table = pd.concat(frames, ignore_index=True)
    if params.fields:
        table = table[table["field"].isin(params.fields)]
    table = _with_previous_status(table)
    table = table.sort_values(["field", "release"], kind="stable").reset_index(drop=True)
    table = table[list(HISTORY_COLUMNS)]
    return EsiHistoryResult(params, releases, table, compute_change_sentences(table))


def _with_previous_status(table: pd.DataFrame) -> pd.DataFrame:
    # The status of the same field one release earlier; missing when that list was not
    # imported, which must not read as "not listed" (see analysis.esi._with_change).
    prior = table[["field", "release", "status"]].rename(
        columns={"release": "previous_release", "status": "previous_status"})
    merged = table.merge(prior, on=["field", "previous_release"], how="left")
    merged["previous_status"] = merged["previous_status"].astype(object).where(
        merged["previous_status"].notna(), None)
    return merged


def field_name_en(field: str) -> str:
    """Return an ESI field name as English prose spells it (``CHEMISTRY`` → ``Chemistry``)."""
    return field.title().replace(" And ", " and ")


def percent_text(percentile: float) -> str:
    """Return a percentile (rank / N) as printed in sentences: 0.008611 → ``0.86%``."""
    return f"{percentile * 100:.2f}%"


def compute_change_sentences(history: pd.DataFrame) -> pd.DataFrame:
    """Turn release-over-release changes into Chinese office-style and English sentences.

    Parameters
    ----------
    history : pandas.DataFrame
        :attr:`EsiHistoryResult.table`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`SENTENCE_COLUMNS`, sorted by release, kind (:data:`SENTENCE_KINDS`)
        and percentile. Kinds: ``entered`` (newly in the top 1%), ``level_up`` (into the top
        1‰ or 1‱), ``rank_up`` / ``rank_steady`` / ``rank_down`` (listed in both releases),
        ``level_down`` (left the 1‰ or 1‱) and ``dropped`` (left the top 1%). Rows whose
        field list of the previous release was not imported produce no sentence: there is
        nothing to compare with.
    """
    rows: list[dict] = []
    for row in history.to_dict("records"):
        if row["previous_status"] is None:
            continue
        rows.extend(_sentences_of(row))
    frame = pd.DataFrame(rows, columns=[*SENTENCE_COLUMNS, "_order", "_pct"])
    order = {kind: i for i, kind in enumerate(SENTENCE_KINDS)}
    frame["_order"] = frame["kind"].map(order)
    frame = frame.sort_values(["release", "_order", "_pct", "field"], na_position="last",
                              kind="stable")
    return frame[list(SENTENCE_COLUMNS)].reset_index(drop=True)


def _sentences_of(row: dict) -> list[dict]:
    now, before = LEVEL_NUMBER[row["status"]], LEVEL_NUMBER[row["previous_status"]]
    zh, en = row["field_zh"], field_name_en(row["field"])
    out: list[tuple[str, str, str]] = []
    if now and not before:
        pct = percent_text(row["percentile"])
        out.append(("entered", f"{zh}新进入 ESI 前 1%（第 {row['rank']} 位，位于前 {pct}）",
                    f"{en} newly entered the ESI top 1% (rank {row['rank']}, "
                    f"top {percent_text(row['percentile'])})"))
    if before and not now:
        out.append(("dropped", f"{zh}退出 ESI 前 1%（上期第 {row['previous_rank']} 位）",
                    f"{en} dropped out of the ESI top 1% (rank {row['previous_rank']} "
                    "in the previous release)"))
    if now > max(before, 1):
        label = LEVEL_LABEL[now]
        out.append(("level_up", f"{zh}进入前 {label}", f"{en} entered the top {label}"))
    if before > max(now, 1):
        old, new = LEVEL_LABEL[before], LEVEL_LABEL[now]
        out.append(("level_down", f"{zh}退出前 {old}，现位于前 {new}",
                    f"{en} left the top {old} (now in the top {new})"))
    if now and before:
        out.append(_rank_sentence(row, zh, en))
    return [dict(field=row["field"], field_zh=zh, release=row["release"],
                 previous_release=row["previous_release"], kind=kind, sentence_zh=text_zh,
                 sentence_en=text_en, _pct=row["percentile"]) for kind, text_zh, text_en in out]


def _rank_sentence(row: dict, zh: str, en: str) -> tuple[str, str, str]:
    change, rank, previous = int(row["rank_change"]), int(row["rank"]), int(row["previous_rank"])
    pct = percent_text(row["percentile"])
    if change == 0:
        return ("rank_steady", f"{zh}学科排名与上期持平（第 {rank} 位），位于前 {pct}",
                f"{en} kept its rank of the previous release ({rank}), in the top {pct}")
    # rank_change = previous − current: positive means the institution moved up.
    kind, word_zh, word_en = (("rank_up", "上升", "rose") if change > 0 else
                              ("rank_down", "下降", "fell"))
    places = abs(change)
    return (kind, f"{zh}学科排名较上期{word_zh} {places} 位（第 {previous} 位 → 第 {rank} 位），"
                  f"位于前 {pct}",
            f"{en} {word_en} {places} place{'s' if places != 1 else ''} on the previous release "
            f"(rank {previous} → {rank}), in the top {pct}")

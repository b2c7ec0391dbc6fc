"""Keyword co-occurrence map as a print-quality PNG: clusters coloured, labels never overlapping."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import font_manager, patheffects
from matplotlib.collections import LineCollection

from analyst_app.reports.figures import chart_fonts, new_figure, save

#: Cluster colours in cluster order (cluster 1 first), VOSviewer-like: red, green, blue...
#: The same order as the Hotspots page, so a librarian sees the same colour for a cluster.
CLUSTER_COLOURS = (
    "#d62728", "#2ca02c", "#1f77b4", "#e6b800", "#9467bd", "#17becf", "#ff7f0e", "#e377c2",
    "#8c564b", "#7f7f7f", "#aec7e8", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2",
    "#bcbd22", "#9edae5", "#393b79", "#637939",
)
#: Links drawn at most: beyond a few hundred the light lines turn into a grey fog.
MAX_EDGES = 600
#: Clusters named in the legend (all of them are in the cluster table).
LEGEND_CLUSTERS = 10


def cluster_colour(cluster: int) -> str:
    """Return the colour of cluster ``cluster`` (1-based; 0 or less: grey)."""
    if cluster < 1:
        return "#999999"
    return CLUSTER_COLOURS[(int(cluster) - 1) % len(CLUSTER_COLOURS)]


def box_fits(box: np.ndarray, kept: list[np.ndarray] | np.ndarray,
             bounds: tuple[float, float, float, float] | None = None, pad: float = 0.0) -> bool:
    """Return whether ``box`` (x0, y0, x1, y1) lies inside ``bounds`` and clear of ``kept``.

    ``pad`` is the gap required between two boxes, in the boxes' units.
    """
    x0, y0, x1, y1 = box
    if bounds is not None and (x0 < bounds[0] or y0 < bounds[1] or x1 > bounds[2]
                               or y1 > bounds[3]):
        return False
    if len(kept) == 0:
        return True
    placed = np.asarray(kept, dtype=float).reshape(-1, 4)
    # Two boxes overlap when they overlap on both axes.
    hit = ((placed[:, 0] < x1 + pad) & (placed[:, 2] + pad > x0)
           & (placed[:, 1] < y1 + pad) & (placed[:, 3] + pad > y0))
    return not hit.any()


def place_labels(boxes: np.ndarray, bounds: tuple[float, float, float, float] | None = None,
                 pad: float = 0.0) -> np.ndarray:
    """Greedy label placement: keep a box unless it intersects a box kept before it.

    Parameters
    ----------
    boxes : numpy.ndarray
        ``(n, 4)`` boxes ``x0, y0, x1, y1`` in priority order (largest node first).
    bounds : (x0, y0, x1, y1), optional
        A box must lie inside these bounds to be kept (labels cut by the frame are dropped).
    pad : float
        Extra gap required between two kept boxes, in the boxes' units.

    Returns
    -------
    numpy.ndarray of bool
        Which boxes are kept. The first box is always kept when inside the bounds.
    """
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    keep = np.zeros(len(boxes), dtype=bool)
    kept: list[np.ndarray] = []
    for i, box in enumerate(boxes):
        if box_fits(box, kept, bounds, pad):
            keep[i] = True
            kept.append(box)
    return keep


@dataclass
class KeywordMapFigure:
    """What :func:`figure_keyword_map` drew.

    Attributes
    ----------
    path : Path
        The PNG written (300 dpi).
    labelled : list of str
        Node labels printed, in placement order (largest node first).
    boxes : numpy.ndarray
        ``(len(labelled), 4)`` label boxes in pixels of the saved image (x0, y0, x1, y1).
    edges_drawn : int
        Links drawn (the strongest :data:`MAX_EDGES`).
    """

    path: Path
    labelled: list[str] = field(default_factory=list)
    boxes: np.ndarray = field(default_factory=lambda: np.zeros((0, 4)))
    edges_drawn: int = 0


def figure_keyword_map(nodes: pd.DataFrame, edges: pd.DataFrame, path: Path,
                       clusters: pd.DataFrame | None = None, *, width_in: float = 6.3,
                       height_in: float = 5.7) -> KeywordMapFigure:
    """Draw the keyword co-occurrence map: nodes by cluster and occurrences, light links.

    Parameters
    ----------
    nodes : pandas.DataFrame
        :attr:`~analyst_app.services.networks.NetworkResult.nodes` (``label, occurrences,
        cluster, x, y``); row position = node index used by ``edges``.
    edges : pandas.DataFrame
        ``source, target`` (node positions) and ``weight``.
    path : Path
        The PNG file to write.
    clusters : pandas.DataFrame, optional
        ``cluster, label_terms``: the legend names each colour by its first label term.
    width_in, height_in : float
        Printed size in inches (6.3 in = the text width of an A4 portrait page).

    Returns
    -------
    KeywordMapFigure
    """
    family = chart_fonts()
    figure = new_figure(width_in, height_in)
    ax = figure.add_axes((0.01, 0.09 if clusters is not None else 0.01, 0.98, 0.9))
    ax.set_axis_off()
    xy = nodes[["x", "y"]].to_numpy(dtype=float)
    occurrences = nodes["occurrences"].to_numpy(dtype=float)
    scale = occurrences / max(occurrences.max(), 1.0) if len(nodes) else occurrences
    colours = [cluster_colour(c) for c in nodes["cluster"]]
    drawn = _draw_edges(ax, edges, xy, colours)
    # Area ∝ occurrences, as VOSviewer sizes nodes by weight.
    ax.scatter(xy[:, 0], xy[:, 1], s=_node_area(scale), c=colours, alpha=0.85,
               edgecolors="white", linewidths=0.4, zorder=3)
    _set_limits(ax, xy)
    labelled, boxes = _draw_labels(figure, ax, nodes, scale, family)
    if clusters is not None:
        _legend(figure, clusters, family)
    save(figure, path)
    return KeywordMapFigure(path, labelled, boxes, drawn)


def _draw_edges(ax, edges: pd.DataFrame, xy: np.ndarray, colours: list[str]) -> int:
    if edges.empty:
        return 0
    strongest = edges.nlargest(MAX_EDGES, "weight")
    source = strongest["source"].to_numpy(dtype=int)
    target = strongest["target"].to_numpy(dtype=int)
    weight = strongest["weight"].to_numpy(dtype=float)
    segments = np.stack([xy[source], xy[target]], axis=1)
    # Links inside a cluster take its colour, links between clusters stay grey.
    same = [colours[s] if colours[s] == colours[t] else "#9a9a9a" for s, t in zip(source, target)]
    widths = 0.25 + 1.2 * weight / max(weight.max(), 1.0)
    ax.add_collection(LineCollection(segments, colors=same, linewidths=widths, alpha=0.18,
                                     zorder=1))
    return len(strongest)


def _set_limits(ax, xy: np.ndarray) -> None:
    if not len(xy):
        return
    low, high = xy.min(axis=0), xy.max(axis=0)
    span = np.maximum(high - low, 1e-6)
    # A margin so labels of border nodes fit inside the frame more often.
    ax.set_xlim(low[0] - 0.08 * span[0], high[0] + 0.08 * span[0])
    ax.set_ylim(low[1] - 0.05 * span[1], high[1] + 0.05 * span[1])


def _draw_labels(figure, ax, nodes: pd.DataFrame, scale: np.ndarray,
                 family: list[str]) -> tuple[list[str], np.ndarray]:
    """Add labels largest node first; drop each one whose box meets a label already placed.

    A label sits on its node (as VOSviewer draws it); when that spot is taken or cut by the
    frame, the spots above, below, right and left of the node are tried before giving up.
    """
    renderer = figure.canvas.get_renderer()
    order = np.lexsort((nodes["label"].astype(str).to_numpy(), -scale))
    frame = ax.get_window_extent(renderer)
    bounds = (frame.x0, frame.y0, frame.x1, frame.y1)
    kept: list[np.ndarray] = []
    labelled: list[str] = []
    pad = 1.5 * figure.dpi / 72  # 1.5 pt of white between two labels
    halo = [patheffects.withStroke(linewidth=1.6, foreground="white")]
    for i in order:
        row = nodes.iloc[i]
        text = ax.text(row["x"], row["y"], str(row["label"]), ha="center", va="center",
                       fontsize=6 + 4 * float(np.sqrt(scale[i])), family=family,
                       color="#222222", zorder=4, path_effects=halo)
        box = text.get_window_extent(renderer)
        centre = ax.transData.transform((row["x"], row["y"]))
        radius = np.sqrt(_node_area(scale[i]) / np.pi) * figure.dpi / 72
        for dx, dy in _candidate_shifts(box.width, box.height, radius):
            candidate = np.array([box.x0 + dx, box.y0 + dy, box.x1 + dx, box.y1 + dy])
            if box_fits(candidate, kept, bounds, pad):
                text.set_position(ax.transData.inverted().transform(centre + (dx, dy)))
                kept.append(candidate)
                labelled.append(str(row["label"]))
                break
        else:
            text.remove()
    return labelled, np.asarray(kept).reshape(-1, 4)


def _node_area(scale: float) -> float:
    """Marker area in pt² of a node whose occurrences are ``scale`` × the largest."""
    return 10 + 420 * scale


def _candidate_shifts(width: float, height: float, radius: float) -> list[tuple[float, float]]:
    gap = radius + 1.0
    return [(0.0, 0.0), (0.0, gap + height / 2), (0.0, -gap - height / 2),
            (gap + width / 2, 0.0), (-gap - width / 2, 0.0)]


def _legend(figure, clusters: pd.DataFrame, family: list[str]) -> None:
    shown = clusters.head(LEGEND_CLUSTERS)
    handles = []
    for row in shown.itertuples(index=False):
        terms = list(row.label_terms)[:1]
        handles.append(figure.gca().scatter([], [], s=30, color=cluster_colour(row.cluster),
                                            label=f"#{row.cluster} {terms[0] if terms else ''}"))
    if handles:
        figure.legend(handles=handles, loc="lower center", ncol=min(len(handles), 5),
                      frameon=False, prop=font_manager.FontProperties(family=family, size=7),
                      handletextpad=0.2, columnspacing=1.0, bbox_to_anchor=(0.5, 0.0))

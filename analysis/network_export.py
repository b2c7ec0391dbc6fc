"""Write a clustered network as VOSviewer map and network text, GraphML and GEXF (for Gephi).

Functions return text or bytes; the service layer writes the files. They take the node table
(``label, occurrences, links, total_link_strength, cluster, x, y`` per node, in node order)
and the edge table (``source, target, weight`` with 0-based node positions).
"""

from __future__ import annotations

import io
import math

import networkx as nx
import pandas as pd

#: Header of a VOSviewer map file, as VOSviewer itself writes it.
VOSVIEWER_MAP_HEADER = ("id", "label", "x", "y", "cluster", "weight<Links>",
                        "weight<Total link strength>", "weight<Occurrences>")
_NODE_ATTRIBUTES = ("occurrences", "links", "total_link_strength", "avg_year", "avg_citations")


def vosviewer_map_text(nodes: pd.DataFrame) -> str:
    """Return the VOSviewer map file: tab-separated, ids 1..n in node order.

    Parameters
    ----------
    nodes : pandas.DataFrame
        Node table; labels have tabs and line breaks replaced by spaces.
    """
    lines = ["\t".join(VOSVIEWER_MAP_HEADER)]
    for number, row in enumerate(nodes.itertuples(index=False), start=1):
        lines.append("\t".join((
            str(number), _clean(row.label), f"{row.x:.4f}", f"{row.y:.4f}", str(int(row.cluster)),
            str(int(row.links)), _number(row.total_link_strength), str(int(row.occurrences)))))
    return "\n".join(lines) + "\n"


def vosviewer_network_text(edges: pd.DataFrame) -> str:
    """Return the VOSviewer network file: ``id1<TAB>id2<TAB>strength`` per link (1-based ids)."""
    lines = [f"{int(s) + 1}\t{int(t) + 1}\t{_number(w)}"
             for s, t, w in zip(edges["source"], edges["target"], edges["weight"])]
    return "\n".join(lines) + ("\n" if lines else "")


def _clean(label: object) -> str:
    return " ".join(str(label).split())


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4g}"


def to_networkx(nodes: pd.DataFrame, edges: pd.DataFrame) -> nx.Graph:
    """Return the network as a networkx graph with plain Python attribute values.

    Node ids are ``"1"..."n"`` (as in the VOSviewer files); each node carries ``label``,
    ``occurrences``, ``cluster``, ``x``, ``y`` and, when present, ``key``, ``links``,
    ``total_link_strength``, ``avg_year``, ``avg_citations``; each edge carries ``weight``.
    """
    graph = nx.Graph()
    for number, row in enumerate(nodes.to_dict("records"), start=1):
        attributes = {"label": _clean(row["label"]), "occurrences": int(row["occurrences"]),
                      "cluster": int(row["cluster"]), "x": float(row["x"]), "y": float(row["y"])}
        if "key" in row:
            attributes["key"] = str(row["key"])
        for name in _NODE_ATTRIBUTES[1:]:
            value = row.get(name)
            # GraphML has no missing value: an absent average is left off that node.
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                attributes[name] = float(value) if name != "links" else int(value)
        graph.add_node(str(number), **attributes)
    graph.add_weighted_edges_from(
        (str(int(s) + 1), str(int(t) + 1), float(w))
        for s, t, w in zip(edges["source"], edges["target"], edges["weight"]))
    return graph


def graphml_bytes(nodes: pd.DataFrame, edges: pd.DataFrame) -> bytes:
    """Return the network as GraphML (UTF-8), attributes as in :func:`to_networkx`."""
    buffer = io.BytesIO()
    nx.write_graphml(to_networkx(nodes, edges), buffer, encoding="utf-8")
    return buffer.getvalue()


def gexf_bytes(nodes: pd.DataFrame, edges: pd.DataFrame) -> bytes:
    """Return the network as GEXF 1.2 for Gephi, with positions and sizes in ``viz``."""
    graph = to_networkx(nodes, edges)
    for _node, data in graph.nodes(data=True):
        data["viz"] = {"position": {"x": data["x"] * 100, "y": data["y"] * 100, "z": 0.0},
                       "size": float(data["occurrences"])}
    buffer = io.BytesIO()
    nx.write_gexf(graph, buffer, encoding="utf-8", version="1.2draft")
    return buffer.getvalue()

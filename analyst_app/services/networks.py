"""Science maps of the corpus: build, cluster, label and export networks; keyword thesauri.

One function per user action: :func:`build_network` (keyword co-occurrence, co-citation,
bibliographic coupling, co-authorship), :func:`export_network`, and the thesaurus file
functions :func:`load_thesaurus`, :func:`save_thesaurus`, :func:`suggest_thesaurus`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analysis.clustering import ClusteringParams, ClusteringResult, cluster_network
from analysis.network_export import (gexf_bytes, graphml_bytes, to_networkx, vosviewer_map_text,
                                     vosviewer_network_text)
from analysis.network_labels import label_clusters
from analysis.networks import (Network, NetworkError, NetworkParams, build_coauthor_network,
                               build_cocitation_network, build_coupling_network,
                               build_keyword_network, edge_table, node_statistics)
from analysis.thesaurus import Thesaurus, ThesaurusError, format_thesaurus, parse_thesaurus
from analysis.thesaurus import suggest_synonyms
from analyst_app.db.workspace import Workspace
from analyst_app.errors import InputError, check_option
from analyst_app.services.corpus import (CorpusFilter, addresses_frame, authorships_frame,
                                         publications_frame, references_frame)
from analyst_app.tasks import CancelToken, Progress, no_progress, scaled

KINDS = ("keywords", "cocitation", "coupling", "coauthors")
KEYWORD_SOURCES = ("author", "plus", "both")
UNITS = ("authors", "institutions", "countries")
#: Default minimum occurrences per kind (VOSviewer's defaults where it has one).
DEFAULT_MIN_OCCURRENCES = {"keywords": 5, "cocitation": 20, "coupling": 5, "coauthors": 5}
EXPORT_SUFFIXES = (".graphml", ".gexf", ".txt")
#: Publication columns a map reads (keywords, cluster labels from titles, node averages):
#: not the abstracts, which are most of a corpus' text.
MAP_COLUMNS = ("year", "title", "times_cited", "keywords_author", "keywords_plus")


@dataclass(frozen=True)
class NetworkOptions:
    """What network to build and how to cluster it.

    Attributes
    ----------
    min_occurrences : int or None
        Publications a node needs (coupling: matched cited references); ``None`` takes
        :data:`DEFAULT_MIN_OCCURRENCES` of the kind.
    top_n : int or None
        Keep the N nodes with the largest total link strength.
    resolution, seed : float, int
        Leiden resolution and the seed of clustering and layout.
    keywords : {'author', 'plus', 'both'}
        Keyword source of keyword maps.
    unit : {'authors', 'institutions', 'countries'}
        Unit of co-authorship maps.
    thesaurus : Thesaurus or None
        Applied to keywords before counting.
    thesaurus_file : str or None
        Where the thesaurus came from, for provenance.
    layout_max_nodes : int or None
        Lay out at most this many nodes (largest total link strength; VOSviewer's default
        1,000); the others sit beside their strongest neighbour and are flagged ``laid_out =
        False`` in the node table. Clusters always cover every node. ``None``: all.
    """

    min_occurrences: int | None = None
    top_n: int | None = None
    resolution: float = 1.0
    seed: int = 0
    keywords: str = "author"
    unit: str = "authors"
    thesaurus: Thesaurus | None = field(default=None, compare=False)
    thesaurus_file: str | None = None
    layout_max_nodes: int | None = 1000


@dataclass
class NetworkResult:
    """A clustered network with its tables and provenance.

    Attributes
    ----------
    kind : str
    options : NetworkOptions
    filter_description : str
        The corpus filter in words.
    publications : int
        Publications selected by the filter.
    network : Network
        Nodes, sparse adjacency and the publication × node membership (drill-down).
    clustering : ClusteringResult
    nodes : pandas.DataFrame
        Per node: ``key, label, occurrences, links, total_link_strength, cluster, x, y,
        avg_year, avg_citations`` (averages over the node's publications), ``laid_out``
        (``True`` for the nodes placed by the force layout: draw these).
    edges : pandas.DataFrame
        Per link: ``source, target`` (node positions), ``source_label, target_label, weight``.
    clusters : pandas.DataFrame
        Per cluster: ``cluster, size, publications, label, label_terms, label_g2``.
    """

    kind: str
    options: NetworkOptions
    filter_description: str
    publications: int
    network: Network
    clustering: ClusteringResult
    nodes: pd.DataFrame
    edges: pd.DataFrame
    clusters: pd.DataFrame

    @property
    def modularity(self) -> float:
        """Modularity of the clusters on the raw co-occurrence graph."""
        return self.clustering.modularity

    @property
    def silhouette(self) -> float:
        """Mean silhouette of the clusters."""
        return self.clustering.silhouette

    @property
    def graph(self):
        """The network as a networkx graph (node attributes as in the node table)."""
        return to_networkx(self.nodes, self.edges)

    def parameters(self) -> dict[str, Any]:
        """Return the parameters and provenance as plain values (for reports and JSON)."""
        options = {k: v for k, v in asdict(self.options).items() if k != "thesaurus"}
        options["min_occurrences"] = self.network.params.min_occurrences
        return {"kind": self.kind, **options, "filter": self.filter_description,
                "publications": self.publications,
                "normalisation": "association strength 2m·c_ij/(k_i·k_j), k = total link strength",
                "clustering": "Leiden (igraph), modularity with resolution on raw counts",
                "layout": "Fruchterman-Reingold of the top layout_max_nodes nodes by total "
                          "link strength; others beside their strongest laid-out neighbour",
                "silhouette_distance": "1/(1 + association strength)"}


def build_network(workspace: Workspace, kind: str, flt: CorpusFilter = CorpusFilter(),
                  params: NetworkOptions = NetworkOptions(), *, progress: Progress = no_progress,
                  cancel: CancelToken | None = None) -> NetworkResult:
    """Build, cluster, label and lay out a science map of the selected publications.

    Parameters
    ----------
    workspace : Workspace
    kind : {'keywords', 'cocitation', 'coupling', 'coauthors'}
    flt : CorpusFilter
        Which publications.
    params : NetworkOptions
    progress, cancel
        Progress callback and cancel token.

    Returns
    -------
    NetworkResult

    Raises
    ------
    InputError
        On an unknown kind or option, an empty selection, a corpus without cited references
        (co-citation, coupling), no node reaching the thresholds, or a map above the link
        limit (:class:`analysis.networks.NetworkTooLargeError`: the message suggests a
        minimum occurrences that fits, or a top N).
    """
    _check_options(kind, params)
    cancel = cancel or CancelToken()
    progress(0.0, "reading the corpus")
    with workspace.session() as session:
        publications = publications_frame(session.connection(), flt, columns=MAP_COLUMNS)
    if publications.empty:
        raise InputError(f"the selection has no publications ({flt.describe()})")
    cancel.raise_if_cancelled()
    network_params = NetworkParams(
        min_occurrences=params.min_occurrences or DEFAULT_MIN_OCCURRENCES[kind],
        top_n=params.top_n)
    try:
        network = _build(workspace, kind, flt, publications, network_params, params,
                         scaled(progress, 0.05, 0.4), cancel)
    except NetworkError as exc:
        raise InputError(str(exc)) from exc
    cancel.raise_if_cancelled()
    clustering = cluster_network(
        network.adjacency, ClusteringParams(params.resolution, params.seed,
                                            layout_max_nodes=params.layout_max_nodes),
        progress=scaled(progress, 0.4, 0.9), cancel=cancel)
    progress(0.9, "labelling clusters")
    clusters = label_clusters(network, clustering.clusters, publications,
                              thesaurus=params.thesaurus)
    progress(1.0, "network ready")
    return NetworkResult(kind, params, flt.describe(), len(publications), network, clustering,
                         _node_table(network, clustering, publications), edge_table(network),
                         clusters)


def _check_options(kind: str, params: NetworkOptions) -> None:
    check_option("network kind", kind, KINDS)
    check_option("keyword source", params.keywords, KEYWORD_SOURCES)
    check_option("co-authorship unit", params.unit, UNITS)
    for name, value in (("min_occurrences", params.min_occurrences), ("top_n", params.top_n),
                        ("layout_max_nodes", params.layout_max_nodes)):
        if value is not None and value < 1:
            raise InputError(f"invalid {name} {value}: expected a whole number of at least 1")
    if not params.resolution > 0:
        raise InputError(f"invalid resolution {params.resolution}: expected a positive number")


def _build(workspace: Workspace, kind: str, flt: CorpusFilter, publications: pd.DataFrame,
           network_params: NetworkParams, params: NetworkOptions, progress: Progress,
           cancel: CancelToken) -> Network:
    ids = publications["publication_id"]
    if kind == "keywords":
        return build_keyword_network(publications, network_params, source=params.keywords,
                                     thesaurus=params.thesaurus)
    if kind in ("cocitation", "coupling"):
        references = references_frame(workspace, flt, progress=progress, cancel=cancel)
        if kind == "cocitation":
            return build_cocitation_network(references, network_params)
        return build_coupling_network(references, network_params,
                                      labels=_publication_labels(workspace, flt, publications))
    with workspace.session() as session:
        connection = session.connection()
        if params.unit == "authors":
            frame = authorships_frame(connection, flt)
            frame["name"] = frame["full_name"].fillna(frame["short_name"])
            return build_coauthor_network(frame, "name", network_params, record_ids=ids)
        frame = addresses_frame(connection, flt)
    column = "organisation" if params.unit == "institutions" else "country"
    return build_coauthor_network(frame, column, network_params, record_ids=ids,
                                  what=params.unit)


def _publication_labels(workspace: Workspace, flt: CorpusFilter,
                        publications: pd.DataFrame) -> pd.Series:
    """Publication id → ``Surname (year)``, as VOSviewer labels documents."""
    with workspace.session() as session:
        authors = authorships_frame(session.connection(), flt)
    first = authors[authors["position"] == 0].set_index("publication_id")
    names = (first["full_name"].fillna(first["short_name"]).fillna("")
             .map(lambda n: n.split(",")[0].strip() or "[Anonymous]"))
    years = publications.set_index("publication_id")["year"]
    names = names.reindex(years.index).fillna("[Anonymous]")
    return names + years.map(lambda y: f" ({int(y)})" if pd.notna(y) else "")


def _node_table(network: Network, clustering: ClusteringResult,
                publications: pd.DataFrame) -> pd.DataFrame:
    nodes = node_statistics(network, publications)
    nodes.insert(5, "cluster", clustering.clusters)
    nodes.insert(6, "x", np.round(clustering.layout[:, 0], 4))
    nodes.insert(7, "y", np.round(clustering.layout[:, 1], 4))
    nodes["laid_out"] = (clustering.laid_out if clustering.laid_out is not None
                         else np.ones(len(nodes), dtype=bool))
    return nodes


# --- exports -------------------------------------------------------------------------------

def export_network(result: NetworkResult, path: str | Path) -> list[Path]:
    """Write the network; the format follows the suffix.

    ``.graphml`` and ``.gexf`` write one file; ``.txt`` writes the VOSviewer map file there
    and the network file as ``<stem>_network.txt`` beside it.

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    InputError
        On another suffix.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    check_option("output file type", suffix, EXPORT_SUFFIXES)
    if suffix == ".graphml":
        path.write_bytes(graphml_bytes(result.nodes, result.edges))
        return [path]
    if suffix == ".gexf":
        path.write_bytes(gexf_bytes(result.nodes, result.edges))
        return [path]
    network_path = path.with_name(f"{path.stem}_network.txt")
    path.write_text(vosviewer_map_text(result.nodes), encoding="utf-8")
    network_path.write_text(vosviewer_network_text(result.edges), encoding="utf-8")
    return [path, network_path]


# --- thesaurus files -----------------------------------------------------------------------

def load_thesaurus(path: str | Path) -> Thesaurus:
    """Read a VOSviewer thesaurus file (UTF-8, with or without BOM).

    Raises
    ------
    InputError
        Naming the file and line of a line with the wrong number of columns, or a file that
        is missing or not UTF-8 text.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read the thesaurus: {exc.strerror}", file=str(path)) from exc
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        raise InputError("the thesaurus is not UTF-8 text", file=str(path), line=line) from exc
    try:
        return parse_thesaurus(text)
    except ThesaurusError as exc:
        raise InputError(exc.message, file=str(path), line=exc.line) from exc


def save_thesaurus(thesaurus: Thesaurus, path: str | Path) -> Path:
    """Write ``thesaurus`` in VOSviewer's format (UTF-8, no BOM); return the path."""
    path = Path(path)
    path.write_text(format_thesaurus(thesaurus), encoding="utf-8")
    return path


def suggest_thesaurus(workspace: Workspace, flt: CorpusFilter = CorpusFilter(), *,
                      keywords: str = "both") -> pd.DataFrame:
    """Suggest thesaurus pairs for spelling variants among the selection's keywords.

    Returns
    -------
    pandas.DataFrame
        As :func:`analysis.thesaurus.suggest_synonyms`: ``label, replace_by,
        label_occurrences, replace_by_occurrences, reason``.
    """
    check_option("keyword source", keywords, KEYWORD_SOURCES)
    with workspace.session() as session:
        publications = publications_frame(session.connection(), flt,
                                          columns=("keywords_author", "keywords_plus"))
    columns = {"author": ["keywords_author"], "plus": ["keywords_plus"],
               "both": ["keywords_author", "keywords_plus"]}[keywords]
    terms = pd.concat([publications[c].explode() for c in columns]).dropna()
    return suggest_synonyms(terms.value_counts().to_dict())

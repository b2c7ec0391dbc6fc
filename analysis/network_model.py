"""The network types shared by the builders, clustering and tables: parameters, result, errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
import scipy.sparse as sp

NetworkKind = Literal["keywords", "cocitation", "coupling", "coauthors"]
KeywordSource = Literal["author", "plus", "both"]
#: Default :attr:`NetworkParams.max_links`: above it Leiden, the tables and the exports take
#: minutes and gigabytes, and a map of millions of links cannot be read anyway.
DEFAULT_MAX_LINKS = 5_000_000


class NetworkError(ValueError):
    """The selection cannot give the requested network (nothing to count)."""


class NoReferencesError(NetworkError):
    """The selected publications carry no matchable cited references."""


class NetworkTooLargeError(NetworkError):
    """The network would have more links than :attr:`NetworkParams.max_links`.

    The message says how large it would be and which ``min_occurrences`` would fit;
    ``suggested_min_occurrences`` holds that value (``None`` when no threshold helps).
    """

    def __init__(self, message: str, suggested_min_occurrences: int | None = None) -> None:
        super().__init__(message)
        self.suggested_min_occurrences = suggested_min_occurrences


@dataclass(frozen=True)
class NetworkParams:
    """Which nodes enter a network.

    Attributes
    ----------
    min_occurrences : int
        A node needs at least this many publications (for coupling: matched cited references).
    top_n : int or None
        Keep only the N nodes with the largest total link strength among those passing
        ``min_occurrences`` (ties: more occurrences, then label), as VOSviewer selects.
    max_links : int or None
        Refuse (:class:`NetworkTooLargeError`) a network with more links than this, before
        its most expensive steps; ``None`` for no limit.
    """

    min_occurrences: int = 1
    top_n: int | None = None
    max_links: int | None = DEFAULT_MAX_LINKS

    def __post_init__(self) -> None:
        if self.min_occurrences < 1:
            raise ValueError(f"min_occurrences must be at least 1, got {self.min_occurrences}")
        if self.top_n is not None and self.top_n < 1:
            raise ValueError(f"top_n must be at least 1 or None, got {self.top_n}")
        if self.max_links is not None and self.max_links < 1:
            raise ValueError(f"max_links must be at least 1 or None, got {self.max_links}")


@dataclass
class Network:
    """A weighted undirected network with the publications behind each node.

    Attributes
    ----------
    kind : str
        ``keywords``, ``cocitation``, ``coupling`` or ``coauthors``.
    keys : numpy.ndarray of str
        Matching key per node (folded term, ``ref_key``, or publication id for coupling).
    labels : numpy.ndarray of str
        Display label per node (the most frequent spelling of the term).
    occurrences : numpy.ndarray of int
        Publications per node (coupling: matched cited references of the publication).
    adjacency : scipy.sparse.csr_matrix
        Node × node link strengths (co-occurrence counts), symmetric, zero diagonal.
    record_ids : numpy.ndarray of int
        Publication ids, the rows of ``membership``.
    membership : scipy.sparse.csc_matrix
        Publication × node 0/1 matrix: which publications stand behind each node.
    params : NetworkParams
        The selection parameters used.
    edges_intersect : bool
        ``True`` when an edge's publications are those of both its nodes (co-occurrence);
        ``False`` for coupling, where an edge is the pair of publications themselves.
    """

    kind: str
    keys: np.ndarray
    labels: np.ndarray
    occurrences: np.ndarray
    adjacency: sp.csr_matrix
    record_ids: np.ndarray
    membership: sp.csc_matrix
    params: NetworkParams
    edges_intersect: bool = True

    @property
    def n_nodes(self) -> int:
        """Number of nodes."""
        return len(self.keys)

    @property
    def n_edges(self) -> int:
        """Number of links (node pairs with a positive strength)."""
        return int(self.adjacency.nnz // 2)

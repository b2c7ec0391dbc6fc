"""Keyword thesaurus in VOSviewer's format: parse, apply, format, and suggest likely synonyms.

A VOSviewer thesaurus is a tab-separated text with the header ``label<TAB>replace by`` and one
pair per line; an empty "replace by" removes the term from the map. Matching here is
case-insensitive and ignores runs of white space, as the keyword maps compare terms that way.
Reading and writing files belongs to the service layer; this module works on text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import pandas as pd

#: The header line VOSviewer writes and expects (compared case-insensitively).
HEADER = ("label", "replace by")
_SPACES = re.compile(r"\s+")


class ThesaurusError(ValueError):
    """A thesaurus text that cannot be used; ``line`` is the 1-based line number."""

    def __init__(self, message: str, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line else message)


def fold_term(term: str) -> str:
    """Return the matching key of a term: case-folded, white space collapsed and stripped."""
    return _SPACES.sub(" ", term).strip().casefold()


@dataclass
class Thesaurus:
    """Term replacements, keyed by the folded term.

    Attributes
    ----------
    replacements : dict of str to str
        Folded term → replacement as the user wrote it; ``""`` drops the term.
    labels : dict of str to str
        Folded term → the term as written in the thesaurus (kept for export).
    """

    replacements: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.replacements)

    def add(self, label: str, replace_by: str) -> None:
        """Add or overwrite the pair ``label → replace_by`` (``""`` removes the term)."""
        key = fold_term(label)
        if not key:
            raise ThesaurusError("a thesaurus label cannot be empty")
        self.replacements[key] = _SPACES.sub(" ", replace_by).strip()
        self.labels[key] = label.strip()

    def apply(self, term: str) -> str | None:
        """Return the replacement of ``term``, ``term`` itself when not listed, ``None`` if dropped.

        Replacements are applied once, not chained, as VOSviewer does.
        """
        replacement = self.replacements.get(fold_term(term))
        if replacement is None:
            return term
        return replacement or None

    def as_frame(self) -> pd.DataFrame:
        """Return the pairs as a frame with columns ``label, replace_by`` in file order."""
        return pd.DataFrame({"label": [self.labels[k] for k in self.replacements],
                             "replace_by": list(self.replacements.values())})


def parse_thesaurus(text: str) -> Thesaurus:
    """Read a thesaurus in VOSviewer's format.

    Parameters
    ----------
    text : str
        The file's text (a leading BOM is ignored). The first non-blank line must be the
        header ``label<TAB>replace by``; every other non-blank line has exactly two
        tab-separated columns. Blank lines are skipped.

    Returns
    -------
    Thesaurus

    Raises
    ------
    ThesaurusError
        On a missing header, a line with another number of columns, or an empty label;
        ``line`` names the 1-based line.
    """
    thesaurus = Thesaurus()
    header_seen = False
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        columns = line.split("\t")
        if len(columns) != 2:
            raise ThesaurusError(
                f"expected 2 tab-separated columns (label, replace by), found {len(columns)}",
                number)
        if not header_seen:
            if tuple(fold_term(c) for c in columns) != HEADER:
                raise ThesaurusError("the first line must be the header 'label<TAB>replace by'",
                                     number)
            header_seen = True
            continue
        if not columns[0].strip():
            raise ThesaurusError("empty label", number)
        thesaurus.add(columns[0], columns[1])
    return thesaurus


def format_thesaurus(thesaurus: Thesaurus) -> str:
    """Return ``thesaurus`` as VOSviewer thesaurus text (header, then one pair per line)."""
    lines = ["label\treplace by"]
    lines += [f"{thesaurus.labels[k]}\t{v}" for k, v in thesaurus.replacements.items()]
    return "\n".join(lines) + "\n"


# --- synonym suggestions -------------------------------------------------------------------

# British → American endings, applied per word. Only pairs of terms that both occur in the
# corpus are suggested, so a rule that misfires on some word ("contour") suggests nothing
# unless the misspelt twin exists too.
_SPELLING_RULES = (
    (re.compile(r"is(ation|ations|e|ed|es|ing|er|ers)$"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing|al|able)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{2}[bcdfghklmnpstvz])re(s)?$"), r"er\1"),  # centre, fibre, litre
)
_PLURAL_RULES = (
    (re.compile(r"ies$"), "y"),
    (re.compile(r"(ss|sh|ch|x|z)es$"), r"\1"),
    (re.compile(r"(?<![siu])s$"), ""),  # not "analysis", "mass", "status"
)
_WORD_SEPARATORS = re.compile(r"[\s\-_/]+")


def variant_key(term: str) -> str:
    """Return the key under which spelling variants of a term coincide.

    Case-folded; British endings made American (-isation/-ization, -yse/-yze, -our/-or,
    -tre/-ter); the last word made singular; then hyphens, underscores, slashes and spaces
    removed, so that ``"Nano-wires"``, ``"nano wire"`` and ``"nanowires"`` coincide.
    """
    words = _WORD_SEPARATORS.sub(" ", term.casefold()).split()
    words = [_first_rule(w, _SPELLING_RULES) for w in words]
    if words and len(words[-1]) > 3:
        words[-1] = _first_rule(words[-1], _PLURAL_RULES)
    return "".join(words)


def _first_rule(word: str, rules: Iterable[tuple[re.Pattern[str], str]]) -> str:
    for pattern, replacement in rules:
        changed = pattern.sub(replacement, word)
        if changed != word:
            return changed
    return word


def suggest_synonyms(counts: Mapping[str, int]) -> pd.DataFrame:
    """Suggest thesaurus pairs for spelling variants among the given terms.

    Terms whose :func:`variant_key` coincides but whose folded forms differ are grouped;
    each member is suggested to be replaced by the group's most frequent term. Variants in
    case only are not suggested: keyword maps already merge them.

    Parameters
    ----------
    counts : mapping of str to int
        Term (as spelt) → occurrences in the corpus.

    Returns
    -------
    pandas.DataFrame
        Columns ``label`` (the variant), ``replace_by`` (the most frequent spelling of its
        group), ``label_occurrences``, ``replace_by_occurrences`` and ``reason``
        (``plural``, ``spelling`` or ``separator``), sorted by the occurrences of the
        replacement, then label.
    """
    folded: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for term, n in counts.items():
        if fold_term(term):
            folded[fold_term(term)][term] += int(n)
    groups: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, spellings in folded.items():
        # A folded term shows as its most frequent spelling; it counts all of them.
        shown = max(spellings.items(), key=lambda item: (item[1], item[0]))[0]
        groups[variant_key(key)].append((shown, sum(spellings.values())))
    rows = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda item: (-item[1], item[0]))
        target, target_n = members[0]
        for label, n in members[1:]:
            rows.append((label, target, n, target_n, _reason(label, target)))
    frame = pd.DataFrame(rows, columns=["label", "replace_by", "label_occurrences",
                                        "replace_by_occurrences", "reason"])
    return frame.sort_values(["replace_by_occurrences", "label"], ascending=[False, True],
                             ignore_index=True)


def _reason(label: str, target: str) -> str:
    def words(term: str) -> list[str]:
        return _WORD_SEPARATORS.sub(" ", fold_term(term)).split()
    a, b = words(label), words(target)
    if "".join(a) == "".join(b):
        return "separator"
    if [_first_rule(w, _SPELLING_RULES) for w in a] == [_first_rule(w, _SPELLING_RULES) for w in b]:
        return "spelling"
    return "plural"


def thesaurus_from_suggestions(suggestions: pd.DataFrame,
                               base: Thesaurus | None = None) -> Thesaurus:
    """Return a thesaurus with the accepted suggestions added (to a copy of ``base``).

    Parameters
    ----------
    suggestions : pandas.DataFrame
        Rows of :func:`suggest_synonyms` the user accepted (columns ``label, replace_by``).
    base : Thesaurus, optional
        Pairs to start from; pairs already there are kept unless a suggestion overrides them.
    """
    result = Thesaurus(dict(base.replacements), dict(base.labels)) if base else Thesaurus()
    for label, replace_by in zip(suggestions["label"], suggestions["replace_by"]):
        result.add(str(label), str(replace_by))
    return result

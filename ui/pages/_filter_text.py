"""A corpus filter in words, in the UI language.

The core's :meth:`~analyst_app.services.corpus.CorpusFilter.describe` is English (it goes
into JSON provenance and report appendices); the pages show this translated version.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from analyst_app.services.corpus import CorpusFilter
from ui.i18n import is_chinese, join_items

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


def filter_text(flt: CorpusFilter) -> str:
    """Return which publications ``flt`` selects, in the current language."""
    parts = []
    if flt.years:
        parts.append(translate("CorpusFilter", "years {first}–{last}").format(
            first=flt.years[0], last=flt.years[1]))
    if flt.doc_types:
        parts.append(translate("CorpusFilter", "document types {types}").format(
            types=join_items(flt.doc_types)))
    if flt.query:
        parts.append(translate("CorpusFilter", "query “{query}” in title, keywords and "
                               "abstract").format(query=flt.query))
    if flt.categories:
        parts.append(translate("CorpusFilter", "WoS categories {categories}").format(
            # Category names hold commas ("Engineering, Electrical & Electronic").
            categories=("、" if is_chinese() else "; ").join(flt.categories)))
    if flt.esi_fields:
        parts.append(translate("CorpusFilter", "ESI fields {fields}").format(
            fields=join_items(flt.esi_fields)))
    if flt.sources:
        parts.append(translate("CorpusFilter", "sources {sources}").format(
            sources=join_items(flt.sources)))
    if not parts:
        return translate("CorpusFilter", "all publications")
    return ("；" if is_chinese() else "; ").join(parts)


__all__ = ["filter_text"]

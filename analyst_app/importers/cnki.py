"""CNKI (中国知网) exports: the four tagged formats it offers, one importer each.

The registry lists :data:`SPECS`; the formats live in :mod:`.cnki_refworks`,
:mod:`.cnki_endnote`, :mod:`.cnki_noteexpress` and :mod:`.cnki_ris`, sharing the reader in
:mod:`._cnki_common` and the record mapping in :mod:`._cnki_record`.
"""

from __future__ import annotations

from analyst_app.importers import cnki_endnote, cnki_noteexpress, cnki_refworks, cnki_ris
from analyst_app.importers.base import ImporterSpec

#: The CNKI importers, ids ``cnki_refworks``, ``cnki_endnote``, ``cnki_noteexpress``, ``cnki_ris``.
SPECS: tuple[ImporterSpec, ...] = (
    cnki_refworks.SPEC,
    cnki_endnote.SPEC,
    cnki_noteexpress.SPEC,
    cnki_ris.SPEC,
)

"""The corpus loader: filters become one SQL clause shared by every frame."""

from __future__ import annotations

import pytest

from analyst_app.services.corpus import (
    CorpusFilter, addresses_frame, authorships_frame, publications_frame, references_frame)
from analyst_app.services.imports import import_files
from tests.conftest import SAMPLES

BLACK_SILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"
pytestmark = pytest.mark.skipif(not BLACK_SILICON.exists(),
                                reason=f"real sample files not found under {SAMPLES}")


@pytest.fixture()
def corpus(workspace):
    [report] = import_files(workspace, [BLACK_SILICON])
    assert report.status == "imported"
    return workspace


def _raw_records():
    """Split the raw file by hand: (PY, DT, TI+DE+ID+AB text, AU count, C1 count) per record."""
    records, current, tag = [], {}, None
    for line in BLACK_SILICON.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("ER"):
            records.append(current)
            current, tag = {}, None
            continue
        if line[:2].strip():
            tag = line[:2]
        if tag:
            current.setdefault(tag, []).append(line[3:])
    return records


def _year(record) -> int | None:
    # Early-access records carry no PY.
    return int(record["PY"][0]) if "PY" in record else None


def test_filters_select_what_the_raw_file_says(corpus):
    raw = _raw_records()
    with corpus.session() as session:
        connection = session.connection()
        everything = publications_frame(connection)
        recent = publications_frame(connection, CorpusFilter(years=(2018, 2020)))
        articles = publications_frame(connection, CorpusFilter(doc_types=("article",)))
        etching = publications_frame(connection, CorpusFilter(query="reactive ion OR nanowire"))
        authors = authorships_frame(connection, CorpusFilter(years=(2018, 2020)))
        addresses = addresses_frame(connection)
    assert len(everything) == 500
    assert len(recent) == sum(1 for r in raw if 2018 <= (_year(r) or 0) <= 2020)
    assert len(articles) == sum(1 for r in raw if r["DT"][0].strip().lower() == "article")

    def text(r):
        return " ".join(" ".join(r.get(t, [])) for t in ("TI", "DE", "ID", "AB")).lower()
    expected = sum(1 for r in raw if ("reactive" in text(r) and "ion" in text(r))
                   or "nanowire" in text(r))
    assert len(etching) == expected
    assert len(authors) == sum(len(r.get("AF", r.get("AU", []))) for r in raw
                               if 2018 <= (_year(r) or 0) <= 2020)
    assert set(addresses["publication_id"]) <= set(everything["publication_id"])
    assert all(isinstance(k, list) for k in everything["keywords_author"])


def test_references_frame_builds_the_index(corpus):
    raw = _raw_records()
    refs = references_frame(corpus, CorpusFilter(years=(2019, 2019)))
    assert len(refs) == sum(len(r.get("CR", [])) for r in raw if _year(r) == 2019)
    assert refs["ref_key"].notna().mean() > 0.9


def test_describe_names_every_criterion():
    text = CorpusFilter(years=(2020, 2024), query="carbon capture", esi_fields=("CHEMISTRY",)).describe()
    assert "2020–2024" in text and "carbon capture" in text and "CHEMISTRY" in text
    assert CorpusFilter().describe() == "all publications"

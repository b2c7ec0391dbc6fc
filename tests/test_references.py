"""Cited-reference parsing (WoS CR lines, Scopus reference strings) and co-citation keys."""

from __future__ import annotations

import csv

import pytest

from analyst_app.domain.records import CitedReference
from analyst_app.domain.references import parse_reference, reference_key
from analyst_app.errors import InputError
from tests.conftest import SAMPLES

BLACKSILICON = SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt"
SCOPUS = SAMPLES / "scopus_csv"

#: Real CR lines of the blacksilicon sample → (first author, year, source, volume, page, DOI).
WOS_LINES = {
    "Aldosari M, 2016, SUPERLATTICE MICROST, V92, P242, DOI 10.1016/j.spmi.2016.02.023":
        ("Aldosari M", 2016, "SUPERLATTICE MICROST", "92", "242", "10.1016/j.spmi.2016.02.023"),
    "Cheung N.W., 1994, LASER ION BEAM MODIF, P50":  # a book: no volume
        ("Cheung N.W.", 1994, "LASER ION BEAM MODIF", None, "50", None),
    "Haase C, 2007, APPL PHYS LETT, V91, DOI 10.1063/1.2768882":  # article number: no page
        ("Haase C", 2007, "APPL PHYS LETT", "91", None, "10.1063/1.2768882"),
    "Ruby D.S., 2002, P PHOT SPEC C, P399, DOI [10.1109/PVSC.2002.1190477, "
    "DOI 10.1109/PVSC.2002.1190477]":
        ("Ruby D.S.", 2002, "P PHOT SPEC C", None, "399", "10.1109/pvsc.2002.1190477"),
    "Saxena S.K., 2014, STUDY POROUS SILICON, P1, DOI [10.1007/s12633-014-9242-y, "
    "DOI 10.1007/S12633-014-9242-Y]":
        ("Saxena S.K.", 2014, "STUDY POROUS SILICON", None, "1", "10.1007/s12633-014-9242-y"),
    "Oh J, 2012, NAT NANOTECHNOL, V7, P743, DOI [10.1038/nnano.2012.166, 10.1038/NNANO.2012.166]":
        ("Oh J", 2012, "NAT NANOTECHNOL", "7", "743", "10.1038/nnano.2012.166"),
    "Limpert E, 2001, BIOSCIENCE, V51, P341, DOI 10.1641/0006-3568(2001)051[0341:LNDATS]2.0.CO;2":
        ("Limpert E", 2001, "BIOSCIENCE", "51", "341",
         "10.1641/0006-3568(2001)051[0341:lndats]2.0.co;2"),
    "Aberle AG, 1997, PROG PHOTOVOLTAICS, V5, P29, "
    "DOI 10.1002/(SICI)1099-159X(199701/02)5:1<29::AID-PIP149>3.0.CO;2-M":
        ("Aberle AG", 1997, "PROG PHOTOVOLTAICS", "5", "29",
         "10.1002/(sici)1099-159x(199701/02)5:1<29::aid-pip149>3.0.co;2-m"),
    "SEIDEL H, 1990, J ELECTROCHEM SOC, V137, P3612, DOI 10.1149/1.2086277":
        ("SEIDEL H", 1990, "J ELECTROCHEM SOC", "137", "3612", "10.1149/1.2086277"),
    "RUBY DS, Patent No. 6329296": ("RUBY DS", None, "Patent No. 6329296", None, None, None),
    "Yang G., 017880NL, Patent No. 017880":
        ("Yang G.", None, "Patent No. 017880", None, None, None),
    "[Anonymous], AIR MASS 1 5 DIR CIR": (None, None, "AIR MASS 1 5 DIR CIR", None, None, None),
    "[Anonymous], 2012, INT TECHN ROADM PHOT":
        (None, 2012, "INT TECHN ROADM PHOT", None, None, None),
    "Nam W. J., APPL PHYS LETT, V99, P1": ("Nam W. J.", None, "APPL PHYS LETT", "99", "1", None),
    "2013, IEEE PHOT SPEC CONF, P621": (None, 2013, "IEEE PHOT SPEC CONF", None, "621", None),
    # The comma after the year is missing in the export itself.
    "Balamurugan N., 2016 CHIN SEM TECHN, P1":
        ("Balamurugan N.", 2016, "CHIN SEM TECHN", None, "1", None),
}


def _parts(ref: CitedReference) -> tuple:
    return ref.first_author, ref.year, ref.source, ref.volume, ref.page, ref.doi


def test_wos_lines_are_real_and_parse_into_their_parts():
    if not BLACKSILICON.is_file():
        pytest.skip(f"real sample {BLACKSILICON} not found")
    # Lines without their tag or indent ("CR " on the first reference, three spaces after).
    raw_lines = {line[3:].strip() for line in BLACKSILICON.read_text(encoding="utf-8").splitlines()}
    for raw, expected in WOS_LINES.items():
        assert raw in raw_lines, raw
        ref = parse_reference(raw, "wos")
        assert ref.raw == raw
        assert _parts(ref) == expected, raw


def test_every_wos_reference_of_the_sample_parses():
    if not BLACKSILICON.is_file():
        pytest.skip(f"real sample {BLACKSILICON} not found")
    from analyst_app.importers.wos_plain import read_wos_plain
    refs = [parse_reference(raw, "wos") for rec in read_wos_plain(BLACKSILICON, "utf-8").records
            for raw in rec.cited_references]
    assert len(refs) == 15443
    with_year = sum(1 for r in refs if r.year)
    with_doi = sum(1 for r in refs if r.doi)
    keyed = sum(1 for r in refs if reference_key(r))
    # Books, theses and proceedings without volume or page get no key (about 6 %).
    assert with_year / len(refs) > 0.98 and with_doi / len(refs) > 0.8 and keyed / len(refs) > 0.9
    assert all(r.doi is None or r.doi.startswith("10.") for r in refs)


def _scopus_references(name: str) -> list[str]:
    path = SCOPUS / name
    if not path.is_file():
        pytest.skip(f"real sample {path} not found")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [ref.strip() for row in csv.DictReader(handle)
                for ref in (row.get("References") or "").split("; ") if ref.strip()]


SCOPUS_LINES = {
    ("tethne_scopus_20.csv", "Fereres, E., Goldhamer, D.A., Parsons, L.R., Irrigation water "
     "management of horticultural crops (2003) Hortic. Sci., 38 (5), pp. 1036-1042"):
        ("Fereres E.", 2003, "Hortic. Sci.", "38", "1036", None),
    ("tethne_scopus_20.csv", "Whittaker, V.P., (1963) Identification of Acetylcholine and Related "
     "Esters of Biological Origin, 15, pp. 1-39. , In: Eichler O, Farah A, Koelle GB (eds) "
     "Handbuch der experimentellen Pharmakologie, Springer, Berlin"):
        ("Whittaker V.P.", 1963, "Identification of Acetylcholine and Related Esters of "
         "Biological Origin", "15", "1", None),
    ("helioszjr_scopus_81.csv", "Pink, D., (2009) Drive: The Surprising Truth About What "
     "Motivates Us, , Riverhead Books"):
        ("Pink D.", 2009, "Drive: The Surprising Truth About What Motivates Us", None, None, None),
    ("helioszjr_scopus_81.csv", "Balakrishna, A., Mishra, P., Modelling and analysis of static "
     "and modal responses of leaf spring used in automobiles (2021) Int. J. Hydromechatron., "
     "4 (4), pp. 350-367"):
        ("Balakrishna A.", 2021, "Int. J. Hydromechatron.", "4", "350", None),
    ("helioszjr_scopus_81.csv", "(2016) The Emergence of the Gig Economy, , AiGroup Workforce "
     "Development, August"):
        (None, 2016, "The Emergence of the Gig Economy", None, None, None),
}


def test_scopus_references_are_real_and_parse_into_their_parts():
    for (name, raw), expected in SCOPUS_LINES.items():
        assert raw in _scopus_references(name), raw
        assert _parts(parse_reference(raw, "scopus")) == expected, raw


def test_every_scopus_reference_of_the_samples_parses():
    refs = [parse_reference(raw, "scopus") for name in ("tethne_scopus_20.csv",
                                                        "helioszjr_scopus_81.csv")
            for raw in _scopus_references(name)]
    assert len(refs) > 3000
    # Scopus keeps references it could not structure ("Fombrun, C.J.,", web pages): ~10 %.
    assert sum(1 for r in refs if r.year) / len(refs) > 0.85
    assert sum(1 for r in refs if r.first_author) / len(refs) > 0.85
    assert sum(1 for r in refs if r.source) / len(refs) > 0.85


def test_scopus_layouts_old_and_new():
    old = parse_reference("Smith J., Doe A., Title, (2019) Journal Name, 5 (2), pp. 10-20.",
                          "scopus")
    assert _parts(old) == ("Smith J.", 2019, "Journal Name", "5", "10", None)
    new = parse_reference("Smith, J., Doe, A., Title, Journal, 5, 2, pp. 10-20, (2019)", "scopus")
    assert _parts(new) == ("Smith J.", 2019, "Journal", "5", "10", None)
    book = parse_reference("Smith, J., A Book Title, (2009)", "scopus")
    assert (book.first_author, book.year, book.volume, book.page) == ("Smith J.", 2009, None, None)
    doi = parse_reference("Smith, J., Title (2019) Nature, 5, pp. 1-2. Cited 3 times. "
                          "doi:10.1038/NATURE.2019.1", "scopus")
    assert doi.doi == "10.1038/nature.2019.1"


def test_reference_keys():
    assert reference_key(parse_reference(
        "Zhang W, 2019, NATURE, V5, P10, DOI 10.1038/xxx", "wos")) == "10.1038/xxx"
    assert reference_key(parse_reference("Zhang W., 2019, Nature, V5, P10", "wos")) == \
        "zhangw|2019|nature|5|10"
    # Author, year and journal alone name many papers: no key.
    assert reference_key(parse_reference("Zhang W, 2019, NATURE", "wos")) is None
    assert reference_key(parse_reference("Nam W. J., APPL PHYS LETT, V99, P1", "wos")) is None
    assert reference_key(parse_reference("RUBY DS, Patent No. 6329296", "wos")) == \
        "rubyds||patentno6329296||"
    assert reference_key(parse_reference("[Anonymous], 2004, NATURE, V5, P10", "wos")) == \
        "|2004|nature|5|10"
    # The same work cited in WoS and Scopus meets on its DOI.
    wos = parse_reference("Smith J, 2019, J MATER CHEM A, V5, P10, DOI 10.1039/C9TA01", "wos")
    scopus = parse_reference("Smith, J., Title, J. Mater. Chem. A, 5, pp. 10-20, (2019). "
                             "DOI 10.1039/c9ta01", "scopus")
    assert reference_key(wos) == reference_key(scopus) == "10.1039/c9ta01"
    # Without DOIs the folded author/year/volume/page agree, but the journal spellings do
    # not: WoS abbreviates, Scopus does not (a limitation, not a false match).
    assert reference_key(parse_reference("Smith J, 2019, NATURE, V5, P10", "wos")) == \
        reference_key(parse_reference("Smith J., Title, (2019) Nature, 5, pp. 10-12", "scopus"))


def test_unknown_source_is_refused():
    with pytest.raises(InputError, match="source"):
        parse_reference("Zhang W, 2019, NATURE", "cnki")

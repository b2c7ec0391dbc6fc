"""Column names of WoS Excel ("savedrecs.xlsx/.xls") exports mapped to the two-letter field tags."""

from __future__ import annotations

import re
from urllib.parse import unquote

#: Excel column name (as WoS writes it, compared case-insensitively) → field tag. Current
#: names (2021 onwards) first, then the names older exports and the 2019 help pages used.
EXCEL_COLUMNS: dict[str, str] = {
    "Publication Type": "PT",
    "Authors": "AU",
    "Book Authors": "BA",
    "Book Editors": "BE",
    "Book Group Authors": "GP",
    "Author Full Names": "AF",
    "Book Author Full Names": "BF",
    "Group Authors": "CA",
    "Article Title": "TI",
    "Source Title": "SO",
    "Book Series Title": "SE",
    "Book Series Subtitle": "BS",
    "Language": "LA",
    "Document Type": "DT",
    "Conference Title": "CT",
    "Conference Date": "CY",
    "Conference Location": "CL",
    "Conference Sponsor": "SP",
    "Conference Sponsors": "SP",
    "Conference Host": "HO",
    "Author Keywords": "DE",
    "Keywords Plus": "ID",
    "Abstract": "AB",
    "Addresses": "C1",
    "Affiliations": "C3",
    "Reprint Addresses": "RP",
    "Email Addresses": "EM",
    "Researcher Ids": "RI",
    "ORCIDs": "OI",
    "Funding Orgs": "FU",
    "Funding Name Preferred": "FP",
    "Funding Text": "FX",
    "Cited References": "CR",
    "Cited Reference Count": "NR",
    "Times Cited, WoS Core": "TC",
    "Times Cited, All Databases": "Z9",
    "180 Day Usage Count": "U1",
    "Since 2013 Usage Count": "U2",
    "Publisher": "PU",
    "Publisher City": "PI",
    "Publisher Address": "PA",
    "ISSN": "SN",
    "eISSN": "EI",
    "ISBN": "BN",
    "Journal Abbreviation": "J9",
    "Journal ISO Abbreviation": "JI",
    "Publication Date": "PD",
    "Publication Year": "PY",
    "Volume": "VL",
    "Issue": "IS",
    "Part Number": "PN",
    "Supplement": "SU",
    "Special Issue": "SI",
    "Meeting Abstract": "MA",
    "Start Page": "BP",
    "End Page": "EP",
    "Article Number": "AR",
    "DOI": "DI",
    "DOI Link": "DL",
    "Book DOI": "D2",
    "Early Access Date": "EA",
    "Number of Pages": "PG",
    "WoS Categories": "WC",
    "Web of Science Categories": "WC",
    "Web of Science Index": "WE",
    "Research Areas": "SC",
    "IDS Number": "GA",
    "Pubmed Id": "PM",
    "PubMed ID": "PM",
    "Open Access Designations": "OA",
    "Highly Cited Status": "HC",
    "Hot Paper Status": "HP",
    "Date of Export": "DA",
    "UT (Unique WOS ID)": "UT",
    "UT (Unique ID)": "UT",
    # Older exports and the field-tag help pages.
    "Author Full Name": "AF",
    "Book Author Full Name": "BF",
    "Document Title": "TI",
    "Publication Name": "SO",
    "Author Address": "C1",
    "Reprint Address": "RP",
    "E-mail Address": "EM",
    "Email Address": "EM",
    "ResearcherID Number": "RI",
    "ORCID Identifier": "OI",
    "Funding Agency and Grant Number": "FU",
    "Web of Science Core Collection Times Cited Count": "TC",
    "Total Times Cited Count": "Z9",
    "Usage Count (Last 180 Days)": "U1",
    "Usage Count (Since 2013)": "U2",
    "29-Character Source Abbreviation": "J9",
    "ISO Source Abbreviation": "JI",
    "Year Published": "PY",
    "Beginning Page": "BP",
    "Ending Page": "EP",
    "Book Digital Object Identifier (DOI)": "D2",
    "Page Count": "PG",
    "Document Delivery Number": "GA",
    "Accession Number": "UT",
    "Open Access Indicator": "OA",
    "ESI Highly Cited Paper": "HC",
    "ESI Hot Paper": "HP",
    "Date this report was generated": "DA",
}

_BY_FOLDED = {name.casefold(): tag for name, tag in EXCEL_COLUMNS.items()}
_HYPERLINK = re.compile(r'^=\s*HYPERLINK\(\s*"((?:[^"]|"")*)"', re.IGNORECASE)

#: Columns whose presence makes a workbook a WoS export (any two suffice).
MARKERS = ("UT (Unique WOS ID)", "Article Title", "Author Full Names", "Addresses",
           "Cited References", "WoS Categories", "Times Cited, WoS Core")


def tag_for_column(name: object) -> str | None:
    """Return the tag of an Excel column name, ``None`` for an empty header cell.

    An unknown name is returned as is (stripped), so its values land in ``extra``
    under that name rather than being dropped.
    """
    if name is None:
        return None
    text = str(name).strip()
    if not text:
        return None
    return _BY_FOLDED.get(text.casefold(), text)


def cell_text(value: object) -> str:
    """A worksheet cell as the text a tab-delimited export would hold.

    ``=HYPERLINK("url","label")`` formulas ('DOI Link', 'Web of Science Record') give
    their URL, unquoted; whole numbers stored as floats lose the ``.0``.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        if value.startswith("=") and "HYPERLINK" in value[:16].upper():
            found = _HYPERLINK.match(value)
            if found:
                return unquote(found.group(1).replace('""', '"'))
        return value
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)

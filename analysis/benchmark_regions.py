"""Country/region of an address, for the international collaboration share of benchmarking."""

from __future__ import annotations

import re

import pandas as pd

#: The rule in words, printed in the method note of every benchmarking result.
REGION_RULE = (
    "an address's country/region is the last comma part of the address; China Mainland, "
    "Hong Kong, Macau and Taiwan are separate regions (as in ESI and InCites): WoS writes "
    "'Peoples R China' also for Hong Kong and Macau addresses, so an address whose part "
    "before the country is Hong Kong/Kowloon/New Territories or Macau/Macao/Taipa counts as "
    "Hong Kong or Macau (the Chinese University of Hong Kong, Shenzhen is in Shenzhen, so "
    "in China Mainland); England, Scotland, Wales and Northern Ireland are one region (UK); "
    "addresses without a country are ignored")
#: The same rule when Greater China is treated as one region.
REGION_RULE_GREATER_CHINA = (
    "an address's country/region is the last comma part of the address; China Mainland, "
    "Hong Kong, Macau and Taiwan count as one region (Greater China); England, Scotland, "
    "Wales and Northern Ireland are one region (UK); addresses without a country are ignored")

MAINLAND, HONG_KONG, MACAU, TAIWAN = "CHINA MAINLAND", "HONG KONG", "MACAU", "TAIWAN"

_MAINLAND_SPELLINGS = {"peoples r china", "people's r china", "pr china", "p r china", "china",
                       "people's republic of china", "peoples republic of china",
                       "china mainland", "mainland china", "中国", "中华人民共和国"}
_UK_SPELLINGS = {"england", "scotland", "wales", "north ireland", "northern ireland", "uk",
                 "united kingdom", "u k"}
_USA_SPELLINGS = {"usa", "united states", "united states of america", "u s a", "us"}
_HONG_KONG_PLACES = {"hong kong", "kowloon", "new territories", "hong kong sar", "香港"}
_MACAU_PLACES = {"macau", "macao", "taipa", "macau sar", "macao sar", "澳门"}
_TAIWAN_SPELLINGS = {"taiwan", "taiwan, china", "chinese taipei", "台湾"}


def _clean(text: object) -> str:
    if not isinstance(text, str):
        return ""
    return " ".join(re.sub(r"[.\d]+", " ", text).lower().split())


def address_region(text: object, country: object) -> str | None:
    """Return the country/region of one address (upper case), or ``None`` when unknown.

    Parameters
    ----------
    text : str
        The whole address (``Hong Kong Polytech Univ, Dept Elect Engn, Hong Kong, Peoples R
        China``).
    country : str
        The country as the source spells it (the last comma part in WoS).

    Returns
    -------
    str or None
        ``CHINA MAINLAND``, ``HONG KONG``, ``MACAU``, ``TAIWAN``, ``UK``, ``USA`` or the
        country upper-cased (``IRAN``).
    """
    name = _clean(country)
    if not name:
        return None
    if name in _HONG_KONG_PLACES:
        return HONG_KONG
    if name in _MACAU_PLACES:
        return MACAU
    if name in _TAIWAN_SPELLINGS:
        return TAIWAN
    if name in _MAINLAND_SPELLINGS:
        parts = str(text).rstrip(". ").split(",") if isinstance(text, str) else []
        place = _clean(parts[-2]) if len(parts) >= 2 else ""
        if place in _HONG_KONG_PLACES:
            return HONG_KONG
        if place in _MACAU_PLACES:
            return MACAU
        return MAINLAND
    if name in _UK_SPELLINGS:
        return "UK"
    if name in _USA_SPELLINGS or name.endswith(" usa"):
        return "USA"
    return name.upper()


def address_regions(addresses: pd.DataFrame, *, greater_china_as_one: bool = False) -> pd.Series:
    """Return :func:`address_region` of every row of an addresses frame.

    Parameters
    ----------
    addresses : pandas.DataFrame
        Columns ``text`` and ``country``.
    greater_china_as_one : bool
        Map Hong Kong, Macau and Taiwan to ``CHINA MAINLAND`` (one region).

    Returns
    -------
    pandas.Series
        Region per row (``None`` when the address has no country), aligned on the index.
    """
    if addresses.empty:
        return pd.Series([], index=addresses.index, dtype=object)
    # A corpus repeats few distinct (place, country) endings: classify each once.
    tails = addresses["text"].map(_tail)
    keys = pd.Series(list(zip(tails, addresses["country"])), index=addresses.index)
    lookup = {key: address_region(key[0], key[1]) for key in pd.unique(keys)}
    regions = keys.map(lookup)
    if greater_china_as_one:
        regions = regions.replace({HONG_KONG: MAINLAND, MACAU: MAINLAND, TAIWAN: MAINLAND})
    return regions


def _tail(text: object) -> str:
    # Only the last two comma parts decide the region.
    if not isinstance(text, str):
        return ""
    return ",".join(text.rstrip(". ").split(",")[-2:])

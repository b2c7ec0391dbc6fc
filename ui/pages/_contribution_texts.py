"""Translated labels of the Contribution page's tables, choices and Excel sheets."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from analysis.contribution import UNMATCHED
from analyst_app.services.contribution import ContributionReport
from ui.i18n import is_chinese, join_sentences

# A plain name lupdate recognises: translate("Context", "literal").
translate = QCoreApplication.translate


def school_label(school: str) -> str:
    """The school as shown: the core's unmatched row “未匹配 (unmatched)” in the UI language."""
    return translate("ContributionPage", "Unmatched") if school == UNMATCHED else school


def counting_labels() -> list[str]:
    """Labels of the counting methods, in the order of ``COUNTING`` (full, fractional)."""
    return [translate("ContributionPage", "Full"), translate("ContributionPage", "Fractional")]


def counting_tooltip() -> str:
    """What the two counting methods mean (the combo box's tooltip)."""
    return translate("ContributionPage", "Full: each school on a paper counts it once (shares "
                     "of a field may sum to more than 100%). Fractional: a paper is split "
                     "equally over its schools (shares sum to 100%).")


def metric_labels() -> list[str]:
    """Labels of the chart metrics (papers, cites, highly cited papers share)."""
    return [translate("ContributionPage", "Share of papers"),
            translate("ContributionPage", "Share of cites"),
            translate("ContributionPage", "Share of highly cited papers")]


def result_headers() -> dict[str, str]:
    """Header labels of the result table, in display order."""
    return {
        "school": translate("ContributionPage", "School"),
        "school_en": translate("ContributionPage", "English name"),
        "field_name": translate("ContributionPage", "ESI field"),
        "papers": translate("ContributionPage", "Papers"),
        "papers_share": translate("ContributionPage", "Papers share"),
        "cites": translate("ContributionPage", "Cites"),
        "cites_share": translate("ContributionPage", "Cites share"),
        "hcp": translate("ContributionPage", "HCP"),
        "hcp_share": translate("ContributionPage", "HCP share"),
        "field_papers": translate("ContributionPage", "Field papers"),
        "field_cites": translate("ContributionPage", "Field cites"),
        "field_hcp": translate("ContributionPage", "Field HCP"),
    }


def unmatched_headers() -> dict[str, str]:
    """Header labels of the unmatched addresses table."""
    return {
        "text": translate("ContributionPage", "Address"),
        "unit": translate("ContributionPage", "School or lab part"),
        "papers": translate("ContributionPage", "Papers"),
    }


def mapping_headers() -> dict[str, str]:
    """Header labels of the mapping sheet of the Excel export."""
    return {
        "school": translate("ContributionPage", "School"),
        "pattern": translate("ContributionPage", "Address pattern"),
        "school_en": translate("ContributionPage", "English name"),
        "priority": translate("ContributionPage", "Priority"),
        "note": translate("ContributionPage", "Note"),
    }


def export_headers() -> dict[str, dict[str, str]]:
    """Sheet names and column labels of the Excel export (see
    :func:`ui.pages._contribution_tables.export_contribution_workbook`)."""
    return {
        "result": result_headers(), "unmatched": unmatched_headers(),
        "mapping": mapping_headers(),
        "sheets": {"result": translate("ContributionPage", "Contribution"),
                   "unmatched": translate("ContributionPage", "Unmatched addresses"),
                   "mapping": translate("ContributionPage", "School mapping"),
                   "parameters": translate("ContributionPage", "Method and parameters")},
    }


def summary_text(report: ContributionReport | None, has_rules: bool, stale: bool) -> str:
    """The line above the tabs (rich text): what was counted, or what to do first."""
    if report is None:
        if not has_rules:
            return html.escape(translate(
                "ContributionPage", "Choose a school mapping (tab School mapping: open a file "
                "or start from the DUT example), then Compute."))
        return html.escape(translate(
            "ContributionPage", "Press Compute to count each school's papers, cites and "
            "highly cited papers per ESI field."))
    result, addresses = report.result, report.school_addresses
    matched = set(addresses.loc[addresses["school"].notna(), "publication_id"])
    text = translate("ContributionPage", "{institution}: {papers} papers, {schools} schools "
                     "matched; {unmatched} papers with no matched school, {addresses} "
                     "unmatched addresses.").format(
        institution=report.parameters.get("institution", ""), papers=f"{result.papers:,}",
        schools=result.table.loc[result.table["school"] != UNMATCHED, "school"].nunique(),
        unmatched=f"{len(set(addresses['publication_id']) - matched):,}",
        addresses=f"{len(report.unmatched):,}")
    if result.papers_without_field:
        text = join_sentences(text, translate(
            "ContributionPage", "{n} papers without an ESI field are left out.").format(
            n=f"{result.papers_without_field:,}"))
    text = html.escape(text)
    if stale:
        text += ("" if is_chinese() else " ") + "<b>" + html.escape(translate(
            "ContributionPage", "The school mapping changed since: Compute again to "
            "update.")) + "</b>"
    return text


__all__ = ["summary_text", "school_label", "counting_labels", "counting_tooltip", "metric_labels",
           "result_headers", "unmatched_headers",
           "mapping_headers", "export_headers"]

"""Exports of the Hotspots page: the map as PNG or SVG, the node and cluster tables to Excel."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from analyst_app.reports.excel import write_dataframe_sheet
from analyst_app.services.networks import NetworkResult
from ui.pages._hotspots_tables import cluster_headers, node_headers
from ui.widgets.network_view import NetworkView

translate = QCoreApplication.translate

#: Screen resolution the view is drawn at; a PNG at ``dpi`` is scaled by ``dpi / 96``.
SCREEN_DPI = 96
#: Largest side of a PNG (pixels): 600 dpi of a full-screen map is still printable.
MAX_PNG_SIDE = 12000


def export_png(view: NetworkView, path: str | Path, dpi: int = 300) -> Path:
    """Write what ``view`` shows (zoom, labels, legend) as a PNG at ``dpi``.

    The view is drawn again at the larger size, not scaled as a bitmap: lines and Chinese
    labels stay sharp.
    """
    path = Path(path)
    source = view.viewport().rect()
    factor = min(dpi / SCREEN_DPI, MAX_PNG_SIDE / max(source.width(), source.height(), 1))
    image = QImage(QSize(round(source.width() * factor), round(source.height() * factor)),
                   QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.render(painter, QRectF(image.rect()), source)
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(0, translate("HotspotsPage", "the image could not be written"), str(path))
    return path


def export_svg(view: NetworkView, path: str | Path, title: str = "") -> Path:
    """Write what ``view`` shows as SVG (vector lines and circles, labels as text)."""
    path = Path(path)
    source: QRect = view.viewport().rect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size())
    generator.setViewBox(QRect(0, 0, source.width(), source.height()))
    generator.setTitle(title)
    generator.setDescription(translate("HotspotsPage", "Science map exported by Subject Analyst "
                                       "Workbench"))
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    if not path.is_file():
        raise OSError(0, translate("HotspotsPage", "the image could not be written"), str(path))
    return path


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    # List cells (label terms, G² values) become text: a cell holds one value.
    out = frame.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, (list, tuple))).any():
            out[column] = out[column].map(lambda v: "; ".join(map(str, v))
                                          if isinstance(v, (list, tuple)) else v)
    return out


def export_tables(result: NetworkResult, path: str | Path) -> Path:
    """Write the node and cluster tables and a provenance sheet to an Excel workbook."""
    path = Path(path)
    workbook = Workbook()
    nodes_sheet = workbook.active
    nodes_sheet.title = translate("HotspotsPage", "Nodes")[:31]
    headers = {**node_headers(), "key": translate("HotspotsPage", "Key")}
    write_dataframe_sheet(nodes_sheet, _plain(result.nodes), headers=headers,
                          number_formats={"avg_year": "0.0", "avg_citations": "0.0"})
    clusters_sheet = workbook.create_sheet(translate("HotspotsPage", "Clusters")[:31])
    headers = {**cluster_headers(),
               "label_terms": translate("HotspotsPage", "Label terms"),
               "label_g2": translate("HotspotsPage", "Log-likelihood ratio (G²)")}
    write_dataframe_sheet(clusters_sheet, _plain(result.clusters), headers=headers)
    provenance = workbook.create_sheet(translate("HotspotsPage", "Provenance")[:31])
    rows = [(name, value if isinstance(value, (int, float, str)) or value is None else str(value))
            for name, value in result.parameters().items()]
    rows += [("nodes", len(result.nodes)), ("links", len(result.edges)),
             ("clusters", len(result.clusters)), ("modularity", round(result.modularity, 4)),
             ("silhouette", None if pd.isna(result.silhouette) else round(result.silhouette, 4)),
             ("exported_at", datetime.now().strftime("%Y-%m-%d %H:%M"))]
    write_dataframe_sheet(provenance, pd.DataFrame(rows, columns=["parameter", "value"]), headers={
        "parameter": translate("HotspotsPage", "Parameter"),
        "value": translate("HotspotsPage", "Value")})
    workbook.save(path)
    return path


__all__ = ["export_png", "export_svg", "export_tables", "SCREEN_DPI"]

"""Print-quality PNG charts with Chinese labels for Word reports (matplotlib, no pyplot)."""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analyst_app.errors import AnalystError

#: Families tried in order; Noto CJK ships with Linux distributions (fonts-noto-cjk),
#: the others with Windows and macOS.
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", "Source Han Sans CN",
    "Microsoft YaHei", "SimHei", "DengXian", "PingFang SC", "WenQuanYi Micro Hei", "SimSun",
)

#: Print resolution of report figures.
DPI = 300

#: Bar colours of the 1 %, 1 ‰ and 1 ‱ ratios (light to dark: higher level, darker bar).
LEVEL_COLOURS = ("#9ecae1", "#4292c6", "#08306b")


class MissingFontError(AnalystError):
    """No font with Chinese glyphs is installed, so charts would print boxes."""


@lru_cache(maxsize=1)
def find_cjk_font() -> str:
    """Return the family name of an installed font that has Chinese glyphs.

    Looks in matplotlib's font list first, then asks fontconfig (``fc-list :lang=zh``) for
    font files matplotlib's cache does not know yet and registers them.

    Returns
    -------
    str
        A font family name usable in ``FontProperties(family=...)``.

    Raises
    ------
    MissingFontError
        When no Chinese font is found (on Debian/Ubuntu: install ``fonts-noto-cjk``).
    """
    family = _known_family()
    if family:
        return family
    for path in _fontconfig_zh_files():
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):
            continue  # an unreadable font file should not hide the others
    family = _known_family()
    if family:
        return family
    raise MissingFontError(
        "no Chinese font found for charts: install the package fonts-noto-cjk "
        "(apt install fonts-noto-cjk) or a font such as Microsoft YaHei / SimHei")


def chart_fonts() -> list[str]:
    """Return the font family list for chart text: a Chinese font, then DejaVu Sans.

    Noto Sans CJK lacks some symbols such as ‱ (U+2031); matplotlib (≥ 3.6) falls back
    glyph by glyph along the list, and DejaVu Sans ships with matplotlib itself.
    """
    return [find_cjk_font(), "DejaVu Sans"]


def _known_family() -> str | None:
    names = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in names), None)


def _fontconfig_zh_files() -> list[str]:
    if shutil.which("fc-list") is None:
        return []
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                             timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(":")[0].strip() for line in out.splitlines() if line.strip()})


def new_figure(width_in: float, height_in: float) -> Figure:
    """Return an empty figure at print resolution, attached to an Agg canvas (no pyplot).

    Parameters
    ----------
    width_in, height_in : float
        Printed size in inches (6.3 in = the text width of an A4 portrait page).

    Returns
    -------
    matplotlib.figure.Figure
        A figure at :data:`DPI`.
    """
    figure = Figure(figsize=(width_in, height_in), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def save(figure: Figure, path: Path) -> Path:
    """Write ``figure`` as a PNG at :data:`DPI` on a white background.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure to write.
    path : Path
        The PNG file to write.

    Returns
    -------
    Path
        ``path``.
    """
    figure.savefig(path, dpi=DPI, format="png", facecolor="white")
    return path


def empty_figure(family: list[str], message: str) -> Figure:
    """Return a small figure (6.3 × 1.6 in) that only shows ``message``, centred.

    Drawn in place of a chart that has no data, so the report still says why.

    Parameters
    ----------
    family : list of str
        Font families for the message, as from :func:`chart_fonts`.
    message : str
        The text to show.

    Returns
    -------
    matplotlib.figure.Figure
        The figure, not yet written (see :func:`save`).
    """
    figure = new_figure(6.3, 1.6)
    ax = figure.add_subplot()
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", family=family, fontsize=11)
    return figure


def figure_esi_threshold_ratios(table: pd.DataFrame, path: Path) -> Path:
    """Draw each listed field's cites as a ratio to its 1 %, 1 ‰ and 1 ‱ thresholds.

    Horizontal grouped bars on a log axis with a dashed line at 1: a bar that reaches the
    line means the field has reached that level.

    Parameters
    ----------
    table : pandas.DataFrame
        :attr:`analysis.esi.EsiStatusResult.table` (columns ``field_zh``, ``status``,
        ``ratio_1pct``, ``ratio_1permille``, ``ratio_1per10k``).
    path : Path
        The PNG file to write (300 dpi).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    MissingFontError
        When no Chinese font is installed.
    """
    family = chart_fonts()
    listed = table[table["status"] != "not_listed"]
    if listed.empty:
        return save(empty_figure(family, "本期无进入 ESI 前 1% 的学科"), path)
    # Best field at the top: matplotlib draws the first row at the bottom.
    listed = listed.iloc[::-1]
    n = len(listed)
    figure = new_figure(6.3, 1.3 + 0.5 * n)
    ax = figure.add_subplot()
    _draw_ratio_bars(ax, listed, family)
    ax.set_yticks(np.arange(n), labels=listed["field_zh"].tolist(), family=family, fontsize=9)
    ax.set_xscale("log")
    low = np.nanmin(listed[["ratio_1pct", "ratio_1permille", "ratio_1per10k"]].to_numpy())
    high = np.nanmax(listed[["ratio_1pct", "ratio_1permille", "ratio_1per10k"]].to_numpy())
    ax.set_xlim(10 ** np.floor(np.log10(max(low, 1e-4))), 10 ** (np.ceil(np.log10(high)) + 0.3))
    ax.xaxis.set_major_formatter(_plain_number_formatter())
    ax.axvline(1.0, color="#c0392b", linestyle="--", linewidth=1, zorder=3)
    ax.set_xlabel("被引次数 ÷ 阈值（对数刻度）", family=family, fontsize=9)
    ax.set_ylim(-0.6, n - 0.4)
    ax.tick_params(axis="x", labelsize=8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    legend = ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, frameon=False,
                       prop=font_manager.FontProperties(family=family, size=8.5))
    legend.set_in_layout(True)
    figure.tight_layout()
    return save(figure, path)


def _draw_ratio_bars(ax, listed: pd.DataFrame, family: list[str]) -> None:
    positions = np.arange(len(listed))
    height = 0.26
    levels = (("ratio_1pct", "相对前 1% 阈值"), ("ratio_1permille", "相对前 1‰ 阈值"),
              ("ratio_1per10k", "相对前 1‱ 阈值"))
    for offset, ((column, label), colour) in enumerate(zip(levels, LEVEL_COLOURS)):
        # The 1 % bar on top of each group, as the legend reads left to right.
        y = positions + (1 - offset) * height
        values = listed[column].astype(float).to_numpy()
        ax.barh(y, values, height=height * 0.92, color=colour, label=label)
        for yi, value in zip(y, values):
            if np.isfinite(value):
                # A white backing keeps labels legible where they cross the dashed line.
                ax.text(value * 1.06, yi, _ratio_text(value), va="center", ha="left",
                        fontsize=7, family=family, color="#333333", zorder=4,
                        bbox={"boxstyle": "square,pad=0.05", "facecolor": "white",
                              "edgecolor": "none", "alpha": 0.85})


def _ratio_text(value: float) -> str:
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if value >= 0.1 else f"{value:.2g}"


def _plain_number_formatter():
    from matplotlib.ticker import FuncFormatter

    # Log axes default to 10^k labels; librarians read 0.1 / 1 / 10 more easily.
    return FuncFormatter(lambda x, _pos: f"{x:g}")

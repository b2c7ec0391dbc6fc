"""DataFrameTableModel and its sort proxy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from ui.models import MISSING, DataFrameSortProxy, DataFrameTableModel

pytestmark = pytest.mark.gui


@pytest.fixture
def frame():
    return pd.DataFrame({
        "field": ["CHEMISTRY", "ENGINEERING", "PHYSICS", "MATHEMATICS"],
        "rank": pd.array([47, 24, pd.NA, 151], dtype="Int64"),
        "ratio": [1.5, np.nan, 0.25, 10.0],
        "hidden": ["a", "b", "c", "d"],
    })


def _column(proxy, column):
    return [proxy.index(r, column).data() for r in range(proxy.rowCount())]


def test_headers_choose_and_order_columns(qapp, frame):
    model = DataFrameTableModel(frame, headers={"rank": "Rank", "field": "Field"})
    assert model.columnCount() == 2 and model.rowCount() == 4
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Rank"
    assert model.index(0, 1).data() == "CHEMISTRY"


def test_missing_values_show_a_dash_and_raw_none(qapp, frame):
    model = DataFrameTableModel(frame, headers={"rank": "Rank", "ratio": "Ratio"})
    assert model.index(2, 0).data() == MISSING
    assert model.index(1, 1).data() == MISSING
    assert model.index(2, 0).data(Qt.ItemDataRole.UserRole) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.UserRole) == 47
    assert model.index(0, 1).data() == "1.50"


def test_formatters(qapp, frame):
    model = DataFrameTableModel(frame, headers={"ratio": "Ratio"},
                                formatters={"ratio": lambda v: f"{v:.0%}"})
    assert model.index(2, 0).data() == "25%"


@pytest.mark.parametrize(("order", "expected"), [
    (Qt.SortOrder.AscendingOrder, ["24", "47", "151", MISSING]),
    (Qt.SortOrder.DescendingOrder, ["151", "47", "24", MISSING]),
])
def test_numeric_sort_keeps_missing_last(qapp, frame, order, expected):
    model = DataFrameTableModel(frame, headers={"field": "Field", "rank": "Rank"})
    proxy = DataFrameSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(1, order)
    # As text "151" < "24"; as numbers 24 < 47 < 151.
    assert _column(proxy, 1) == expected


def test_filter_matches_any_column(qapp, frame):
    model = DataFrameTableModel(frame, headers={"field": "Field", "rank": "Rank"})
    proxy = DataFrameSortProxy()
    proxy.setSourceModel(model)
    proxy.setFilterFixedString("engin")
    assert _column(proxy, 0) == ["ENGINEERING"]


def test_set_frame_and_empty_frame_keep_headers(qapp, frame):
    model = DataFrameTableModel(headers={"field": "Field"})
    assert model.rowCount() == 0 and model.columnCount() == 1
    model.set_frame(frame)
    assert model.rowCount() == 4
    assert model.row(1)["hidden"] == "b"

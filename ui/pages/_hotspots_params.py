"""Parameter panel of the Hotspots page: which map, which publications, thresholds and thesaurus."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from analyst_app.services.corpus import CorpusFilter
from analyst_app.services.networks import DEFAULT_MIN_OCCURRENCES, NetworkOptions

translate = QCoreApplication.translate

#: Map choices in combo order: (kind, keyword source, co-authorship unit).
MAP_CHOICES = (
    ("keywords", "author", "authors"), ("keywords", "plus", "authors"),
    ("keywords", "both", "authors"), ("cocitation", "author", "authors"),
    ("coupling", "author", "authors"), ("coauthors", "author", "authors"),
    ("coauthors", "author", "institutions"), ("coauthors", "author", "countries"),
)
#: The year spin boxes' "any year" value (shown as text).
ANY_YEAR = 1899


def map_choice_texts() -> list[str]:
    """Return the map choices' names in the current language, in combo order."""
    return [translate("HotspotsPage", "Keywords: author keywords"),
            translate("HotspotsPage", "Keywords: Keywords Plus"),
            translate("HotspotsPage", "Keywords: both lists"),
            translate("HotspotsPage", "Co-citation of cited references"),
            translate("HotspotsPage", "Bibliographic coupling of publications"),
            translate("HotspotsPage", "Co-authorship: authors"),
            translate("HotspotsPage", "Co-authorship: institutions"),
            translate("HotspotsPage", "Co-authorship: countries/regions")]


@dataclass(frozen=True)
class MapRequest:
    """What the panel asks for: the map kind, the publications and the options."""

    kind: str
    corpus: CorpusFilter
    options: NetworkOptions
    thesaurus_file: str | None


class HotspotsParams(QWidget):
    """Controls of the map parameters; :meth:`request` reads them.

    Signals
    -------
    compute_requested()
        The Compute button was pressed.
    thesaurus_edit_requested()
        The user wants to edit the thesaurus file named in the panel.
    """

    compute_requested = Signal()
    thesaurus_edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_combo = QComboBox()
        self.map_combo.addItems(map_choice_texts())
        # Long choice names must not widen the parameter column.
        self.map_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.map_combo.setMinimumContentsLength(14)
        self.map_combo.currentIndexChanged.connect(self._on_kind_changed)
        self.first_year, self.last_year = self._year_spin(), self._year_spin()
        years = QHBoxLayout()
        years.addWidget(self.first_year)
        years.addWidget(QLabel("–"))
        years.addWidget(self.last_year)
        self.doc_types_edit = QLineEdit()
        self.query_edit = QLineEdit()
        self.query_edit.setClearButtonEnabled(True)
        self.min_occurrences = QSpinBox()
        self.min_occurrences.setRange(1, 100000)
        self.top_n = QSpinBox()
        self.top_n.setRange(0, 100000)
        self.top_n.setValue(1000)
        self.resolution = QDoubleSpinBox()
        self.resolution.setRange(0.05, 10.0)
        self.resolution.setSingleStep(0.1)
        self.resolution.setValue(1.0)
        self.seed = QSpinBox()
        self.seed.setRange(0, 1_000_000)
        self.thesaurus_edit = QLineEdit()
        self.thesaurus_edit.setClearButtonEnabled(True)
        self.browse_button = QPushButton()
        self.browse_button.clicked.connect(self._browse_thesaurus)
        self.edit_thesaurus_button = QPushButton()
        self.edit_thesaurus_button.clicked.connect(self.thesaurus_edit_requested)
        thesaurus = QHBoxLayout()
        thesaurus.addWidget(self.browse_button)
        thesaurus.addWidget(self.edit_thesaurus_button)
        self.compute_button = QPushButton()
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute_requested)
        self.corpus_box, self.map_box = QGroupBox(), QGroupBox()
        corpus = QFormLayout(self.corpus_box)
        self.labels = {name: QLabel() for name in ("map", "years", "types", "query", "min",
                                                   "top", "resolution", "seed", "thesaurus")}
        corpus.addRow(self.labels["years"], years)
        corpus.addRow(self.labels["types"], self.doc_types_edit)
        corpus.addRow(self.labels["query"], self.query_edit)
        form = QFormLayout(self.map_box)
        form.addRow(self.labels["map"], self.map_combo)
        form.addRow(self.labels["min"], self.min_occurrences)
        form.addRow(self.labels["top"], self.top_n)
        form.addRow(self.labels["resolution"], self.resolution)
        form.addRow(self.labels["seed"], self.seed)
        form.addRow(self.labels["thesaurus"], self.thesaurus_edit)
        form.addRow("", thesaurus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.map_box)
        layout.addWidget(self.corpus_box)
        layout.addWidget(self.compute_button)
        layout.addStretch(1)
        self._on_kind_changed()
        self.retranslate()

    @staticmethod
    def _year_spin() -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(ANY_YEAR, 2100)
        spin.setValue(ANY_YEAR)
        spin.setMinimumWidth(70)
        return spin

    def choice(self) -> tuple[str, str, str]:
        """Return the chosen ``(kind, keyword source, unit)``."""
        return MAP_CHOICES[max(self.map_combo.currentIndex(), 0)]

    def set_choice(self, kind: str, keywords: str = "author", unit: str = "authors") -> None:
        """Choose the map ``kind`` (with its keyword source or unit)."""
        self.map_combo.setCurrentIndex(MAP_CHOICES.index((kind, keywords, unit)))

    def _on_kind_changed(self, *_: object) -> None:
        # Each kind has its own sensible threshold (VOSviewer's defaults).
        kind = self.choice()[0]
        self.min_occurrences.setValue(DEFAULT_MIN_OCCURRENCES[kind])
        self.thesaurus_edit.setEnabled(kind == "keywords")

    def corpus_filter(self) -> CorpusFilter:
        """Return the publications the panel selects."""
        first, last = self.first_year.value(), self.last_year.value()
        years = None
        if first != ANY_YEAR or last != ANY_YEAR:
            first = first if first != ANY_YEAR else 1900
            last = last if last != ANY_YEAR else 2100
            years = (min(first, last), max(first, last))
        types = tuple(t.strip() for t in self.doc_types_edit.text().replace(";", ",").split(",")
                      if t.strip())
        return CorpusFilter(years=years, doc_types=types,
                            query=self.query_edit.text().strip() or None)

    def request(self) -> MapRequest:
        """Return what the controls describe (the thesaurus is read by the job)."""
        kind, keywords, unit = self.choice()
        path = self.thesaurus_edit.text().strip() if kind == "keywords" else ""
        options = NetworkOptions(
            min_occurrences=self.min_occurrences.value(), top_n=self.top_n.value() or None,
            resolution=round(self.resolution.value(), 3), seed=self.seed.value(),
            keywords=keywords, unit=unit, thesaurus_file=path or None)
        return MapRequest(kind, self.corpus_filter(), options, path or None)

    def _browse_thesaurus(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("HotspotsPage", "Open a VOSviewer thesaurus file"),
            self.thesaurus_edit.text(), translate("HotspotsPage", "Thesaurus files (*.txt)"))
        if path:
            self.thesaurus_edit.setText(path)

    def set_busy(self, busy: bool) -> None:
        """Disable Compute while a job runs."""
        self.compute_button.setEnabled(not busy)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        for index, text in enumerate(map_choice_texts()):
            self.map_combo.setItemText(index, text)
        self.map_box.setTitle(translate("HotspotsPage", "Map"))
        self.corpus_box.setTitle(translate("HotspotsPage", "Publications"))
        texts = {"map": translate("HotspotsPage", "&Type:"),
                 "years": translate("HotspotsPage", "&Years:"),
                 "types": translate("HotspotsPage", "Document t&ypes:"),
                 "query": translate("HotspotsPage", "&Query:"),
                 "min": translate("HotspotsPage", "&Min. occurrences:"),
                 "top": translate("HotspotsPage", "&Top N nodes:"),
                 "resolution": translate("HotspotsPage", "&Resolution:"),
                 "seed": translate("HotspotsPage", "&Seed:"),
                 "thesaurus": translate("HotspotsPage", "T&hesaurus:")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        buddies = {"map": self.map_combo, "years": self.first_year, "types": self.doc_types_edit,
                   "query": self.query_edit, "min": self.min_occurrences, "top": self.top_n,
                   "resolution": self.resolution, "seed": self.seed,
                   "thesaurus": self.thesaurus_edit}
        for name, widget in buddies.items():
            self.labels[name].setBuddy(widget)
        for spin in (self.first_year, self.last_year):
            spin.setSpecialValueText(translate("HotspotsPage", "any"))
        self.top_n.setSpecialValueText(translate("HotspotsPage", "all"))
        self.doc_types_edit.setPlaceholderText(translate("HotspotsPage", "all, or e.g. Article, Review"))
        self.query_edit.setPlaceholderText(translate("HotspotsPage", "words in title, keywords, abstract"))
        self.query_edit.setToolTip(translate(
            "HotspotsPage", "Terms separated by OR; the words of a term must all occur."))
        self.min_occurrences.setToolTip(translate(
            "HotspotsPage", "Publications a node needs (coupling: matched cited references)."))
        self.top_n.setToolTip(translate(
            "HotspotsPage", "Keep the N nodes with the largest total link strength."))
        self.resolution.setToolTip(translate(
            "HotspotsPage", "Leiden resolution: larger values give more, smaller clusters."))
        self.thesaurus_edit.setPlaceholderText(translate("HotspotsPage", "none (keyword maps)"))
        self.browse_button.setText(translate("HotspotsPage", "Open…"))
        self.edit_thesaurus_button.setText(translate("HotspotsPage", "Edit…"))
        self.compute_button.setText(translate("HotspotsPage", "Compute map"))


__all__ = ["HotspotsParams", "MapRequest", "MAP_CHOICES", "ANY_YEAR", "map_choice_texts"]

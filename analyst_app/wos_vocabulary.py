"""Vocabulary of the WoS generator: topics, their keywords and a long tail of rare keywords.

Real corpora of 100k records carry tens of thousands of distinct author keywords, most of them
used once, on top of a few hundred frequent ones shared by the records of a field. So each
record's author keywords (``DE``) and Keywords Plus (``ID``) are drawn from three layers:

* the topic's frequent terms (Zipf weights: the first of a list is the most frequent), which
  make the clusters of keyword maps;
* *emerging* terms, absent before their first year and then ever more likely, which make the
  bursts of trend charts;
* a generated tail: multi-word terms composed from shared modifiers, the topic's objects and
  shared heads ("Nitrogen-doped biochar adsorption kinetics"), drawn by rank with a power law,
  so frequencies fall off like Zipf's law and the rarest terms are the longest.

:class:`KeywordDrawer` draws and renders the two lines of a batch of records, vectorised with
numpy and reproducible from the batch's random generator.
"""

from __future__ import annotations

import random
from math import gcd

import numpy as np

def split_table(text: str, sep: str = ";") -> list[str]:
    """Split ``text`` at ``sep`` (new lines are spaces); drop empty items."""
    # Vocabularies are strings wrapped at spaces: compact and easy to extend.
    return [item.strip() for item in text.replace("\n", " ").split(sep) if item.strip()]


def split_rows(text: str) -> list[list[str]]:
    """Split ``text`` into rows at ``#`` and fields at ``|``."""
    return [[field.strip() for field in row.split("|")] for row in split_table(text, "#")]


# Topic: code letter, share of groups, author keywords (most frequent first: drawn with Zipf
# weights), Keywords Plus, and title/abstract building blocks (objects; purposes).
TOPICS = split_rows("""\
c|.20|CO2 capture;Carbon capture;Chemical absorption;Post-combustion
capture;Amine;Monoethanolamine; Solvent regeneration;Ionic liquids;Process
simulation;Techno-economic analysis;Deep eutectic solvents; Energy penalty;Biphasic
solvent;Flue gas;Life cycle assessment;Aspen Plus; Absorption
kinetics|CARBON-DIOXIDE CAPTURE;ABSORPTION;POSTCOMBUSTION CO2 CAPTURE;AQUEOUS
MONOETHANOLAMINE;SOLUBILITY;KINETICS;REGENERATION;FLUE-GAS;IONIC
LIQUIDS;DEGRADATION;MASS-TRANSFER; ENERGY-CONSUMPTION;SIMULATION|amine-based solvents;biphasic
amine absorbents;ionic liquid absorbents; deep eutectic solvents;rotating packed beds;direct
air capture contactors;aqueous piperazine blends; phase-change absorbents;hollow-fibre membrane
contactors|post-combustion CO2 capture;low-energy solvent regeneration;CO2 capture from
coal-fired flue gas;direct air capture;cement plant decarbonisation# a|.20|CO2
adsorption;Porous carbon;Adsorption;Activated carbon;Selectivity;Zeolites;Nitrogen doping;
Isosteric heat;Biomass-derived carbon;Pressure swing adsorption;Solid
sorbents;Amine-functionalized silica;Breakthrough curves;Cyclic stability;Micropores;Carbon
neutrality|ADSORPTION;CARBON-DIOXIDE; POROUS CARBONS;ACTIVATED
CARBONS;SURFACE-AREA;NITROGEN;CAPACITY;SEPARATION;ZEOLITE;SORBENTS; MICROPOROUS CARBON;KOH
ACTIVATION;UPTAKE|nitrogen-doped porous carbons;biomass-derived activated carbons;amine-grafted
mesoporous silica;zeolite 13X pellets;hierarchical porous carbon spheres;
polyethyleneimine-impregnated sorbents;covalent triazine frameworks;alkali-promoted MgO
sorbents| selective CO2 adsorption;CO2/N2 separation;pressure swing adsorption;humid flue gas
treatment;biogas upgrading# m|.18|Metal-organic frameworks;Gas separation;CO2
capture;Adsorption;MOF;Open metal sites;ZIF-8; UiO-66;Post-synthetic modification;Water
stability;Flexible frameworks;Mg-MOF-74;Reticular chemistry; Covalent organic
frameworks|METAL-ORGANIC FRAMEWORKS;CARBON-DIOXIDE;ADSORPTION;SEPARATION;STORAGE;
DESIGN;STABILITY;SITES;COORDINATION POLYMERS;ZEOLITIC IMIDAZOLATE FRAMEWORKS;HYDROGEN STORAGE;
SELECTIVE ADSORPTION|amine-appended metal-organic frameworks;zeolitic imidazolate frameworks;
zirconium-based MOFs;ultramicroporous MOFs;MOF-derived porous carbons;mixed-matrix MOF
membranes; defect-engineered UiO-66;MOF-74 analogues|CO2 capture under humid
conditions;C2H2/CO2 separation; carbon capture from flue gas;CO2 photoreduction;hydrogen
storage# l|.14|Machine learning;Deep learning;High-throughput screening;Neural network;Density
functional theory;Random forest;Gaussian process regression;Interpretability;Graph neural
network;Bayesian optimization;Active learning;Molecular simulation;Data-driven
design;SHAP|PREDICTION;DESIGN;DISCOVERY;
MODEL;NEURAL-NETWORKS;OPTIMIZATION;REGRESSION;PERFORMANCE;DATABASE;ADSORPTION;SIMULATION;SELECTION|
machine learning models;graph neural networks;interpretable machine learning;Bayesian
optimization; high-throughput computational screening;active learning workflows;deep neural
networks;gradient boosting models|predicting CO2 uptake of porous materials;accelerated
discovery of MOF adsorbents; solvent selection for carbon capture;catalyst design for CO2
reduction;inverse design of sorbents# r|.14|CO2 reduction;Electrocatalysis;CO2
electroreduction;Single-atom catalysts;Copper;Density functional
theory;Formate;Photocatalysis;Faradaic efficiency;CO2 hydrogenation;Syngas;Methanol
synthesis;Tandem catalysis|ELECTROCHEMICAL REDUCTION;CARBON-DIOXIDE;ELECTROREDUCTION;SELECTIVE
CONVERSION;COPPER;EFFICIENT;CATALYSTS;HYDROGENATION;PHOTOCATALYTIC
REDUCTION;METHANOL;ACTIVE-SITES; NANOPARTICLES|copper-based electrocatalysts;single-atom nickel
catalysts;bismuth nanosheets;In2O3-based catalysts;gas diffusion electrodes;g-C3N4
photocatalysts;oxide-derived copper|CO2 electroreduction to multicarbon products;selective
CO2-to-formate conversion;CO2 hydrogenation to methanol;photocatalytic CO2 reduction;integrated
capture and conversion# h|.08|Hydrogen production;Water splitting;Hydrogen evolution
reaction;Electrocatalyst;Oxygen evolution reaction;Steam methane reforming;Sorption-enhanced
reforming;Hydrogen storage;Machine learning|HYDROGEN
EVOLUTION;EFFICIENT;WATER;ELECTROCATALYSTS;OXYGEN EVOLUTION;NANOSHEETS;PERFORMANCE;GENERATION|
transition-metal phosphide electrocatalysts;NiFe layered double hydroxides;CaO-based sorbents;
bifunctional electrodes|overall water splitting;sorption-enhanced hydrogen production;blue
hydrogen with carbon capture# s|.06|Membrane;Gas separation;CO2/CH4 separation;Mixed matrix
membranes;Polymers of intrinsic microporosity;Facilitated transport;Plasticization;Thin-film
composite|GAS SEPARATION;MEMBRANES;
PERMEATION;TRANSPORT;PERFORMANCE;POLYMER;PERMEABILITY;SELECTIVITY|mixed matrix
membranes;polymers of intrinsic microporosity;facilitated transport membranes;thin-film
composite hollow fibres|CO2/CH4 separation;post-combustion CO2 capture;natural gas sweetening""")
CROSS_DE = split_table("Machine learning;Density functional theory;Carbon neutrality;"
                         "Life cycle assessment;"
                         "Techno-economic analysis;Molecular dynamics;Stability")


#: Words shared by all topics: before an object ("Hierarchical zeolite 13X") ...
MODIFIERS = split_table("""\
hierarchical;nitrogen-doped;amine-functionalized;ultrathin;mesoporous;microporous;defect-rich;
core-shell;hollow;two-dimensional;bimetallic;oxygen-vacancy-rich;sulfur-doped;boron-doped;
fluorinated;hydrophobic;hydrophilic;flexible;robust;scalable;low-cost;green;sustainable;
biomass-derived;waste-derived;polymer-derived;template-free;one-pot;solvothermal;hydrothermal;
electrospun;3D-printed;ball-milled;plasma-treated;alkali-promoted;cobalt-doped;nickel-based;
iron-based;copper-based;zinc-based;zirconium-based;cerium-modified;lanthanum-doped;
potassium-promoted;phosphorus-doped;graphene-supported;carbon-coated;silica-supported;
alumina-supported;titania-supported;ordered;amorphous;crystalline;nanostructured;high-entropy;
dual-site;single-site;in situ grown;pillared;layered""")
#: ... and after it ("Zeolite 13X breakthrough behaviour").
HEADS = split_table("""\
adsorption kinetics;adsorption isotherms;cycling stability;thermal stability;water stability;
regeneration energy;mass transfer;heat transfer;reaction mechanism;structure-property
relationships;pore structure;surface chemistry;active sites;charge transfer;selectivity;uptake;
capacity;degradation;durability;scale-up;synthesis;characterization;modelling;performance;
optimization;kinetics;thermodynamics;diffusion;permeability;conductivity;morphology;
crystallinity;interfaces;defects;doping;deactivation;poisoning resistance;breakthrough
behaviour;humidity tolerance;energy efficiency;cost analysis;life cycle impacts;pilot tests;
process intensification;reactor design;electrode design;interface engineering;band
structure;electronic structure;spectroscopy;operando spectroscopy;DFT study;molecular
simulation;techno-economics;sensitivity analysis;screening;descriptors;dataset;benchmarking;
long-term operation""")
#: Objects per topic (same order as :data:`TOPICS`): what the tail terms of a topic are about.
OBJECTS = [split_table(text) for text in """\
amine solvent;MEA solution;piperazine blend;ionic liquid;deep eutectic solvent;biphasic
solvent;amino acid salt;potassium carbonate solution;nanofluid;absorption column;stripper;
packed bed;rotating packed bed;membrane contactor;spray tower;flue gas;cement flue gas;natural
gas combined cycle;coal-fired power plant;waste-to-energy plant;steel mill gas;biogas;air
contactor;solvent reclaimer;heat exchanger network;lean vapour compression;intercooled
absorber;capture plant;chilled ammonia process;hot potassium carbonate process|porous
carbon;activated carbon;carbon nanosheet;carbon sphere;biochar;hydrochar;zeolite 13X;zeolite
5A;chabazite;mesoporous silica;SBA-15;MCM-41;MgO sorbent;CaO sorbent;layered double
hydroxide;hydrotalcite;polyethyleneimine sorbent;amine-grafted silica;porous organic
polymer;hypercrosslinked polymer;covalent triazine framework;graphene oxide;carbon
aerogel;alumina sorbent;lithium silicate;K2CO3 sorbent;clay sorbent;fly ash sorbent;sorbent
pellet;sorbent monolith|ZIF-8;UiO-66;MOF-74;HKUST-1;MIL-101;MIL-53;NU-1000;SIFSIX-3;CALF-20;
Mg2(dobpdc);ZIF-67;MOF-5;PCN-250;Al-fumarate;zirconium MOF;copper MOF;zinc MOF;cobalt MOF;MOF
membrane;MOF composite;MOF thin film;MOF-derived carbon;metal-organic cage;hydrogen-bonded
organic framework;covalent organic framework;coordination polymer;porous organic
cage;organic linker;secondary building unit;MOF single crystal|random forest model;gradient
boosting model;XGBoost model;neural network model;convolutional neural network;graph neural
network;message-passing network;transformer model;Gaussian process model;support vector
machine;kernel ridge regression;Bayesian optimization loop;active learning loop;genetic
algorithm;autoencoder;generative model;variational autoencoder;diffusion model;language
model;symbolic regression;SHAP analysis;feature engineering;descriptor set;materials
database;high-throughput workflow;digital twin;surrogate model;reinforcement learning
agent;clustering algorithm;transfer learning model|copper electrode;oxide-derived copper;
copper nanocube;silver catalyst;gold nanoparticle;tin oxide;bismuth nanosheet;indium
oxide;zinc catalyst;nickel single atom;iron single atom;cobalt phthalocyanine;molecular
catalyst;metal-nitrogen-carbon catalyst;gas diffusion electrode;membrane electrode
assembly;flow cell;zero-gap electrolyser;solid oxide electrolysis cell;photocatalyst;g-C3N4;
TiO2 photocatalyst;perovskite photocatalyst;plasmonic catalyst;Cu-ZnO-Al2O3 catalyst;
In2O3-ZrO2 catalyst;nickel catalyst;ruthenium catalyst;bifunctional catalyst;tandem
catalyst|NiFe layered double hydroxide;nickel phosphide;cobalt phosphide;molybdenum
disulfide;MXene;platinum catalyst;iridium oxide;ruthenium oxide;perovskite oxide;spinel
oxide;nickel foam electrode;alkaline electrolyser;PEM electrolyser;AEM electrolyser;solid
oxide electrolyser;steam reformer;sorption-enhanced reformer;chemical looping system;oxygen
carrier;CaO-based sorbent;methane pyrolysis reactor;ammonia cracking catalyst;hydrogen storage
alloy;metal hydride;liquid organic hydrogen carrier;photoelectrode;bipolar
membrane;seawater electrolyser;biomass gasifier;water-gas shift catalyst|mixed matrix
membrane;polyimide membrane;PIM-1 membrane;Pebax membrane;thin-film composite
membrane;hollow fibre membrane;carbon molecular sieve membrane;graphene oxide
membrane;zeolite membrane;MOF-based membrane;facilitated transport membrane;poly(ethylene
oxide) membrane;polysulfone membrane;cellulose acetate membrane;ionic liquid
membrane;supported liquid membrane;membrane module;spiral-wound module;two-stage membrane
process;membrane contactor;selective layer;gutter layer;porous support;inorganic filler;
nanosheet filler;amine carrier;polymer blend;crosslinked polymer;thermally rearranged
polymer;ultrathin membrane""".split("|")]
# Emerging terms: topic letter | author keyword | first year | its share of the topic's
# records in the last year | the Keywords Plus form, if WoS would give one. Their share grows
# with the square of the time since the first year: nothing before, a burst after.
_EMERGING = split_rows("""\
c|Direct air capture|2016|.30|DIRECT AIR CAPTURE# c|Net-zero emissions|2020|.20|#
a|Moisture swing adsorption|2019|.15|MOISTURE SWING# a|Biomass waste valorisation|2018|.20|#
m|CALF-20|2021|.15|# m|MOF glass|2019|.12|#
l|Large language models|2023|.35|LARGE LANGUAGE MODELS# l|Explainable artificial
intelligence|2019|.25|# l|Generative models|2021|.20|GENERATIVE MODELS#
r|Acidic CO2 electroreduction|2021|.20|# r|Tandem electrocatalysis|2019|.20|TANDEM CATALYSIS#
h|Green hydrogen|2019|.30|GREEN HYDROGEN# h|Anion exchange membrane water
electrolysis|2020|.20|# s|Two-dimensional membranes|2017|.20|2D MATERIALS# s|Carbon
molecular sieve membranes|2018|.15|""")
_HEADS_DE, _HEADS_ID = (2, 5), (2, 6)  # frequent terms per record: [low, high)
_TAIL_DE, _TAIL_ID = 2.2, 1.2  # mean tail terms per record (Poisson), at most _MAX_TAIL
_MAX_TAIL = 8
_RANKS_ID = 12_000  # Keywords Plus come from a smaller space than author keywords
_EXPONENT = 0.9  # rank-r tail term drawn with weight (r + 1) ** -0.9: Zipf-like
_LOWER, _CROSS = 0.3, 0.3  # records with lower-case keywords; with a cross-topic keyword
_HAS_DE, _HAS_ID = 0.93, 0.85  # records with a DE line; with an ID line


def wrap_wos(text: str) -> str:
    """Wrap ``text`` at 72 characters as WoS does: at spaces only, never at hyphens."""
    lines = []
    while len(text) > 72:
        cut = text.rfind(" ", 0, 73)
        if cut <= 0:  # a word longer than a line stays whole, as in real files
            break
        lines.append(text[:cut])
        text = text[cut + 1:]
    lines.append(text)
    return "\n   ".join(lines)


def zipf_cum(n: int, exponent: float) -> list[float]:
    """Cumulative Zipf weights ``(r + 1) ** -exponent`` of ranks 0..n-1."""
    return np.cumsum(np.arange(1, n + 1, dtype=float) ** -exponent).tolist()


class KeywordDrawer:
    """Draw and render the ``DE`` and ``ID`` lines of records, given their topics and years.

    Parameters
    ----------
    rnd : random.Random
        Draws the corpus-wide layout of the tail (which composed term has which rank).
    years : tuple of int
        First and last publication year of the corpus.
    """

    def __init__(self, rnd: random.Random, years: tuple[int, int]) -> None:
        self.first_year = years[0]
        self.de = [split_table(t[2]) for t in TOPICS]
        self.plus = [split_table(t[3]) for t in TOPICS]
        # Normalised cumulative weights: one searchsorted per topic draws all its records.
        self.cum = [np.array(zipf_cum(len(de), 1.0)) / zipf_cum(len(de), 1.0)[-1]
                    for de in self.de]
        a, h = len(MODIFIERS), len(HEADS)
        self.pairs = [a * len(o) + len(o) * h for o in OBJECTS]  # two-word terms: frequent
        self.triples = [a * len(o) * h for o in OBJECTS]
        self.ranks = max(p + t for p, t in zip(self.pairs, self.triples))
        # Rank → composed term is a bijection r ↦ (r·mult + shift) mod size within each
        # segment, so neighbouring ranks do not share their words.
        self.layout = [tuple(self._coprime(rnd, size) for size in (p, t))
                       for p, t in zip(self.pairs, self.triples)]
        self.emerging = self._emerging_shares(years)
        self.em_de = [[row[1] for row in _EMERGING if row[0] == t[0]] for t in TOPICS]
        self.em_id = [[row[4] for row in _EMERGING if row[0] == t[0]] for t in TOPICS]

    @staticmethod
    def _coprime(rnd: random.Random, size: int) -> tuple[int, int]:
        while True:
            mult = rnd.randrange(size // 3, size)
            if gcd(mult, size) == 1:
                return mult, rnd.randrange(size)

    @staticmethod
    def _emerging_shares(years: tuple[int, int]) -> np.ndarray:
        """Topic × emerging slot × year → probability that a record carries the term."""
        slots = max(sum(row[0] == t[0] for row in _EMERGING) for t in TOPICS)
        shares = np.zeros((len(TOPICS), slots, years[1] - years[0] + 1))
        year = np.arange(years[0], years[1] + 1)
        for t, topic in enumerate(TOPICS):
            for s, row in enumerate(r for r in _EMERGING if r[0] == topic[0]):
                start, peak = int(row[2]), float(row[3])
                grown = np.clip((year - start + 1) / (years[1] - start + 1), 0, 1)
                shares[t, s] = peak * grown ** 2
        return shares

    def tail_term(self, topic: int, rank: int) -> str:
        """Return the composed tail term of ``rank`` (0: the most frequent) of a topic."""
        objects, a, h = OBJECTS[topic], len(MODIFIERS), len(HEADS)
        pairs, triples = self.pairs[topic], self.triples[topic]
        (m2, s2), (m3, s3) = self.layout[topic]
        if rank < pairs:
            p = (rank * m2 + s2) % pairs
            if p < a * len(objects):
                text = f"{MODIFIERS[p % a]} {objects[p // a]}"
            else:
                p -= a * len(objects)
                text = f"{objects[p % len(objects)]} {HEADS[p // len(objects)]}"
        else:
            p = ((rank - pairs) % triples * m3 + s3) % triples
            obj, head = objects[p // a % len(objects)], HEADS[p // a // len(objects)]
            text = f"{MODIFIERS[p % a]} {obj} {head}"
        return text[0].upper() + text[1:]

    def _ranks(self, rng: np.random.Generator, shape: tuple[int, int], size: int) -> np.ndarray:
        # Inverse CDF of a continuous x ** -a on [1, size + 1]: vectorised power-law ranks.
        e = 1.0 - _EXPONENT
        x = (1.0 + rng.random(shape) * ((size + 1.0) ** e - 1.0)) ** (1.0 / e)
        return np.minimum(x.astype(np.int64) - 1, size - 1)

    def lines(self, rng: np.random.Generator, topic: np.ndarray, year: np.ndarray
              ) -> list[bytes]:
        """Return the ``DE`` and ``ID`` lines of each record (``b""`` where it has none).

        Parameters
        ----------
        rng : numpy.random.Generator
            The batch's generator: the same generator state gives the same lines.
        topic, year : numpy.ndarray of int
            Topic index and publication year per record.
        """
        n, tlist = len(topic), topic.tolist()
        head_de = np.zeros((n, _HEADS_DE[1]), dtype=np.int64)
        u = rng.random((n, _HEADS_DE[1]))
        for t in range(len(TOPICS)):  # Zipf-weighted frequent terms, one searchsorted a topic
            mask = topic == t
            head_de[mask] = np.searchsorted(self.cum[t], u[mask])
        n_de = rng.integers(*_HEADS_DE, n).tolist()
        # Keywords Plus without repeats: the topic's list in a random order per record.
        keys = rng.random((n, max(map(len, self.plus))))
        for t, plus in enumerate(self.plus):
            keys[topic == t, len(plus):] = 2.0
        head_id = np.argsort(keys, axis=1).tolist()
        n_id = rng.integers(*_HEADS_ID, n).tolist()
        tail_de = self._ranks(rng, (n, _MAX_TAIL), self.ranks).tolist()
        tail_id = self._ranks(rng, (n, _MAX_TAIL), _RANKS_ID).tolist()
        n_tail_de = np.minimum(rng.poisson(_TAIL_DE, n), _MAX_TAIL).tolist()
        n_tail_id = np.minimum(rng.poisson(_TAIL_ID, n), _MAX_TAIL).tolist()
        shares = self.emerging[topic, :, year - self.first_year]
        emerging = (rng.random(shares.shape) < shares).tolist()
        flags = rng.random((n, 4)) < (_CROSS, _LOWER, _HAS_DE, _HAS_ID)
        cross = rng.integers(0, len(CROSS_DE), n).tolist()
        heads = head_de.tolist()
        out = []
        for i, t in enumerate(tlist):
            has_cross, lower, has_de, has_id = flags[i]
            de, plus = self.de[t], self.plus[t]
            new = [term for term, e in zip(self.em_de[t], emerging[i]) if e]
            words = [de[k] for k in heads[i][:n_de[i]]] + new
            words += [self.tail_term(t, r) for r in tail_de[i][:n_tail_de[i]]]
            words += [CROSS_DE[cross[i]]] if has_cross else []
            if lower:  # many authors type their keywords in lower case
                words = [w[0].lower() + w[1:] if w[1:2].islower() else w for w in words]
            kw = [plus[k] for k in head_id[i][:n_id[i]]]
            kw += [term for term, e in zip(self.em_id[t], emerging[i]) if e and term]
            kw += [self.tail_term(t, r).upper() for r in tail_id[i][:n_tail_id[i]]]
            out.append((f"DE {wrap_wos('; '.join(dict.fromkeys(words)))}\n" if has_de else "")
                       + (f"ID {wrap_wos('; '.join(dict.fromkeys(kw)))}\n" if has_id else ""))
        return [line.encode() for line in out]

"""Tests of the seeded WoS plain-text generator: determinism, line format, counts, splitting."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyst_app.wos_generator import write_wos_corpus

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
HEADER = "\ufeffFN Clarivate Analytics Web of Science\nVR 1.0\n"
# Every line of a WoS plain-text export: a tag and its value, a continuation, a blank line
# between records, ER, EF (the header lines are tags too).
LINE = re.compile(r"[A-Z][A-Z0-9] \S.*|   \S.*|ER|EF|")
# The tags the generator writes, in the order WoS writes them.
ORDER = ("PT AU AF TI SO LA DT DE ID AB C1 C3 RP EM RI OI FU FX CR NR TC Z9 U1 U2 PU PI PA SN EI "
         "J9 JI PD PY VL IS BP EP AR DI EA PG WC WE SC GA UT PM OA HC HP DA").split()
# Tags WoS wraps at 72 characters; the others (AB, C1, RP, CR, WE) stay on long lines.
WRAPPED = {"TI", "SO", "DE", "ID", "C3", "EM", "RI", "OI", "FU", "FX", "PA", "WC", "SC"}


def _records(text: str) -> list[dict[str, list[str]]]:
    """Split an export into records of tag -> lines (first line without its tag)."""
    body = text.split("\nVR 1.0\n", 1)[1]
    records = []
    for chunk in body.split("\nER\n")[:-1]:
        fields: dict[str, list[str]] = {}
        tag = ""
        for line in chunk.strip("\n").split("\n"):
            if line.startswith("   "):
                fields[tag].append(line[3:])
            else:
                tag = line[:2]
                assert tag not in fields, f"repeated tag {tag}"
                fields[tag] = [line[3:]]
        records.append(fields)
    return records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, list[dict[str, list[str]]]]:
    path = write_wos_corpus(tmp_path_factory.mktemp("wos") / "corpus.txt", 400, workers=1)[0]
    text = path.read_bytes().decode("utf-8")
    return text, _records(text)


def test_same_seed_gives_same_bytes(tmp_path: Path) -> None:
    first = write_wos_corpus(tmp_path / "a.txt", 120, seed=3)[0].read_bytes()
    again = write_wos_corpus(tmp_path / "b.txt", 120, seed=3)[0].read_bytes()
    other = write_wos_corpus(tmp_path / "c.txt", 120, seed=4)[0].read_bytes()
    assert first == again
    assert first != other
    # Corpora of other seeds must not merge on import: no shared UT or DOI.
    ids = [set(re.findall(rb"^(?:UT|DI) (.+)$", text, re.M)) for text in (first, other)]
    assert ids[0] and not ids[0] & ids[1]


def test_every_line_has_the_wos_form(corpus: tuple[str, list]) -> None:
    text, records = corpus
    assert text.startswith(HEADER + "PT J\n")
    assert text.endswith("ER\n\nEF")  # real exports end without a final newline
    bad = [line for line in text[1:].split("\n") if not LINE.fullmatch(line)]
    assert bad == []
    assert "\r" not in text and "\t" not in text
    for record in records:
        tags = list(record)
        assert tags == sorted(tags, key=ORDER.index)
        assert tags[:3] == ["PT", "AU", "AF"] and tags[-1] == "DA"
        assert len(record["AU"]) == len(record["AF"])
        for tag in WRAPPED & set(tags):
            assert all(len(line) <= 72 for line in record[tag]), (tag, record[tag])


def test_counts_follow_the_parameters(corpus: tuple[str, list]) -> None:
    text, records = corpus
    assert len(records) == 400 == sum(line == "ER" for line in text.split("\n"))
    cr_lines = [len(r.get("CR", [])) for r in records]
    assert all(int(r["NR"][0]) == n for r, n in zip(records, cr_lines))
    assert 0.85 * 40 < sum(cr_lines) / len(records) < 1.15 * 40
    dois = [r["DI"][0] for r in records if "DI" in r]
    assert len(set(dois)) == len(dois) > 0.9 * len(records)
    uts = [r["UT"][0] for r in records]
    assert len(set(uts)) == len(uts) and all(re.fullmatch(r"WOS:000\d{12}", u) for u in uts)


def test_content_links_authors_addresses_and_references(corpus: tuple[str, list]) -> None:
    _text, records = corpus
    for record in records:
        # Every C1 bracket names full author names (AF) of this record.
        names = {n for line in record["C1"] for n in re.match(r"\[(.*?)\] ", line)[1].split("; ")}
        assert names <= set(record["AF"])
        assert "(corresponding author)" in record["RP"][0]
        for line in record.get("CR", []):
            assert re.fullmatch(r"[^,]+, \d{4}, [^,]+(, .+)?", line), line
    chinese = sum(r["C1"][0].endswith("Peoples R China.") for r in records)
    assert 0.4 * len(records) < chinese < 0.9 * len(records)
    # Power-law popularity: the most cited reference is shared by many records.
    counts: dict[str, int] = {}
    for record in records:
        for line in record.get("CR", []):
            counts[line] = counts.get(line, 0) + 1
    assert max(counts.values()) > 0.05 * len(records)


def test_split_files_hold_the_same_records(tmp_path: Path) -> None:
    whole = write_wos_corpus(tmp_path / "whole.txt", 250, workers=1)[0].read_bytes()
    parts = write_wos_corpus(tmp_path / "batch.txt", 250, records_per_file=100, workers=1)
    assert [p.name for p in parts] == ["batch_0001.txt", "batch_0002.txt", "batch_0003.txt"]
    texts = [p.read_bytes() for p in parts]
    assert [t.count(b"\nER\n") for t in texts] == [100, 100, 50]
    header = HEADER.encode()
    assert all(t.startswith(header) and t.endswith(b"ER\n\nEF") for t in texts)
    assert b"".join(t[len(header):-2] for t in texts) == whole[len(header):-2]


def test_bad_parameters_are_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="records_per_file"):
        write_wos_corpus(tmp_path / "x.txt", 10, records_per_file=0)
    with pytest.raises(ValueError, match="no_doi_share"):
        write_wos_corpus(tmp_path / "x.txt", 10, no_doi_share=2)


@pytest.mark.skipif(not (SAMPLES / "wos_plain").is_dir(),
                    reason="real WoS samples (../shared/samples/wos_plain) are not on this machine")
def test_line_patterns_match_a_real_export(corpus: tuple[str, list]) -> None:
    real = (SAMPLES / "wos_plain" / "wosanalysis_savedrecs_833.txt").read_bytes().decode("utf-8")
    cited = (SAMPLES / "wos_plain" / "blacksilicon_savedrecs_500.txt").read_text("utf-8")
    text, records = corpus
    assert text[:len(HEADER)] == real[:len(HEADER)]  # same BOM and header
    assert text[-6:] == real[-6:]  # same ending
    # Real continuations may start with a fourth space (a wrapped "  [grant]"); ours never do.
    assert all(re.fullmatch(r"[A-Z][A-Z0-9] .*|   .+|ER|EF|", line) for line in real[1:].split("\n"))
    real_tags = {t for r in _records(real) + _records(cited) for t in r}
    ours = {t for r in records for t in r}
    assert ours <= real_tags | {"PT"}
    # Our tag order is the real one, on the tags both have.
    for record in _records(real) + _records(cited):
        known = [tag for tag in record if tag in ORDER]
        assert known == sorted(known, key=ORDER.index)
    # Cited references read like real ones: "Author, year, SOURCE, Vn, Pn, DOI ...".
    form = re.compile(r"[^,]+, \d{4}, [^,]+(, V\w+)?(, P\w+)?(, DOI .+)?")
    real_cr = [line for r in _records(cited) for line in r.get("CR", [])]
    ours_cr = [line for r in records for line in r.get("CR", [])]
    assert sum(map(bool, map(form.fullmatch, real_cr))) > 0.8 * len(real_cr)
    assert sum(map(bool, map(form.fullmatch, ours_cr))) > 0.95 * len(ours_cr)


def test_a_corpus_without_cited_references(tmp_path):
    # Co-citation's "not available" message is tested on such corpora.
    [path] = write_wos_corpus(tmp_path / "norefs.txt", 30, refs_per_record=0)
    text = path.read_text(encoding="utf-8-sig")
    assert text.count("\nER\n") == 30
    assert "\nCR " not in text


# --- keywords: frequent topic terms, a long tail, emerging terms ------------------------------

def _keywords(record: dict[str, list[str]], tag: str) -> set[str]:
    text = " ".join(record.get(tag, []))
    return {" ".join(k.split()).casefold() for k in text.split(";") if k.strip()}


@pytest.fixture(scope="module")
def keyword_corpus(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, list[str]]]:
    path = write_wos_corpus(tmp_path_factory.mktemp("kw") / "kw.txt", 4000, refs_per_record=0)[0]
    return _records(path.read_bytes().decode("utf-8"))


def test_keywords_have_a_long_zipf_like_tail(keyword_corpus: list) -> None:
    from collections import Counter
    for tag, distinct in (("DE", 5000), ("ID", 2000)):
        counts = Counter(k for r in keyword_corpus for k in _keywords(r, tag))
        # Real corpora: most distinct keywords occur once, a few hundred are frequent.
        assert len(counts) > distinct, (tag, len(counts))
        assert sum(n == 1 for n in counts.values()) > 0.6 * len(counts)
        assert sum(n >= 5 for n in counts.values()) > 100
        top = [n for _, n in counts.most_common(3)]
        assert top[0] > 0.08 * len(keyword_corpus)  # topic terms shared by many records
    with_de = [len(_keywords(r, "DE")) for r in keyword_corpus if "DE" in r]
    assert 0.85 * len(keyword_corpus) < len(with_de) and 4 <= sum(with_de) / len(with_de) <= 9


def test_emerging_terms_rise_over_the_years(keyword_corpus: list) -> None:
    from analyst_app.wos_vocabulary import _EMERGING
    early = late = 0
    for _topic, term, first, _share, _plus in _EMERGING:
        years = [int(r["PY"][0]) for r in keyword_corpus if term.casefold() in _keywords(r, "DE")]
        assert years and min(years) >= int(first), term  # nothing before its first year
        early += sum(y <= 2019 for y in years)
        late += sum(y >= 2022 for y in years)
    assert late > 3 * early > 0


def test_tail_terms_are_distinct_per_rank() -> None:
    import random

    from analyst_app.wos_generator import YEARS
    from analyst_app.wos_vocabulary import KeywordDrawer
    drawer = KeywordDrawer(random.Random(1), YEARS)
    pairs = drawer.pairs[0]
    terms = [drawer.tail_term(0, r) for r in range(pairs + 2000)]
    assert len(set(terms)) == len(terms)  # rank → term is one to one
    assert all(len(t.split()) >= 2 for t in terms)
    assert drawer.tail_term(0, 5) == KeywordDrawer(random.Random(1), YEARS).tail_term(0, 5)

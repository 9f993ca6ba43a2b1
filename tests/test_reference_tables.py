"""Checks on the reference tables: sources, slogans, partners and timeline.

Every table is read through counterpart.data.load, so its schema is checked on the way in.
Derived columns (in_report) are recomputed here from the report and compared with the file.
"""
import re
import unicodedata

import pandas as pd
import pytest

from counterpart.data import load
from counterpart.text import contains


@pytest.fixture(scope="module")
def sources():
    return load("sources")


@pytest.fixture(scope="module")
def report_text():
    return "\n".join(load("report")["zh"])


def test_sources_hold_every_id_the_course_may_cite(sources):
    expected = ({"report", "geonames"} | {f"S{n}" for n in range(1, 71)}
                | {f"R{n}" for n in range(1, 46)})
    assert set(sources["id"]) == expected


def test_every_source_carries_the_four_labels(sources):
    # the loader checks producer_type and stance against their closed lists; none may be blank
    for column in ("producer_type", "producer", "country", "stance"):
        assert sources[column].notna().all(), f"a source has no {column}"


def test_labels_follow_the_same_rule_for_every_side(sources):
    by_id = sources.set_index("id")
    # Scholarship is labelled by producer, whichever country it comes from (no "PRC" type).
    assert by_id.loc["R5", "producer_type"] == by_id.loc["R15", "producer_type"] == "academic"
    # Stance comes from what the work says: PRC-based work is not all "close" ...
    assert by_id.loc["R3", "stance"] == "analytic"
    # R17 and R18 argue for and against changing the policy of 2011-12: one reference point.
    assert by_id.loc["R17", "stance"] == by_id.loc["R18", "stance"]
    # A stance the reading list does not show is unknown, not inferred from the producer.
    assert by_id.loc["R38", "stance"] == "unknown"
    # One producer rule (the author's institution where recorded): one author, one label.
    assert by_id.loc["R24", "producer_type"] == by_id.loc["R25", "producer_type"]
    # The grade is the reading list's (R22: H, with M for the PDF address alone).
    assert by_id.loc["R22", "confidence"] == "H"
    # ... and a UN office, a European institute and state-owned outlets say who they are.
    assert by_id.loc["R22", "producer_type"] == "un_body"
    assert "OHCHR" in by_id.loc["R22", "producer"]
    assert by_id.loc["R38", "country"] == "Sweden"
    assert all("state-owned" in by_id.loc[i, "producer"] for i in ("S15", "S18", "S36", "R44"))


def test_a_work_of_unknown_producer_has_unknown_stance(sources):
    unknown = sources[sources["producer_type"] == "unknown"]
    assert set(unknown["stance"]) == {"unknown"}


def test_unverified_reading_is_graded_low_and_flagged(sources):
    # readings.md item 9 is cited from memory: it must never look verified.
    row = sources.set_index("id").loc["R9"]
    assert row["confidence"] == "L"
    assert "not verified" in row["note"]


# --- every table: sources and grades -------------------------------------------------

CITING_TABLES = ("slogans", "partners", "timeline")


def _source_ids(cell):
    return cell.split(";")


@pytest.mark.parametrize("name", CITING_TABLES)
def test_every_cited_source_is_listed_in_sources(name, sources):
    known = set(sources["id"])
    table = load(name)
    unknown = {sid for cell in table["source"] for sid in _source_ids(cell)} - known
    assert not unknown, f"{name}.csv cites ids missing from sources.csv: {sorted(unknown)}"


@pytest.mark.parametrize("name", CITING_TABLES)
def test_a_row_resting_only_on_low_grade_sources_is_graded_low(name, sources):
    grade = dict(zip(sources["id"], sources["confidence"]))
    table = load(name)
    wrong = []
    for _, row in table.iterrows():
        # geonames sources only the coordinates of a partner, not the facts of the row.
        ids = [sid for sid in _source_ids(row["source"]) if sid != "geonames"]
        if all(grade.get(sid) == "L" for sid in ids) and row["confidence"] != "L":
            wrong.append((row.iloc[0], row["source"], row["confidence"]))
    assert not wrong, f"{name}.csv rows citing only L sources but graded higher: {wrong}"


# --- slogans ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def slogans():
    return load("slogans")


def test_slogans_in_report_flag_matches_the_report(slogans, report_text):
    wrong = [(row.sid, row.zh, row.in_report) for row in slogans.itertuples()
             if contains(report_text, row.zh) != row.in_report]
    assert not wrong, f"in_report disagrees with the report (run build_reference.py): {wrong}"


def test_each_slogan_is_listed_once(slogans):
    repeated = slogans["zh"][slogans["zh"].duplicated()].tolist()
    assert not repeated, f"slogans listed twice: {repeated}"


def test_components_quoted_from_the_report_occur_in_it(slogans, report_text):
    # Where a slogan is in the report and its components are given in Chinese, they are the
    # report's own definition (四个不减, 三加强, 三个转向, ...): each must be a quote.
    wrong = []
    for row in slogans.dropna(subset=["components"]).itertuples():
        if not row.in_report:
            continue
        for part in row.components.split(" | "):
            if re.search(r"[\u4e00-\u9fff]", part) and not contains(report_text, part):
                wrong.append((row.sid, part))
    assert not wrong, f"components not found in the report: {wrong}"


# --- pinyin -------------------------------------------------------------------------

HAN = re.compile(r"[\u4e00-\u9fff]")
TONE_MARKED = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
# Where pypinyin's reading is wrong in context, the reading we use instead.
PINYIN_EXCEPTIONS = {
    ("尽锐出战", "尽"): "jìn",   # 尽锐 'all the best troops': jìn, not jǐn
    ("引客进藏", "藏"): "zàng",  # 藏 = Tibet: zàng, not cáng
    ("师傅带徒弟", "傅"): "fu",   # 师傅 shīfu: neutral tone
    ("圆梦屋脊", "脊"): "jǐ",    # 屋脊 wūjǐ: pypinyin gives the old reading jí
}
# Tone sandhi of 一 and 不 is not written consistently: either tone passes.
SANDHI = {"一", "不"}


def _letters(text):
    return "".join(ch for ch in unicodedata.normalize("NFC", text).lower() if ch.isalpha())


def _toneless(text):
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def pinyin_mismatches(zh, ours):
    """Syllables of ``ours`` that differ from pypinyin's reading of ``zh`` (empty if none)."""
    from pypinyin import Style, pinyin
    ours, at, pos, problems = _letters(ours), 0, 0, []
    for (item,) in pinyin(zh, style=Style.TONE):
        is_han = bool(HAN.fullmatch(zh[pos]))
        char = zh[pos] if is_han else None
        pos += 1 if is_han else len(item)
        expected = PINYIN_EXCEPTIONS.get((zh, char)) or _letters(item)
        if not expected:
            continue
        got = ours[at:at + len(expected)]
        at += len(expected)
        if got == expected:
            continue
        if char in SANDHI and _toneless(got) == _toneless(expected):
            continue
        problems.append((char or item, expected, got))
    if at != len(ours):
        problems.append(("(end)", "", ours[at:]))
    return problems


def test_pinyin_has_tone_marks(slogans):
    missing = [(row.sid, row.pinyin) for row in slogans.itertuples()
               if HAN.search(row.zh) and not TONE_MARKED & set(row.pinyin.lower())]
    assert not missing, f"pinyin without tone marks: {missing}"
    numbered = [(row.sid, row.pinyin) for row in slogans.itertuples()
                if re.search(r"[a-z][1-5]\b", row.pinyin)]
    assert not numbered, f"tone numbers instead of tone marks: {numbered}"


def test_pinyin_agrees_with_pypinyin(slogans):
    wrong = {row.sid: pinyin_mismatches(row.zh, row.pinyin) for row in slogans.itertuples()}
    wrong = {sid: problems for sid, problems in wrong.items() if problems}
    assert not wrong, f"pinyin differs from pypinyin (char, pypinyin, ours): {wrong}"


def test_pinyin_exceptions_are_all_in_use(slogans):
    listed = set(slogans["zh"])
    stale = [key for key in PINYIN_EXCEPTIONS if key[0] not in listed]
    assert not stale, f"exceptions for slogans no longer listed: {stale}"


# --- partners -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def partners():
    return load("partners")


def test_partners_in_report_flag_matches_the_report(partners, report_text):
    wrong = []
    for row in partners.itertuples():
        expected = not pd.isna(row.report_name) and contains(report_text, row.report_name)
        if expected != row.in_report:
            wrong.append((row.place_zh, row.report_name, row.in_report))
    assert not wrong, f"in_report disagrees with the report (run build_reference.py): {wrong}"


def test_every_partner_has_a_recorded_geonames_id(partners):
    # The build script looks coordinates up by these ids; a new place needs one.
    import importlib.util

    from counterpart.paths import ROOT
    path = ROOT / "scripts" / "build_reference.py"
    spec = importlib.util.spec_from_file_location("build_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    missing = set(partners["place_zh"]) - set(module.GEONAMES_ID)
    assert not missing, f"no GeoNames id recorded in build_reference.py for {missing}"


def test_partners_lie_inside_a_box_around_china(partners):
    outside = partners[~(partners["lat"].between(18, 54) & partners["lon"].between(73, 135))]
    assert outside.empty, f"coordinates outside 18-54 N, 73-135 E:\n{outside}"


def test_partner_periods_are_sane(partners):
    for row in partners.itertuples():
        if not pd.isna(row.since):
            assert 1949 <= row.since <= 2022, row.place_zh
            if not pd.isna(row.until):
                assert row.since <= row.until <= 2022, row.place_zh
        else:
            # Only a place the report merely names may lack a start year.
            assert row.relation.startswith("named"), row.place_zh


# --- timeline -----------------------------------------------------------------------

def _date_key(text):
    from datetime import date
    parts = [int(p) for p in text.split("-")]
    date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))  # raises if not a real date
    return tuple(parts + [0] * (3 - len(parts)))


def test_timeline_dates_are_real_and_in_order():
    dates = list(load("timeline")["date"])
    keys = [_date_key(d) for d in dates]
    assert keys == sorted(keys), "timeline.csv is not in date order (run build_reference.py)"

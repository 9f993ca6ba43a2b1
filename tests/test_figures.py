"""data/figures.csv: every figure of the report, each traced to its row and read by the parser.

The extractor check works in both directions: every figure-like span find_figures sees in the
report is either a figures.csv row or on EXCLUSIONS below (with the reason), and every
figures.csv row is a span the extractor finds. Nothing is dropped or invented silently.
"""
import math

import pandas as pd
import pytest

from counterpart.data import load
from counterpart.numbers import find_figures, parse_amount
from counterpart.text import contains, normalise

FIGURES = load("figures")
REPORT = load("report")
ZH = {pid: normalise(zh) for pid, zh in zip(REPORT["pid"], REPORT["zh"])}
ORDER = {pid: order for pid, order in zip(REPORT["pid"], REPORT["order"])}
ROWS = FIGURES.to_dict("records")

# Figure-like spans that are not quantities the report states: (pid, context, why).
# A span is excluded when it lies inside an occurrence of `context` in that row.
EXCLUSIONS = [
    # Dates and times
    ("0.2", "2023/3/17 13:27:18", "the web page's timestamp"),
    ("0.3", "2022年10月27日", "date of the meeting"),
    ("1.1.0", "2021年起", "year the focus shifted"),
    ("1.2.0", "2020年底", "end of 2020"),
    ("1.2.0", "2017年以来", "since 2017"),
    ("1.2.0", "2021年全国消费帮扶助力乡村振兴", "year of the typical-case lists (twice)"),
    ("1.2.0", "2021年2月", "date of the national commendation conference"),
    ("1.2.0", "5月20日", "date of the Shanghai commendation conference"),
    ("1.3.5", "2021年8月", "date of Xi Jinping's reply"),
    # Ordinals: sessions, congresses, five-year plans, 'third party'
    ("0.3", "第十五届", "15th Municipal People's Congress"),
    ("0.3", "第四十五次", "45th meeting of its Standing Committee"),
    ("0.7", "十九大", "19th Party Congress"),
    ("1.5.2", "十三五", "13th Five-Year Plan"),
    ("1.5.2", "十四五", "14th Five-Year Plan"),
    ("1.5.3", "第三方", "third party (管理 by a third party)"),
    # Numbered slogans and formulas: names, not counts of anything done
    ("1.1.0", "四个意识", "Four Consciousnesses"),
    ("1.1.0", "四个自信", "Four Confidences"),
    ("1.1.0", "两个维护", "Two Upholds"),
    ("2.1", "四个不减", "Four No Reductions"),
    ("2.1.0", "四个不摘", "Four No Removals"),
    ("2.2", "三个转向", "Three Shifts"),
    ("2.2.0", "三个转向", "Three Shifts"),
    ("2.2.3", "五个认同", "Five Identifications"),
    # Numbers inside names of programmes, documents, cases and art forms
    ("1.1.0", "三年行动计划", "title of a three-year action plan"),
    ("1.5.2", "专项三年行动计划", "a kind of plan (three-year), not a quantity"),
    ("1.2.0", "上海织密121消费协作地图", "name of the '121' consumption map"),
    ("1.2.0", "十年深耕南疆", "title of a typical case ('ten years ...')"),
    ("1.3.1", "双一百", "name of the 'double hundred' village-enterprise pairing drive"),
    ("1.3.1", "“1+16+N”", "name of Yunnan's industrial-park scheme"),
    ("1.4.2", "十二木卡姆", "the Twelve Muqam, a Uyghur musical suite"),
]


def _occurrences(text, part):
    """(start, end) of every occurrence of ``part`` in ``text``."""
    found, start = [], text.find(part)
    while start != -1:
        found.append((start, start + len(part)))
        start = text.find(part, start + 1)
    return found


def _inside(span, ranges):
    return any(lo <= span[0] and span[1] <= hi for lo, hi in ranges)


def test_fids_run_in_document_order():
    assert list(FIGURES["fid"]) == [f"F{i:02d}" for i in range(1, len(FIGURES) + 1)]
    places = [(ORDER[row["pid"]], ZH[row["pid"]].find(normalise(row["zh_quote"])))
              for row in ROWS]
    assert places == sorted(places), "rows are not in the order the report gives them"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["fid"])
def test_quote_is_in_its_row(row):
    assert row["pid"] in ZH, f"{row['fid']}: no report row {row['pid']}"
    assert contains(ZH[row["pid"]], row["zh_quote"]), f"{row['fid']}: quote not in the row"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["fid"])
def test_parser_reproduces_the_row(row):
    amount = parse_amount(row["zh_quote"])
    value = None if pd.isna(row["value"]) else float(row["value"])
    assert (amount.qualifier, amount.unit, bool(amount.per_time)) == (
        row["qualifier"], row["unit"], bool(row["per_time"]))
    if value is None:
        assert amount.value is None
    else:
        assert amount.value is not None and math.isclose(amount.value, value)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["fid"])
def test_judgements_are_explained(row):
    if row["translation_issue"] != "none":
        assert row["note"], f"{row['fid']}: say why the translation is '{row['translation_issue']}'"
    if "累计" in row["zh_quote"]:
        assert row["cumulative"], f"{row['fid']}: the quote says 累计 (cumulative)"
    if row["qualifier"] == "unstated":
        assert pd.isna(row["value"]), f"{row['fid']}: no number is given, leave value empty"


@pytest.mark.parametrize("pid", list(ZH), ids=str)
def test_every_figure_the_extractor_finds_is_accounted_for(pid):
    covered = [r for row in ROWS if row["pid"] == pid
               for r in _occurrences(ZH[pid], normalise(row["zh_quote"]))]
    excluded = [r for p, context, _ in EXCLUSIONS if p == pid
                for r in _occurrences(ZH[pid], normalise(context))]
    missing = [span for start, end, span in find_figures(ZH[pid])
               if not _inside((start, end), covered + excluded)]
    assert not missing, f"pid {pid}: figures neither in figures.csv nor excluded: {missing}"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["fid"])
def test_every_row_is_a_figure_the_extractor_finds(row):
    text = ZH[row["pid"]]
    quoted = _occurrences(text, normalise(row["zh_quote"]))
    spans = [(start, end) for start, end, _ in find_figures(text)]
    assert any(_inside(span, quoted) for span in spans), (
        f"{row['fid']}: find_figures sees no figure inside {row['zh_quote']!r}")


@pytest.mark.parametrize("exclusion", EXCLUSIONS, ids=lambda e: f"{e[0]}:{e[1]}")
def test_exclusions_are_not_stale(exclusion):
    pid, context, _ = exclusion
    assert contains(ZH[pid], context), f"{context!r} is no longer in pid {pid}"
    spans = [(start, end) for start, end, _ in find_figures(ZH[pid])]
    assert any(_inside(span, _occurrences(ZH[pid], normalise(context))) for span in spans), (
        f"{context!r} in pid {pid} holds no span the extractor finds: drop it from EXCLUSIONS")
    quoted = [r for row in ROWS if row["pid"] == pid
              for r in _occurrences(ZH[pid], normalise(row["zh_quote"]))]
    assert not any(_inside(span, quoted) for span in spans
                   if _inside(span, _occurrences(ZH[pid], normalise(context)))), (
        f"{context!r} is both a figure and an exclusion")

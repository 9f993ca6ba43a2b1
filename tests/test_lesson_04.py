"""Checks behind lesson 04 (the numbers): data/context.csv, and the claims the lesson makes
about data/figures.csv.

context.csv holds national figures typed from the reference (background-facts A3). Typed
numbers can be mistyped, so the shares the reference computed from them are recomputed here.
"""
import csv

import pytest

from counterpart.data import TABLES, load
from counterpart.paths import DATA

# (The schema's pattern for `source` admits only S and R ids: the report is never context.)

# The keys lesson 04 reads; a renamed or dropped row would break the notebook.
LESSON_KEYS = {
    "national_poverty_counties", "rural_poor_exited_2013_2020",
    "poor_villages_exited_2013_2020", "poverty_line_2010_prices", "yunnan_poverty_counties",
    "shanghai_consumption_aid_2021", "shanghai_consumption_aid_2021_from_yunnan",
}

# Verbs that say whose money a yuan figure is: none of them is the government spending its
# own budget (lesson 04, "Whose money?").
NOT_OWN_SPENDING = ("引导", "销售", "捐赠", "募集", "撬动")


@pytest.fixture(scope="module")
def context():
    return load("context").set_index("key")


@pytest.fixture(scope="module")
def figures():
    return load("figures")


def test_context_file_is_plain_csv_with_the_schema_header():
    raw = (DATA / "context.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert b"\r" not in raw, "Unix line endings only"
    header = next(csv.reader(raw.decode("utf-8").splitlines()))
    assert header == [c.name for c in TABLES["context"].columns]


def test_context_holds_every_figure_the_lesson_uses(context):
    assert set(context.index) == LESSON_KEYS


def test_every_context_source_id_is_in_sources_csv(context):
    known = set(load("sources")["id"])
    for key, ids in context["source"].items():
        missing = set(ids.split(";")) - known
        assert not missing, f"{key}: source ids not in data/sources.csv: {missing}"


def test_shares_match_the_reference_calculation(context, figures):
    # background-facts A3: 98/832 ≈ 11.8%; 9.09 m / 98.99 m ≈ 9.2% (if 909万 counts people).
    quoted = figures.set_index("zh_quote")["value"]
    counties = quoted["98个国家贫困县全部如期摘帽"]
    registered = quoted["超过909万建档立卡贫困户脱贫出列"]
    assert round(100 * counties / context.loc["national_poverty_counties", "value"], 1) == 11.8
    assert round(100 * registered / context.loc["rural_poor_exited_2013_2020", "value"], 1) \
        == 9.2


def test_yunnan_part_is_smaller_than_the_2021_total(context):
    total = context.loc["shanghai_consumption_aid_2021", "value"]
    assert context.loc["shanghai_consumption_aid_2021_from_yunnan", "value"] < total


def test_no_yuan_figure_is_shanghais_own_spending(figures):
    # The lesson shows this with code; if a budget figure is ever added, its text must change.
    for _, row in figures[figures["unit"] == "yuan"].iterrows():
        assert any(verb in row["zh_quote"] for verb in NOT_OWN_SPENDING), (
            f"{row['fid']} ({row['zh_quote']}): lesson 04 says no yuan figure is the "
            "government's own spending; revise the lesson if this one is")

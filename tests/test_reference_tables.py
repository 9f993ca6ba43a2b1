"""Checks on the reference tables: sources, slogans, partners and timeline.

Every table is read through counterpart.data.load, so its schema is checked on the way in.
Derived columns (in_report) are recomputed here from the report and compared with the file.
"""
import re

import pytest

from counterpart.data import load
from counterpart.text import contains

STANDPOINTS = {
    "official PRC", "official Shanghai", "UN", "scholarly (PRC)", "scholarly", "think-tank",
    "advocacy", "journalistic", "state media", "translation", "primary source",
    "reference (gazetteer)", "web page (unknown standpoint)",
}


@pytest.fixture(scope="module")
def sources():
    return load("sources")


@pytest.fixture(scope="module")
def report_text():
    return "\n".join(load("report")["zh"])


def test_sources_hold_every_id_the_course_may_cite(sources):
    expected = ({"report", "geonames"} | {f"S{n}" for n in range(1, 55)}
                | {f"R{n}" for n in range(1, 46)})
    assert set(sources["id"]) == expected


def test_sources_standpoints_come_from_the_agreed_list(sources):
    unknown = set(sources["standpoint"]) - STANDPOINTS
    assert not unknown, f"standpoints not in the agreed list: {unknown}"


def test_unverified_reading_is_graded_low_and_flagged(sources):
    # readings.md item 9 is cited from memory: it must never look verified.
    row = sources.set_index("id").loc["R9"]
    assert row["confidence"] == "L"
    assert "not verified" in row["note"]

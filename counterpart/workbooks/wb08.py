"""Checks for workbook 08, The patterns of official prose: ``from counterpart.workbooks import wb08 as check``.

Expected answers that are data are computed here from data/ each time, so they follow any
correction of the tables. No message ever contains an expected answer.
"""
from .. import checks
from ..data import load

LESSON = "lesson 08 (notebooks/08_patterns_of_official_prose.ipynb)"


# --- Task 1 · Counting the report's rows ---------------------------------------------------

def row_count() -> int:
    """The number of rows of data/report.csv."""
    return len(load("report"))


@checks.never_raises
def task_1(answer):
    return checks.number(answer, row_count(),
                         f"See {LESSON}, section '1. A first look'. len() of a table counts its "
                         "rows.", what="a whole number, e.g. 12")

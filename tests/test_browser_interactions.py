"""The browser test's list (tests/browser_interactions.py) covers every notebook of the
manifest that shows a course widget: a new widget without an interaction fails here."""
import json

import pytest

from browser_interactions import LESSONS, NOTEBOOKS, WORKBOOKS
from counterpart import manifest
from counterpart.paths import ROOT

STATIC_MARK = "course-widget-static"   # what a course widget leaves in its stored output


def shows_a_widget(path):
    """Whether the notebook's stored outputs hold a course widget's static form."""
    nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
    return any(STATIC_MARK in "".join(output.get("data", {}).get("text/html", []))
               for cell in nb["cells"] for output in cell.get("outputs", []))


PATHS = [p for lesson in manifest.lessons()
         for p in (lesson.lesson, lesson.workbook if lesson.has_workbook else None) if p]


@pytest.mark.parametrize("path", PATHS)
def test_every_notebook_with_a_widget_has_interactions(path):
    if shows_a_widget(path):
        assert NOTEBOOKS.get(path, {}).get("interactions"), (
            f"{path} shows a widget but tests/browser_interactions.py has no interaction "
            "for it: add one to LESSONS (or WORKBOOKS)")


def test_every_entry_is_a_notebook_of_the_manifest():
    numbers = {lesson.number for lesson in manifest.lessons()}
    assert set(LESSONS) <= numbers and set(WORKBOOKS) <= numbers
    assert all((ROOT / path).is_file() for path in NOTEBOOKS)


def test_the_check_finds_widgets():
    """The marker is there to find: the lessons known to show widgets are found."""
    assert shows_a_widget("notebooks/04_the_numbers.ipynb")
    assert shows_a_widget(manifest.lesson("04").workbook)

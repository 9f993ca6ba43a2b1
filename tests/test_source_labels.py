"""Every further-reading list shows each source's labels from data/sources.csv: its producer
type and its stance towards the official account (the same labels for every side)."""
import json
import re

import pytest

from counterpart import manifest
from counterpart.data import load
from counterpart.paths import ROOT

SOURCES = load("sources").set_index("id")


def further_reading_items(notebook):
    """The bullet items under a notebook's '## Further reading' heading (which may be marked
    '(Optional)', outside the lesson's core path)."""
    cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    heading = re.search(r"^## (?:\(Optional\) )?Further reading$", text, re.M)
    if heading is None:
        return []
    section = text[heading.end():].split("\n## ", 1)[0]
    return [item for item in re.split(r"\n(?=- )", section) if item.startswith("- ")]


def missing_labels(item):
    """(id, label) pairs whose label the item does not show."""
    words = " ".join(item.lower().split())
    missing = []
    for sid in dict.fromkeys(re.findall(r"\b([RS]\d{1,2})\b", item)):
        row = SOURCES.loc[sid]
        for label in (row["producer_type"].replace("_", " "), row["stance"]):
            if label not in words:
                missing.append((sid, label))
    return missing


LESSONS = [lesson.lesson for lesson in manifest.lessons()]


@pytest.mark.parametrize("notebook", LESSONS)
def test_further_reading_shows_producer_type_and_stance(notebook):
    problems = [(item.split("\n")[0][:60], missing)
                for item in further_reading_items(notebook)
                if (missing := missing_labels(item))]
    assert problems == []


def test_the_label_check_notices_a_missing_stance():
    assert missing_labels("- R22, OHCHR assessment (2022), UN body.") == [("R22", "critical")]
    assert missing_labels("- R22, OHCHR assessment (2022), UN body; critical.") == []


@pytest.mark.parametrize("notebook", LESSONS[1:])
def test_every_lesson_has_a_further_reading_list(notebook):
    # guards the check above: a renamed heading must not make it pass on an empty list
    assert further_reading_items(notebook)

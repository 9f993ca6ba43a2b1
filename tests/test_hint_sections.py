"""Workbook hints send students to a lesson's section by its heading: every heading a hint
cites must exist in that lesson (headings change when a section is marked optional)."""
import json
import re

import pytest

from counterpart import manifest
from counterpart.paths import ROOT

HEADING = re.compile(r"^#{1,6}\s+(.*)$", re.M)
CITED = re.compile(r"""_see\(\s*["']([^"']+)["']\s*\)""")


def headings(notebook):
    cells = json.loads((ROOT / notebook).read_text(encoding="utf-8"))["cells"]
    return [h for c in cells if c["cell_type"] == "markdown"
            for h in HEADING.findall("".join(c["source"]))]


def module_file(lesson):
    return ROOT / (lesson.check_module.replace(".", "/") + ".py")


def cited_sections(lesson):
    path = module_file(lesson)
    return CITED.findall(path.read_text(encoding="utf-8")) if path.exists() else []


LESSONS = [lesson for lesson in manifest.lessons() if cited_sections(lesson)]


def test_hints_cite_sections_by_heading():
    assert len(LESSONS) >= 4      # the check below must have something to check


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_every_cited_section_exists(lesson):
    found = headings(lesson.lesson)
    missing = [s for s in cited_sections(lesson)
               if not any(s in heading for heading in found)]
    assert missing == []

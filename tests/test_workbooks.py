"""The exercise system: student workbooks are generated from the answer keys, are up to date,
leak no answer, and their stored outputs show "not answered yet" where the keys show "correct".
"""
import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

from counterpart import manifest
from counterpart.paths import EXERCISES, ROOT  # noqa: F401

_spec = importlib.util.spec_from_file_location(
    "make_student_versions", ROOT / "scripts" / "make_student_versions.py")
generator = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generator)

# (answer key, student workbook) for every lesson with a workbook, from the manifest.
PAIRS = generator.pairs()
NAMES = [key.name for key, _ in PAIRS]
WORKBOOK = {key.name: workbook for key, workbook in PAIRS}
DRAFT = {Path(lesson.key).name: lesson.draft for lesson in manifest.lessons()}


def read(path):
    return json.loads(path.read_text(encoding="utf-8"))


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def outputs_text(cell):
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts.append("".join(output.get("data", {}).get("text/plain", "")))
    return "".join("".join(p) if isinstance(p, list) else p for p in parts)


editable = generator.editable


def solution_blocks(nb):
    blocks = []
    for cell in nb["cells"]:
        text = generator.source(cell)
        if "solution-only" in tags(cell):
            blocks.append(text)
        blocks += generator.CODE_BLOCK.findall(text) + generator.MD_BLOCK.findall(text)
    return blocks


def test_there_are_workbooks_for_the_core_lessons():
    assert {workbook.name[2:4] for workbook in WORKBOOK.values()} >= {"01", "02", "03", "04"}


@pytest.mark.parametrize("name", NAMES)
def test_student_version_is_up_to_date(name):
    solution = read(EXERCISES / "solutions" / name)
    committed = WORKBOOK[name]
    assert committed.is_file(), f"run `python scripts/make_student_versions.py` ({name})"
    key = f"exercises/solutions/{name}"
    assert editable(generator.student_version(solution, key)) == editable(read(committed)), (
        f"{committed.name} is out of date with its answer key: run "
        "`python scripts/make_student_versions.py`")


@pytest.mark.parametrize("name", NAMES)
def test_student_version_contains_no_solution_text(name):
    solution, student = read(EXERCISES / "solutions" / name), read(WORKBOOK[name])
    # Cell sources and outputs as text (not the JSON, whose escaped quotes would hide a leak).
    student_text = "\n".join(generator.source(c) + "\n" + outputs_text(c)
                             for c in student["cells"])
    assert "BEGIN SOLUTION" not in student_text and "END SOLUTION" not in student_text
    for block in solution_blocks(solution):
        for line in block.splitlines():
            # The whole line, and its code without a trailing comment.
            for part in {line.strip(), line.split("  #")[0].strip()}:
                if len(part) > 8 and "SOLUTION" not in part:
                    assert part not in student_text, f"{name}: answer text leaked: {part[:60]}"


@pytest.mark.parametrize("name", NAMES)
def test_every_workbook_has_at_least_six_tasks_each_with_feedback_or_a_model_answer(name):
    solution = read(EXERCISES / "solutions" / name)
    tasks = [c for c in solution["cells"] if c["cell_type"] == "markdown"
             and re.match(r"#+ Task \d+", generator.source(c))]
    draft = DRAFT[name]      # a lesson just made by new-lesson holds its placeholder tasks
    assert len(tasks) >= (2 if draft else 6)
    checks = [c for c in solution["cells"] if "check" in tags(c)]
    models = [c for c in solution["cells"] if "solution-only" in tags(c)
              or generator.MD_BLOCK.search(generator.source(c))]
    assert checks and models, "a workbook mixes checked tasks and open questions"


@pytest.mark.parametrize("name", NAMES)
def test_answer_key_passes_every_check_and_student_version_awaits_answers(name):
    solution, student = read(EXERCISES / "solutions" / name), read(WORKBOOK[name])
    for cell in solution["cells"]:
        if "check" in tags(cell):
            assert outputs_text(cell).startswith("✔"), (name, generator.source(cell))
    for cell in student["cells"]:
        if "check" in tags(cell):
            assert outputs_text(cell).startswith("… Not answered yet"), (
                name, generator.source(cell))


def test_generation_drops_solutions_and_keeps_placeholders():
    solution = {"metadata": {}, "nbformat": 4, "nbformat_minor": 5, "cells": [
        {"cell_type": "code", "metadata": {}, "execution_count": 3, "outputs": [{"x": 1}],
         "source": "answer = ...\n### BEGIN SOLUTION\nanswer = 98\n### END SOLUTION\n"},
        {"cell_type": "markdown", "metadata": {},
         "source": "Q?\n<!-- BEGIN SOLUTION -->Model answer<!-- END SOLUTION -->"},
        {"cell_type": "markdown", "metadata": {"tags": ["solution-only"]}, "source": "Notes"},
    ]}
    student = generator.student_version(solution, "99_x.ipynb")
    assert [generator.source(c) for c in student["cells"]] == [
        "answer = ...", "Q?\n" + generator.MD_PROMPT]
    assert student["cells"][0]["outputs"] == [] and student["cells"][0]["execution_count"] is None


def test_links_from_the_keys_folder_are_rewritten_for_the_workbooks():
    solution = {"metadata": {}, "nbformat": 4, "nbformat_minor": 5, "cells": [
        {"cell_type": "markdown", "metadata": {},
         "source": "See [04](../../notebooks/04_x.ipynb) and [data](../../data/README.md)."},
        {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
         "source": "path = '../../data'"},
    ]}
    student = generator.student_version(solution, "exercises/solutions/key04_x.ipynb")
    assert [generator.source(c) for c in student["cells"]] == [
        "See [04](../notebooks/04_x.ipynb) and [data](../data/README.md).", "path = '../../data'"]


def test_an_edited_student_workbook_is_not_overwritten(tmp_path, monkeypatch):
    if not PAIRS:
        pytest.fail("no workbooks yet")
    key, workbook = PAIRS[0]
    name = workbook.name
    monkeypatch.setattr(generator, "pairs", lambda: [(key, tmp_path / name)])
    shutil.copy(workbook, tmp_path / name)
    assert not generator.was_edited(tmp_path / name)
    nb = read(tmp_path / name)
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    code["source"] = generator.source(code) + "\n# my own work"
    (tmp_path / name).write_text(json.dumps(nb), encoding="utf-8")
    assert generator.was_edited(tmp_path / name)
    before = (tmp_path / name).read_bytes()
    assert generator.main([str(key), "--no-execute"]) == 1
    assert (tmp_path / name).read_bytes() == before

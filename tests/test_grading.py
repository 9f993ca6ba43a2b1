"""`course.py grade`: a class folder of keys, blank workbooks, partial answers, forgeries and
hostile submissions graded in one run with small time limits; every case gets its own row
and none changes the originals, another submission or the grade of another."""
import csv
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from counterpart import manifest
from counterpart.coursework import grading, sandbox
from counterpart.paths import ROOT

LIMITS = sandbox.Limits(cell_seconds=10, submission_seconds=45, memory_mb=1536, output_mb=5)
LESSONS = [lesson for lesson in manifest.lessons() if lesson.has_workbook]
SLEEP_MARK = "1234.5"     # a child process's unusual argument, to find it afterwards
ISOLATED = sandbox.isolation_works()


def _nb(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _cell(nb, cell_id):
    return next(c for c in nb["cells"] if c.get("id") == cell_id)


def _src(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


WB02 = next(lesson for lesson in LESSONS if lesson.number == "02")


def _wb02(**answers):
    """The student version of workbook 02 with some answer cells replaced: answer_1=... gives
    cell answer-1 that source; key=N copies the key's own cell for answer N."""
    nb, key = _nb(ROOT / WB02.workbook), _nb(ROOT / WB02.key)
    for name, source in answers.items():
        cell_id = name.replace("_", "-")
        _cell(nb, cell_id)["source"] = _src(_cell(key, cell_id)) if source == "key" else source
    return nb


def _write(path, nb):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(nb, ensure_ascii=False) if isinstance(nb, dict) else nb,
                    encoding="utf-8")


def _checksums(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _read(out):
    with (out / "gradebook.csv").open(encoding="utf-8") as f:
        return {row["submission"]: row for row in csv.DictReader(f)}


def _tasks(row, n=None):
    """The first n task columns of a row (all the workbook's tasks when n is None)."""
    found = [value for name, value in row.items() if name.startswith("task_") and value]
    return found if n is None else [row[f"task_{i}"] for i in range(1, n + 1)]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """One run over a class folder holding every case: (gradebook rows, out folder, class)."""
    tmp = tmp_path_factory.mktemp("grade")
    klass = tmp / "class"
    (klass / "keys").mkdir(parents=True)
    (klass / "blank").mkdir()
    for lesson in LESSONS:
        shutil.copy(ROOT / lesson.key, klass / "keys")
        shutil.copy(ROOT / lesson.workbook, klass / "blank")
    _write(klass / "partial" / "wb02.ipynb", _wb02(answer_1="key", answer_2="key"))
    forged = _wb02(answer_1='answer_1 = "a"', answer_2='answer_2 = "报告"')
    for cell in forged["cells"]:          # stored outputs claiming every check passed
        if "check" in cell["metadata"].get("tags", []):
            cell["outputs"] = [{"output_type": "execute_result", "execution_count": 1,
                                "metadata": {}, "data": {"text/plain": "✔ Correct."}}]
    _write(klass / "forged.ipynb", forged)
    _write(klass / "patched.ipynb", _wb02(answer_1=(
        'answer_1 = "a"\n'
        'import counterpart.checks as c\n'
        'c.choice = lambda *a, **k: c.correct()\n'
        'check.task_1 = lambda answer: c.correct()\n'
        'check.task_2 = check.task_1\n'), answer_2='answer_2 = "报告"'))
    _write(klass / "loop.ipynb", _wb02(answer_1="key", answer_3="while True:\n    pass"))
    _write(klass / "exits.ipynb", _wb02(answer_1="key",
                                        answer_2="import sys\nsys.exit(3)\nanswer_2 = '审议'"))
    _write(klass / "killed.ipynb", _wb02(answer_1="key",
                                         answer_2="import os, signal\n"
                                                  "os.kill(os.getpid(), signal.SIGKILL)"))
    _write(klass / "memory.ipynb", _wb02(answer_1="key",
                                         answer_2="big = bytearray(2 * 1024 ** 3)"))
    _write(klass / "child.ipynb", _wb02(answer_1=(
        "import subprocess\n"
        f"subprocess.Popen(['sleep', '{SLEEP_MARK}'])\n"
        "answer_1 = 'b'")))
    _write(klass / "spam.ipynb", _wb02(answer_1="key", answer_2="print('x' * 10_000_000)"))
    if ISOLATED:   # never run these without isolation: they would really do it
        _write(klass / "vandal.ipynb", _wb02(answer_1=(
            "import shutil\n"
            f"shutil.rmtree({str(klass)!r}, ignore_errors=True)\n"
            f"shutil.rmtree({str(ROOT / 'data')!r}, ignore_errors=True)\n"
            "answer_1 = 'b'")))
        _write(klass / "snoop.ipynb", _wb02(
            answer_1=f"answer_1 = open({str(ROOT / WB02.key)!r}).read()[:30]",
            answer_2=f"import os\nanswer_2 = ' '.join(os.listdir({str(klass)!r}))"))
    _write(klass / "notjson.ipynb", "{this is not json")
    _write(klass / "empty.ipynb", "")
    _write(klass / "other_course.ipynb", {
        "cells": [{"cell_type": "markdown", "id": "a1", "metadata": {}, "source": "# Homework 3"},
                  {"cell_type": "code", "id": "b2", "metadata": {}, "outputs": [],
                   "execution_count": None, "source": "x = 1"}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    for when, answer in (("2030-01-01T10:00:00", '"a"'), ("2030-01-02T10:00:00", '"b"')):
        nb = _wb02(answer_1=f"answer_1 = {answer}")
        nb["metadata"]["counterpart"]["handin"] = {"student": "Carol Chen", "time": when}
        _write(klass / "carol" / f"hand-in-{when[:10]}.ipynb", nb)
    before = _checksums(klass)
    out = tmp / "out"
    grading.grade(klass, out, LIMITS, say=lambda message: None)
    return _read(out), out, klass, before


def test_originals_are_unchanged(graded):
    _, _, klass, before = graded
    assert _checksums(klass) == before


def test_keys_get_full_marks_and_blank_workbooks_none(graded):
    rows = graded[0]
    for lesson in LESSONS:
        key = rows[f"keys/{Path(lesson.key).name}"]
        assert key["workbook"] == lesson.number and key["status"] == "graded", key
        assert key["score"] == key["out_of"] and int(key["out_of"]) > 0, key
        blank = rows[f"blank/{Path(lesson.workbook).name}"]
        assert blank["status"] == "graded" and blank["score"] == "0", blank
        assert _tasks(blank) == ["unanswered"] * int(blank["out_of"])
        assert _tasks(key) == ["correct"] * int(key["out_of"])


def test_partial_forged_and_patched(graded):
    rows = graded[0]
    assert _tasks(rows["partial/wb02.ipynb"], 3) == ["correct", "correct", "unanswered"]
    assert rows["partial/wb02.ipynb"]["student"] == "partial"       # from the folder
    assert rows["partial/wb02.ipynb"]["score"] == "2"
    for name in ("forged.ipynb", "patched.ipynb"):
        assert _tasks(rows[name], 3) == ["wrong", "wrong", "unanswered"], name
        assert rows[name]["score"] == "0"


def test_hostile_kernels_get_their_own_status(graded):
    rows = graded[0]
    assert rows["loop.ipynb"]["status"] == "timeout"
    assert _tasks(rows["loop.ipynb"], 3) == ["correct", "unanswered", "error"]
    assert rows["exits.ipynb"]["status"] == "graded"
    assert "SystemExit" in rows["exits.ipynb"]["note"]
    assert _tasks(rows["exits.ipynb"], 2) == ["correct", "error"]
    assert rows["killed.ipynb"]["status"] == "crashed"
    assert _tasks(rows["killed.ipynb"], 3) == ["correct", "error", "error"]
    assert "MemoryError" in rows["memory.ipynb"]["note"]
    assert _tasks(rows["memory.ipynb"], 2) == ["correct", "error"]
    assert rows["child.ipynb"]["task_1"] == "correct"
    assert rows["spam.ipynb"]["status"] == "graded" and rows["spam.ipynb"]["task_1"] == "correct"


def test_child_processes_die_with_the_submission(graded):
    left = []
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            if SLEEP_MARK in (proc / "cmdline").read_bytes().decode(errors="replace"):
                left.append(proc.name)
        except OSError:
            pass
    assert not left


@pytest.mark.skipif(not ISOLATED, reason="needs Linux as root (namespaces); CI has it")
def test_isolated_submission_cannot_delete_or_read(graded):
    rows, out, klass, before = graded
    assert rows["vandal.ipynb"]["task_1"] == "correct"
    assert (ROOT / "data" / "report.csv").is_file()
    assert rows["snoop.ipynb"]["task_1"] == "error"          # the key is not there to read
    page = next((out / "feedback").glob("snoop-*.html")).read_text(encoding="utf-8")
    assert "keys" not in page and "carol" not in page         # the class folder looked empty


def test_broken_files_and_double_hand_ins(graded):
    rows = graded[0]
    assert rows["notjson.ipynb"]["status"] == "not a notebook"
    assert rows["empty.ipynb"]["status"] == "empty"
    assert rows["other_course.ipynb"]["status"] == "not a workbook"
    first, second = "carol/hand-in-2030-01-01.ipynb", "carol/hand-in-2030-01-02.ipynb"
    assert rows[first]["status"] == "superseded" and rows[first]["score"] == ""
    assert rows[second]["status"] == "graded" and rows[second]["student"] == "Carol Chen"
    assert rows[second]["task_1"] == "correct"


def test_feedback_pages_and_open_answer_sheet(graded):
    rows, out, _, _ = graded
    pages = list((out / "feedback").glob("*.html"))
    assert len(pages) == len(rows)
    page = next((out / "feedback").glob("forged-*.html")).read_text(encoding="utf-8")
    assert "✘ Not yet" in page and "http" not in page
    with (out / "open_answers.csv").open(encoding="utf-8") as f:
        sheet = list(csv.DictReader(f))
    key02 = [r for r in sheet if r["submission"] == f"keys/{Path(WB02.key).name}"]
    assert key02 and "Model answer" in key02[0]["answer"]
    blank = [r for r in sheet if r["submission"] == f"blank/{Path(WB02.workbook).name}"]
    assert blank and blank[0]["answer"] == ""


def test_grading_again_and_from_a_zip_gives_the_same_rows(tmp_path):
    klass = tmp_path / "class"
    _write(klass / "dan" / "wb02.ipynb", _wb02(answer_1="key"))
    _write(klass / "eve.ipynb", "")
    grading.grade(klass, tmp_path / "one", LIMITS, say=lambda m: None)
    grading.grade(klass, tmp_path / "one", LIMITS, say=lambda m: None)
    archive = tmp_path / "bulk.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for path in klass.rglob("*.ipynb"):
            z.write(path, path.relative_to(klass).as_posix())
        z.writestr("../escape.ipynb", "{}")
    grading.grade(archive, tmp_path / "two", LIMITS, say=lambda m: None)
    one = (tmp_path / "one" / "gradebook.csv").read_text(encoding="utf-8")
    assert one == (tmp_path / "two" / "gradebook.csv").read_text(encoding="utf-8")
    assert "dan/wb02.ipynb,dan,02,graded,1," in one
    assert not (tmp_path / "escape.ipynb").exists()

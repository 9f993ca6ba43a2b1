"""The student's journey across a course update: `lab`'s first-use copies, edits in my-work/,
a new commit upstream, `update` -> the edits are intact and the new material is there; a
class pinned to a release follows its tag; a copy with local changes or without git refuses
and changes nothing."""
import json
import shutil
import subprocess
import sys

import pytest

from counterpart.paths import ROOT

PARTS = ("course.py", "course.toml", "counterpart/manifest.py",
         "counterpart/coursework/update.py", "notebooks", "exercises", ".gitignore")


def git(where, *args):
    return subprocess.run(["git", "-C", str(where), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def course(where, *args):
    return subprocess.run([sys.executable, "course.py", *args], cwd=where,
                          capture_output=True, text=True)


def commit(where, message, tag=None):
    git(where, "add", "-A")
    git(where, "-c", "user.name=Course", "-c", "user.email=course@example.org",
        "commit", "-qm", message)
    if tag:
        git(where, "tag", tag)


def edit_cell(path, cell_id, text):
    nb = json.loads(path.read_text(encoding="utf-8"))
    next(c for c in nb["cells"] if c.get("id") == cell_id)["source"] = text
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


@pytest.fixture
def upstream_and_student(tmp_path):
    upstream = tmp_path / "upstream"
    for part in PARTS:
        source, target = ROOT / part, upstream / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns(
                ".ipynb_checkpoints", "__pycache__"))
        else:
            shutil.copy(source, target)
    git(tmp_path, "init", "-q", "-b", "main", str(upstream))
    commit(upstream, "the course", tag="v1")
    student = tmp_path / "student"
    git(tmp_path, "clone", "-q", str(upstream), str(student))
    return upstream, student


WB01 = "exercises/wb01_counterpart_support.ipynb"
WB02 = "exercises/wb02_the_report_as_a_document.ipynb"
WB03 = "exercises/wb03_slogans_and_political_language.ipynb"
WB03_NEW = "exercises/wb03_slogans.ipynb"


def test_update_keeps_edits_and_brings_new_material(upstream_and_student):
    upstream, student = upstream_and_student
    first = subprocess.run([sys.executable, "-c", "import course; course.first_use_copies()"],
                           cwd=student, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    work = student / "my-work"
    assert (work / "notebooks" / "00_start_here.ipynb").is_file()
    assert not (work / "exercises" / "solutions").exists()
    edit_cell(work / WB02, "answer-1", 'answer_1 = "b"   # my answer')
    mine = (work / WB02).read_bytes()

    # Upstream: corrections to workbooks 01 and 02, workbook 03 renamed, a new lesson.
    for name in (WB01, WB02):
        edit_cell(upstream / name, "task-1", "### Task 1 · corrected wording")
    git(upstream, "mv", WB03, WB03_NEW)
    with (upstream / "course.toml").open("a", encoding="utf-8") as f:
        f.write(f'[[renamed]]\nfrom = "{WB03}"\nto = "{WB03_NEW}"\n')
    shutil.copy(upstream / "notebooks" / "00_start_here.ipynb",
                upstream / "notebooks" / "08_new_lesson.ipynb")
    commit(upstream, "corrections, a renamed workbook and a new lesson", tag="v2")
    (upstream / "notebooks" / "09_later.ipynb").write_text("{}", encoding="utf-8")
    commit(upstream, "a later change the class does not follow yet")

    result = course(student, "update", "--tag", "v2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "corrections, a renamed workbook" in result.stdout
    assert git(student, "rev-parse", "HEAD") == git(upstream, "rev-parse", "v2")
    assert (work / WB02).read_bytes() == mine                         # edits intact
    assert (work / WB02.replace(".ipynb", ".new.ipynb")).read_bytes() == \
        (upstream / WB02).read_bytes()                                 # new version beside
    assert (work / WB01).read_bytes() == (upstream / WB01).read_bytes()   # unedited: replaced
    assert (work / WB03_NEW).read_bytes() == (upstream / WB03_NEW).read_bytes()
    assert not (work / WB03).exists()                                  # followed the rename
    assert (work / "notebooks" / "08_new_lesson.ipynb").is_file()     # new material
    assert not (work / "notebooks" / "09_later.ipynb").exists()       # pinned to v2

    again = course(student, "update")                                  # stays on the pin
    assert again.returncode == 0 and "already at release v2" in again.stdout
    latest = course(student, "update", "--latest")
    assert latest.returncode == 0, latest.stdout + latest.stderr
    assert git(student, "rev-parse", "HEAD") == git(upstream, "rev-parse", "main")
    assert (work / "notebooks" / "09_later.ipynb").is_file()
    assert (work / WB02).read_bytes() == mine
    assert git(student, "status", "--porcelain", "--untracked-files=no") == ""


def test_update_refuses_when_course_files_were_changed(upstream_and_student):
    upstream, student = upstream_and_student
    (upstream / "notebooks" / "08_new.ipynb").write_text("{}", encoding="utf-8")
    commit(upstream, "new")
    changed = student / "notebooks" / "00_start_here.ipynb"
    changed.write_text("typed into the course's own copy", encoding="utf-8")
    head = git(student, "rev-parse", "HEAD")
    result = course(student, "update")
    assert result.returncode == 1 and "Nothing was updated" in result.stdout
    assert "notebooks/00_start_here.ipynb" in result.stdout
    assert changed.read_text(encoding="utf-8") == "typed into the course's own copy"
    assert git(student, "rev-parse", "HEAD") == head


def test_update_without_git_says_how_to_get_the_new_version(upstream_and_student):
    _, student = upstream_and_student
    shutil.rmtree(student / ".git")
    result = course(student, "update")
    assert result.returncode == 1 and "not a git clone" in result.stdout
    assert "my-work/" in result.stdout

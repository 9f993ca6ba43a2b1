"""The authoring kit end to end: a lesson made with `new-lesson` in a copy of the course, then
`build`, passes the generated-file checks, its own tests and strict nbval of its notebooks
with no other edit. And new-lesson refuses, before writing anything, what it cannot do."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from counterpart import manifest
from counterpart.paths import ROOT


def course_copy(dest: Path) -> Path:
    """The course's files as they stand (tracked and new, not ignored) copied to ``dest``."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.splitlines()
    for name in listed:
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def run(copy: Path, *command: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**__import__("os").environ, "PYTHONPATH": str(copy), "PYTHONHASHSEED": "0"}
    return subprocess.run([sys.executable, *command], cwd=copy, env=env, capture_output=True,
                          text=True, timeout=300, **kwargs)


# The trial lesson comes after the course's last one (read from the manifest, so the test
# keeps working as lessons are added).
LAST = manifest.lessons()[-1]
NEW = f"{int(LAST.number) + 1:02d}"


@pytest.fixture(scope="module")
def lesson_08(tmp_path_factory):
    copy = course_copy(tmp_path_factory.mktemp("course"))
    made = run(copy, "scripts/new_lesson.py", NEW, "scaffold_trial", "A scaffold trial")
    assert made.returncode == 0, made.stderr
    built = run(copy, "scripts/build.py")
    assert built.returncode == 0, built.stdout + built.stderr
    yield copy
    shutil.rmtree(copy, ignore_errors=True)


def test_new_lesson_and_build_pass_the_generated_file_checks(lesson_08):
    checked = run(lesson_08, "scripts/build.py", "--check")
    assert checked.returncode == 0, checked.stdout
    entry = manifest.lesson(NEW, lesson_08 / "course.toml")
    assert entry.title == "A scaffold trial" and entry.track == "optional"
    for relative in (entry.lesson, entry.key, entry.workbook):
        assert (lesson_08 / relative).is_file(), relative
    nav = (lesson_08 / LAST.lesson).read_text("utf-8")
    assert f"{NEW} · A scaffold trial" in nav      # the previous lesson now links to it
    assert "A scaffold trial" in (lesson_08 / "README.md").read_text("utf-8")


def test_the_new_lessons_tests_and_notebooks_pass(lesson_08):
    result = run(lesson_08, "-m", "pytest", "-q", "-p", "no:randomly",
                 f"tests/test_wb{NEW}.py", "tests/test_workbooks.py", "tests/test_workbook_kit.py",
                 f"notebooks/{NEW}_scaffold_trial.ipynb",
                 f"exercises/wb{NEW}_scaffold_trial.ipynb",
                 f"exercises/solutions/key{NEW}_scaffold_trial.ipynb")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "failed" not in result.stdout


def test_new_lesson_refuses_without_writing(tmp_path):
    copy = course_copy(tmp_path)
    before = (copy / "course.toml").read_text("utf-8")
    for arguments, complaint in (
            (["03", "again", "Again"], "numbers must grow"),
            ([NEW, "Bad Slug", "Title"], "slug must be"),
            (["9x", "fine", "Title"], "two digits")):
        result = run(copy, "scripts/new_lesson.py", *arguments)
        assert result.returncode == 2 and complaint in result.stderr, result.stderr
    (copy / "tests" / f"test_wb{NEW}.py").write_text("# someone's work\n", encoding="utf-8")
    result = run(copy, "scripts/new_lesson.py", NEW, "taken", "Taken")
    assert result.returncode == 2 and "never overwrites" in result.stderr
    assert (copy / "tests" / f"test_wb{NEW}.py").read_text("utf-8") == "# someone's work\n"
    assert not (copy / "notebooks" / f"{NEW}_taken.ipynb").exists()
    assert (copy / "course.toml").read_text("utf-8") == before

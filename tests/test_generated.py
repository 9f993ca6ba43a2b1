"""Everything generated from the manifest (course.toml) is current, and the checks notice when
it is not: titles, times, navigation, 00's lesson map, the README's lesson table and session
plan, and the student workbooks. `python3 course.py build` brings them up to date."""
import importlib.util
import json
import shutil

import pytest

from counterpart import estimate, manifest
from counterpart.paths import ROOT


def script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


course_text = script("course_text")
LESSONS = manifest.lessons()


def header(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    return course_text.source(nb["cells"][course_text.header_index(nb["cells"])])


def test_build_finds_nothing_out_of_date():
    assert script("build").main(["--check"]) == 0, "run `python3 course.py build`"


def test_every_notebook_is_in_the_manifest():
    listed = {p for lesson in LESSONS for p in (lesson.lesson, lesson.workbook, lesson.key)}
    found = {p.relative_to(ROOT).as_posix() for d in ("notebooks", "exercises")
             for p in (ROOT / d).rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts}
    assert found <= listed, f"not in course.toml: {sorted(found - listed)}"


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda lesson: lesson.number)
def test_titles_and_times_come_from_the_manifest(lesson):
    text = header(ROOT / lesson.lesson)
    assert text.splitlines()[0] == f"# {lesson.label}"
    time = estimate.estimate(ROOT / lesson.lesson)
    assert f"about {time.core} minutes" in text
    if lesson.has_workbook:
        workbook = estimate.estimate(ROOT / lesson.workbook)
        assert f"workbook takes about {workbook.full} minutes" in text
        key = json.loads((ROOT / lesson.key).read_text(encoding="utf-8"))
        assert course_text.source(key["cells"][0]).splitlines()[0] == (
            f"# Workbook {lesson.number} · {lesson.title}")
        assert any(f"**Time:** about {workbook.full} minutes" in course_text.source(c)
                   for c in key["cells"])


def test_readme_shows_every_lesson_with_its_time():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lesson in LESSONS:
        time = estimate.estimate(ROOT / lesson.lesson)
        row = next(line for line in readme.splitlines() if f"]({lesson.lesson})" in line)
        assert lesson.title in row and f"{time.core}" in row


def test_a_changed_title_makes_every_generated_place_stale(tmp_path):
    for name in ("course.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("notebooks", "exercises"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    assert course_text.main(check=True, root=tmp_path) == 0
    toml = tmp_path / "course.toml"
    toml.write_text(toml.read_text("utf-8").replace('title = "The numbers"',
                                                    'title = "Counting"'), encoding="utf-8")
    stale = {path.relative_to(tmp_path).as_posix()
             for path, _ in course_text.stale_notebooks(course_text.Course(tmp_path))}
    # the lesson itself, its neighbours' navigation and 00's map (the workbook's header is
    # workbook_text.py's: tests/test_workbook_kit.py checks it)
    assert {"notebooks/04_the_numbers.ipynb", "notebooks/03_slogans_and_political_language.ipynb",
            "notebooks/05_ethnic_unity_and_the_frontier.ipynb",
            "notebooks/00_start_here.ipynb"} <= stale
    assert course_text.main(check=False, root=tmp_path) == 0
    assert "Counting" in (tmp_path / "README.md").read_text("utf-8")
    assert course_text.main(check=True, root=tmp_path) == 0      # one run settles it


def test_optional_sections_count_towards_the_full_time_only():
    cells = [{"cell_type": "markdown", "source": "# T\n\n" + "word " * 500},
             {"cell_type": "markdown", "source": "## 2. (Optional) More\n\n" + "word " * 500},
             {"cell_type": "code", "source": "x = 1"},
             {"cell_type": "markdown", "source": "## Key points\n\nword"}]
    core, optional = estimate.split_content({"cells": cells})
    # core: "T", 500 words, "Key points", "word"; optional: "Optional", "More", 500 words
    assert (core.english_words, optional.english_words) == (504, 502)
    assert optional.code_cells == 1 and core.code_cells == 0


def test_a_broken_manifest_gets_a_clear_message(tmp_path):
    bad = tmp_path / "course.toml"
    bad.write_text('[[lesson]]\nnumber = "8"\nslug = "x"\ntitle = "X"\nblurb = "b"\n'
                   'track = "core"\n', encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match="two digits"):
        manifest.lessons(bad)
    bad.write_text("[[lesson]\n", encoding="utf-8")
    with pytest.raises(manifest.ManifestError, match="not valid TOML"):
        manifest.lessons(bad)

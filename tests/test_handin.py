"""Students' own copies and handing work in: copies are never overwritten without --force, and
the HTML export keeps the Chinese intact."""
import json
import subprocess
import sys

from counterpart.paths import ROOT

sys.path.insert(0, str(ROOT))
import course  # noqa: E402


def test_copy_keeps_an_edited_copy_unless_forced(tmp_path, monkeypatch):
    monkeypatch.setattr(course, "MY_WORK", tmp_path)
    course.main(["copy"])
    copy = tmp_path / "notebooks" / "00_start_here.ipynb"
    assert copy.read_bytes() == (ROOT / "notebooks" / "00_start_here.ipynb").read_bytes()
    assert not (tmp_path / "exercises" / "solutions").exists()   # keys only on request
    copy.write_text("my edits", encoding="utf-8")
    course.main(["copy"])
    assert copy.read_text(encoding="utf-8") == "my edits"
    course.main(["copy", "--force"])
    assert copy.read_text(encoding="utf-8") != "my edits"


def test_my_work_is_ignored_by_git():
    result = subprocess.run(["git", "check-ignore", "-q", "my-work/notebooks/x.ipynb"],
                            cwd=ROOT)
    assert result.returncode == 0


def test_html_export_keeps_chinese(tmp_path):
    nb = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": "我的答案:对口支援"})
    source = tmp_path / "answer.ipynb"
    source.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html",
                    "--output-dir", str(tmp_path), str(source)], check=True,
                   capture_output=True)
    html = (tmp_path / "answer.html").read_text(encoding="utf-8")
    assert '<meta charset="utf-8"' in html.lower()
    assert "我的答案:对口支援" in html and "关于东西部协作" in html


def test_publish_leaves_out_the_answer_keys(tmp_path):
    dest = tmp_path / "class-copy"
    course.main(["publish", str(dest)])
    assert (dest / "course.py").is_file() and (dest / "data" / "report.csv").is_file()
    assert (dest / "exercises").is_dir() and not (dest / "exercises" / "solutions").exists()
    tracked = subprocess.run(["git", "ls-files", "exercises/*.ipynb"], cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
    workbooks = [name for name in tracked if not name.startswith("exercises/solutions/")]
    assert workbooks and all((dest / name).is_file() for name in workbooks)


# --- course.py export: hand-in checks, self-contained page ----------------------------------

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402

from counterpart import manifest  # noqa: E402
from counterpart.coursework import handin  # noqa: E402
from counterpart.coursework.grading import course_workbooks  # noqa: E402

WB02 = manifest.lesson("02")


def _args(tmp_path, **extra):
    values = dict(output_dir=tmp_path / "hand-in", student=None, anyway=False,
                  remember=tmp_path / ".student.json")
    values.update(extra)
    return argparse.Namespace(**values)


def test_export_of_an_unsaved_workbook_warns_and_writes_nothing(tmp_path, capsys):
    copy = tmp_path / "wb02.ipynb"
    shutil.copy(ROOT / WB02.workbook, copy)           # as `copy` made it, never saved since
    code = handin.export_one(copy, _args(tmp_path, student="Ann Li"), course_workbooks())
    assert code == 1
    assert "did you save?" in capsys.readouterr().err.lower()
    assert not (tmp_path / "hand-in").exists()


def test_export_writes_a_self_contained_page_and_the_notebook(tmp_path, capsys):
    copy = tmp_path / "my-wb02.ipynb"
    shutil.copy(ROOT / WB02.key, copy)                 # a saved workbook with every answer
    args = _args(tmp_path, student="Ann Li")
    when = dt.datetime(2030, 5, 6, 7, 8, 9)
    assert handin.export_one(copy, args, course_workbooks(), now=when) == 0
    said = capsys.readouterr().out
    assert re.search(r"(\d+) of \1 tasks answered, \1 correct", said), said
    page = tmp_path / "hand-in" / "Ann-Li_wb02_2030-05-06_070809.html"
    text = page.read_text(encoding="utf-8")
    outside = re.findall(r"\b(?:src|href)\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]*)", text, re.I)
    assert outside == [] and "<script" not in text
    assert "VBox(" not in text and "RadioButtons(" not in text
    assert "关于东西部协作" in text or "审议" in text
    saved = json.loads(page.with_suffix(".ipynb").read_text(encoding="utf-8"))
    assert saved["metadata"]["counterpart"]["handin"]["student"] == "Ann Li"
    # the name is remembered for the next hand-in
    assert json.loads((tmp_path / ".student.json").read_text())["student"] == "Ann Li"
    assert handin.student_name(_args(tmp_path)) == "Ann Li"
    # an earlier hand-in is never replaced
    assert handin.free_name(page.parent, page.stem) == page.stem + "-2"


def test_static_widgets_prefer_the_widgets_own_html():
    view = {"model_id": "x", "version_major": 2, "version_minor": 0}
    nb = {"cells": [{"cell_type": "code", "outputs": [
        {"output_type": "display_data", "metadata": {}, "data": {
            "application/vnd.jupyter.widget-view+json": view,
            "text/plain": "VBox(children=(RadioButtons(...),))",
            "text/html": "<div>a) one</div>"}},
        {"output_type": "display_data", "metadata": {}, "data": {
            "application/vnd.jupyter.widget-view+json": view,
            "text/plain": "VBox(children=(Button(...),))"}}]}]}
    outputs = handin.static_widgets(nb)["cells"][0]["outputs"]
    assert outputs[0]["data"] == {"text/html": "<div>a) one</div>"}
    assert outputs[1]["data"] == {"text/plain": handin.WIDGET_NOTE}

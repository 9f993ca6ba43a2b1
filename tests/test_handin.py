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

"""Hand a workbook in: ``python3 course.py export my-work/exercises/wbNN_slug.ipynb``.

Before writing anything, the saved file is checked (a copy never edited, or no answers at all,
means the student most likely did not save) and run in a fresh kernel, so the hand-in shows
what the saved file gives. The HTML page is self-contained (no scripts, fonts or styles from
other sites) and shows each widget in its static form; the executed .ipynb goes beside it,
both named with the student, the workbook and the time, never overwriting an earlier hand-in.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path

from .grading import course_workbooks, identify

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "[An interactive widget: run this cell in JupyterLab to use it.]"
SAVE_HINT = "Did you save? In JupyterLab: File → Save Notebook, then run this command again."


def sources_digest(nb: dict) -> str:
    """The fingerprint make_student_versions.py stores: the cells' types and sources."""
    cells = [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list)
              else c["source"]) for c in nb["cells"]]
    return hashlib.sha256(json.dumps(cells, ensure_ascii=False).encode("utf-8")).hexdigest()


def is_pristine(nb: dict) -> bool:
    """True when the workbook's cells are exactly as the course made them."""
    stored = nb.get("metadata", {}).get("counterpart", {}).get("sources_sha256")
    return stored is not None and stored == sources_digest(nb)


def static_widgets(nb: dict) -> dict:
    """Widget outputs in their static form: the widget's own text/html when it has one, else
    a short note; never the raw repr (``VBox(children=...)``) nor the dead widget view."""
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                output["data"] = ({"text/html": data["text/html"]} if "text/html" in data
                                  else {"text/plain": WIDGET_NOTE})
    return nb


def _output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        text = output.get("data", {}).get("text/plain", output.get("text", ""))
        parts.append("".join(text) if isinstance(text, list) else str(text))
    return "".join(parts).strip()


def count_answers(nb: dict, tasks) -> tuple[int, int, int]:
    """(answered, of how many, correct) from the check cells' outputs after a fresh run."""
    cells = {c.get("id"): c for c in nb["cells"]}
    answered = correct = 0
    for task in tasks:
        text = _output_text(cells.get(task.cell_id, {}))
        if text.startswith("✔"):
            correct += 1
        if text and not text.startswith("…"):
            answered += 1
    return answered, len(tasks), correct


def execute(nb: dict, folder: Path) -> dict:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.reads(json.dumps(nb), as_version=4)   # sources as text, not lists
    NotebookClient(notebook, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(folder)}},
                   store_widget_state=False, record_timing=False).execute()
    return json.loads(nbformat.writes(notebook))


EXTERNAL = re.compile(r"^\s*(https?:)?//", re.I)


def self_contained(page: str) -> str:
    """No scripts at all (a hand-in is read, not run) and no outside addresses in src or href:
    a link to another site keeps its text and shows its address."""
    page = re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.S | re.I)
    page = re.sub(r"<link\b[^>]*href=\"(https?:)?//[^\"]*\"[^>]*>", "", page, flags=re.I)

    def unlink(match):
        return f"{match.group(2)} ({match.group(1)})"

    page = re.sub(r"<a\b[^>]*href=\"((?:https?:)?//[^\"]*)\"[^>]*>(.*?)</a>", unlink, page,
                  flags=re.S | re.I)
    page = re.sub(r"\s(src|href)=\"(https?:)?//[^\"]*\"", "", page, flags=re.I)
    return page


def to_html(nb: dict) -> str:
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", embed_images=True)
    body, _ = exporter.from_notebook_node(nbformat.reads(json.dumps(nb), as_version=4))
    return self_contained(body)


def slug(text: str) -> str:
    return re.sub(r"[^\w-]+", "-", text.strip(), flags=re.U).strip("-")[:60] or "student"


def student_name(args) -> str | None:
    """The name or ID: given, remembered, or asked once (and remembered)."""
    remember = args.remember
    if args.student:
        name = args.student.strip()
    elif remember and remember.is_file():
        name = json.loads(remember.read_text(encoding="utf-8")).get("student", "").strip()
    elif sys.stdin.isatty():
        name = input("Your name or student ID, as your instructor knows you: ").strip()
    else:
        return None
    if name and remember:
        remember.parent.mkdir(parents=True, exist_ok=True)
        remember.write_text(json.dumps({"student": name}, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    return name or None


def free_name(folder: Path, stem: str) -> str:
    """A stem whose .html and .ipynb do not exist yet: an earlier hand-in is never replaced."""
    candidate, n = stem, 1
    while (folder / f"{candidate}.html").exists() or (folder / f"{candidate}.ipynb").exists():
        n += 1
        candidate = f"{stem}-{n}"
    return candidate


def export_one(path: Path, args, workbooks, now=None) -> int:
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        print(f"{path} does not exist.", file=sys.stderr)
        return 1
    except (UnicodeDecodeError, ValueError):
        print(f"{path} is not a saved notebook (it is not JSON). Open it in JupyterLab, "
              "save it, then run this again.", file=sys.stderr)
        return 1
    number = identify(nb, workbooks) if isinstance(nb, dict) else None
    if number and is_pristine(nb) and not args.anyway:
        print(f"Nothing written: {path.name} is exactly as the course made it, with no "
              f"answers. {SAVE_HINT}", file=sys.stderr)
        return 1
    name = student_name(args)
    if not name:
        print("Give your name or student ID once: python3 course.py export --student "
              "\"Your Name\" ...", file=sys.stderr)
        return 1
    print(f"running {path.name} in a fresh kernel, as it is saved ...", flush=True)
    executed = static_widgets(execute(nb, path.parent.resolve()))
    tag = f"wb{number}" if number else slug(path.stem)
    if number:
        answered, total, correct = count_answers(executed, workbooks[number].tasks)
        print(f"{answered} of {total} tasks answered, {correct} correct "
              "(written answers are marked by your instructor).")
        if answered == 0 and not args.anyway:
            print(f"Nothing written: the saved file has no answers. {SAVE_HINT}",
                  file=sys.stderr)
            return 1
    now = now or dt.datetime.now()
    meta = executed.setdefault("metadata", {}).setdefault("counterpart", {})
    meta["handin"] = {"student": name, "workbook": number or "", "time":
                      now.isoformat(timespec="seconds")}
    out = args.output_dir
    out.mkdir(parents=True, exist_ok=True)
    stem = free_name(out, f"{slug(name)}_{tag}_{now:%Y-%m-%d_%H%M%S}")
    (out / f"{stem}.ipynb").write_text(json.dumps(executed, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")
    (out / f"{stem}.html").write_text(to_html(executed), encoding="utf-8")
    print(f"saved {out / (stem + '.html')} (to read) and {stem}.ipynb (to grade): "
          "hand in both files.")
    return 0


def export_all(args) -> int:
    workbooks = course_workbooks()
    return max(export_one(Path(p), args, workbooks) for p in args.paths)

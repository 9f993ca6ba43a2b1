"""Grade a class's handed-in workbooks with the course's own checks.

    python3 course.py grade DIR --out OUTDIR

Never trusts what a submission says about itself: which tasks exist and how each is checked
come from the course's own workbook (matched by cell id); the submission's cells run in a
sandbox (sandbox.py) that sends back only its answers, as plain data; the checks
(counterpart.workbooks.wbNN.task_N) run here, in the grading process. Stored outputs ("✔
Correct.") and anything a submission does to the check module in its own kernel count for
nothing.
"""
from __future__ import annotations

import csv
import hashlib
import html
import importlib
import io
import json
import os
import re
import shutil
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .. import manifest
from ..paths import ROOT
from . import sandbox

CHECK_CALL = re.compile(r"^\s*check\.(task_\w+)\(\s*(answer_\w+)\s*\)\s*$")
OPEN_PROMPT = "*Write your answer here (double-click this cell to edit it).*"
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ZIP_BYTES = 500 * 1024 * 1024
RESULTS = ("correct", "wrong", "unanswered", "error")
COLUMNS = ("submission", "student", "workbook", "status", "score", "out_of")


def _source(cell) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else str(text)


def _task_number(name: str) -> tuple:
    digits = re.findall(r"\d+", name)
    return (int(digits[0]) if digits else 0, name)


@dataclass(frozen=True)
class Task:
    """A checked task: ``check.<function>(<variable>)`` in the cell ``cell_id``."""
    function: str
    variable: str
    cell_id: str


@dataclass(frozen=True)
class OpenQuestion:
    """A written answer marked by hand: a Markdown cell and the task heading above it."""
    cell_id: str
    label: str


@dataclass
class Workbook:
    number: str
    path: str
    check_module: str
    cell_ids: set
    tasks: list
    open_questions: list


def read_workbook(lesson: manifest.Lesson) -> Workbook:
    """The tasks and open questions of a lesson's workbook, as the course defines them."""
    nb = json.loads((ROOT / lesson.workbook).read_text(encoding="utf-8"))
    tasks, questions, heading = [], [], ""
    for cell in nb["cells"]:
        text = _source(cell)
        if cell["cell_type"] == "markdown":
            match = re.search(r"^#+\s*(Task [^\n]*)", text, re.M)
            if match:
                heading = match.group(1).split("·")[0].strip()
            if OPEN_PROMPT in text:
                questions.append(OpenQuestion(cell["id"], heading or cell["id"]))
            continue
        if "check" in cell.get("metadata", {}).get("tags", []):
            match = CHECK_CALL.match(text)
            if match:
                tasks.append(Task(match.group(1), match.group(2), cell["id"]))
    return Workbook(lesson.number, lesson.workbook, lesson.check_module,
                    {c.get("id") for c in nb["cells"]}, tasks, questions)


def course_workbooks() -> dict[str, Workbook]:
    return {lesson.number: read_workbook(lesson) for lesson in manifest.lessons()
            if lesson.has_workbook and (ROOT / lesson.workbook).is_file()}


def identify(nb: dict, workbooks: dict[str, Workbook]) -> str | None:
    """Which workbook ``nb`` is: by the course's metadata, else by its cell ids."""
    meta = nb.get("metadata", {}).get("counterpart", {}) if isinstance(nb, dict) else {}
    source = str(meta.get("generated_from", "")) if isinstance(meta, dict) else ""
    match = re.search(r"key(\d\d)_", source)
    if match and match.group(1) in workbooks:
        return match.group(1)
    cells = [c for c in nb.get("cells", []) if isinstance(c, dict)]
    for cell in cells[:3]:           # the title: "# Workbook 04 · The numbers"
        match = re.match(r"\s*#\s*Workbook\s+(\d\d)\b", _source(cell))
        if cell.get("cell_type") == "markdown" and match and match.group(1) in workbooks:
            return match.group(1)
    ids = {c.get("id") for c in cells}
    best, overlap = None, 0.0
    for number, workbook in workbooks.items():
        share = len(workbook.cell_ids & ids) / max(len(workbook.cell_ids | ids), 1)
        if share > overlap:
            best, overlap = number, share
    return best if overlap >= 0.5 else None


# --- Collecting the submissions ----------------------------------------------------------------

def unpack(source: Path, into: Path) -> Path:
    """The folder to grade: ``source`` itself, or a zip (an LMS bulk download) unpacked safely
    (no paths outside the folder, a size cap; only notebooks are taken)."""
    if source.is_dir():
        return source
    if not zipfile.is_zipfile(source):
        raise ValueError(f"{source} is neither a folder nor a zip file")
    total = 0
    with zipfile.ZipFile(source) as archive:
        for info in archive.infolist():
            name = Path(info.filename)
            if info.is_dir() or name.is_absolute() or ".." in name.parts \
                    or name.suffix != ".ipynb" or "__MACOSX" in name.parts:
                continue
            total += info.file_size
            if total > MAX_ZIP_BYTES:
                raise ValueError(f"{source} unpacks to more than {MAX_ZIP_BYTES >> 20} MB")
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as src, open(target, "wb") as dst:
                shutil.copyfileobj(src, dst)
    return into


def find_submissions(folder: Path) -> list[Path]:
    """Every notebook under ``folder``, relative to it, in a stable order."""
    return sorted(p.relative_to(folder) for p in folder.rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts and p.is_file())


def student_from_path(relative: Path) -> str:
    """Per-student folders name the student; otherwise the file name does (as LMSs do)."""
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


@dataclass
class Submission:
    path: Path                       # relative to the graded folder
    student: str = ""
    workbook: str = ""
    status: str = ""
    note: str = ""
    nb: dict | None = None
    handed_in: str = ""
    results: dict = field(default_factory=dict)      # task_N -> (result, message)
    open_answers: list = field(default_factory=list)

    @property
    def score(self):
        return sum(1 for result, _ in self.results.values() if result == "correct")


def load(folder: Path, relative: Path, workbooks: dict[str, Workbook]) -> Submission:
    """Read one file without trusting it: every way it can be broken becomes a status."""
    sub = Submission(relative, student=student_from_path(relative))
    path = folder / relative
    size = path.stat().st_size
    if size == 0:
        sub.status, sub.note = "empty", "the file is empty"
        return sub
    if size > MAX_FILE_BYTES:
        sub.status, sub.note = "too large", f"the file is over {MAX_FILE_BYTES >> 20} MB"
        return sub
    try:
        nb = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        sub.status, sub.note = "not a notebook", "the file is not JSON (not a saved notebook)"
        return sub
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        sub.status, sub.note = "not a notebook", "the file is JSON but not a notebook"
        return sub
    handin = nb.get("metadata", {}).get("counterpart", {})
    handin = handin.get("handin", {}) if isinstance(handin, dict) else {}
    if isinstance(handin, dict):
        if str(handin.get("student", "")).strip():
            sub.student = str(handin["student"]).strip()[:100]
        sub.handed_in = str(handin.get("time", ""))[:40]
    number = identify(nb, workbooks)
    if number is None:
        sub.status, sub.note = "not a workbook", "not a workbook of this course"
        return sub
    sub.workbook, sub.nb = number, nb
    return sub


def mark_superseded(submissions: list[Submission]):
    """Of several hand-ins of one workbook by one student, only the latest is graded."""
    latest = {}
    for sub in submissions:
        if sub.nb is None:
            continue
        key = (sub.student, sub.workbook)
        order = (sub.handed_in, sub.path.as_posix())
        if key not in latest or order > latest[key][0]:
            latest[key] = (order, sub)
    for sub in submissions:
        if sub.nb is not None and latest[(sub.student, sub.workbook)][1] is not sub:
            sub.status = "superseded"
            sub.note = f"a later hand-in of workbook {sub.workbook}: " \
                       f"{latest[(sub.student, sub.workbook)][1].path.as_posix()}"


# --- Running and checking ----------------------------------------------------------------------

def program_for(nb: dict, workbook: Workbook) -> list[dict]:
    """The steps runner.py takes: the submission's code cells, with each of the course's check
    cells (by id) replaced by a capture of that task's answer."""
    checks = {t.cell_id: t for t in workbook.tasks}
    steps, captured = [], set()
    for index, cell in enumerate(nb["cells"]):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        cell_id = str(cell.get("id") or f"cell-{index}")
        if cell_id in checks and checks[cell_id].variable not in captured:
            steps.append({"capture": [checks[cell_id].variable], "id": cell_id})
            captured.add(checks[cell_id].variable)
        elif cell_id not in checks and _source(cell).strip():
            steps.append({"run": _source(cell), "id": cell_id})
    missing = [t.variable for t in workbook.tasks if t.variable not in captured]
    if missing:                      # check cells deleted: take the answers at the end
        steps.append({"capture": missing, "id": "end"})
    return steps


class _Opaque:
    """An answer of a type that cannot leave the kernel: its type name and text only."""
    def __init__(self, text):
        self._text = text

    def __str__(self):
        return self._text

    __repr__ = __str__


def decode(data):
    """Turn runner.encode's plain data back into answers the checks understand."""
    if isinstance(data, list):
        return [decode(item) for item in data]
    if not isinstance(data, dict):
        return data
    if "$ellipsis" in data:
        return ...
    if "$float" in data:
        return float(data["$float"])
    if "$tuple" in data:
        return tuple(decode(item) for item in data["$tuple"])
    if "$set" in data:
        items = [decode(item) for item in data["$set"]]
        try:
            return set(items)
        except TypeError:
            return items
    if "$dict" in data:
        pairs = [(decode(k), decode(v)) for k, v in data["$dict"]]
        try:
            return dict(pairs)
        except TypeError:
            return pairs
    if "$array" in data:
        import numpy as np
        try:
            return np.array(decode(data["$array"]))
        except (ValueError, TypeError):
            return decode(data["$array"])
    if "$frame" in data:
        import pandas as pd
        frame = data["$frame"]
        return pd.DataFrame(decode(frame["data"]), columns=decode(frame["columns"]),
                            index=decode(frame["index"]) or None)
    if "$series" in data:
        import pandas as pd
        series = data["$series"]
        return pd.Series(decode(series["data"]), index=decode(series["index"]) or None,
                         name=decode(series["name"]), dtype=object if not series["data"] else None)
    if "$other" in data:
        kind = re.sub(r"\W", "", str(data["$other"])) or "object"
        return type(kind, (_Opaque,), {})(str(data.get("text", "")))
    return data


def apply_checks(sub: Submission, workbook: Workbook, run: sandbox.Run):
    module = importlib.import_module(workbook.check_module)
    for task in workbook.tasks:
        raw = run.answers.get(task.variable)
        if raw is None:
            reason = run.note or "its cell never ran"
            sub.results[task.function] = ("error", f"This answer could not be read: {reason}.")
            continue
        if isinstance(raw, dict) and raw.get("$undefined"):
            failed = [f"cell {cid}: {err}" for cid, err in run.errors.items()]
            if failed:
                sub.results[task.function] = (
                    "error", f"{task.variable} was never set; a cell raised an error "
                             f"({failed[-1][:200]}).")
                continue
            answer = ...
        else:
            answer = decode(raw)
        feedback = getattr(module, task.function)(answer)
        result = {True: "correct", False: "wrong", None: "unanswered"}[feedback.ok]
        sub.results[task.function] = (result, feedback.message)


def collect_open_answers(sub: Submission, workbook: Workbook):
    cells = {c.get("id"): c for c in sub.nb["cells"] if isinstance(c, dict)}
    for question in workbook.open_questions:
        cell = cells.get(question.cell_id)
        text = _source(cell) if cell else ""
        text = text.replace(OPEN_PROMPT, "").replace("*Your answer:*", "").strip()
        sub.open_answers.append((question.label, question.cell_id, text))


def _run_one(args):
    sub, workbook, limits, isolate, hidden, scratch = args
    workdir = Path(tempfile.mkdtemp(prefix="submission-", dir=scratch))
    try:
        return sandbox.run_program(program_for(sub.nb, workbook), workdir, limits,
                                   isolate=isolate, hidden=hidden)
    except Exception as error:    # noqa: BLE001 - one submission must never stop the batch
        return sandbox.Run(status="crashed", note=f"could not be run ({type(error).__name__})")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def grade(folder: Path, out: Path, limits: sandbox.Limits | None = None,
          workers: int | None = None, say=print) -> list[Submission]:
    """Grade every notebook in ``folder`` (or zip); write the gradebook, the feedback pages
    and the open-answer sheet into ``out``. Returns the submissions, in gradebook order."""
    limits = limits or sandbox.Limits()
    folder, out = Path(folder).resolve(), Path(out).resolve()
    workbooks = course_workbooks()
    isolate = sandbox.isolation_works()
    if not isolate:
        say("note: this system cannot isolate submissions (that needs Linux, root and "
            "unshare); they run with time and memory limits only. Grade untrusted work in a "
            "container or a throwaway account (see the README).")
    with tempfile.TemporaryDirectory(prefix="counterpart-grade-") as scratch:
        scratch = Path(scratch)
        scratch.chmod(0o711)      # the unprivileged user may enter its own folder, list none
        root = unpack(folder, scratch / "unpacked") if folder.is_file() else folder
        submissions = [load(root, rel, workbooks) for rel in find_submissions(root)]
        mark_superseded(submissions)
        to_run = [s for s in submissions if s.nb is not None and not s.status]
        out.mkdir(parents=True, exist_ok=True)
        hidden = [root, folder, out,
                  ROOT / "exercises" / "solutions", ROOT / ".git"]
        say(f"grading {len(to_run)} of {len(submissions)} notebooks in {folder}")
        jobs = [(s, workbooks[s.workbook], limits, isolate, hidden, scratch) for s in to_run]
        with ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool:
            runs = list(pool.map(_run_one, jobs))
    for sub, run in zip(to_run, runs):
        workbook = workbooks[sub.workbook]
        apply_checks(sub, workbook, run)
        collect_open_answers(sub, workbook)
        sub.status = "graded" if run.status == "ran" else run.status
        notes = [run.note] if run.note else []
        notes += [f"cell {cid} raised {err}" for cid, err in run.errors.items()]
        sub.note = "; ".join(notes)[:500]
    write_results(out, submissions, workbooks)
    return submissions


# --- Writing the results -----------------------------------------------------------------------

def _write_atomically(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.replace(temporary, path)


def _csv(rows) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def page_name(relative: Path) -> str:
    stem = re.sub(r"[^\w.-]+", "_", relative.as_posix().removesuffix(".ipynb"))
    digest = hashlib.sha1(relative.as_posix().encode("utf-8")).hexdigest()[:6]
    return f"{stem}-{digest}.html"


def feedback_page(sub: Submission) -> str:
    e = html.escape
    rows = "".join(f"<tr><td>{e(task)}</td><td>{e(result)}</td>"
                   f"<td><pre>{e(message)}</pre></td></tr>"
                   for task, (result, message) in sorted(sub.results.items(),
                                                         key=lambda kv: _task_number(kv[0])))
    answers = "".join(f"<h3>{e(label)} (written answer, marked by hand)</h3>"
                      f"<pre>{e(text) or '(no answer)'}</pre>"
                      for label, _, text in sub.open_answers)
    score = f"{sub.score} of {len(sub.results)}" if sub.results else "not graded"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Feedback: {e(sub.path.as_posix())}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}
td,th{{border:1px solid #999;padding:.3em;vertical-align:top}}table{{border-collapse:collapse}}
pre{{white-space:pre-wrap;margin:0;font-family:inherit}}</style></head><body>
<h1>Workbook {e(sub.workbook or '?')}: feedback</h1>
<p>Student: {e(sub.student)}<br>Submission: {e(sub.path.as_posix())}<br>Status: {e(sub.status)}
{('<br>Note: ' + e(sub.note)) if sub.note else ''}<br>Checked tasks correct: {score}</p>
<table><tr><th>Task</th><th>Result</th><th>Feedback</th></tr>{rows}</table>
{answers}</body></html>
"""


def write_results(out: Path, submissions: list[Submission], workbooks: dict[str, Workbook]):
    tasks = sorted({t.function for s in submissions if s.workbook in workbooks
                    for t in workbooks[s.workbook].tasks}, key=_task_number)
    rows = [[*COLUMNS, *tasks, "note"]]
    open_rows = [["submission", "student", "workbook", "task", "cell", "answer"]]
    for sub in submissions:
        graded = bool(sub.results)
        out_of = len(workbooks[sub.workbook].tasks) if sub.workbook in workbooks else ""
        rows.append([sub.path.as_posix(), sub.student, sub.workbook, sub.status,
                     sub.score if graded else "", out_of if graded else "",
                     *[sub.results.get(t, ("",))[0] for t in tasks], sub.note])
        for label, cell_id, text in sub.open_answers:
            open_rows.append([sub.path.as_posix(), sub.student, sub.workbook, label, cell_id,
                              text])
        _write_atomically(out / "feedback" / page_name(sub.path), feedback_page(sub))
    _write_atomically(out / "open_answers.csv", _csv(open_rows))
    _write_atomically(out / "gradebook.csv", _csv(rows))


def summary(submissions: list[Submission], out: Path) -> str:
    counts = {}
    for sub in submissions:
        counts[sub.status] = counts.get(sub.status, 0) + 1
    parts = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    return (f"{len(submissions)} notebooks: {parts}.\n"
            f"Gradebook: {out / 'gradebook.csv'}\nFeedback pages: {out / 'feedback'}\n"
            f"Written answers to mark by hand: {out / 'open_answers.csv'}")

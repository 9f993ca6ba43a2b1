"""Write every piece of text that follows from the manifest (course.toml).

    python scripts/course_text.py           rewrite what is out of date
    python scripts/course_text.py --check   exit 1 if anything is out of date (the tests)

What it writes, found by cell tags or marker comments, so re-running is safe:
- each lesson: its title line (`# NN · Title`), its **Time:** line, the navigation cells at top
  and bottom (previous · contents · next) and the closing link to its workbook;
- each answer key: its **Time:** line (workbook_text.py writes its header; the student
  workbooks are made from the keys by make_student_versions.py);
- notebooks/00_start_here.ipynb: the lesson map;
- README.md: the lesson table and the session plan, between `<!-- name:start -->` and
  `<!-- name:end -->` comments.
Times come from counterpart/estimate.py at the rates in course.toml.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from counterpart import estimate, manifest  # noqa: E402  (stdlib only)

NAV_TAG, MAP_TAG, WORKBOOK_TAG = "navigation", "lesson-map", "workbook-link"
TIME_LINE = re.compile(r"^\*\*Time:\*\*.*$", re.M)
README = ROOT / "README.md"


def source(cell: dict) -> str:
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


def tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


class Course:
    """The manifest's lessons with their estimated times, read once per run."""

    def __init__(self, root: Path = ROOT):
        self.root = root
        self.lessons = manifest.lessons(root / "course.toml")
        self.rates = manifest.course(root / "course.toml")
        self.sessions = manifest.read(root / "course.toml").get("session", [])

    def exists(self, relative: str) -> bool:
        return (self.root / relative).is_file()

    def lesson_time(self, lesson: manifest.Lesson) -> estimate.Estimate:
        return estimate.estimate(self.root / lesson.lesson, self.rates)

    def workbook_time(self, lesson: manifest.Lesson) -> estimate.Estimate | None:
        # The student version is what a student works through; before it exists, the key.
        for relative in (lesson.workbook, lesson.key):
            if lesson.has_workbook and self.exists(relative):
                return estimate.estimate(self.root / relative, self.rates)
        return None

    def by_number(self, number: str) -> manifest.Lesson:
        for lesson in self.lessons:
            if lesson.number == number:
                return lesson
        raise manifest.ManifestError(f"the session plan names lesson {number}, which course.toml "
                                     "does not list")


# --- Lessons -----------------------------------------------------------------------------------

def link(course: Course, lesson: manifest.Lesson) -> str:
    name = Path(lesson.lesson).name
    return (f"[{lesson.label}]({name})" if course.exists(lesson.lesson)
            else f"{lesson.label} (in preparation)")


def navigation(course: Course, index: int) -> str:
    parts = []
    if index > 0:
        parts.append("← " + link(course, course.lessons[index - 1]))
    parts.append("[Contents](00_start_here.ipynb#The-lessons)")
    if index + 1 < len(course.lessons):
        parts.append(link(course, course.lessons[index + 1]) + " →")
    return " | ".join(parts)


def workbook_link(course: Course, lesson: manifest.Lesson) -> str:
    path = lesson.workbook
    if course.exists(path):
        return (f"**Workbook:** practise what this lesson taught in [{path}](../{path}): tasks "
                "that tell you at once whether your answer is right, and open questions to "
                "write about. Work in your own copy (`python3 course.py copy`).")
    return f"**Workbook:** {path} is in preparation."


def track_sentence(course: Course) -> str:
    """Which lessons are core and which optional, in words, from the manifest."""
    def numbers(track):
        found = [lesson.number for lesson in course.lessons if lesson.track == track]
        if len(found) > 2 and [int(n) for n in found] == list(range(int(found[0]),
                                                                     int(found[-1]) + 1)):
            return f"{found[0]}–{found[-1]}"
        return ", ".join(found)
    core, optional = numbers("core"), numbers("optional")
    sentence = f"Lessons {core} are the core."
    if optional:
        sentence += f" Lessons {optional} each stand alone, for a further session."
    return sentence


def lesson_map(course: Course) -> str:
    lines = ["## The lessons", "",
             "| # | Lesson | Time in class (core / all) | Workbook |", "|---|---|---|---|"]
    for lesson in course.lessons:
        if lesson.track == "start":
            continue
        title = (f"[{lesson.title}]({Path(lesson.lesson).name})" if course.exists(lesson.lesson)
                 else f"{lesson.title} (in preparation)")
        time = course.lesson_time(lesson) if course.exists(lesson.lesson) else None
        minutes = f"{time.core} / {time.full} min" if time else "–"
        path = lesson.workbook
        workbook = f"[{path}](../{path})" if course.exists(path) else "in preparation"
        lines.append(f"| {lesson.number} | {title} | {minutes} | {workbook} |")
    lines += ["", track_sentence(course) + " Sections marked *(Optional)* are outside a "
              "lesson's core path, which fits a 50-minute class."]
    return "\n".join(lines)


def set_title_and_time(text: str, title_line: str, time_line: str | None) -> str:
    """``text`` (a header cell) with its first line and its **Time:** line replaced; a missing
    time line is added at the end of the cell."""
    lines = text.split("\n")
    lines[0] = title_line
    text = "\n".join(lines)
    if time_line is None:
        return text
    if TIME_LINE.search(text):
        return TIME_LINE.sub(lambda _: time_line, text, count=1)
    return text.rstrip("\n") + "\n\n" + time_line


def _cell(text: str, tag: str, place: str = "") -> dict:
    return {"cell_type": "markdown", "id": f"{tag}-{place}" if place else tag,
            "metadata": {"tags": [tag]}, "source": text}


def header_index(cells: list[dict]) -> int:
    """The first Markdown cell that starts with a level-1 heading: the notebook's header."""
    for i, cell in enumerate(cells):
        if cell["cell_type"] == "markdown" and source(cell).startswith("# "):
            return i
    raise ValueError("no header cell (a Markdown cell starting with '# ')")


def updated_lesson(course: Course, nb: dict, index: int) -> dict:
    lesson = course.lessons[index]
    generated = {NAV_TAG, WORKBOOK_TAG}
    cells = [dict(c) for c in nb["cells"] if not generated & set(tags(c))]
    head = header_index(cells)
    time = course.lesson_time(lesson)
    time_line = estimate.time_line(time, course.workbook_time(lesson))
    if lesson.track == "start":
        time_line = f"**Time:** about {time.full} minutes."
    cells[head]["source"] = set_title_and_time(source(cells[head]), f"# {lesson.label}",
                                               time_line)
    nav = navigation(course, index)
    closing = ([_cell(workbook_link(course, lesson), WORKBOOK_TAG)] if lesson.has_workbook
               else [])
    cells = [_cell(nav, NAV_TAG, "top")] + cells + closing + [_cell(nav, NAV_TAG, "bottom")]
    cells = [dict(c, source=lesson_map(course)) if MAP_TAG in tags(c) else c for c in cells]
    return dict(nb, cells=cells)


def updated_key(course: Course, nb: dict, lesson: manifest.Lesson) -> dict:
    """The key with its **Time:** line written in (its title and header are written by
    workbook_text.py); a key without one gets it in a cell after the header."""
    cells = [dict(c) for c in nb["cells"]]
    time = course.workbook_time(lesson)
    if time is None:
        return dict(nb, cells=cells)
    line = estimate.workbook_time_line(time)
    for cell in cells:
        if cell["cell_type"] == "markdown" and TIME_LINE.search(source(cell)):
            cell["source"] = TIME_LINE.sub(lambda _: line, source(cell), count=1)
            break
    else:
        cells.insert(header_index(cells) + 1, _cell(line, "workbook-time"))
    return dict(nb, cells=cells)


# --- README ------------------------------------------------------------------------------------

def readme_lessons(course: Course) -> str:
    lines = ["| # | Lesson | What it covers | Time (core / all) | Workbook |",
             "|---|---|---|---|---|"]
    for lesson in course.lessons:
        if not course.exists(lesson.lesson):
            continue
        time = course.lesson_time(lesson)
        workbook = course.workbook_time(lesson)
        minutes = (f"{time.core} / {time.full} min" if time.has_optional
                   else f"{time.full} min")
        wb = (f"[wb{lesson.number}](exercises/{Path(lesson.workbook).name}), "
              f"{workbook.full} min" if workbook and course.exists(lesson.workbook) else "–")
        lines.append(f"| {lesson.number} | [{lesson.title}]({lesson.lesson}) | {lesson.blurb} "
                     f"| {minutes} | {wb} |")
    lines += ["", track_sentence(course) + " Times are estimates for students reading English as "
              "a second language (the rates are in `course.toml`); sections marked *(Optional)* "
              "are outside a lesson's core path."]
    return "\n".join(lines)


def _alternatives(course: Course, item: str) -> list[manifest.Lesson]:
    return [course.by_number(n.strip()) for n in item.split(" or ")]


def _session_part(course: Course, item: str, homework: bool) -> tuple[str, int]:
    names, longest = [], 0
    for lesson in _alternatives(course, item):
        if homework:
            time = course.workbook_time(lesson)
            minutes = time.full if time else 0
            names.append(f"Workbook {lesson.number} ({minutes} min)")
        else:
            time = course.lesson_time(lesson)
            minutes = time.core
            path = "core path, " if time.has_optional else ""
            names.append(f"{lesson.label} ({path}{minutes} min)")
        longest = max(longest, minutes)
    return " *or* ".join(names), longest


def session_plan(course: Course) -> str:
    lines = ["| Session | In class | Homework |", "|---|---|---|"]
    for number, session in enumerate(course.sessions, start=1):
        in_class = [_session_part(course, item, False) for item in session.get("in_class", [])]
        homework = [_session_part(course, item, True) for item in session.get("homework", [])]
        total = sum(minutes for _, minutes in in_class)
        label = f"{number} (optional)" if session.get("optional") else str(number)
        lines.append(f"| {label} | {', then '.join(t for t, _ in in_class)}: about {total} min "
                     f"| {'; '.join(t for t, _ in homework) or '–'} |")
    return "\n".join(lines)


README_BLOCKS = {"lessons": readme_lessons, "session-plan": session_plan}


def updated_readme(course: Course, text: str) -> str:
    for name, make in README_BLOCKS.items():
        start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
        if start not in text or end not in text:
            raise ValueError(f"README.md lacks the markers {start} ... {end}")
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = (f"{before}{start}\n<!-- generated from course.toml by "
                f"`python3 course.py build`: do not edit -->\n{make(course)}\n{end}{after}")
    return text


# --- Driver ------------------------------------------------------------------------------------

def _as_text(cells: list[dict]) -> list[str]:
    return [source(c) for c in cells]


def stale_notebooks(course: Course) -> list[tuple[Path, dict]]:
    """(path, new notebook) for every notebook whose generated text is out of date."""
    stale = []
    for index, lesson in enumerate(course.lessons):
        jobs = [(course.root / lesson.lesson, lambda nb, i=index: updated_lesson(course, nb, i))]
        if lesson.has_workbook:
            jobs.append((course.root / lesson.key,
                         lambda nb, le=lesson: updated_key(course, nb, le)))
        for path, update in jobs:
            if not path.is_file():
                continue
            nb = json.loads(path.read_text(encoding="utf-8"))
            new = update(nb)
            if _as_text(nb["cells"]) != _as_text(new["cells"]):
                stale.append((path, new))
    return stale


def main(check: bool, root: Path = ROOT) -> int:
    course = Course(root)
    stale = []
    for path, new in stale_notebooks(course):
        stale.append(path.relative_to(root).as_posix())
        if not check:
            import nbformat  # writes sources as lists of lines, as Jupyter does

            nbformat.write(nbformat.from_dict(new), str(path))
    readme = root / "README.md"
    text = readme.read_text(encoding="utf-8")
    new_text = updated_readme(course, text)
    if new_text != text:
        stale.append("README.md")
        if not check:
            readme.write_text(new_text, encoding="utf-8")
    if stale:
        print(("out of date: " if check else "updated: ") + ", ".join(stale))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))

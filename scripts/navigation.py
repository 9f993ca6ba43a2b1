"""Write the navigation cells of every lesson, and 00's lesson map, from one ordering.

    python scripts/navigation.py           rewrite the cells where they are out of date
    python scripts/navigation.py --check   exit 1 if any notebook is out of date (the tests)

Each lesson gets a navigation cell at its top and bottom (previous · contents · next), and
notebooks/00_start_here.ipynb gets its lesson map. Lessons not written yet appear as plain text,
never as links to missing files. The cells are found by their tags, so re-running is safe.
"""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
EXERCISES = ROOT / "exercises"
sys.path.insert(0, str(ROOT))
from counterpart import manifest  # noqa: E402  (stdlib only)

# The one ordering of the course, from the manifest: (file stem, title).
LESSONS = [(lesson.stem, lesson.title) for lesson in manifest.lessons()]
NAV_TAG, MAP_TAG, WORKBOOK_TAG = "navigation", "lesson-map", "workbook-link"


def exists(stem):
    return (NOTEBOOKS / f"{stem}.ipynb").is_file()


def link(stem, title):
    number = stem[:2]
    return f"[{number} · {title}]({stem}.ipynb)" if exists(stem) else \
        f"{number} · {title} (in preparation)"


def navigation(index):
    parts = []
    if index > 0:
        parts.append("← " + link(*LESSONS[index - 1]))
    parts.append("[Contents](00_start_here.ipynb#The-lessons)")
    if index + 1 < len(LESSONS):
        parts.append(link(*LESSONS[index + 1]) + " →")
    return " | ".join(parts)


def lesson_map():
    lines = ["## The lessons", "", "| # | Lesson | Workbook |", "|---|---|---|"]
    for stem, title in LESSONS[1:]:
        workbook = (f"[exercises/wb{stem}.ipynb](../exercises/wb{stem}.ipynb)"
                    if (EXERCISES / f"wb{stem}.ipynb").is_file() else "in preparation")
        lesson = f"[{title}]({stem}.ipynb)" if exists(stem) else f"{title} (in preparation)"
        lines.append(f"| {stem[:2]} | {lesson} | {workbook} |")
    lines += ["", "Lessons 01–04 are the core; 05–07 each stand alone, for a further session."]
    return "\n".join(lines)


def workbook_link(stem):
    if (EXERCISES / f"wb{stem}.ipynb").is_file():
        return (f"**Workbook:** practise what this lesson taught in "
                f"[exercises/wb{stem}.ipynb](../exercises/wb{stem}.ipynb): tasks that tell you at "
                "once whether your answer is right, and open questions to write about. Work in "
                "your own copy (`python3 course.py copy`).")
    return f"**Workbook:** exercises/wb{stem}.ipynb is in preparation."


def _cell(source, tag, place=""):
    return {"cell_type": "markdown", "id": f"{tag}-{place}" if place else tag,
            "metadata": {"tags": [tag]}, "source": source}


def updated(nb, index):
    """The notebook with its navigation (and, for 00, its lesson map) written in."""
    generated = (NAV_TAG, WORKBOOK_TAG)
    cells = [c for c in nb["cells"]
             if not set(generated) & set(c.get("metadata", {}).get("tags", []))]
    nav = navigation(index)
    closing = [_cell(workbook_link(LESSONS[index][0]), WORKBOOK_TAG)] if index else []
    cells = [_cell(nav, NAV_TAG, "top")] + cells + closing + [_cell(nav, NAV_TAG, "bottom")]
    if index == 0:   # copy the cell: editing it in place would also change the old notebook
        cells = [dict(c, source=lesson_map()) if MAP_TAG in c.get("metadata", {}).get("tags", [])
                 else c for c in cells]
    return dict(nb, cells=cells)


def main(check):
    stale = []
    for index, (stem, _) in enumerate(LESSONS):
        path = NOTEBOOKS / f"{stem}.ipynb"
        if not path.is_file():
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        new = updated(nb, index)
        for c in new["cells"]:        # compare like with like: sources as stored by Jupyter
            if isinstance(c["source"], list):
                c["source"] = "".join(c["source"])
        old = [("".join(c["source"]) if isinstance(c["source"], list) else c["source"])
               for c in nb["cells"]]
        if old != [c["source"] for c in new["cells"]]:
            stale.append(f"{path.parent.name}/{path.name}")
            if not check:
                import nbformat  # writes sources as lists of lines, as Jupyter does

                nbformat.write(nbformat.from_dict(new), str(path))
    if stale:
        print(("out of date: " if check else "updated: ") + ", ".join(stale))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))

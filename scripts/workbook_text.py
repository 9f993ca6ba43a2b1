"""Write the generated cells of every answer key: its header and "How feedback works".

    python scripts/workbook_text.py           rewrite the cells where they are out of date
    python scripts/workbook_text.py --check   exit 1 if any key is out of date (the tests)

Two Markdown cells of each key exercises/solutions/keyNN_slug.ipynb are generated, found by
their tags, so re-running is safe and the cells between them stay the author's:

- `workbook-header`: the workbook's title and a link to its lesson, from the manifest
  (course.toml), so a renamed lesson renames its workbook too;
- `how-feedback-works`: how answer and check cells work, from FEEDBACK below, the one place
  these words live. Its sentences on widgets and open questions appear only in a workbook that
  has them.

A key without these cells gets them: the header first, the paragraph on feedback after the
cell that follows the header. Afterwards, regenerate the student workbooks
(scripts/make_student_versions.py), which copy both cells.
"""
import json
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from counterpart import manifest  # noqa: E402  (stdlib only)

HEADER_TAG, FEEDBACK_TAG = "workbook-header", "how-feedback-works"

FEEDBACK = (
    "**How feedback works.** Each checked task has an answer cell and, below it, a check cell. "
    "Replace the `...` with your answer, run the answer cell, then run the check cell. It says "
    "\"✔ Correct.\", or what is still wrong with a hint that points back to the lesson; it "
    "never shows the answer. The checks accept equivalent forms: traditional or simplified "
    "characters, a list in any order, `4200` or `\"4,200\"`. Change your answer and check again "
    "as often as you like.")
WIDGET = ("A multiple-choice task also offers a widget: pick an option and press Check. (The "
          "check cell marks what your answer cell holds.)")
OPEN = ("Open questions have no check: no code marks them, so compare your answer with a "
        "classmate's or hand it in.")

# What the key holds, as make_student_versions.py reads it.
WIDGET_CALL = re.compile(r"\.task_\d+_widget\(\)")
OPEN_ANSWER = re.compile(r"<!-- BEGIN SOLUTION -->")


def source(cell):
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def tags(cell):
    return cell.get("metadata", {}).get("tags", [])


def header_text(lesson: manifest.Lesson) -> str:
    """The title and the link to the lesson (relative to exercises/solutions/, where the key is;
    the student version's link is rewritten for exercises/)."""
    return (f"# Workbook {lesson.number} · {lesson.title}\n\n"
            f"This workbook goes with lesson [{lesson.label}](../../{lesson.lesson}).")


def feedback_text(nb: dict) -> str:
    """The paragraph on feedback, with the sentences that apply to this workbook."""
    cells = nb["cells"]
    parts = [FEEDBACK]
    if any(c["cell_type"] == "code" and WIDGET_CALL.search(source(c)) for c in cells):
        parts.append(WIDGET)
    if any(c["cell_type"] == "markdown" and OPEN_ANSWER.search(source(c)) for c in cells):
        parts.append(OPEN)
    return textwrap.fill(" ".join(parts), width=96, break_long_words=False,
                         break_on_hyphens=False)


def _cell(tag, text):
    return {"cell_type": "markdown", "id": tag, "metadata": {"tags": [tag]}, "source": text}


def updated(nb: dict, lesson: manifest.Lesson) -> dict:
    """The key with its header and feedback cells written in (a copy; ``nb`` is unchanged)."""
    cells = [dict(c) for c in nb["cells"]]
    wanted = {HEADER_TAG: header_text(lesson), FEEDBACK_TAG: feedback_text(nb)}
    for tag, text in wanted.items():
        found = [i for i, c in enumerate(cells) if tag in tags(c)]
        if len(found) > 1:
            raise ValueError(f"{lesson.key}: {len(found)} cells are tagged {tag}; keep one")
        if found:
            cells[found[0]]["source"] = text
        elif tag == HEADER_TAG:
            cells.insert(0, _cell(tag, text))
        else:                    # after the header and the introduction that follows it
            header = next(i for i, c in enumerate(cells) if HEADER_TAG in tags(c))
            after = header + 2 if (len(cells) > header + 1
                                   and cells[header + 1]["cell_type"] == "markdown") else header + 1
            cells.insert(after, _cell(tag, text))
    return dict(nb, cells=cells)


def write_feedback_cells(check: bool = False) -> list[str]:
    """Bring every answer key's generated cells up to date (with ``check``, only look).
    Returns the names of the keys that were (or, with ``check``, would be) rewritten."""
    stale = []
    for lesson in manifest.lessons():
        path = ROOT / lesson.key
        if not (lesson.has_workbook and path.is_file()):
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        new = updated(nb, lesson)
        if [source(c) for c in nb["cells"]] == [source(c) for c in new["cells"]]:
            continue
        stale.append(path.name)
        if not check:
            import nbformat  # writes sources as lists of lines, as Jupyter does

            nbformat.write(nbformat.from_dict(new), str(path))
    return stale


def main(argv=None):
    check = "--check" in (sys.argv[1:] if argv is None else argv)
    stale = write_feedback_cells(check)
    if stale:
        print(("out of date: " if check else "updated: ") + ", ".join(stale))
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main())

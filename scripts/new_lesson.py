"""Start a new lesson from the templates in scripts/templates/ (`python3 course.py new-lesson`).

    python scripts/new_lesson.py 08 land_and_labour "Land and labour" [--track core]

It writes, and never overwrites:
- notebooks/NN_slug.ipynb                   the lesson, with a header and one section;
- exercises/solutions/keyNN_slug.ipynb      the answer key, with one placeholder task;
- counterpart/workbooks/wbNN.py             the checks for that task;
- tests/test_wbNN.py                        the tests of those checks;
and adds the lesson to course.toml. Each template already passes the test suite, so after
`python3 course.py build` (which writes the student workbook, titles, times, navigation and
outputs) the suite passes; then replace the placeholders with the lesson.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
sys.path.insert(0, str(ROOT))
from counterpart import manifest  # noqa: E402  (stdlib only)

BLURB = "(one line on what the lesson covers: edit it in course.toml)"


def fill(text: str, number: str, slug: str, title: str) -> str:
    return (text.replace("__NN_____SLUG__", f"{number}_{slug}").replace("__NN__", number)
            .replace("__SLUG__", slug).replace("__TITLE__", title))


def manifest_entry(number: str, slug: str, title: str, track: str) -> str:
    return (f'\n[[lesson]]\nnumber = "{number}"\nslug = "{slug}"\n'
            f"title = {json.dumps(title, ensure_ascii=False)}\n"
            f'blurb = "{BLURB}"\ntrack = "{track}"\n'
            "# A draft needs one task, not six; delete this line when the lesson is written.\n"
            "draft = true\n")


def add_to_manifest(path: Path, entry: str) -> None:
    """Insert ``entry`` after the last [[lesson]] table, keeping the file's comments."""
    text = path.read_text(encoding="utf-8")
    last = text.rindex("\n[[lesson]]")
    end = text.find("\n\n", last + 1)
    end = len(text.rstrip("\n")) if end == -1 else end
    path.write_text(text[:end] + "\n" + entry + text[end:], encoding="utf-8")


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("number")
    parser.add_argument("slug")
    parser.add_argument("title")
    parser.add_argument("--track", choices=("core", "optional"), default="optional")
    args = parser.parse_args(argv)
    toml = root / "course.toml"
    lessons = manifest.lessons(toml)
    number = args.number.zfill(2)
    lesson = manifest.Lesson(number, args.slug, args.title, BLURB, args.track, draft=True)
    # Check everything before writing anything, so a refusal leaves no half-made lesson.
    problems = []
    if not (len(number) == 2 and number.isdigit()):
        problems.append(f"the number must be two digits, like 08 (not {args.number!r})")
    elif lessons and int(number) <= int(lessons[-1].number):
        problems.append(f"lesson numbers must grow: the last lesson is {lessons[-1].number}, so "
                        f"a new one is {int(lessons[-1].number) + 1:02d} or later")
    if not args.slug.replace("_", "").isalnum() or args.slug != args.slug.lower():
        problems.append(f"the slug must be lower-case words joined by _ (not {args.slug!r})")
    if not args.title.strip():
        problems.append("the title is empty")
    files = {
        lesson.lesson: "lesson.ipynb",
        lesson.key: "key.ipynb",
        f"counterpart/workbooks/wb{number}.py": "checks.py.txt",
        f"tests/test_wb{number}.py": "test.py.txt",
    }
    problems += [f"{relative} exists already: new-lesson never overwrites a file"
                 for relative in files if (root / relative).exists()]
    if problems:
        for problem in problems:
            print(f"new-lesson: {problem}", file=sys.stderr)
        return 2
    for relative, template in files.items():
        text = fill((TEMPLATES / template).read_text(encoding="utf-8"), number, args.slug,
                    args.title)
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
        print(f"wrote {relative}")
    add_to_manifest(toml, manifest_entry(number, args.slug, args.title, args.track))
    manifest.lessons(toml)    # the manifest still reads
    print(f"added lesson {number} to course.toml (edit its blurb there)\n"
          "next: python3 course.py build, then python3 course.py test")
    return 0


if __name__ == "__main__":
    sys.exit(main())

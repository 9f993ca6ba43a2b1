"""Run every generator of the course in the right order: what a maintainer runs before
committing (`python3 course.py build`).

    python scripts/build.py           bring every generated file up to date
    python scripts/build.py --check   only say what is out of date (exit 1 if anything is)

The steps, in order (each is also a script of its own):
0. environment.yml from the pins (pins.py);
1. data/report.csv from the source text (segment_report.py);
2. the vocabulary tables, data/vocab.csv and data/vocab_cedict.csv (make_vocab.py);
   the course font, when data/ holds a character it lacks (make_font_subset.py);
3. each key's header and "How feedback works" (workbook_text.py), then the text from the
   manifest in lessons, keys and README: titles, times, navigation, lesson map,
   session plan (course_text.py);
4. the student workbooks from their keys, where a key changed (make_student_versions.py);
   then 3 and 4 again until they agree (a workbook's time is counted on its student version);
5. outputs for notebooks that were never run (a new lesson), as `course.py execute` stores them.
The tests check each step's output, so a stale file fails the suite.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"
sys.path.insert(0, str(ROOT))


def script(name: str):
    """A script of scripts/ as a module (they are not a package)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def report_step(check: bool) -> list[str]:
    from counterpart import segment
    from counterpart.paths import DATA

    text = segment.to_csv(segment.segment(segment.source_text()))
    target = DATA / "report.csv"
    if target.read_text(encoding="utf-8") == text:
        return []
    if not check:
        target.write_text(text, encoding="utf-8", newline="")
    return ["data/report.csv"]


def vocab_step(check: bool) -> list[str]:
    from counterpart.paths import DATA

    tables, _ = script("make_vocab").build()
    stale = [name for name, text in tables.items()
             if not (DATA / name).is_file() or (DATA / name).read_text(encoding="utf-8") != text]
    if not check:
        for name in stale:
            (DATA / name).write_text(tables[name], encoding="utf-8", newline="")
    return [f"data/{name}" for name in stale]


def font_step(check: bool) -> list[str]:
    from fontTools.ttLib import TTFont

    fonts = script("make_font_subset")
    if not fonts.OUTPUT.is_file():
        missing = {"(the font file)"}
    else:
        cmap = TTFont(fonts.OUTPUT).getBestCmap()
        missing = {c for c in fonts.data_chars(fonts.DATA)
                   if fonts.has_glyph(c) and ord(c) not in cmap}
    if not missing:
        return []
    if not check:
        if not fonts.SOURCE_FONT.is_file():
            sys.exit("data/ holds characters the course font lacks "
                     f"({''.join(sorted(missing))[:40]}); install the source font "
                     "(apt-get install fonts-noto-cjk) and run the build again")
        fonts.main([])
    return [f"{fonts.OUTPUT.relative_to(ROOT).as_posix()} (lacks {len(missing)} characters)"]


def environment_step(check: bool) -> list[str]:
    text = script("pins").environment_yml()
    target = ROOT / "environment.yml"
    if target.read_text(encoding="utf-8") == text:
        return []
    if not check:
        target.write_text(text, encoding="utf-8")
    return ["environment.yml"]


def workbook_text_step(check: bool) -> list[str]:
    return [f"exercises/solutions/{name}"
            for name in script("workbook_text").write_feedback_cells(check)]


def text_step(check: bool) -> list[str]:
    course_text = script("course_text")
    stale = [path.relative_to(ROOT).as_posix()
             for path, _ in course_text.stale_notebooks(course_text.Course(ROOT))]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if course_text.updated_readme(course_text.Course(ROOT), readme) != readme:
        stale.append("README.md")
    if stale and not check:
        course_text.main(check=False)
    return stale


def workbooks_step(check: bool) -> list[str]:
    generator = script("make_student_versions")
    stale = generator.stale()
    if stale and not check:
        code = generator.main([str(key) for key, _ in stale])
        if code:
            sys.exit(code)
    return [workbook.relative_to(ROOT).as_posix() for _, workbook in stale]


def never_run(path: Path) -> bool:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return any(c["cell_type"] == "code" and c.get("execution_count") is None
               and "".join(c["source"]).strip() for c in nb["cells"])


def outputs_step(check: bool) -> list[str]:
    from counterpart import manifest

    paths = [ROOT / p for lesson in manifest.lessons()
             for p in (lesson.lesson, lesson.key) if (ROOT / p).is_file()]
    stale = [p for p in paths if never_run(p)]
    if stale and not check:
        course = script_at(ROOT / "course.py")
        generator = script("make_student_versions")
        for path in stale:
            print(f"executing {path.relative_to(ROOT).as_posix()}", flush=True)
            import nbformat

            nb = generator.execute(nbformat.read(str(path), as_version=4), path)
            generator.write(nb, path)
            course.tidy_file(path)
    return [p.relative_to(ROOT).as_posix() for p in stale]


def script_at(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STEPS = [("environment", environment_step), ("report", report_step),
         ("vocabulary", vocab_step), ("font", font_step),
         ("key headers", workbook_text_step), ("text", text_step),
         ("workbooks", workbooks_step), ("outputs", outputs_step)]
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    # Kernels started here store outputs the way the tests compare them.
    tmp = tempfile.mkdtemp(prefix="course-build-")
    os.environ["PYTHONHASHSEED"] = "0"
    for name in ("IPYTHONDIR", "MPLCONFIGDIR", "JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR"):
        os.environ.setdefault(name, str(Path(tmp) / name.lower()))
    import matplotlib.font_manager  # noqa: F401  (builds the font cache here, not in a notebook)
    anything = False
    for name, step in STEPS:
        stale = step(args.check)
        if name == "workbooks" and not args.check:
            # A workbook's time is counted on its student version, made from its key, whose
            # header shows that time: run text and workbooks in turn until both are settled.
            for _ in range(3):
                again = text_step(False) + workbooks_step(False)
                if not again:
                    break
                stale += again
        if stale:
            anything = True
            print(f"[build] {name}: {'out of date' if args.check else 'updated'}: "
                  + ", ".join(dict.fromkeys(stale)), flush=True)
    if not anything:
        print("[build] everything is up to date")
    return 1 if (args.check and anything) else 0


if __name__ == "__main__":
    sys.exit(main())

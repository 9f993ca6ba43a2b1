"""The course's benchmark (`python3 course.py bench`): how fast the widgets answer and how long
each notebook takes to run. A benchmark, not a test: it prints figures and fails on nothing.

    python scripts/bench.py [--notebooks-only | --widgets-only] [--repeat N] [notebook ...]

Widgets: each control of each widget is set 30 times (every value it offers, first visits
included) and the time until every observer has run is recorded: p50, p95 and max in ms.
Notebooks: each notebook is run top to bottom in a fresh kernel (Run All), beside the floor,
a notebook that only starts a kernel and imports pandas, matplotlib and ipywidgets, measured in
the same run; the median of --repeat runs is shown.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FLOOR_SOURCE = "import pandas, matplotlib.pyplot, ipywidgets"


def run_all(nb, folder: Path) -> float:
    """Seconds to start a kernel and run every cell of ``nb`` (a NotebookNode)."""
    from nbclient import NotebookClient

    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(folder)}},
                   store_widget_state=False).execute()
    return time.perf_counter() - start


def floor_notebook():
    import nbformat

    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(FLOOR_SOURCE)])


def notebook_rows(paths: list[Path], repeat: int) -> list[tuple[str, float]]:
    import nbformat

    rows = []
    floor = [run_all(floor_notebook(), ROOT) for _ in range(repeat)]
    rows.append(("(floor: kernel + imports)", statistics.median(floor)))
    for path in paths:
        times = [run_all(nbformat.read(str(path), as_version=4), path.parent)
                 for _ in range(repeat)]
        rows.append((path.relative_to(ROOT).as_posix(), statistics.median(times)))
        print(f"  {rows[-1][0]}: {rows[-1][1]:.1f} s", file=sys.stderr, flush=True)
    return rows


def default_notebooks() -> list[Path]:
    from counterpart import manifest

    return [ROOT / p for lesson in manifest.lessons()
            for p in (lesson.lesson, lesson.workbook) if (ROOT / p).is_file()]


def print_notebooks(rows: list[tuple[str, float]]) -> None:
    floor = rows[0][1]
    print("\nNotebook Run-All (median, seconds; 'over floor' = minus kernel start and imports)")
    print(f"{'notebook':<58} {'run all':>8} {'over floor':>11}")
    for name, seconds in rows:
        print(f"{name:<58} {seconds:>8.1f} {max(0.0, seconds - floor):>11.1f}")


def print_widgets() -> None:
    from counterpart import bench

    print()
    bench.main()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook (median)")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--widgets-only", action="store_true")
    only.add_argument("--notebooks-only", action="store_true")
    args = parser.parse_args(argv)
    import os
    import platform

    print(f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()}")
    if not args.notebooks_only:
        print_widgets()
    if not args.widgets_only:
        paths = [p.resolve() for p in args.notebooks] or default_notebooks()
        print_notebooks(notebook_rows(paths, max(1, args.repeat)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m counterpart.coursework export|grade ...``: what course.py's export and grade
commands run inside the course's environment."""
import argparse
import sys
from pathlib import Path

from . import sandbox


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="course.py")
    sub = parser.add_subparsers(dest="command", required=True)
    grade = sub.add_parser("grade", help="grade a class's handed-in workbooks")
    grade.add_argument("folder", type=Path, help="a folder of notebooks, or an LMS zip")
    grade.add_argument("--out", type=Path, required=True, help="where the results go")
    grade.add_argument("--cell-seconds", type=float, default=sandbox.Limits.cell_seconds)
    grade.add_argument("--submission-seconds", type=float,
                       default=sandbox.Limits.submission_seconds)
    grade.add_argument("--memory-mb", type=int, default=sandbox.Limits.memory_mb)
    grade.add_argument("--output-mb", type=int, default=sandbox.Limits.output_mb)
    grade.add_argument("--workers", type=int, default=None, help="parallel runs (default: cores)")
    export = sub.add_parser("export", help="hand a workbook in")
    export.add_argument("paths", nargs="+", type=Path)
    export.add_argument("--output-dir", type=Path, required=True)
    export.add_argument("--student", default=None, help="your name or ID (asked once otherwise)")
    export.add_argument("--remember", type=Path, default=None,
                        help="the file that remembers the name")
    export.add_argument("--anyway", action="store_true",
                        help="hand in even when no task is answered")
    args = parser.parse_args(argv)
    if args.command == "grade":
        from .grading import grade as run_grade
        from .grading import summary
        folder = args.folder.resolve()
        if not folder.exists():
            print(f"{args.folder} does not exist: give the folder (or zip) of hand-ins.",
                  file=sys.stderr)
            return 2
        limits = sandbox.Limits(args.cell_seconds, args.submission_seconds, args.memory_mb,
                                args.output_mb)
        try:
            submissions = run_grade(folder, args.out, limits, workers=args.workers)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        print(summary(submissions, args.out.resolve()))
        return 0
    from .handin import export_all
    return export_all(args)


if __name__ == "__main__":
    sys.exit(main())

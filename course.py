#!/usr/bin/env python3
"""The course's launcher: standard library only, so it runs on a fresh machine (Linux, macOS,
Windows) with nothing but Python 3.11 or newer.

    python course.py lab        open the course in JupyterLab (installs on first use)
    python course.py test       run the whole test suite (installs the test tools on first use)
    python course.py execute    re-run notebooks in place and store their outputs
    python course.py copy       copy the notebooks into my-work/ for a student to edit
    python course.py export F   save notebook F as HTML in my-work/hand-in/ to hand it in
    python course.py publish D  copy the course without the answer keys into folder D
    python course.py site       build the course website into _build/site/
    python course.py handouts   print A4 handouts (PDF) into _build/handouts/

Everything is installed into .venv/ inside the course folder; nothing touches the system.
"""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME = ROOT / "requirements.txt"
TEST = ROOT / "requirements-test.txt"
CONSTRAINTS = ROOT / "constraints.txt"
START = "notebooks/00_start_here.ipynb"
MY_WORK = ROOT / "my-work"   # students' own copies: git-ignored, never overwritten
NOTEBOOK_DIRS = ("notebooks", "exercises")


def say(message):
    print(f"[course] {message}", flush=True)


def venv_python():
    scripts = "Scripts" if os.name == "nt" else "bin"
    name = "python.exe" if os.name == "nt" else "python"
    return VENV / scripts / name


def ensure_env(with_tests):
    """Create .venv and install the pinned requirements; redo it when they change."""
    if sys.version_info < (3, 11):
        sys.exit(f"This course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = [RUNTIME, CONSTRAINTS] + ([TEST] if with_tests else [])
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in wanted)).hexdigest()
    stamp = VENV / ("course-test.stamp" if with_tests else "course.stamp")
    python = venv_python()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    if not python.exists():
        say("creating a virtual environment in .venv/ (first run only)")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing the pinned packages (first run, or the requirements changed)")
    pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    req = TEST if with_tests else RUNTIME
    run(pip + ["-r", str(req), "-c", str(CONSTRAINTS)])
    run(pip + ["--no-deps", "-e", str(ROOT)])
    install_settings(python)
    stamp.write_text(digest)
    return python


def install_settings(python):
    """Install the classroom JupyterLab settings (no news or update pop-ups, no extension
    manager) into the environment of ``python`` (see scripts/jupyter_settings.py)."""
    prefix = subprocess.check_output(
        [str(python), "-c", "import sys; print(sys.prefix)"], text=True).strip()
    run([str(python), str(ROOT / "scripts" / "jupyter_settings.py"), prefix],
        stdout=subprocess.DEVNULL)


def run(command, **kwargs):
    result = subprocess.run(command, cwd=ROOT, **kwargs)
    if result.returncode:
        sys.exit(result.returncode)


def deterministic_env(tmp):
    """Environment for storing and testing notebook outputs: same hash seed, no $HOME writes."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYDEVD_DISABLE_FILE_VALIDATION="1")
    for name in ("IPYTHONDIR", "MPLCONFIGDIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR",
                 "JUPYTER_RUNTIME_DIR"):
        env.setdefault(name, str(Path(tmp) / name.lower()))
    return env


def cmd_lab(args):
    python = ensure_env(with_tests=False)
    say(f"opening JupyterLab at {START} (stop it with Ctrl+C)")
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    # The course folder as the root (so exercises/ and data/ are in the file browser and the
    # lessons' links work), with 00 open: given a file alone, Jupyter would root at its folder.
    run([str(python), "-m", "jupyter", "lab", f"--ServerApp.root_dir={ROOT}", START,
         *as_root, *args.rest])


def cmd_test(args):
    python = ensure_env(with_tests=True)
    command = [str(python), "-m", "pytest", *args.rest]
    if os.environ.get("CI") == "true" or args.offline:
        # Prove the course needs no network: run in a namespace with only loopback.
        script = 'ip link set lo up && exec "$@"'
        command = ["unshare", "--net", "sh", "-c", script, "sh", *command]
        say("running the tests with networking switched off (loopback only)")
    with tempfile.TemporaryDirectory(prefix="course-test-") as tmp:
        run(command, env=deterministic_env(tmp))


def notebooks(paths):
    if paths:
        return [Path(p) for p in paths]
    return sorted(p.relative_to(ROOT) for d in NOTEBOOK_DIRS for p in (ROOT / d).rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts)


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = "[An interactive widget: run this cell to use it.]"


def tidy(nb):
    """Make stored outputs the same on every run: no execution timestamps, and widget views
    (whose model ids are random and whose state is not stored) replaced by a short note."""
    for cell in nb["cells"]:
        cell.get("metadata", {}).pop("execution", None)
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}):
                output["data"] = {"text/plain": [WIDGET_NOTE]}
    return nb


def tidy_file(path):
    nb = tidy(json.loads(Path(path).read_text(encoding="utf-8")))
    Path(path).write_text(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def cmd_execute(args):
    python = ensure_env(with_tests=True)
    with tempfile.TemporaryDirectory(prefix="course-exec-") as tmp:
        for path in notebooks(args.paths):
            say(f"executing {path}")
            run([str(python), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                 "--inplace", "--ExecutePreprocessor.store_widget_state=False",
                 "--ExecutePreprocessor.record_timing=False",
                 "--ExecutePreprocessor.timeout=120", str(path)],
                env=deterministic_env(tmp))
            tidy_file(ROOT / path)


def cmd_copy(args):
    """Copy the course notebooks into my-work/, never overwriting a student's edited copy."""
    for path in notebooks([]):
        if path.parts[:2] == ("exercises", "solutions") and not args.solutions:
            continue
        dest = MY_WORK / path
        if dest.exists() and not args.force:
            say(f"kept your copy my-work/{path.as_posix()} (use --force to replace it)")
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / path, dest)
        say(f"copied {path.as_posix()} -> my-work/{path.as_posix()}")


def cmd_export(args):
    """Save a notebook as a self-contained HTML page (Chinese intact) for handing in."""
    python = ensure_env(with_tests=False)
    out = Path(args.output_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    for path in args.paths:
        run([str(python), "-m", "jupyter", "nbconvert", "--to", "html", "--output-dir",
             str(out), str(Path(path).resolve())])
        say(f"saved {out / (Path(path).stem + '.html')}: hand in that file")


def cmd_publish(args):
    """Copy the course into a new folder without exercises/solutions/ (the answer keys), for
    an instructor to share with a class."""
    dest = Path(args.dest).resolve()
    if dest.exists() and any(dest.iterdir()):
        sys.exit(f"{dest} is not empty: choose a new folder")
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode:
        sys.exit("publish needs git and a git checkout of the course")
    kept = 0
    for name in listed.stdout.splitlines():
        if name.startswith("exercises/solutions/"):
            continue
        target = dest / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
        kept += 1
    say(f"copied {kept} files to {dest}, without exercises/solutions/")


def cmd_site(args):
    """Build the website (or the handouts) in the course's environment: the build tools are
    in requirements-test.txt, the logic in scripts/build_site.py and the package."""
    python = ensure_env(with_tests=True)
    run([str(python), str(ROOT / "scripts" / "build_site.py"), args.command])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    lab = sub.add_parser("lab", help="open the course in JupyterLab",
                         epilog="Any other arguments are passed on to jupyter lab.")
    lab.set_defaults(func=cmd_lab)
    test = sub.add_parser("test", help="run the whole test suite",
                          epilog="Any other arguments are passed on to pytest.")
    test.add_argument("--offline", action="store_true",
                      help="switch networking off for the run (Linux, as root; on in CI)")
    test.set_defaults(func=cmd_test)
    execute = sub.add_parser("execute", help="re-run notebooks in place, storing outputs")
    execute.add_argument("paths", nargs="*", help="notebooks (default: all)")
    execute.set_defaults(func=cmd_execute)
    copy = sub.add_parser("copy", help="copy the notebooks into my-work/ to edit")
    copy.add_argument("--force", action="store_true", help="replace copies you have edited")
    copy.add_argument("--solutions", action="store_true", help="copy the answer keys too")
    copy.set_defaults(func=cmd_copy)
    export = sub.add_parser("export", help="save notebooks as HTML to hand in")
    export.add_argument("paths", nargs="+", help="the notebooks, e.g. my-work/exercises/...")
    export.add_argument("--output-dir", default=str(MY_WORK / "hand-in"))
    export.set_defaults(func=cmd_export)
    publish = sub.add_parser("publish", help="copy the course without the answer keys")
    publish.add_argument("dest", help="a new, empty folder")
    publish.set_defaults(func=cmd_publish)
    site = sub.add_parser("site", help="build the course website into _build/site/")
    site.set_defaults(func=cmd_site)
    handouts = sub.add_parser("handouts", help="print A4 handouts into _build/handouts/")
    handouts.set_defaults(func=cmd_site)
    args, rest = parser.parse_known_args(argv)
    if rest and args.command not in ("lab", "test"):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest      # lab and test pass anything else on to jupyter lab and pytest
    args.func(args)


if __name__ == "__main__":
    main()

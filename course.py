#!/usr/bin/env python3
"""The course's launcher: standard library only, so it runs on a fresh machine (Linux, macOS,
Windows) with nothing but Python 3.11 or newer.

    python course.py lab        open the course in JupyterLab (installs on first use)
    python course.py test       run the whole test suite (installs the test tools on first use)
    python course.py execute    re-run notebooks in place and store their outputs
    python course.py copy       copy the notebooks into my-work/ for a student to edit
    python course.py update     bring in a course update, keeping your work in my-work/
    python course.py export F   hand in workbook F (HTML and notebook in my-work/hand-in/)
    python course.py grade D --out O   grade a class's hand-ins (instructors)
    python course.py publish D  copy the course without the answer keys into folder D
    python course.py build      run every generator (maintainers, before committing)
    python course.py new-lesson NN slug "Title"   start a new lesson from the templates
    python course.py bench      time the widgets and each notebook's Run-All
    python course.py vocab      write an Anki deck and a Pleco file of the report's words
    python course.py site       build the course website into _build/site/
    python course.py handouts   print A4 handouts (PDF) into _build/handouts/
    python course.py link       print the nbgitpuller link that opens the course on a JupyterHub
    python course.py classroom-test --students N   a class of N on a real JupyterHub, here

Everything is installed into .venv/ inside the course folder; nothing touches the system
(on a JupyterHub whose environment has the course's packages, that environment is used).
"""
import argparse
import hashlib
import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import types
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
RUNTIME = ROOT / "requirements.txt"
TEST = ROOT / "requirements-test.txt"
CONSTRAINTS = ROOT / "constraints.txt"
START = "notebooks/00_start_here.ipynb"     # relative to the course and to my-work/
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
    if sys.version_info < (3, 11):  # noqa: UP036 - runs under any python3; says why it stops
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


COURSE_PACKAGES = ("counterpart", "jupyterlab", "ipywidgets", "pandas", "matplotlib")


def course_python():
    """The Python that runs the course. On a JupyterHub (or with COURSE_USE_CURRENT_ENV=1) it
    is the hub's own, when that already has the course's packages: no student builds a .venv
    of over 100 packages. Anywhere else, .venv (created on first use)."""
    on_hub = os.environ.get("JUPYTERHUB_USER") or os.environ.get("COURSE_USE_CURRENT_ENV") == "1"
    if on_hub:
        # -P: find the packages installed, not the counterpart/ folder beside this script.
        check = ("import importlib.util as u, sys; "
                 f"sys.exit(any(u.find_spec(name) is None for name in {COURSE_PACKAGES!r}))")
        found = subprocess.run([sys.executable, "-P", "-c", check], cwd=ROOT, capture_output=True)
        if found.returncode == 0:
            return Path(sys.executable)
        say("this environment lacks the course's packages (see the README's JupyterHub section)")
    return ensure_env(with_tests=False)


def course_module(name):
    """counterpart.<name> without the package's __init__ (which needs pandas and matplotlib):
    counterpart/manifest.py and counterpart/launch.py are standard library only."""
    if "counterpart" not in sys.modules:
        package = types.ModuleType("counterpart")
        package.__path__ = [str(ROOT / "counterpart")]
        sys.modules["counterpart"] = package
    return importlib.import_module(f"counterpart.{name}")


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


def lab_command(python, port_args=()):
    """The JupyterLab command of `lab`: rooted at my-work/, so the student sees and saves only
    their own copies (the tracked lessons stay untouched); the address it prints opens 00."""
    as_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    return [str(python), "-m", "jupyter", "lab", f"--ServerApp.root_dir={MY_WORK}",
            f"--LabApp.default_url=/lab/tree/{START}", *as_root, *port_args]


def first_use_copies():
    """Make the student's copies in my-work/ that do not exist yet (never replacing one)."""
    if not (MY_WORK / START).exists():
        say("first use: copying the lessons and workbooks into my-work/, where your work is kept")
    copy_notebooks(force=False, solutions=False, quiet=True)


def cmd_lab(args):
    python = course_python()
    first_use_copies()
    say(f"opening JupyterLab at my-work/{START} (stop it with Ctrl+C)")
    run([*lab_command(python), str(MY_WORK / START), *args.rest])


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


def coalesce_streams(outputs):
    """One output per run of printing to the same stream: how a print is split into several
    outputs depends on the machine's load, so splits would change the stored notebook."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else {}
        if (output.get("output_type") == "stream" and previous.get("output_type") == "stream"
                and previous.get("name") == output.get("name")):
            text = "".join(previous["text"]) + "".join(output["text"])
            previous["text"] = text.splitlines(keepends=True)
        else:
            merged.append(output)
    return merged


def tidy(nb):
    """Make stored outputs the same on every run: no execution timestamps, streams merged, and
    no widget views (their model ids are random and their state is not stored). A course
    widget's static forms (text/plain, text/html) stay in their place, so a page without a
    kernel shows them; any other widget keeps a short note."""
    for cell in nb["cells"]:
        cell.get("metadata", {}).pop("execution", None)
        if "outputs" in cell:
            cell["outputs"] = coalesce_streams(cell["outputs"])
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                del data[WIDGET_VIEW]
                if "text/html" not in data:
                    output["data"] = {"text/plain": [WIDGET_NOTE]}
    return nb


def tidy_file(path):
    nb = tidy(json.loads(Path(path).read_text(encoding="utf-8")))
    Path(path).write_text(json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n",
                          encoding="utf-8")


def cmd_execute(args):
    python = ensure_env(with_tests=True)
    with tempfile.TemporaryDirectory(prefix="course-exec-") as tmp:
        # Build matplotlib's font cache first: building it prints a note on stderr, which
        # would otherwise be stored in the first notebook's outputs.
        run([str(python), "-c", "import matplotlib.font_manager"], env=deterministic_env(tmp))
        for path in notebooks(args.paths):
            say(f"executing {path}")
            run([str(python), "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
                 "--inplace", "--ExecutePreprocessor.store_widget_state=False",
                 "--ExecutePreprocessor.record_timing=False",
                 "--ExecutePreprocessor.timeout=120", str(path)],
                env=deterministic_env(tmp))
            tidy_file(ROOT / path)


def copy_notebooks(force=False, solutions=False, quiet=False):
    """Copy the course notebooks into my-work/, never overwriting a copy without ``force``."""
    for path in notebooks([]):
        if path.parts[:2] == ("exercises", "solutions") and not solutions:
            continue
        dest = MY_WORK / path
        if dest.exists() and not force:
            if not quiet:
                say(f"kept your copy my-work/{path.as_posix()} (use --force to replace it)")
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / path, dest)
        if not quiet:
            say(f"copied {path.as_posix()} -> my-work/{path.as_posix()}")


def cmd_copy(args):
    """Copy the course notebooks into my-work/, never overwriting a student's edited copy."""
    copy_notebooks(args.force, args.solutions)


def coursework(python, *arguments):
    """Run counterpart/coursework (hand-in and grading) in the course's environment."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])))
    result = subprocess.run([str(python), "-m", "counterpart.coursework", *arguments], env=env)
    if result.returncode:
        sys.exit(result.returncode)


def cmd_export(args):
    """Hand in workbooks: run each as saved, count answers, save HTML and .ipynb."""
    python = course_python()
    extra = (["--student", args.student] if args.student else []) + \
        (["--anyway"] if args.anyway else [])
    coursework(python, "export", *[str(Path(p).resolve()) for p in args.paths],
               "--output-dir", str(Path(args.output_dir).resolve()),
               "--remember", str(MY_WORK / ".student.json"), *extra)


def cmd_grade(args):
    """Grade a folder (or LMS zip) of hand-ins with the course's own checks."""
    python = course_python()
    coursework(python, "grade", str(Path(args.folder).resolve()), "--out",
               str(Path(args.out).resolve()), *args.rest)


def cmd_update(args):
    """Update the course (git), keeping the student's work; see counterpart/coursework/update.py."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        "_course_update", ROOT / "counterpart" / "coursework" / "update.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    code = module.update(ROOT, MY_WORK, tag=args.tag, latest=args.latest,
                         say=lambda m: print(m, flush=True))
    if code:
        sys.exit(code)


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


def run_script(name, arguments, with_tests=True):
    """Run scripts/<name>.py in the course's environment (the maintainers' tools)."""
    python = ensure_env(with_tests=with_tests)
    run([str(python), str(ROOT / "scripts" / f"{name}.py"), *arguments])


def cmd_build(args):
    run_script("build", ["--check"] if args.check else [])


def cmd_new_lesson(args):
    run_script("new_lesson", [args.number, args.slug, args.title,
                              *(["--track", args.track] if args.track else [])])


def cmd_bench(args):
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp:
        python = ensure_env(with_tests=True)
        run([str(python), str(ROOT / "scripts" / "bench.py"), *args.rest],
            env=deterministic_env(tmp))


def cmd_vocab(args):
    """Write vocabulary decks (Anki and Pleco) with counterpart.vocab, in the course's
    environment; it refuses to replace existing decks without --force."""
    python = course_python()
    forward = ["--out", str(Path(args.out).resolve())]
    forward += ["--lesson", args.lesson] if args.lesson else []
    forward += ["--level", args.level] if args.level else []
    forward += ["--force"] if args.force else []
    run([str(python), "-m", "counterpart.vocab", *forward])


def cmd_link(args):
    """Print the nbgitpuller link for a class: defaults from course.toml's [launch]."""
    launch = course_module("launch")
    defaults = launch.defaults()
    hub, repo = args.hub or defaults.get("hub"), args.repo or defaults.get("repo")
    if not hub or not repo:
        sys.exit("give the hub's address and the course's git address: --hub "
                 "https://hub.example.edu --repo https://github.com/you/course "
                 "(or set them in course.toml's [launch])")
    branch = args.branch or defaults.get("branch") or "main"
    try:
        print(launch.hub_link(hub, repo, branch))
    except ValueError as error:
        sys.exit(f"cannot make the link: {error}")
    tags = subprocess.run(["git", "tag", "--list", branch], cwd=ROOT, capture_output=True,
                          text=True).stdout if shutil.which("git") else ""
    if tags.strip():
        print(f"note: {branch} is a tag. nbgitpuller clones a tag, but a second click on the "
              "link fails (it updates branches only): for a class, make a branch at the tag "
              f"(git branch class-{branch} {branch}) and link to that.", file=sys.stderr)


def cmd_classroom_test(args):
    """Run scripts/classroom_test.py (a JupyterHub on this machine) in the test environment."""
    python = ensure_env(with_tests=True)
    run([str(python), str(ROOT / "scripts" / "classroom_test.py"), *args.rest])
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
    export = sub.add_parser("export", help="hand in a workbook (HTML and notebook)")
    export.add_argument("paths", nargs="+", help="the notebooks, e.g. my-work/exercises/...")
    export.add_argument("--output-dir", default=str(MY_WORK / "hand-in"))
    export.add_argument("--student", help="your name or ID (asked once, then remembered)")
    export.add_argument("--anyway", action="store_true",
                        help="hand in even if the file looks unsaved or has no answers")
    export.set_defaults(func=cmd_export)
    update = sub.add_parser("update", help="bring in a course update, keeping your work")
    update.add_argument("--tag", help="follow this release (your instructor names it)")
    update.add_argument("--latest", action="store_true",
                        help="stop following a release; take the newest version")
    update.set_defaults(func=cmd_update)
    grade = sub.add_parser("grade", help="grade a class's hand-ins (instructors)",
                           epilog="Limits: --cell-seconds, --submission-seconds, --memory-mb, "
                                  "--output-mb, --workers.")
    grade.add_argument("folder", help="a folder of handed-in notebooks, or an LMS zip")
    grade.add_argument("--out", required=True, help="where the gradebook and feedback go")
    grade.set_defaults(func=cmd_grade)
    publish = sub.add_parser("publish", help="copy the course without the answer keys")
    publish.add_argument("dest", help="a new, empty folder")
    publish.set_defaults(func=cmd_publish)
    build = sub.add_parser("build", help="run every generator (before committing)")
    build.add_argument("--check", action="store_true", help="only say what is out of date")
    build.set_defaults(func=cmd_build)
    new = sub.add_parser("new-lesson", help="start a lesson, its workbook and checks")
    new.add_argument("number", help="two digits, e.g. 08")
    new.add_argument("slug", help="lower-case words joined by _, e.g. land_and_labour")
    new.add_argument("title", help='the title, e.g. "Land and labour"')
    new.add_argument("--track", choices=("core", "optional"), help="default: optional")
    new.set_defaults(func=cmd_new_lesson)
    bench = sub.add_parser("bench", help="time the widgets and the notebooks (a benchmark)",
                           epilog="Any other arguments are passed on to scripts/bench.py.")
    bench.set_defaults(func=cmd_bench)
    vocab = sub.add_parser("vocab", help="write an Anki deck and a Pleco file of the words")
    vocab.add_argument("--lesson", help="only the paragraphs this lesson cites (e.g. 04)")
    vocab.add_argument("--level", help="only words at this HSK level or above (1-6, 7-9)")
    vocab.add_argument("--out", default=str(MY_WORK / "decks"),
                       help="the folder to write into (default: my-work/decks)")
    vocab.add_argument("--force", action="store_true", help="replace existing deck files")
    vocab.set_defaults(func=cmd_vocab)

    link = sub.add_parser("link", help="print the nbgitpuller link for a JupyterHub")
    link.add_argument("--hub", help="the hub's address, e.g. https://hub.example.edu")
    link.add_argument("--repo", help="the course's git address (https://... or file://...)")
    link.add_argument("--branch", help="a branch, or a tag to pin a release (default: main)")
    link.set_defaults(func=cmd_link)
    classroom = sub.add_parser("classroom-test", help="a class on a JupyterHub on this machine",
                               epilog="Options (--students N, --json F) go to the script.")
    classroom.set_defaults(func=cmd_classroom_test)
    site = sub.add_parser("site", help="build the course website into _build/site/")
    site.set_defaults(func=cmd_site)
    handouts = sub.add_parser("handouts", help="print A4 handouts into _build/handouts/")
    handouts.set_defaults(func=cmd_site)
    args, rest = parser.parse_known_args(argv)
    if rest and args.command not in ("lab", "test", "grade", "bench", "classroom-test"):
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    args.rest = rest      # these pass anything else on to the tool they run
    args.func(args)


if __name__ == "__main__":
    main()

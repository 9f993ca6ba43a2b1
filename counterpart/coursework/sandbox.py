"""Run one submission's cells as untrusted code: its own process, time, memory and output
limits, its children killed with it, and, where the system allows (Linux as root), no network,
an unprivileged user and a private view of the file system that hides the class folder, the
answer keys and the course's git history.

This protects a grading run against mistakes and casual mischief, not against a determined
attacker: see the README ("What the grader protects against").
"""
from __future__ import annotations

import contextlib
import json
import os
import queue
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..paths import ROOT

RUNNER = Path(__file__).with_name("runner.py")
NOBODY = 65534
COURSE_PARTS = ("counterpart", "data", "course.toml")   # what a submission's cells may import


@dataclass(frozen=True)
class Limits:
    """Per-submission limits (the tests set them small)."""
    cell_seconds: float = 60
    submission_seconds: float = 300
    memory_mb: int = 1536
    output_mb: int = 10


@dataclass
class Run:
    """What came back from one submission: its answers at each check, cell errors, and how it
    ended (``status`` "ran", "timeout", "crashed" or "too much output")."""
    answers: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)       # cell id -> error line
    status: str = "ran"
    note: str = ""


def isolation_available() -> bool:
    """Namespaces and an unprivileged user: Linux, as root, with util-linux's tools."""
    return (sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0
            and bool(shutil.which("unshare")) and bool(shutil.which("setpriv")))


def isolation_works() -> bool:
    """True when an isolated process can actually start (containers may forbid namespaces)."""
    if not isolation_available():
        return False
    probe = subprocess.run(["unshare", "--net", "--mount", "--pid", "--fork", "true"],
                           capture_output=True)
    return probe.returncode == 0


def prepare_course_copy(dest: Path) -> Path:
    """A copy of what the workbooks import (package, data, manifest), without the keys."""
    for name in COURSE_PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name, ignore=shutil.ignore_patterns(
                "__pycache__", ".ipynb_checkpoints"))
        elif source.is_file():
            shutil.copy2(source, dest / name)
    return dest


def _isolated(command: list[str], hidden: list[Path]) -> list[str]:
    """Wrap ``command`` in new network, mount and process namespaces; hide ``hidden`` folders
    behind empty file systems; drop to the unprivileged user."""
    mounts = "".join(
        f"mount -t tmpfs -o size=64k,mode=0755 none {shlex.quote(str(p))} && " if p.is_dir()
        else f"mount --bind /dev/null {shlex.quote(str(p))} && "
        for p in hidden if p.exists())
    # No exec: sh stays process 1 of the namespace, so the runner can be killed like any
    # process (process 1 ignores SIGKILL from inside), and all die when sh exits.
    script = (mounts + f"setpriv --reuid={NOBODY} --regid={NOBODY} --clear-groups "
              "--no-new-privs \"$@\"")
    return ["unshare", "--net", "--mount", "--pid", "--fork", "--kill-child",
            "sh", "-c", script, "sh", *command]


def _kill(process: subprocess.Popen):
    """Kill the submission's whole process group (children it left running included)."""
    try:
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError, OSError):
        pass
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


def run_program(program: list[dict], workdir: Path, limits: Limits, *, isolate: bool,
                hidden: list[Path] = ()) -> Run:
    """Run ``program`` (steps for runner.py) with ``workdir`` as its home and working folder."""
    workdir.mkdir(parents=True, exist_ok=True)
    course = prepare_course_copy(workdir / "course")
    program_path = workdir / "program.json"
    cpu_seconds = int(limits.submission_seconds) + 5
    header = {"memory_bytes": limits.memory_mb * 1024 * 1024, "cpu_seconds": cpu_seconds,
              "file_bytes": limits.output_mb * 1024 * 1024}
    program_path.write_text(json.dumps({"limits": header, "steps": program}, ensure_ascii=False),
                            encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(workdir), "LANG": "C.UTF-8",
           "IPYTHONDIR": str(workdir / ".ipython"), "MPLCONFIGDIR": str(workdir / ".mpl"),
           "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1",
           "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "PYTHONPATH": str(course),
           "TMPDIR": str(workdir), "PYDEVD_DISABLE_FILE_VALIDATION": "1"}
    if os.name == "nt":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", "")
    read_end, write_end = os.pipe()
    command = [sys.executable, str(RUNNER), str(program_path), str(write_end), str(course)]
    if isolate:
        for path in [workdir, *workdir.rglob("*")]:
            os.chown(path, NOBODY, NOBODY)
        workdir.chmod(0o700)
        command = _isolated(command, list(hidden))
    output = open(workdir / "output.txt", "wb")  # noqa: SIM115 - closed after the run
    # A new session, so the whole group (children included) can be killed at the end. The
    # runner sets its own resource limits before it runs any submission code.
    kwargs = {"start_new_session": True, "pass_fds": (write_end,)} if os.name == "posix" else {
        "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    try:
        process = subprocess.Popen(command, cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                                   stdout=output, stderr=subprocess.STDOUT, **kwargs)
    finally:
        os.close(write_end)
        output.close()
    return _collect(process, read_end, limits)


def _reader(fd: int, events: queue.Queue, cap: int):
    total = 0
    with os.fdopen(fd, "r", encoding="utf-8", errors="replace") as stream:
        for line in stream:
            total += len(line)
            if total > cap:
                events.put(("overflow", None))
                return
            try:
                events.put(("event", json.loads(line)))
            except ValueError:
                events.put(("garbage", line[:100]))
    events.put(("eof", None))


def _collect(process: subprocess.Popen, fd: int, limits: Limits) -> Run:
    events: queue.Queue = queue.Queue()
    cap = limits.output_mb * 1024 * 1024
    threading.Thread(target=_reader, args=(fd, events, cap), daemon=True).start()
    run = Run()
    started = time.monotonic()
    cell_deadline, current = None, None
    finished = False
    try:
        while True:
            deadlines = [started + limits.submission_seconds]
            if cell_deadline:
                deadlines.append(cell_deadline)
            wait = min(deadlines) - time.monotonic()
            try:
                kind, event = events.get(timeout=max(wait, 0.01))
            except queue.Empty:
                whole = time.monotonic() >= started + limits.submission_seconds
                run.status = "timeout"
                run.note = (f"the submission ran longer than {limits.submission_seconds:g} s"
                            if whole else f"cell {current} ran longer than "
                            f"{limits.cell_seconds:g} s")
                break
            if kind == "overflow":
                run.status, run.note = "too much output", "its answers were too large"
                break
            if kind == "eof":
                # its own exit status, before we kill the group
                with contextlib.suppress(subprocess.TimeoutExpired):
                    process.wait(timeout=5)
                break
            if kind != "event" or not isinstance(event, dict):
                continue
            if "start" in event:
                current = event.get("id")
                cell_deadline = time.monotonic() + limits.cell_seconds
            elif "end" in event:
                cell_deadline = None
                if event.get("error"):
                    run.errors[str(event.get("id"))] = str(event["error"])
            elif "answers" in event and isinstance(event["answers"], dict):
                for name, value in event["answers"].items():
                    run.answers.setdefault(name, value)    # the first capture counts
            elif event.get("done"):
                finished = True
                break
    finally:
        _kill(process)
    if run.status == "ran" and not finished:
        code = process.returncode
        how = (f"killed by signal {-code}" if code and code < 0 else f"exit code {code}")
        run.status = "crashed"
        run.note = (f"the kernel stopped in cell {current} ({how}; memory limit "
                    f"{limits.memory_mb} MB, CPU limit {int(limits.submission_seconds) + 5} s)")
    return run

"""``python3 course.py update``: bring in a course update without losing a student's work.

Standard library only, and loaded by file path (course.py runs it before anything is
installed). In a git clone: refuse when course files outside my-work/ were changed, fetch,
fast-forward (or check out the tag the class is pinned to), say what changed, then bring the
student's copies in my-work/ up to date: a copy never edited is replaced by the new version
(following renamed lessons), an edited one is kept and the new version put beside it, and new
lessons are copied. Nothing the student wrote is overwritten or deleted.
"""
from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

NOTEBOOK_DIRS = ("notebooks", "exercises")
PIN_FILE = ".course-pin.json"       # in my-work/: the tag the class follows


def _manifest(root: Path):
    spec = importlib.util.spec_from_file_location("_course_manifest",
                                                  root / "counterpart" / "manifest.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module      # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


class Git:
    def __init__(self, root: Path):
        self.root = root

    def __call__(self, *args, check=True) -> str:
        result = subprocess.run(["git", "-C", str(self.root), *args], capture_output=True)
        if check and result.returncode:
            raise RuntimeError(result.stderr.decode("utf-8", "replace").strip()
                               or f"git {args[0]} failed")
        return result.stdout.decode("utf-8", "replace").strip() if result.returncode == 0 else ""

    def blob(self, commit: str, path: str) -> bytes | None:
        result = subprocess.run(["git", "-C", str(self.root), "show", f"{commit}:{path}"],
                                capture_output=True)
        return result.stdout if result.returncode == 0 else None

    def file_hash(self, path: Path) -> str:
        return self("hash-object", str(path))

    def past_hashes(self, commit: str, path: str) -> set[str]:
        """Every version ``path`` has had up to ``commit`` (blob ids)."""
        raw = self("log", "--format=", "--raw", "--no-abbrev", commit, "--", path, check=False)
        found = set()
        for line in raw.splitlines():
            fields = line.split()
            if len(fields) >= 4 and line.startswith(":"):
                found.update(fields[2:4])
        found.discard("0" * 40)
        return found


def _course_files(git: Git, commit: str, with_keys: bool) -> list[str]:
    names = git("ls-tree", "-r", "--name-only", commit, "--", *NOTEBOOK_DIRS).splitlines()
    return [n for n in names if n.endswith(".ipynb")
            and (with_keys or not n.startswith("exercises/solutions/"))]


def _beside(path: Path) -> Path:
    """my-work/x.ipynb -> my-work/x.new.ipynb (x.new-2.ipynb, ... if taken)."""
    candidate, n = path.with_name(f"{path.stem}.new.ipynb"), 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.new-{n}.ipynb")
    return candidate


def reconcile(root: Path, my_work: Path, git: Git, old: str, new: str, say) -> None:
    """Bring my-work/ from the course at ``old`` to the course at ``new``."""
    renamed = _manifest(root).renamed(root / "course.toml")
    with_keys = (my_work / "exercises" / "solutions").is_dir()
    new_files = set(_course_files(git, new, True))
    handled = set()
    for copy in sorted(my_work.rglob("*.ipynb")):
        rel = copy.relative_to(my_work).as_posix()
        if ".ipynb_checkpoints" in rel or rel.split("/")[0] not in NOTEBOOK_DIRS:
            continue
        target_rel = renamed.get(rel, rel)
        if target_rel not in new_files:
            continue
        handled.add(target_rel)
        new_content = git.blob(new, target_rel)
        target = my_work / target_rel
        if copy.read_bytes() == new_content and target == copy:
            continue
        unedited = git.file_hash(copy) in git.past_hashes(old, rel)
        if unedited and (target == copy or not target.exists()):
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(new_content)
            if target != copy:
                copy.unlink()        # identical to a course version: nothing of theirs is lost
                say(f"  my-work/{rel} is now my-work/{target_rel} (the lesson was renamed)")
            else:
                say(f"  updated my-work/{rel} (you had not changed it)")
        elif git.blob(old, rel) != new_content:
            place = target if not target.exists() else _beside(target)
            place.parent.mkdir(parents=True, exist_ok=True)
            place.write_bytes(new_content)
            say(f"  kept your edited my-work/{rel}; the new version is beside it: "
                f"my-work/{place.relative_to(my_work).as_posix()}")
    for rel in _course_files(git, new, with_keys):
        target = my_work / rel
        if rel not in handled and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(git.blob(new, rel))
            say(f"  new: my-work/{rel}")


def update(root: Path, my_work: Path, tag: str | None = None, latest: bool = False,
           say=print) -> int:
    """Update the course in ``root``; returns an exit code (0 done, 1 refused)."""
    if not (root / ".git").exists():
        say("This copy of the course is not a git clone, so it cannot update itself. Get the "
            "new version (a fresh `git clone`, or the download your instructor gives you), "
            "then copy your my-work/ folder into it: all your work is in my-work/.")
        return 1
    git = Git(root)
    changed = git("status", "--porcelain", "--untracked-files=no")
    if changed:
        files = ", ".join(line.split(None, 1)[-1] for line in changed.splitlines()[:8])
        say(f"Nothing was updated: you changed course files outside my-work/ ({files}). "
            "Copy what you want to keep into my-work/, then undo the changes with "
            "`git stash` (which keeps them aside) and run update again.")
        return 1
    pin_path = my_work / PIN_FILE
    pinned = json.loads(pin_path.read_text(encoding="utf-8")).get("tag") \
        if pin_path.is_file() else None
    if latest:
        pinned = None
    if tag:
        pinned = tag
    old = git("rev-parse", "HEAD")
    try:
        remote = git("config", "--get", "remote.origin.url", check=False)
        if not remote:
            say("Nothing was updated: this clone has no `origin` to update from.")
            return 1
        git("fetch", "--quiet", "--tags", "--force", "origin")
    except RuntimeError as error:
        say(f"Nothing was updated: could not reach the course's repository ({error}).")
        return 1
    try:
        if pinned:
            if not git("rev-parse", "--verify", "--quiet", f"refs/tags/{pinned}", check=False):
                say(f"Nothing was updated: the course has no release tagged {pinned!r}. "
                    f"Tags: {', '.join(git('tag').split()) or 'none'}.")
                return 1
            git("checkout", "--quiet", "--detach", f"refs/tags/{pinned}")
        else:
            branch = git("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
            if not branch:               # pinned before: go back to the course's branch
                branch = git("rev-parse", "--abbrev-ref", "origin/HEAD", check=False)
                branch = branch.removeprefix("origin/") or "main"
                git("checkout", "--quiet", branch)
            git("merge", "--ff-only", "--quiet", "@{upstream}")
    except RuntimeError as error:
        say(f"Nothing was updated: git could not move to the new version ({error}). Your "
            "copy of the course may have commits of its own; ask your instructor.")
        return 1
    if pinned:
        my_work.mkdir(exist_ok=True)
        pin_path.write_text(json.dumps({"tag": pinned}) + "\n", encoding="utf-8")
    elif pin_path.exists():
        pin_path.unlink()               # our own note, not the student's work
    new = git("rev-parse", "HEAD")
    where = f"release {pinned}" if pinned else "the newest version"
    if new == old:
        say(f"The course is already at {where}; nothing to update.")
        return 0
    say(f"Updated the course to {where}. What changed:")
    for line in git("log", "--oneline", "--no-decorate", f"{old}..{new}").splitlines()[:15]:
        say(f"  {line}")
    if my_work.is_dir():
        say("Your copies in my-work/:")
        reconcile(root, my_work, git, old, new, say)
    return 0

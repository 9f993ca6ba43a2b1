"""The course manifest, course.toml: the one list of lessons and their files.

Standard library only, so the launcher and the build scripts can read it before anything is
installed. Everything that lists lessons is generated from :func:`lessons`.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "course.toml"
TRACKS = ("start", "core", "optional")


class ManifestError(ValueError):
    """course.toml is missing a field or holds a value it cannot."""


@dataclass(frozen=True)
class Lesson:
    """One lesson of the course and the files that belong to it (paths relative to the root)."""

    number: str
    slug: str
    title: str
    blurb: str
    track: str
    draft: bool = False     # made by new-lesson and not yet written: fewer tasks allowed

    @property
    def stem(self) -> str:
        return f"{self.number}_{self.slug}"

    @property
    def label(self) -> str:
        """'04 · The numbers': how the course names a lesson in links and headers."""
        return f"{self.number} · {self.title}"

    @property
    def lesson(self) -> str:
        return f"notebooks/{self.stem}.ipynb"

    @property
    def has_workbook(self) -> bool:
        return self.track != "start"

    @property
    def workbook(self) -> str:
        return f"exercises/wb{self.stem}.ipynb"

    @property
    def key(self) -> str:
        return f"exercises/solutions/key{self.stem}.ipynb"

    @property
    def check_module(self) -> str:
        """The workbook's checks, as imported: ``counterpart.workbooks.wbNN``."""
        return f"counterpart.workbooks.wb{self.number}"


def _text(entry: dict, name: str, where: str) -> str:
    value = entry.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ManifestError(f"{where}: '{name}' must be a non-empty string")
    return value


def read(path: Path = MANIFEST) -> dict:
    """The manifest as parsed TOML, with a clear message when the file is broken."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ManifestError(f"{path} is missing: restore it with git") from None
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{path} is not valid TOML: {error}") from None


def lessons(path: Path = MANIFEST) -> list[Lesson]:
    """Every lesson, in the order of the course, checked for complete and distinct entries."""
    found = []
    for index, entry in enumerate(read(path).get("lesson", [])):
        where = f"{Path(path).name}, lesson entry {index + 1}"
        number = _text(entry, "number", where)
        if len(number) != 2 or not number.isdigit():
            raise ManifestError(f"{where}: number must be two digits, like \"08\"")
        slug = _text(entry, "slug", where)
        if not slug.replace("_", "").isalnum() or slug != slug.lower():
            raise ManifestError(f"{where}: slug must be lower-case words joined by _")
        track = _text(entry, "track", where)
        if track not in TRACKS:
            raise ManifestError(f"{where}: track must be one of {', '.join(TRACKS)}")
        draft = entry.get("draft", False)
        if not isinstance(draft, bool):
            raise ManifestError(f"{where}: draft must be true or false")
        found.append(Lesson(number, slug, _text(entry, "title", where),
                            _text(entry, "blurb", where), track, draft))
    numbers = [lesson.number for lesson in found]
    if numbers != sorted(set(numbers)):
        raise ManifestError(f"{Path(path).name}: lesson numbers must be distinct and in order")
    return found


def lesson(number: str, path: Path = MANIFEST) -> Lesson:
    """The lesson numbered ``number`` ("04" or 4)."""
    wanted = f"{int(number):02d}"
    for entry in lessons(path):
        if entry.number == wanted:
            return entry
    raise ManifestError(f"no lesson {wanted} in {Path(path).name}")


def course(path: Path = MANIFEST) -> dict:
    """The [course] table: title and the rates for estimated times."""
    return read(path).get("course", {})


def renamed(path: Path = MANIFEST) -> dict[str, str]:
    """Old path -> new path for every file that moved, followed through chains."""
    moves = {m["from"]: m["to"] for m in read(path).get("renamed", [])}
    resolved = {}
    for old in moves:
        new, seen = moves[old], {old}
        while new in moves and new not in seen:
            seen.add(new)
            new = moves[new]
        resolved[old] = new
    return resolved

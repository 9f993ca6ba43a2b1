"""Estimated times, computed from a notebook's content at the rates in course.toml.

Standard library only (the build and the launcher read it). A lesson's time counts the English
words and Chinese characters of its text cells, and a fixed time per code cell; a workbook's
adds a fixed time per checked task and per open question. Sections whose heading says
"(Optional)" count towards the full time only, so each lesson has a core path and a full one.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

from . import manifest

# Cells that are not reading: navigation, generated links, instructors' notes.
SKIPPED_TAGS = {"navigation", "workbook-link", "solution-only"}
OPTIONAL_MARK = "(Optional)"
OPEN_PROMPT = "*Write your answer here"
HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.M)
TIME_LINE = re.compile(r"^\*\*Time:\*\*.*$", re.M)   # generated from these counts: not counted
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
LINK_TARGET = re.compile(r"\]\([^)]*\)")
HTML_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Content:
    """What a reader meets in one part of a notebook."""

    english_words: int = 0
    chinese_characters: int = 0
    code_cells: int = 0
    tasks: int = 0
    open_questions: int = 0

    def __add__(self, other: Content) -> Content:
        return Content(*(a + b for a, b in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, ...]:
        return (self.english_words, self.chinese_characters, self.code_cells, self.tasks,
                self.open_questions)


@dataclass(frozen=True)
class Estimate:
    """Minutes for the core path and for everything, rounded up to five minutes."""

    core: int
    full: int
    core_content: Content
    full_content: Content

    @property
    def has_optional(self) -> bool:
        return self.full > self.core


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def _tags(cell: dict) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def cell_content(cell: dict) -> Content:
    """What one cell asks of a reader."""
    text = _source(cell)
    if cell.get("cell_type") == "code":
        if "check" in _tags(cell):      # a task's check cell: its time is the task's
            return Content(tasks=1)
        return Content(code_cells=int(bool(text.strip())))
    if cell.get("cell_type") != "markdown":
        return Content()
    prose = HTML_TAG.sub(" ", LINK_TARGET.sub("]", TIME_LINE.sub("", text)))
    return Content(english_words=len(WORD.findall(HAN.sub(" ", prose))),
                   chinese_characters=len(HAN.findall(prose)),
                   open_questions=text.count(OPEN_PROMPT))


def split_content(nb: dict) -> tuple[Content, Content]:
    """(core, optional) content of a notebook: a level-2 heading marked "(Optional)" opens an
    optional part, which runs to the next level-2 (or level-1) heading."""
    core, optional, in_optional = Content(), Content(), False
    for cell in nb.get("cells", []):
        if _tags(cell) & SKIPPED_TAGS:
            continue
        if cell.get("cell_type") == "markdown":
            for hashes, title in HEADING.findall(_source(cell)):
                if len(hashes) <= 2:
                    in_optional = OPTIONAL_MARK.lower() in title.lower()
                    break
        content = cell_content(cell)
        if in_optional:
            optional = optional + content
        else:
            core = core + content
    return core, optional


def minutes(content: Content, rates: dict) -> float:
    """Unrounded minutes for ``content`` at ``rates`` (the [course] table of course.toml)."""
    return (content.english_words / rates["english_words_per_minute"]
            + content.chinese_characters / rates["chinese_characters_per_minute"]
            + content.code_cells * rates["minutes_per_code_cell"]
            + content.tasks * rates["minutes_per_task"]
            + content.open_questions * rates["minutes_per_open_question"])


def round_up(value: float, step: int = 5) -> int:
    return max(step, int(math.ceil(value / step - 1e-9)) * step)


def estimate(path: Path, rates: dict | None = None) -> Estimate:
    """The estimated times of the notebook at ``path``."""
    rates = rates or manifest.course()
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    core, optional = split_content(nb)
    full = core + optional
    return Estimate(round_up(minutes(core, rates)), round_up(minutes(full, rates)), core, full)


def time_line(lesson_estimate: Estimate, workbook_estimate: Estimate | None = None) -> str:
    """The **Time:** line a lesson shows."""
    if lesson_estimate.has_optional:
        # one sentence says how the two paths work, so every lesson explains it the same way
        text = (f"**Time:** about {lesson_estimate.core} minutes for the core path, the "
                f"sections without *(Optional)* in their heading; about {lesson_estimate.full} "
                "with the optional ones, which you may skip or read later (the notebook runs "
                "top to bottom either way).")
    else:
        text = f"**Time:** about {lesson_estimate.full} minutes."
    if workbook_estimate is not None:
        text += f" The workbook takes about {workbook_estimate.full} minutes."
    return text


def workbook_time_line(workbook_estimate: Estimate) -> str:
    """The **Time:** line a workbook shows."""
    tasks = workbook_estimate.full_content.tasks
    questions = workbook_estimate.full_content.open_questions
    return (f"**Time:** about {workbook_estimate.full} minutes ({tasks} checked "
            f"task{'' if tasks == 1 else 's'}, {questions} open "
            f"question{'' if questions == 1 else 's'}).")
